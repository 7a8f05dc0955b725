// pkg/controller/deployment/rolling.go: the RollingUpdate strategy. Each sync first scales the new
// ReplicaSet up as far as maxSurge allows; if it could not, it scales old ReplicaSets down as far as
// maxUnavailable allows (unhealthy old replicas first, then oldest ReplicaSets first).
import type { KubeObject } from "../../kinds/types";
import type { DeploymentSync } from "./context";
import { cleanupDeployment, current, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from "./sync";
import { syncRolloutStatus } from "./progress";
import { availableReplicaCount, deploymentComplete, filterActive, maxUnavailable, newRSNewReplicas, replicasOf, specReplicaCount } from "./util";
import { byCreation } from "../controller-utils";

export function rolloutRolling(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, true);
  // Creating the new ReplicaSet failed (reported, retried after a backoff) or collided (retried
  // under the next name): like the real sync, which returns the error, nothing else happens now.
  if (!newRS) return;
  if (reconcileNewReplicaSet(s, newRS)) {
    syncRolloutStatus(s, current(s, oldRSs), current(s, [newRS])[0]);
    return;
  }
  const rsNow = current(s, [newRS])[0] ?? newRS;
  if (reconcileOldReplicaSets(s, filterActive(current(s, oldRSs)), rsNow)) {
    syncRolloutStatus(s, current(s, oldRSs), current(s, [newRS])[0]);
    return;
  }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, current(s, oldRSs));
  syncRolloutStatus(s, current(s, oldRSs), current(s, [newRS])[0]);
}

function reconcileNewReplicaSet(s: DeploymentSync, newRS: KubeObject): boolean {
  const want = replicasOf(s.d);
  if (replicasOf(newRS) === want) return false;
  if (replicasOf(newRS) > want) return scaleReplicaSetAndRecordEvent(s, newRS, want).scaled;
  const count = newRSNewReplicas(s.d, s.rsList, newRS);
  return scaleReplicaSetAndRecordEvent(s, newRS, count).scaled;
}

function reconcileOldReplicaSets(s: DeploymentSync, oldRSs: KubeObject[], newRS: KubeObject): boolean {
  const oldPods = specReplicaCount(oldRSs);
  if (oldPods === 0) return false;
  const allPods = specReplicaCount([...oldRSs, newRS]);
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const newRSUnavailable = replicasOf(newRS) - ((newRS.status?.availableReplicas as number | undefined) ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const olds = current(s, oldRSs);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, [...olds, current(s, [newRS])[0] ?? newRS], olds);
  return cleaned + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas, oldest first. */
function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const replicas = replicasOf(rs);
    if (replicas === 0) continue;
    const available = (rs.status?.availableReplicas as number | undefined) ?? 0;
    if (replicas === available) continue;
    const down = Math.min(maxCleanup - total, replicas - available);
    scaleReplicaSetAndRecordEvent(s, rs, replicas - down);
    total += down;
  }
  return total;
}

/** scaleDownOldReplicaSetsForRollingUpdate: remove available old replicas while staying above minAvailable. */
function scaleDownOldReplicaSetsForRollingUpdate(s: DeploymentSync, allRSs: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = replicasOf(s.d) - maxUnavailable(s.d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const toScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= toScaleDown) break;
    const replicas = replicasOf(rs);
    if (replicas === 0) continue;
    const down = Math.min(replicas, toScaleDown - total);
    scaleReplicaSetAndRecordEvent(s, rs, replicas - down);
    total += down;
  }
  return total;
}
