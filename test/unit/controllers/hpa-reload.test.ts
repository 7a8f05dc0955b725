// The HPA controller remembers which 15 s sync period it last ran in only while the sandbox stays in
// memory. A fresh process (the Durable Object reloaded from SQLite, or an alarm retried) runs the
// current period's sync again; that second run must not count its warning events a second time.
import { expect, test } from "vitest";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { Cluster } from "../../../src/engine/cluster/cluster";
import { KUBERNETES_ADMIN } from "../../../src/engine/cluster/users";

/** The same cluster as a new process loads it from storage. */
function reload(cluster: Cluster): Cluster {
  const store = cluster.store;
  const rows = store.resources().flatMap((resource) => store.list(resource).map((o) => ({ resource, body: JSON.stringify(o) })));
  return new Cluster({ resourceVersion: store.resourceVersion, seed: "test-seed" }, rows);
}

function failedGetScaleCount(cluster: Cluster, nowMs: number): number | undefined {
  const r = cluster.handle({ method: "GET", path: "/api/v1/namespaces/default/events", query: new URLSearchParams(), headers: {}, user: KUBERNETES_ADMIN, nowMs });
  if (!("body" in r)) throw new Error("unexpected watch");
  return ((r.body as any).items as any[]).find((e) => e.reason === "FailedGetScale")?.count;
}

test("a sync period run again after a reload does not record FailedGetScale twice", () => {
  const c = testCluster();
  const created = c.request("POST", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "web" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "missing" }, minReplicas: 1, maxReplicas: 3, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
  });
  expect(created.status).toBe(201);
  let cluster = c.cluster;
  let now = EPOCH_MS;
  const at = (seconds: number) => {
    now = EPOCH_MS + seconds * 1000;
    cluster.reconcile(now);
    return failedGetScaleCount(cluster, now);
  };
  // Syncs 15 s and 30 s after creation count once each.
  expect(at(15)).toBe(1);
  expect(at(30)).toBe(2);
  expect(at(45)).toBe(3);
  // Reloaded twice within the 45 s period: its sync is not counted again.
  cluster = reload(cluster);
  expect(at(49)).toBe(3);
  cluster = reload(cluster);
  expect(at(53)).toBe(3);
  // The next period's sync counts as usual.
  expect(at(60)).toBe(4);
});
