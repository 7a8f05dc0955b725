// The disruption controller: PodDisruptionBudget status (currentHealthy, desiredHealthy,
// expectedPods, disruptionsAllowed, observedGeneration, the DisruptionAllowed condition) and how the
// eviction subresource spends it.
import { describe, expect, it } from "vitest";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { create, eventsOf, patch, sandbox, tableRow, type Sandbox } from "./nodes-autoscaling-support";
import { NS, activePods, markReady, podPath, readyAll } from "./workloads";
import { deploymentController } from "../../../src/engine/controllers/deployment/index";
import { replicaSetController } from "../../../src/engine/controllers/replicaset";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { disruptionController } from "../../../src/engine/controllers/disruption";
import { runControllers } from "../../../src/engine/controllers";
import { rfc3339 } from "../../../src/engine/machinery/time";

const CONTROLLERS = [deploymentController, replicaSetController, garbageCollector, disruptionController];
const deployPath = (name = "") => `/apis/apps/v1/namespaces/${NS}/deployments${name ? `/${name}` : ""}`;
const pdbPath = (name = "") => `/apis/policy/v1/namespaces/${NS}/poddisruptionbudgets${name ? `/${name}` : ""}`;

function deployment(name: string, replicas: number) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
  };
}

function pdb(name: string, spec: Record<string, unknown>) {
  return { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name }, spec: { selector: { matchLabels: { app: "web" } }, ...spec } };
}

/** A Deployment "web" with `replicas` Ready pods. */
function web(replicas = 3): Sandbox {
  const c = sandbox(CONTROLLERS);
  create(c, deployPath(), deployment("web", replicas));
  c.settle();
  return c;
}

const statusOf = (c: Sandbox, name = "web-pdb") => c.get(pdbPath(name)).status;
const counts = (c: Sandbox, name = "web-pdb") => {
  const s = statusOf(c, name);
  return { currentHealthy: s.currentHealthy, desiredHealthy: s.desiredHealthy, expectedPods: s.expectedPods, disruptionsAllowed: s.disruptionsAllowed };
};

function evict(c: Sandbox, pod: string) {
  return c.request("POST", `${podPath(pod)}/eviction`, { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: pod, namespace: NS } });
}

describe("PodDisruptionBudget status", () => {
  it("counts Ready pods against minAvailable and sets DisruptionAllowed", () => {
    const c = web(3);
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 2 }));
    c.settle();
    expect(statusOf(c)).toEqual({
      currentHealthy: 3,
      desiredHealthy: 2,
      disruptionsAllowed: 1,
      expectedPods: 3,
      observedGeneration: 1,
      conditions: [{ type: "DisruptionAllowed", status: "True", observedGeneration: 1, lastTransitionTime: rfc3339(EPOCH_MS), reason: "SufficientPods", message: "" }],
    });
    expect(tableRow(c, pdbPath("web-pdb"))).toMatchObject({ "Min Available": "2", "Max Unavailable": "N/A", "Allowed Disruptions": 1 });
  });

  it.each([
    { spec: { minAvailable: 3 }, want: { currentHealthy: 3, desiredHealthy: 3, expectedPods: 3, disruptionsAllowed: 0 } },
    { spec: { minAvailable: "50%" }, want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 } },
    { spec: { maxUnavailable: 1 }, want: { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 } },
    { spec: { maxUnavailable: "34%" }, want: { currentHealthy: 3, desiredHealthy: 1, expectedPods: 3, disruptionsAllowed: 2 } },
    { spec: { maxUnavailable: 0 }, want: { currentHealthy: 3, desiredHealthy: 3, expectedPods: 3, disruptionsAllowed: 0 } },
  ])("$spec over three Ready pods", ({ spec, want }) => {
    const c = web(3);
    create(c, pdbPath(), pdb("web-pdb", spec));
    c.settle();
    expect(counts(c)).toEqual(want);
    const allowed = statusOf(c).conditions[0];
    expect([allowed.status, allowed.reason]).toEqual(want.disruptionsAllowed > 0 ? ["True", "SufficientPods"] : ["False", "InsufficientPods"]);
  });

  it("does not count pods that are not Ready or are being deleted", () => {
    const c = web(3);
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 2 }));
    c.settle();
    const [a, b] = activePods(c);
    markReady(c, a, false);
    c.run();
    expect(counts(c)).toEqual({ currentHealthy: 2, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 0 });
    expect(c.request("DELETE", podPath(b.metadata.name)).status).toBe(200);
    c.run();
    expect(counts(c)).toMatchObject({ currentHealthy: 1, disruptionsAllowed: 0 });
  });

  it("sums the scale of the pods' controllers for a percentage, whatever their pods are doing", () => {
    const c = web(4);
    create(c, pdbPath(), pdb("web-pdb", { maxUnavailable: "50%" }));
    c.settle();
    patch(c, deployPath("web"), { spec: { replicas: 6 } });
    c.run(); // two new pods, not Ready yet
    expect(counts(c)).toEqual({ currentHealthy: 4, desiredHealthy: 3, expectedPods: 6, disruptionsAllowed: 1 });
  });

  it("matches no pods: InsufficientPods and a NoPods event", () => {
    const c = sandbox(CONTROLLERS);
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 1 }));
    c.settle();
    expect(counts(c)).toEqual({ currentHealthy: 0, desiredHealthy: 1, expectedPods: 0, disruptionsAllowed: 0 });
    expect(statusOf(c).conditions[0]).toMatchObject({ status: "False", reason: "InsufficientPods" });
    expect(eventsOf(c, "NoPods").map((e) => [e.type, e.message, e.source.component])).toEqual([["Normal", "No matching pods found", "controllermanager"]]);
  });

  it("fails safe when a percentage cannot be resolved: bare pods are unmanaged", () => {
    const c = sandbox(CONTROLLERS);
    create(c, `/api/v1/namespaces/${NS}/pods`, { apiVersion: "v1", kind: "Pod", metadata: { name: "solo", labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } });
    c.settle();
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: "50%" }));
    c.settle();
    expect(counts(c)).toEqual({ currentHealthy: 1, desiredHealthy: 0, expectedPods: 0, disruptionsAllowed: 0 });
    expect(eventsOf(c, "UnmanagedPods")[0].message).toMatch(/^Pods selected by this PodDisruptionBudget \(selector: &LabelSelector\{MatchLabels:map\[string\]string\{app: web,\}/);
  });

  it("follows a spec change with observedGeneration", () => {
    const c = web(3);
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 2 }));
    c.settle();
    patch(c, pdbPath("web-pdb"), { spec: { minAvailable: 3 } });
    c.run();
    const s = statusOf(c);
    expect([s.observedGeneration, s.disruptionsAllowed, s.conditions[0].reason, s.conditions[0].observedGeneration]).toEqual([2, 0, "InsufficientPods", 2]);
  });

  it("writes nothing when nothing changed, and leaves a fresh cluster unchanged", () => {
    const c = web(3);
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 2 }));
    c.settle();
    const rv = c.cluster.store.resourceVersion;
    c.advance(60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);

    const fresh = testCluster();
    const before = fresh.cluster.store.resourceVersion;
    runControllers({ state: fresh.cluster, nowMs: fresh.nowMs }, [disruptionController]);
    expect(fresh.cluster.store.resourceVersion).toBe(before);
  });
});

describe("PodDisruptionBudget and the eviction subresource", () => {
  it("allows one eviction, refuses the next with 429 until a replacement is Ready", () => {
    const c = sandbox(CONTROLLERS, { kubelet: false });
    create(c, deployPath(), deployment("web", 3));
    c.run();
    readyAll(c); // bound to nodes and Ready
    create(c, pdbPath(), pdb("web-pdb", { minAvailable: 2 }));
    c.run();
    const [a, b] = activePods(c).map((p) => p.metadata.name);
    expect(evict(c, a).status).toBe(201);
    c.run();
    // The evicted pod is terminating (still selected), its replacement is not Ready yet.
    expect(counts(c)).toEqual({ currentHealthy: 2, desiredHealthy: 2, expectedPods: 4, disruptionsAllowed: 0 });
    const refused = evict(c, b);
    expect(refused.status).toBe(429);
    expect(refused.body.details.causes[0].message).toBe("The disruption budget web-pdb needs 2 healthy pods and has 2 currently");
    // The ReplicaSet's replacement becomes Ready: one disruption is allowed again.
    readyAll(c);
    c.run();
    expect(counts(c)).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 1 });
    expect(evict(c, b).status).toBe(201);
  });
});
