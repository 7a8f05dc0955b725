// pkg/controller/deployment/sync.go: finding or creating the new ReplicaSet and syncing revisions,
// scaling (including proportional scaling of every active ReplicaSet when a Deployment is scaled in
// the middle of a rollout or while paused), revisionHistoryLimit cleanup, paused conditions and the
// Deployment status computed from its ReplicaSets.
import type { KubeObject } from "../../kinds/types";
import type { DeploymentSync } from "./context";
import { computeHash } from "../hash";
import { cloneForWrite, newControllerRef, controllerRefOf } from "../controller-utils";
import { setDeploymentRevision, setNewReplicaSetAnnotations } from "./revision";
import {
  POD_TEMPLATE_HASH_LABEL,
  REASONS,
  REVISION_ANNOTATION,
  availableReplicaCount,
  actualReplicaCount,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  filterActive,
  findNewReplicaSet,
  findOldReplicaSets,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxReplicasAnnotation,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  readyReplicaCount,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  roundHalfAway,
  setCondition,
  setReplicasAnnotations,
  specReplicaCount,
} from "./util";
import { byCreation } from "../controller-utils";
import { clone, deepEqual } from "../../machinery/json";
import { ApiError } from "../../machinery/status";
import { parseRfc3339 } from "../../machinery/time";

export interface ReplicaSets {
  newRS: KubeObject | undefined;
  oldRSs: KubeObject[];
}

/** getAllReplicaSetsAndSyncRevision. */
export function getAllReplicaSetsAndSyncRevision(s: DeploymentSync, createIfNotExisted: boolean): ReplicaSets {
  const existing = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = findOldReplicaSets(s.d, s.rsList, existing);
  const newRS = getNewReplicaSet(s, existing, oldRSs, createIfNotExisted);
  // Writes replaced objects in s.rsList: hand back the current ones.
  return { newRS, oldRSs: s.rsList.filter((rs) => oldRSs.some((o) => o.metadata.uid === rs.metadata.uid)) };
}

/** getNewReplicaSet: sync the new ReplicaSet's annotations and revision, or create it. */
function getNewReplicaSet(s: DeploymentSync, existing: KubeObject | undefined, oldRSs: KubeObject[], create: boolean): KubeObject | undefined {
  const d = s.d;
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    const rsCopy = cloneForWrite(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReady) {
      rsCopy.spec.minReadySeconds = minReady;
      return s.updateRS(rsCopy);
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
    if (hasProgressDeadline(d) && !getCondition(d.status, "Progressing")) {
      d.status ??= {};
      setCondition(d.status, newCondition("Progressing", "True", REASONS.foundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, s.nowMs));
      needsUpdate = true;
    }
    if (needsUpdate) s.writeStatus();
    return existing;
  }
  if (!create) return undefined;
  const retryAt = rsCreateRetryAt(s);
  if (retryAt !== undefined && retryAt > s.nowMs) {
    s.wake(retryAt);
    return undefined;
  }

  const template = clone(d.spec?.template ?? {});
  const collisionCount = d.status?.collisionCount as number | undefined;
  const hash = computeHash(template, collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = clone(d.spec?.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds ?? 0, selector, template },
  };
  if (!newRS.spec.minReadySeconds) delete newRS.spec.minReadySeconds;
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: KubeObject;
  let alreadyExists = false;
  try {
    created = s.createRS(newRS);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.reason === "AlreadyExists") {
      const rs = s.client.get("apps/v1", "ReplicaSet", d.metadata.namespace, newRS.metadata.name!);
      const ref = rs && controllerRefOf(rs);
      if (rs && ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
        created = rs;
        alreadyExists = true;
      } else {
        // A hash collision: bump collisionCount; the next pass creates the ReplicaSet under another name.
        d.status ??= {};
        d.status.collisionCount = (collisionCount ?? 0) + 1;
        s.writeStatus();
        return undefined;
      }
    } else if (e.code === 403 && e.message.includes("because it is being terminated")) {
      return undefined;
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name}": ${e.message}`;
      if (hasProgressDeadline(d)) {
        d.status ??= {};
        setCondition(d.status, newCondition("Progressing", "False", REASONS.failedRSCreate, msg, s.nowMs));
        s.writeStatus();
      }
      s.event("Warning", REASONS.failedRSCreate, msg);
      s.wake(rsCreateRetryAt(s));
      return undefined;
    }
  }
  if (!alreadyExists && replicas > 0) {
    s.event("Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(s.d, newRevision);
  if (!alreadyExists && hasProgressDeadline(s.d)) {
    s.d.status ??= {};
    setCondition(s.d.status, newCondition("Progressing", "True", REASONS.newRSCreated, `Created new replica set "${created.metadata.name}"`, s.nowMs));
    needsUpdate = true;
  }
  if (needsUpdate) s.writeStatus();
  return created;
}

/**
 * After a refused ReplicaSet creation, the next attempt waits (the workqueue's backoff): as long as
 * the failures have lasted so far, between 1 s and 1000 s, read from the aggregated
 * ReplicaSetCreateError event so it survives restarts.
 */
function rsCreateRetryAt(s: DeploymentSync): number | undefined {
  let first: number | undefined;
  let last: number | undefined;
  for (const e of s.client.list("v1", "Event", s.d.metadata.namespace || "default")) {
    if (e.reason !== REASONS.failedRSCreate || e.involvedObject?.uid !== s.d.metadata.uid) continue;
    const f = parseRfc3339(e.firstTimestamp ?? "");
    const l = parseRfc3339(e.lastTimestamp ?? "");
    if (f !== undefined) first = Math.min(first ?? f, f);
    if (l !== undefined) last = Math.max(last ?? l, l);
  }
  if (last === undefined) return undefined;
  return last + Math.min(1_000_000, Math.max(1000, last - (first ?? last)));
}

/** scaleReplicaSet: resize and refresh the desired/max annotations; an event when the size changed. */
export function scaleReplicaSet(s: DeploymentSync, rs: KubeObject, newScale: number): { scaled: boolean; rs: KubeObject } {
  const d = s.d;
  const desired = replicasOf(d);
  const max = desired + maxSurge(d);
  const oldScale = replicasOf(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = cloneForWrite(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const written = s.updateRS(copy);
  if (sizeNeedsUpdate) {
    s.event("Normal", "ScalingReplicaSet", `Scaled ${oldScale < newScale ? "up" : "down"} replica set ${written.metadata.name} from ${oldScale} to ${newScale}`);
  }
  return { scaled: sizeNeedsUpdate, rs: written };
}

/** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
export function scaleReplicaSetAndRecordEvent(s: DeploymentSync, rs: KubeObject, newScale: number): { scaled: boolean; rs: KubeObject } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(s, rs, newScale);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && !oldRSs.length) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** getReplicaSetFraction: how many replicas this ReplicaSet gains or loses when the Deployment is resized. */
function replicaSetFraction(s: DeploymentSync, rs: KubeObject): number {
  const d = s.d;
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const deploymentMax = replicasOf(d) + maxSurge(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) before = desiredReplicasAnnotation(rs) ?? ((d.status?.replicas as number | undefined) ?? 0);
  if (!before) return 0;
  return roundHalfAway((replicasOf(rs) * deploymentMax) / before) - replicasOf(rs);
}

/** scale: a resize of the Deployment, spread over its active ReplicaSets. */
export function scale(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const d = s.d;
  const want = replicasOf(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === want) return;
    scaleReplicaSetAndRecordEvent(s, activeOrLatest, want);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) scaleReplicaSetAndRecordEvent(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = filterActive([...oldRSs, newRS]);
  const current = specReplicaCount(all);
  const allowed = want > 0 ? want + maxSurge(d) : 0;
  const toAdd = allowed - current;
  if (toAdd > 0) all.sort(bySizeNewer);
  else if (toAdd < 0) all.sort(bySizeOlder);
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      let proportion = 0;
      if (replicasOf(rs) !== 0 && toAdd !== added) {
        const fraction = replicaSetFraction(s, rs);
        const allowedLeft = toAdd - added;
        proportion = toAdd > 0 ? Math.min(fraction, allowedLeft) : Math.max(fraction, allowedLeft);
      }
      sizes.set(rs.metadata.uid!, replicasOf(rs) + proportion);
      added += proportion;
    } else sizes.set(rs.metadata.uid!, replicasOf(rs));
  }
  all.forEach((rs, i) => {
    const uid = rs.metadata.uid!;
    if (i === 0 && toAdd !== 0) sizes.set(uid, Math.max(0, sizes.get(uid)! + (toAdd - added)));
    const current = s.rsList.find((r) => r.metadata.uid === uid) ?? rs;
    scaleReplicaSet(s, current, sizes.get(uid)!);
  });
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(s: DeploymentSync): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  for (const rs of filterActive([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== replicasOf(s.d)) return true;
  }
  return false;
}

/** sync: scaling while paused or on a resize; no rollout. */
export function syncScaling(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  scale(s, newRS, oldRSs);
  if (s.d.spec?.paused) cleanupDeployment(s, current(s, oldRSs));
  syncDeploymentStatus(s, current(s, oldRSs), newRS && current(s, [newRS])[0]);
}

/** syncStatusOnly: a Deployment being deleted only reports. */
export function syncStatusOnly(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  syncDeploymentStatus(s, oldRSs, newRS);
}

/** The current versions (after writes) of some ReplicaSets. */
export function current(s: DeploymentSync, rss: readonly KubeObject[]): KubeObject[] {
  const byUid = new Map(s.rsList.map((r) => [r.metadata.uid, r]));
  return rss.filter((r) => byUid.has(r.metadata.uid)).map((r) => byUid.get(r.metadata.uid)!);
}

/** checkPausedConditions: an Unknown Progressing condition while paused, so the deadline does not run. */
export function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === REASONS.timedOut) return;
  const pausedCondExists = cond?.reason === REASONS.paused;
  d.status ??= {};
  if (d.spec?.paused && !pausedCondExists) {
    setCondition(d.status, newCondition("Progressing", "Unknown", REASONS.paused, "Deployment is paused", s.nowMs));
  } else if (!d.spec?.paused && pausedCondExists) {
    setCondition(d.status, newCondition("Progressing", "Unknown", REASONS.resumed, "Deployment is resumed", s.nowMs));
  } else return;
  s.writeStatus();
}

/** cleanupDeployment: delete the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: KubeObject[]): void {
  const d = s.d;
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit as number);
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    s.deleteRS(rs);
  }
}

/** calculateStatus: the Deployment's status from its ReplicaSets, with the Available condition. */
export function calculateStatus(s: DeploymentSync, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject | undefined): Record<string, any> {
  const d = s.d;
  const available = availableReplicaCount(allRSs);
  const total = specReplicaCount(allRSs);
  const unavailable = Math.max(0, total - available);
  const status: Record<string, any> = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  for (const k of Object.keys(status)) if (!status[k]) delete status[k];
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions?.length) status.conditions = clone(d.status.conditions);
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", REASONS.minAvailable, "Deployment has minimum availability.", s.nowMs));
  } else {
    setCondition(status, newCondition("Available", "False", REASONS.minUnavailable, "Deployment does not have minimum availability.", s.nowMs));
  }
  return status;
}

/** syncDeploymentStatus: write the computed status when it differs. */
export function syncDeploymentStatus(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject | undefined): void {
  const status = calculateStatus(s, [...oldRSs, newRS], newRS);
  writeStatusIfChanged(s, status);
}

export function writeStatusIfChanged(s: DeploymentSync, status: Record<string, any>): void {
  if (deepEqual(s.d.status ?? {}, status)) return;
  s.d.status = status;
  s.writeStatus();
}
