// The pod garbage collector (pkg/controller/podgc), for what a sandbox can produce: pods bound to a
// node that no longer exists (`kubectl delete node`) and pods being deleted that never reached a
// node. Both are marked Failed (orphans with a DisruptionTarget condition), then force-deleted, as
// gcOrphaned and gcUnscheduledTerminating do. (The real controller waits 40 s to be sure the node is
// gone; a sandbox's node list is authoritative, so it acts on the next pass.)
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import type { Controller, ReconcileResult } from "./types";
import { clone } from "../machinery/json";
import { rfc3339 } from "../machinery/time";
import { ApiError } from "../machinery/status";

const MANAGER = "pod-garbage-collector";

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
    for (const pod of client.list("v1", "Pod")) {
      const nodeName = pod.spec?.nodeName;
      if (nodeName && !nodes.has(nodeName)) changed = markFailedAndDelete(client, pod, "PodGC: node no longer exists") || changed;
      else if (!nodeName && pod.metadata.deletionTimestamp) changed = markFailedAndDelete(client, pod) || changed;
    }
    return { changed };
  },
};
