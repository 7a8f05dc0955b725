// The pod garbage collector (pkg/controller/podgc), for what a sandbox can produce: pods bound to a
// node that no longer exists (`kubectl delete node`) and pods being deleted that never reached a
// node. Both are marked Failed (orphans with a DisruptionTarget condition), then force-deleted, as
// gcOrphaned and gcUnscheduledTerminating do. The real controller quarantines a missing node for
// 40 s from when it first notices; without memory of that moment, a sandbox counts the 40 s from the
// pod's creation (a pod created onto a missing node waits 40 s; older pods of a deleted node go at once).
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import { earliest, type Controller, type ReconcileResult } from "./types";
import { clone } from "../machinery/json";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { ApiError } from "../machinery/status";

const MANAGER = "pod-garbage-collector";
/** gc_controller.go quarantineTime. */
export const QUARANTINE_MS = 40_000;

/** markFailedAndDeletePod(WithCondition): a non-terminal pod becomes Failed (with the condition, if any) first. */
function markFailedAndDelete(client: ControllerClient, pod: KubeObject, message?: string): boolean {
  const phase = pod.status?.phase;
  if (phase !== "Succeeded" && phase !== "Failed") {
    const next = clone(pod);
    next.status ??= {};
    next.status.phase = "Failed";
    if (message) {
      const conditions = (next.status.conditions ?? []).filter((c: { type?: string }) => c.type !== "DisruptionTarget");
      conditions.push({ type: "DisruptionTarget", status: "True", reason: "DeletionByPodGC", message, lastProbeTime: null, lastTransitionTime: rfc3339(client.nowMs) });
      next.status.conditions = conditions;
    }
    try {
      client.updateStatus(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  return client.delete(pod, { gracePeriodSeconds: 0 });
}

export const podGarbageCollector: Controller = {
  name: MANAGER,
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, MANAGER);
    const nodes = new Set(client.list("v1", "Node").map((n) => n.metadata.name));
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const pod of client.list("v1", "Pod")) {
      const nodeName = pod.spec?.nodeName;
      if (nodeName && !nodes.has(nodeName)) {
        const at = (parseRfc3339(pod.metadata.creationTimestamp ?? "") ?? 0) + QUARANTINE_MS;
        if (ctx.nowMs >= at) changed = markFailedAndDelete(client, pod, "PodGC: node no longer exists") || changed;
        else wakeAtMs = earliest(wakeAtMs, at);
      } else if (!nodeName && pod.metadata.deletionTimestamp) changed = markFailedAndDelete(client, pod) || changed;
    }
    return { changed, wakeAtMs };
  },
};
