// Drivers for the HPA, disruption and node lifecycle tests. Each test runs only the controllers it
// is about (plus the workload controllers that create pods) and plays the scheduler and kubelet
// itself: binding pods, reporting them Running and Ready, finishing terminations.
import { expect } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { runControllers } from "../../../src/engine/controllers";
import type { Controller } from "../../../src/engine/controllers/types";
import { finishTerminations, readyAll, NS } from "./workloads";

export interface Sandbox extends TestClient {
  /** Runs the controllers at the current time until quiescent; returns their next wake-up. */
  run(): number | undefined;
  /** The kubelet stand-in and the controllers until nothing changes. */
  settle(): void;
  /** Runs everything due at each wake-up up to `ms` from now (like the clock endpoint), settling each time. */
  advance(ms: number): void;
}

export function sandbox(controllers: readonly Controller[], opts: { nodes?: number; kubelet?: boolean } = {}): Sandbox {
  const c = testCluster({ nodes: opts.nodes ?? 2 }) as Sandbox;
  const kubelet = opts.kubelet ?? true;
  c.run = () => runControllers({ state: c.cluster, nowMs: c.nowMs }, controllers).nextWakeMs;
  c.settle = () => {
    for (let i = 0; i < 50; i++) {
      const before = c.cluster.store.resourceVersion;
      if (kubelet) {
        readyAll(c, NS);
        finishTerminations(c, NS);
      }
      c.run();
      if (c.cluster.store.resourceVersion === before) return;
    }
    throw new Error("did not settle");
  };
  c.advance = (ms) => {
    const target = c.nowMs + ms;
    c.settle();
    let wake = c.run();
    while (wake !== undefined && wake <= target) {
      expect(wake).toBeGreaterThan(c.nowMs);
      c.nowMs = wake;
      c.settle();
      wake = c.run();
    }
    c.nowMs = target;
    c.settle();
  };
  return c;
}

export function create(c: TestClient, path: string, body: unknown) {
  const r = c.request("POST", path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export function patch(c: TestClient, path: string, body: unknown) {
  const r = c.request("PATCH", path, body, { "content-type": "application/merge-patch+json" });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

/** Event messages of one reason in a namespace, oldest first. */
export function eventsOf(c: TestClient, reason: string, ns = NS): any[] {
  return c
    .get(`/api/v1/namespaces/${ns}/events`)
    .items.filter((e: any) => e.reason === reason)
    .sort((a: any, b: any) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
}

/** The cells of one row of a Table response (what `kubectl get` prints). */
export function tableRow(c: TestClient, path: string): Record<string, unknown> {
  const r = c.request("GET", path, undefined, { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const cols: string[] = r.body.columnDefinitions.map((d: any) => d.name);
  return Object.fromEntries(cols.map((name, i) => [name, r.body.rows[0].cells[i]]));
}
