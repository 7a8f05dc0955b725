// The ReplicaSet and ReplicationController controllers: pods from the template, deletion order,
// adoption and release, status counts, minReadySeconds, and refused creations.
import { describe, expect, it } from "vitest";
import {
  NS,
  activePods,
  bind,
  converge,
  create,
  events,
  finishTerminations,
  markReady,
  patch,
  podPath,
  pods,
  podsOwnedBy,
  readyAll,
  replicaSet,
  rsPath,
  sandbox,
  condition,
  WORKLOAD_CONTROLLERS,
} from "./workloads";
import { runControllers } from "../../../src/engine/controllers";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { K8S_RAND_ALPHABET } from "../../../src/engine/machinery/rng";
import { rfc3339 } from "../../../src/engine/machinery/time";

const SUFFIX = `[${K8S_RAND_ALPHABET}]{5}`;

describe("ReplicaSet controller: creating pods", () => {
  it("creates spec.replicas pods named <rs>-<5 random> with the template's labels and a controller reference", () => {
    const c = sandbox();
    const rs = create(c, rsPath(), replicaSet("web", { replicas: 3 }));
    c.step();
    const owned = podsOwnedBy(c, rs);
    expect(owned).toHaveLength(3);
    for (const p of owned) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${SUFFIX}$`));
      expect(p.metadata.generateName).toBe("web-");
      expect(p.metadata.labels).toEqual({ app: "web" });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.spec.containers[0].image).toBe("nginx:1.27");
    }
    expect(events(c, "SuccessfulCreate").sort()).toEqual(owned.map((p) => `Created pod: ${p.metadata.name}`).sort());
    const e = c.get(`/api/v1/namespaces/${NS}/events`).items.find((x: any) => x.reason === "SuccessfulCreate");
    expect(e.source).toEqual({ component: "replicaset-controller" });
    expect(e.involvedObject).toMatchObject({ kind: "ReplicaSet", name: "web", uid: rs.metadata.uid });
  });

  it("copies template annotations and finalizers to the pods", () => {
    const c = sandbox();
    const body = replicaSet("web", { replicas: 1 });
    (body.spec.template.metadata as any).annotations = { note: "hi" };
    create(c, rsPath(), body);
    c.step();
    expect(pods(c)[0].metadata.annotations).toEqual({ note: "hi" });
  });

  it("replaces a deleted pod", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 2 }));
    c.step();
    const [first] = pods(c);
    expect(c.request("DELETE", podPath(first.metadata.name)).status).toBe(200);
    c.step();
    const names = activePods(c).map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(first.metadata.name);
  });

  it("does not count finished pods and replaces them", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 1 }));
    c.step();
    const [p] = pods(c);
    bind(c, p, "node01");
    const cur = c.get(podPath(p.metadata.name));
    cur.status = { ...cur.status, phase: "Failed" };
    expect(c.request("PUT", `${podPath(p.metadata.name)}/status`, cur).status).toBe(200);
    c.step();
    expect(pods(c)).toHaveLength(2);
    expect(c.get(rsPath("web")).status.replicas).toBe(1);
  });

  it("makes no writes when nothing changed (a second pass is a no-op)", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 3 }));
    c.step();
    readyAll(c);
    c.step();
    const rv = c.cluster.store.resourceVersion;
    c.step(60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });
});

describe("ReplicaSet controller: status", () => {
  it("reports replicas, fullyLabeledReplicas, readyReplicas, availableReplicas and observedGeneration", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 3 }));
    c.step();
    expect(c.get(rsPath("web")).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    const [a, b] = pods(c);
    bind(c, a, "node01");
    markReady(c, a);
    bind(c, b, "node01");
    markReady(c, b);
    c.step();
    expect(c.get(rsPath("web")).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it("counts a pod available only minReadySeconds after it became ready, and wakes up for it", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 1, spec: { minReadySeconds: 10 } }));
    c.step();
    readyAll(c);
    const wake = c.step();
    expect(c.get(rsPath("web")).status).toMatchObject({ readyReplicas: 1 });
    expect(c.get(rsPath("web")).status.availableReplicas).toBeUndefined();
    expect(wake).toBe(EPOCH_MS + 10_001);
    c.step(9_000);
    expect(c.get(rsPath("web")).status.availableReplicas).toBeUndefined();
    c.step(1_001);
    expect(c.get(rsPath("web")).status.availableReplicas).toBe(1);
  });

  it("counts pods missing a template label as not fully labeled", () => {
    const c = sandbox();
    const body = replicaSet("web", { replicas: 1, labels: { app: "web" } });
    (body.spec.template.metadata.labels as any).tier = "front";
    create(c, rsPath(), body);
    c.step();
    const [p] = pods(c);
    patch(c, podPath(p.metadata.name), { metadata: { labels: { tier: null } } });
    c.step();
    expect(c.get(rsPath("web")).status).toMatchObject({ replicas: 1 });
    expect(c.get(rsPath("web")).status.fullyLabeledReplicas).toBeUndefined();
  });

  it("updates observedGeneration when the spec changes", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 1 }));
    c.step();
    patch(c, rsPath("web"), { spec: { replicas: 2 } });
    c.step();
    const rs = c.get(rsPath("web"));
    expect(rs.metadata.generation).toBe(2);
    expect(rs.status).toMatchObject({ observedGeneration: 2, replicas: 2 });
  });
});

describe("ReplicaSet controller: scaling down picks the least valuable pods first", () => {
  // Each case: the pods' states; the pod that goes when scaling 3 -> 2.
  type State = { node?: string; ready?: boolean };
  const cases: Array<{ name: string; states: State[]; deleted: number }> = [
    { name: "unscheduled before scheduled", states: [{ node: "node01", ready: true }, {}, { node: "node01", ready: true }], deleted: 1 },
    { name: "not ready before ready", states: [{ node: "node01", ready: true }, { node: "node01", ready: true }, { node: "node01", ready: false }], deleted: 2 },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const c = sandbox();
      create(c, rsPath(), replicaSet("web", { replicas: 3 }));
      c.step();
      const ps = pods(c);
      tc.states.forEach((st, i) => {
        if (st.node) bind(c, ps[i], st.node);
        if (st.ready !== undefined) markReady(c, ps[i], st.ready);
      });
      c.step();
      patch(c, rsPath("web"), { spec: { replicas: 2 } });
      c.step();
      const gone = pods(c).filter((p) => p.metadata.deletionTimestamp).map((p) => p.metadata.name);
      const removedNow = ps.filter((p) => !pods(c).some((q) => q.metadata.name === p.metadata.name)).map((p) => p.metadata.name);
      const deleted = [...gone, ...removedNow];
      expect(deleted).toHaveLength(1);
      expect(deleted[0]).toBe(ps[tc.deleted].metadata.name);
      expect(events(c, "SuccessfulDelete")).toEqual([`Deleted pod: ${deleted[0]}`]);
    });
  }

  it("prefers the pod created later when all else is equal", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 1 }));
    c.step();
    const [old] = pods(c);
    c.nowMs += 3600_000;
    patch(c, rsPath("web"), { spec: { replicas: 2 } });
    c.step();
    const young = pods(c).find((p) => p.metadata.name !== old.metadata.name);
    c.nowMs += 3600_000;
    readyAll(c);
    c.step();
    patch(c, rsPath("web"), { spec: { replicas: 1 } });
    c.step();
    finishTerminations(c);
    expect(activePods(c).map((p) => p.metadata.name)).toEqual([old.metadata.name]);
    expect(events(c, "SuccessfulDelete")).toEqual([`Deleted pod: ${young.metadata.name}`]);
  });

  it("scales to zero by deleting every pod", () => {
    const c = sandbox();
    create(c, rsPath(), replicaSet("web", { replicas: 3 }));
    converge(c);
    patch(c, rsPath("web"), { spec: { replicas: 0 } });
    converge(c);
    expect(pods(c)).toHaveLength(0);
    expect(c.get(rsPath("web")).status).toEqual({ replicas: 0, observedGeneration: 2 });
  });
});

describe("ReplicaSet controller: adoption and release", () => {
  const orphan = (name: string, labels: Record<string, string>) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels },
    spec: { containers: [{ name: "app", image: "nginx:1.27" }] },
  });

  it("adopts orphan pods the selector matches and creates only the rest", () => {
    const c = sandbox();
    create(c, podPath(), orphan("stray", { app: "web" }));
    create(c, podPath(), orphan("other", { app: "db" }));
    const rs = create(c, rsPath(), replicaSet("web", { replicas: 2 }));
    c.step();
    const stray = c.get(podPath("stray"));
    expect(stray.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(c.get(podPath("other")).metadata.ownerReferences).toBeUndefined();
    expect(podsOwnedBy(c, rs)).toHaveLength(2);
    expect(events(c, "SuccessfulCreate")).toHaveLength(1);
  });

  it("leaves pods another controller owns alone", () => {
    const c = sandbox();
    const a = create(c, rsPath(), replicaSet("a", { replicas: 1, labels: { app: "web" } }));
    c.step();
    const b = create(c, rsPath(), { ...replicaSet("b", { replicas: 1, labels: { app: "web" } }) });
    c.step();
    expect(podsOwnedBy(c, a)).toHaveLength(1);
    expect(podsOwnedBy(c, b)).toHaveLength(1);
  });

  it("releases a pod whose labels stop matching and replaces it", () => {
    const c = sandbox();
    const rs = create(c, rsPath(), replicaSet("web", { replicas: 1 }));
    c.step();
    const [p] = pods(c);
    patch(c, podPath(p.metadata.name), { metadata: { labels: { app: "debug" } } });
    c.step();
    expect(c.get(podPath(p.metadata.name)).metadata.ownerReferences).toBeUndefined();
    expect(podsOwnedBy(c, rs)).toHaveLength(1);
    expect(podsOwnedBy(c, rs)[0].metadata.name).not.toBe(p.metadata.name);
  });

  it("does not adopt pods that are being deleted", () => {
    const c = sandbox();
    create(c, podPath(), orphan("stray", { app: "web" }));
    bind(c, c.get(podPath("stray")), "node01");
    expect(c.request("DELETE", podPath("stray")).status).toBe(200);
    create(c, rsPath(), replicaSet("web", { replicas: 1 }));
    c.step();
    expect(c.get(podPath("stray")).metadata.ownerReferences).toBeUndefined();
  });
});

describe("ReplicaSet controller: refused creations", () => {
  it("records FailedCreate and a ReplicaFailure condition, retries with backoff, and clears it once creation works", () => {
    const c = sandbox();
    const body = replicaSet("web", { replicas: 2 });
    (body.spec.template.spec as any).serviceAccountName = "robot";
    create(c, rsPath(), body);
    const wake = c.step();
    const failures = events(c, "FailedCreate");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^Error creating: pods "web-.*" is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/);
    const rs = c.get(rsPath("web"));
    expect(condition(rs, "ReplicaFailure")).toMatchObject({ type: "ReplicaFailure", status: "True", reason: "FailedCreate", lastTransitionTime: rfc3339(EPOCH_MS) });
    expect(condition(rs, "ReplicaFailure").message).toMatch(/^pods "web-.*" is forbidden: error looking up service account/);
    expect(wake).toBe(EPOCH_MS + 1000);
    // Nothing is retried before the backoff ends: no hot loop.
    const rv = c.cluster.store.resourceVersion;
    c.step(500);
    expect(c.cluster.store.resourceVersion).toBe(rv);
    c.step(500);
    expect(events(c, "FailedCreate").length).toBe(2);
    // The account appears: creation succeeds and the condition goes.
    create(c, `/api/v1/namespaces/${NS}/serviceaccounts`, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "robot" } });
    c.step(600_000);
    expect(activePods(c)).toHaveLength(2);
    expect(condition(c.get(rsPath("web")), "ReplicaFailure")).toBeUndefined();
  });

  it("backs off longer the longer creation keeps failing", () => {
    const c = sandbox();
    const body = replicaSet("web", { replicas: 1 });
    (body.spec.template.spec as any).serviceAccountName = "robot";
    create(c, rsPath(), body);
    const attempts: number[] = [];
    let wake = c.step();
    for (let i = 0; i < 6 && wake !== undefined; i++) {
      attempts.push(wake - EPOCH_MS);
      c.nowMs = wake;
      wake = c.step();
    }
    expect(attempts).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
  });
});

describe("ReplicationController controller", () => {
  it("keeps spec.replicas pods from its template with v1 owner references", () => {
    const c = sandbox();
    const rc = create(c, `/api/v1/namespaces/${NS}/replicationcontrollers`, {
      apiVersion: "v1",
      kind: "ReplicationController",
      metadata: { name: "legacy" },
      spec: { replicas: 2, template: { metadata: { labels: { app: "legacy" } }, spec: { containers: [{ name: "app", image: "nginx:1.27" }] } } },
    });
    c.step();
    const owned = podsOwnedBy(c, rc);
    expect(owned).toHaveLength(2);
    expect(owned[0].metadata.name).toMatch(new RegExp(`^legacy-${SUFFIX}$`));
    expect(owned[0].metadata.ownerReferences[0]).toMatchObject({ apiVersion: "v1", kind: "ReplicationController", controller: true, blockOwnerDeletion: true });
    const e = c.get(`/api/v1/namespaces/${NS}/events`).items.find((x: any) => x.reason === "SuccessfulCreate");
    expect(e.source).toEqual({ component: "replication-controller" });
    readyAll(c);
    c.step();
    expect(c.get(`/api/v1/namespaces/${NS}/replicationcontrollers/legacy`).status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });
});

describe("a fresh sandbox", () => {
  it("is left unchanged by the workload controllers (the bootstrap's coredns Deployment and ReplicaSet are in sync)", () => {
    const c = testCluster();
    const before = c.get("/apis/apps/v1/namespaces/kube-system/replicasets").items.map((rs: any) => rs.metadata.name);
    const rv = c.cluster.store.resourceVersion;
    const { nextWakeMs } = runControllers({ state: c.cluster, nowMs: c.nowMs + 3600_000 }, WORKLOAD_CONTROLLERS);
    expect(nextWakeMs).toBeUndefined();
    expect(c.cluster.store.resourceVersion).toBe(rv);
    expect(c.cluster.takeWrites()).toBeUndefined();
    expect(c.get("/apis/apps/v1/namespaces/kube-system/replicasets").items.map((rs: any) => rs.metadata.name)).toEqual(before);
  });
});
