// Pod helpers the workload controllers share, after pkg/controller/controller_utils.go and
// pkg/api/v1/pod/util.go: which pods count (active), readiness and availability (minReadySeconds),
// the ordering the ReplicaSet controller deletes pods in (ActivePodsWithRanks), and the pod a
// controller creates from its template (GetPodFromTemplate).
import type { KubeObject, OwnerReference } from "../kinds/types";
import { parseRfc3339 } from "../machinery/time";
import { clone } from "../machinery/json";

/**
 * A private copy to change and write back, without managedFields (the bulk of most objects): the
 * write path keeps the stored managedFields when an update does not send any.
 */
export function cloneForWrite(obj: KubeObject): KubeObject {
  const { managedFields: _omit, ...metadata } = obj.metadata;
  return clone({ ...obj, metadata });
}

/** metav1.GetControllerOf. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

function readyCondition(pod: KubeObject): { status?: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions as Array<{ type: string; status?: string; lastTransitionTime?: string }> | undefined)?.find((c) => c.type === "Ready");
}

/** podutil.IsPodReady. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === "True";
}

/** When the pod became Ready (the Ready condition's lastTransitionTime), undefined if unknown. */
export function podReadySinceMs(pod: KubeObject): number | undefined {
  const c = readyCondition(pod);
  if (c?.status !== "True" || !c.lastTransitionTime) return undefined;
  return parseRfc3339(c.lastTransitionTime);
}

/**
 * podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly: the
 * transition time plus minReadySeconds is before now).
 */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySinceMs(pod);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** When a ready pod becomes available (the first millisecond IsPodAvailable is true). */
export function podAvailableAtMs(pod: KubeObject, minReadySeconds: number): number | undefined {
  const since = podReadySinceMs(pod);
  return since === undefined ? undefined : since + minReadySeconds * 1000 + 1;
}

/** pkg/controller.getPodsPrefix: `<name>-`, or the bare name when the dash would make it invalid. */
export function podNamePrefix(controllerName: string): string {
  return controllerName.length + 1 > 253 ? controllerName : `${controllerName}-`;
}

/** controller.GetPodFromTemplate: labels, annotations and finalizers from the template, the spec copied. */
export function podFromTemplate(template: Record<string, any> | undefined, owner: KubeObject): KubeObject {
  const meta = (template?.metadata ?? {}) as { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
  const pod: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      generateName: podNamePrefix(owner.metadata.name!),
      namespace: owner.metadata.namespace,
      ownerReferences: [newControllerRef(owner)],
    },
    spec: clone(template?.spec ?? {}),
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.["controller.kubernetes.io/pod-deletion-cost"];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxRestarts(pod: KubeObject): number {
  let max = 0;
  for (const c of (pod.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>) max = Math.max(max, c.restartCount ?? 0);
  return max;
}

/** logarithmicRankDiff: compares how long ago two times were on a log2 scale (nanoseconds, as Go). */
function logRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const d = (nowMs - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** afterOrZero: an unset time sorts first, then the later one. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * Sorts pods so the ones to delete first come first (controller.ActivePodsWithRanks.Less with
 * LogarithmicScaleDown and PodDeletionCost on, as in 1.32): unscheduled < scheduled; Pending <
 * Unknown < Running; not ready < ready; lower deletion cost; more co-located related pods (rank);
 * ready more recently; more restarts; created more recently.
 */
export function sortPodsForDeletion(pods: KubeObject[], ranks: Map<KubeObject, number>, nowMs: number): KubeObject[] {
  const info = new Map(
    pods.map((p) => [
      p,
      {
        node: (p.spec?.nodeName as string | undefined) ?? "",
        phase: PHASE_ORDINAL[p.status?.phase as string] ?? 0,
        ready: isPodReady(p),
        readySince: podReadySinceMs(p),
        cost: deletionCost(p),
        rank: ranks.get(p) ?? 0,
        restarts: maxRestarts(p),
        created: parseRfc3339(p.metadata.creationTimestamp ?? ""),
        uid: p.metadata.uid ?? "",
      },
    ]),
  );
  const less = (a: KubeObject, b: KubeObject): boolean => {
    const i = info.get(a)!;
    const j = info.get(b)!;
    if (i.node !== j.node && (i.node === "" || j.node === "")) return i.node === "";
    if (i.phase !== j.phase) return i.phase < j.phase;
    if (i.ready !== j.ready) return !i.ready;
    if (i.cost !== j.cost) return i.cost < j.cost;
    if (i.rank !== j.rank) return i.rank > j.rank;
    if (i.ready && j.ready && i.readySince !== j.readySince) {
      if (i.readySince === undefined || j.readySince === undefined) return afterOrZero(i.readySince, j.readySince);
      const d = logRankDiff(i.readySince, j.readySince, nowMs);
      if (d === 0) return i.uid < j.uid;
      return d < 0;
    }
    if (i.restarts !== j.restarts) return i.restarts > j.restarts;
    if (i.created !== j.created) {
      if (i.created === undefined || j.created === undefined) return afterOrZero(i.created, j.created);
      const d = logRankDiff(i.created, j.created, nowMs);
      if (d === 0) return i.uid < j.uid;
      return d < 0;
    }
    return false;
  };
  return [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

/** Sorting by creationTimestamp, then name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = parseRfc3339(a.metadata.creationTimestamp ?? "") ?? 0;
  const tb = parseRfc3339(b.metadata.creationTimestamp ?? "") ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? "";
  const nb = b.metadata.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}
