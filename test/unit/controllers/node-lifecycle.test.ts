// Node lifecycle and taint-based eviction: a node made NotReady with the kubeplay.dev/simulate
// annotation (conditions Unknown, unreachable taints, NodeNotReady events, pods not Ready), its pods
// evicted when their tolerationSeconds run out (300 s by default), recovery when the annotation goes,
// taints that follow conditions and cordoning.
import { describe, expect, it } from "vitest";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { create, eventsOf, patch, sandbox, tableRow, type Sandbox } from "./nodes-autoscaling-support";
import { NS, markReady, podPath } from "./workloads";
import { nodeLifecycleController } from "../../../src/engine/controllers/node-lifecycle";
import { taintEvictionController } from "../../../src/engine/controllers/taint-eviction";
import { runControllers } from "../../../src/engine/controllers";
import { rfc3339 } from "../../../src/engine/machinery/time";

const CONTROLLERS = [nodeLifecycleController, taintEvictionController];
const nodePath = (name: string) => `/api/v1/nodes/${name}`;

function lifecycle(): Sandbox {
  return sandbox(CONTROLLERS, { kubelet: false });
}

/** A Running, Ready pod on a node (as the scheduler and kubelet would leave it). */
function runningPod(c: Sandbox, name: string, node: string, spec: Record<string, unknown> = {}) {
  const pod = create(c, podPath(), { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { nodeName: node, containers: [{ name: "nginx", image: "nginx:1.27" }], ...spec } });
  markReady(c, pod);
  return pod;
}

const node = (c: Sandbox, name = "node01") => c.get(nodePath(name));
const conditions = (c: Sandbox, name = "node01") => Object.fromEntries(node(c, name).status.conditions.map((k: any) => [k.type, `${k.status} ${k.reason}: ${k.message}`]));
const taints = (c: Sandbox, name = "node01") => (node(c, name).spec.taints ?? []).map((t: any) => `${t.key}:${t.effect}${t.timeAdded ? ` @${t.timeAdded}` : ""}`);
const podReady = (c: Sandbox, name: string) => c.get(podPath(name)).status.conditions.find((k: any) => k.type === "Ready").status;
const simulate = (c: Sandbox, value: string | null, name = "node01") => patch(c, nodePath(name), { metadata: { annotations: { "kubeplay.dev/simulate": value } } });

describe("a node made NotReady through the API", () => {
  it("turns every condition Unknown, taints the node unreachable and marks its pods not Ready", () => {
    const c = lifecycle();
    runningPod(c, "web-1", "node01");
    runningPod(c, "other", "node02");
    const before = node(c);
    c.nowMs += 1000;
    simulate(c, "NotReady");
    c.settle();
    const t = rfc3339(EPOCH_MS + 1000);
    expect(conditions(c)).toEqual({
      MemoryPressure: "Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      DiskPressure: "Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      PIDPressure: "Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
      Ready: "Unknown NodeStatusUnknown: Kubelet stopped posting node status.",
    });
    const ready = node(c).status.conditions.find((k: any) => k.type === "Ready");
    expect(ready.lastTransitionTime).toBe(t);
    expect(ready.lastHeartbeatTime).toBe(before.status.conditions.find((k: any) => k.type === "Ready").lastHeartbeatTime);
    expect(taints(c)).toEqual([`node.kubernetes.io/unreachable:NoSchedule @${t}`, `node.kubernetes.io/unreachable:NoExecute @${t}`]);
    expect(tableRow(c, nodePath("node01"))).toMatchObject({ Status: "NotReady" });

    expect(podReady(c, "web-1")).toBe("False");
    expect(podReady(c, "other")).toBe("True");
    expect(eventsOf(c, "NodeNotReady").map((e) => [e.involvedObject.kind, e.involvedObject.name, e.type, e.message, e.source.component])).toEqual([
      ["Node", "node01", "Normal", "Node node01 status is now: NodeNotReady", "node-controller"],
      ["Pod", "web-1", "Warning", "Node is not ready", "node-controller"],
    ]);
    expect(eventsOf(c, "NodeNotReady")[0].involvedObject.uid).toBe("node01");
  });

  it("writes nothing more while the node stays NotReady and its pods tolerate it", () => {
    const c = lifecycle();
    runningPod(c, "ds-pod", "node01", { tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" }] });
    simulate(c, "NotReady");
    c.settle();
    const rv = c.cluster.store.resourceVersion;
    c.advance(30 * 60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });
});

describe("taint-based eviction", () => {
  it("deletes a pod when its default 300 s toleration of the unreachable taint runs out", () => {
    const c = lifecycle();
    const pod = runningPod(c, "web-1", "node01");
    // The DefaultTolerationSeconds admission gave it 300 s for not-ready and unreachable.
    expect(pod.spec.tolerations).toContainEqual({ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
    simulate(c, "NotReady");
    c.settle();
    expect(c.run()).toBe(EPOCH_MS + 300_000);
    c.advance(300_000 - 1);
    expect(c.get(podPath("web-1")).metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    const evicted = c.get(podPath("web-1"));
    expect(evicted.metadata.deletionTimestamp).toBe(rfc3339(EPOCH_MS + 300_000 + 30_000));
    expect(evicted.status.conditions.find((k: any) => k.type === "DisruptionTarget")).toEqual({
      type: "DisruptionTarget",
      status: "True",
      lastTransitionTime: rfc3339(EPOCH_MS + 300_000),
      reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint",
    });
    expect(eventsOf(c, "TaintManagerEviction").map((e) => [e.type, e.message, e.source.component, e.involvedObject.uid])).toEqual([
      ["Normal", "Marking for deletion Pod default/web-1", "taint-eviction-controller", ""],
    ]);
  });

  it.each([
    { name: "tolerationSeconds 60", tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 60 }], evictedAfterS: 60 },
    { name: "no tolerationSeconds (a DaemonSet pod)", tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" }], evictedAfterS: undefined },
    { name: "tolerates everything (a static pod)", tolerations: [{ operator: "Exists", effect: "NoExecute" }], evictedAfterS: undefined },
    { name: "tolerationSeconds 0", tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 0 }], evictedAfterS: 0 },
  ])("a pod with $name", ({ tolerations, evictedAfterS }) => {
    const c = lifecycle();
    runningPod(c, "p", "node01", { tolerations });
    simulate(c, "NotReady");
    c.settle();
    const deletedAt = () => c.get(podPath("p")).metadata.deletionTimestamp;
    if (evictedAfterS === undefined) {
      c.advance(3600_000);
      expect(deletedAt()).toBeUndefined();
      return;
    }
    if (evictedAfterS > 0) {
      c.advance(evictedAfterS * 1000 - 1);
      expect(deletedAt()).toBeUndefined();
      c.advance(1);
    }
    expect(deletedAt()).toBeDefined();
  });

  it("evicts at once a pod that does not tolerate a NoExecute taint someone adds", () => {
    const c = lifecycle();
    runningPod(c, "web-1", "node02");
    runningPod(c, "tolerant", "node02", { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoExecute" }] });
    patch(c, nodePath("node02"), { spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoExecute" }] } });
    c.settle();
    expect(c.get(podPath("web-1")).metadata.deletionTimestamp).toBeDefined();
    expect(c.get(podPath("tolerant")).metadata.deletionTimestamp).toBeUndefined();
  });
});

describe("a node that reports again", () => {
  it("gets its conditions and pods back, loses the taints and cancels pending evictions", () => {
    const c = lifecycle();
    runningPod(c, "web-1", "node01");
    simulate(c, "NotReady");
    c.settle();
    c.advance(120_000);
    simulate(c, null);
    c.settle();
    const t = rfc3339(EPOCH_MS + 120_000);
    expect(conditions(c)).toEqual({
      MemoryPressure: "False KubeletHasSufficientMemory: kubelet has sufficient memory available",
      DiskPressure: "False KubeletHasNoDiskPressure: kubelet has no disk pressure",
      PIDPressure: "False KubeletHasSufficientPID: kubelet has sufficient PID available",
      Ready: "True KubeletReady: kubelet is posting ready status",
    });
    expect(node(c).status.conditions.find((k: any) => k.type === "Ready")).toMatchObject({ lastHeartbeatTime: t, lastTransitionTime: t });
    expect(taints(c)).toEqual([]);
    expect(podReady(c, "web-1")).toBe("True");
    expect(eventsOf(c, "NodeReady").map((e) => [e.message, e.source])).toEqual([["Node node01 status is now: NodeReady", { component: "kubelet", host: "node01" }]]);
    expect(eventsOf(c, "TaintManagerEviction").map((e) => e.message)).toEqual(["Cancelling deletion of Pod default/web-1"]);
    c.advance(600_000);
    expect(c.get(podPath("web-1")).metadata.deletionTimestamp).toBeUndefined();
  });

  it("records NodeNotReady again on the next outage (the event's count goes up)", () => {
    const c = lifecycle();
    simulate(c, "NotReady");
    c.settle();
    c.advance(60_000);
    simulate(c, null);
    c.settle();
    c.advance(60_000);
    simulate(c, "NotReady");
    c.settle();
    expect(eventsOf(c, "NodeNotReady").map((e) => [e.involvedObject.name, e.count])).toEqual([["node01", 2]]);
  });
});

describe("taints from conditions and cordoning", () => {
  it("taints a cordoned node unschedulable (SchedulingDisabled) and untaints it on uncordon", () => {
    const c = lifecycle();
    c.nowMs += 5000;
    patch(c, nodePath("node02"), { spec: { unschedulable: true } });
    c.settle();
    expect(taints(c, "node02")).toEqual([`node.kubernetes.io/unschedulable:NoSchedule @${rfc3339(EPOCH_MS + 5000)}`]);
    expect(tableRow(c, nodePath("node02"))).toMatchObject({ Status: "Ready,SchedulingDisabled" });
    patch(c, nodePath("node02"), { spec: { unschedulable: null } });
    c.settle();
    expect(taints(c, "node02")).toEqual([]);
  });

  it("keeps other taints and follows a pressure condition the kubelet reports", () => {
    const c = lifecycle();
    const n = node(c, "node02");
    n.status.conditions = n.status.conditions.map((k: any) => (k.type === "MemoryPressure" ? { ...k, status: "True", reason: "KubeletHasInsufficientMemory" } : k));
    expect(c.request("PUT", `${nodePath("node02")}/status`, n).status).toBe(200);
    patch(c, nodePath("node02"), { spec: { taints: [{ key: "dedicated", value: "db", effect: "NoSchedule" }] } });
    c.settle();
    expect(taints(c, "node02")).toEqual(["dedicated:NoSchedule", `node.kubernetes.io/memory-pressure:NoSchedule @${rfc3339(EPOCH_MS)}`]);
  });

  it("leaves a fresh cluster unchanged (the control plane keeps its own taint)", () => {
    const c = testCluster({ nodes: 3 });
    const rv = c.cluster.store.resourceVersion;
    const r = runControllers({ state: c.cluster, nowMs: c.nowMs }, CONTROLLERS);
    expect(c.cluster.store.resourceVersion).toBe(rv);
    expect(r.nextWakeMs).toBeUndefined();
  });
});

describe("pods on the node", () => {
  it("stay Running but not Ready while the node is unreachable (kubectl get pods shows them Running)", () => {
    const c = lifecycle();
    runningPod(c, "web-1", "node01");
    simulate(c, "NotReady");
    c.settle();
    expect(c.get(podPath("web-1")).status.phase).toBe("Running");
    expect(c.get(`/api/v1/namespaces/${NS}/pods/web-1`).status.conditions.find((k: any) => k.type === "ContainersReady").status).toBe("True");
  });
});
