// The ResourceQuota controller (pkg/controller/resourcequota): keeps every quota's status.hard in
// step with spec.hard and status.used with what the namespace's objects use (quota-usage.ts), so
// `kubectl describe quota` shows used/hard. Admission (refusing creates) is in quota-usage.ts.
import type { Controller, ReconcileResult } from "./types";
import { ControllerClient } from "./client";
import { clone, deepEqual } from "../machinery/json";
import { ApiError } from "../machinery/status";
import { canonicalHard, quotaUsed } from "./quota-usage";

export const resourceQuotaController: Controller = {
  name: "resourcequota-controller",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, "kube-controller-manager");
    let changed = false;
    for (const rq of client.list("v1", "ResourceQuota")) {
      if (rq.metadata.deletionTimestamp) continue;
      const hard = canonicalHard(rq);
      const used = Object.fromEntries(Object.entries(quotaUsed(ctx.state, rq, ctx.nowMs)).map(([k, v]) => [k, v.toString()]));
      const status = { hard, used };
      if (deepEqual(rq.status ?? {}, status)) continue;
      const next = clone(rq);
      next.status = status;
      try {
        client.updateStatus(next);
        changed = true;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed };
  },
};
