// Deployment helpers after pkg/controller/deployment/util/deployment_util.go: annotations and
// reasons, maxSurge/maxUnavailable resolution, replica counts over ReplicaSets, finding the new and
// old ReplicaSets, conditions, and the orderings the controller scales and cleans up in.
import type { KubeObject } from "../../kinds/types";
import { byCreation } from "../controller-utils";
import { rfc3339 } from "../../machinery/time";

export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
export const DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";

/** Annotations the controller never copies from a Deployment to its ReplicaSets. */
export const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
]);

export const REASONS = {
  newRSCreated: "NewReplicaSetCreated",
  foundNewRS: "FoundNewReplicaSet",
  rsUpdated: "ReplicaSetUpdated",
  newRSAvailable: "NewReplicaSetAvailable",
  timedOut: "ProgressDeadlineExceeded",
  paused: "DeploymentPaused",
  resumed: "DeploymentResumed",
  failedRSCreate: "ReplicaSetCreateError",
  minAvailable: "MinimumReplicasAvailable",
  minUnavailable: "MinimumReplicasUnavailable",
} as const;

/** The longest the revision-history annotation grows (in characters). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

export interface Condition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const replicasOf = (o: KubeObject | undefined): number => (o?.spec?.replicas as number | undefined) ?? 1;
const statusNum = (o: KubeObject | undefined, f: string): number => (o?.status?.[f] as number | undefined) ?? 0;

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/** intstr.GetScaledValueFromIntOrPercent: percentages of `total`, rounded up or down. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** ResolveFenceposts: surge rounds up, unavailable down; both zero makes unavailable 1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d))[0];
}

export function maxUnavailable(d: KubeObject): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return Math.min(resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1], replicas);
}

export const specReplicaCount = (rss: readonly (KubeObject | undefined)[]) => rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
export const actualReplicaCount = (rss: readonly (KubeObject | undefined)[]) => rss.reduce((n, rs) => n + statusNum(rs, "replicas"), 0);
export const readyReplicaCount = (rss: readonly (KubeObject | undefined)[]) => rss.reduce((n, rs) => n + statusNum(rs, "readyReplicas"), 0);
export const availableReplicaCount = (rss: readonly (KubeObject | undefined)[]) => rss.reduce((n, rs) => n + statusNum(rs, "availableReplicas"), 0);

/** controller.FilterActiveReplicaSets: the ones with spec.replicas > 0. */
export const filterActive = (rss: readonly (KubeObject | undefined)[]): KubeObject[] => rss.filter((rs): rs is KubeObject => !!rs && replicasOf(rs) > 0);

/** deploymentutil.Revision; NaN when the annotation is missing or not a number. */
export function revisionOf(rs: KubeObject): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return NaN;
  return Number(v);
}

export function maxRevision(rss: readonly KubeObject[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (!Number.isNaN(v) && v > max) max = v;
  }
  return max;
}

function withoutHash(t: Record<string, any> | undefined): Record<string, any> {
  const c = { ...(t ?? {}) };
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  c.metadata = { ...(t?.metadata ?? {}), labels };
  return c;
}

const isAbsent = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/** apiequality.Semantic.DeepEqual on JSON: null, missing and empty lists are the same. */
export function semanticDeepEqual(a: unknown, b: unknown): boolean {
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticDeepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k in ao) if (!semanticDeepEqual(ao[k], bo[k])) return false;
  for (const k in bo) if (!(k in ao) && !isAbsent(bo[k])) return false;
  return true;
}

/** EqualIgnoreHash: templates semantically equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: Record<string, any> | undefined, b: Record<string, any> | undefined): boolean {
  return semanticDeepEqual(withoutHash(a), withoutHash(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rsList: readonly KubeObject[]): KubeObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export function findOldReplicaSets(d: KubeObject, rsList: readonly KubeObject[], newRS: KubeObject | undefined): KubeObject[] {
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

export function getCondition(status: Record<string, any> | undefined, type: string): Condition | undefined {
  return (status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);
}

export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number): Condition {
  const t = rfc3339(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/** SetDeploymentCondition: unchanged when status and reason match; keeps lastTransitionTime when only the reason changes. */
export function setCondition(status: Record<string, any>, cond: Condition): void {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return;
  if (current && current.status === cond.status) cond.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...((status.conditions as Condition[] | undefined) ?? []).filter((c) => c.type !== cond.type), cond];
}

export function removeCondition(status: Record<string, any>, type: string): void {
  const conds = ((status.conditions as Condition[] | undefined) ?? []).filter((c) => c.type !== type);
  if (conds.length) status.conditions = conds;
  else delete status.conditions;
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== 2147483647;
}

export function hasRevisionHistoryLimit(d: KubeObject): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== 2147483647;
}

function annotationInt(rs: KubeObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

export const desiredReplicasAnnotation = (rs: KubeObject) => annotationInt(rs, DESIRED_REPLICAS_ANNOTATION);
export const maxReplicasAnnotation = (rs: KubeObject) => annotationInt(rs, MAX_REPLICAS_ANNOTATION);

/** SetReplicasAnnotations; true when something changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** IsSaturated: the new ReplicaSet runs all desired replicas, all available. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const want = replicasOf(d);
  return replicasOf(rs) === want && desired === want && statusNum(rs, "availableReplicas") === want;
}

/** ReplicaSetsBySizeOlder: larger first, then older first. */
export const bySizeOlder = (a: KubeObject, b: KubeObject) => replicasOf(b) - replicasOf(a) || byCreation(a, b);
/** ReplicaSetsBySizeNewer: larger first, then newer first. */
export const bySizeNewer = (a: KubeObject, b: KubeObject) => replicasOf(b) - replicasOf(a) || byCreation(b, a);
/** ReplicaSetsByRevision: lower revision first; unparseable or equal revisions by creation. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreation(a, b);
  return ra - rb;
}

/** Go's math.Round: halves away from zero. */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** DeploymentComplete. */
export function deploymentComplete(d: KubeObject, status: Record<string, any>): boolean {
  const want = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === want &&
    (status.replicas ?? 0) === want &&
    (status.availableReplicas ?? 0) === want &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than last recorded. */
export function deploymentProgressing(d: KubeObject, status: Record<string, any>): boolean {
  const old = d.status ?? {};
  const n = (s: Record<string, any>, f: string) => (s[f] as number | undefined) ?? 0;
  const oldOld = n(old, "replicas") - n(old, "updatedReplicas");
  const newOld = n(status, "replicas") - n(status, "updatedReplicas");
  return (
    n(status, "updatedReplicas") > n(old, "updatedReplicas") ||
    newOld < oldOld ||
    n(status, "readyReplicas") > n(old, "readyReplicas") ||
    n(status, "availableReplicas") > n(old, "availableReplicas")
  );
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now (maxSurge bounds a rolling update). */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly (KubeObject | undefined)[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const want = replicasOf(d);
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, want, true);
  const currentPods = specReplicaCount(allRSs);
  const maxTotal = want + surge;
  if (currentPods >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - currentPods, want - replicasOf(newRS));
  return replicasOf(newRS) + up;
}
