// Runs every controller until the cluster is quiescent or only timed work remains.
import type { Controller, ControllerContext } from "./types";
import { earliest } from "./types";
import { garbageCollector } from "./garbage-collector";
import { podGarbageCollector } from "./pod-gc";
import { namespaceController } from "./namespace";
import { kubelet } from "../kubelet/kubelet";
import { namespaceDefaults } from "./namespace-defaults";
import { deploymentController } from "./deployment/index";
import { replicaSetController, replicationControllerController } from "./replicaset";
import { SERVICE_AND_STORAGE_CONTROLLERS } from "./services-storage";
import { defaultScheduler } from "../scheduler/index";
import { APPS_BATCH_CONTROLLERS } from "./apps-batch";
import { NODE_AND_AUTOSCALING_CONTROLLERS } from "./nodes-autoscaling";
import { LIMITS } from "../limits";

export const CONTROLLERS: readonly Controller[] = [namespaceController, namespaceDefaults, garbageCollector, podGarbageCollector, kubelet, deploymentController, replicaSetController, replicationControllerController, ...SERVICE_AND_STORAGE_CONTROLLERS, ...APPS_BATCH_CONTROLLERS, ...NODE_AND_AUTOSCALING_CONTROLLERS, defaultScheduler];

export interface RunResult {
  passes: number;
  /** Earliest simulated time timed work is due; undefined when nothing is pending. */
  nextWakeMs?: number;
}

export function runControllers(ctx: ControllerContext, controllers: readonly Controller[] = CONTROLLERS): RunResult {
  let passes = 0;
  let nextWakeMs: number | undefined;
  for (; passes < LIMITS.maxControllerPasses; passes++) {
    let changed = false;
    nextWakeMs = undefined;
    for (const c of controllers) {
      const r = c.reconcile(ctx);
      changed = changed || r.changed;
      nextWakeMs = earliest(nextWakeMs, r.wakeAtMs);
    }
    if (!changed) return { passes: passes + 1, nextWakeMs };
  }
  // Out of passes: come back for the rest a moment later rather than loop forever in one alarm
  // (or, for controllers that never settle, spin the alarm).
  return { passes, nextWakeMs: ctx.nowMs + LIMITS.unsettledRetryMs };
}
