// The simulation's checks catch what they claim to: each one is shown a cluster that breaks it.
import { describe, expect, it } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { checkAllocatable, checkConverged, checkOwnerReferences, checkStatefulSetOrdinals, pendingTimedWork, ResourceVersions, Snapshot } from "./invariants";

const PODS = "/api/v1/namespaces/default/pods";
const CMS = "/api/v1/namespaces/default/configmaps";

function pod(name: string, extra: Record<string, any> = {}, metadata: Record<string, any> = {}) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, ...metadata }, spec: { containers: [{ name: "app", image: "nginx:1.27" }], ...extra } };
}

function post(c: TestClient, path: string, body: unknown) {
  const r = c.request("POST", path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const snap = (c: TestClient) => new Snapshot(c.cluster);

describe("simulation invariants", () => {
  it("a fresh cluster breaks none of them and has no timed work", () => {
    const c = testCluster({ nodes: 2 });
    const s = snap(c);
    expect([...new ResourceVersions().check(s), ...checkOwnerReferences(s), ...checkAllocatable(s), ...checkStatefulSetOrdinals(s)]).toEqual([]);
    expect(pendingTimedWork(s, c.nowMs)).toBeUndefined();
    expect(checkConverged(s, { setsEverBroken: new Set() })).toEqual([]);
  });

  it("flags a node holding more cpu than it can allocate", () => {
    const c = testCluster({ nodes: 1 });
    const big = { nodeName: "node01", containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "1500m" } } }] };
    post(c, PODS, pod("a", big));
    expect(checkAllocatable(snap(c))).toEqual([]);
    post(c, PODS, pod("b", big));
    expect(checkAllocatable(snap(c))).toEqual([expect.stringMatching(/^node node01 holds 3\d{3} cpu of 2000 allocatable \(pods: .*a, b/)]);
  });

  it("flags a dependent whose owner is gone until the garbage collector deletes it", () => {
    const c = testCluster({ nodes: 1 });
    post(c, CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "dep", ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: "gone", uid: "0e0e0e0e-0000-4000-8000-000000000000" }] } });
    expect(checkOwnerReferences(snap(c))).toEqual([expect.stringContaining("ConfigMap/dep is orphaned: its owner ConfigMap/gone")]);
    c.tick();
    expect(checkOwnerReferences(snap(c))).toEqual([]);
  });

  it("flags a StatefulSet pod whose name is not <set>-<ordinal>", () => {
    const c = testCluster({ nodes: 1 });
    const set = post(c, "/apis/apps/v1/namespaces/default/statefulsets", {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db" },
      spec: { replicas: 0, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
    });
    const ownerReferences = [{ apiVersion: "apps/v1", kind: "StatefulSet", name: "db", uid: set.metadata.uid, controller: true }];
    post(c, PODS, pod("db-01", {}, { ownerReferences }));
    expect(checkStatefulSetOrdinals(snap(c))).toEqual(["StatefulSet db owns db-01, which is not <set>-<ordinal>"]);
  });

  it("flags a resourceVersion that went back", () => {
    const rvs = new ResourceVersions();
    const later = testCluster({ nodes: 1 });
    post(later, CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } });
    expect(rvs.check(snap(later))).toEqual([]);
    const earlier = testCluster({ nodes: 1 });
    expect(rvs.check(snap(earlier))[0]).toMatch(/^store resourceVersion went back from \d+ to \d+$/);
  });

  it("asks for an alarm within the scheduler's backoff for a pod that fits, and none for one that fits nowhere", () => {
    const c = testCluster({ nodes: 1 });
    post(c, PODS, pod("huge", { containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "64" } } }] }));
    expect(pendingTimedWork(snap(c), c.nowMs)).toBeUndefined();
    post(c, PODS, pod("small"));
    expect(pendingTimedWork(snap(c), c.nowMs)).toEqual({ reason: "Pod/small is Pending but fits node01", dueByMs: c.nowMs + 11_000 });
  });

  it("reports a Deployment whose pods never came as not converged", () => {
    const c = testCluster({ nodes: 1 });
    post(c, "/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
    });
    expect(checkConverged(snap(c), { setsEverBroken: new Set() })).toEqual(["Deployment web has 0 ReplicaSets with its current template"]);
  });
});
