// The StatefulSet, DaemonSet, Job, CronJob and TTL-after-finished controllers, in the order
// kube-controller-manager's loops would typically react (a CronJob's Job gets its pods in the same pass).
import type { Controller } from "./types";
import { statefulSetController } from "./statefulset";
import { daemonSetController } from "./daemonset";
import { cronJobController } from "./cronjob";
import { jobController } from "./job";
import { ttlAfterFinishedController } from "./ttl-after-finished";

export const APPS_BATCH_CONTROLLERS: readonly Controller[] = [statefulSetController, daemonSetController, cronJobController, jobController, ttlAfterFinishedController];
