// Graceful deletion: the kubelet stops the containers (preStop hook, SIGTERM, SIGKILL at the end of the
// grace period), reports the terminal status and deletes the pod for good.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, createPod, event, getPod, kubeletCluster, pod, secondsSinceEpoch } from "./support";

function deleteAt(c: ReturnType<typeof kubeletCluster>, name: string, query = "") {
  const r = c.request("DELETE", `/api/v1/namespaces/default/pods/${name}${query}`);
  expect(r.status).toBe(200);
  return secondsSinceEpoch(c);
}

describe("graceful deletion", () => {
  test("nginx stops within a second of the delete; Killing names the container", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    const deleted = deleteAt(c, "web");
    expect(pod(c, "web").metadata.deletionGracePeriodSeconds).toBe(30);
    const gone = advanceUntil(c, () => !getPod(c, "web"), 35_000, 250);
    expect(gone - deleted).toBeLessThanOrEqual(2);
    expect(event(c, "web", "Killing")).toMatchObject({ type: "Normal", message: "Stopping container nginx", fieldPath: "spec.containers{nginx}" });
  });

  test("a shell running sleep ignores SIGTERM and is killed at the end of the grace period", () => {
    const c = kubeletCluster();
    createPod(c, "sleeper", { terminationGracePeriodSeconds: 10, containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "sleep 3600"] }] });
    advanceUntil(c, () => pod(c, "sleeper").status.phase === "Running");
    const deleted = deleteAt(c, "sleeper");
    advance(c, 8_000);
    expect(getPod(c, "sleeper")?.metadata.deletionTimestamp).toBeDefined();
    const gone = advanceUntil(c, () => !getPod(c, "sleeper"), 10_000, 250);
    expect(gone - deleted).toBeGreaterThanOrEqual(9);
    expect(gone - deleted).toBeLessThanOrEqual(11);
  });

  test("the terminal status is reported before the pod goes: containers terminated, phase set", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    const seen: any[] = [];
    const stop = c.cluster.store.subscribe((ch) => {
      if (ch.resource === "pods" && ch.object.metadata.name === "web") seen.push({ type: ch.type, phase: ch.object.status?.phase, state: ch.object.status?.containerStatuses?.[0]?.state });
    });
    deleteAt(c, "web");
    advance(c, 5_000);
    stop();
    const modified = seen.filter((s) => s.type === "MODIFIED");
    expect(modified[modified.length - 1]).toMatchObject({ phase: "Succeeded", state: { terminated: { exitCode: 0, reason: "Completed" } } });
    expect(seen[seen.length - 1].type).toBe("DELETED");
  });

  test("a preStop hook runs before SIGTERM and delays the stop", () => {
    const c = kubeletCluster();
    createPod(c, "web", { terminationGracePeriodSeconds: 60, containers: [{ name: "nginx", image: "nginx:1.27", lifecycle: { preStop: { exec: { command: ["/bin/sh", "-c", "sleep 15"] } } } }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    const deleted = deleteAt(c, "web");
    const gone = advanceUntil(c, () => !getPod(c, "web"), 60_000, 250);
    expect(gone - deleted).toBeGreaterThanOrEqual(15);
    expect(gone - deleted).toBeLessThanOrEqual(17);
  });

  test("a preStop sleep longer than the grace period is cut short by it", () => {
    const c = kubeletCluster();
    createPod(c, "web", { terminationGracePeriodSeconds: 5, containers: [{ name: "nginx", image: "nginx:1.27", lifecycle: { preStop: { sleep: { seconds: 4 } } } }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    const deleted = deleteAt(c, "web");
    const gone = advanceUntil(c, () => !getPod(c, "web"), 20_000, 250);
    expect(gone - deleted).toBeGreaterThanOrEqual(4);
    expect(gone - deleted).toBeLessThanOrEqual(6);
  });

  test("--grace-period=0 --force removes the pod at once", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    deleteAt(c, "web", "?gracePeriodSeconds=0");
    expect(getPod(c, "web")).toBeUndefined();
  });

  test("a pod deleted before its containers started goes quickly", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    const deleted = deleteAt(c, "web");
    const gone = advanceUntil(c, () => !getPod(c, "web"), 35_000, 250);
    expect(gone - deleted).toBeLessThanOrEqual(1);
  });

  test("a pod with a finalizer stays, terminated, until the finalizer is removed", () => {
    const c = kubeletCluster();
    const r = c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "held", finalizers: ["example.com/hold"] }, spec: { nodeName: "node01", containers: [{ name: "nginx", image: "nginx:1.27" }] } });
    expect(r.status).toBe(201);
    advanceUntil(c, () => pod(c, "held").status.phase === "Running");
    deleteAt(c, "held");
    advance(c, 10_000);
    const p = pod(c, "held");
    expect(p.status.phase).toBe("Succeeded");
    expect(p.metadata.deletionGracePeriodSeconds).toBe(0);
  });
});

describe("pods without a kubelet", () => {
  test("a pod bound to a node that does not exist stays Pending; deleted, it waits (no kubelet confirms) until the pod GC's 40 s quarantine ends", () => {
    const c = kubeletCluster();
    createPod(c, "lost", { terminationGracePeriodSeconds: 5, containers: [{ name: "nginx", image: "nginx:1.27" }] }, { node: "node99" });
    advance(c, 30_000);
    expect(pod(c, "lost").status.phase).toBe("Pending");
    expect(pod(c, "lost").status.startTime).toBeUndefined();
    deleteAt(c, "lost");
    advance(c, 9_000);
    expect(pod(c, "lost").metadata.deletionTimestamp).toBeDefined();
    advanceUntil(c, () => !getPod(c, "lost"), 5_000, 250);
  });
});
