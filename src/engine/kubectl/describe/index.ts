// kubectl's describer registry (describe.go's describerMap): a describer per group and kind, and
// the generic describer for every other kind the server serves.
import type { ApiResource } from "../client";
import type { Describer } from "./context";
import { describeHorizontalPodAutoscaler } from "./autoscaling";
import { describeCronJob, describeJob } from "./batch";
import { describeConfigMap, describeSecret, describeServiceAccount } from "./config";
import { genericDescriber } from "./generic";
import { describeLimitRange, describeNamespace, describeResourceQuota } from "./namespace";
import { describeIngress, describeIngressClass, describeNetworkPolicy } from "./networking";
import { describeNode } from "./node";
import { describePod } from "./pod";
import { describePodDisruptionBudget, describePriorityClass } from "./policy";
import { describeClusterRole, describeClusterRoleBinding, describeRole, describeRoleBinding } from "./rbac";
import { describeEndpoints, describeEndpointSlice, describeService } from "./service";
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from "./storage";
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from "./workloads";

export type { Describer, DescribeContext, DescriberSettings } from "./context";

const DESCRIBERS: Record<string, Describer> = {
  "/Pod": describePod,
  "/ReplicationController": describeReplicationController,
  "/Secret": describeSecret,
  "/Service": describeService,
  "/ServiceAccount": describeServiceAccount,
  "/Node": describeNode,
  "/LimitRange": describeLimitRange,
  "/ResourceQuota": describeResourceQuota,
  "/PersistentVolume": describePersistentVolume,
  "/PersistentVolumeClaim": describePersistentVolumeClaim,
  "/Namespace": describeNamespace,
  "/Endpoints": describeEndpoints,
  "/ConfigMap": describeConfigMap,
  "discovery.k8s.io/EndpointSlice": describeEndpointSlice,
  "autoscaling/HorizontalPodAutoscaler": describeHorizontalPodAutoscaler,
  "networking.k8s.io/Ingress": describeIngress,
  "networking.k8s.io/IngressClass": describeIngressClass,
  "networking.k8s.io/NetworkPolicy": describeNetworkPolicy,
  "batch/Job": describeJob,
  "batch/CronJob": describeCronJob,
  "apps/StatefulSet": describeStatefulSet,
  "apps/Deployment": describeDeployment,
  "apps/DaemonSet": describeDaemonSet,
  "apps/ReplicaSet": describeReplicaSet,
  "storage.k8s.io/StorageClass": describeStorageClass,
  "policy/PodDisruptionBudget": describePodDisruptionBudget,
  "rbac.authorization.k8s.io/Role": describeRole,
  "rbac.authorization.k8s.io/ClusterRole": describeClusterRole,
  "rbac.authorization.k8s.io/RoleBinding": describeRoleBinding,
  "rbac.authorization.k8s.io/ClusterRoleBinding": describeClusterRoleBinding,
  "scheduling.k8s.io/PriorityClass": describePriorityClass,
};

/** describe.Describer: the kind's own describer, else the generic one. */
export function describerFor(mapping: ApiResource): Describer {
  return DESCRIBERS[`${mapping.group}/${mapping.kind}`] ?? genericDescriber(mapping);
}
