// Whether the cluster is still catching up with the learner's last change — pods being created or
// terminating, controllers that have not observed a new spec — so a Check can wait a little (see
// LIMITS.lessons.checkWaitMs) instead of failing work that is merely in flight. A cluster that is
// stuck (a pod in ImagePullBackOff or CrashLoopBackOff, an unschedulable pod) is not in flight:
// waiting would not change the answer.
import type { Cluster } from "../cluster/cluster";

/** Container waiting reasons of a pod on its way to Running. */
const STARTING = new Set(["ContainerCreating", "PodInitializing"]);

const WORKLOADS = ["deployments.apps", "replicasets.apps", "statefulsets.apps", "daemonsets.apps", "replicationcontrollers", "jobs.batch"];

export function clusterInFlight(cluster: Cluster): boolean {
  for (const pod of cluster.store.list("pods") as any[]) {
    if (pod.metadata?.deletionTimestamp) return true;
    if (!pod.spec?.nodeName || pod.status?.phase !== "Pending") continue;
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])] as { state?: { waiting?: { reason?: string } } }[];
    // Bound but not started yet: creating unless a container waits for a reason that will not pass by itself.
    if (statuses.every((s) => !s.state?.waiting || STARTING.has(s.state.waiting.reason ?? "ContainerCreating"))) return true;
  }
  for (const resource of WORKLOADS) {
    for (const obj of cluster.store.list(resource) as any[]) {
      if (!obj.metadata?.deletionTimestamp && (obj.status?.observedGeneration ?? 0) < (obj.metadata?.generation ?? 0)) return true;
    }
  }
  return false;
}
