// The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
// spec.ttlSecondsAfterFinished is deleted (Foreground, so its pods go first) that many seconds after
// its Complete or Failed condition appeared. It records no events.
import type { KubeObject } from "../kinds/types";
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { cachedList, KCM_MANAGER, timeMs } from "./workload-common";
import { ApiError } from "../machinery/status";

/** getFinishAndExpireTime: the terminal condition's transition time plus the TTL. */
function expiresAtMs(job: KubeObject): number | undefined {
  const ttl = job.spec?.ttlSecondsAfterFinished as number | undefined;
  if (ttl == null) return undefined;
  const cond = ((job.status?.conditions ?? []) as Array<{ type: string; status: string; lastTransitionTime?: string }>).find(
    (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
  );
  if (!cond) return undefined;
  const finished = timeMs(cond.lastTransitionTime);
  return finished === undefined ? undefined : finished + ttl * 1000;
}

export const ttlAfterFinishedController: Controller = {
  name: "ttl-after-finished-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const job of cachedList(client, "batch/v1", "Job")) {
      if (job.metadata.deletionTimestamp) continue;
      const at = expiresAtMs(job);
      if (at === undefined) continue;
      if (at > ctx.nowMs) {
        wakeAtMs = earliest(wakeAtMs, at);
        continue;
      }
      try {
        changed = client.delete(job, { propagationPolicy: "Foreground" }) || changed;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed, wakeAtMs };
  },
};
