// Builders and probes for kubelet tests: pods pinned to a node (no scheduler in the way), simulated
// time advanced the way the Durable Object alarm does it (every due wake-up in order), and readers
// for status, events and logs.
import { testCluster, EPOCH_MS, type TestClient } from "../../support/cluster";

export { EPOCH_MS };

export const NS = "default";
const PODS = `/api/v1/namespaces/${NS}/pods`;

export function kubeletCluster(opts: { nodes?: number } = {}): TestClient {
  return testCluster({ nodes: opts.nodes ?? 2 });
}

export interface PodOptions {
  node?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

/** Creates a pod bound to `node` (node01 by default) and lets the kubelet see it. */
export function createPod(c: TestClient, name: string, spec: Record<string, unknown>, opts: PodOptions = {}): void {
  const metadata: Record<string, unknown> = { name };
  if (opts.annotations) metadata.annotations = opts.annotations;
  if (opts.labels) metadata.labels = opts.labels;
  const r = c.request("POST", PODS, { apiVersion: "v1", kind: "Pod", metadata, spec: { nodeName: opts.node ?? "node01", ...spec } });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${JSON.stringify(r.body)}`);
  advance(c, 0);
}

/** Moves simulated time forward by `ms`, running every alarm that falls due on the way. */
export function advance(c: TestClient, ms: number): void {
  c.cluster.advance(c.nowMs, c.nowMs + ms);
  c.nowMs += ms;
}

/** Advances in steps of `stepMs` until `until` holds; returns the seconds since the epoch when it did. */
export function advanceUntil(c: TestClient, until: () => boolean, maxMs = 600_000, stepMs = 250): number {
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (until()) return secondsSinceEpoch(c);
    advance(c, stepMs);
  }
  throw new Error(`condition not reached within ${maxMs} ms`);
}

export const secondsSinceEpoch = (c: TestClient) => (c.nowMs - EPOCH_MS) / 1000;

/** The pod as a client sees it (a copy: the in-process server hands out its stored object). */
export function getPod(c: TestClient, name: string): any | undefined {
  const r = c.request("GET", `${PODS}/${name}`);
  return r.status === 200 ? JSON.parse(JSON.stringify(r.body)) : undefined;
}

export function pod(c: TestClient, name: string): any {
  const p = getPod(c, name);
  if (!p) throw new Error(`pod ${name} not found`);
  return p;
}

/** The first regular container's status. */
export const container = (c: TestClient, name: string, index = 0) => pod(c, name).status.containerStatuses?.[index];

/** What `kubectl get pods` shows in its STATUS column. */
export function statusColumn(c: TestClient, name: string): string {
  const r = c.request("GET", `${PODS}/${name}`, undefined, { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
  if (r.status !== 200) return "<gone>";
  return String(r.body.rows[0].cells[2]);
}

export function condition(c: TestClient, name: string, type: string): any {
  return pod(c, name).status.conditions?.find((x: any) => x.type === type);
}

export interface Ev {
  type: string;
  reason: string;
  message: string;
  count: number;
  fieldPath?: string;
  component: string;
  host?: string;
  first: number;
  last: number;
}

/** The pod's events, oldest first, with times in seconds since the epoch. */
export function events(c: TestClient, podName: string): Ev[] {
  const list = c.get(`/api/v1/namespaces/${NS}/events`).items as any[];
  return list
    .filter((e) => e.involvedObject?.name === podName && e.involvedObject?.kind === "Pod")
    .map((e) => ({
      type: e.type,
      reason: e.reason,
      message: e.message,
      count: e.count ?? 1,
      fieldPath: e.involvedObject.fieldPath,
      component: e.source?.component ?? e.reportingComponent,
      host: e.source?.host,
      first: (Date.parse(e.firstTimestamp ?? e.eventTime) - EPOCH_MS) / 1000,
      last: (Date.parse(e.lastTimestamp ?? e.eventTime) - EPOCH_MS) / 1000,
    }))
    .sort((a, b) => a.first - b.first || a.last - b.last);
}

export const kubeletEvents = (c: TestClient, podName: string) => events(c, podName).filter((e) => e.component === "kubelet");

export function event(c: TestClient, podName: string, reason: string, messagePart = ""): Ev | undefined {
  return kubeletEvents(c, podName).find((e) => e.reason === reason && e.message.includes(messagePart));
}

export function logs(c: TestClient, podName: string, query = ""): { status: number; text: string; error?: string } {
  const r = c.request("GET", `${PODS}/${podName}/log${query ? `?${query}` : ""}`);
  if (r.status === 200) return { status: 200, text: String(r.body) };
  return { status: r.status, text: "", error: r.body?.message };
}

export const seconds = (rfc3339: string) => (Date.parse(rfc3339) - EPOCH_MS) / 1000;
