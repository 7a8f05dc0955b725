// pkg/controller/deployment/progress.go: the Progressing condition of a rollout (ReplicaSetUpdated
// while it moves, NewReplicaSetAvailable when complete, ProgressDeadlineExceeded when nothing moved
// for progressDeadlineSeconds), ReplicaFailure copied from the ReplicaSets, and the wake-up for the
// next deadline check.
import type { KubeObject } from "../../kinds/types";
import type { DeploymentSync } from "./context";
import { calculateStatus, writeStatusIfChanged } from "./sync";
import {
  REASONS,
  deploymentComplete,
  deploymentProgressing,
  getCondition,
  hasProgressDeadline,
  newCondition,
  removeCondition,
  setCondition,
  type Condition,
} from "./util";
import { parseRfc3339 } from "../../machinery/time";

/** DeploymentTimedOut: no progress recorded for longer than progressDeadlineSeconds. */
function deploymentTimedOut(s: DeploymentSync, status: Record<string, any>): boolean {
  if (!hasProgressDeadline(s.d)) return false;
  const cond = getCondition(status, "Progressing");
  if (!cond) return false;
  if (cond.reason === REASONS.newRSAvailable) return false;
  if (cond.reason === REASONS.timedOut) return true;
  const from = parseRfc3339(cond.lastUpdateTime ?? "");
  if (from === undefined) return false;
  return from + s.d.spec.progressDeadlineSeconds * 1000 < s.nowMs;
}

export function syncRolloutStatus(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject | undefined): void {
  const d = s.d;
  const status = calculateStatus(s, [...oldRSs, newRS], newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const currentCond = getCondition(d.status, "Progressing");
  const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && currentCond?.reason === REASONS.newRSAvailable;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition("Progressing", "True", REASONS.newRSAvailable, msg, s.nowMs));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const cond = newCondition("Progressing", "True", REASONS.rsUpdated, msg, s.nowMs);
      // Progress refreshes lastUpdateTime even when the reason stays the same.
      if (currentCond) {
        if (currentCond.status === "True") cond.lastTransitionTime = currentCond.lastTransitionTime;
        removeCondition(status, "Progressing");
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(s, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition("Progressing", "False", REASONS.timedOut, msg, s.nowMs));
    }
  }
  const failure = replicaFailure(oldRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, "ReplicaFailure");
  if (!status.conditions) delete status.conditions;
  writeStatusIfChanged(s, status);
  s.wake(nextProgressCheck(s, status));
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition, else an old one's. */
function replicaFailure(oldRSs: KubeObject[], newRS: KubeObject | undefined): Condition | undefined {
  const toDeployment = (c: Record<string, any>): Condition => ({
    type: "ReplicaFailure",
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  });
  for (const rs of newRS ? [newRS, ...oldRSs] : oldRSs) {
    const c = (rs.status?.conditions as Array<Record<string, any>> | undefined)?.find((x) => x.type === "ReplicaFailure");
    if (c) return toDeployment(c);
  }
  return undefined;
}

/** requeueStuckDeployment: when to look again for a deadline that has not passed yet. */
function nextProgressCheck(s: DeploymentSync, status: Record<string, any>): number | undefined {
  const d = s.d;
  const cond = getCondition(d.status, "Progressing");
  if (!hasProgressDeadline(d) || !cond) return undefined;
  if (deploymentComplete(d, status) || cond.reason === REASONS.timedOut) return undefined;
  // A paused rollout does not count against its deadline (the condition is Unknown while paused).
  if (cond.reason === REASONS.paused) return undefined;
  const from = parseRfc3339(cond.lastUpdateTime ?? "");
  if (from === undefined) return undefined;
  // The real controller adds a second to be sure the deadline has passed. A deadline already past
  // either timed out in this sync or cannot (NewReplicaSetAvailable never times out): the real
  // controller's rate-limited requeues then change nothing, so there is nothing to wake up for.
  const due = from + d.spec.progressDeadlineSeconds * 1000 + 1000;
  return due > s.nowMs ? due : undefined;
}
