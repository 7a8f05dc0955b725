// HorizontalPodAutoscaler in autoscaling/v2 (preferred, storage) and autoscaling/v1. Both KindDefs share
// the storage "horizontalpodautoscalers.autoscaling"; the v1 one converts with hpaV1ToV2 / hpaV2ToV1.
// Sources: pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler: behaviour is only
// filled in when set), pkg/apis/autoscaling/v1/defaults.go and conversion.go (the
// autoscaling.alpha.kubernetes.io/* annotations), pkg/apis/autoscaling/validation/validation.go,
// pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go, printers.go (formatHPAMetrics).
import type { Cell, KindDef, KubeObject } from "../types";
import { int, int64, kindSchema, list, obj, quantity, str, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { forbidden, GoValue, goQuote, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Label, isValidPathSegmentName } from "../../machinery/names";
import { tryParseQuantity } from "../../machinery/quantity";
import { validateNonnegative } from "../apps/deployment";

// ---------------------------------------------------------------------------------------------
// autoscaling/v2 schemas
export const CrossVersionObjectReference = obj(
  {
    apiVersion: str("apiVersion is the API version of the referent"),
    kind: str("kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"),
    name: str("name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
  },
  { id: "io.k8s.api.autoscaling.v2.CrossVersionObjectReference", desc: "CrossVersionObjectReference contains enough information to let you identify the referred resource.", required: ["kind", "name"] },
);

export const MetricTarget = obj(
  {
    averageUtilization: int("averageUtilization is the target value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods. Currently only valid for Resource metric source type"),
    averageValue: quantity("averageValue is the target value of the average of the metric across all relevant pods (as a quantity)"),
    type: str("type represents whether the metric type is Utilization, Value, or AverageValue"),
    value: quantity("value is the target value of the metric (as a quantity)."),
  },
  { id: "io.k8s.api.autoscaling.v2.MetricTarget", desc: "MetricTarget defines the target value, average value, or average utilization of a specific metric", required: ["type"] },
);

export const MetricIdentifier = obj(
  {
    name: str("name is the name of the given metric"),
    selector: LabelSelector.describe("selector is the string-encoded form of a standard kubernetes label selector for the given metric When set, it is passed as an additional parameter to the metrics server for more specific metrics scoping. When unset, just the metricName will be used to gather metrics."),
  },
  { id: "io.k8s.api.autoscaling.v2.MetricIdentifier", desc: "MetricIdentifier defines the name and optionally selector for a metric", required: ["name"] },
);

export const ObjectMetricSource = obj(
  {
    describedObject: CrossVersionObjectReference.describe("describedObject specifies the descriptions of a object,such as kind,name apiVersion"),
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
    target: MetricTarget.describe("target specifies the target value for the given metric"),
  },
  { id: "io.k8s.api.autoscaling.v2.ObjectMetricSource", desc: "ObjectMetricSource indicates how to scale on a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).", required: ["describedObject", "target", "metric"] },
);

export const PodsMetricSource = obj(
  {
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
    target: MetricTarget.describe("target specifies the target value for the given metric"),
  },
  { id: "io.k8s.api.autoscaling.v2.PodsMetricSource", desc: "PodsMetricSource indicates how to scale on a metric describing each pod in the current scale target (for example, transactions-processed-per-second). The values will be averaged together before being compared to the target value.", required: ["metric", "target"] },
);

export const ResourceMetricSource = obj(
  {
    name: str("name is the name of the resource in question."),
    target: MetricTarget.describe("target specifies the target value for the given metric"),
  },
  { id: "io.k8s.api.autoscaling.v2.ResourceMetricSource", desc: "ResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  The values will be averaged together before being compared to the target.  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.  Only one \"target\" type should be set.", required: ["name", "target"] },
);

export const ContainerResourceMetricSource = obj(
  {
    container: str("container is the name of the container in the pods of the scaling target"),
    name: str("name is the name of the resource in question."),
    target: MetricTarget.describe("target specifies the target value for the given metric"),
  },
  { id: "io.k8s.api.autoscaling.v2.ContainerResourceMetricSource", desc: "ContainerResourceMetricSource indicates how to scale on a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  The values will be averaged together before being compared to the target.  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.  Only one \"target\" type should be set.", required: ["name", "target", "container"] },
);

export const ExternalMetricSource = obj(
  {
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
    target: MetricTarget.describe("target specifies the target value for the given metric"),
  },
  { id: "io.k8s.api.autoscaling.v2.ExternalMetricSource", desc: "ExternalMetricSource indicates how to scale on a metric not associated with any Kubernetes object (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster).", required: ["metric", "target"] },
);

export const MetricSpec = obj(
  {
    containerResource: ContainerResourceMetricSource.describe("containerResource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod of the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source."),
    external: ExternalMetricSource.describe("external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster)."),
    object: ObjectMetricSource.describe("object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object)."),
    pods: PodsMetricSource.describe("pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).  The values will be averaged together before being compared to the target value."),
    resource: ResourceMetricSource.describe("resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source."),
    type: str("type is the type of metric source.  It should be one of \"ContainerResource\", \"External\", \"Object\", \"Pods\" or \"Resource\", each mapping to a matching field in the object."),
  },
  { id: "io.k8s.api.autoscaling.v2.MetricSpec", desc: "MetricSpec specifies how to scale based on a single metric (only `type` and one other matching field should be set at once).", required: ["type"] },
);

export const HPAScalingPolicy = obj(
  {
    periodSeconds: int("periodSeconds specifies the window of time for which the policy should hold true. PeriodSeconds must be greater than zero and less than or equal to 1800 (30 min)."),
    type: str("type is used to specify the scaling policy."),
    value: int("value contains the amount of change which is permitted by the policy. It must be greater than zero"),
  },
  { id: "io.k8s.api.autoscaling.v2.HPAScalingPolicy", desc: "HPAScalingPolicy is a single policy which must hold true for a specified past interval.", required: ["type", "value", "periodSeconds"] },
);

export const HPAScalingRules = obj(
  {
    policies: list(HPAScalingPolicy, { listType: "atomic", desc: "policies is a list of potential scaling polices which can be used during scaling. At least one policy must be specified, otherwise the HPAScalingRules will be discarded as invalid" }),
    selectPolicy: str("selectPolicy is used to specify which policy should be used. If not set, the default value Max is used."),
    stabilizationWindowSeconds: int("stabilizationWindowSeconds is the number of seconds for which past recommendations should be considered while scaling up or scaling down. StabilizationWindowSeconds must be greater than or equal to zero and less than or equal to 3600 (one hour). If not set, use the default values: - For scale up: 0 (i.e. no stabilization is done). - For scale down: 300 (i.e. the stabilization window is 300 seconds long)."),
  },
  { id: "io.k8s.api.autoscaling.v2.HPAScalingRules", desc: "HPAScalingRules configures the scaling behavior for one direction. These Rules are applied after calculating DesiredReplicas from metrics for the HPA. They can limit the scaling velocity by specifying scaling policies. They can prevent flapping by specifying the stabilization window, so that the number of replicas is not set instantly, instead, the safest value from the stabilization window is chosen." },
);

export const HorizontalPodAutoscalerBehavior = obj(
  {
    scaleDown: HPAScalingRules.describe("scaleDown is scaling policy for scaling Down. If not set, the default value is to allow to scale down to minReplicas pods, with a 300 second stabilization window (i.e., the highest recommendation for the last 300sec is used)."),
    scaleUp: HPAScalingRules.describe("scaleUp is scaling policy for scaling Up. If not set, the default value is the higher of:\n  * increase no more than 4 pods per 60 seconds\n  * double the number of pods per 60 seconds\nNo stabilization is used."),
  },
  { id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior", desc: "HorizontalPodAutoscalerBehavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively)." },
);

export const HorizontalPodAutoscalerSpec = obj(
  {
    behavior: HorizontalPodAutoscalerBehavior.describe("behavior configures the scaling behavior of the target in both Up and Down directions (scaleUp and scaleDown fields respectively). If not set, the default HPAScalingRules for scale up and scale down are used."),
    maxReplicas: int("maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
    metrics: list(MetricSpec, { listType: "atomic", desc: "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization." }),
    minReplicas: int("minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
    scaleTargetRef: CrossVersionObjectReference.describe("scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
  },
  { id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec", desc: "HorizontalPodAutoscalerSpec describes the desired functionality of the HorizontalPodAutoscaler.", required: ["scaleTargetRef", "maxReplicas"] },
);

export const MetricValueStatus = obj(
  {
    averageUtilization: int("currentAverageUtilization is the current value of the average of the resource metric across all relevant pods, represented as a percentage of the requested value of the resource for the pods."),
    averageValue: quantity("averageValue is the current value of the average of the metric across all relevant pods (as a quantity)"),
    value: quantity("value is the current value of the metric (as a quantity)."),
  },
  { id: "io.k8s.api.autoscaling.v2.MetricValueStatus", desc: "MetricValueStatus holds the current value for a metric" },
);

export const ObjectMetricStatus = obj(
  {
    current: MetricValueStatus.describe("current contains the current value for the given metric"),
    describedObject: CrossVersionObjectReference.describe("DescribedObject specifies the descriptions of a object,such as kind,name apiVersion"),
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
  },
  { id: "io.k8s.api.autoscaling.v2.ObjectMetricStatus", desc: "ObjectMetricStatus indicates the current value of a metric describing a kubernetes object (for example, hits-per-second on an Ingress object).", required: ["metric", "current", "describedObject"] },
);

export const PodsMetricStatus = obj(
  {
    current: MetricValueStatus.describe("current contains the current value for the given metric"),
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
  },
  { id: "io.k8s.api.autoscaling.v2.PodsMetricStatus", desc: "PodsMetricStatus indicates the current value of a metric describing each pod in the current scale target (for example, transactions-processed-per-second).", required: ["metric", "current"] },
);

export const ResourceMetricStatus = obj(
  {
    current: MetricValueStatus.describe("current contains the current value for the given metric"),
    name: str("name is the name of the resource in question."),
  },
  { id: "io.k8s.api.autoscaling.v2.ResourceMetricStatus", desc: "ResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing each pod in the current scale target (e.g. CPU or memory).  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.", required: ["name", "current"] },
);

export const ContainerResourceMetricStatus = obj(
  {
    container: str("container is the name of the container in the pods of the scaling target"),
    current: MetricValueStatus.describe("current contains the current value for the given metric"),
    name: str("name is the name of the resource in question."),
  },
  { id: "io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus", desc: "ContainerResourceMetricStatus indicates the current value of a resource metric known to Kubernetes, as specified in requests and limits, describing a single container in each pod in the current scale target (e.g. CPU or memory).  Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source.", required: ["name", "current", "container"] },
);

export const ExternalMetricStatus = obj(
  {
    current: MetricValueStatus.describe("current contains the current value for the given metric"),
    metric: MetricIdentifier.describe("metric identifies the target metric by name and selector"),
  },
  { id: "io.k8s.api.autoscaling.v2.ExternalMetricStatus", desc: "ExternalMetricStatus indicates the current value of a global metric not associated with any Kubernetes object.", required: ["metric", "current"] },
);

export const MetricStatus = obj(
  {
    containerResource: ContainerResourceMetricStatus.describe("container resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing a single container in each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source."),
    external: ExternalMetricStatus.describe("external refers to a global metric that is not associated with any Kubernetes object. It allows autoscaling based on information coming from components running outside of cluster (for example length of queue in cloud messaging service, or QPS from loadbalancer running outside of cluster)."),
    object: ObjectMetricStatus.describe("object refers to a metric describing a single kubernetes object (for example, hits-per-second on an Ingress object)."),
    pods: PodsMetricStatus.describe("pods refers to a metric describing each pod in the current scale target (for example, transactions-processed-per-second).  The values will be averaged together before being compared to the target value."),
    resource: ResourceMetricStatus.describe("resource refers to a resource metric (such as those specified in requests and limits) known to Kubernetes describing each pod in the current scale target (e.g. CPU or memory). Such metrics are built in to Kubernetes, and have special scaling options on top of those available to normal per-pod metrics using the \"pods\" source."),
    type: str("type is the type of metric source.  It will be one of \"ContainerResource\", \"External\", \"Object\", \"Pods\" or \"Resource\", each corresponds to a matching field in the object."),
  },
  { id: "io.k8s.api.autoscaling.v2.MetricStatus", desc: "MetricStatus describes the last-read state of a single metric.", required: ["type"] },
);

export const HorizontalPodAutoscalerCondition = obj(
  {
    lastTransitionTime: time("lastTransitionTime is the last time the condition transitioned from one status to another"),
    message: str("message is a human-readable explanation containing details about the transition"),
    reason: str("reason is the reason for the condition's last transition."),
    status: str("status is the status of the condition (True, False, Unknown)"),
    type: str("type describes the current condition"),
  },
  { id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition", desc: "HorizontalPodAutoscalerCondition describes the state of a HorizontalPodAutoscaler at a certain point.", required: ["type", "status"] },
);

export const HorizontalPodAutoscalerStatus = obj(
  {
    conditions: list(HorizontalPodAutoscalerCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "conditions is the set of conditions required for this autoscaler to scale its target, and indicates whether or not those conditions are met." }),
    currentMetrics: list(MetricStatus, { listType: "atomic", desc: "currentMetrics is the last read state of the metrics used by this autoscaler." }),
    currentReplicas: int("currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
    desiredReplicas: int("desiredReplicas is the desired number of replicas of pods managed by this autoscaler, as last calculated by the autoscaler."),
    lastScaleTime: time("lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods, used by the autoscaler to control how often the number of pods is changed."),
    observedGeneration: int64("observedGeneration is the most recent generation observed by this autoscaler."),
  },
  { id: "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus", desc: "HorizontalPodAutoscalerStatus describes the current status of a horizontal pod autoscaler.", required: ["desiredReplicas"] },
);

// autoscaling/v1 schemas
export const CrossVersionObjectReferenceV1 = obj(
  {
    apiVersion: str("apiVersion is the API version of the referent"),
    kind: str("kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"),
    name: str("name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names"),
  },
  { id: "io.k8s.api.autoscaling.v1.CrossVersionObjectReference", desc: "CrossVersionObjectReference contains enough information to let you identify the referred resource.", required: ["kind", "name"] },
);

export const HorizontalPodAutoscalerSpecV1 = obj(
  {
    maxReplicas: int("maxReplicas is the upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas."),
    minReplicas: int("minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
    scaleTargetRef: CrossVersionObjectReferenceV1.describe("reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource."),
    targetCPUUtilizationPercentage: int("targetCPUUtilizationPercentage is the target average CPU utilization (represented as a percentage of requested CPU) over all the pods; if not specified the default autoscaling policy will be used."),
  },
  { id: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec", desc: "specification of a horizontal pod autoscaler.", required: ["scaleTargetRef", "maxReplicas"] },
);

export const HorizontalPodAutoscalerStatusV1 = obj(
  {
    currentCPUUtilizationPercentage: int("currentCPUUtilizationPercentage is the current average CPU utilization over all pods, represented as a percentage of requested CPU, e.g. 70 means that an average pod is using now 70% of its requested CPU."),
    currentReplicas: int("currentReplicas is the current number of replicas of pods managed by this autoscaler."),
    desiredReplicas: int("desiredReplicas is the  desired number of replicas of pods managed by this autoscaler."),
    lastScaleTime: time("lastScaleTime is the last time the HorizontalPodAutoscaler scaled the number of pods; used by the autoscaler to control how often the number of pods is changed."),
    observedGeneration: int64("observedGeneration is the most recent generation observed by this autoscaler."),
  },
  { id: "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus", desc: "current status of a horizontal pod autoscaler", required: ["currentReplicas", "desiredReplicas"] },
);


// =============================================================================================
// Behaviour
// =============================================================================================

export interface HorizontalPodAutoscaler extends KubeObject {
  spec?: Record<string, any>;
  status?: Record<string, any>;
}

type J = Record<string, any>;

export const METRIC_SPECS_ANNOTATION = "autoscaling.alpha.kubernetes.io/metrics";
export const METRIC_STATUSES_ANNOTATION = "autoscaling.alpha.kubernetes.io/current-metrics";
export const CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";
export const BEHAVIOR_ANNOTATION = "autoscaling.alpha.kubernetes.io/behavior";

/** autoscaling.DefaultCPUUtilization. */
const DEFAULT_CPU_UTILIZATION = 80;
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

const defaultScaleUpRules = (): J => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
});
const defaultScaleDownRules = (): J => ({
  selectPolicy: "Max",
  policies: [{ type: "Percent", value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules(from, defaults). */
function withRuleDefaults(from: J | undefined | null, to: J): J {
  if (from == null) return to;
  if (from.selectPolicy != null) to.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds != null) to.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies != null) to.policies = from.policies;
  return to;
}

function cpuUtilizationMetric(utilization: number): J {
  return { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: utilization } } };
}

/** SetDefaults_HorizontalPodAutoscaler (autoscaling/v2): behaviour is filled in only when given. */
export function applyHpaV2Defaults(hpa: HorizontalPodAutoscaler): void {
  const spec = (hpa.spec ??= {});
  spec.minReplicas ??= 1;
  if (!spec.metrics || spec.metrics.length === 0) spec.metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
  if (spec.behavior != null) {
    const b = spec.behavior;
    const up = withRuleDefaults(b.scaleUp, defaultScaleUpRules());
    const down = withRuleDefaults(b.scaleDown, defaultScaleDownRules());
    // Keep the field order a real server prints (scaleDown before scaleUp does not matter to YAML, which sorts).
    b.scaleUp = { policies: up.policies, selectPolicy: up.selectPolicy, ...(up.stabilizationWindowSeconds != null ? { stabilizationWindowSeconds: up.stabilizationWindowSeconds } : {}) };
    b.scaleDown = { policies: down.policies, selectPolicy: down.selectPolicy, ...(down.stabilizationWindowSeconds != null ? { stabilizationWindowSeconds: down.stabilizationWindowSeconds } : {}) };
  }
}

// ---------------------------------------------------------------------------------------------
// Validation (pkg/apis/autoscaling/validation), on the autoscaling/v2 form (= the internal one).

/** resource.Quantity printed by %#v, as field errors show a *Quantity value. */
function goQuantity(s: unknown): GoValue {
  const q = typeof s === "string" || typeof s === "number" ? tryParseQuantity(String(s)) : undefined;
  if (!q) return new GoValue(`resource.Quantity{i:resource.int64Amount{value:0, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:""}`);
  return new GoValue(`resource.Quantity{i:resource.int64Amount{value:${q.unscaled}, scale:${q.exp}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${goQuote(String(s))}, Format:${goQuote(q.format)}}`);
}

function quantitySign(s: unknown): number {
  const q = typeof s === "string" || typeof s === "number" ? tryParseQuantity(String(s)) : undefined;
  return q ? q.sign() : 0;
}

function validateCrossVersionObjectReference(ref: J | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const kind = ref?.kind ?? "";
  if (kind.length === 0) errs.push(required(`${path}.kind`, ""));
  else for (const msg of isValidPathSegmentName(kind)) errs.push(invalid(`${path}.kind`, kind, msg));
  const name = ref?.name ?? "";
  if (name.length === 0) errs.push(required(`${path}.name`, ""));
  else for (const msg of isValidPathSegmentName(name)) errs.push(invalid(`${path}.name`, name, msg));
  return errs;
}

function validateMetricTarget(mt: J | undefined, path: string): FieldError[] {
  const t = mt ?? {};
  const errs: FieldError[] = [];
  const type = t.type ?? "";
  if (type.length === 0) errs.push(required(`${path}.type`, "must specify a metric target type"));
  if (type !== "Utilization" && type !== "Value" && type !== "AverageValue") {
    errs.push(invalid(`${path}.type`, type, "must be either Utilization, Value, or AverageValue"));
  }
  if (t.value != null && quantitySign(t.value) !== 1) errs.push(invalid(`${path}.value`, goQuantity(t.value), "must be positive"));
  if (t.averageValue != null && quantitySign(t.averageValue) !== 1) errs.push(invalid(`${path}.averageValue`, goQuantity(t.averageValue), "must be positive"));
  if (t.averageUtilization != null && t.averageUtilization < 1) errs.push(invalid(`${path}.averageUtilization`, t.averageUtilization, "must be greater than 0"));
  return errs;
}

function validateMetricIdentifier(id: J | undefined, path: string): FieldError[] {
  const name = id?.name ?? "";
  if (name.length === 0) return [required(`${path}.name`, "must specify a metric name")];
  return isValidPathSegmentName(name).map((msg) => invalid(`${path}.name`, name, msg));
}

function validateMetricSource(kind: string, src: J, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const target = src.target ?? {};
  const tp = `${path}.target`;
  switch (kind) {
    case "object":
      errs.push(...validateCrossVersionObjectReference(src.describedObject, `${path}.describedObject`));
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`));
      errs.push(...validateMetricTarget(src.target, tp));
      if (target.value == null && target.averageValue == null) errs.push(required(`${tp}.averageValue`, "must set either a target value or averageValue"));
      break;
    case "external":
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`));
      errs.push(...validateMetricTarget(src.target, tp));
      if (target.value == null && target.averageValue == null) errs.push(required(`${tp}.averageValue`, "must set either a target value for metric or a per-pod target"));
      if (target.value != null && target.averageValue != null) errs.push(forbidden(`${tp}.value`, "may not set both a target value for metric and a per-pod target"));
      break;
    case "pods":
      errs.push(...validateMetricIdentifier(src.metric, `${path}.metric`));
      errs.push(...validateMetricTarget(src.target, tp));
      if (target.averageValue == null) errs.push(required(`${tp}.averageValue`, "must specify a positive target averageValue"));
      break;
    case "resource":
    case "containerResource":
      if (!src.name) errs.push(required(`${path}.name`, "must specify a resource name"));
      if (kind === "containerResource") {
        if (!src.container) errs.push(required(`${path}.container`, "must specify a container"));
        else for (const msg of isDNS1123Label(src.container)) errs.push(invalid(`${path}.container`, src.container, msg));
      }
      errs.push(...validateMetricTarget(src.target, tp));
      if (target.averageUtilization == null && target.averageValue == null) errs.push(required(`${tp}.averageUtilization`, "must set either a target raw value or a target utilization"));
      if (target.averageUtilization != null && target.averageValue != null) errs.push(forbidden(`${tp}.averageValue`, "may not set both a target raw value and a target utilization"));
      break;
  }
  return errs;
}

const METRIC_SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
const SOURCE_FIELD: Record<string, string> = {
  Object: "object",
  Pods: "pods",
  Resource: "resource",
  External: "external",
  ContainerResource: "containerResource",
};

function validateMetricSpec(m: J, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = m.type ?? "";
  if (type.length === 0) errs.push(required(`${path}.type`, "must specify a metric source type"));
  if (!METRIC_SOURCE_TYPES.includes(type)) errs.push(notSupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  // Sources present, validated only for the first one found (object, external, pods, resource, containerResource).
  const present: string[] = [];
  for (const f of ["object", "external", "pods", "resource", "containerResource"]) {
    if (m[f] != null) {
      present.push(f);
      if (present.length === 1) errs.push(...validateMetricSource(f, m[f], `${path}.${f}`));
    }
  }
  const expected = SOURCE_FIELD[type];
  if (expected) {
    if (m[expected] == null) errs.push(required(`${path}.${expected}`, "must populate information for the given metric source"));
  } else {
    errs.push(notSupported(`${path}.type`, type, METRIC_SOURCE_TYPES));
  }
  if (present.length !== 1) {
    for (const f of present.filter((f) => f !== expected).sort()) errs.push(forbidden(`${path}.${f}`, "must populate the given metric source only"));
  }
  return errs;
}

function validateScalingRules(rules: J | undefined | null, path: string): FieldError[] {
  if (rules == null) return [];
  const errs: FieldError[] = [];
  const sw = rules.stabilizationWindowSeconds;
  if (sw != null && sw < 0) errs.push(invalid(`${path}.stabilizationWindowSeconds`, sw, "must be greater than or equal to zero"));
  if (sw != null && sw > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(invalid(`${path}.stabilizationWindowSeconds`, sw, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy != null && !["Disabled", "Max", "Min"].includes(rules.selectPolicy)) {
    errs.push(notSupported(`${path}.selectPolicy`, rules.selectPolicy, ["Disabled", "Max", "Min"]));
  }
  const policies: J[] = rules.policies ?? [];
  if (policies.length === 0) errs.push(required(`${path}.policies`, "must specify at least one Policy"));
  policies.forEach((p, i) => {
    const pp = `${path}.policies[${i}]`;
    if (p.type !== "Pods" && p.type !== "Percent") errs.push(notSupported(`${pp}.type`, p.type ?? "", ["Percent", "Pods"]));
    if ((p.value ?? 0) <= 0) errs.push(invalid(`${pp}.value`, p.value ?? 0, "must be greater than zero"));
    if ((p.periodSeconds ?? 0) <= 0) errs.push(invalid(`${pp}.periodSeconds`, p.periodSeconds ?? 0, "must be greater than zero"));
    if ((p.periodSeconds ?? 0) > MAX_PERIOD_SECONDS) errs.push(invalid(`${pp}.periodSeconds`, p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

/** validateHorizontalPodAutoscalerSpec on a v2 object. */
export function validateHpaV2(hpa: HorizontalPodAutoscaler, old: HorizontalPodAutoscaler | undefined): FieldError[] {
  const spec = hpa.spec ?? {};
  const errs: FieldError[] = [];
  // HPAScaleToZero is alpha (off): minReplicas >= 1, unless the stored object already has 0.
  const lowerBound = old?.spec?.minReplicas === 0 ? 0 : 1;
  if (spec.minReplicas != null && spec.minReplicas < lowerBound) {
    errs.push(invalid("spec.minReplicas", spec.minReplicas, `must be greater than or equal to ${lowerBound}`));
  }
  const max = spec.maxReplicas ?? 0;
  if (max < 1) errs.push(invalid("spec.maxReplicas", max, "must be greater than 0"));
  if (spec.minReplicas != null && max < spec.minReplicas) errs.push(invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
  errs.push(...validateCrossVersionObjectReference(spec.scaleTargetRef, "spec.scaleTargetRef"));
  const metrics: J[] = spec.metrics ?? [];
  let hasObjectOrExternal = false;
  metrics.forEach((m, i) => {
    errs.push(...validateMetricSpec(m, `spec.metrics[${i}]`));
    if (m.type === "Object" || m.type === "External") hasObjectOrExternal = true;
  });
  if (spec.minReplicas === 0 && !hasObjectOrExternal) {
    errs.push(forbidden("spec.metrics", "must specify at least one Object or External metric to support scaling to zero replicas"));
  }
  if (spec.behavior != null) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, "spec.behavior.scaleUp"));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, "spec.behavior.scaleDown"));
  }
  return errs;
}

function validateHpaStatus(status: J | undefined): FieldError[] {
  return [...validateNonnegative(status?.currentReplicas ?? 0, "status.currentReplicas"), ...validateNonnegative(status?.desiredReplicas ?? 0, "status.desiredReplicas")];
}

// ---------------------------------------------------------------------------------------------
// Conversion between autoscaling/v1 and autoscaling/v2 (pkg/apis/autoscaling/v1/conversion.go).
// v2 is the storage version. v1 keeps what it cannot express in annotations, as JSON in Go's
// field order: the v2-only metrics, the current metrics and the conditions in v1's own types, and the
// behaviour as the *internal* Go type (no json tags, so the keys are Go field names).

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** JSON of a metav1.LabelSelector in Go field order, or undefined. */
function selectorJson(sel: J | undefined | null): J | undefined {
  if (sel == null) return undefined;
  const out: J = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length) out.matchLabels = sel.matchLabels;
  if (sel.matchExpressions && sel.matchExpressions.length) {
    out.matchExpressions = sel.matchExpressions.map((e: J) => ({ key: e.key, operator: e.operator, ...(e.values && e.values.length ? { values: e.values } : {}) }));
  }
  return out;
}

/** Drops undefined members so JSON.stringify matches Go's omitempty. */
function compact(o: J): J {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function refV1(ref: J | undefined): J {
  return compact({ kind: ref?.kind ?? "", name: ref?.name ?? "", apiVersion: ref?.apiVersion || undefined });
}

function metricSpecToV1(m: J): J {
  const out: J = { type: m.type ?? "" };
  if (m.object) {
    const o = m.object;
    out.object = compact({
      target: refV1(o.describedObject),
      metricName: o.metric?.name ?? "",
      targetValue: o.target?.value ?? "0",
      selector: selectorJson(o.metric?.selector),
      averageValue: o.target?.averageValue,
    });
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = compact({ metricName: p.metric?.name ?? "", targetAverageValue: p.target?.averageValue ?? "0", selector: selectorJson(p.metric?.selector) });
  }
  if (m.resource) {
    const r = m.resource;
    out.resource = compact({ name: r.name ?? "", targetAverageUtilization: r.target?.averageUtilization, targetAverageValue: r.target?.averageValue });
  }
  if (m.containerResource) {
    const r = m.containerResource;
    out.containerResource = compact({
      name: r.name ?? "",
      targetAverageUtilization: r.target?.averageUtilization,
      targetAverageValue: r.target?.averageValue,
      container: r.container ?? "",
    });
  }
  if (m.external) {
    const e = m.external;
    out.external = compact({
      metricName: e.metric?.name ?? "",
      metricSelector: selectorJson(e.metric?.selector),
      targetValue: e.target?.value,
      targetAverageValue: e.target?.averageValue,
    });
  }
  return out;
}

function metricSpecFromV1(m: J): J {
  const out: J = { type: m.type ?? "" };
  const metricId = (name: string | undefined, selector: J | undefined) => compact({ name: name ?? "", selector: selector ?? undefined });
  if (m.object) {
    const o = m.object;
    out.object = {
      describedObject: refV1(o.target),
      metric: metricId(o.metricName, o.selector),
      target: compact({ type: o.averageValue == null ? "Value" : "AverageValue", value: o.targetValue ?? "0", averageValue: o.averageValue ?? undefined }),
    };
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = { metric: metricId(p.metricName, p.selector), target: { type: "AverageValue", averageValue: p.targetAverageValue ?? "0" } };
  }
  for (const f of ["resource", "containerResource"] as const) {
    if (m[f]) {
      const r = m[f];
      const target = compact({
        type: r.targetAverageUtilization == null ? "AverageValue" : "Utilization",
        averageValue: r.targetAverageValue ?? undefined,
        averageUtilization: r.targetAverageUtilization ?? undefined,
      });
      out[f] = compact({ name: r.name ?? "", target, container: f === "containerResource" ? r.container ?? "" : undefined });
    }
  }
  if (m.external) {
    const e = m.external;
    out.external = {
      metric: metricId(e.metricName, e.metricSelector),
      target: compact({ type: e.targetValue == null ? "AverageValue" : "Value", value: e.targetValue ?? undefined, averageValue: e.targetAverageValue ?? undefined }),
    };
  }
  return out;
}

function metricStatusToV1(m: J): J {
  const out: J = { type: m.type ?? "" };
  if (m.object) {
    const o = m.object;
    out.object = compact({
      target: refV1(o.describedObject),
      metricName: o.metric?.name ?? "",
      currentValue: o.current?.value ?? "0",
      selector: selectorJson(o.metric?.selector),
      averageValue: o.current?.averageValue,
    });
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = compact({ metricName: p.metric?.name ?? "", currentAverageValue: p.current?.averageValue ?? "0", selector: selectorJson(p.metric?.selector) });
  }
  for (const f of ["resource", "containerResource"] as const) {
    if (m[f]) {
      const r = m[f];
      out[f] = compact({
        name: r.name ?? "",
        currentAverageUtilization: r.current?.averageUtilization,
        currentAverageValue: r.current?.averageValue ?? "0",
        container: f === "containerResource" ? r.container ?? "" : undefined,
      });
    }
  }
  if (m.external) {
    const e = m.external;
    out.external = compact({
      metricName: e.metric?.name ?? "",
      metricSelector: selectorJson(e.metric?.selector),
      currentValue: e.current?.value ?? "0",
      currentAverageValue: e.current?.averageValue,
    });
  }
  return out;
}

function metricStatusFromV1(m: J): J {
  const out: J = { type: m.type ?? "" };
  const metricId = (name: string | undefined, selector: J | undefined) => compact({ name: name ?? "", selector: selector ?? undefined });
  if (m.object) {
    const o = m.object;
    out.object = {
      current: compact({ value: o.currentValue ?? "0", averageValue: o.averageValue ?? undefined }),
      describedObject: refV1(o.target),
      metric: metricId(o.metricName, o.selector),
    };
  }
  if (m.pods) {
    const p = m.pods;
    out.pods = { current: { averageValue: p.currentAverageValue ?? "0" }, metric: metricId(p.metricName, p.selector) };
  }
  for (const f of ["resource", "containerResource"] as const) {
    if (m[f]) {
      const r = m[f];
      out[f] = compact({
        name: r.name ?? "",
        current: compact({ averageValue: r.currentAverageValue ?? "0", averageUtilization: r.currentAverageUtilization ?? undefined }),
        container: f === "containerResource" ? r.container ?? "" : undefined,
      });
    }
  }
  if (m.external) {
    const e = m.external;
    out.external = {
      current: compact({ value: e.currentValue ?? "0", averageValue: e.currentAverageValue ?? undefined }),
      metric: metricId(e.metricName, e.metricSelector),
    };
  }
  return out;
}

function conditionToV1(c: J): J {
  return compact({ type: c.type ?? "", status: c.status ?? "", lastTransitionTime: c.lastTransitionTime ?? null, reason: c.reason || undefined, message: c.message || undefined });
}

/** The internal HorizontalPodAutoscalerBehavior marshalled without json tags. */
function behaviorToInternalJson(b: J): string {
  const rules = (r: J | undefined | null) =>
    r == null
      ? null
      : {
          StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
          SelectPolicy: r.selectPolicy ?? null,
          Policies: r.policies == null ? null : r.policies.map((p: J) => ({ Type: p.type ?? "", Value: p.value ?? 0, PeriodSeconds: p.periodSeconds ?? 0 })),
        };
  return JSON.stringify({ ScaleUp: rules(b.scaleUp), ScaleDown: rules(b.scaleDown) });
}

/** encoding/json's case-insensitive field lookup. */
function field(o: J, name: string): unknown {
  if (o == null || typeof o !== "object") return undefined;
  if (name in o) return o[name];
  const k = Object.keys(o).find((x) => x.toLowerCase() === name.toLowerCase());
  return k === undefined ? undefined : o[k];
}

function behaviorFromInternalJson(s: string): J | undefined {
  let raw: J;
  try {
    raw = JSON.parse(s);
  } catch {
    return undefined;
  }
  if (raw == null || typeof raw !== "object") return undefined;
  const rules = (r: unknown): J | undefined => {
    if (r == null || typeof r !== "object") return undefined;
    const o = r as J;
    const policies = field(o, "Policies") as J[] | undefined;
    return compact({
      policies: Array.isArray(policies)
        ? policies.map((p) => compact({ type: field(p, "Type") as string, value: field(p, "Value") as number, periodSeconds: field(p, "PeriodSeconds") as number }))
        : undefined,
      selectPolicy: (field(o, "SelectPolicy") as string | null) ?? undefined,
      stabilizationWindowSeconds: (field(o, "StabilizationWindowSeconds") as number | null) ?? undefined,
    });
  };
  const up = rules(field(raw, "ScaleUp"));
  const down = rules(field(raw, "ScaleDown"));
  if (up === undefined && down === undefined) return undefined;
  return compact({ scaleDown: down, scaleUp: up });
}

/** autoscaling/v2 (storage) -> autoscaling/v1. */
export function hpaV2ToV1(obj: KubeObject): KubeObject {
  const hpa = obj as HorizontalPodAutoscaler;
  const spec = hpa.spec ?? {};
  const status = hpa.status;
  const metadata = clone(hpa.metadata);
  const metrics: J[] = spec.metrics ?? [];

  const outSpec: J = { scaleTargetRef: refV1(spec.scaleTargetRef) };
  if (spec.minReplicas != null) outSpec.minReplicas = spec.minReplicas;
  outSpec.maxReplicas = spec.maxReplicas ?? 0;
  for (const m of metrics) {
    if (m.type === "Resource" && m.resource != null && m.resource.name === "cpu") {
      if (m.resource.target?.averageUtilization != null) outSpec.targetCPUUtilizationPercentage = m.resource.target.averageUtilization;
      break;
    }
  }

  const other = metrics.filter((m) => !(m.type === "Resource" && m.resource != null && m.resource.name === "cpu" && m.resource.target?.averageUtilization != null));
  const current: J[] = status?.currentMetrics ?? [];
  const conditions: J[] = status?.conditions ?? [];
  const ann: Record<string, string> = { ...(metadata.annotations ?? {}) };
  if (other.length) ann[METRIC_SPECS_ANNOTATION] = JSON.stringify(other.map(metricSpecToV1));
  if (current.length) ann[METRIC_STATUSES_ANNOTATION] = JSON.stringify(current.map(metricStatusToV1));
  if (conditions.length) ann[CONDITIONS_ANNOTATION] = JSON.stringify(conditions.map(conditionToV1));
  if (spec.behavior != null) ann[BEHAVIOR_ANNOTATION] = behaviorToInternalJson(spec.behavior);
  if (Object.keys(ann).length) metadata.annotations = ann;

  const out: KubeObject = { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata, spec: outSpec };
  if (status !== undefined) {
    const s: J = {};
    if (status.observedGeneration != null) s.observedGeneration = status.observedGeneration;
    if (status.lastScaleTime != null) s.lastScaleTime = status.lastScaleTime;
    s.currentReplicas = status.currentReplicas ?? 0;
    s.desiredReplicas = status.desiredReplicas ?? 0;
    for (const m of current) {
      if (m.type === "Resource" && m.resource != null && m.resource.name === "cpu" && m.resource.current?.averageUtilization != null) {
        s.currentCPUUtilizationPercentage = m.resource.current.averageUtilization;
      }
    }
    out.status = s;
  }
  return out;
}

/** autoscaling/v1 -> autoscaling/v2 (storage), with the v2 defaults a read from storage applies. */
export function hpaV1ToV2(obj: KubeObject): KubeObject {
  const hpa = obj as HorizontalPodAutoscaler;
  const spec = hpa.spec ?? {};
  const status = hpa.status;
  const metadata = clone(hpa.metadata);
  const ann: Record<string, string> = { ...(metadata.annotations ?? {}) };

  const outSpec: J = { scaleTargetRef: refV1(spec.scaleTargetRef) };
  if (spec.minReplicas != null) outSpec.minReplicas = spec.minReplicas;
  outSpec.maxReplicas = spec.maxReplicas ?? 0;
  const cpu: J[] = spec.targetCPUUtilizationPercentage != null ? [cpuUtilizationMetric(spec.targetCPUUtilizationPercentage)] : [];
  let metrics: J[] = cpu;
  if (METRIC_SPECS_ANNOTATION in ann) {
    try {
      const parsed = JSON.parse(ann[METRIC_SPECS_ANNOTATION]);
      if (Array.isArray(parsed)) metrics = [...parsed.map(metricSpecFromV1), ...cpu];
    } catch {
      // The real server fails the conversion; keep what the fields say.
    }
  }
  // autoscaling/v1 had an implicit CPU default; the conversion makes it explicit.
  if (metrics.length === 0) metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
  outSpec.metrics = metrics;
  if (BEHAVIOR_ANNOTATION in ann) {
    const b = behaviorFromInternalJson(ann[BEHAVIOR_ANNOTATION]);
    if (b) outSpec.behavior = b;
  }

  let outStatus: J | undefined;
  if (status !== undefined) {
    outStatus = {};
    if (status.observedGeneration != null) outStatus.observedGeneration = status.observedGeneration;
    if (status.lastScaleTime != null) outStatus.lastScaleTime = status.lastScaleTime;
    if (status.currentReplicas) outStatus.currentReplicas = status.currentReplicas;
    outStatus.desiredReplicas = status.desiredReplicas ?? 0;
    let currentMetrics: J[] | null = null;
    if (status.currentCPUUtilizationPercentage != null) {
      currentMetrics = [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: status.currentCPUUtilizationPercentage } } }];
    }
    if (METRIC_STATUSES_ANNOTATION in ann) {
      try {
        const parsed = JSON.parse(ann[METRIC_STATUSES_ANNOTATION]);
        if (Array.isArray(parsed)) currentMetrics = parsed.map(metricStatusFromV1);
      } catch {
        // ignored
      }
    }
    outStatus.currentMetrics = currentMetrics;
    if (CONDITIONS_ANNOTATION in ann) {
      try {
        const parsed = JSON.parse(ann[CONDITIONS_ANNOTATION]);
        if (Array.isArray(parsed)) {
          outStatus.conditions = parsed.map((c: J) => compact({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? undefined, reason: c.reason || undefined, message: c.message || undefined }));
        }
      } catch {
        // ignored
      }
    }
  }

  for (const k of [METRIC_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, CONDITIONS_ANNOTATION, BEHAVIOR_ANNOTATION]) delete ann[k];
  if (Object.keys(ann).length) metadata.annotations = ann;
  else delete metadata.annotations;

  const out: HorizontalPodAutoscaler = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata, spec: outSpec };
  if (outStatus) out.status = outStatus;
  applyHpaV2Defaults(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Printer (printHorizontalPodAutoscaler / formatHPAMetrics, 1.32: "cpu: 12%/80%").

function q(v: unknown): string {
  return v === undefined || v === null ? "<nil>" : String(v);
}

export function formatHpaMetrics(specs: J[] | undefined, statuses: J[] | undefined): string {
  const list: string[] = [];
  if (!specs || specs.length === 0) return "<none>";
  const st = statuses ?? [];
  const maximum = 2;
  let count = 0;
  specs.forEach((spec, i) => {
    const s = st[i];
    switch (spec.type) {
      case "External": {
        const e = spec.external ?? {};
        if (e.target?.averageValue != null) {
          const current = s?.external != null && s.external.current?.averageValue != null ? q(s.external.current.averageValue) : "<unknown>";
          list.push(`${current}/${q(e.target.averageValue)} (avg)`);
        } else {
          const current = s?.external != null ? q(s.external.current?.value) : "<unknown>";
          list.push(`${current}/${q(e.target?.value)}`);
        }
        break;
      }
      case "Pods": {
        const current = s?.pods != null ? q(s.pods.current?.averageValue) : "<unknown>";
        list.push(`${current}/${q(spec.pods?.target?.averageValue)}`);
        break;
      }
      case "Object": {
        const o = spec.object ?? {};
        if (o.target?.averageValue != null) {
          const current = s?.object != null && s.object.current?.averageValue != null ? q(s.object.current.averageValue) : "<unknown>";
          list.push(`${current}/${q(o.target.averageValue)} (avg)`);
        } else {
          const current = s?.object != null ? q(s.object.current?.value) : "<unknown>";
          list.push(`${current}/${q(o.target?.value)}`);
        }
        break;
      }
      case "Resource":
      case "ContainerResource": {
        const key = spec.type === "Resource" ? "resource" : "containerResource";
        const r = spec[key] ?? {};
        const sr = s?.[key];
        if (r.target?.averageValue != null) {
          const current = sr != null ? q(sr.current?.averageValue) : "<unknown>";
          list.push(`${r.name ?? ""}: ${current}/${q(r.target.averageValue)}`);
        } else {
          const current = sr != null && sr.current?.averageUtilization != null ? `${sr.current.averageUtilization}%` : "<unknown>";
          const target = r.target?.averageUtilization != null ? `${r.target.averageUtilization}%` : "<auto>";
          list.push(`${r.name ?? ""}: ${current}/${target}`);
        }
        break;
      }
      default:
        list.push("<unknown type>");
    }
    count++;
  });
  if (count > maximum) return `${list.slice(0, maximum).join(", ")} + ${count - maximum} more...`;
  return list.join(", ");
}

const HPA_COLUMNS = [
  nameColumn(),
  col("Reference", "string", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."),
  col("Targets", "string", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization."),
  col("MinPods", "string", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."),
  col("MaxPods", "string", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."),
  col("Replicas", "string", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."),
  ageColumn(),
];

function printHpaV2(hpa: HorizontalPodAutoscaler, nowMs: number): Cell[] {
  const spec = hpa.spec ?? {};
  const ref = spec.scaleTargetRef ?? {};
  return [
    hpa.metadata.name!,
    `${ref.kind ?? ""}/${ref.name ?? ""}`,
    formatHpaMetrics(spec.metrics, hpa.status?.currentMetrics),
    spec.minReplicas != null ? String(spec.minReplicas) : "<unset>",
    spec.maxReplicas ?? 0,
    hpa.status?.currentReplicas ?? 0,
    age(hpa, nowMs),
  ];
}

const HPA_V2_DESC =
  "HorizontalPodAutoscaler is the configuration for a horizontal pod autoscaler, which automatically manages the replica count of any resource implementing the scale subresource based on the metrics specified.";

const common = {
  group: "autoscaling",
  kind: "HorizontalPodAutoscaler",
  plural: "horizontalpodautoscalers",
  singular: "horizontalpodautoscaler",
  shortNames: ["hpa"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  columns: HPA_COLUMNS,
} as const;

/** autoscaling/v2: the preferred and storage version. */
export const horizontalPodAutoscalerV2: KindDef<HorizontalPodAutoscaler> = {
  ...common,
  shortNames: ["hpa"],
  categories: ["all"],
  columns: [...HPA_COLUMNS],
  version: "v2",
  schema: kindSchema(
    "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    HPA_V2_DESC,
    {
      spec: HorizontalPodAutoscalerSpec.describe("spec is the specification for the behaviour of the autoscaler. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status."),
      status: HorizontalPodAutoscalerStatus.describe("status is the current information about the autoscaler."),
    },
    ObjectMeta.describe("metadata is the standard object metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  conversion: { storageVersion: "v2", toStorage: (o) => o, fromStorage: (o) => o },
  applyDefaults(hpa) {
    applyHpaV2Defaults(hpa);
  },
  prepareForCreate(hpa) {
    // desiredReplicas and currentMetrics have no omitempty in autoscaling/v2.
    hpa.status = { currentMetrics: null, desiredReplicas: 0 };
  },
  validate(hpa, ctx) {
    if (ctx.subresource === "status") return validateHpaStatus(hpa.status);
    return validateHpaV2(hpa, ctx.old as HorizontalPodAutoscaler | undefined);
  },
  printRow: (hpa, ctx) => printHpaV2(hpa, ctx.nowMs),
};

/** autoscaling/v1: served by converting to and from the v2 storage form. */
export const horizontalPodAutoscalerV1: KindDef<HorizontalPodAutoscaler> = {
  ...common,
  shortNames: ["hpa"],
  categories: ["all"],
  columns: [...HPA_COLUMNS],
  version: "v1",
  schema: kindSchema(
    "io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler",
    "configuration of a horizontal pod autoscaler.",
    {
      spec: HorizontalPodAutoscalerSpecV1.describe("spec defines the behaviour of autoscaler. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status."),
      status: HorizontalPodAutoscalerStatusV1.describe("status is the current information about the autoscaler."),
    },
    ObjectMeta.describe("Standard object metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  conversion: { storageVersion: "v2", toStorage: hpaV1ToV2, fromStorage: hpaV2ToV1 },
  applyDefaults(hpa) {
    // SetDefaults_HorizontalPodAutoscaler (v1); the CPU default is applied by the conversion.
    const spec = (hpa.spec ??= {});
    spec.minReplicas ??= 1;
  },
  prepareForCreate(hpa) {
    hpa.status = { currentReplicas: 0, desiredReplicas: 0 };
  },
  validate(hpa, ctx) {
    // The real server validates the internal (v2-shaped) object, so paths are v2's.
    if (ctx.subresource === "status") return validateHpaStatus(hpa.status);
    const old = ctx.old ? (hpaV1ToV2(ctx.old) as HorizontalPodAutoscaler) : undefined;
    return validateHpaV2(hpaV1ToV2(hpa) as HorizontalPodAutoscaler, old);
  },
  printRow: (hpa, ctx) => printHpaV2(hpaV1ToV2(hpa) as HorizontalPodAutoscaler, ctx.nowMs),
};
