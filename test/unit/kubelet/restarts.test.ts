// Containers that exit: exit codes from the command, restartPolicy, CrashLoopBackOff with the kubelet's
// backoff, OOMKilled above the memory limit (the documentation's memory examples), StartError.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, container, createPod, event, kubeletCluster, pod, seconds, secondsSinceEpoch, statusColumn } from "./support";
import { parseQuantity } from "../../../src/engine/machinery/quantity";

const busybox = (command: string[], extra: Record<string, unknown> = {}) => ({ containers: [{ name: "c", image: "busybox:1.36", command, ...extra }] });

describe("exit codes come from the command", () => {
  test.each([
    ["exit 1", ["sh", "-c", "exit 1"], 1, "Error"],
    ["false", ["false"], 1, "Error"],
    ["echo", ["echo", "hello"], 0, "Completed"],
    ["date", ["date"], 0, "Completed"],
    ["true", ["true"], 0, "Completed"],
    ["exit 3 after output", ["sh", "-c", "echo bye; exit 3"], 3, "Error"],
  ])("%s exits at once with %i (%s)", (_name, command, code, reason) => {
    const c = kubeletCluster();
    createPod(c, "p", { restartPolicy: "Never", ...busybox(command) });
    advanceUntil(c, () => !!container(c, "p").state.terminated, 10_000);
    const t = container(c, "p").state.terminated;
    expect(t.exitCode).toBe(code);
    expect(t.reason).toBe(reason);
    expect(seconds(t.finishedAt) - seconds(t.startedAt)).toBeLessThanOrEqual(1);
  });

  test("sleep N exits 0 after N seconds; the pod Succeeded (restartPolicy Never)", () => {
    const c = kubeletCluster();
    createPod(c, "p", { restartPolicy: "Never", ...busybox(["sleep", "20"]) });
    advanceUntil(c, () => pod(c, "p").status.phase === "Running", 10_000);
    const started = seconds(container(c, "p").state.running.startedAt);
    advanceUntil(c, () => pod(c, "p").status.phase === "Succeeded", 30_000);
    const t = container(c, "p").state.terminated;
    expect(t).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(seconds(t.finishedAt) - started).toBeGreaterThanOrEqual(19);
    expect(seconds(t.finishedAt) - started).toBeLessThanOrEqual(21);
    expect(statusColumn(c, "p")).toBe("Completed");
    const p = pod(c, "p");
    expect(p.status.conditions.map((x: any) => [x.type, x.status, x.reason ?? ""])).toEqual([
      ["PodReadyToStartContainers", "False", ""],
      ["Initialized", "True", "PodCompleted"],
      ["Ready", "False", "PodCompleted"],
      ["ContainersReady", "False", "PodCompleted"],
      ["PodScheduled", "True", ""],
    ]);
    // Finished pods are left alone: no more writes.
    c.cluster.takeWrites();
    advance(c, 600_000);
    expect(c.cluster.takeWrites()?.puts.filter((w) => w.resource === "pods") ?? []).toEqual([]);
  });

  test.each([
    ["Never", ["sh", "-c", "exit 2"], "Failed", 0],
    ["OnFailure", ["sh", "-c", "exit 0"], "Succeeded", 0],
    ["OnFailure", ["sh", "-c", "exit 2"], "Running", 1],
    ["Always", ["sh", "-c", "exit 0"], "Running", 1],
  ])("restartPolicy %s, %j: phase %s", (restartPolicy, command, phase, minRestarts) => {
    const c = kubeletCluster();
    createPod(c, "p", { restartPolicy, ...busybox(command) });
    advance(c, 8_000);
    expect(pod(c, "p").status.phase).toBe(phase);
    expect(container(c, "p").restartCount).toBeGreaterThanOrEqual(minRestarts);
  });

  test("busybox and alpine with no command run sh, which exits at once without a terminal", () => {
    const c = kubeletCluster();
    createPod(c, "p", { restartPolicy: "Never", containers: [{ name: "c", image: "alpine:3.19" }] });
    advance(c, 6_000);
    expect(container(c, "p").state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  test("servers and `sleep infinity` keep running", () => {
    const c = kubeletCluster();
    for (const [name, spec] of [
      ["nginx", { containers: [{ name: "c", image: "nginx:1.27" }] }],
      ["redis", { containers: [{ name: "c", image: "redis:7" }] }],
      ["loop", busybox(["sh", "-c", "while true; do echo hi; sleep 5; done"])],
      ["inf", busybox(["sleep", "infinity"])],
      ["tty", { containers: [{ name: "c", image: "busybox:1.36", stdin: true, tty: true }] }],
    ] as const) createPod(c, name, spec);
    advance(c, 600_000);
    for (const name of ["nginx", "redis", "loop", "inf", "tty"]) {
      expect(container(c, name).state.running).toBeDefined();
      expect(container(c, name).restartCount).toBe(0);
    }
  });

  test("kubeplay.dev/exit-code makes a container exit with that code", () => {
    const c = kubeletCluster();
    createPod(c, "p", { restartPolicy: "Never", containers: [{ name: "c", image: "nginx:1.27" }] }, { annotations: { "kubeplay.dev/exit-code": "42", "kubeplay.dev/exit-after": "10s" } });
    advanceUntil(c, () => pod(c, "p").status.phase === "Running", 10_000);
    advanceUntil(c, () => pod(c, "p").status.phase === "Failed", 15_000);
    expect(container(c, "p").state.terminated).toMatchObject({ exitCode: 42, reason: "Error" });
  });
});

describe("CrashLoopBackOff", () => {
  test("the waiting message names the backoff; each wait records a BackOff event", () => {
    const c = kubeletCluster();
    createPod(c, "crash", busybox(["sh", "-c", "echo crashing; exit 1"]));
    const messages = new Set<string>();
    for (let t = 0; t < 180_000; t += 1000) {
      advance(c, 1000);
      const w = container(c, "crash").state.waiting;
      if (w?.reason === "CrashLoopBackOff") messages.add(w.message);
    }
    const p = pod(c, "crash");
    const uid = p.metadata.uid;
    expect(p.status.phase).toBe("Running");
    expect([...messages].slice(0, 4)).toEqual(["10s", "20s", "40s", "1m20s"].map((d) => `back-off ${d} restarting failed container=c pod=crash_default(${uid})`));
    const backoff = event(c, "crash", "BackOff")!;
    expect(backoff).toMatchObject({ type: "Warning", message: `Back-off restarting failed container c in pod crash_default(${uid})`, fieldPath: "spec.containers{c}", count: messages.size });
  });

  test("the status column shows Error, then CrashLoopBackOff while the kubelet waits", () => {
    const c = kubeletCluster();
    createPod(c, "crash", busybox(["sh", "-c", "exit 1"]));
    const seen = new Set<string>();
    for (let t = 0; t < 60_000; t += 500) {
      advance(c, 500);
      seen.add(statusColumn(c, "crash"));
    }
    expect([...seen]).toEqual(expect.arrayContaining(["ContainerCreating", "Error", "CrashLoopBackOff"]));
    const cs = container(c, "crash");
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  test("restart times follow the exponential backoff", () => {
    const c = kubeletCluster();
    createPod(c, "crash", busybox(["sh", "-c", "exit 1"]));
    const starts: number[] = [];
    for (let t = 0; t < 400_000 && starts.length < 6; t += 500) {
      advance(c, 500);
      const cs = container(c, "crash");
      const started = cs.state.terminated?.startedAt ?? cs.lastState?.terminated?.startedAt;
      if (started && !starts.includes(seconds(started))) starts.push(seconds(started));
    }
    const gaps = starts.slice(1).map((s, i) => s - starts[i]);
    // First restart right after the first exit; then each wait doubles: 10, 20, 40, 80 s (plus the sync).
    expect(gaps[0]).toBeLessThanOrEqual(3);
    for (const [i, expected] of [[1, 10], [2, 20], [3, 40], [4, 80]] as const) {
      expect(gaps[i]).toBeGreaterThanOrEqual(expected);
      expect(gaps[i]).toBeLessThanOrEqual(expected + 3);
    }
  });

  test("a command the image does not have fails to start (StartError, exit 128) and crash-loops", () => {
    const c = kubeletCluster();
    createPod(c, "typo", busybox(["slep", "10"]));
    advance(c, 6_000);
    const cs = container(c, "typo");
    const t = cs.state.terminated ?? cs.lastState.terminated;
    expect(t).toMatchObject({
      exitCode: 128,
      reason: "StartError",
      startedAt: "1970-01-01T00:00:00Z",
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "slep": executable file not found in $PATH: unknown',
    });
    expect(event(c, "typo", "Failed", "Error: failed to create containerd task")?.type).toBe("Warning");
    expect(event(c, "typo", "Started")).toBeUndefined();
  });
});

describe("OOMKilled", () => {
  // https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/
  const memoryDemo = (name: string, limit: string, bytes: string) => ({
    containers: [
      {
        name,
        image: "polinux/stress",
        resources: { requests: { memory: limit === "200Mi" ? "100Mi" : "50Mi" }, limits: { memory: limit } },
        command: ["stress"],
        args: ["--vm", "1", "--vm-bytes", bytes, "--vm-hang", "1"],
      },
    ],
  });

  test("memory-demo-2: 250M against a 100Mi limit is OOMKilled (137) and restarted", () => {
    const c = kubeletCluster();
    createPod(c, "memory-demo-2", memoryDemo("memory-demo-2-ctr", "100Mi", "250M"));
    const oom = advanceUntil(c, () => !!(container(c, "memory-demo-2").state.terminated ?? container(c, "memory-demo-2").lastState.terminated), 15_000);
    expect(oom).toBeLessThan(8);
    const cs = container(c, "memory-demo-2");
    expect(cs.state.terminated ?? cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    expect(statusColumn(c, "memory-demo-2")).toMatch(/^(OOMKilled|Running|ContainerCreating|CrashLoopBackOff)$/);
    advance(c, 60_000);
    expect(container(c, "memory-demo-2").restartCount).toBeGreaterThanOrEqual(2);
    expect(container(c, "memory-demo-2").lastState.terminated.reason).toBe("OOMKilled");
  });

  test("memory-demo: 150M under a 200Mi limit keeps running and reports ~150Mi to metrics", () => {
    const c = kubeletCluster();
    createPod(c, "memory-demo", memoryDemo("memory-demo-ctr", "200Mi", "150M"));
    advance(c, 120_000);
    expect(container(c, "memory-demo").state.running).toBeDefined();
    expect(container(c, "memory-demo").restartCount).toBe(0);
    const m = c.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/memory-demo");
    const bytes = parseQuantity(m.containers[0].usage.memory).toNumber();
    expect(bytes).toBeGreaterThanOrEqual(150_000_000);
    expect(bytes).toBeLessThan(160 * 1024 * 1024);
  });

  test("kubeplay.dev/memory-usage above the limit OOM-kills a running container from when it is set", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "c", image: "nginx:1.27", resources: { limits: { memory: "128Mi" } } }] });
    advance(c, 60_000);
    expect(container(c, "p").state.running).toBeDefined();
    c.request("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { annotations: { "kubeplay.dev/memory-usage": "300Mi" } } }, { "content-type": "application/merge-patch+json" });
    advance(c, 3_000);
    const cs = container(c, "p");
    const t = cs.state.terminated ?? cs.lastState.terminated;
    expect(t).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
    expect(seconds(t.finishedAt)).toBeGreaterThanOrEqual(60);
  });
});

describe("a changed image", () => {
  test("kubectl set image on a running bare pod kills the container and starts the new image", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    advance(c, 10_000);
    const p = pod(c, "web");
    p.spec.containers[0].image = "nginx:1.26";
    expect(c.request("PUT", "/api/v1/namespaces/default/pods/web", p).status).toBe(200);
    const changed = secondsSinceEpoch(c);
    advance(c, 1_000);
    const killing = event(c, "web", "Killing");
    expect(killing?.message).toBe("Container nginx definition changed, will be restarted");
    expect(killing!.first).toBeGreaterThanOrEqual(Math.floor(changed));
    advanceUntil(c, () => container(c, "web").image === "docker.io/library/nginx:1.26", 15_000);
    const cs = container(c, "web");
    expect(cs.restartCount).toBe(1);
    expect(cs.state.running).toBeDefined();
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(event(c, "web", "Pulling", "nginx:1.26")).toBeDefined();
  });
});
