// A pod's life on its node, stage by stage: admitted (Pending, ContainerCreating), sandbox and pull,
// containers started (Running, Ready), with the conditions, container statuses, addresses and events a
// real 1.32 kubelet reports.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, condition, container, createPod, event, kubeletCluster, kubeletEvents, pod, seconds, secondsSinceEpoch, statusColumn } from "./support";

const nginx = { containers: [{ name: "nginx", image: "nginx:1.27" }] };

describe("a fresh sandbox", () => {
  test("the kubelet writes nothing while nothing happens: bootstrap pods keep running, no heartbeats", () => {
    const c = kubeletCluster({ nodes: 3 });
    for (const ms of [0, 1_000, 60_000, 3_600_000]) {
      advance(c, ms);
      expect(c.cluster.takeWrites()).toBeUndefined();
    }
  });

  test("static pods stay Running", () => {
    const c = kubeletCluster();
    advance(c, 600_000);
    const p = c.get("/api/v1/namespaces/kube-system/pods/etcd-controlplane");
    expect(p.status.phase).toBe("Running");
    expect(p.status.containerStatuses[0].restartCount).toBe(0);
  });

  test("a deleted mirror pod comes back at once with a new uid; its containers keep running", () => {
    const c = kubeletCluster();
    const before = c.get("/api/v1/namespaces/kube-system/pods/kube-scheduler-controlplane");
    expect(c.request("DELETE", "/api/v1/namespaces/kube-system/pods/kube-scheduler-controlplane").status).toBe(200);
    advance(c, 0);
    const after = c.get("/api/v1/namespaces/kube-system/pods/kube-scheduler-controlplane");
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.status.phase).toBe("Running");
    expect(after.status.containerStatuses[0].state).toEqual(before.status.containerStatuses[0].state);
  });
});

describe("starting a pod", () => {
  test("Pending/ContainerCreating at once, then the pull, then Running and Ready within a few seconds", () => {
    const c = kubeletCluster();
    createPod(c, "web", nginx);
    // The kubelet's first status: acknowledged, nothing started.
    let p = pod(c, "web");
    expect(p.status.phase).toBe("Pending");
    expect(statusColumn(c, "web")).toBe("ContainerCreating");
    expect(p.status.startTime).toBe("2026-01-01T00:00:00Z");
    expect(p.status.hostIP).toBe("172.30.2.2");
    expect(p.status.hostIPs).toEqual([{ ip: "172.30.2.2" }]);
    expect(p.status.podIP).toBeUndefined();
    expect(p.status.qosClass).toBe("BestEffort");
    expect(p.status.containerStatuses).toEqual([
      expect.objectContaining({ name: "nginx", state: { waiting: { reason: "ContainerCreating" } }, lastState: {}, ready: false, restartCount: 0, image: "nginx:1.27", imageID: "", started: false }),
    ]);
    expect(p.status.conditions.map((x: any) => [x.type, x.status, x.reason ?? ""])).toEqual([
      ["PodReadyToStartContainers", "False", ""],
      ["Initialized", "True", ""],
      ["Ready", "False", "ContainersNotReady"],
      ["ContainersReady", "False", "ContainersNotReady"],
      ["PodScheduled", "True", ""],
    ]);
    expect(condition(c, "web", "Ready").message).toBe("containers with unready status: [nginx]");

    // The sandbox comes up about a second later and the image pull starts.
    const pulling = advanceUntil(c, () => !!event(c, "web", "Pulling"));
    expect(pulling).toBeGreaterThanOrEqual(1);
    expect(pulling).toBeLessThanOrEqual(2.5);
    expect(statusColumn(c, "web")).toBe("ContainerCreating");

    // nginx (72 MB) pulls in a couple of seconds, then the container is created and started.
    const running = advanceUntil(c, () => pod(c, "web").status.phase === "Running");
    expect(running - pulling).toBeGreaterThan(1);
    expect(running).toBeLessThan(8);
    p = pod(c, "web");
    const cs = p.status.containerStatuses[0];
    expect(cs.state.running.startedAt).toMatch(/^2026-01-01T00:00:0\dZ$/);
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, image: "docker.io/library/nginx:1.27" });
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.volumeMounts).toEqual([{ name: expect.stringMatching(/^kube-api-access-/), mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", readOnly: true, recursiveReadOnly: "Disabled" }]);
    expect(p.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status.podIPs).toEqual([{ ip: p.status.podIP }]);
    expect(p.status.conditions.map((x: any) => [x.type, x.status])).toEqual([
      ["PodReadyToStartContainers", "True"],
      ["Initialized", "True"],
      ["Ready", "True"],
      ["ContainersReady", "True"],
      ["PodScheduled", "True"],
    ]);
    // Transition times are when each condition changed.
    expect(seconds(condition(c, "web", "Initialized").lastTransitionTime)).toBe(0);
    expect(seconds(condition(c, "web", "Ready").lastTransitionTime)).toBeGreaterThan(pulling);

    expect(kubeletEvents(c, "web").map((e) => [e.type, e.reason, e.message, e.fieldPath, e.host])).toEqual([
      ["Normal", "Pulling", 'Pulling image "nginx:1.27"', "spec.containers{nginx}", "node01"],
      ["Normal", "Pulled", expect.stringMatching(/^Successfully pulled image "nginx:1\.27" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72099410 bytes\.$/), "spec.containers{nginx}", "node01"],
      ["Normal", "Created", "Created container nginx", "spec.containers{nginx}", "node01"],
      ["Normal", "Started", "Started container nginx", "spec.containers{nginx}", "node01"],
    ]);
  });

  test("the node lists a pulled image; the next pod on that node finds it already present", () => {
    const c = kubeletCluster();
    createPod(c, "a", nginx);
    advanceUntil(c, () => pod(c, "a").status.phase === "Running");
    const images = c.get("/api/v1/nodes/node01").status.images as Array<{ names: string[]; sizeBytes: number }>;
    expect(images).toContainEqual({ names: [expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/), "docker.io/library/nginx:1.27"], sizeBytes: 72099410 });
    createPod(c, "b", nginx);
    const t0 = secondsSinceEpoch(c);
    const running = advanceUntil(c, () => pod(c, "b").status.phase === "Running");
    expect(running - t0).toBeLessThanOrEqual(3);
    expect(event(c, "b", "Pulled")?.message).toBe('Container image "nginx:1.27" already present on machine');
    expect(event(c, "b", "Pulling")).toBeUndefined();
    expect(container(c, "b").imageID).toBe(container(c, "a").imageID);
  });

  test("pod IPs come from the node's pod CIDR, one per pod, and are reused once freed; hostNetwork pods get the node IP", () => {
    const c = kubeletCluster();
    for (const n of ["a", "b", "c"]) createPod(c, n, nginx);
    createPod(c, "other-node", nginx, { node: "node02" });
    createPod(c, "host", { hostNetwork: true, containers: [{ name: "nginx", image: "nginx:1.27" }] });
    expect(pod(c, "host").status.podIP).toBe("172.30.2.2");
    advance(c, 15_000);
    const ips = ["a", "b", "c"].map((n) => pod(c, n).status.podIP);
    expect(new Set(ips).size).toBe(3);
    for (const ip of ips) expect(ip).toMatch(/^10\.244\.1\.([2-9]|\d\d+)$/);
    expect(pod(c, "other-node").status.podIP).toMatch(/^10\.244\.2\./);
    const freed = pod(c, "b").status.podIP;
    c.request("DELETE", "/api/v1/namespaces/default/pods/b");
    advance(c, 5_000);
    createPod(c, "d", nginx);
    advance(c, 10_000);
    expect(pod(c, "d").status.podIP).toBe(freed);
  });

  test("init containers run one after the other before the app containers", () => {
    const c = kubeletCluster();
    createPod(c, "myapp", {
      initContainers: [
        { name: "init-a", image: "busybox:1.28", command: ["sh", "-c", "echo a; sleep 3"] },
        { name: "init-b", image: "busybox:1.28", command: ["sh", "-c", "echo b; sleep 2"] },
      ],
      containers: [{ name: "app", image: "busybox:1.28", command: ["sh", "-c", "echo The app is running! && sleep 3600"] }],
    });
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      const s = statusColumn(c, "myapp");
      if (seen[seen.length - 1] !== s) seen.push(s);
      advance(c, 250);
    }
    expect(seen).toEqual(["Init:0/2", "Init:1/2", "PodInitializing", "Running"]);
    const p = pod(c, "myapp");
    const [a, b] = p.status.initContainerStatuses;
    expect(a).toMatchObject({ name: "init-a", ready: true, started: false, state: { terminated: { exitCode: 0, reason: "Completed" } } });
    expect(b).toMatchObject({ name: "init-b", ready: true, state: { terminated: { exitCode: 0, reason: "Completed" } } });
    expect(seconds(b.state.terminated.startedAt)).toBeGreaterThanOrEqual(seconds(a.state.terminated.finishedAt));
    expect(seconds(p.status.containerStatuses[0].state.running.startedAt)).toBeGreaterThanOrEqual(seconds(b.state.terminated.finishedAt));
    // busybox:1.28 is pulled once; the later containers find it on the node.
    expect(kubeletEvents(c, "myapp").filter((e) => e.reason === "Pulling")).toHaveLength(1);
  });

  test("a pod that does not fit the node it names is rejected by the kubelet (OutOfcpu)", () => {
    const c = kubeletCluster();
    createPod(c, "big", { containers: [{ name: "c", image: "nginx:1.27", resources: { requests: { cpu: "3" } } }] });
    const p = pod(c, "big");
    expect(p.status.phase).toBe("Failed");
    expect(p.status.reason).toBe("OutOfcpu");
    expect(p.status.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 0, capacity: 2000");
    expect(statusColumn(c, "big")).toBe("OutOfcpu");
    expect(event(c, "big", "OutOfcpu")?.type).toBe("Warning");
  });

  test("pods on a node that is not Ready are left alone until it is back", () => {
    const c = kubeletCluster();
    c.request("PATCH", "/api/v1/nodes/node01", { metadata: { annotations: { "kubeplay.dev/simulate": "NotReady" } } }, { "content-type": "application/merge-patch+json" });
    advance(c, 0);
    createPod(c, "frozen", nginx);
    advance(c, 30_000);
    expect(pod(c, "frozen").status.startTime).toBeUndefined();
    c.request("PATCH", "/api/v1/nodes/node01", { metadata: { annotations: { "kubeplay.dev/simulate": null } } }, { "content-type": "application/merge-patch+json" });
    advance(c, 0);
    advanceUntil(c, () => pod(c, "frozen").status.phase === "Running", 20_000);
  });

  test("scheduled pods keep the scheduler's PodScheduled condition", () => {
    const c = kubeletCluster();
    const r = c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "s" }, spec: nginx });
    expect(r.status).toBe(201);
    advanceUntil(c, () => pod(c, "s").status.phase === "Running");
    expect(event(c, "s", "Pulling")?.host).toBe(pod(c, "s").spec.nodeName);
    expect(seconds(condition(c, "s", "PodScheduled").lastTransitionTime)).toBe(0);
  });
});
