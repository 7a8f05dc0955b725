// A bootstrapped cluster and a tiny client over its in-process API server, for engine tests.
import { Cluster } from "../../src/engine/cluster/cluster";
import { bootstrapCluster } from "../../src/engine/cluster/bootstrap/index";
import { KUBERNETES_ADMIN } from "../../src/engine/cluster/users";
import type { ApiResponse } from "../../src/engine/apiserver/request";

/** 2026-01-01T00:00:00Z: a fixed epoch so tests never depend on the wall clock. */
export const EPOCH_MS = Date.UTC(2026, 0, 1);

export interface TestClient {
  cluster: Cluster;
  nowMs: number;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): { status: number; body: any; headers?: Record<string, string> };
  get(path: string, headers?: Record<string, string>): any;
  /** Advances simulated time and runs due controller work. */
  tick(ms?: number): void;
}

export function testCluster(opts: { nodes?: number; seed?: string; bootstrap?: boolean } = {}): TestClient {
  const cluster = Cluster.empty(opts.seed ?? "test-seed");
  const client: TestClient = {
    cluster,
    nowMs: EPOCH_MS,
    request(method, path, body, headers = {}) {
      const [p, q] = path.split("?");
      const bytes = body === undefined ? undefined : new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
      const r: ApiResponse = cluster.handle({
        method,
        path: p,
        query: new URLSearchParams(q ?? ""),
        headers: { "content-type": "application/json", ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) },
        body: bytes,
        user: KUBERNETES_ADMIN,
        nowMs: client.nowMs,
      });
      if ("watch" in r) throw new Error("use watch() for watches");
      return { status: r.status, body: r.body, headers: r.headers };
    },
    get(path, headers) {
      const r = client.request("GET", path, undefined, headers);
      if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    tick(ms = 0) {
      client.nowMs += ms;
      cluster.reconcile(client.nowMs);
    },
  };
  if (opts.bootstrap !== false) {
    bootstrapCluster(cluster, { nowMs: EPOCH_MS, nodes: opts.nodes ?? 2 });
    cluster.takeWrites();
  }
  return client;
}
