// What a describer gets: the API client, kubectl's DescriberSettings (--show-events, --chunk-size)
// and the time ages are measured against. Describers fetch what kubectl's describers fetch, then
// hand plain objects to pure render functions.
import type { KubeClient, KubeObject } from "../client";

export interface DescriberSettings {
  showEvents: boolean;
  /** --chunk-size: the limit of every list request (0: no paging). */
  chunkSize: number;
}

export interface DescribeContext {
  client: KubeClient;
  settings: DescriberSettings;
  /** Simulated now (ms), for ages like translateTimestampSince. */
  nowMs: number;
}

/** One kind's describer: kubectl's ResourceDescriber.Describe(namespace, name, settings). */
export type Describer = (ctx: DescribeContext, namespace: string, name: string) => Promise<string>;

export async function getJson(ctx: DescribeContext, path: string): Promise<KubeObject> {
  return ctx.client.request("GET", path);
}

/** A list request paged by --chunk-size (runtimeresource.FollowContinue); the items of every page. */
export async function listAll(ctx: DescribeContext, path: string, query: { labelSelector?: string; fieldSelector?: string } = {}): Promise<KubeObject[]> {
  const items: KubeObject[] = [];
  let next: string | undefined;
  do {
    const page = await ctx.client.request("GET", path, {
      query: {
        labelSelector: query.labelSelector || undefined,
        fieldSelector: query.fieldSelector || undefined,
        limit: ctx.settings.chunkSize > 0 ? String(ctx.settings.chunkSize) : undefined,
        continue: next,
      },
    });
    items.push(...(page.items ?? []));
    next = page.metadata?.continue || undefined;
  } while (next && ctx.settings.chunkSize > 0);
  return items;
}

/** Namespaced collection path in the core group: /api/v1/namespaces/<ns>/<resource>. */
export function corePath(resource: string, namespace?: string, name?: string): string {
  let p = "/api/v1";
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  return p;
}

/** Collection or object path in a named group version. */
export function groupPath(groupVersion: string, resource: string, namespace?: string, name?: string): string {
  let p = `/apis/${groupVersion}`;
  if (namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  return p;
}
