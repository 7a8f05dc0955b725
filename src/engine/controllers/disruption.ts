// The disruption controller (pkg/controller/disruption/disruption.go): keeps every
// PodDisruptionBudget's status — currentHealthy (Ready pods not being deleted), desiredHealthy,
// expectedPods, disruptionsAllowed, disruptedPods, observedGeneration and the DisruptionAllowed
// condition (SufficientPods / InsufficientPods / SyncFailed) — that the eviction subresource
// (apiserver/pod-subresources.ts) spends.
//
// expectedPods is the number of selected pods for an integer minAvailable, else the sum of the
// scale of the pods' controllers (Deployment through its ReplicaSet, ReplicationController,
// StatefulSet, or any kind with a scale subresource). Events (source "controllermanager") are
// recorded when the status changes rather than on every informer resync.
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import { KCM_MANAGER, byNamespace, scaledValue } from "./workload-common";
import { controllerRefOf, isPodReady } from "./controller-utils";
import { storageOf } from "../apiserver/context";
import { ApiError } from "../machinery/status";
import { clone, deepEqual, getPath } from "../machinery/json";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { LabelSelectorParseError, labelSelectorGoString, matches, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../machinery/labels";

const COMPONENT = "controllermanager";
/** How long a pod evicted through the API may stay in disruptedPods before it counts again. */
const DELETION_TIMEOUT_MS = 2 * 60_000;

type J = Record<string, any>;

export const disruptionController: Controller = {
  name: "disruption",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const pdbs = client.list("policy/v1", "PodDisruptionBudget");
    if (pdbs.length === 0) return { changed: false };
    const podsByNs = byNamespace(client.list("v1", "Pod"));
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const pdb of pdbs) {
      if (pdb.metadata.deletionTimestamp) continue;
      try {
        const r = syncPdb(ctx, client, pdb, podsByNs.get(pdb.metadata.namespace ?? "") ?? []);
        changed = r.changed || changed;
        wakeAtMs = earliest(wakeAtMs, r.recheckMs);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed, wakeAtMs };
  },
};

class SyncError extends Error {}

function syncPdb(ctx: ControllerContext, client: ControllerClient, pdb: KubeObject, nsPods: readonly KubeObject[]): { changed: boolean; recheckMs?: number } {
  const events: Array<[KubeObject, "Normal" | "Warning", string, string]> = [];
  const status = (pdb.status ?? {}) as J;
  let next: J;
  let recheckMs: number | undefined;
  try {
    let selector: LabelSelectorRequirementSet;
    try {
      selector = selectorFromLabelSelector(pdb.spec?.selector);
    } catch (e) {
      if (e instanceof LabelSelectorParseError) throw new SyncError(e.message);
      throw e;
    }
    const pods = nsPods.filter((p) => matches(selector, p.metadata.labels ?? {}));
    if (pods.length === 0) events.push([pdb, "Normal", "NoPods", "No matching pods found"]);
    const expected = expectedPodCount(ctx, pdb, pods);
    if (expected.unmanaged.length > 0) {
      events.push([
        pdb,
        "Warning",
        "UnmanagedPods",
        `Pods selected by this PodDisruptionBudget (selector: ${labelSelectorGoString(pdb.spec?.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      ]);
    }
    // buildDisruptedPodMap: evictions not yet seen as deletions, for at most two minutes.
    const disrupted: Record<string, string> = {};
    const previous = (status.disruptedPods ?? {}) as Record<string, string>;
    for (const pod of pods) {
      const name = pod.metadata.name!;
      if (pod.metadata.deletionTimestamp || previous[name] === undefined) continue;
      const at = parseRfc3339(previous[name]);
      if (at === undefined) continue;
      const expectedDeletion = at + DELETION_TIMEOUT_MS;
      if (expectedDeletion < ctx.nowMs) {
        events.push([pod, "Warning", "NotDeleted", `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`]);
      } else {
        disrupted[name] = previous[name];
        recheckMs = earliest(recheckMs, expectedDeletion + 1);
      }
    }
    // countHealthyPods
    let currentHealthy = 0;
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp || disrupted[pod.metadata.name!] !== undefined) continue;
      if (isPodReady(pod)) currentHealthy++;
    }
    // updatePdbStatus
    let disruptionsAllowed = currentHealthy - expected.desiredHealthy;
    if (expected.count <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    const generation = pdb.metadata.generation ?? 0;
    next = {
      ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
      observedGeneration: generation,
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.count,
    };
    next.conditions = setStatusCondition(
      status.conditions,
      disruptionsAllowed > 0
        ? { type: "DisruptionAllowed", status: "True", reason: "SufficientPods" }
        : { type: "DisruptionAllowed", status: "False", reason: "InsufficientPods" },
      "",
      generation,
      ctx.nowMs,
    );
  } catch (e) {
    if (!(e instanceof SyncError)) throw e;
    // failSafe: no disruptions until the controller can count again.
    events.push([pdb, "Warning", "CalculateExpectedPodCountFailed", `Failed to calculate the number of expected pods: ${e.message}`]);
    next = { ...clone(status), disruptionsAllowed: 0 };
    next.conditions = setStatusCondition(status.conditions, { type: "DisruptionAllowed", status: "False", reason: "SyncFailed" }, e.message, status.observedGeneration ?? 0, ctx.nowMs);
  }
  if (deepEqual(status, next)) return { changed: false, recheckMs };
  const updated = clone(pdb);
  updated.status = next;
  try {
    client.updateStatus(updated);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { changed: false, recheckMs };
  }
  for (const [obj, type, reason, message] of events) client.event(obj, type, reason, message, { component: COMPONENT });
  return { changed: true, recheckMs };
}

interface Expected {
  count: number;
  desiredHealthy: number;
  unmanaged: string[];
}

/** getExpectedPodCount. */
function expectedPodCount(ctx: ControllerContext, pdb: KubeObject, pods: readonly KubeObject[]): Expected {
  const spec = (pdb.spec ?? {}) as J;
  if (spec.maxUnavailable != null) {
    const { count, unmanaged } = expectedScale(ctx, pods);
    const maxUnavailable = scaledIntOrPercent(spec.maxUnavailable, count);
    return { count, desiredHealthy: Math.max(0, count - maxUnavailable), unmanaged };
  }
  if (spec.minAvailable != null) {
    if (typeof spec.minAvailable === "number") return { count: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] };
    const { count, unmanaged } = expectedScale(ctx, pods);
    return { count, desiredHealthy: scaledIntOrPercent(spec.minAvailable, count), unmanaged };
  }
  return { count: 0, desiredHealthy: 0, unmanaged: [] };
}

/** intstr.GetScaledValueFromIntOrPercent(v, total, roundUp=true), failing like it on a non-percent string. */
function scaledIntOrPercent(v: number | string, total: number): number {
  if (typeof v === "string" && !/^\d+%$/.test(v)) throw new SyncError(`invalid value for IntOrString: invalid type: string is not a percentage`);
  return scaledValue(v, total, true);
}

/** getExpectedScale: the sum of the scale of the selected pods' controllers. */
function expectedScale(ctx: ControllerContext, pods: readonly KubeObject[]): { count: number; unmanaged: string[] } {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name!);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = findController(ctx, ref, pod.metadata.namespace ?? "");
    if (!found) throw new SyncError(`found no controllers for pod ${JSON.stringify(pod.metadata.name)}`);
    scales.set(found.uid, found.scale);
  }
  let count = 0;
  for (const n of scales.values()) count += n;
  return { count, unmanaged };
}

interface OwnerRef {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf("/");
  return i < 0 ? "" : apiVersion.slice(0, i);
}

function getOwned(ctx: ControllerContext, resource: string, namespace: string, ref: OwnerRef): KubeObject | undefined {
  const obj = ctx.state.store.get(resource, namespace, ref.name);
  return obj && obj.metadata.uid === ref.uid ? obj : undefined;
}

/** The finders: ReplicationController, Deployment (through its ReplicaSet), ReplicaSet, StatefulSet, then any scale subresource. */
function findController(ctx: ControllerContext, ref: OwnerRef, namespace: string): { uid: string; scale: number } | undefined {
  const group = groupOf(ref.apiVersion);
  const replicas = (o: KubeObject) => (typeof o.spec?.replicas === "number" ? o.spec.replicas : 1);
  if (ref.kind === "ReplicationController" && group === "") {
    const rc = getOwned(ctx, "replicationcontrollers", namespace, ref);
    if (rc) return { uid: rc.metadata.uid!, scale: replicas(rc) };
  }
  if (ref.kind === "ReplicaSet" && (group === "apps" || group === "extensions")) {
    const rs = getOwned(ctx, "replicasets.apps", namespace, ref);
    if (rs) {
      const owner = controllerRefOf(rs);
      if (owner?.kind === "Deployment" && (groupOf(owner.apiVersion) === "apps" || groupOf(owner.apiVersion) === "extensions")) {
        const d = getOwned(ctx, "deployments.apps", namespace, owner);
        if (d) return { uid: d.metadata.uid!, scale: replicas(d) };
      } else {
        return { uid: rs.metadata.uid!, scale: replicas(rs) };
      }
    }
  }
  if (ref.kind === "StatefulSet" && group === "apps") {
    const sts = getOwned(ctx, "statefulsets.apps", namespace, ref);
    if (sts) return { uid: sts.metadata.uid!, scale: replicas(sts) };
  }
  // getScaleController
  const defs = ctx.state.kinds.all().filter((d) => d.group === group && d.kind === ref.kind && !d.virtual);
  if (defs.length === 0) throw new SyncError(`no matches for kind ${JSON.stringify(ref.kind)} in group ${JSON.stringify(group)}`);
  const def = defs.find((d) => d.scaleSubresource);
  if (!def) throw new SyncError(`${group ? `${defs[0].plural}.${group}` : defs[0].plural} does not implement the scale subresource`);
  const obj = getOwned(ctx, storageOf(def), namespace, ref);
  if (!obj) return undefined;
  const n = getPath(obj, def.scaleSubresource!.specReplicasPath);
  return { uid: obj.metadata.uid!, scale: typeof n === "number" ? n : 0 };
}

/** apimeta.SetStatusCondition with a metav1.Condition (message has no omitempty). */
function setStatusCondition(conditions: J[] | undefined, c: { type: string; status: string; reason: string }, message: string, observedGeneration: number, nowMs: number): J[] {
  const list = clone(conditions ?? []);
  const i = list.findIndex((x) => x.type === c.type);
  const existing = i >= 0 ? list[i] : undefined;
  const lastTransitionTime = existing && existing.status === c.status && existing.lastTransitionTime ? existing.lastTransitionTime : rfc3339(nowMs);
  const cond = { type: c.type, status: c.status, observedGeneration, lastTransitionTime, reason: c.reason, message };
  if (i >= 0) list[i] = cond;
  else list.push(cond);
  return list;
}

