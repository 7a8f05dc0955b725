// Deployment (apps/v1), plus the helpers the workload kinds share: selector and IntOrString
// validation with the API server's exact wording, Go-formatted values for error messages, the
// CONTAINERS/IMAGES cells of the printers, and the serialization quirks of pod templates.
// Sources: pkg/apis/apps/v1/defaults.go, pkg/apis/apps/validation/validation.go,
// pkg/registry/apps/deployment/strategy.go, pkg/printers/internalversion/printers.go (1.32).
import type { Cell, DefaultContext, KindDef, KubeObject } from "../types";
import { bool, int, int64, intOrString, kindSchema, list, obj, str, strEnum, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import {
  applyPodTemplateSpecDefaults,
  PodTemplateSpec,
  dropDisabledTemplateFields,
  validateAnnotations,
  validateLabels,
  validateLabelSelector as podValidateLabelSelector,
  validatePodTemplateSpec,
} from "../common/pod";
import {
  forbidden,
  GoValue,
  goQuote,
  goStringMap,
  invalid,
  notSupported,
  required,
  type FieldError,
} from "../../machinery/field-errors";
import { isValidPercent } from "../../machinery/names";
import {
  isEmptySelector,
  matches,
  selectorFromLabelSelector,
  selectorToString,
  type LabelSelectorSpec,
} from "../../machinery/labels";

// =============================================================================================
// Shared workload helpers (used by ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, PDB).
// =============================================================================================

/** Plain JSON shape of a pod template as stored. */
export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: Record<string, any>;
}

/** What the workload kinds' specs look like as loose JSON. */
export interface WorkloadObject extends KubeObject {
  spec?: Record<string, any>;
  status?: Record<string, any>;
}

/** Go's %#v of []string (nil when absent). */
function goStringSlice(v: readonly string[] | undefined | null): string {
  if (v == null) return "[]string(nil)";
  return `[]string{${v.map((s) => goQuote(s)).join(", ")}}`;
}

/** `v1.LabelSelector{MatchLabels:..., MatchExpressions:...}` as field.Invalid prints a *metav1.LabelSelector. */
export function goLabelSelector(sel: LabelSelectorSpec | undefined | null): GoValue {
  if (sel == null) return new GoValue("null");
  const exprs = sel.matchExpressions;
  const exprText =
    exprs == null
      ? "[]v1.LabelSelectorRequirement(nil)"
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key ?? "")}, Operator:${goQuote(e.operator ?? "")}, Values:${goStringSlice(e.values)}}`)
          .join(", ")}}`;
  return new GoValue(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels ?? undefined).text}, MatchExpressions:${exprText}}`);
}

/** `intstr.IntOrString{Type:0, IntVal:5, StrVal:""}`: how field errors print an IntOrString value. */
export function goIntOrString(v: number | string | undefined | null): GoValue {
  if (typeof v === "string") return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`);
}

/** A stand-in for a Go pointer address in %#v output (real servers print heap addresses). */
export function goPointer(type: string, present: boolean, n = 0): string {
  return present ? `(*${type})(0xc000${(0x5a3e40 + n * 0x20).toString(16)})` : `(*${type})(nil)`;
}

/** apivalidation.ValidateNonnegativeField. */
export function validateNonnegative(value: number | undefined | null, path: string): FieldError[] {
  if (value != null && value < 0) return [invalid(path, value, "must be greater than or equal to 0")];
  return [];
}

/** ValidateLabels / ValidateAnnotations / ValidateLabelSelector (metav1), shared with the Pod family. */
export { validateAnnotations, validateLabels };
export function validateLabelSelector(sel: LabelSelectorSpec | undefined | null, path: string): FieldError[] {
  return podValidateLabelSelector(sel as never, path);
}

/** metav1.LabelSelectorAsSelector, undefined when it fails. */
export function selectorOrUndefined(sel: LabelSelectorSpec | undefined | null) {
  try {
    return selectorFromLabelSelector(sel);
  } catch {
    return undefined;
  }
}

/** `spec.selector`: Required / invalid / empty checks shared by Deployment, ReplicaSet and StatefulSet. */
export function validateWorkloadSelector(sel: LabelSelectorSpec | undefined | null, path: string, kindWord: string): FieldError[] {
  if (sel == null) return [required(path, "")];
  const errs = validateLabelSelector(sel, path);
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalid(path, goLabelSelector(sel), `empty selector is invalid for ${kindWord}`));
  }
  return errs;
}

/** The template labels must match a non-empty selector. */
export function validateSelectorMatchesTemplate(sel: LabelSelectorSpec | undefined | null, tmpl: PodTemplate | undefined, templatePath: string): FieldError[] {
  const s = selectorOrUndefined(sel);
  // labels.Nothing() (nil selector) is not "empty" and matches no labels: a missing selector also
  // reports the template labels, as the real server does.
  if (!s || isEmptySelector(s)) return [];
  const labels = tmpl?.metadata?.labels;
  if (matches(s, labels ?? {})) return [];
  return [invalid(`${templatePath}.metadata.labels`, goStringMap(labels), "`selector` does not match template `labels`")];
}

/** restartPolicy must be Always in controllers that keep pods running. */
export function validateRestartPolicyAlways(tmpl: PodTemplate | undefined, templatePath: string): FieldError[] {
  const rp = tmpl?.spec?.restartPolicy ?? "";
  if (rp !== "Always") return [notSupported(`${templatePath}.spec.restartPolicy`, rp, ["Always"])];
  return [];
}

/** validation.IsValidPercent + getPercentValue: the number in "25%", undefined if not a percent. */
function percentValue(v: number | string | undefined | null): number | undefined {
  if (typeof v !== "string" || isValidPercent(v).length) return undefined;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue: the int, or the percent's number (Go's IntValue() of a non-numeric string is 0). */
export function intOrPercentValue(v: number | string | undefined | null): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^[+-]?[0-9]+$/.test(v)) return Number(v);
  return 0;
}

/** ValidatePositiveIntOrPercent. */
export function validatePositiveIntOrPercent(v: number | string | undefined | null, path: string): FieldError[] {
  if (typeof v === "string") return isValidPercent(v).map((msg) => invalid(path, goIntOrString(v), msg));
  return validateNonnegative(v ?? 0, path);
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: number | string | undefined | null, path: string): FieldError[] {
  const p = percentValue(v);
  if (p === undefined || p <= 100) return [];
  return [invalid(path, goIntOrString(v), "must not be greater than 100%")];
}

/** Semantic deep equality: nil and empty slices/maps are the same, as apiequality.Semantic has it. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.length ? v.map(norm) : undefined;
    if (v && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const n = norm(x);
        if (n !== undefined && n !== null) out[k] = n;
      }
      return out;
    }
    return v === null ? undefined : v;
  };
  return JSON.stringify(sortKeys(norm(a))) === JSON.stringify(sortKeys(norm(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** apivalidation.ValidateImmutableField, with the value as the message should print it. */
export function validateImmutable(newVal: unknown, oldVal: unknown, path: string, printed: unknown): FieldError[] {
  if (semanticEqual(newVal, oldVal)) return [];
  return [invalid(path, printed, "field is immutable")];
}

/** layoutContainerCells: container names and images joined by ",". */
export function containerCells(spec: Record<string, any> | undefined): [string, string] {
  const cs: Array<{ name?: string; image?: string }> = spec?.containers ?? [];
  return [cs.map((c) => c.name ?? "").join(","), cs.map((c) => c.image ?? "").join(",")];
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` when it does not convert. */
export function formatSelectorCell(sel: LabelSelectorSpec | undefined | null): string {
  let s;
  try {
    s = selectorFromLabelSelector(sel);
  } catch {
    return "<error>";
  }
  const text = selectorToString(s);
  return text.length === 0 ? "<none>" : text;
}

/**
 * Pod template defaults, plus Go's serialization of an embedded ObjectMeta: a template always prints
 * `metadata: {creationTimestamp: null}` (metav1.Time's zero value marshals as null).
 */
export function defaultPodTemplate(tmpl: PodTemplate | undefined, ctx: DefaultContext): void {
  if (!tmpl) return;
  applyPodTemplateSpecDefaults(tmpl as never, ctx);
}

/** `creationTimestamp: null` in embedded ObjectMeta (templates, volumeClaimTemplates). */
export function embeddedMetaDefaults(holder: { metadata?: Record<string, unknown> }): void {
  holder.metadata ??= {};
  if (holder.metadata.creationTimestamp === undefined) holder.metadata.creationTimestamp = null;
}

/** ValidatePodTemplateSpec from the Pod family. */
export function validateTemplate(tmpl: PodTemplate | undefined, path: string): FieldError[] {
  return validatePodTemplateSpec((tmpl ?? {}) as never, path);
}

export const CONTAINERS_DESC = "Names of each container in the template.";
export const IMAGES_DESC = "Images referenced by each container in the template.";

// =============================================================================================
// Deployment
// =============================================================================================

export const RollingUpdateDeployment = obj(
  {
    maxSurge: intOrString("The maximum number of pods that can be scheduled above the desired number of pods. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up. Defaults to 25%. Example: when this is set to 30%, the new ReplicaSet can be scaled up immediately when the rolling update starts, such that the total number of old and new pods do not exceed 130% of desired pods. Once old pods have been killed, new ReplicaSet can be scaled up further, ensuring that total number of pods running at any time during the update is at most 130% of desired pods."),
    maxUnavailable: intOrString("The maximum number of pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). Absolute number is calculated from percentage by rounding down. This can not be 0 if MaxSurge is 0. Defaults to 25%. Example: when this is set to 30%, the old ReplicaSet can be scaled down to 70% of desired pods immediately when the rolling update starts. Once new pods are ready, old ReplicaSet can be scaled down further, followed by scaling up the new ReplicaSet, ensuring that the total number of pods available at all times during the update is at least 70% of desired pods."),
  },
  { id: "io.k8s.api.apps.v1.RollingUpdateDeployment", desc: "Spec to control the desired behavior of rolling update." },
);

export const DeploymentStrategy = obj(
  {
    rollingUpdate: RollingUpdateDeployment.describe("Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate."),
    type: strEnum(["Recreate", "RollingUpdate"], "Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"Recreate\"` Kill all existing pods before creating new ones.\n - `\"RollingUpdate\"` Replace the old ReplicaSets by new one using rolling update i.e gradually scale down the old ReplicaSets and scale up the new one."),
  },
  { id: "io.k8s.api.apps.v1.DeploymentStrategy", desc: "DeploymentStrategy describes how to replace existing pods with new ones." },
);

export const DeploymentSpec = obj(
  {
    minReadySeconds: int("Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)"),
    paused: bool("Indicates that the deployment is paused."),
    progressDeadlineSeconds: int("The maximum time in seconds for a deployment to make progress before it is considered to be failed. The deployment controller will continue to process failed deployments and a condition with a ProgressDeadlineExceeded reason will be surfaced in the deployment status. Note that progress will not be estimated during the time a deployment is paused. Defaults to 600s."),
    replicas: int("Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1."),
    revisionHistoryLimit: int("The number of old ReplicaSets to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10."),
    selector: LabelSelector.describe("Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels."),
    strategy: DeploymentStrategy.describe("The deployment strategy to use to replace existing pods with new ones.").meta({ "x-kubernetes-patch-strategy": "retainKeys" }),
    template: PodTemplateSpec.describe("Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is \"Always\"."),
  },
  { id: "io.k8s.api.apps.v1.DeploymentSpec", desc: "DeploymentSpec is the specification of the desired behavior of the Deployment.", required: ["selector", "template"] },
);

export const DeploymentCondition = obj(
  {
    lastTransitionTime: time("Last time the condition transitioned from one status to another."),
    lastUpdateTime: time("The last time this condition was updated."),
    message: str("A human readable message indicating details about the transition."),
    reason: str("The reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of deployment condition."),
  },
  { id: "io.k8s.api.apps.v1.DeploymentCondition", desc: "DeploymentCondition describes the state of a deployment at a certain point.", required: ["type", "status"] },
);

export const DeploymentStatus = obj(
  {
    availableReplicas: int("Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
    collisionCount: int("Count of hash collisions for the Deployment. The Deployment controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ReplicaSet."),
    conditions: list(DeploymentCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a deployment's current state." }),
    observedGeneration: int64("The generation observed by the deployment controller."),
    readyReplicas: int("readyReplicas is the number of pods targeted by this Deployment with a Ready Condition."),
    replicas: int("Total number of non-terminated pods targeted by this deployment (their labels match the selector)."),
    unavailableReplicas: int("Total number of unavailable pods targeted by this deployment. This is the total number of pods that are still required for the deployment to have 100% available capacity. They may either be pods that are running but not yet available or pods that still have not been created."),
    updatedReplicas: int("Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
  },
  { id: "io.k8s.api.apps.v1.DeploymentStatus", desc: "DeploymentStatus is the most recently observed status of the Deployment." },
);


export interface Deployment extends WorkloadObject {}

const DEPLOYMENT_STRATEGIES = ["Recreate", "RollingUpdate"] as const;

function validateDeploymentStrategy(strategy: Record<string, any> | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  const errs: FieldError[] = [];
  switch (s.type) {
    case "Recreate":
      if (s.rollingUpdate != null) errs.push(forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
      break;
    case "RollingUpdate": {
      const ru = s.rollingUpdate;
      if (ru == null) {
        errs.push(required(`${path}.rollingUpdate`, "this should be defaulted and never be nil"));
        break;
      }
      const p = `${path}.rollingUpdate`;
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(`${p}.maxUnavailable`, goIntOrString(ru.maxUnavailable), "may not be 0 when `maxSurge` is 0"));
      }
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      break;
    }
    default: {
      const printed = new GoValue(
        `apps.DeploymentStrategy{Type:${goQuote(s.type ?? "")}, RollingUpdate:${goPointer("apps.RollingUpdateDeployment", s.rollingUpdate != null)}}`,
      );
      errs.push(notSupported(path, printed, DEPLOYMENT_STRATEGIES));
    }
  }
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet: template labels against the selector, the pod template itself,
 * restartPolicy Always and no activeDeadlineSeconds.
 */
export function validateReplicaSetTemplate(selector: LabelSelectorSpec | undefined | null, tmpl: PodTemplate | undefined, path: string): FieldError[] {
  const errs = validateSelectorMatchesTemplate(selector, tmpl, path);
  errs.push(...validateTemplate(tmpl, path));
  errs.push(...validateRestartPolicyAlways(tmpl, path));
  if (tmpl?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden(`${path}.spec.activeDeadlineSeconds`, "activeDeadlineSeconds in ReplicaSet is not Supported"));
  }
  return errs;
}

function validateDeploymentSpec(spec: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateNonnegative(spec.replicas ?? 0, "spec.replicas"));
  errs.push(...validateWorkloadSelector(spec.selector, "spec.selector", "deployment"));
  if (selectorOrUndefined(spec.selector) === undefined) {
    errs.push(invalid("spec.selector", goLabelSelector(spec.selector), "invalid label selector"));
  } else {
    errs.push(...validateReplicaSetTemplate(spec.selector, spec.template, "spec.template"));
  }
  errs.push(...validateDeploymentStrategy(spec.strategy, "spec.strategy"));
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (spec.progressDeadlineSeconds != null) {
    errs.push(...validateNonnegative(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
    }
  }
  return errs;
}

/** ValidateDeploymentStatus plus the collisionCount check of a status update. */
function validateDeploymentStatus(status: Record<string, any>, old: Record<string, any> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const p = "status";
  for (const f of ["observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas"]) {
    errs.push(...validateNonnegative(status[f] ?? 0, `${p}.${f}`));
  }
  if (status.collisionCount != null) errs.push(...validateNonnegative(status.collisionCount, `${p}.collisionCount`));
  const n = (f: string) => (status[f] as number | undefined) ?? 0;
  const msg = "cannot be greater than status.replicas";
  if (n("updatedReplicas") > n("replicas")) errs.push(invalid(`${p}.updatedReplicas`, n("updatedReplicas"), msg));
  if (n("readyReplicas") > n("replicas")) errs.push(invalid(`${p}.readyReplicas`, n("readyReplicas"), msg));
  if (n("availableReplicas") > n("replicas")) errs.push(invalid(`${p}.availableReplicas`, n("availableReplicas"), msg));
  if (n("availableReplicas") > n("readyReplicas")) errs.push(invalid(`${p}.availableReplicas`, n("availableReplicas"), "cannot be greater than readyReplicas"));
  errs.push(...validateCollisionCountNotDecremented(status, old));
  return errs;
}

/** apivalidation.IsDecremented on status.collisionCount. */
export function validateCollisionCountNotDecremented(status: Record<string, any> | undefined, old: Record<string, any> | undefined): FieldError[] {
  const nv = status?.collisionCount as number | undefined;
  const ov = old?.collisionCount as number | undefined;
  if (ov == null) return [];
  if (nv == null || nv < ov) return [invalid("status.collisionCount", nv ?? 0, "cannot be decremented")];
  return [];
}

export const deployment: KindDef<Deployment> = {
  group: "apps",
  version: "v1",
  kind: "Deployment",
  plural: "deployments",
  singular: "deployment",
  shortNames: ["deploy"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  scaleSubresource: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" },
  schema: kindSchema(
    "io.k8s.api.apps.v1.Deployment",
    "Deployment enables declarative updates for Pods and ReplicaSets.",
    {
      spec: DeploymentSpec.describe("Specification of the desired behavior of the Deployment."),
      status: DeploymentStatus.describe("Most recently observed status of the Deployment."),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(d, ctx) {
    const spec = (d.spec ??= {});
    spec.replicas ??= 1;
    const strategy = (spec.strategy ??= {});
    if (!strategy.type) strategy.type = "RollingUpdate";
    if (strategy.type === "RollingUpdate") {
      const ru = (strategy.rollingUpdate ??= {});
      ru.maxUnavailable ??= "25%";
      ru.maxSurge ??= "25%";
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultPodTemplate((spec.template ??= {}), ctx);
  },
  prepareForCreate(d) {
    d.status = {};
    dropDisabledTemplateFields(d.spec?.template);
  },
  prepareForUpdate(d, old) {
    dropDisabledTemplateFields(d.spec?.template, old.spec?.template);
    // Annotation changes bump the generation too: the controller copies them to the ReplicaSets.
    if (!semanticEqual(d.metadata.annotations, old.metadata.annotations) && old.metadata.generation !== undefined) {
      d.metadata.generation = old.metadata.generation + 1;
    }
  },
  prepareForStatusUpdate(d, _old, _ctx, input) {
    // deploymentStatusStrategy.PrepareForUpdate resets only spec and labels: the annotations sent
    // along stay, which is how the controller records deployment.kubernetes.io/revision.
    const annotations = input?.metadata?.annotations;
    if (annotations && Object.keys(annotations).length) d.metadata.annotations = { ...annotations };
    else delete d.metadata.annotations;
  },
  validate(d, ctx) {
    const old = ctx.old as Deployment | undefined;
    if (ctx.subresource === "status") return validateDeploymentStatus(d.status ?? {}, old?.status);
    const spec = d.spec ?? {};
    const errs = validateDeploymentSpec(spec);
    if (old) errs.push(...validateImmutable(spec.selector, old.spec?.selector, "spec.selector", goLabelSelector(spec.selector)));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Ready", "string", "Number of the pod with ready state"),
    col("Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
    col("Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
    col("Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.", 1),
  ],
  printRow(d, ctx): Cell[] {
    const spec = d.spec ?? {};
    const status = d.status ?? {};
    const sel = selectorOrUndefined(spec.selector);
    const selector = sel === undefined ? "<invalid>" : selectorToString(sel);
    const [names, images] = containerCells(spec.template?.spec);
    return [
      d.metadata.name!,
      `${status.readyReplicas ?? 0}/${spec.replicas ?? 0}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      age(d, ctx.nowMs),
      names,
      images,
      selector,
    ];
  },
};
