// Stand-in for the kubelet's part in graceful deletion until the kubelet simulation lands: a pod
// being deleted is removed once its containers would have stopped (at most 2 s after the delete,
// or at its grace deadline if that is sooner).
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import { parseRfc3339 } from "../machinery/time";

const STOP_AFTER_MS = 2000;

export const podTermination: Controller = {
  name: "pod-termination",
  reconcile(ctx): ReconcileResult {
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const pod of ctx.state.store.list("pods")) {
      const m = pod.metadata;
      if (!m.deletionTimestamp || (m.finalizers ?? []).length) continue;
      const deadline = parseRfc3339(m.deletionTimestamp) ?? ctx.nowMs;
      const startedMs = deadline - (m.deletionGracePeriodSeconds ?? 0) * 1000;
      const goneAt = Math.min(deadline, startedMs + STOP_AFTER_MS);
      if (ctx.nowMs >= goneAt) {
        ctx.state.store.delete("pods", m.namespace ?? "", m.name!);
        changed = true;
      } else wakeAtMs = earliest(wakeAtMs, goneAt);
    }
    return { changed, wakeAtMs };
  },
};
