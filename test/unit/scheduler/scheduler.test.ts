// The scheduler as a controller: what it writes when a pod fits and when it does not, the real
// FailedScheduling message of a fresh sandbox, events through events.k8s.io, retries with backoff
// when the cluster changes, no writes for a pod whose verdict is stable, queue order and preemption.
import { describe, expect, test } from "vitest";
import {
  create, createPod, events, getPod, nodeOf, patch, PODS, sandbox, scheduledCondition, schedulerPass, setAllocatable, unschedulableMessage,
} from "./helpers";
import { EPOCH_MS } from "../../support/cluster";
import { backoffMs } from "../../../src/engine/scheduler/index";
import { truncateMessage } from "../../../src/engine/scheduler/events";

const TOO_BIG =
  "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..";

const priorityClass = (name: string, value: number, extra: Record<string, unknown> = {}) => ({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name }, value, ...extra });

describe("a fresh sandbox", () => {
  test("has nothing to schedule and is left untouched", () => {
    const c = sandbox();
    const rv = c.cluster.store.resourceVersion;
    expect(schedulerPass(c)).toEqual({ changed: false });
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });

  test("a pod too big for every worker gets kube-scheduler 1.32's exact message", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    const cond = scheduledCondition(c, "big");
    expect(cond).toMatchObject({ type: "PodScheduled", status: "False", reason: "Unschedulable", message: TOO_BIG, lastTransitionTime: "2026-01-01T00:00:00Z" });
    expect(getPod(c, "big").spec.nodeName).toBeUndefined();
    expect(getPod(c, "big").status.phase).toBe("Pending");
  });

  test("the FailedScheduling event is a default-scheduler Warning written through events.k8s.io", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    const [ev] = c.get("/apis/events.k8s.io/v1/namespaces/default/events").items.filter((e: any) => e.reason === "FailedScheduling");
    expect(ev).toMatchObject({
      type: "Warning",
      reason: "FailedScheduling",
      note: TOO_BIG,
      action: "Scheduling",
      reportingController: "default-scheduler",
      reportingInstance: "default-scheduler-controlplane",
      regarding: { kind: "Pod", namespace: "default", name: "big" },
      eventTime: "2026-01-01T00:00:00.000000Z",
    });
    expect(ev.series).toBeUndefined();
  });
});

describe("binding", () => {
  test("a pod that fits is bound, marked PodScheduled and announced with a Scheduled event", () => {
    const c = sandbox();
    createPod(c, "web");
    c.tick();
    const p = getPod(c, "web");
    expect(p.spec.nodeName).toMatch(/^node0[12]$/);
    expect(scheduledCondition(c, "web")).toMatchObject({ type: "PodScheduled", status: "True", lastTransitionTime: "2026-01-01T00:00:00Z" });
    const [ev] = events(c, "Scheduled");
    expect(ev).toMatchObject({
      type: "Normal",
      message: `Successfully assigned default/web to ${p.spec.nodeName}`,
      reportingComponent: "default-scheduler",
      action: "Binding",
      involvedObject: { kind: "Pod", name: "web", namespace: "default", uid: p.metadata.uid },
    });
  });

  test("pods for another scheduler are left alone", () => {
    const c = sandbox();
    createPod(c, "custom", { spec: { schedulerName: "my-scheduler" } });
    c.tick();
    expect(nodeOf(c, "custom")).toBeUndefined();
    expect(scheduledCondition(c, "custom")).toBeUndefined();
    expect(events(c, "FailedScheduling")).toHaveLength(0);
  });

  test("a gated pod waits untouched until its last gate is removed", () => {
    const c = sandbox();
    createPod(c, "gated", { spec: { schedulingGates: [{ name: "example.com/quota" }] } });
    c.tick();
    expect(scheduledCondition(c, "gated")).toMatchObject({ status: "False", reason: "SchedulingGated" });
    expect(nodeOf(c, "gated")).toBeUndefined();
    patch(c, `${PODS}/gated`, { spec: { schedulingGates: null } });
    c.tick();
    expect(nodeOf(c, "gated")).toMatch(/^node0[12]$/);
    expect(scheduledCondition(c, "gated")).toMatchObject({ status: "True" });
  });
});

describe("an unschedulable pod", () => {
  test("causes no write and no wake-up once its verdict is recorded", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    expect(schedulerPass(c).changed).toBe(true);
    const rv = c.cluster.store.resourceVersion;
    for (const later of [0, 1_000, 60_000, 3_600_000]) {
      c.nowMs = EPOCH_MS + later;
      expect(schedulerPass(c)).toEqual({ changed: false, wakeAtMs: undefined });
    }
    expect(c.cluster.store.resourceVersion).toBe(rv);
    expect(events(c, "FailedScheduling")).toHaveLength(1);
  });

  test("is placed once the cluster changes, no sooner than its backoff", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    c.nowMs = EPOCH_MS + 300;
    setAllocatable(c, "node01", { memory: "16Gi" });
    const early = schedulerPass(c);
    expect(early).toEqual({ changed: false, wakeAtMs: EPOCH_MS + 1000 });
    expect(nodeOf(c, "big")).toBeUndefined();
    c.nowMs = EPOCH_MS + 1000;
    expect(schedulerPass(c).changed).toBe(true);
    expect(nodeOf(c, "big")).toBe("node01");
    expect(scheduledCondition(c, "big")).toMatchObject({ status: "True", lastTransitionTime: "2026-01-01T00:00:01Z" });
    expect(events(c, "Scheduled")[0].message).toBe("Successfully assigned default/big to node01");
  });

  test("a new verdict waits for the backoff, then updates the condition and records a new event", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    c.nowMs = EPOCH_MS + 500;
    patch(c, "/api/v1/nodes/node01", { spec: { unschedulable: true } });
    expect(schedulerPass(c)).toEqual({ changed: false, wakeAtMs: EPOCH_MS + 1000 });
    expect(unschedulableMessage(c, "big")).toBe(TOO_BIG);
    c.nowMs = EPOCH_MS + 1000;
    expect(schedulerPass(c).changed).toBe(true);
    const changed =
      "0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..";
    expect(scheduledCondition(c, "big")).toMatchObject({ message: changed, lastTransitionTime: "2026-01-01T00:00:00Z" });
    expect(events(c, "FailedScheduling").map((e) => e.message)).toEqual([TOO_BIG, changed]);
    // Two failed attempts: the next change waits 2 s.
    patch(c, "/api/v1/nodes/node01", { spec: { unschedulable: false } });
    c.nowMs = EPOCH_MS + 1500;
    expect(schedulerPass(c)).toEqual({ changed: false, wakeAtMs: EPOCH_MS + 3000 });
  });

  test("the backoff doubles from 1 s up to 10 s", () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  test("a verdict that comes back is a new event, not a series: the pod's condition changed in between", () => {
    // The events.k8s.io recorder keys its cache on the whole object reference, resourceVersion included.
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    patch(c, "/api/v1/nodes/node01", { spec: { unschedulable: true } });
    c.tick(1000);
    patch(c, "/api/v1/nodes/node01", { spec: { unschedulable: false } });
    c.tick(2000);
    const evs = events(c, "FailedScheduling").sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    expect(evs.map((e) => [e.message === TOO_BIG, e.series])).toEqual([
      [true, undefined],
      [false, undefined],
      [true, undefined],
    ]);
    expect(new Set(evs.map((e) => e.involvedObject.resourceVersion)).size).toBe(3);
    expect(unschedulableMessage(c, "big")).toBe(TOO_BIG);
  });

  test("event notes longer than 1 KiB are truncated like the scheduler's truncateMessage", () => {
    const long = "x".repeat(2000);
    expect(truncateMessage(long)).toHaveLength(1024);
    expect(truncateMessage(long).endsWith("x ...")).toBe(true);
    expect(truncateMessage("short")).toBe("short");
  });
});

describe("queue order and preemption", () => {
  test("a higher-priority pod takes the last free slot even when it came later", () => {
    const c = sandbox(1);
    create(c, "/apis/scheduling.k8s.io/v1/priorityclasses", priorityClass("high", 1000));
    createPod(c, "low", { requests: { cpu: "1500m" } });
    createPod(c, "high", { requests: { cpu: "1500m" }, spec: { priorityClassName: "high" } });
    c.tick();
    expect(nodeOf(c, "high")).toBe("node01");
    expect(nodeOf(c, "low")).toBeUndefined();
  });

  test("a higher-priority pod evicts a lower-priority one and is nominated to its node", () => {
    const c = sandbox(1);
    create(c, "/apis/scheduling.k8s.io/v1/priorityclasses", priorityClass("high", 1000));
    createPod(c, "low", { requests: { cpu: "1500m" } });
    c.tick();
    expect(nodeOf(c, "low")).toBe("node01");
    const high = createPod(c, "high", { requests: { cpu: "1500m" }, spec: { priorityClassName: "high" } });
    const before = c.cluster.store.resourceVersion;
    c.tick();
    // The victim is marked, then deleted gracefully (it may already be gone, depending on its kubelet).
    const victimWrites = c.cluster.store.changesSince(before)!.filter((ch) => ch.resource === "pods" && ch.object.metadata.name === "low");
    const marked = victimWrites.find((ch) => ch.object.status?.conditions?.some((x: any) => x.type === "DisruptionTarget"))!.object;
    expect(marked.status.conditions.find((x: any) => x.type === "DisruptionTarget")).toMatchObject({
      status: "True",
      reason: "PreemptionByScheduler",
      message: "default-scheduler: preempting to accommodate a higher priority pod",
    });
    expect(victimWrites.some((ch) => ch.object.metadata.deletionTimestamp || ch.type === "DELETED")).toBe(true);
    expect(events(c, "Preempted")[0]).toMatchObject({ message: `Preempted by pod ${high.metadata.uid} on node node01`, involvedObject: { name: "low" }, related: { name: "high" } });
    const p = getPod(c, "high");
    expect(p.status.nominatedNodeName).toBe("node01");
    expect(unschedulableMessage(c, "high")).toBe("0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.");
    // Once the victim is gone the preemptor lands on its nominated node.
    for (let i = 0; i < 60 && !nodeOf(c, "high"); i++) c.tick(1000);
    expect(c.request("GET", `${PODS}/low`).status).toBe(404);
    expect(nodeOf(c, "high")).toBe("node01");
  });

  test("the nominated node's room is held for the preemptor, not taken by a lower-priority pod", () => {
    const c = sandbox(1);
    create(c, "/apis/scheduling.k8s.io/v1/priorityclasses", priorityClass("high", 1000));
    createPod(c, "low", { requests: { cpu: "1500m" } });
    c.tick();
    createPod(c, "high", { requests: { cpu: "1500m" }, spec: { priorityClassName: "high" } });
    c.tick();
    createPod(c, "filler", { requests: { cpu: "1500m" } });
    for (let i = 0; i < 60 && !nodeOf(c, "high"); i++) {
      c.tick(1000);
      expect(nodeOf(c, "filler")).toBeUndefined();
    }
    expect(nodeOf(c, "high")).toBe("node01");
    expect(unschedulableMessage(c, "filler")).toContain("1 Insufficient cpu");
  });

  test("preemptionPolicy Never is not eligible to preempt", () => {
    const c = sandbox(1);
    create(c, "/apis/scheduling.k8s.io/v1/priorityclasses", priorityClass("polite", 1000, { preemptionPolicy: "Never" }));
    createPod(c, "low", { requests: { cpu: "1500m" } });
    c.tick();
    createPod(c, "polite", { requests: { cpu: "1500m" }, spec: { priorityClassName: "polite" } });
    c.tick();
    expect(getPod(c, "low").metadata.deletionTimestamp).toBeUndefined();
    expect(unschedulableMessage(c, "polite")).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to preemptionPolicy=Never..",
    );
  });

  test("a pod that cannot fit even without the lower-priority pods evicts nobody", () => {
    const c = sandbox(1);
    create(c, "/apis/scheduling.k8s.io/v1/priorityclasses", priorityClass("high", 1000));
    createPod(c, "low", { requests: { cpu: "500m" } });
    c.tick();
    createPod(c, "huge", { requests: { cpu: "3" }, spec: { priorityClassName: "high" } });
    c.tick();
    expect(getPod(c, "low").metadata.deletionTimestamp).toBeUndefined();
    expect(unschedulableMessage(c, "huge")).toBe(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 Insufficient cpu, 1 Preemption is not helpful for scheduling..",
    );
  });
});
