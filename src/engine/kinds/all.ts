// Every built-in kind of a sandbox. Discovery lists groups in kubeadm's order and resources by
// name; within a group the first KindDef of a resource is its preferred version.
import type { KindDef } from "./types";
import { binding } from "./core/binding";
import { configMap } from "./core/configmap";
import { endpoints } from "./core/endpoints";
import { event } from "./core/event";
import { limitRange } from "./core/limitrange";
import { namespace } from "./core/namespace";
import { node } from "./core/node";
import { persistentVolume } from "./core/persistentvolume";
import { persistentVolumeClaim } from "./core/persistentvolumeclaim";
import { pod } from "./core/pod";
import { podTemplate } from "./core/podtemplate";
import { replicationController } from "./core/replicationcontroller";
import { resourceQuota } from "./core/resourcequota";
import { secret } from "./core/secret";
import { service } from "./core/service";
import { serviceAccount } from "./core/serviceaccount";
import { controllerRevision } from "./apps/controllerrevision";
import { daemonSet } from "./apps/daemonset";
import { deployment } from "./apps/deployment";
import { replicaSet } from "./apps/replicaset";
import { statefulSet } from "./apps/statefulset";
import { eventsV1Event } from "./events/event";
import { selfSubjectReview } from "./authentication/selfsubjectreview";
import { selfSubjectAccessReview } from "./authorization/selfsubjectaccessreview";
import { selfSubjectRulesReview } from "./authorization/selfsubjectrulesreview";
import { localSubjectAccessReview, subjectAccessReview } from "./authorization/subjectaccessreview";
import { horizontalPodAutoscalerV1, horizontalPodAutoscalerV2 } from "./autoscaling/hpa";
import { cronJob } from "./batch/cronjob";
import { job } from "./batch/job";
import { ingress } from "./networking/ingress";
import { ingressClass } from "./networking/ingressclass";
import { networkPolicy } from "./networking/networkpolicy";
import { podDisruptionBudget } from "./policy/pdb";
import { clusterRole } from "./rbac/clusterrole";
import { clusterRoleBinding } from "./rbac/clusterrolebinding";
import { role } from "./rbac/role";
import { roleBinding } from "./rbac/rolebinding";
import { storageClass } from "./storage/storageclass";
import { customResourceDefinition } from "./apiextensions/crd";
import { priorityClass } from "./scheduling/priorityclass";
import { lease } from "./coordination/lease";
import { endpointSlice } from "./discovery/endpointslice";
import { nodeMetrics } from "./metrics/nodemetrics";
import { podMetrics } from "./metrics/podmetrics";

export const BUILTIN_KINDS: readonly KindDef[] = [
  // core/v1
  binding,
  configMap,
  endpoints,
  event,
  limitRange,
  namespace,
  node,
  persistentVolumeClaim,
  persistentVolume,
  pod,
  podTemplate,
  replicationController,
  resourceQuota,
  secret,
  serviceAccount,
  service,
  // apps/v1
  controllerRevision,
  daemonSet,
  deployment,
  replicaSet,
  statefulSet,
  // events.k8s.io/v1
  eventsV1Event,
  // authentication.k8s.io/v1
  selfSubjectReview,
  // authorization.k8s.io/v1
  localSubjectAccessReview,
  selfSubjectAccessReview,
  selfSubjectRulesReview,
  subjectAccessReview,
  // autoscaling/v2 (preferred) and v1
  horizontalPodAutoscalerV2,
  horizontalPodAutoscalerV1,
  // batch/v1
  cronJob,
  job,
  // networking.k8s.io/v1
  ingressClass,
  ingress,
  networkPolicy,
  // policy/v1
  podDisruptionBudget,
  // rbac.authorization.k8s.io/v1
  clusterRoleBinding,
  clusterRole,
  roleBinding,
  role,
  // storage.k8s.io/v1
  storageClass,
  // apiextensions.k8s.io/v1
  customResourceDefinition,
  // scheduling.k8s.io/v1
  priorityClass,
  // coordination.k8s.io/v1
  lease,
  // discovery.k8s.io/v1
  endpointSlice,
  // metrics.k8s.io/v1beta1
  nodeMetrics,
  podMetrics,
] as unknown as readonly KindDef[];
