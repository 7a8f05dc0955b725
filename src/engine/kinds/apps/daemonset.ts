// DaemonSet (apps/v1). Sources: pkg/apis/apps/v1/defaults.go (SetDefaults_DaemonSet),
// pkg/apis/apps/v1/conversion.go (spec.templateGeneration travels in the
// deprecated.daemonset.template.generation annotation), pkg/apis/apps/validation/validation.go
// (ValidateDaemonSet*), pkg/registry/apps/daemonset/strategy.go, printers.go (printDaemonSet).
import type { Cell, KindDef } from "../types";
import { int, int64, intOrString, kindSchema, list, obj, str, strEnum, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { dropDisabledTemplateFields, PodTemplateSpec } from "../common/pod";
import { forbidden, GoValue, goQuote, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { formatLabels } from "../../machinery/labels";
import {
  CONTAINERS_DESC,
  containerCells,
  defaultPodTemplate,
  formatSelectorCell,
  goIntOrString,
  goLabelSelector,
  goPointer,
  IMAGES_DESC,
  intOrPercentValue,
  isNotMoreThan100Percent,
  semanticEqual,
  validateCollisionCountNotDecremented,
  validateImmutable,
  validateLabelSelector,
  validateNonnegative,
  validatePositiveIntOrPercent,
  validateRestartPolicyAlways,
  validateSelectorMatchesTemplate,
  validateTemplate,
  type WorkloadObject,
} from "./deployment";

export const RollingUpdateDaemonSet = obj(
  {
    maxSurge: intOrString("The maximum number of nodes with an existing available DaemonSet pod that can have an updated DaemonSet pod during during an update. Value can be an absolute number (ex: 5) or a percentage of desired pods (ex: 10%). This can not be 0 if MaxUnavailable is 0. Absolute number is calculated from percentage by rounding up to a minimum of 1. Default value is 0. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their a new pod created before the old pod is marked as deleted. The update starts by launching new pods on 30% of nodes. Once an updated pod is available (Ready for at least minReadySeconds) the old DaemonSet pod on that node is marked deleted. If the old pod becomes unavailable for any reason (Ready transitions to false, is evicted, or is drained) an updated pod is immediatedly created on that node without considering surge limits. Allowing surge implies the possibility that the resources consumed by the daemonset on any given node can double if the readiness check fails, and so resource intensive daemonsets should take into account that they may cause evictions during disruption."),
    maxUnavailable: intOrString("The maximum number of DaemonSet pods that can be unavailable during the update. Value can be an absolute number (ex: 5) or a percentage of total number of DaemonSet pods at the start of the update (ex: 10%). Absolute number is calculated from percentage by rounding up. This cannot be 0 if MaxSurge is 0 Default value is 1. Example: when this is set to 30%, at most 30% of the total number of nodes that should be running the daemon pod (i.e. status.desiredNumberScheduled) can have their pods stopped for an update at any given time. The update starts by stopping at most 30% of those DaemonSet pods and then brings up new DaemonSet pods in their place. Once the new pods are available, it then proceeds onto other DaemonSet pods, thus ensuring that at least 70% of original number of DaemonSet pods are available at all times during the update."),
  },
  { id: "io.k8s.api.apps.v1.RollingUpdateDaemonSet", desc: "Spec to control the desired behavior of daemon set rolling update." },
);

export const DaemonSetUpdateStrategy = obj(
  {
    rollingUpdate: RollingUpdateDaemonSet.describe("Rolling update config params. Present only if type = \"RollingUpdate\"."),
    type: strEnum(["OnDelete", "RollingUpdate"], "Type of daemon set update. Can be \"RollingUpdate\" or \"OnDelete\". Default is RollingUpdate.\n\nPossible enum values:\n - `\"OnDelete\"` Replace the old daemons only when it's killed\n - `\"RollingUpdate\"` Replace the old daemons by new ones using rolling update i.e replace them on each node one after the other."),
  },
  { id: "io.k8s.api.apps.v1.DaemonSetUpdateStrategy", desc: "DaemonSetUpdateStrategy is a struct used to control the update strategy for a DaemonSet." },
);

export const DaemonSetSpec = obj(
  {
    minReadySeconds: int("The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready)."),
    revisionHistoryLimit: int("The number of old history to retain to allow rollback. This is a pointer to distinguish between explicit zero and not specified. Defaults to 10."),
    selector: LabelSelector.describe("A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
    template: PodTemplateSpec.describe("An object that describes the pod that will be created. The DaemonSet will create exactly one copy of this pod on every node that matches the template's node selector (or on every node if no node selector is specified). The only allowed template.spec.restartPolicy value is \"Always\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#pod-template"),
    updateStrategy: DaemonSetUpdateStrategy.describe("An update strategy to replace existing DaemonSet pods with new pods."),
  },
  { id: "io.k8s.api.apps.v1.DaemonSetSpec", desc: "DaemonSetSpec is the specification of a daemon set.", required: ["selector", "template"] },
);

export const DaemonSetCondition = obj(
  {
    lastTransitionTime: time("Last time the condition transitioned from one status to another."),
    message: str("A human readable message indicating details about the transition."),
    reason: str("The reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of DaemonSet condition."),
  },
  { id: "io.k8s.api.apps.v1.DaemonSetCondition", desc: "DaemonSetCondition describes the state of a DaemonSet at a certain point.", required: ["type", "status"] },
);

export const DaemonSetStatus = obj(
  {
    collisionCount: int("Count of hash collisions for the DaemonSet. The DaemonSet controller uses this field as a collision avoidance mechanism when it needs to create the name for the newest ControllerRevision."),
    conditions: list(DaemonSetCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a DaemonSet's current state." }),
    currentNumberScheduled: int("The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    desiredNumberScheduled: int("The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    numberAvailable: int("The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
    numberMisscheduled: int("The number of nodes that are running the daemon pod, but are not supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    numberReady: int("numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."),
    numberUnavailable: int("The number of nodes that should be running the daemon pod and have none of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
    observedGeneration: int64("The most recent generation observed by the daemon set controller."),
    updatedNumberScheduled: int("The total number of nodes that are running updated daemon pod"),
  },
  { id: "io.k8s.api.apps.v1.DaemonSetStatus", desc: "DaemonSetStatus represents the current status of a daemon set.", required: ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"] },
);


export interface DaemonSet extends WorkloadObject {}

/** appsv1.DeprecatedTemplateGeneration: the internal spec.templateGeneration, as the v1 API shows it. */
export const TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";

function templateGenerationOf(ds: DaemonSet): number {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined || !/^[+-]?[0-9]+$/.test(v)) return 0;
  return Number(v);
}

function setTemplateGeneration(ds: DaemonSet, n: number): void {
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(n) };
}

function validateDaemonSetUpdateStrategy(us: Record<string, any> | undefined): FieldError[] {
  const s = us ?? {};
  const p = "spec.updateStrategy";
  switch (s.type) {
    case "OnDelete":
      return [];
    case "RollingUpdate": {
      const ru = s.rollingUpdate;
      if (ru == null) return [required(`${p}.rollingUpdate`, "")];
      const rp = `${p}.rollingUpdate`;
      const errs: FieldError[] = [];
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${rp}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${rp}.maxSurge`));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${rp}.maxUnavailable`));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, `${rp}.maxSurge`));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(`${rp}.maxSurge`, goIntOrString(ru.maxSurge), "may not be set when maxUnavailable is non-zero"));
      else if (!hasUnavailable && !hasSurge) errs.push(required(`${rp}.maxUnavailable`, "cannot be 0 when maxSurge is 0"));
      return errs;
    }
    default: {
      const printed = new GoValue(
        `apps.DaemonSetUpdateStrategy{Type:${goQuote(s.type ?? "")}, RollingUpdate:${goPointer("apps.RollingUpdateDaemonSet", s.rollingUpdate != null)}}`,
      );
      return [notSupported(p, printed, ["RollingUpdate", "OnDelete"])];
    }
  }
}

function validateDaemonSetSpec(spec: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  errs.push(...validateSelectorMatchesTemplate(spec.selector, spec.template, "spec.template"));
  const sel = spec.selector;
  if (sel != null && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    errs.push(invalid("spec.selector", goLabelSelector(sel), "empty selector is invalid for daemonset"));
  }
  errs.push(...validateTemplate(spec.template, "spec.template"));
  errs.push(...validateRestartPolicyAlways(spec.template, "spec.template"));
  if (spec.template?.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden("spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in DaemonSet is not Supported"));
  }
  errs.push(...validateNonnegative(spec.minReadySeconds ?? 0, "spec.minReadySeconds"));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy));
  if (spec.revisionHistoryLimit != null) errs.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  return errs;
}

function validateDaemonSetStatus(status: Record<string, any>, old: Record<string, any> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of [
    "currentNumberScheduled",
    "numberMisscheduled",
    "desiredNumberScheduled",
    "numberReady",
    "observedGeneration",
    "updatedNumberScheduled",
    "numberAvailable",
    "numberUnavailable",
  ]) {
    errs.push(...validateNonnegative(status[f] ?? 0, `status.${f}`));
  }
  if (status.collisionCount != null) errs.push(...validateNonnegative(status.collisionCount, "status.collisionCount"));
  errs.push(...validateCollisionCountNotDecremented(status, old));
  return errs;
}

export const daemonSet: KindDef<DaemonSet> = {
  group: "apps",
  version: "v1",
  kind: "DaemonSet",
  plural: "daemonsets",
  singular: "daemonset",
  shortNames: ["ds"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.apps.v1.DaemonSet",
    "DaemonSet represents the configuration of a daemon set.",
    {
      spec: DaemonSetSpec.describe("The desired behavior of this daemon set. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: DaemonSetStatus.describe("The current status of this daemon set. This data may be out of date by some window of time. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(ds, ctx) {
    const spec = (ds.spec ??= {});
    const us = (spec.updateStrategy ??= {});
    if (!us.type) us.type = "RollingUpdate";
    if (us.type === "RollingUpdate") {
      const ru = (us.rollingUpdate ??= {});
      ru.maxUnavailable ??= 1;
      ru.maxSurge ??= 0;
    }
    spec.revisionHistoryLimit ??= 10;
    defaultPodTemplate((spec.template ??= {}), ctx);
  },
  prepareForCreate(ds) {
    dropDisabledTemplateFields(ds.spec?.template);
    // These four status counters have no omitempty.
    ds.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    setTemplateGeneration(ds, Math.max(1, templateGenerationOf(ds)));
  },
  prepareForUpdate(ds, old) {
    dropDisabledTemplateFields(ds.spec?.template, old.spec?.template);
    // Clients cannot set the template generation; it counts template changes.
    let tg = templateGenerationOf(old);
    if (!semanticEqual(ds.spec?.template, old.spec?.template)) tg++;
    setTemplateGeneration(ds, tg);
  },
  validate(ds, ctx) {
    const old = ctx.old as DaemonSet | undefined;
    if (ctx.subresource === "status") return validateDaemonSetStatus(ds.status ?? {}, old?.status);
    const spec = ds.spec ?? {};
    const errs = validateDaemonSetSpec(spec);
    if (old) errs.push(...validateImmutable(spec.selector, old.spec?.selector, "spec.selector", goLabelSelector(spec.selector)));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Desired", "integer", "The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    col("Current", "integer", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/"),
    col("Ready", "integer", "numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition."),
    col("Up-to-date", "integer", "The total number of nodes that are running updated daemon pod"),
    col("Available", "integer", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)"),
    col("Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
    col("Selector", "string", "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
  ],
  printRow(ds, ctx): Cell[] {
    const spec = ds.spec ?? {};
    const st = ds.status ?? {};
    const [names, images] = containerCells(spec.template?.spec);
    return [
      ds.metadata.name!,
      st.desiredNumberScheduled ?? 0,
      st.currentNumberScheduled ?? 0,
      st.numberReady ?? 0,
      st.updatedNumberScheduled ?? 0,
      st.numberAvailable ?? 0,
      formatLabels(spec.template?.spec?.nodeSelector),
      age(ds, ctx.nowMs),
      names,
      images,
      formatSelectorCell(spec.selector),
    ];
  },
};
