// Each Filter plugin of the default profile, seen the way a learner sees it: the PodScheduled=False
// message (FitError.Error() plus the preemption verdict) of a pod on a fresh 3-node sandbox
// (controlplane tainted NoSchedule, node01, node02), with the plugin's exact reason text.
import { describe, expect, test } from "vitest";
import {
  CONTROL_PLANE_TAINT, create, createPod, events, labelNode, nodeOf, patch, pod, PODS, sandbox, scheduledCondition, setAllocatable, unschedulableMessage, workersRejected,
} from "./helpers";
import { Snapshot } from "../../../src/engine/scheduler/snapshot";
import { Cycle, ERR_REASON_NODE_NAME } from "../../../src/engine/scheduler/cycle";
import { MatchCounter } from "../../../src/engine/scheduler/spread";

const ALL_UNRESOLVABLE = "3 Preemption is not helpful for scheduling";

describe("NodeUnschedulable", () => {
  test("cordoned workers: node(s) were unschedulable, and preemption cannot help", () => {
    const c = sandbox();
    for (const n of ["node01", "node02"]) patch(c, `/api/v1/nodes/${n}`, { spec: { unschedulable: true } });
    createPod(c, "web");
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(workersRejected("node(s) were unschedulable", ALL_UNRESOLVABLE));
  });

  test("a pod tolerating node.kubernetes.io/unschedulable ignores the cordon", () => {
    const c = sandbox();
    for (const n of ["node01", "node02"]) patch(c, `/api/v1/nodes/${n}`, { spec: { unschedulable: true } });
    createPod(c, "ds-like", { spec: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] } });
    c.tick();
    expect(["node01", "node02"]).toContain(nodeOf(c, "ds-like"));
  });
});

describe("NodeName", () => {
  test("a node other than spec.nodeName is rejected with the plugin's reason", () => {
    // Pods that already name a node never reach the scheduler; the filter is checked directly.
    const c = sandbox();
    const store = c.cluster.store;
    const snapshot = new Snapshot(store.list("nodes"), store.list("pods"));
    const p = pod("pinned");
    p.metadata.namespace = "default";
    p.spec.nodeName = "node02";
    const lookups = { services: () => [], get: () => undefined, pvc: () => undefined, pv: () => undefined, pvs: () => [], storageClass: () => undefined, nsLabels: () => undefined, budgets: () => [] };
    const cycle = new Cycle(p as never, { snapshot, lookups, counter: new MatchCounter(snapshot), rng: c.cluster.rng });
    expect(cycle.filter(snapshot.byName.get("node01")!)).toEqual({ code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_NODE_NAME] });
    expect(cycle.filter(snapshot.byName.get("node02")!)).toBeUndefined();
  });
});

describe("TaintToleration", () => {
  test.each([
    ["NoSchedule", { key: "dedicated", value: "gpu", effect: "NoSchedule" }, "node(s) had untolerated taint {dedicated: gpu}"],
    ["NoExecute", { key: "maintenance", effect: "NoExecute" }, "node(s) had untolerated taint {maintenance: }"],
  ])("a %s taint on the workers keeps the pod off them", (_effect, taint, reason) => {
    const c = sandbox();
    for (const n of ["node01", "node02"]) patch(c, `/api/v1/nodes/${n}`, { spec: { taints: [taint] } });
    createPod(c, "web");
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(`0/3 nodes are available: ${CONTROL_PLANE_TAINT}, 2 ${reason}. preemption: 0/3 nodes are available: ${ALL_UNRESOLVABLE}..`);
  });

  test("only the first untolerated NoSchedule/NoExecute taint is named", () => {
    const c = sandbox(1);
    patch(c, "/api/v1/nodes/node01", { spec: { taints: [{ key: "soft", effect: "PreferNoSchedule" }, { key: "b", value: "2", effect: "NoExecute" }, { key: "a", value: "1", effect: "NoSchedule" }] } });
    createPod(c, "web");
    c.tick();
    // Reasons sort as strings: "{b: 2}" before "{node-role...}".
    expect(unschedulableMessage(c, "web")).toBe(`0/2 nodes are available: 1 node(s) had untolerated taint {b: 2}, ${CONTROL_PLANE_TAINT}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..`);
  });

  test.each([
    ["Equal with the value", { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }],
    ["Exists on the key", { key: "dedicated", operator: "Exists" }],
    ["Exists on everything", { operator: "Exists" }],
  ])("a toleration (%s) lets the pod onto the tainted node", (_name, toleration) => {
    const c = sandbox(1);
    patch(c, "/api/v1/nodes/node01", { spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] } });
    createPod(c, "web", { spec: { tolerations: [toleration], nodeSelector: { "kubernetes.io/hostname": "node01" } } });
    c.tick();
    expect(nodeOf(c, "web")).toBe("node01");
  });

  test("a PreferNoSchedule taint never rejects a node", () => {
    const c = sandbox(1);
    patch(c, "/api/v1/nodes/node01", { spec: { taints: [{ key: "soft", effect: "PreferNoSchedule" }] } });
    createPod(c, "web");
    c.tick();
    expect(nodeOf(c, "web")).toBe("node01");
  });
});

describe("NodeAffinity", () => {
  test("a nodeSelector no node satisfies", () => {
    const c = sandbox();
    createPod(c, "web", { spec: { nodeSelector: { disktype: "ssd" } } });
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(workersRejected("node(s) didn't match Pod's node affinity/selector", ALL_UNRESOLVABLE));
  });

  const required = (expr: Record<string, unknown>, field = false) => ({
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [field ? { matchFields: [expr] } : { matchExpressions: [expr] }] } } },
  });

  test.each([
    ["In", required({ key: "gpu", operator: "In", values: ["a100"] }), "node01"],
    ["NotIn", required({ key: "gpu", operator: "NotIn", values: ["a100"] }), "node02"],
    ["Exists", required({ key: "gpu", operator: "Exists" }), "node01"],
    ["DoesNotExist", required({ key: "gpu", operator: "DoesNotExist" }), "node02"],
    ["Gt", required({ key: "tier", operator: "Gt", values: ["3"] }), "node02"],
    ["Lt", required({ key: "tier", operator: "Lt", values: ["3"] }), "node01"],
    ["matchFields metadata.name", required({ key: "metadata.name", operator: "In", values: ["node02"] }, true), "node02"],
    ["nodeSelector", { nodeSelector: { tier: "5" } }, "node02"],
  ])("required %s picks the only matching worker", (_op, spec, node) => {
    const c = sandbox();
    labelNode(c, "node01", { gpu: "a100", tier: "1" });
    labelNode(c, "node02", { tier: "5" });
    for (const name of ["a", "b", "c"]) createPod(c, name, { spec });
    c.tick();
    for (const name of ["a", "b", "c"]) expect(nodeOf(c, name)).toBe(node);
  });

  test("terms are ORed, expressions within a term ANDed", () => {
    const c = sandbox();
    labelNode(c, "node01", { zone: "a", disk: "hdd" });
    labelNode(c, "node02", { zone: "b", disk: "ssd" });
    createPod(c, "web", {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }, { key: "disk", operator: "In", values: ["ssd"] }] },
                { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] },
              ],
            },
          },
        },
      },
    });
    c.tick();
    expect(nodeOf(c, "web")).toBe("node02");
  });

  test("a DaemonSet-style pod pinned to a missing node: the others didn't satisfy the NodeAffinity PreFilter", () => {
    const c = sandbox();
    createPod(c, "ds", {
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node09"] }] }] } } } },
    });
    c.tick();
    expect(unschedulableMessage(c, "ds")).toBe(`0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: ${ALL_UNRESOLVABLE}..`);
  });

  test("terms pinned to different nodes conflict", () => {
    const c = sandbox();
    createPod(c, "ds", {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["node01"] }, { key: "metadata.name", operator: "In", values: ["node02"] }] }],
            },
          },
        },
      },
    });
    c.tick();
    expect(unschedulableMessage(c, "ds")).toBe(`0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: ${ALL_UNRESOLVABLE}..`);
  });
});

describe("NodePorts", () => {
  test("a third pod wanting the same hostPort finds no free port", () => {
    const c = sandbox();
    const spec = { containers: [{ name: "app", image: "nginx:1.27", ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    for (const name of ["a", "b", "c"]) create(c, PODS, { ...pod(name), spec });
    c.tick();
    const placed = ["a", "b"].map((n) => nodeOf(c, n)).sort();
    expect(placed).toEqual(["node01", "node02"]);
    expect(unschedulableMessage(c, "c")).toBe(workersRejected("node(s) didn't have free ports for the requested pod ports"));
  });

  test("different protocols or host IPs do not conflict", () => {
    const c = sandbox(1);
    const withPort = (port: Record<string, unknown>) => ({ containers: [{ name: "app", image: "nginx:1.27", ports: [{ containerPort: 53, hostPort: 53, ...port }] }] });
    create(c, PODS, { ...pod("tcp"), spec: withPort({ protocol: "TCP" }) });
    create(c, PODS, { ...pod("udp"), spec: withPort({ protocol: "UDP" }) });
    create(c, PODS, { ...pod("ip1"), spec: withPort({ protocol: "SCTP", hostIP: "10.0.0.1" }) });
    create(c, PODS, { ...pod("ip2"), spec: withPort({ protocol: "SCTP", hostIP: "10.0.0.2" }) });
    c.tick();
    for (const n of ["tcp", "udp", "ip1", "ip2"]) expect(nodeOf(c, n)).toBe("node01");
    // 0.0.0.0 (no hostIP) conflicts with every address.
    create(c, PODS, { ...pod("any"), spec: withPort({ protocol: "SCTP" }) });
    c.tick();
    expect(unschedulableMessage(c, "any")).toContain("1 node(s) didn't have free ports for the requested pod ports");
  });
});

describe("NodeResourcesFit", () => {
  test("memory larger than any worker", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { memory: "8Gi" } });
    c.tick();
    expect(unschedulableMessage(c, "big")).toBe(workersRejected("Insufficient memory"));
  });

  test("cpu and memory both short: each worker counts once per resource", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { cpu: "4", memory: "8Gi" } });
    c.tick();
    expect(unschedulableMessage(c, "big")).toBe(workersRejected("Insufficient cpu, 2 Insufficient memory"));
  });

  test("requests add up against allocatable minus what is already bound", () => {
    const c = sandbox();
    createPod(c, "a", { requests: { cpu: "1500m" } });
    createPod(c, "b", { requests: { cpu: "1500m" } });
    createPod(c, "c", { requests: { cpu: "1500m" } });
    c.tick();
    expect([nodeOf(c, "a"), nodeOf(c, "b")].sort()).toEqual(["node01", "node02"]);
    expect(unschedulableMessage(c, "c")).toBe(workersRejected("Insufficient cpu"));
  });

  test("terminal pods no longer hold their requests", () => {
    const c = sandbox(1);
    createPod(c, "done", { requests: { cpu: "1500m" }, spec: { nodeName: "node01", restartPolicy: "Never" } });
    patch(c, `${PODS}/done/status`, { status: { phase: "Succeeded" } });
    createPod(c, "next", { requests: { cpu: "1500m" } });
    c.tick();
    expect(nodeOf(c, "next")).toBe("node01");
  });

  test("ephemeral-storage", () => {
    const c = sandbox();
    createPod(c, "big", { requests: { "ephemeral-storage": "100Gi" } });
    c.tick();
    expect(unschedulableMessage(c, "big")).toBe(workersRejected("Insufficient ephemeral-storage"));
  });

  test("an extended resource only one node advertises", () => {
    const c = sandbox();
    setAllocatable(c, "node01", { "example.com/gpu": "1" });
    const gpu = { requests: { "example.com/gpu": "1" }, limits: { "example.com/gpu": "1" } };
    createPod(c, "train-1", gpu);
    createPod(c, "train-2", gpu);
    c.tick();
    expect(nodeOf(c, "train-1")).toBe("node01");
    expect(unschedulableMessage(c, "train-2")).toBe(workersRejected("Insufficient example.com/gpu"));
  });

  test("the pods count: Too many pods", () => {
    const c = sandbox();
    // Each worker already runs kube-proxy; allow one more pod each.
    for (const n of ["node01", "node02"]) setAllocatable(c, n, { pods: "2" });
    for (const name of ["a", "b", "c"]) createPod(c, name);
    c.tick();
    expect(unschedulableMessage(c, "c")).toBe(workersRejected("Too many pods"));
  });

  test("init containers count by their largest step, overhead on top", () => {
    const c = sandbox(1);
    // 1 cpu of containers, a 1.8-cpu init container, 100m overhead: needs 1.9 of the node's 2 cpus.
    create(c, PODS, {
      ...pod("init"),
      spec: {
        initContainers: [{ name: "setup", image: "busybox:1.36", resources: { requests: { cpu: "1800m" } } }],
        containers: [{ name: "app", image: "nginx:1.27", resources: { requests: { cpu: "1" } } }],
        overhead: { cpu: "100m" },
      },
    });
    createPod(c, "small", { requests: { cpu: "200m" } });
    c.tick();
    expect(nodeOf(c, "init")).toBe("node01");
    expect(unschedulableMessage(c, "small")).toBe(
      `0/2 nodes are available: 1 Insufficient cpu, ${CONTROL_PLANE_TAINT}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..`,
    );
  });
});

describe("InterPodAffinity", () => {
  const antiAffinity = (topologyKey = "kubernetes.io/hostname") => ({
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "web" } }, topologyKey }] } },
  });

  test("required anti-affinity on hostname: one replica per worker", () => {
    const c = sandbox();
    for (const name of ["web-1", "web-2", "web-3"]) createPod(c, name, { labels: { app: "web" }, spec: antiAffinity() });
    c.tick();
    expect([nodeOf(c, "web-1"), nodeOf(c, "web-2")].sort()).toEqual(["node01", "node02"]);
    expect(unschedulableMessage(c, "web-3")).toBe(workersRejected("node(s) didn't match pod anti-affinity rules"));
  });

  test("required anti-affinity on zone: one replica per zone", () => {
    const c = sandbox(3);
    labelNode(c, "node01", { "topology.kubernetes.io/zone": "a" });
    labelNode(c, "node02", { "topology.kubernetes.io/zone": "a" });
    labelNode(c, "node03", { "topology.kubernetes.io/zone": "b" });
    for (const name of ["web-1", "web-2", "web-3"]) createPod(c, name, { labels: { app: "web" }, spec: antiAffinity("topology.kubernetes.io/zone") });
    c.tick();
    const zones = ["web-1", "web-2"].map((n) => (nodeOf(c, n) === "node03" ? "b" : "a")).sort();
    expect(zones).toEqual(["a", "b"]);
    expect(unschedulableMessage(c, "web-3")).toBe(
      `0/4 nodes are available: ${CONTROL_PLANE_TAINT}, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..`,
    );
  });

  test("an existing pod's anti-affinity keeps matching pods off its node", () => {
    const c = sandbox();
    createPod(c, "db", { labels: { app: "db" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node01" }, ...antiAffinity() } });
    c.tick();
    createPod(c, "web", { labels: { app: "web" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node01" } } });
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) didn't satisfy existing pods anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    );
  });

  test.each([
    ["only its own namespace without a namespaceSelector", {}, "node01"],
    ["every namespace with namespaceSelector {}", { namespaceSelector: {} }, undefined],
    ["the listed namespaces", { namespaces: ["team-a"] }, undefined],
  ])("anti-affinity terms look at %s", (_name, scope, placed) => {
    const c = sandbox();
    create(c, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } });
    c.tick();
    createPod(c, "other-team", { namespace: "team-a", labels: { app: "web" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node01" } } });
    c.tick();
    const term = { labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname", ...scope };
    createPod(c, "web", { labels: { app: "web" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node01" }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } } });
    c.tick();
    expect(nodeOf(c, "web")).toBe(placed);
    if (!placed) expect(unschedulableMessage(c, "web")).toContain("1 node(s) didn't match pod anti-affinity rules");
  });

  test("required affinity follows the pods it names, and waits while there are none", () => {
    const c = sandbox();
    const affinity = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "cache" } }, topologyKey: "kubernetes.io/hostname" }] } } };
    createPod(c, "web", { labels: { app: "web" }, spec: affinity });
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(workersRejected("node(s) didn't match pod affinity rules", ALL_UNRESOLVABLE));
    createPod(c, "cache", { labels: { app: "cache" }, spec: { nodeSelector: { "kubernetes.io/hostname": "node02" } } });
    c.tick(10_000);
    expect(nodeOf(c, "web")).toBe("node02");
  });

  test("a pod with affinity to its own kind may start the group anywhere", () => {
    const c = sandbox();
    const affinity = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "web" } }, topologyKey: "kubernetes.io/hostname" }] } } };
    for (const name of ["web-1", "web-2", "web-3"]) createPod(c, name, { labels: { app: "web" }, spec: affinity });
    c.tick();
    const first = nodeOf(c, "web-1");
    expect(first).toMatch(/^node0[12]$/);
    expect(nodeOf(c, "web-2")).toBe(first);
    expect(nodeOf(c, "web-3")).toBe(first);
  });
});

describe("PodTopologySpread", () => {
  const spread = (topologyKey: string, maxSkew = 1) => ({
    topologySpreadConstraints: [{ maxSkew, topologyKey, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }],
  });

  test("hostname spreading counts the tainted control plane's empty domain too", () => {
    // A well-known surprise: nodeTaintsPolicy defaults to Ignore, so the global minimum stays 0.
    const c = sandbox();
    for (const name of ["web-1", "web-2", "web-3"]) createPod(c, name, { labels: { app: "web" }, spec: spread("kubernetes.io/hostname") });
    c.tick();
    expect([nodeOf(c, "web-1"), nodeOf(c, "web-2")].sort()).toEqual(["node01", "node02"]);
    expect(unschedulableMessage(c, "web-3")).toBe(workersRejected("node(s) didn't match pod topology spread constraints"));
  });

  test("nodes without the topology key are out: missing required label", () => {
    const c = sandbox();
    createPod(c, "web", { labels: { app: "web" }, spec: spread("topology.kubernetes.io/zone") });
    c.tick();
    expect(unschedulableMessage(c, "web")).toBe(workersRejected("node(s) didn't match pod topology spread constraints (missing required label)", ALL_UNRESOLVABLE));
  });

  test("zones: replicas alternate between zones within maxSkew", () => {
    const c = sandbox(3);
    labelNode(c, "controlplane", { "topology.kubernetes.io/zone": "a" });
    labelNode(c, "node01", { "topology.kubernetes.io/zone": "a" });
    labelNode(c, "node02", { "topology.kubernetes.io/zone": "b" });
    labelNode(c, "node03", { "topology.kubernetes.io/zone": "b" });
    for (let i = 1; i <= 4; i++) createPod(c, `web-${i}`, { labels: { app: "web" }, spec: spread("topology.kubernetes.io/zone") });
    c.tick();
    const zoneOf = (n: string | undefined) => (n === "node01" ? "a" : "b");
    const perZone = { a: 0, b: 0 };
    for (let i = 1; i <= 4; i++) perZone[zoneOf(nodeOf(c, `web-${i}`))]++;
    expect(perZone).toEqual({ a: 2, b: 2 });
  });
});

describe("VolumeBinding", () => {
  const withClaim = (claimName: string) => ({ volumes: [{ name: "data", persistentVolumeClaim: { claimName } }] });
  const pvc = (name: string, storageClassName?: string) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, ...(storageClassName !== undefined ? { storageClassName } : {}) },
  });

  test("a missing claim: the PreFilter's message stands alone", () => {
    const c = sandbox();
    createPod(c, "db", { spec: withClaim("data") });
    c.tick();
    expect(unschedulableMessage(c, "db")).toBe(`0/3 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/3 nodes are available: ${ALL_UNRESOLVABLE}..`);
  });

  test("an unbound claim of an Immediate class blocks the pod", () => {
    const c = sandbox();
    create(c, "/apis/storage.k8s.io/v1/storageclasses", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "example.com/fast", volumeBindingMode: "Immediate" });
    create(c, "/api/v1/namespaces/default/persistentvolumeclaims", pvc("data", "fast"));
    createPod(c, "db", { spec: withClaim("data") });
    c.tick();
    expect(unschedulableMessage(c, "db")).toBe(`0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: ${ALL_UNRESOLVABLE}..`);
  });

  test("an unbound WaitForFirstConsumer claim is fine: it is provisioned on the chosen node, then the pod is bound there", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces/default/persistentvolumeclaims", pvc("data"));
    createPod(c, "db", { spec: withClaim("data") });
    c.tick();
    const selected = c.get("/api/v1/namespaces/default/persistentvolumeclaims/data").metadata.annotations["volume.kubernetes.io/selected-node"];
    expect(selected).toMatch(/^node0[12]$/);
    // Like the real PreBind, the pod stays unbound (and unreported) while its volume is provisioned.
    expect(nodeOf(c, "db")).toBeUndefined();
    expect(scheduledCondition(c, "db")).toBeUndefined();
    for (let i = 0; i < 20 && !nodeOf(c, "db"); i++) c.tick(500);
    expect(c.get("/api/v1/namespaces/default/persistentvolumeclaims/data").status.phase).toBe("Bound");
    expect(nodeOf(c, "db")).toBe(selected);
    expect(events(c, "Scheduled").map((e) => e.message)).toEqual([`Successfully assigned default/db to ${selected}`]);
    expect(events(c, "FailedScheduling")).toHaveLength(0);
  });

  test("a matching Available volume is pre-bound to a WaitForFirstConsumer claim on the node it reaches", () => {
    const c = sandbox();
    create(c, "/apis/storage.k8s.io/v1/storageclasses", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" });
    create(c, "/api/v1/persistentvolumes", {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: "disk-on-node01" },
      spec: {
        capacity: { storage: "5Gi" },
        accessModes: ["ReadWriteOnce"],
        storageClassName: "local",
        local: { path: "/mnt/disk" },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node01"] }] }] } },
      },
    });
    const claim = create(c, "/api/v1/namespaces/default/persistentvolumeclaims", pvc("data", "local"));
    createPod(c, "db", { spec: withClaim("data") });
    for (let i = 0; i < 5 && !nodeOf(c, "db"); i++) c.tick(500);
    expect(c.get("/api/v1/persistentvolumes/disk-on-node01").spec.claimRef).toMatchObject({ name: "data", uid: claim.metadata.uid });
    expect(nodeOf(c, "db")).toBe("node01");
  });

  test("with no volume to match and no provisioner, no node can serve the claim", () => {
    const c = sandbox();
    create(c, "/apis/storage.k8s.io/v1/storageclasses", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "local" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" });
    create(c, "/api/v1/namespaces/default/persistentvolumeclaims", pvc("data", "local"));
    createPod(c, "db", { spec: withClaim("data") });
    c.tick();
    expect(unschedulableMessage(c, "db")).toBe(workersRejected("node(s) didn't find available persistent volumes to bind", ALL_UNRESOLVABLE));
  });

  test("a bound claim's volume node affinity decides the node", () => {
    const c = sandbox();
    create(c, "/api/v1/persistentvolumes", {
      apiVersion: "v1",
      kind: "PersistentVolume",
      metadata: { name: "local-1" },
      spec: {
        capacity: { storage: "1Gi" },
        accessModes: ["ReadWriteOnce"],
        storageClassName: "manual",
        claimRef: { namespace: "default", name: "data" },
        hostPath: { path: "/data" },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node02"] }] }] } },
      },
    });
    const claim = create(c, "/api/v1/namespaces/default/persistentvolumeclaims", { ...pvc("data", "manual"), spec: { ...pvc("data", "manual").spec, volumeName: "local-1" } });
    patch(c, "/api/v1/namespaces/default/persistentvolumeclaims/data/status", { status: { phase: "Bound" } });
    expect(claim.spec.volumeName).toBe("local-1");
    for (const name of ["db-1", "db-2"]) createPod(c, name, { spec: withClaim("data") });
    c.tick();
    expect(nodeOf(c, "db-1")).toBe("node02");
    expect(nodeOf(c, "db-2")).toBe("node02");
  });

  test("a claim bound to a volume that does not exist", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces/default/persistentvolumeclaims", { ...pvc("data", "manual"), spec: { ...pvc("data", "manual").spec, volumeName: "gone" } });
    patch(c, "/api/v1/namespaces/default/persistentvolumeclaims/data/status", { status: { phase: "Bound" } });
    createPod(c, "db", { spec: withClaim("data") });
    c.tick();
    expect(unschedulableMessage(c, "db")).toBe(workersRejected("node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)", ALL_UNRESOLVABLE));
  });
});
