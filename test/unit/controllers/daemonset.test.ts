// DaemonSet controller: one pod per eligible node (node selector, affinity, taints and tolerations),
// pods pinned by node affinity for the scheduler, revisions, rolling updates and status.
import { describe, expect, it } from "vitest";
import { container, create, del, events, finishTerminations, markFinished, markRunning, names, patch, path, pods, podsOf, sandbox, targetNode, type Sandbox } from "./apps-batch-support";
import { computeHash } from "../../../src/engine/controllers/hash";

const KS = "kube-system";

function daemonSet(name: string, opts: { spec?: Record<string, any>; template?: Record<string, any> } = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container("fluentd:v1")], ...(opts.template ?? {}) } },
      ...(opts.spec ?? {}),
    },
  };
}

const getDs = (c: Sandbox, name = "logs") => c.get(path.daemonSets(name));
const dsPods = (c: Sandbox, name = "logs") => podsOf(c, getDs(c, name));
const live = (c: Sandbox, name = "logs") => dsPods(c, name).filter((p) => !p.metadata.deletionTimestamp);
const nodesOf = (ps: any[]) => ps.map((p) => targetNode(p) ?? p.spec.nodeName).sort();
const CONTROL_PLANE_TOLERATION = { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" };

/** Scheduler and kubelet stand-in: bind each pod to its pinned node and report it Running and Ready. */
function settle(c: Sandbox, rounds = 30) {
  for (let i = 0; i < rounds; i++) {
    const before = c.cluster.store.resourceVersion;
    for (const p of pods(c)) {
      if (p.metadata.deletionTimestamp) continue;
      if (!p.status?.conditions?.some((x: any) => x.type === "Ready" && x.status === "True")) markRunning(c, p);
    }
    finishTerminations(c);
    c.step(0);
    if (c.cluster.store.resourceVersion === before) return;
  }
  throw new Error("did not settle");
}

describe("DaemonSet: a fresh sandbox", () => {
  it("leaves the bootstrap kube-proxy DaemonSet, its revision and its pods untouched", () => {
    const c = sandbox();
    const ds = c.get(path.daemonSets("kube-proxy", KS));
    const hash = computeHash(ds.spec.template);
    expect(c.get(path.revisions(KS)).items.map((r: any) => r.metadata.name)).toEqual([`kube-proxy-${hash}`]);
    const rv = c.cluster.store.resourceVersion;
    expect(c.step(0)).toBeUndefined();
    expect(c.cluster.store.resourceVersion, "no write on the first reconcile").toBe(rv);
    expect(c.step(3_600_000)).toBeUndefined();
    expect(c.cluster.store.resourceVersion).toBe(rv);
    expect(podsOf(c, ds, KS).every((p) => p.metadata.labels["controller-revision-hash"] === hash)).toBe(true);
  });
});

describe("DaemonSet: placement", () => {
  it("creates one unscheduled pod per schedulable node, pinned by a matchFields node affinity", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs"));
    c.step(0);
    const ps = dsPods(c);
    expect(nodesOf(ps), "the control-plane taint keeps it off controlplane").toEqual(["node01", "node02"]);
    const pod = ps[0];
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.spec.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [targetNode(pod)] }] }] } } });
    const [revision] = c.get(path.revisions()).items;
    const hash = revision.metadata.labels["controller-revision-hash"];
    expect(revision.metadata.name).toBe(`logs-${hash}`);
    expect(pod.metadata.labels).toEqual({ app: "logs", "controller-revision-hash": hash, "pod-template-generation": "1" });
    expect(pod.metadata.generateName).toBe("logs-");
    expect(pod.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
      { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
    ]);
    expect(events(c, "SuccessfulCreate").sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(getDs(c).status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
  });

  it.each([
    ["a control-plane toleration adds the control-plane node", { tolerations: [CONTROL_PLANE_TOLERATION] }, ["controlplane", "node01", "node02"]],
    ["a nodeSelector keeps only matching nodes", { nodeSelector: { "node-role.kubernetes.io/control-plane": "" }, tolerations: [CONTROL_PLANE_TOLERATION] }, ["controlplane"]],
    [
      "a required node affinity keeps only matching nodes",
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node02"] }] }] } } } },
      ["node02"],
    ],
    ["a selector no node matches places nothing", { nodeSelector: { disktype: "ssd" } }, []],
  ])("%s", (_name, template, expected) => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { template }));
    c.step(0);
    expect(nodesOf(dsPods(c))).toEqual(expected);
    expect(getDs(c).status.desiredNumberScheduled).toBe(expected.length);
  });

  it("follows node labels: a pod appears when a node starts matching and goes when it stops", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { template: { nodeSelector: { disktype: "ssd" } } }));
    c.step(0);
    expect(dsPods(c)).toEqual([]);
    patch(c, "/api/v1/nodes/node01", { metadata: { labels: { disktype: "ssd" } } });
    c.step(0);
    expect(nodesOf(dsPods(c))).toEqual(["node01"]);
    settle(c);
    patch(c, "/api/v1/nodes/node01", { metadata: { labels: { disktype: null } } });
    c.step(0);
    expect(live(c)).toEqual([]);
    expect(events(c, "SuccessfulDelete")).toHaveLength(1);
  });

  it("creates a pod on a node that joins, and none on a NoSchedule-tainted node", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs"));
    settle(c);
    create(c, "/api/v1/nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "node03", labels: { "kubernetes.io/hostname": "node03", "kubernetes.io/os": "linux" } } });
    create(c, "/api/v1/nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "node04" }, spec: { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] } });
    c.step(0);
    expect(nodesOf(live(c))).toEqual(["node01", "node02", "node03"]);
  });

  it("replaces a failed daemon pod and says so", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs"));
    settle(c);
    const victim = dsPods(c).find((p) => p.spec.nodeName === "node01");
    markFinished(c, victim, "Failed");
    c.step(0);
    expect(events(c, "FailedDaemonPod")).toEqual([`Found failed daemon pod default/${victim.metadata.name} on node node01, will try to kill it`]);
    finishTerminations(c);
    c.step(0);
    expect(nodesOf(live(c))).toEqual(["node01", "node02"]);
  });

  it("reports ready and available nodes once pods run", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs"));
    settle(c);
    expect(getDs(c).status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
    const rv = c.cluster.store.resourceVersion;
    c.step(60_000);
    expect(c.cluster.store.resourceVersion, "idle: no writes").toBe(rv);
  });
});

describe("DaemonSet: updates", () => {
  const newImage = { spec: { template: { spec: { containers: [{ name: "app", image: "fluentd:v2" }] } } } };
  const smp = "application/strategic-merge-patch+json";

  it("RollingUpdate with maxUnavailable 1 replaces one node's pod at a time", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { template: { tolerations: [CONTROL_PLANE_TOLERATION] } }));
    settle(c);
    const oldHash = dsPods(c)[0].metadata.labels["controller-revision-hash"];
    patch(c, path.daemonSets("logs"), newImage, smp);
    c.step(0);
    expect(live(c), "one old pod deleted").toHaveLength(2);
    expect(getDs(c).metadata.annotations["deprecated.daemonset.template.generation"]).toBe("2");
    finishTerminations(c);
    c.step(0);
    const fresh = live(c).filter((p) => p.metadata.labels["controller-revision-hash"] !== oldHash);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].metadata.labels["pod-template-generation"]).toBe("2");
    expect(live(c).filter((p) => p.metadata.labels["controller-revision-hash"] === oldHash), "the others wait for the new pod").toHaveLength(2);
    settle(c);
    expect(live(c).map((p) => p.spec.containers[0].image)).toEqual(["fluentd:v2", "fluentd:v2", "fluentd:v2"]);
    expect(getDs(c).status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3, observedGeneration: 2 });
    expect(c.get(path.revisions()).items.map((r: any) => r.revision).sort()).toEqual([1, 2]);
  });

  it("RollingUpdate with maxSurge 1 starts the new pod before removing the old one", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } } }));
    settle(c);
    patch(c, path.daemonSets("logs"), newImage, smp);
    c.step(0);
    expect(live(c), "a second pod on one node").toHaveLength(3);
    const surged = live(c).find((p) => p.spec.containers[0].image === "fluentd:v2");
    const node = targetNode(surged);
    markRunning(c, surged);
    c.step(0);
    expect(live(c).filter((p) => p.spec.nodeName === node || targetNode(p) === node).map((p) => p.spec.containers[0].image)).toEqual(["fluentd:v2"]);
    settle(c);
    expect(live(c).map((p) => p.spec.containers[0].image)).toEqual(["fluentd:v2", "fluentd:v2"]);
  });

  it("OnDelete leaves pods alone until they are deleted", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { spec: { updateStrategy: { type: "OnDelete" } } }));
    settle(c);
    patch(c, path.daemonSets("logs"), newImage, smp);
    settle(c);
    expect(live(c).map((p) => p.spec.containers[0].image)).toEqual(["fluentd:v1", "fluentd:v1"]);
    expect(getDs(c).status.updatedNumberScheduled ?? 0).toBe(0);
    del(c, path.pods(live(c)[0].metadata.name));
    settle(c);
    expect(live(c).map((p) => p.spec.containers[0].image).sort()).toEqual(["fluentd:v1", "fluentd:v2"]);
  });

  it("keeps at most revisionHistoryLimit old revisions no pod uses", () => {
    const c = sandbox();
    create(c, path.daemonSets(), daemonSet("logs", { spec: { revisionHistoryLimit: 1 } }));
    settle(c);
    for (const tag of ["v2", "v3", "v4"]) {
      patch(c, path.daemonSets("logs"), { spec: { template: { spec: { containers: [{ name: "app", image: `fluentd:${tag}` }] } } } }, smp);
      settle(c);
    }
    expect(c.get(path.revisions()).items.map((r: any) => r.revision).sort()).toEqual([3, 4]);
  });
});

describe("DaemonSet: refused creations", () => {
  it("a quota that forbids pods gives FailedCreate events at a growing interval, not a loop", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces/default/resourcequotas", { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "no-pods" }, spec: { hard: { pods: "0" } } });
    create(c, path.daemonSets(), daemonSet("logs"));
    const wake = c.step(0);
    expect(dsPods(c)).toEqual([]);
    expect(events(c, "FailedCreate")).toHaveLength(1);
    expect(events(c, "FailedCreate")[0]).toMatch(/^Error creating: pods "logs-[a-z0-9]{5}" is forbidden: exceeded quota: no-pods/);
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 1000);
    c.step(wake! - c.nowMs);
    expect(events(c, "FailedCreate")).toHaveLength(2);
    expect(c.step(0)! - c.nowMs).toBe(2000 - (c.nowMs % 1000));
  });
});

