// ReplicaSet (apps/v1). Sources: pkg/apis/apps/v1/defaults.go (SetDefaults_ReplicaSet),
// pkg/apis/apps/validation/validation.go (ValidateReplicaSet*), pkg/registry/apps/replicaset/strategy.go
// (selector immutable in apps/v1, the status.replicas field selector), printers.go (printReplicaSet).
import type { Cell, KindDef } from "../types";
import { int, int64, kindSchema, list, obj, str, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { dropDisabledTemplateFields, PodTemplateSpec } from "../common/pod";
import { invalid, type FieldError } from "../../machinery/field-errors";
import {
  CONTAINERS_DESC,
  containerCells,
  defaultPodTemplate,
  formatSelectorCell,
  goLabelSelector,
  IMAGES_DESC,
  selectorOrUndefined,
  validateImmutable,
  validateNonnegative,
  validateReplicaSetTemplate,
  validateWorkloadSelector,
  type WorkloadObject,
} from "./deployment";

export const ReplicaSetSpec = obj(
  {
    minReadySeconds: int("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"),
    replicas: int("Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
    selector: LabelSelector.describe("Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
    template: PodTemplateSpec.describe("Template is the object that describes the pod that will be created if insufficient replicas are detected. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template"),
  },
  { id: "io.k8s.api.apps.v1.ReplicaSetSpec", desc: "ReplicaSetSpec is the specification of a ReplicaSet.", required: ["selector"] },
);

export const ReplicaSetCondition = obj(
  {
    lastTransitionTime: time("The last time the condition transitioned from one status to another."),
    message: str("A human readable message indicating details about the transition."),
    reason: str("The reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of replica set condition."),
  },
  { id: "io.k8s.api.apps.v1.ReplicaSetCondition", desc: "ReplicaSetCondition describes the state of a replica set at a certain point.", required: ["type", "status"] },
);

export const ReplicaSetStatus = obj(
  {
    availableReplicas: int("The number of available replicas (ready for at least minReadySeconds) for this replica set."),
    conditions: list(ReplicaSetCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a replica set's current state." }),
    fullyLabeledReplicas: int("The number of pods that have labels matching the labels of the pod template of the replicaset."),
    observedGeneration: int64("ObservedGeneration reflects the generation of the most recently observed ReplicaSet."),
    readyReplicas: int("readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition."),
    replicas: int("Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
  },
  { id: "io.k8s.api.apps.v1.ReplicaSetStatus", desc: "ReplicaSetStatus represents the current status of a ReplicaSet.", required: ["replicas"] },
);


export interface ReplicaSet extends WorkloadObject {}

function validateReplicaSetSpec(spec: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(spec.replicas ?? 0, "spec.replicas"));
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  // The real message says "deployment" here too (ValidateReplicaSetSpec shares the wording).
  errs.push(...validateWorkloadSelector(spec.selector, "spec.selector", "deployment"));
  if (selectorOrUndefined(spec.selector) === undefined) {
    errs.push(invalid("spec.selector", goLabelSelector(spec.selector), "invalid label selector"));
  } else {
    errs.push(...validateReplicaSetTemplate(spec.selector, spec.template, "spec.template"));
  }
  return errs;
}

function validateReplicaSetStatus(status: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "observedGeneration"]) {
    errs.push(...validateNonnegative(status[f] ?? 0, `status.${f}`));
  }
  const n = (f: string) => (status[f] as number | undefined) ?? 0;
  const msg = "cannot be greater than status.replicas";
  if (n("fullyLabeledReplicas") > n("replicas")) errs.push(invalid("status.fullyLabeledReplicas", n("fullyLabeledReplicas"), msg));
  if (n("readyReplicas") > n("replicas")) errs.push(invalid("status.readyReplicas", n("readyReplicas"), msg));
  if (n("availableReplicas") > n("replicas")) errs.push(invalid("status.availableReplicas", n("availableReplicas"), msg));
  if (n("availableReplicas") > n("readyReplicas")) errs.push(invalid("status.availableReplicas", n("availableReplicas"), "cannot be greater than readyReplicas"));
  return errs;
}

export const replicaSet: KindDef<ReplicaSet> = {
  group: "apps",
  version: "v1",
  kind: "ReplicaSet",
  plural: "replicasets",
  singular: "replicaset",
  shortNames: ["rs"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  scaleSubresource: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
  schema: kindSchema(
    "io.k8s.api.apps.v1.ReplicaSet",
    "ReplicaSet ensures that a specified number of pod replicas are running at any given time.",
    {
      spec: ReplicaSetSpec.describe("Spec defines the specification of the desired behavior of the ReplicaSet. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: ReplicaSetStatus.describe("Status is the most recently observed status of the ReplicaSet. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta.describe("If the Labels of a ReplicaSet are empty, they are defaulted to be the same as the Pod(s) that the ReplicaSet manages. Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(rs, ctx) {
    const spec = (rs.spec ??= {});
    spec.replicas ??= 1;
    defaultPodTemplate((spec.template ??= {}), ctx);
  },
  prepareForUpdate(rs, old) {
    dropDisabledTemplateFields(rs.spec?.template, old.spec?.template);
  },
  prepareForCreate(rs) {
    dropDisabledTemplateFields(rs.spec?.template);
    // ReplicaSetStatus.replicas has no omitempty: a new object shows `status: {replicas: 0}`.
    rs.status = { replicas: 0 };
  },
  validate(rs, ctx) {
    const old = ctx.old as ReplicaSet | undefined;
    if (ctx.subresource === "status") return validateReplicaSetStatus(rs.status ?? {});
    const spec = rs.spec ?? {};
    const errs = validateReplicaSetSpec(spec);
    if (old) errs.push(...validateImmutable(spec.selector, old.spec?.selector, "spec.selector", goLabelSelector(spec.selector)));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Desired", "integer", "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
    col("Current", "integer", "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller"),
    col("Ready", "integer", "readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition."),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
    col("Selector", "string", "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
  ],
  printRow(rs, ctx): Cell[] {
    const spec = rs.spec ?? {};
    const status = rs.status ?? {};
    const [names, images] = containerCells(spec.template?.spec);
    return [rs.metadata.name!, spec.replicas ?? 0, status.replicas ?? 0, status.readyReplicas ?? 0, age(rs, ctx.nowMs), names, images, formatSelectorCell(spec.selector)];
  },
  fieldSelectors: {
    "status.replicas": (rs) => String(rs.status?.replicas ?? 0),
  },
};
