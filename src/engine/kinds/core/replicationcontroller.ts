// ReplicationController (core/v1): SetDefaults_ReplicationController, the strategy of
// pkg/registry/core/replicationcontroller, ValidateReplicationController and printReplicationController.
import type { KindDef, KubeObject } from "../types";
import { int, int64, kindSchema, list, obj, str, stringMap, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, formatLabels, nameColumn } from "../common/print";
import { applyPodTemplateSpecDefaults, dropDisabledTemplateFields, PodTemplateSpec, validatePodTemplateSpec, type PodTemplateSpec as PodTemplateSpecT } from "../common/pod";
import { forbidden, goStringMap, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { matches, selectorFromSet } from "../../machinery/labels";

export interface ReplicationController extends KubeObject {
  spec?: {
    replicas?: number;
    minReadySeconds?: number;
    selector?: Record<string, string>;
    template?: PodTemplateSpecT;
  };
  status?: {
    replicas?: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
    conditions?: Array<Record<string, unknown>>;
  };
}

export const ReplicationControllerSpec = obj(
  {
    minReadySeconds: int("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"),
    replicas: int("Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller"),
    selector: stringMap("Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors").meta({ "x-kubernetes-map-type": "atomic" }),
    template: PodTemplateSpec.describe("Template is the object that describes the pod that will be created if insufficient replicas are detected. This takes precedence over a TemplateRef. The only allowed template.spec.restartPolicy value is \"Always\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template"),
  },
  { id: "io.k8s.api.core.v1.ReplicationControllerSpec", desc: "ReplicationControllerSpec is the specification of a replication controller." },
);

export const ReplicationControllerCondition = obj(
  {
    lastTransitionTime: time("The last time the condition transitioned from one status to another."),
    message: str("A human readable message indicating details about the transition."),
    reason: str("The reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of replication controller condition."),
  },
  { id: "io.k8s.api.core.v1.ReplicationControllerCondition", desc: "ReplicationControllerCondition describes the state of a replication controller at a certain point.", required: ["status", "type"] },
);

export const ReplicationControllerStatus = obj(
  {
    availableReplicas: int("The number of available replicas (ready for at least minReadySeconds) for this replication controller."),
    conditions: list(ReplicationControllerCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a replication controller's current state." }),
    fullyLabeledReplicas: int("The number of pods that have labels matching the labels of the pod template of the replication controller."),
    observedGeneration: int64("ObservedGeneration reflects the generation of the most recently observed replication controller."),
    readyReplicas: int("The number of ready replicas for this replication controller."),
    replicas: int("Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller"),
  },
  { id: "io.k8s.api.core.v1.ReplicationControllerStatus", desc: "ReplicationControllerStatus represents the current status of a replication controller.", required: ["replicas"] },
);


const METADATA_DESC =
  "If the Labels of a ReplicationController are empty, they are defaulted to be the same as the Pod(s) that the replication controller manages. Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

export const ReplicationControllerSchema = kindSchema(
  "io.k8s.api.core.v1.ReplicationController",
  "ReplicationController represents the configuration of a replication controller.",
  {
    spec: ReplicationControllerSpec.describe(
      "Spec defines the specification of the desired behavior of the replication controller. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
    ),
    status: ReplicationControllerStatus.describe(
      "Status is the most recently observed status of the replication controller. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status",
    ),
  },
  ObjectMeta.describe(METADATA_DESC),
);

const nonNegative = (v: number | undefined, path: string): FieldError[] =>
  typeof v === "number" && v < 0 ? [invalid(path, v, "must be greater than or equal to 0")] : [];

/** ValidateReplicationControllerSpec. */
function validateSpec(rc: ReplicationController): FieldError[] {
  const spec = rc.spec ?? {};
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.minReadySeconds, "spec.minReadySeconds"));
  const selector = spec.selector ?? {};
  const empty = Object.keys(selector).length === 0;
  if (empty) errs.push(required("spec.selector", ""));
  errs.push(...nonNegative(spec.replicas, "spec.replicas"));
  const t = spec.template;
  if (!t || typeof t !== "object") {
    errs.push(required("spec.template", ""));
    return errs;
  }
  if (!empty && !matches(selectorFromSet(selector), t.metadata?.labels ?? {})) {
    errs.push(invalid("spec.template.metadata.labels", goStringMap(t.metadata?.labels), "`selector` does not match template `labels`"));
  }
  errs.push(...validatePodTemplateSpec(t, "spec.template"));
  const rp = t.spec?.restartPolicy ?? "";
  if (rp !== "Always") errs.push(notSupported("spec.template.spec.restartPolicy", rp, ["Always"]));
  if (t.spec?.activeDeadlineSeconds !== undefined && t.spec?.activeDeadlineSeconds !== null) {
    errs.push(forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in ReplicationController is not Supported"));
  }
  return errs;
}

/** ValidateReplicationControllerStatus. */
function validateStatus(rc: ReplicationController): FieldError[] {
  const s = rc.status ?? {};
  const errs: FieldError[] = [];
  const n = (v: number | undefined) => v ?? 0;
  errs.push(...nonNegative(s.replicas, "status.replicas"));
  errs.push(...nonNegative(s.fullyLabeledReplicas, "status.fullyLabeledReplicas"));
  errs.push(...nonNegative(s.readyReplicas, "status.readyReplicas"));
  errs.push(...nonNegative(s.availableReplicas, "status.availableReplicas"));
  errs.push(...nonNegative(s.observedGeneration, "status.observedGeneration"));
  const msg = "cannot be greater than status.replicas";
  if (n(s.fullyLabeledReplicas) > n(s.replicas)) errs.push(invalid("status.fullyLabeledReplicas", n(s.fullyLabeledReplicas), msg));
  if (n(s.readyReplicas) > n(s.replicas)) errs.push(invalid("status.readyReplicas", n(s.readyReplicas), msg));
  if (n(s.availableReplicas) > n(s.replicas)) errs.push(invalid("status.availableReplicas", n(s.availableReplicas), msg));
  if (n(s.availableReplicas) > n(s.readyReplicas)) errs.push(invalid("status.availableReplicas", n(s.availableReplicas), "cannot be greater than readyReplicas"));
  return errs;
}

/** layoutContainerCells: comma-joined container names and images. */
export function layoutContainerCells(containers: Array<{ name?: string; image?: string }> | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c?.name ?? "").join(","), cs.map((c) => c?.image ?? "").join(",")];
}

export const replicationController: KindDef<ReplicationController> = {
  group: "",
  version: "v1",
  kind: "ReplicationController",
  plural: "replicationcontrollers",
  singular: "replicationcontroller",
  shortNames: ["rc"],
  categories: ["all"],
  namespaced: true,
  schema: ReplicationControllerSchema,
  statusSubresource: true,
  tracksGeneration: true,
  defaultPropagationPolicy: "Orphan",
  scaleSubresource: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: ".spec.selector" },
  applyDefaults(rc, ctx) {
    if (!rc.spec || typeof rc.spec !== "object") rc.spec = {};
    const spec = rc.spec;
    const labels = spec.template && typeof spec.template === "object" ? spec.template.metadata?.labels : undefined;
    if (labels) {
      if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
      if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
    }
    if (spec.replicas === undefined || spec.replicas === null) spec.replicas = 1;
    if (spec.template && typeof spec.template === "object") applyPodTemplateSpecDefaults(spec.template, ctx);
  },
  prepareForUpdate(rc, old) {
    dropDisabledTemplateFields(rc.spec?.template, old.spec?.template);
  },
  prepareForCreate(rc) {
    dropDisabledTemplateFields(rc.spec?.template);
    // ReplicationControllerStatus.replicas has no omitempty: a new controller shows `replicas: 0`.
    rc.status = { replicas: 0 };
  },
  validate(rc, ctx) {
    if (ctx.subresource === "status") return validateStatus(rc);
    return validateSpec(rc);
  },
  columns: [
    nameColumn(),
    col(
      "Desired",
      "integer",
      "Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
    ),
    col(
      "Current",
      "integer",
      "Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller",
    ),
    col("Ready", "integer", "The number of ready replicas for this replication controller."),
    ageColumn(),
    col("Containers", "string", "Names of each container in the template.", 1),
    col("Images", "string", "Images referenced by each container in the template.", 1),
    col(
      "Selector",
      "string",
      "Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
      1,
    ),
  ],
  printRow(rc, ctx) {
    const [names, images] = layoutContainerCells(rc.spec?.template?.spec?.containers);
    return [
      rc.metadata.name ?? "",
      rc.spec?.replicas ?? 0,
      rc.status?.replicas ?? 0,
      rc.status?.readyReplicas ?? 0,
      age(rc, ctx.nowMs),
      names,
      images,
      formatLabels(rc.spec?.selector),
    ];
  },
  fieldSelectors: {
    "status.replicas": (rc) => String(rc.status?.replicas ?? 0),
  },
};
