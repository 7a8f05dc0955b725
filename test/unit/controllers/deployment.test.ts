// The Deployment controller: ReplicaSets per template, revisions, RollingUpdate step by step,
// Recreate, rollout undo, pause/resume, restart, history limit, proportional scaling, progress
// deadline and conditions, adoption — and one end-to-end rollout through the whole cluster.
import { describe, expect, it } from "vitest";
import {
  NS,
  activePods,
  converge,
  condition,
  create,
  deployPath,
  deployment,
  events,
  finishTerminations,
  getDeploy,
  markReady,
  patch,
  readyAll,
  replicaSet,
  replicaSetsOf,
  rsPath,
  rsSizes,
  sandbox,
  type Sandbox,
  WORKLOAD_CONTROLLERS,
} from "./workloads";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { computeHash } from "../../../src/engine/controllers/hash";
import { CONTROLLERS, runControllers } from "../../../src/engine/controllers";
import { deploymentController } from "../../../src/engine/controllers/deployment/index";
import { rfc3339 } from "../../../src/engine/machinery/time";

const REVISION = "deployment.kubernetes.io/revision";

function setImage(c: Sandbox, name: string, image: string) {
  patch(c, deployPath(name), { spec: { template: { spec: { containers: [{ name: "app", image }] } } } });
}

/** One sync of every Deployment (a single controller pass, no follow-up passes). */
function syncOnce(c: Sandbox) {
  deploymentController.reconcile({ state: c.cluster, nowMs: c.nowMs });
}

/** One round of the world: controllers run, then the "kubelet" readies pods and finishes terminations. */
function round(c: Sandbox): string[] {
  c.step();
  const sizes = rsSizes(c, "web");
  readyAll(c);
  finishTerminations(c);
  return sizes;
}

/** What `kubectl rollout undo --to-revision=N` sends: the old template (no hash label) and annotations. */
function undoPatch(c: Sandbox, name: string, toRevision: number) {
  const d = getDeploy(c, name);
  const rs = replicaSetsOf(c, name).find((r) => r.metadata.annotations[REVISION] === String(toRevision));
  const template = structuredClone(rs.spec.template);
  delete template.metadata.labels["pod-template-hash"];
  const skip = new Set([
    "kubectl.kubernetes.io/last-applied-configuration",
    REVISION,
    "deployment.kubernetes.io/revision-history",
    "deployment.kubernetes.io/desired-replicas",
    "deployment.kubernetes.io/max-replicas",
    "deprecated.deployment.rollback.to",
  ]);
  const annotations: Record<string, string> = {};
  for (const k of skip) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k];
  for (const [k, v] of Object.entries(rs.metadata.annotations as Record<string, string>)) if (!skip.has(k)) annotations[k] = v;
  return [
    { op: "replace", path: "/spec/template", value: template },
    { op: "replace", path: "/metadata/annotations", value: annotations },
  ];
}

describe("Deployment controller: the first rollout", () => {
  it("creates <name>-<pod-template-hash> with revision, desired-replicas and max-replicas, and reports the new ReplicaSet", () => {
    const c = sandbox();
    const d = create(c, deployPath(), deployment("web", { replicas: 3 }));
    syncOnce(c);
    const hash = computeHash(d.spec.template);
    const [rs] = replicaSetsOf(c, "web");
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.selector).toEqual({ matchLabels: { app: "web", "pod-template-hash": hash } });
    expect(rs.spec.template.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.annotations).toEqual({ [REVISION]: "1", "deployment.kubernetes.io/desired-replicas": "3", "deployment.kubernetes.io/max-replicas": "4" });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(events(c, "ScalingReplicaSet")).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    const after = getDeploy(c, "web");
    expect(after.metadata.annotations).toEqual({ [REVISION]: "1" });
    // The revision is written with the status: generation does not move.
    expect(after.metadata.generation).toBe(1);
    expect(condition(after, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetCreated", message: `Created new replica set "web-${hash}"` });
    expect(condition(after, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable", message: "Deployment does not have minimum availability." });
  });

  it("reports progress while pods start and NewReplicaSetAvailable once all are available", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 3 }));
    c.step();
    const [rs] = replicaSetsOf(c, "web");
    let d = getDeploy(c, "web");
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(condition(d, "Progressing")).toMatchObject({ status: "True", reason: "ReplicaSetUpdated", message: `ReplicaSet "${rs.metadata.name}" is progressing.` });
    c.nowMs += 5000;
    converge(c);
    d = getDeploy(c, "web");
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: "Available", status: "True", lastUpdateTime: rfc3339(EPOCH_MS + 5000), lastTransitionTime: rfc3339(EPOCH_MS + 5000), reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." },
        { type: "Progressing", status: "True", lastUpdateTime: rfc3339(EPOCH_MS + 5000), lastTransitionTime: rfc3339(EPOCH_MS), reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` },
      ],
    });
  });

  it("copies its annotations (change-cause) to the new ReplicaSet but not the controller's own", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { annotations: { "kubernetes.io/change-cause": "first", "kubectl.kubernetes.io/last-applied-configuration": "{}" } }));
    c.step();
    const [rs] = replicaSetsOf(c, "web");
    expect(rs.metadata.annotations["kubernetes.io/change-cause"]).toBe("first");
    expect(rs.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toBeUndefined();
    patch(c, deployPath("web"), { metadata: { annotations: { "kubernetes.io/change-cause": "second" } } });
    c.step();
    expect(replicaSetsOf(c, "web")).toHaveLength(1);
    expect(replicaSetsOf(c, "web")[0].metadata.annotations["kubernetes.io/change-cause"]).toBe("second");
    const d = getDeploy(c, "web");
    expect(d.status.observedGeneration).toBe(d.metadata.generation);
  });

  it("adopts an orphan ReplicaSet with its template instead of creating one", () => {
    const c = sandbox();
    const body = replicaSet("web-manual", { replicas: 3, labels: { app: "web" } });
    (body.metadata as any).labels = { app: "web" };
    const orphan = create(c, rsPath(), body);
    c.step();
    converge(c);
    create(c, deployPath(), deployment("web", { replicas: 3 }));
    c.step();
    const rss = replicaSetsOf(c, "web");
    expect(rss.map((r) => r.metadata.name)).toEqual(["web-manual"]);
    expect(rss[0].metadata.uid).toBe(orphan.metadata.uid);
    expect(rss[0].metadata.annotations[REVISION]).toBe("1");
    expect(events(c, "ScalingReplicaSet")).toEqual([]);
  });
});

describe("Deployment controller: RollingUpdate", () => {
  it("moves step by step within maxSurge=1 and maxUnavailable=1", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 4, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }));
    converge(c);
    setImage(c, "web", "nginx:1.28");
    // [old, new] as spec/available after each round (pods become ready between rounds).
    const rounds = [round(c), round(c), round(c)];
    expect(rounds).toEqual([
      ["3/3", "2/0"],
      ["1/1", "4/2"],
      ["0/0", "4/4"],
    ]);
    const [oldRS, newRS] = replicaSetsOf(c, "web").map((r) => r.metadata.name);
    expect(events(c, "ScalingReplicaSet")).toEqual([
      `Scaled up replica set ${oldRS} from 0 to 4`,
      `Scaled up replica set ${newRS} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 4 to 3`,
      `Scaled up replica set ${newRS} from 1 to 2`,
      `Scaled down replica set ${oldRS} from 3 to 1`,
      `Scaled up replica set ${newRS} from 2 to 4`,
      `Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    c.step();
    const d = getDeploy(c, "web");
    expect(d.metadata.annotations[REVISION]).toBe("2");
    expect(condition(d, "Progressing")).toMatchObject({ reason: "NewReplicaSetAvailable", message: `ReplicaSet "${newRS}" has successfully progressed.` });
  });

  it("never exceeds replicas+maxSurge pods nor drops below replicas-maxUnavailable available", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 10, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "30%", maxUnavailable: "20%" } } }));
    converge(c);
    setImage(c, "web", "nginx:1.28");
    for (let i = 0; i < 20; i++) {
      c.step();
      const rss = replicaSetsOf(c, "web");
      const total = rss.reduce((n, r) => n + r.spec.replicas, 0);
      const available = rss.reduce((n, r) => n + (r.status.availableReplicas ?? 0), 0);
      expect(total).toBeLessThanOrEqual(13);
      expect(available).toBeGreaterThanOrEqual(8);
      readyAll(c);
      finishTerminations(c);
    }
    expect(rsSizes(c, "web")).toEqual(["0/0", "10/10"]);
  });

  it.each([
    // replicas, maxSurge, maxUnavailable -> first step [new RS size, old RS size], max-replicas annotation
    { replicas: 10, surge: "25%", unavailable: "25%", first: [3, 8], max: "13" }, // surge 2.5 -> 3, unavailable 2.5 -> 2
    { replicas: 3, surge: "25%", unavailable: "25%", first: [1, 3], max: "4" }, // surge 0.75 -> 1, unavailable 0.75 -> 0
    { replicas: 4, surge: 0, unavailable: "10%", first: [0, 3], max: "4" }, // both resolve to 0: unavailable becomes 1
    { replicas: 5, surge: 2, unavailable: 0, first: [2, 5], max: "7" },
  ])("rounds maxSurge up and maxUnavailable down: $replicas replicas, surge $surge, unavailable $unavailable", ({ replicas, surge, unavailable, first, max }) => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } }));
    converge(c);
    setImage(c, "web", "nginx:1.28");
    syncOnce(c);
    const [oldRS, newRS] = replicaSetsOf(c, "web");
    expect([newRS.spec.replicas, oldRS.spec.replicas]).toEqual(first);
    expect(newRS.metadata.annotations["deployment.kubernetes.io/max-replicas"]).toBe(max);
  });
});

describe("Deployment controller: Recreate", () => {
  it("scales the old ReplicaSet to zero and creates the new one only once the old pods are gone", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 3, strategy: { type: "Recreate" } }));
    converge(c);
    setImage(c, "web", "nginx:1.28");
    c.step();
    expect(rsSizes(c, "web")).toEqual(["0/0"]);
    // Old pods are terminating: still running, so no new ReplicaSet yet.
    expect(activePods(c)).toHaveLength(0);
    c.step(1000);
    expect(replicaSetsOf(c, "web")).toHaveLength(1);
    finishTerminations(c);
    c.step();
    const [oldRS, newRS] = replicaSetsOf(c, "web");
    expect(newRS.spec.replicas).toBe(3);
    expect(newRS.metadata.annotations["deployment.kubernetes.io/max-replicas"]).toBe("3");
    expect(events(c, "ScalingReplicaSet")).toEqual([
      `Scaled up replica set ${oldRS.metadata.name} from 0 to 3`,
      `Scaled down replica set ${oldRS.metadata.name} from 3 to 0`,
      `Scaled up replica set ${newRS.metadata.name} from 0 to 3`,
    ]);
  });
});

describe("Deployment controller: rollout undo", () => {
  it("reuses the old ReplicaSet, gives it the next revision and records its previous one", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2, annotations: { "kubernetes.io/change-cause": "v1" } }));
    converge(c);
    patch(c, deployPath("web"), { metadata: { annotations: { "kubernetes.io/change-cause": "v2" } }, spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.28" }] } } } });
    converge(c);
    const [rs1, rs2] = replicaSetsOf(c, "web");
    expect(rs2.metadata.annotations[REVISION]).toBe("2");

    patch(c, deployPath("web"), undoPatch(c, "web", 1), "application/json-patch+json");
    converge(c);
    const rss = replicaSetsOf(c, "web");
    expect(rss.map((r) => r.metadata.name)).toEqual([rs2.metadata.name, rs1.metadata.name]);
    const back = rss[1];
    expect(back.metadata.annotations).toMatchObject({ [REVISION]: "3", "deployment.kubernetes.io/revision-history": "1", "kubernetes.io/change-cause": "v1" });
    expect(back.spec.replicas).toBe(2);
    expect(rss[0].spec.replicas).toBe(0);
    const d = getDeploy(c, "web");
    expect(d.metadata.annotations[REVISION]).toBe("3");
    expect(d.spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect(condition(d, "Progressing")).toMatchObject({ reason: "NewReplicaSetAvailable", message: `ReplicaSet "${rs1.metadata.name}" has successfully progressed.` });

    // Undo again: back to revision 2, whose history now says 2.
    patch(c, deployPath("web"), undoPatch(c, "web", 2), "application/json-patch+json");
    converge(c);
    const again = replicaSetsOf(c, "web");
    expect(again[1].metadata.name).toBe(rs2.metadata.name);
    expect(again[1].metadata.annotations).toMatchObject({ [REVISION]: "4", "deployment.kubernetes.io/revision-history": "2" });
  });
});

describe("Deployment controller: pause and resume", () => {
  it("does not roll out while paused, still scales, and resumes the rollout", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 3 }));
    converge(c);
    c.nowMs += 10_000;
    patch(c, deployPath("web"), { spec: { paused: true } });
    c.step();
    let d = getDeploy(c, "web");
    expect(condition(d, "Progressing")).toMatchObject({ status: "Unknown", reason: "DeploymentPaused", message: "Deployment is paused", lastTransitionTime: rfc3339(EPOCH_MS + 10_000) });
    setImage(c, "web", "nginx:1.28");
    patch(c, deployPath("web"), { spec: { replicas: 5 } });
    converge(c);
    d = getDeploy(c, "web");
    expect(replicaSetsOf(c, "web")).toHaveLength(1);
    expect(rsSizes(c, "web")).toEqual(["5/5"]);
    expect(d.status.observedGeneration).toBe(d.metadata.generation);
    expect(d.metadata.annotations[REVISION]).toBe("1");

    c.nowMs += 10_000;
    patch(c, deployPath("web"), { spec: { paused: false } });
    syncOnce(c);
    d = getDeploy(c, "web");
    expect(replicaSetsOf(c, "web")).toHaveLength(2);
    expect(condition(d, "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetCreated" });
    expect(d.metadata.annotations[REVISION]).toBe("2");
    converge(c);
    expect(rsSizes(c, "web")).toEqual(["0/0", "5/5"]);
  });

  it("says DeploymentResumed when resumed with nothing to roll out", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 1 }));
    converge(c);
    patch(c, deployPath("web"), { spec: { paused: true } });
    converge(c);
    const rv = c.cluster.store.resourceVersion;
    patch(c, deployPath("web"), { spec: { paused: false } });
    converge(c);
    // What `kubectl get deploy -w` sees: Resumed (Unknown), then the rollout counted complete again.
    const seen = c.cluster.store
      .changesSince(rv)!
      .filter((ch) => ch.resource === "deployments.apps")
      .map((ch) => condition(ch.object, "Progressing"))
      .map((cond) => `${cond.status} ${cond.reason} ${cond.message}`);
    expect([...new Set(seen)]).toEqual(["Unknown DeploymentPaused Deployment is paused", "Unknown DeploymentResumed Deployment is resumed", 'True NewReplicaSetAvailable ReplicaSet "' + replicaSetsOf(c, "web")[0].metadata.name + '" has successfully progressed.']);
  });
});

describe("Deployment controller: restart, history, proportional scaling", () => {
  it("rolls out a new ReplicaSet when kubectl rollout restart sets restartedAt", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2 }));
    converge(c);
    patch(c, deployPath("web"), { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2026-01-01T00:00:00Z" } } } } });
    converge(c);
    const rss = replicaSetsOf(c, "web");
    expect(rss).toHaveLength(2);
    expect(rss[1].spec.template.metadata.annotations).toEqual({ "kubectl.kubernetes.io/restartedAt": "2026-01-01T00:00:00Z" });
    expect(rsSizes(c, "web")).toEqual(["0/0", "2/2"]);
    expect(activePods(c).every((p) => p.metadata.annotations?.["kubectl.kubernetes.io/restartedAt"])).toBe(true);
  });

  it("keeps revisionHistoryLimit old ReplicaSets and deletes the oldest", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 1, spec: { revisionHistoryLimit: 1 } }));
    converge(c);
    for (const tag of ["1.28", "1.29", "1.30"]) {
      setImage(c, "web", `nginx:${tag}`);
      converge(c);
    }
    const rss = replicaSetsOf(c, "web");
    expect(rss.map((r) => r.metadata.annotations[REVISION])).toEqual(["3", "4"]);
    expect(rss.map((r) => r.spec.template.spec.containers[0].image)).toEqual(["nginx:1.29", "nginx:1.30"]);
  });

  it("spreads a resize in the middle of a rollout over the ReplicaSets in proportion (the documentation's example)", () => {
    // kubernetes.io/docs/concepts/workloads/controllers/deployment/#proportional-scaling
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 10, strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
    converge(c);
    setImage(c, "web", "nginx:sometag");
    // The new pods never become ready: the rollout stalls at 8 old + 5 new.
    for (let i = 0; i < 3; i++) {
      c.step();
      finishTerminations(c);
    }
    expect(replicaSetsOf(c, "web").map((r) => r.spec.replicas)).toEqual([8, 5]);
    patch(c, deployPath("web"), { spec: { replicas: 15 } });
    c.step();
    finishTerminations(c);
    c.step();
    const [oldRS, newRS] = replicaSetsOf(c, "web");
    expect([oldRS.spec.replicas, newRS.spec.replicas]).toEqual([11, 7]);
    expect(oldRS.metadata.annotations).toMatchObject({ "deployment.kubernetes.io/desired-replicas": "15", "deployment.kubernetes.io/max-replicas": "18" });
    expect(events(c, "ScalingReplicaSet").slice(-2)).toEqual([
      `Scaled up replica set ${oldRS.metadata.name} from 8 to 11`,
      `Scaled up replica set ${newRS.metadata.name} from 5 to 7`,
    ]);
  });

  it("scales the only active ReplicaSet straight to the new size", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2 }));
    converge(c);
    patch(c, `${deployPath("web")}/scale`, { spec: { replicas: 5 } });
    converge(c);
    const [rs] = replicaSetsOf(c, "web");
    expect(rs.spec.replicas).toBe(5);
    expect(rs.metadata.annotations["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(events(c, "ScalingReplicaSet").at(-1)).toBe(`Scaled up replica set ${rs.metadata.name} from 2 to 5`);
    expect(getDeploy(c, "web").status).toMatchObject({ replicas: 5, availableReplicas: 5, updatedReplicas: 5 });
  });
});

describe("Deployment controller: progress deadline", () => {
  it("reports ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds, waking up for it", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2, spec: { progressDeadlineSeconds: 30 } }));
    converge(c);
    c.nowMs += 60_000;
    setImage(c, "web", "nginx:doesnotexist");
    const wake = c.step();
    const newRS = replicaSetsOf(c, "web")[1].metadata.name;
    expect(wake).toBe(c.nowMs + 31_000);
    c.step(30_000);
    expect(condition(getDeploy(c, "web"), "Progressing")).toMatchObject({ status: "True", reason: "ReplicaSetUpdated" });
    c.step(1_000);
    const d = getDeploy(c, "web");
    expect(condition(d, "Progressing")).toMatchObject({ status: "False", reason: "ProgressDeadlineExceeded", message: `ReplicaSet "${newRS}" has timed out progressing.`, lastTransitionTime: rfc3339(c.nowMs) });
    expect(condition(d, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });
    // Timed out: nothing left to wait for.
    expect(c.step()).toBeUndefined();
  });

  it("does not ask to wake up now when a complete rollout loses a pod long after its deadline (no hot alarm loop)", () => {
    // Found by the seeded simulation: NewReplicaSetAvailable never times out, so a deadline long
    // past left the wake-up at "now" forever.
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2, spec: { progressDeadlineSeconds: 30 } }));
    converge(c);
    expect(condition(getDeploy(c, "web"), "Progressing")).toMatchObject({ reason: "NewReplicaSetAvailable" });
    c.nowMs += 120_000;
    markReady(c, activePods(c)[0], false);
    const wake = c.step();
    expect(getDeploy(c, "web").status).toMatchObject({ availableReplicas: 1, unavailableReplicas: 1 });
    expect(condition(getDeploy(c, "web"), "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable" });
    expect(wake).toBeUndefined();
  });

  it("copies a ReplicaSet's ReplicaFailure condition to the Deployment", () => {
    const c = sandbox();
    const body = deployment("web", { replicas: 1 });
    (body.spec.template.spec as any).serviceAccountName = "robot";
    create(c, deployPath(), body);
    c.step();
    const d = getDeploy(c, "web");
    expect(condition(d, "ReplicaFailure")).toMatchObject({ status: "True", reason: "FailedCreate" });
    expect(condition(d, "ReplicaFailure").message).toMatch(/serviceaccount "robot" not found/);
  });
});

describe("Deployment controller: hash collisions", () => {
  it("bumps status.collisionCount and names the ReplicaSet with the next hash when the name is taken", () => {
    const c = sandbox();
    const dry = c.request("POST", `${deployPath()}?dryRun=All`, deployment("web", { replicas: 1 }));
    expect(dry.status).toBe(201);
    const taken = `web-${computeHash(dry.body.spec.template)}`;
    create(c, rsPath(), replicaSet(taken, { replicas: 0, labels: { app: "squatter" } }));
    create(c, deployPath(), deployment("web", { replicas: 1 }));
    c.step();
    const d = getDeploy(c, "web");
    expect(d.status.collisionCount).toBe(1);
    const [rs] = replicaSetsOf(c, "web");
    expect(rs.metadata.name).toBe(`web-${computeHash(d.spec.template, 1)}`);
    expect(rs.metadata.name).not.toBe(taken);
  });
});

describe("Deployment controller: deletion and orphans", () => {
  it("deleting a Deployment removes its ReplicaSets and their pods (background cascade)", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2 }));
    converge(c);
    expect(c.request("DELETE", deployPath("web")).status).toBe(200);
    converge(c);
    expect(c.get(rsPath()).items).toHaveLength(0);
    expect(activePods(c)).toHaveLength(0);
  });

  it("a new Deployment adopts the ReplicaSet an orphaning delete left behind and keeps its pods", () => {
    const c = sandbox();
    create(c, deployPath(), deployment("web", { replicas: 2 }));
    converge(c);
    const [rs] = replicaSetsOf(c, "web");
    const podNames = activePods(c).map((p) => p.metadata.name).sort();
    expect(c.request("DELETE", `${deployPath("web")}?propagationPolicy=Orphan`).status).toBe(200);
    converge(c);
    expect(c.get(rsPath(rs.metadata.name)).metadata.ownerReferences).toBeUndefined();
    create(c, deployPath(), deployment("web", { replicas: 2 }));
    converge(c);
    const [adopted] = replicaSetsOf(c, "web");
    expect(adopted.metadata.uid).toBe(rs.metadata.uid);
    expect(activePods(c).map((p) => p.metadata.name).sort()).toEqual(podNames);
    expect(getDeploy(c, "web").status).toMatchObject({ replicas: 2, updatedReplicas: 2, availableReplicas: 2 });
  });
});

describe("Deployment controller: scale", () => {
  it("creates 1,000 replicas in a few passes (500 per ReplicaSet sync, slow-start batches)", () => {
    const c = sandbox({ nodes: 10 });
    create(c, deployPath(), deployment("web", { replicas: 1000 }));
    const { passes } = runControllers({ state: c.cluster, nowMs: c.nowMs }, WORKLOAD_CONTROLLERS);
    // Create the ReplicaSet; two syncs of 500 pods; a pass that changes nothing.
    expect(passes).toBeLessThanOrEqual(4);
    const [rs] = replicaSetsOf(c, "web");
    expect(rs.status.replicas).toBe(1000);
    // client-go's EventCorrelator: 9 "Created pod" events, then the aggregate, which the spam filter
    // stops after the ReplicaSet's 25th event (9 + an aggregate counted 16 times).
    const created = c.get(`/api/v1/namespaces/default/events`).items.filter((e: any) => e.reason === "SuccessfulCreate");
    expect(created.filter((e: any) => /^Created pod: web-/.test(e.message))).toHaveLength(9);
    expect(created.filter((e: any) => e.message.startsWith("(combined from similar events): Created pod: web-")).map((e: any) => e.count)).toEqual([16]);
  });
});

describe("Deployment controller: a fresh sandbox", () => {
  it("keeps the bootstrap's coredns ReplicaSet (same pod-template-hash) and writes nothing", () => {
    const c = testCluster();
    const d = c.get("/apis/apps/v1/namespaces/kube-system/deployments/coredns");
    const rss = c.get("/apis/apps/v1/namespaces/kube-system/replicasets").items;
    expect(rss.map((r: any) => r.metadata.name)).toEqual([`coredns-${computeHash(d.spec.template)}`]);
    const rv = c.cluster.store.resourceVersion;
    runControllers({ state: c.cluster, nowMs: c.nowMs }, [deploymentController]);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });
});

const LIVE = ["scheduler", "kubelet"].every((n) => CONTROLLERS.some((ctl) => ctl.name.includes(n)));

describe("end to end", () => {
  it.skipIf(!LIVE)("a 3-replica Deployment becomes available with the whole cluster running (scheduler and kubelet included)", () => {
    const c = testCluster({ nodes: 2 });
    create(c, deployPath(), deployment("web", { replicas: 3 }));
    for (let i = 0; i < 120; i++) {
      c.tick(1000);
      const d = getDeploy(c, "web");
      if (d.status?.availableReplicas === 3) break;
    }
    const d = getDeploy(c, "web");
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(condition(d, "Available")?.status).toBe("True");
    expect(activePods(c).filter((p) => p.metadata.labels.app === "web" && p.status.phase === "Running")).toHaveLength(3);
  });

  it.skipIf(!LIVE)("a rolling update completes with the whole cluster running, as `kubectl rollout status` sees it", () => {
    const c = testCluster({ nodes: 2 });
    create(c, deployPath(), deployment("web", { replicas: 3 }));
    const rolledOut = () => {
      // kubectl's DeploymentStatusViewer: observed, all updated, no old replicas, all updated available.
      const d = getDeploy(c, "web");
      const st = d.status ?? {};
      return st.observedGeneration >= d.metadata.generation && st.updatedReplicas === 3 && (st.replicas ?? 0) === st.updatedReplicas && st.availableReplicas === st.updatedReplicas;
    };
    for (let i = 0; i < 120 && !rolledOut(); i++) c.tick(1000);
    patch(c, deployPath("web"), { spec: { template: { spec: { containers: [{ name: "app", image: "nginx:1.28" }] } } } });
    c.tick(0);
    expect(rolledOut()).toBe(false);
    let seconds = 0;
    for (; seconds < 300 && !rolledOut(); seconds++) c.tick(1000);
    expect(rolledOut()).toBe(true);
    // Real pace: pulling and starting pods takes seconds, not zero and not minutes.
    expect(seconds).toBeGreaterThan(1);
    expect(seconds).toBeLessThan(120);
    const rss = replicaSetsOf(c, "web");
    expect(rss.map((r) => [r.spec.template.spec.containers[0].image, r.spec.replicas])).toEqual([
      ["nginx:1.27", 0],
      ["nginx:1.28", 3],
    ]);
    expect(condition(getDeploy(c, "web"), "Progressing")).toMatchObject({ status: "True", reason: "NewReplicaSetAvailable" });
  });
});

