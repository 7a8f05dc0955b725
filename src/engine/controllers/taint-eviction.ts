// The taint eviction controller (pkg/controller/tainteviction, "taint-eviction-controller"): pods on
// a node with NoExecute taints are deleted — at once when a taint is not tolerated, or when the
// shortest tolerationSeconds of the tolerations that match runs out (a toleration without
// tolerationSeconds tolerates forever). Before deleting, it records TaintManagerEviction
// (`Marking for deletion Pod default/web-xyz`) and adds the DisruptionTarget condition
// (DeletionByTaintManager).
//
// The real controller times an eviction from when it first saw the pod on the tainted node and
// keeps that in memory; here the clock starts at the latest of the taints' timeAdded (the earliest
// of them when there are several) and the pod's binding, so it survives restarts. A NoExecute taint
// written without timeAdded (`kubectl taint ... :NoExecute`) counts from the last write of the
// node's taints recorded in managedFields.
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import { KCM_MANAGER } from "./workload-common";
import { clone } from "../machinery/json";
import { ApiError } from "../machinery/status";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { nodeTaints, podTolerations, toleratesTaint, type Taint, type Toleration } from "../scheduler/node-match";

export const TAINT_EVICTION_COMPONENT = "taint-eviction-controller";

type J = Record<string, any>;

export type PendingEviction = { kind: "never" } | { kind: "now" } | { kind: "at"; atMs: number };

/** The event reference the taint eviction controller uses: no uid. */
export function podRef(pod: KubeObject): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace } };
}

/** When a taint started to count: timeAdded, else the last managedFields write of the node's taints. */
function taintSinceMs(node: KubeObject, taint: J): number {
  const added = typeof taint.timeAdded === "string" ? parseRfc3339(taint.timeAdded) : undefined;
  if (added !== undefined) return added;
  let latest: number | undefined;
  for (const e of (node.metadata.managedFields ?? []) as J[]) {
    if (!e.fieldsV1?.["f:spec"]?.["f:taints"]) continue;
    const t = parseRfc3339(e.time ?? "");
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  return latest ?? parseRfc3339(node.metadata.creationTimestamp ?? "") ?? 0;
}

/** When the pod landed on its node: the PodScheduled transition, else its creation. */
function boundMs(pod: KubeObject): number {
  const scheduled = ((pod.status?.conditions ?? []) as J[]).find((c) => c.type === "PodScheduled" && c.status === "True");
  return parseRfc3339(scheduled?.lastTransitionTime ?? "") ?? parseRfc3339(pod.metadata.creationTimestamp ?? "") ?? 0;
}

/**
 * processPodOnNode: GetMatchingTolerations (the first toleration matching each taint) and
 * getMinTolerationTime (none with tolerationSeconds: forever; any <= 0: now).
 */
export function pendingEviction(pod: KubeObject, node: KubeObject, noExecute: readonly J[]): PendingEviction {
  if (noExecute.length === 0) return { kind: "never" };
  const tolerations = podTolerations(pod) as Array<Toleration & { tolerationSeconds?: number | null }>;
  const used: Array<Toleration & { tolerationSeconds?: number | null }> = [];
  for (const taint of noExecute) {
    const t = tolerations.find((tol) => tol && toleratesTaint(tol, taint as Taint));
    if (!t) return { kind: "now" };
    used.push(t);
  }
  let min: number | undefined;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return { kind: "now" };
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds);
  }
  if (min === undefined) return { kind: "never" };
  const since = Math.max(Math.min(...noExecute.map((t) => taintSinceMs(node, t))), boundMs(pod));
  return { kind: "at", atMs: since + min * 1000 };
}

export const taintEvictionController: Controller = {
  name: TAINT_EVICTION_COMPONENT,
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const tainted = new Map<string, { node: KubeObject; taints: J[] }>();
    for (const node of client.list("v1", "Node")) {
      const taints = (nodeTaints(node) as J[]).filter((t) => t.effect === "NoExecute");
      if (taints.length) tainted.set(node.metadata.name!, { node, taints });
    }
    if (tainted.size === 0) return { changed: false };
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const pod of client.list("v1", "Pod")) {
      const on = tainted.get(pod.spec?.nodeName ?? "");
      if (!on || pod.metadata.deletionTimestamp) continue;
      const p = pendingEviction(pod, on.node, on.taints);
      if (p.kind === "never") continue;
      if (p.kind === "at" && p.atMs > ctx.nowMs) {
        wakeAtMs = earliest(wakeAtMs, p.atMs);
        continue;
      }
      evict(client, pod, ctx.nowMs);
      changed = true;
    }
    return { changed, wakeAtMs };
  },
};

/** deletePodHandler: the event, the DisruptionTarget condition, then an ordinary (graceful) delete. */
function evict(client: ControllerClient, pod: KubeObject, nowMs: number): void {
  client.event(podRef(pod), "Normal", "TaintManagerEviction", `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`, {
    component: TAINT_EVICTION_COMPONENT,
  });
  const conditions = (pod.status?.conditions ?? []) as J[];
  const existing = conditions.find((c) => c.type === "DisruptionTarget");
  const target = { type: "DisruptionTarget", status: "True", lastTransitionTime: rfc3339(nowMs), reason: "DeletionByTaintManager", message: "Taint manager: deleting due to NoExecute taint" };
  if (existing?.status === "True") target.lastTransitionTime = existing.lastTransitionTime ?? target.lastTransitionTime;
  if (!existing || existing.status !== target.status || existing.reason !== target.reason || existing.message !== target.message) {
    const next = clone(pod);
    next.status = { ...(next.status ?? {}), conditions: existing ? conditions.map((c) => (c === existing ? target : c)) : [...conditions, target] };
    try {
      client.updateStatus(next);
    } catch (e) {
      // The condition is informative; the deletion is what matters.
      if (!(e instanceof ApiError)) throw e;
    }
  }
  client.delete(pod);
}
