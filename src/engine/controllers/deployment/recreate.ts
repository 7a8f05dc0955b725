// pkg/controller/deployment/recreate.go: the Recreate strategy scales every old ReplicaSet to zero,
// waits until no old pod is left running (terminating pods count), and only then creates or scales
// up the new ReplicaSet.
import type { KubeObject } from "../../kinds/types";
import type { DeploymentSync } from "./context";
import { cleanupDeployment, current, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from "./sync";
import { syncRolloutStatus } from "./progress";
import { actualReplicaCount, deploymentComplete, filterActive, replicasOf } from "./util";

export function rolloutRecreate(s: DeploymentSync): void {
  // No new ReplicaSet yet: scaling up must wait until the old ones are down.
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    if (scaleReplicaSetAndRecordEvent(s, rs, 0).scaled) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(s, current(s, oldRSs), newRS && current(s, [newRS])[0]);
    return;
  }
  if (oldPodsRunning(s, newRS, current(s, oldRSs))) {
    syncRolloutStatus(s, current(s, oldRSs), newRS && current(s, [newRS])[0]);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, true));
    if (!newRS) return;
  }
  scaleReplicaSetAndRecordEvent(s, current(s, [newRS])[0] ?? newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, current(s, oldRSs));
  syncRolloutStatus(s, current(s, oldRSs), current(s, [newRS])[0]);
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or a pod of one is not yet Succeeded/Failed. */
function oldPodsRunning(s: DeploymentSync, newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const rs of s.rsList) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    for (const pod of s.podsOf(rs.metadata.uid!)) {
      const phase = pod.status?.phase;
      if (phase !== "Failed" && phase !== "Succeeded") return true;
    }
  }
  return false;
}
