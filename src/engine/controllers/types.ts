// Controllers are level-based reconcile functions over the whole (small) cluster. They run when the
// sandbox's alarm fires, write through the same API semantics as clients, and say when they next
// need to run for timed work.
import type { ClusterState } from "../apiserver/context";

export interface ControllerContext {
  state: ClusterState;
  nowMs: number;
}

export interface ReconcileResult {
  /** Whether this pass wrote anything (another pass may then have work). */
  changed: boolean;
  /** Earliest simulated time this controller needs to run again for timed work. */
  wakeAtMs?: number;
}

export interface Controller {
  name: string;
  reconcile(ctx: ControllerContext): ReconcileResult;
}

export function earliest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
