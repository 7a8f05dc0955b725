// The StatefulSet controller (pkg/controller/statefulset, 1.32): pods `<set>-<ordinal>` with stable
// hostnames, PersistentVolumeClaims `<template>-<set>-<ordinal>` created before their pod and kept after
// it (persistentVolumeClaimRetentionPolicy), OrderedReady (one pod at a time, each waiting for its
// predecessors to be Running and Ready; scale down from the highest ordinal) or Parallel management,
// ControllerRevisions named `<set>-<hash>`, RollingUpdate from the highest ordinal down to the
// partition, OnDelete, and the status the real controller reports.
import type { KubeObject, OwnerReference } from "../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { claimObjects } from "./controller-ref";
import { isPodAvailable, isPodReady, newControllerRef, podAvailableAtMs, podFromTemplate } from "./controller-utils";
import { claimRevisions, CONTROLLER_REVISION_HASH_LABEL, createRevision, isSnapshotOf, newRevisionObject, nextRevisionNumber, revisionTemplate, sortRevisions, templatePatch } from "./history";
import { cachedList, errorMessage, event, failedCreateRetryAtMs, futureWake, KCM_MANAGER, SyncGate } from "./workload-common";
import { clone, deepEqual } from "../machinery/json";
import { matches, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../machinery/labels";
import { ApiError } from "../machinery/status";

const COMPONENT = "statefulset-controller";
export const STATEFULSET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
export const POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

const POD_NAME_RE = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: the set name and ordinal a pod name encodes (-1 when none). */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = POD_NAME_RE.exec(podName);
  if (!m) return { parent: "", ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: n <= 2147483647 ? n : -1 };
}

const ordinalOf = (pod: KubeObject) => parentAndOrdinal(pod.metadata.name ?? "").ordinal;
const podRevision = (pod: KubeObject) => pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? "";
const isTerminating = (pod: KubeObject) => !!pod.metadata.deletionTimestamp;
const isRunningAndReady = (pod: KubeObject) => pod.status?.phase === "Running" && isPodReady(pod);
const isCreated = (pod: KubeObject) => !!pod.status?.phase;

interface Ctx {
  client: ControllerClient;
  ctx: ControllerContext;
  set: KubeObject;
  minReady: number;
  wake?: number;
}

function isRunningAndAvailable(c: Ctx, pod: KubeObject): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (isPodAvailable(pod, c.minReady, c.ctx.nowMs)) return true;
  c.wake = earliest(c.wake, futureWake(podAvailableAtMs(pod, c.minReady), c.ctx.nowMs));
  return false;
}

/** isUnavailable: not yet created, terminating, or not running and available. */
function isUnavailable(c: Ctx, pod: KubeObject): boolean {
  return !isCreated(pod) || isTerminating(pod) || !isRunningAndAvailable(c, pod);
}

/** A StatefulSet syncs when StatefulSets change, or pods, revisions or claims in its namespace. */
const gate = new SyncGate(
  (resource, ns, namespaces) =>
    resource === "statefulsets.apps" || ((resource === "pods" || resource === "controllerrevisions.apps" || resource === "persistentvolumeclaims") && namespaces.has(ns)),
);

export const statefulSetController: Controller = {
  name: COMPONENT,
  reconcile(ctx): ReconcileResult {
    const skipped = gate.skip(ctx);
    if (skipped) return { changed: false, wakeAtMs: skipped.wakeAtMs };
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const rv0 = ctx.state.store.resourceVersion;
    const sets = cachedList(client, "apps/v1", "StatefulSet");
    let wakeAtMs: number | undefined;
    for (const listed of sets) {
      const set = client.get("apps/v1", "StatefulSet", listed.metadata.namespace, listed.metadata.name!);
      if (!set) continue;
      const ns = set.metadata.namespace ?? "";
      try {
        wakeAtMs = earliest(wakeAtMs, syncStatefulSet(client, ctx, set, cachedList(client, "v1", "Pod", ns), cachedList(client, "apps/v1", "ControllerRevision", ns)));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    gate.synced(ctx, rv0, sets.map((x) => x.metadata.namespace ?? ""), wakeAtMs);
    return { changed: ctx.state.store.resourceVersion !== rv0, wakeAtMs };
  },
};

function syncStatefulSet(client: ControllerClient, ctx: ControllerContext, set: KubeObject, podsInNs: readonly KubeObject[], revisionsInNs: readonly KubeObject[]): number | undefined {
  let selector: LabelSelectorRequirementSet;
  try {
    selector = selectorFromLabelSelector(set.spec?.selector);
  } catch {
    return undefined;
  }
  const c: Ctx = { client, ctx, set, minReady: (set.spec?.minReadySeconds as number | undefined) ?? 0 };
  // getPodsForStatefulSet: claim pods named after this set that the selector matches.
  const isMember = (p: KubeObject) => parentAndOrdinal(p.metadata.name ?? "").parent === set.metadata.name;
  const candidates = podsInNs.filter((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller === true);
    return ref ? ref.uid === set.metadata.uid : true;
  });
  const pods = claimObjects(client, set, candidates, (p) => isMember(p) && matches(selector, p.metadata.labels)).claimed;

  const revisions = sortRevisions(claimRevisions(client, set, selector, revisionsInNs));
  // A set in foreground deletion whose revision the garbage collector already removed: creating it
  // again would only give the collector another dependent to delete, pass after pass.
  if (set.metadata.deletionTimestamp && !revisions.some((r) => isSnapshotOf(r.data, set.spec?.template))) return undefined;
  const { currentRevision, updateRevision, collisionCount } = getRevisions(c, revisions);
  const status = updateStatefulSet(c, currentRevision, updateRevision, collisionCount, pods);
  writeStatus(c, status);
  truncateHistory(c, revisions, currentRevision, updateRevision);
  return c.wake;
}

/** getStatefulSetRevisions: the update revision for the current template, created or rolled back to. */
function getRevisions(c: Ctx, revisions: KubeObject[]): { currentRevision: KubeObject; updateRevision: KubeObject; collisionCount: number } {
  const { client, set } = c;
  let collisionCount = (set.status?.collisionCount as number | undefined) ?? 0;
  const next = nextRevisionNumber(revisions);
  const equal = revisions.filter((r) => isSnapshotOf(r.data, set.spec?.template));
  let updateRevision: KubeObject;
  if (equal.length && revisions[revisions.length - 1] === equal[equal.length - 1]) {
    updateRevision = revisions[revisions.length - 1];
  } else if (equal.length) {
    // Rolling back to an earlier template: that revision gets the next number.
    const bumped = clone(equal[equal.length - 1]);
    bumped.revision = next;
    updateRevision = client.update(bumped);
    const i = revisions.indexOf(equal[equal.length - 1]);
    revisions.splice(i, 1);
    revisions.push(updateRevision);
  } else {
    const labels = (set.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
    const data = templatePatch(set.spec?.template);
    const made = createRevision(
      client,
      set,
      (name, hash) => newRevisionObject(set, name, { ...labels, [CONTROLLER_REVISION_HASH_LABEL]: hash }, set.metadata.annotations, data, next),
      data,
      collisionCount,
    );
    updateRevision = made.revision;
    collisionCount = made.collisionCount;
    revisions.push(updateRevision);
  }
  const currentRevision = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? updateRevision;
  return { currentRevision, updateRevision, collisionCount };
}

function startOrdinal(set: KubeObject): number {
  return (set.spec?.ordinals?.start as number | undefined) ?? 0;
}

function replicasOf(set: KubeObject): number {
  return (set.spec?.replicas as number | undefined) ?? 1;
}

function claimName(template: KubeObject, set: KubeObject, ordinal: number): string {
  return `${template.metadata?.name ?? ""}-${set.metadata.name}-${ordinal}`;
}

/** newStatefulSetPod + initIdentity + updateStorage, from the template of the given revision. */
function newStatefulSetPod(set: KubeObject, template: Record<string, any> | undefined, revisionName: string, ordinal: number): KubeObject {
  const pod = podFromTemplate(template, set);
  const name = `${set.metadata.name}-${ordinal}`;
  pod.metadata.name = name;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFULSET_POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL]: revisionName };
  pod.spec.hostname = name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
  updateStorage(set, pod, ordinal);
  return pod;
}

/** updateStorage: a volume per claim template (replacing same-named ones), then the others. */
function updateStorage(set: KubeObject, pod: KubeObject, ordinal: number): void {
  const templates = (set.spec?.volumeClaimTemplates ?? []) as KubeObject[];
  if (!templates.length) return;
  const names = new Set(templates.map((t) => t.metadata?.name ?? ""));
  const volumes: Array<Record<string, unknown>> = templates.map((t) => ({ name: t.metadata?.name ?? "", persistentVolumeClaim: { claimName: claimName(t, set, ordinal) } }));
  for (const v of (pod.spec.volumes ?? []) as Array<{ name: string }>) if (!names.has(v.name)) volumes.push(v);
  pod.spec.volumes = volumes;
}

/** newVersionedStatefulSetPod: ordinals below the partition (or currentReplicas) keep the current revision. */
function newVersionedPod(set: KubeObject, current: KubeObject, update: KubeObject, ordinal: number): KubeObject {
  const us = set.spec?.updateStrategy ?? {};
  const start = startOrdinal(set);
  const useCurrent =
    (us.type === "RollingUpdate" && us.rollingUpdate == null && ordinal < start + ((set.status?.currentReplicas as number | undefined) ?? 0)) ||
    (us.rollingUpdate != null && ordinal < start + ((us.rollingUpdate.partition as number | undefined) ?? 0));
  const rev = useCurrent ? current : update;
  return newStatefulSetPod(set, revisionTemplate(rev) ?? set.spec?.template, rev.metadata.name!, ordinal);
}

/** The claims a pod of the set needs (getPersistentVolumeClaims). */
function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  const matchLabels = (set.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  return ((set.spec?.volumeClaimTemplates ?? []) as KubeObject[]).map((t) => {
    const claim = clone(t);
    claim.apiVersion = "v1";
    claim.kind = "PersistentVolumeClaim";
    const md = { ...(claim.metadata ?? {}) };
    md.name = claimName(t, set, ordinal);
    md.namespace = set.metadata.namespace;
    md.labels = { ...(md.labels ?? {}), ...matchLabels };
    delete md.resourceVersion;
    delete md.uid;
    delete md.creationTimestamp;
    claim.metadata = md;
    delete claim.status;
    return claim;
  });
}

function retentionPolicy(set: KubeObject): { whenDeleted: string; whenScaled: string } {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  return { whenDeleted: p.whenDeleted ?? "Retain", whenScaled: p.whenScaled ?? "Retain" };
}

function inOrdinalRange(set: KubeObject, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal <= start + replicasOf(set) - 1;
}

/**
 * updateClaimOwnerRefForSetAndPod: Retain/Retain leaves claims unowned; WhenDeleted=Delete makes the
 * set their controller; WhenScaled=Delete makes a scaled-down pod their controller.
 */
function desiredClaimRefs(claim: KubeObject, set: KubeObject, pod: KubeObject, ordinal: number): OwnerReference[] {
  const ours = (r: OwnerReference) => (r.kind === "StatefulSet" && r.name === set.metadata.name) || (r.kind === "Pod" && r.name === pod.metadata.name);
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => !ours(r));
  const policy = retentionPolicy(set);
  const scaledDown = !inOrdinalRange(set, ordinal);
  if (policy.whenScaled === "Delete" && scaledDown && pod.metadata.uid) refs.push(newControllerRef(pod));
  if (policy.whenDeleted === "Delete" && !(policy.whenScaled === "Delete" && scaledDown)) refs.push(newControllerRef(set));
  return refs;
}

/** UpdatePodClaimForRetentionPolicy: brings the claims' owner references in line with the policy. */
function fixClaimOwners(c: Ctx, pod: KubeObject): void {
  const ordinal = ordinalOf(pod);
  for (const t of (c.set.spec?.volumeClaimTemplates ?? []) as KubeObject[]) {
    const claim = c.client.get("v1", "PersistentVolumeClaim", c.set.metadata.namespace, claimName(t, c.set, ordinal));
    if (!claim || claim.metadata.deletionTimestamp) continue;
    // Another controller owning the claim: leave it alone.
    if ((claim.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid !== c.set.metadata.uid && r.uid !== pod.metadata.uid)) continue;
    const refs = desiredClaimRefs(claim, c.set, pod, ordinal);
    if (deepEqual(refs, claim.metadata.ownerReferences ?? [])) continue;
    const next = clone(claim);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    c.client.update(next);
  }
}

/** createPersistentVolumeClaims: missing claims, each recorded as `create Claim ... success`. */
function createMissingClaims(c: Ctx, pod: KubeObject): boolean {
  const { client, set } = c;
  let ok = true;
  const ordinal = ordinalOf(pod);
  const templates = (set.spec?.volumeClaimTemplates ?? []) as KubeObject[];
  for (let i = 0; i < templates.length; i++) {
    const existing = client.get("v1", "PersistentVolumeClaim", set.metadata.namespace, claimName(templates[i], set, ordinal));
    if (existing) {
      if (existing.metadata.deletionTimestamp) ok = false;
      continue;
    }
    const claim = claimsFor(set, ordinal)[i];
    try {
      client.create(claim);
      event(client, COMPONENT, set, "Normal", "SuccessfulCreate", `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      ok = false;
      if (e.code !== 409) {
        event(client, COMPONENT, set, "Warning", "FailedCreate", `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: failed to create PVC ${claim.metadata.name}: ${errorMessage(e)}`);
      }
    }
  }
  return ok;
}

function recordPodEvent(c: Ctx, verb: "create" | "delete" | "update", pod: KubeObject, err?: unknown): void {
  const title = verb[0].toUpperCase() + verb.slice(1);
  if (err === undefined) event(c.client, COMPONENT, c.set, "Normal", `Successful${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${c.set.metadata.name} successful`);
  else event(c.client, COMPONENT, c.set, "Warning", `Failed${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${c.set.metadata.name} failed error: ${errorMessage(err)}`);
}

/** CreateStatefulPod: claims first, then the pod; the pod's event. Returns whether the pod exists now. */
function createStatefulPod(c: Ctx, pod: KubeObject): boolean {
  if (!createMissingClaims(c, pod)) {
    recordPodEvent(c, "create", pod, new Error(`failed to create PVCs for pod ${pod.metadata.name}`));
    return false;
  }
  try {
    const created = c.client.create(pod);
    fixClaimOwners(c, created);
    recordPodEvent(c, "create", created);
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code !== 409) recordPodEvent(c, "create", pod, e);
    return false;
  }
}

function deleteStatefulPod(c: Ctx, pod: KubeObject): boolean {
  try {
    c.client.delete(pod);
    recordPodEvent(c, "delete", pod);
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    recordPodEvent(c, "delete", pod, e);
    return false;
  }
}

/** identityMatches && storageMatches. */
function identityAndStorageMatch(set: KubeObject, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name ?? "");
  if (ordinal < 0 || parent !== set.metadata.name || pod.metadata.namespace !== set.metadata.namespace) return false;
  if (pod.metadata.labels?.[STATEFULSET_POD_NAME_LABEL] !== pod.metadata.name) return false;
  const volumes = new Map(((pod.spec?.volumes ?? []) as Array<{ name: string; persistentVolumeClaim?: { claimName?: string } }>).map((v) => [v.name, v]));
  for (const t of (set.spec?.volumeClaimTemplates ?? []) as KubeObject[]) {
    const v = volumes.get(t.metadata?.name ?? "");
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== claimName(t, set, ordinal)) return false;
  }
  return true;
}

/** UpdateStatefulPod: restores the identity label (pod volumes cannot change on a live pod). */
function updateStatefulPod(c: Ctx, pod: KubeObject): void {
  const next = clone(pod);
  next.metadata.labels = { ...(next.metadata.labels ?? {}), [STATEFULSET_POD_NAME_LABEL]: pod.metadata.name!, [POD_INDEX_LABEL]: String(ordinalOf(pod)) };
  if (deepEqual(next.metadata.labels, pod.metadata.labels ?? {})) return;
  try {
    c.client.update(next);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    recordPodEvent(c, "update", pod, e);
  }
}

interface Status {
  observedGeneration: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** Stands for a replica not created yet when it is the first unavailable one. */
const MISSING: KubeObject = { apiVersion: "v1", kind: "Pod", metadata: {} };

/** updateStatefulSet: one step of scaling, repair and update; returns the status the pods give. */
function updateStatefulSet(c: Ctx, currentRevision: KubeObject, updateRevision: KubeObject, collisionCount: number, pods: readonly KubeObject[]): Status {
  const { set } = c;
  const replicaCount = replicasOf(set);
  const start = startOrdinal(set);
  const replicas: (KubeObject | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    const ord = ordinalOf(pod);
    if (inOrdinalRange(set, ord)) replicas[ord - start] = pod;
    else if (ord >= 0) condemned.push(pod);
  }
  // Missing replicas become new pods at the right revision, built only when reached.
  const replicaAt = (i: number): KubeObject => (replicas[i] ??= newVersionedPod(set, currentRevision, updateRevision, start + i));
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

  let firstUnavailable: KubeObject | undefined;
  for (const p of replicas) if (!firstUnavailable && (p === undefined || isUnavailable(c, p))) firstUnavailable = p ?? MISSING;
  for (let i = condemned.length - 1; i >= 0 && !firstUnavailable; i--) if (isUnavailable(c, condemned[i])) firstUnavailable = condemned[i];

  const done = () => computeStatus(c, currentRevision, updateRevision, collisionCount);
  if (set.metadata.deletionTimestamp) return done();
  const monotonic = set.spec?.podManagementPolicy !== "Parallel";

  // Living replicas, in ordinal order: recreate failed ones, create missing ones, wait for the unready.
  for (let i = 0; i < replicaCount; i++) {
    let pod = replicaAt(i);
    if (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded") {
      if (pod.status.phase === "Failed") event(c.client, COMPONENT, set, "Warning", "RecreatingFailedPod", `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
      else event(c.client, COMPONENT, set, "Normal", "RecreatingTerminatedPod", `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating terminated Pod ${pod.metadata.name}`);
      if (!deleteStatefulPod(c, pod)) return done();
      pod = replicas[i] = newVersionedPod(set, currentRevision, updateRevision, start + i);
    }
    if (!isCreated(pod)) {
      // Refused creations (quota, a terminating namespace) retry after a growing delay.
      const retryAt = futureWake(failedCreateRetryAtMs(c.client, set), c.ctx.nowMs);
      if (retryAt !== undefined) {
        c.wake = earliest(c.wake, retryAt);
        return done();
      }
      if (!createStatefulPod(c, pod)) {
        c.wake = earliest(c.wake, futureWake(failedCreateRetryAtMs(c.client, set), c.ctx.nowMs));
        return done();
      }
      if (monotonic) return done();
      continue;
    }
    // A pending pod gets any claims that went missing.
    if (pod.status?.phase === "Pending") createMissingClaims(c, pod);
    if (isTerminating(pod) && monotonic) return done();
    if (!isRunningAndReady(pod) && monotonic) return done();
    if (!isRunningAndAvailable(c, pod) && monotonic) return done();
    fixClaimOwners(c, pod);
    if (!identityAndStorageMatch(set, pod)) updateStatefulPod(c, pod);
  }

  for (const pod of condemned) fixClaimOwners(c, pod);

  // Scale down, highest ordinal first; in order only once every replica is healthy.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return done();
      continue;
    }
    if (monotonic && pod !== firstUnavailable && (!isRunningAndReady(pod) || !isRunningAndAvailable(c, pod))) return done();
    deleteStatefulPod(c, pod);
    if (monotonic) return done();
  }

  if (set.spec?.updateStrategy?.type === "OnDelete") return done();

  // RollingUpdate: replace the highest-ordinal pod not at the update revision, down to the partition.
  const partition = (set.spec?.updateStrategy?.rollingUpdate?.partition as number | undefined) ?? 0;
  for (let target = replicaCount - 1; target >= partition; target--) {
    const pod = replicaAt(target);
    if (podRevision(pod) !== updateRevision.metadata.name && !isTerminating(pod)) {
      deleteStatefulPod(c, pod);
      return done();
    }
    if (isUnavailable(c, pod)) return done();
  }
  return done();
}

/** updateStatus / computeReplicaStatus over the set's pods as stored now. */
function computeStatus(c: Ctx, currentRevision: KubeObject, updateRevision: KubeObject, collisionCount: number): Status {
  const { set } = c;
  const s: Status = {
    observedGeneration: set.metadata.generation ?? 0,
    currentRevision: currentRevision.metadata.name!,
    updateRevision: updateRevision.metadata.name!,
    collisionCount,
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  const pods = cachedList(c.client, "v1", "Pod", set.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === set.metadata.uid) && ordinalOf(p) >= 0);
  for (const pod of pods) {
    if (isCreated(pod)) s.replicas++;
    if (isRunningAndReady(pod)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(c, pod)) s.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      const rev = podRevision(pod);
      if (rev === s.currentRevision) s.currentReplicas++;
      if (rev === s.updateRevision) s.updatedReplicas++;
    }
  }
  // completeRollingUpdate: every replica updated and ready makes the update revision current.
  const replicas = replicasOf(set);
  if (set.spec?.updateStrategy?.type === "RollingUpdate" && s.updatedReplicas === replicas && s.readyReplicas === replicas && s.replicas === replicas) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  return s;
}

/** updateStatefulSetStatus: writes only when something differs (inconsistentStatus). */
function writeStatus(c: Ctx, s: Status): void {
  const fresh = c.client.get("apps/v1", "StatefulSet", c.set.metadata.namespace, c.set.metadata.name!);
  if (!fresh) return;
  const st = fresh.status ?? {};
  const same =
    s.observedGeneration <= (st.observedGeneration ?? 0) &&
    s.replicas === (st.replicas ?? 0) &&
    s.currentReplicas === (st.currentReplicas ?? 0) &&
    s.readyReplicas === (st.readyReplicas ?? 0) &&
    s.updatedReplicas === (st.updatedReplicas ?? 0) &&
    s.currentRevision === (st.currentRevision ?? "") &&
    s.availableReplicas === (st.availableReplicas ?? 0) &&
    s.updateRevision === (st.updateRevision ?? "") &&
    s.collisionCount === (st.collisionCount ?? 0) &&
    st.collisionCount !== undefined;
  if (same) return;
  const next = clone(fresh);
  const status: Record<string, unknown> = { ...(next.status ?? {}) };
  status.observedGeneration = s.observedGeneration;
  status.replicas = s.replicas;
  status.availableReplicas = s.availableReplicas;
  status.collisionCount = s.collisionCount;
  // omitempty fields vanish at zero or empty, as the Go struct serialises them.
  for (const k of ["readyReplicas", "currentReplicas", "updatedReplicas", "currentRevision", "updateRevision"] as const) {
    if (s[k]) status[k] = s[k];
    else delete status[k];
  }
  next.status = status;
  c.client.updateStatus(next);
}

/** truncateHistory: non-live revisions beyond revisionHistoryLimit go, oldest first. */
function truncateHistory(c: Ctx, revisions: readonly KubeObject[], current: KubeObject, update: KubeObject): void {
  const live = new Set<string>([current.metadata.name!, update.metadata.name!]);
  for (const p of cachedList(c.client, "v1", "Pod", c.set.metadata.namespace)) {
    if (p.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === c.set.metadata.uid)) live.add(podRevision(p));
  }
  const history = sortRevisions(revisions.filter((r) => !live.has(r.metadata.name!)));
  const limit = (c.set.spec?.revisionHistoryLimit as number | undefined) ?? 10;
  if (limit < 0 || history.length <= limit) return;
  for (const r of history.slice(0, history.length - limit)) c.client.delete(r);
}
