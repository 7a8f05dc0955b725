// StatefulSet (apps/v1). Sources: pkg/apis/apps/v1/defaults.go (SetDefaults_StatefulSet, and through the
// generated defaulters SetDefaults_PersistentVolumeClaim/-Spec for volumeClaimTemplates),
// pkg/apis/apps/v1/conversion.go (volumeClaimTemplates carry apiVersion/kind on output),
// pkg/apis/apps/validation/validation.go (ValidateStatefulSet*), printers.go (printStatefulSet).
import { z } from "zod";
import type { Cell, KindDef } from "../types";
import { API_VERSION_DESC, int, int64, intOrString, KIND_DESC, kindSchema, list, obj, quantityMap, str, strEnum, stringMap, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { dropDisabledTemplateFields, PersistentVolumeClaimSpec, PodTemplateSpec } from "../common/pod";
import { forbidden, GoValue, goQuote, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import {
  CONTAINERS_DESC,
  containerCells,
  defaultPodTemplate,
  embeddedMetaDefaults,
  goIntOrString,
  goLabelSelector,
  goPointer,
  IMAGES_DESC,
  intOrPercentValue,
  isNotMoreThan100Percent,
  selectorOrUndefined,
  semanticEqual,
  validateCollisionCountNotDecremented,
  validateAnnotations,
  validateLabels,
  validateNonnegative,
  validatePositiveIntOrPercent,
  validateRestartPolicyAlways,
  validateSelectorMatchesTemplate,
  validateWorkloadSelector,
  type PodTemplate,
  type WorkloadObject,
} from "./deployment";

// PersistentVolumeClaim as embedded in volumeClaimTemplates (core/v1). TODO(lead): import these from
// the PersistentVolumeClaim kind's file once it exists, so the OpenAPI ids are defined once.
export const PersistentVolumeClaimCondition = obj(
  {
    lastProbeTime: time("lastProbeTime is the time we probed the condition."),
    lastTransitionTime: time("lastTransitionTime is the time the condition transitioned from one status to another."),
    message: str("message is the human-readable message indicating details about last transition."),
    reason: str("reason is a unique, this should be a short, machine understandable string that gives the reason for condition's last transition. If it reports \"Resizing\" that means the underlying persistent volume is being resized."),
    status: str("Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=state%20of%20pvc-,conditions.status,-(string)%2C%20required"),
    type: str("Type is the type of the condition. More info: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#:~:text=set%20to%20%27ResizeStarted%27.-,PersistentVolumeClaimCondition,-contains%20details%20about"),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimCondition", desc: "PersistentVolumeClaimCondition contains details about state of pvc", required: ["type", "status"] },
);

export const ModifyVolumeStatus = obj(
  {
    status: strEnum(["InProgress", "Infeasible", "Pending"], "status is the status of the ControllerModifyVolume operation. It can be in any of following states:\n - Pending\n   Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as\n   the specified VolumeAttributesClass not existing.\n - InProgress\n   InProgress indicates that the volume is being modified.\n - Infeasible\n  Infeasible indicates that the request has been rejected as invalid by the CSI driver. To\n\t  resolve the error, a valid VolumeAttributesClass needs to be specified.\nNote: New statuses can be added in the future. Consumers should check for unknown statuses and fail appropriately.\n\nPossible enum values:\n - `\"InProgress\"` InProgress indicates that the volume is being modified\n - `\"Infeasible\"` Infeasible indicates that the request has been rejected as invalid by the CSI driver. To resolve the error, a valid VolumeAttributesClass needs to be specified\n - `\"Pending\"` Pending indicates that the PersistentVolumeClaim cannot be modified due to unmet requirements, such as the specified VolumeAttributesClass not existing"),
    targetVolumeAttributesClassName: str("targetVolumeAttributesClassName is the name of the VolumeAttributesClass the PVC currently being reconciled"),
  },
  { id: "io.k8s.api.core.v1.ModifyVolumeStatus", desc: "ModifyVolumeStatus represents the status object of ControllerModifyVolume operation", required: ["status"] },
);

export const PersistentVolumeClaimStatus = obj(
  {
    accessModes: list(z.string(), { listType: "atomic", desc: "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1\n\nPossible enum values:\n - `\"ReadOnlyMany\"` can be mounted in read-only mode to many hosts\n - `\"ReadWriteMany\"` can be mounted in read/write mode to many hosts\n - `\"ReadWriteOnce\"` can be mounted in read/write mode to exactly 1 host\n - `\"ReadWriteOncePod\"` can be mounted in read/write mode to exactly 1 pod cannot be used in combination with other access modes" }),
    allocatedResourceStatuses: stringMap("allocatedResourceStatuses stores status of resource being resized for the given PVC. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nClaimResourceStatus can be in any of following states:\n\t- ControllerResizeInProgress:\n\t\tState set when resize controller starts resizing the volume in control-plane.\n\t- ControllerResizeFailed:\n\t\tState set when resize has failed in resize controller with a terminal error.\n\t- NodeResizePending:\n\t\tState set when resize controller has finished resizing the volume but further resizing of\n\t\tvolume is needed on the node.\n\t- NodeResizeInProgress:\n\t\tState set when kubelet starts resizing the volume.\n\t- NodeResizeFailed:\n\t\tState set when resizing has failed in kubelet with a terminal error. Transient errors don't set\n\t\tNodeResizeFailed.\nFor example: if expanding a PVC for more capacity - this field can be one of the following states:\n\t- pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"ControllerResizeFailed\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizePending\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeInProgress\"\n     - pvc.status.allocatedResourceStatus['storage'] = \"NodeResizeFailed\"\nWhen this field is not set, it means that no resize operation is in progress for the given PVC.\n\nA controller that receives PVC update with previously unknown resourceName or ClaimResourceStatus should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature."),
    allocatedResources: quantityMap("allocatedResources tracks the resources allocated to a PVC including its capacity. Key names follow standard Kubernetes label syntax. Valid values are either:\n\t* Un-prefixed keys:\n\t\t- storage - the capacity of the volume.\n\t* Custom resources must use implementation-defined prefixed names such as \"example.com/my-custom-resource\"\nApart from above values - keys that are unprefixed or have kubernetes.io prefix are considered reserved and hence may not be used.\n\nCapacity reported here may be larger than the actual capacity when a volume expansion operation is requested. For storage quota, the larger value from allocatedResources and PVC.spec.resources is used. If allocatedResources is not set, PVC.spec.resources alone is used for quota calculation. If a volume expansion capacity request is lowered, allocatedResources is only lowered if there are no expansion operations in progress and if the actual volume capacity is equal or lower than the requested capacity.\n\nA controller that receives PVC update with previously unknown resourceName should ignore the update for the purpose it was designed. For example - a controller that only is responsible for resizing capacity of the volume, should ignore PVC updates that change other valid resources associated with PVC.\n\nThis is an alpha field and requires enabling RecoverVolumeExpansionFailure feature."),
    capacity: quantityMap("capacity represents the actual resources of the underlying volume."),
    conditions: list(PersistentVolumeClaimCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "conditions is the current Condition of persistent volume claim. If underlying persistent volume is being resized then the Condition will be set to 'Resizing'." }),
    currentVolumeAttributesClassName: str("currentVolumeAttributesClassName is the current name of the VolumeAttributesClass the PVC is using. When unset, there is no VolumeAttributeClass applied to this PersistentVolumeClaim This is a beta field and requires enabling VolumeAttributesClass feature (off by default)."),
    modifyVolumeStatus: ModifyVolumeStatus.describe("ModifyVolumeStatus represents the status object of ControllerModifyVolume operation. When this is unset, there is no ModifyVolume operation being attempted. This is a beta field and requires enabling VolumeAttributesClass feature (off by default)."),
    phase: strEnum(["Bound", "Lost", "Pending"], "phase represents the current phase of PersistentVolumeClaim.\n\nPossible enum values:\n - `\"Bound\"` used for PersistentVolumeClaims that are bound\n - `\"Lost\"` used for PersistentVolumeClaims that lost their underlying PersistentVolume. The claim was bound to a PersistentVolume and this volume does not exist any longer and all data on it was lost.\n - `\"Pending\"` used for PersistentVolumeClaims that are not yet bound"),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaimStatus", desc: "PersistentVolumeClaimStatus is the current status of a persistent volume claim." },
);

export const PersistentVolumeClaim = obj(
  {
    apiVersion: str(API_VERSION_DESC),
    kind: str(KIND_DESC),
    metadata: ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
    spec: PersistentVolumeClaimSpec.describe("spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
    status: PersistentVolumeClaimStatus.describe("status represents the current information/status of a persistent volume claim. Read-only. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims"),
  },
  { id: "io.k8s.api.core.v1.PersistentVolumeClaim", desc: "PersistentVolumeClaim is a user's request for and claim to a persistent volume" },
);

export const RollingUpdateStatefulSetStrategy = obj(
  {
    maxUnavailable: intOrString("The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding up. This can not be 0. Defaults to 1. This field is alpha-level and is only honored by servers that enable the MaxUnavailableStatefulSet feature. The field applies to all pods in the range 0 to Replicas-1. That means if there is any unavailable pod in the range 0 to Replicas-1, it will be counted towards MaxUnavailable."),
    partition: int("Partition indicates the ordinal at which the StatefulSet should be partitioned for updates. During a rolling update, all pods from ordinal Replicas-1 to Partition are updated. All pods from ordinal Partition-1 to 0 remain untouched. This is helpful in being able to do a canary based deployment. The default value is 0."),
  },
  { id: "io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy", desc: "RollingUpdateStatefulSetStrategy is used to communicate parameter for RollingUpdateStatefulSetStrategyType." },
);

export const StatefulSetUpdateStrategy = obj(
  {
    rollingUpdate: RollingUpdateStatefulSetStrategy.describe("RollingUpdate is used to communicate parameters when Type is RollingUpdateStatefulSetStrategyType."),
    type: strEnum(["OnDelete", "RollingUpdate"], "Type indicates the type of the StatefulSetUpdateStrategy. Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` triggers the legacy behavior. Version tracking and ordered rolling restarts are disabled. Pods are recreated from the StatefulSetSpec when they are manually deleted. When a scale operation is performed with this strategy,specification version indicated by the StatefulSet's currentRevision.\n - `\"RollingUpdate\"` indicates that update will be applied to all Pods in the StatefulSet with respect to the StatefulSet ordering constraints. When a scale operation is performed with this strategy, new Pods will be created from the specification version indicated by the StatefulSet's updateRevision."),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetUpdateStrategy", desc: "StatefulSetUpdateStrategy indicates the strategy that the StatefulSet controller will use to perform updates. It includes any additional parameters necessary to perform the update for the indicated strategy." },
);

export const StatefulSetPersistentVolumeClaimRetentionPolicy = obj(
  {
    whenDeleted: str("WhenDeleted specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is deleted. The default policy of `Retain` causes PVCs to not be affected by StatefulSet deletion. The `Delete` policy causes those PVCs to be deleted."),
    whenScaled: str("WhenScaled specifies what happens to PVCs created from StatefulSet VolumeClaimTemplates when the StatefulSet is scaled down. The default policy of `Retain` causes PVCs to not be affected by a scaledown. The `Delete` policy causes the associated PVCs for any excess pods above the replica count to be deleted."),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy", desc: "StatefulSetPersistentVolumeClaimRetentionPolicy describes the policy used for PVCs created from the StatefulSet VolumeClaimTemplates." },
);

export const StatefulSetOrdinals = obj(
  {
    start: int("start is the number representing the first replica's index. It may be used to number replicas from an alternate index (eg: 1-indexed) over the default 0-indexed names, or to orchestrate progressive movement of replicas from one StatefulSet to another. If set, replica indices will be in the range:\n  [.spec.ordinals.start, .spec.ordinals.start + .spec.replicas).\nIf unset, defaults to 0. Replica indices will be in the range:\n  [0, .spec.replicas)."),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetOrdinals", desc: "StatefulSetOrdinals describes the policy used for replica ordinal assignment in this StatefulSet." },
);

export const StatefulSetSpec = obj(
  {
    minReadySeconds: int("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"),
    ordinals: StatefulSetOrdinals.describe("ordinals controls the numbering of replica indices in a StatefulSet. The default ordinals behavior assigns a \"0\" index to the first replica and increments the index by one for each additional replica requested."),
    persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy.describe("persistentVolumeClaimRetentionPolicy describes the lifecycle of persistent volume claims created from volumeClaimTemplates. By default, all persistent volume claims are created as needed and retained until manually deleted. This policy allows the lifecycle to be altered, for example by deleting persistent volume claims when their stateful set is deleted, or when their pod is scaled down."),
    podManagementPolicy: strEnum(["OrderedReady", "Parallel"], "podManagementPolicy controls how pods are created during initial scale up, when replacing pods on nodes, or when scaling down. The default policy is `OrderedReady`, where pods are created in increasing order (pod-0, then pod-1, etc) and the controller will wait until each pod is ready before continuing. When scaling down, the pods are removed in the opposite order. The alternative policy is `Parallel` which will create pods in parallel to match the desired scale without waiting, and on scale down will delete all pods at once.\n\nPossible enum values:\n - `\"OrderedReady\"` will create pods in strictly increasing order on scale up and strictly decreasing order on scale down, progressing only when the previous pod is ready or terminated. At most one pod will be changed at any time.\n - `\"Parallel\"` will create and delete pods as soon as the stateful set replica count is changed, and will not wait for pods to be ready or complete termination."),
    replicas: int("replicas is the desired number of replicas of the given Template. These are replicas in the sense that they are instantiations of the same Template, but individual replicas also have a consistent identity. If unspecified, defaults to 1."),
    revisionHistoryLimit: int("revisionHistoryLimit is the maximum number of revisions that will be maintained in the StatefulSet's revision history. The revision history consists of all revisions not represented by a currently applied StatefulSetSpec version. The default value is 10."),
    selector: LabelSelector.describe("selector is a label query over pods that should match the replica count. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
    serviceName: str("serviceName is the name of the service that governs this StatefulSet. This service must exist before the StatefulSet, and is responsible for the network identity of the set. Pods get DNS/hostnames that follow the pattern: pod-specific-string.serviceName.default.svc.cluster.local where \"pod-specific-string\" is managed by the StatefulSet controller."),
    template: PodTemplateSpec.describe("template is the object that describes the pod that will be created if insufficient replicas are detected. Each pod stamped out by the StatefulSet will fulfill this Template, but have a unique identity from the rest of the StatefulSet. Each pod will be named with the format <statefulsetname>-<podindex>. For example, a pod in a StatefulSet named \"web\" with index number \"3\" would be named \"web-3\". The only allowed template.spec.restartPolicy value is \"Always\"."),
    updateStrategy: StatefulSetUpdateStrategy.describe("updateStrategy indicates the StatefulSetUpdateStrategy that will be employed to update Pods in the StatefulSet when a revision is made to Template."),
    volumeClaimTemplates: list(PersistentVolumeClaim, { listType: "atomic", desc: "volumeClaimTemplates is a list of claims that pods are allowed to reference. The StatefulSet controller is responsible for mapping network identities to claims in a way that maintains the identity of a pod. Every claim in this list must have at least one matching (by name) volumeMount in one container in the template. A claim in this list takes precedence over any volumes in the template, with the same name." }),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetSpec", desc: "A StatefulSetSpec is the specification of a StatefulSet.", required: ["selector", "template", "serviceName"] },
);

export const StatefulSetCondition = obj(
  {
    lastTransitionTime: time("Last time the condition transitioned from one status to another."),
    message: str("A human readable message indicating details about the transition."),
    reason: str("The reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of statefulset condition."),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetCondition", desc: "StatefulSetCondition describes the state of a statefulset at a certain point.", required: ["type", "status"] },
);

export const StatefulSetStatus = obj(
  {
    availableReplicas: int("Total number of available pods (ready for at least minReadySeconds) targeted by this statefulset."),
    collisionCount: int("collisionCount is the count of hash collisions for the StatefulSet. The StatefulSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision."),
    conditions: list(StatefulSetCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a statefulset's current state." }),
    currentReplicas: int("currentReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by currentRevision."),
    currentRevision: str("currentRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [0,currentReplicas)."),
    observedGeneration: int64("observedGeneration is the most recent generation observed for this StatefulSet. It corresponds to the StatefulSet's generation, which is updated on mutation by the API Server."),
    readyReplicas: int("readyReplicas is the number of pods created for this StatefulSet with a Ready Condition."),
    replicas: int("replicas is the number of Pods created by the StatefulSet controller."),
    updateRevision: str("updateRevision, if not empty, indicates the version of the StatefulSet used to generate Pods in the sequence [replicas-updatedReplicas,replicas)"),
    updatedReplicas: int("updatedReplicas is the number of Pods created by the StatefulSet controller from the StatefulSet version indicated by updateRevision."),
  },
  { id: "io.k8s.api.apps.v1.StatefulSetStatus", desc: "StatefulSetStatus represents the current state of a StatefulSet.", required: ["replicas"] },
);


export interface StatefulSet extends WorkloadObject {}

const FORBIDDEN_UPDATE =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";

/**
 * ValidatePodTemplateSpecForStatefulSet: selector vs labels, and only the template's labels and
 * annotations (the real server does not validate a StatefulSet's pod spec beyond restartPolicy).
 */
function validateStatefulSetTemplate(selector: unknown, tmpl: PodTemplate | undefined, path: string): FieldError[] {
  const errs = validateSelectorMatchesTemplate(selector as never, tmpl, path);
  errs.push(...validateLabels(tmpl?.metadata?.labels, `${path}.labels`));
  errs.push(...validateAnnotations(tmpl?.metadata?.annotations, `${path}.annotations`));
  return errs;
}

function goRollingUpdateStatefulSet(ru: Record<string, any>): GoValue {
  return new GoValue(
    `apps.RollingUpdateStatefulSetStrategy{Partition:${ru.partition ?? 0}, MaxUnavailable:${goPointer("intstr.IntOrString", ru.maxUnavailable != null)}}`,
  );
}

function validateUpdateStrategy(us: Record<string, any> | undefined): FieldError[] {
  const s = us ?? {};
  const errs: FieldError[] = [];
  const p = "spec.updateStrategy";
  switch (s.type ?? "") {
    case "":
      errs.push(required(p, ""));
      break;
    case "OnDelete":
      if (s.rollingUpdate != null) errs.push(invalid(`${p}.rollingUpdate`, goRollingUpdateStatefulSet(s.rollingUpdate), "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case "RollingUpdate":
      if (s.rollingUpdate != null) {
        const ru = s.rollingUpdate;
        const rp = `${p}.rollingUpdate`;
        errs.push(...validateNonnegative(ru.partition ?? 0, `${rp}.partition`));
        if (ru.maxUnavailable != null) {
          errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${rp}.maxUnavailable`));
          if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(`${rp}.maxUnavailable`, goIntOrString(ru.maxUnavailable), "cannot be 0"));
          errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${rp}.maxUnavailable`));
        }
      }
      break;
    default: {
      const printed = new GoValue(
        `apps.StatefulSetUpdateStrategy{Type:${goQuote(s.type)}, RollingUpdate:${goPointer("apps.RollingUpdateStatefulSetStrategy", s.rollingUpdate != null)}}`,
      );
      errs.push(invalid(p, printed, "must be 'RollingUpdate' or 'OnDelete'"));
    }
  }
  return errs;
}

function validateStatefulSetSpec(spec: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? "";
  if (pmp === "") errs.push(required("spec.podManagementPolicy", ""));
  else if (pmp !== "OrderedReady" && pmp !== "Parallel") errs.push(invalid("spec.podManagementPolicy", pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(spec.updateStrategy));
  const policy = spec.persistentVolumeClaimRetentionPolicy;
  if (policy != null) {
    for (const f of ["whenDeleted", "whenScaled"]) {
      const v = policy[f] ?? "";
      if (v !== "Retain" && v !== "Delete") errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, v, ["Retain", "Delete"]));
    }
  }
  errs.push(...validateNonnegative(spec.replicas ?? 0, "spec.replicas"));
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  if (spec.ordinals != null) errs.push(...validateNonnegative(spec.ordinals.start ?? 0, "spec.ordinals.start"));
  errs.push(...validateWorkloadSelector(spec.selector, "spec.selector", "statefulset"));
  if (selectorOrUndefined(spec.selector) === undefined) {
    errs.push(invalid("spec.selector", goLabelSelector(spec.selector), ""));
  } else {
    errs.push(...validateStatefulSetTemplate(spec.selector, spec.template, "spec.template"));
  }
  errs.push(...validateRestartPolicyAlways(spec.template, "spec.template"));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported"));
  }
  return errs;
}

function validateStatefulSetStatus(status: Record<string, any>, old: Record<string, any> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"]) {
    errs.push(...validateNonnegative(status[f] ?? 0, `status.${f}`));
  }
  if (status.observedGeneration != null) errs.push(...validateNonnegative(status.observedGeneration, "status.observedGeneration"));
  if (status.collisionCount != null) errs.push(...validateNonnegative(status.collisionCount, "status.collisionCount"));
  const n = (f: string) => (status[f] as number | undefined) ?? 0;
  const msg = "cannot be greater than status.replicas";
  for (const f of ["readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"]) {
    if (n(f) > n("replicas")) errs.push(invalid(`status.${f}`, n(f), msg));
  }
  if (n("availableReplicas") > n("readyReplicas")) errs.push(invalid("status.availableReplicas", n("availableReplicas"), "cannot be greater than status.readyReplicas"));
  errs.push(...validateCollisionCountNotDecremented(status, old));
  return errs;
}

/** The spec without the fields an update may change. */
function immutablePart(spec: Record<string, any> | undefined): Record<string, unknown> {
  const { replicas: _r, template: _t, updateStrategy: _u, minReadySeconds: _m, ordinals: _o, persistentVolumeClaimRetentionPolicy: _p, ...rest } = spec ?? {};
  return rest;
}

export const statefulSet: KindDef<StatefulSet> = {
  group: "apps",
  version: "v1",
  kind: "StatefulSet",
  plural: "statefulsets",
  singular: "statefulset",
  shortNames: ["sts"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  nameValidation: "label",
  scaleSubresource: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
  schema: kindSchema(
    "io.k8s.api.apps.v1.StatefulSet",
    "StatefulSet represents a set of pods with consistent identities. Identities are defined as:\n  - Network: A single stable DNS and hostname.\n  - Storage: As many VolumeClaims as requested.\n\nThe StatefulSet guarantees that a given network identity will always map to the same storage identity.",
    {
      spec: StatefulSetSpec.describe("Spec defines the desired identities of pods in this set."),
      status: StatefulSetStatus.describe("Status is the current status of Pods in this StatefulSet. This data may be out of date by some window of time."),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(sts, ctx) {
    const spec = (sts.spec ??= {});
    if (!spec.podManagementPolicy) spec.podManagementPolicy = "OrderedReady";
    const us = (spec.updateStrategy ??= {});
    if (!us.type) {
      us.type = "RollingUpdate";
      us.rollingUpdate ??= {};
    }
    if (us.type === "RollingUpdate" && us.rollingUpdate != null) us.rollingUpdate.partition ??= 0;
    const policy = (spec.persistentVolumeClaimRetentionPolicy ??= {});
    if (!policy.whenDeleted) policy.whenDeleted = "Retain";
    if (!policy.whenScaled) policy.whenScaled = "Retain";
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    // serviceName has no omitempty in 1.32: an unset one prints as "".
    spec.serviceName ??= "";
    defaultPodTemplate((spec.template ??= {}), ctx);
    for (const pvc of (spec.volumeClaimTemplates ?? []) as Array<Record<string, any>>) {
      // The apps/v1 conversion sets apiVersion/kind on the nested claims; the PVC defaulters run too.
      pvc.apiVersion = "v1";
      pvc.kind = "PersistentVolumeClaim";
      embeddedMetaDefaults(pvc);
      const ps = (pvc.spec ??= {});
      ps.resources ??= {};
      ps.volumeMode ??= "Filesystem";
      const st = (pvc.status ??= {});
      if (!st.phase) st.phase = "Pending";
    }
  },
  prepareForUpdate(sts, old) {
    dropDisabledTemplateFields(sts.spec?.template, old.spec?.template);
  },
  prepareForCreate(sts) {
    dropDisabledTemplateFields(sts.spec?.template);
    // replicas and availableReplicas have no omitempty.
    sts.status = { availableReplicas: 0, replicas: 0 };
  },
  validate(sts, ctx) {
    const old = ctx.old as StatefulSet | undefined;
    if (ctx.subresource === "status") return validateStatefulSetStatus(sts.status ?? {}, old?.status);
    const errs = validateStatefulSetSpec(sts.spec ?? {});
    if (old && !semanticEqual(immutablePart(sts.spec), immutablePart(old.spec))) errs.push(forbidden("spec", FORBIDDEN_UPDATE));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Ready", "string", "Number of the pod with ready state"),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
  ],
  printRow(sts, ctx): Cell[] {
    const spec = sts.spec ?? {};
    const [names, images] = containerCells(spec.template?.spec);
    return [sts.metadata.name!, `${sts.status?.readyReplicas ?? 0}/${spec.replicas ?? 0}`, age(sts, ctx.nowMs), names, images];
  },
};
