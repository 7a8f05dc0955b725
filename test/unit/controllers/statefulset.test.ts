// StatefulSet controller: ordered and parallel pod management, stable identities and claims,
// revisions, partitioned rolling updates, OnDelete, scale-down order and status.
import { describe, expect, it } from "vitest";
import { container, create, del, events, finishTerminations, markFinished, markRunning, names, NS, patch, path, pods, podsOf, sandbox, type Sandbox } from "./apps-batch-support";
import { runControllers } from "../../../src/engine/controllers";
import { statefulSetController } from "../../../src/engine/controllers/statefulset";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { LIMITS } from "../../../src/engine/limits";

function statefulSet(name: string, opts: { replicas?: number; policy?: "OrderedReady" | "Parallel"; claims?: boolean; spec?: Record<string, any> } = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name },
    spec: {
      serviceName: "nginx",
      replicas: opts.replicas ?? 3,
      podManagementPolicy: opts.policy ?? "OrderedReady",
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [container("registry.k8s.io/nginx-slim:0.24", { volumeMounts: opts.claims === false ? undefined : [{ name: "www", mountPath: "/usr/share/nginx/html" }] })] },
      },
      ...(opts.claims === false
        ? {}
        : { volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }] }),
      ...(opts.spec ?? {}),
    },
  };
}

const getSet = (c: Sandbox, name = "web") => c.get(path.statefulSets(name));
const setPods = (c: Sandbox, name = "web") => podsOf(c, getSet(c, name));
const live = (c: Sandbox, name = "web") => setPods(c, name).filter((p) => !p.metadata.deletionTimestamp);
const claims = (c: Sandbox) => names(c.get(path.pvcs()).items).sort();
const revisionOf = (pod: any) => pod.metadata.labels["controller-revision-hash"];

/** Kubelet stand-in: every pod Running and Ready, terminations finished, controllers run; until quiet. */
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

describe("StatefulSet: OrderedReady", () => {
  it("creates web-0 with its claim first, then each next ordinal only when the previous is Running and Ready", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web"));
    c.step(0);
    expect(names(setPods(c))).toEqual(["web-0"]);
    expect(claims(c)).toEqual(["www-web-0"]);
    expect(events(c, "SuccessfulCreate")).toEqual(["create Claim www-web-0 Pod web-0 in StatefulSet web success", "create Pod web-0 in StatefulSet web successful"]);

    markRunning(c, setPods(c)[0], { ready: false });
    c.step(1000);
    expect(names(setPods(c)), "a running but unready pod blocks the next ordinal").toEqual(["web-0"]);

    markRunning(c, setPods(c)[0]);
    c.step(1000);
    expect(names(setPods(c))).toEqual(["web-0", "web-1"]);
    markRunning(c, setPods(c)[1]);
    c.step(1000);
    expect(names(setPods(c))).toEqual(["web-0", "web-1", "web-2"]);
    expect(claims(c)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
  });

  it("gives each pod a stable identity: name, hostname, subdomain, labels and its own claim", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 1 }));
    c.step(0);
    const [pod] = setPods(c);
    const set = getSet(c);
    expect(pod.metadata.generateName).toBe("web-");
    expect(pod.metadata.labels).toEqual({
      app: "web",
      "apps.kubernetes.io/pod-index": "0",
      "controller-revision-hash": set.status.updateRevision,
      "statefulset.kubernetes.io/pod-name": "web-0",
    });
    expect(pod.spec.hostname).toBe("web-0");
    expect(pod.spec.subdomain).toBe("nginx");
    expect(pod.spec.volumes[0]).toEqual({ name: "www", persistentVolumeClaim: { claimName: "www-web-0" } });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: set.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const pvc = c.get(path.pvcs("www-web-0"));
    expect(pvc.metadata.labels).toEqual({ app: "web" });
    expect(pvc.metadata.ownerReferences, "Retain/Retain leaves claims unowned").toBeUndefined();
    expect(pvc.spec.resources.requests.storage).toBe("1Gi");
  });

  it("reports status as the real controller does once all replicas run", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web"));
    settle(c);
    const set = getSet(c);
    expect(set.status).toEqual({
      availableReplicas: 3,
      collisionCount: 0,
      currentReplicas: 3,
      currentRevision: set.status.updateRevision,
      observedGeneration: 1,
      readyReplicas: 3,
      replicas: 3,
      updateRevision: set.status.updateRevision,
      updatedReplicas: 3,
    });
    expect(set.status.updateRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    const [rev] = c.get(path.revisions()).items;
    expect(rev.metadata.name).toBe(set.status.updateRevision);
    expect(rev.revision).toBe(1);
    expect(rev.metadata.labels).toEqual({ app: "web", "controller-revision-hash": set.status.updateRevision.slice("web-".length) });
    expect(rev.data.spec.template.$patch).toBe("replace");
  });

  it("scales down from the highest ordinal, one pod at a time, and keeps the claims", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web"));
    settle(c);
    patch(c, path.statefulSets("web"), { spec: { replicas: 1 } });
    c.step(0);
    expect(names(live(c))).toEqual(["web-0", "web-1"]);
    c.step(1000);
    expect(names(live(c)), "web-1 waits for web-2 to finish terminating").toEqual(["web-0", "web-1"]);
    finishTerminations(c);
    c.step(0);
    expect(names(live(c))).toEqual(["web-0"]);
    settle(c);
    expect(names(setPods(c))).toEqual(["web-0"]);
    expect(events(c, "SuccessfulDelete")).toEqual(["delete Pod web-2 in StatefulSet web successful", "delete Pod web-1 in StatefulSet web successful"]);
    expect(claims(c)).toEqual(["www-web-0", "www-web-1", "www-web-2"]);
  });

  it("with whenScaled: Delete, the claims of scaled-down pods go with their pods", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 2, spec: { persistentVolumeClaimRetentionPolicy: { whenScaled: "Delete", whenDeleted: "Retain" } } }));
    settle(c);
    patch(c, path.statefulSets("web"), { spec: { replicas: 1 } });
    c.step(0);
    const web1 = c.get(path.pods("web-1"));
    expect(c.get(path.pvcs("www-web-1")).metadata.ownerReferences).toEqual([{ apiVersion: "v1", kind: "Pod", name: "web-1", uid: web1.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    settle(c);
    // The garbage collector deletes the claim; pvc-protection holds it until no pod uses it.
    expect(c.get(path.pvcs("www-web-1")).metadata.deletionTimestamp).toBeDefined();
    expect(c.get(path.pvcs("www-web-0")).metadata.deletionTimestamp).toBeUndefined();
  });

  it("recreates a failed pod under the same name", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 2, claims: false }));
    settle(c);
    const before = c.get(path.pods("web-1"));
    markFinished(c, before, "Failed");
    c.step(0);
    const after = c.get(path.pods("web-1"));
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(events(c, "RecreatingFailedPod")).toEqual(["StatefulSet default/web is recreating failed Pod web-1"]);
  });
});

describe("StatefulSet: Parallel", () => {
  it("creates every ordinal at once and deletes excess pods at once", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 3, policy: "Parallel" }));
    c.step(0);
    expect(names(setPods(c))).toEqual(["web-0", "web-1", "web-2"]);
    patch(c, path.statefulSets("web"), { spec: { replicas: 0 } });
    c.step(0);
    expect(names(live(c))).toEqual([]);
  });
});

describe("StatefulSet: updates", () => {
  const newImage = { spec: { template: { spec: { containers: [{ name: "app", image: "registry.k8s.io/nginx-slim:0.27" }] } } } };

  it("rolls from the highest ordinal down to the partition, one pod at a time", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { spec: { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 1 } } } }));
    settle(c);
    const oldRev = getSet(c).status.currentRevision;
    patch(c, path.statefulSets("web"), newImage);
    c.step(0);
    const set = getSet(c);
    expect(set.status.updateRevision).not.toBe(oldRev);
    expect(names(live(c)), "web-2 goes first").toEqual(["web-0", "web-1"]);
    settle(c);
    const byName = Object.fromEntries(setPods(c).map((p) => [p.metadata.name, revisionOf(p)]));
    expect(byName).toEqual({ "web-0": oldRev, "web-1": set.status.updateRevision, "web-2": set.status.updateRevision });
    expect(getSet(c).status).toMatchObject({ currentRevision: oldRev, currentReplicas: 1, updatedReplicas: 2, replicas: 3, readyReplicas: 3 });
    const revisions = c.get(path.revisions()).items.map((r: any) => [r.metadata.name, r.revision]).sort((a: any, b: any) => a[1] - b[1]);
    expect(revisions).toEqual([
      [oldRev, 1],
      [set.status.updateRevision, 2],
    ]);

    // Lowering the partition to 0 finishes the update and makes the new revision current.
    patch(c, path.statefulSets("web"), { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    settle(c);
    expect(getSet(c).status).toMatchObject({ currentRevision: set.status.updateRevision, updateRevision: set.status.updateRevision, currentReplicas: 3, updatedReplicas: 3 });
  });

  it("rolling back to an earlier template reuses its revision with the next number", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 1 }));
    settle(c);
    const first = getSet(c).status.updateRevision;
    const smp = "application/strategic-merge-patch+json";
    patch(c, path.statefulSets("web"), newImage, smp);
    settle(c);
    patch(c, path.statefulSets("web"), { spec: { template: { spec: { containers: [{ name: "app", image: "registry.k8s.io/nginx-slim:0.24" }] } } } }, smp);
    settle(c);
    expect(getSet(c).status.updateRevision).toBe(first);
    const rev = c.get(path.revisions()).items.find((r: any) => r.metadata.name === first);
    expect(rev.revision).toBe(3);
  });

  it("OnDelete replaces a pod with the new template only when it is deleted", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 2, claims: false, spec: { updateStrategy: { type: "OnDelete" } } }));
    settle(c);
    const oldRev = getSet(c).status.currentRevision;
    patch(c, path.statefulSets("web"), newImage);
    settle(c);
    expect(setPods(c).map(revisionOf)).toEqual([oldRev, oldRev]);
    del(c, path.pods("web-1"));
    settle(c);
    const newRev = getSet(c).status.updateRevision;
    expect(setPods(c).map(revisionOf)).toEqual([oldRev, newRev]);
    expect(c.get(path.pods("web-1")).spec.containers[0].image).toBe("registry.k8s.io/nginx-slim:0.27");
  });
});

describe("StatefulSet: lifecycle", () => {
  it("keeps claims when the StatefulSet is deleted (whenDeleted: Retain)", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 2 }));
    settle(c);
    del(c, path.statefulSets("web"));
    settle(c);
    expect(pods(c).filter((p) => p.metadata.name.startsWith("web-"))).toEqual([]);
    expect(claims(c)).toEqual(["www-web-0", "www-web-1"]);
  });

  it("a recreated StatefulSet reuses the claims of the same ordinals", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 1 }));
    settle(c);
    const uid = c.get(path.pvcs("www-web-0")).metadata.uid;
    del(c, path.statefulSets("web"));
    settle(c);
    create(c, path.statefulSets(), statefulSet("web", { replicas: 1 }));
    settle(c);
    expect(c.get(path.pvcs("www-web-0")).metadata.uid).toBe(uid);
    expect(events(c, "SuccessfulCreate").filter((m) => m.startsWith("create Claim"))).toEqual(["create Claim www-web-0 Pod web-0 in StatefulSet web success"]);
  });

  it("is deleted in the foreground without recreating its revision pass after pass", () => {
    // Found by the seeded simulation: the garbage collector deleted the revision, the controller
    // created it again, and the alarm never settled while the pods were still terminating.
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 2, claims: false }));
    settle(c);
    del(c, path.statefulSets("web"), "?propagationPolicy=Foreground");
    const run = runControllers({ state: c.cluster, nowMs: c.nowMs }, [statefulSetController, garbageCollector]);
    expect(run.passes).toBeLessThan(LIMITS.maxControllerPasses);
    expect(names(c.get(path.revisions()).items)).toEqual([]);
    expect(names(live(c))).toEqual([]);
    expect(setPods(c).map((p) => !!p.metadata.deletionTimestamp)).toEqual([true, true]);
    finishTerminations(c);
    c.step();
    expect(c.request("GET", path.statefulSets("web")).status).toBe(404);
  });

  it("is idempotent: another pass over a settled set writes nothing", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web"));
    settle(c);
    const rv = c.cluster.store.resourceVersion;
    expect(c.step(60_000)).toBeUndefined();
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });

  it("waits minReadySeconds before counting a pod available and wakes up then", () => {
    const c = sandbox();
    create(c, path.statefulSets(), statefulSet("web", { replicas: 1, claims: false, spec: { minReadySeconds: 10 } }));
    c.step(0);
    markRunning(c, setPods(c)[0]);
    const wake = c.step(0);
    expect(getSet(c).status).toMatchObject({ readyReplicas: 1, availableReplicas: 0 });
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 10_001);
    c.step(wake! - c.nowMs);
    expect(getSet(c).status.availableReplicas).toBe(1);
  });

  it("manages pods in the namespace of the set only", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "other" } });
    create(c, path.statefulSets("", "other"), statefulSet("web", { replicas: 1, claims: false }));
    c.step(0);
    expect(names(pods(c, "other")).filter((n) => n.startsWith("web"))).toEqual(["web-0"]);
    expect(pods(c, NS).filter((p) => p.metadata.name.startsWith("web"))).toEqual([]);
  });
});

describe("StatefulSet: refused creations", () => {
  it("a quota that forbids pods gives FailedCreate events at a growing interval, not a loop", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces/default/resourcequotas", { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "no-pods" }, spec: { hard: { pods: "0" } } });
    create(c, path.statefulSets(), statefulSet("web", { claims: false }));
    const wake = c.step(0);
    expect(setPods(c)).toEqual([]);
    expect(events(c, "FailedCreate")).toEqual([expect.stringMatching(/^create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: exceeded quota: no-pods/)]);
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 1000);
    c.step(wake! - c.nowMs);
    expect(c.get(path.events()).items.find((e: any) => e.reason === "FailedCreate").count).toBe(2);
  });
});

