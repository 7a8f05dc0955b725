// kubectl's REST client and RESTMapper: requests go through the host's API door (the same
// in-process API server the HTTP API exposes); resource names resolve against the server's
// discovery documents, as kubectl's deferred discovery RESTMapper does.
import type { ApiResponse, WatchEvent } from "../apiserver/request";
import type { ApiCall, KubectlEnv } from "./env";
import type { Status } from "../machinery/status";
import { AGGREGATED_V2 } from "../apiserver/discovery";
import { KubectlError } from "./command";

/** A Status the server answered with (>= 400). kubectl prints it through `formatError`. */
export class ServerError extends Error {
  constructor(
    readonly code: number,
    readonly status: Status,
  ) {
    super(status.message ?? "");
  }
  get reason(): string {
    return status(this).reason ?? "";
  }
}
const status = (e: ServerError) => e.status;

/** One resource as discovery describes it. */
export interface ApiResource {
  group: string;
  version: string;
  /** Plural, lower case ("deployments"). */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: string[];
}

export type KubeObject = Record<string, any>;

export interface RequestOptions {
  query?: Record<string, string | string[] | undefined> | URLSearchParams;
  headers?: Record<string, string>;
  body?: unknown;
  /** Content type of `body` (JSON by default). */
  contentType?: string;
}

const encoder = new TextEncoder();

export class KubeClient {
  private discovery: ApiResource[] | undefined;
  private readonly warned = new Set<string>();
  /** Whether `discovery` came from the host's cache (and may be stale). */
  private fromCache = false;
  constructor(
    private readonly env: KubectlEnv,
    private readonly impersonation: Record<string, string> = {},
  ) {}

  /** Sends a request; bodies that are not bytes or strings are sent as JSON. */
  async raw(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse> {
    const call: ApiCall = { method, path, headers: { accept: "application/json", "user-agent": "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9", ...this.impersonation, ...opts.headers } };
    if (opts.query) {
      const q = new URLSearchParams();
      if (opts.query instanceof URLSearchParams) opts.query.forEach((v, k) => q.append(k, v));
      else
        for (const [k, v] of Object.entries(opts.query)) {
          if (v === undefined) continue;
          for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
        }
      call.query = q;
    }
    if (opts.body !== undefined) {
      call.body = opts.body instanceof Uint8Array ? opts.body : encoder.encode(typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body));
      call.headers!["content-type"] = opts.contentType ?? "application/json";
    }
    const r = await this.env.api(call);
    this.printWarnings(r.headers?.["warning"]);
    return r;
  }

  /** client-go's warning handler as kubectl sets it up: `Warning: <text>` on stderr, each text once. */
  private printWarnings(header: string | undefined) {
    if (!header) return;
    for (const m of header.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)) {
      const text = JSON.parse(`"${m[1]}"`) as string;
      if (this.warned.has(text)) continue;
      this.warned.add(text);
      this.env.stderr.write(`Warning: ${text}\n`);
    }
  }

  /** A request whose answer must be an object; a Status >= 400 is thrown as ServerError. */
  async request<T = KubeObject>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const r = await this.raw(method, path, opts);
    if ("watch" in r) throw new KubectlError(`unexpected watch stream from ${path}`);
    if (r.status >= 400) throw new ServerError(r.status, asStatus(r.body, r.status));
    return r.body as T;
  }

  /** Opens a watch; resolves to its initial events and a subscription for live ones. */
  async watch(path: string, query: Record<string, string | undefined>): Promise<{ initial: WatchEvent[]; subscribe: (send: (e: WatchEvent) => void, end: () => void) => () => void }> {
    const r = await this.raw("GET", path, { query: { ...query, watch: "true" } });
    if (!("watch" in r)) {
      if (r.status >= 400) throw new ServerError(r.status, asStatus(r.body, r.status));
      throw new KubectlError(`the server did not open a watch for ${path}`);
    }
    return { initial: r.watch.initial, subscribe: (send, end) => r.watch.subscribe(send, end) };
  }

  /**
   * Every resource the server serves (aggregated discovery: two requests), from the discovery cache
   * when the host keeps one.
   */
  async resources(): Promise<ApiResource[]> {
    if (this.discovery) return this.discovery;
    const cached = this.env.cache?.discovery;
    if (cached) {
      this.discovery = cached;
      this.fromCache = true;
      return cached;
    }
    return this.refreshResources();
  }

  /** Discovery from the server, replacing the cache (kubectl invalidates it on a miss and for api-resources). */
  async refreshResources(): Promise<ApiResource[]> {
    const out: ApiResource[] = [];
    for (const path of ["/api", "/apis"]) {
      const doc = await this.request<{ items: any[] }>("GET", path, { headers: { accept: `${AGGREGATED_V2},application/json` } });
      for (const g of doc.items ?? []) {
        const group: string = g.metadata?.name ?? "";
        for (const v of g.versions ?? []) {
          for (const r of v.resources ?? []) {
            out.push({
              group,
              version: v.version,
              resource: r.resource,
              singular: r.singularResource ?? "",
              kind: r.responseKind?.kind ?? "",
              namespaced: r.scope === "Namespaced",
              shortNames: r.shortNames ?? [],
              categories: r.categories ?? [],
              verbs: r.verbs ?? [],
              subresources: (r.subresources ?? []).map((s: any) => s.subresource),
            });
          }
        }
      }
    }
    this.discovery = out;
    this.fromCache = false;
    if (this.env.cache) this.env.cache.discovery = out;
    return out;
  }

  /** The first resource matching `pred`; a miss in cached discovery refreshes it once and looks again. */
  async findResource(pred: (r: ApiResource) => boolean): Promise<ApiResource | undefined> {
    const hit = (await this.resources()).find(pred);
    if (hit || !this.fromCache) return hit;
    return (await this.refreshResources()).find(pred);
  }

  /**
   * Resolves what a user typed as a resource type (`po`, `pods`, `Pod`, `deployments.apps`,
   * `deployment.v1.apps`, `hpa`) to the preferred version's resource, like kubectl's shortcut
   * expander plus RESTMapper. Throws kubectl's "doesn't have a resource type" error.
   */
  async resolve(typed: string): Promise<ApiResource> {
    const found = await this.tryResolve(typed);
    if (!found) {
      // kubectl's NoResourceMatchError names only the resource part ("deployments.foo" -> "deployments").
      throw new KubectlError(`the server doesn't have a resource type "${typed.split(".")[0]}"`);
    }
    return found;
  }

  async tryResolve(typed: string): Promise<ApiResource | undefined> {
    const found = this.resolveIn(await this.resources(), typed);
    if (found || !this.fromCache) return found;
    return this.resolveIn(await this.refreshResources(), typed);
  }

  private resolveIn(all: ApiResource[], typed: string): ApiResource | undefined {
    const lower = typed.toLowerCase();
    // Only the first version of each group that serves a resource is preferred (discovery lists
    // the preferred version first).
    const preferred: ApiResource[] = [];
    const seen = new Set<string>();
    for (const r of all) {
      const key = `${r.group}/${r.resource}`;
      if (seen.has(key) || r.resource.includes("/")) continue;
      seen.add(key);
      preferred.push(r);
    }
    const matchName = (r: ApiResource, name: string) => r.resource === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
    // resource.version.group, then resource.group
    const parts = lower.split(".");
    if (parts.length >= 3) {
      const [name, version, ...g] = parts;
      const group = g.join(".");
      const hit = all.find((r) => r.group === group && r.version === version && !r.resource.includes("/") && matchName(r, name));
      if (hit) return hit;
    }
    if (parts.length >= 2) {
      const [name, ...g] = parts;
      const group = g.join(".");
      const hit = preferred.find((r) => r.group === group && matchName(r, name));
      if (hit) return hit;
    }
    // Short names first (the shortcut expander runs before the mapper), then plural, singular, kind.
    return (
      preferred.find((r) => r.shortNames.includes(lower)) ??
      preferred.find((r) => r.resource === lower) ??
      preferred.find((r) => r.singular === lower) ??
      preferred.find((r) => r.kind.toLowerCase() === lower)
    );
  }
}

/** Path of a resource collection or object. */
export function resourcePath(r: Pick<ApiResource, "group" | "version" | "resource" | "namespaced">, namespace?: string, name?: string, subresource?: string): string {
  let p = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  if (r.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${r.resource}`;
  if (name !== undefined) p += `/${encodeURIComponent(name)}`;
  if (subresource) p += `/${subresource}`;
  return p;
}

function asStatus(body: unknown, code: number): Status {
  if (body && typeof body === "object" && (body as { kind?: string }).kind === "Status") return body as Status;
  return { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: typeof body === "string" ? body : `the server responded with status ${code}`, code } as Status;
}

/**
 * The text kubectl prints for an error and exits 1 with (cmdutil.CheckErr): usage errors as they
 * are, server Status errors as `Error from server (Reason): message`, invalid objects with their
 * causes, anything else as `error: message`.
 */
export function formatError(err: unknown): string {
  if (err instanceof ServerError) {
    const s = err.status;
    if (s.reason === "Invalid") {
      const d = s.details;
      if (!d) return `The request is invalid${s.message ? `: ${s.message}` : ""}\n`;
      let prefix = "The request is invalid";
      const causes = d.causes ?? [];
      if (d.kind || d.name) prefix = `The ${d.kind ?? ""} "${d.name ?? ""}" is invalid`;
      // checkErr: no kind/name and no causes: the server's message is all there is to show.
      else if (s.message && !causes.length) prefix += `: ${s.message}`;
      if (!causes.length) return `${prefix}\n`;
      const msgs = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ""}` : (c.message ?? "")));
      // kubectl's MultilineError over the causes' aggregate: one cause on the same line, several as a list.
      return msgs.length === 1 ? `${prefix}: ${msgs[0]}\n` : `${prefix}: \n${msgs.map((m) => `* ${m}\n`).join("")}`;
    }
    if (s.reason === "Unauthorized") return `error: You must be logged in to the server (${s.message ?? ""})\n`;
    return s.reason ? `Error from server (${s.reason}): ${s.message ?? ""}\n` : `Error from server: ${s.message ?? ""}\n`;
  }
  const msg = err instanceof Error ? err.message : String(err);
  if (msg === "") return "";
  return (msg.startsWith("error: ") ? msg : `error: ${msg}`) + (msg.endsWith("\n") ? "" : "\n");
}
