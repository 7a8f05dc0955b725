// PodDisruptionBudget (policy/v1). Sources: pkg/apis/policy/validation/validation.go
// (ValidatePodDisruptionBudgetSpec: minAvailable xor maxUnavailable), pkg/registry/policy/poddisruptionbudget/strategy.go,
// printers.go (printPodDisruptionBudget).
import { z } from "zod";
import type { Cell, KindDef, KubeObject } from "../types";
import { int, int64, intOrString, kindSchema, list, obj, strEnum } from "../schema";
import { Condition, LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { GoValue, invalid, notSupported, type FieldError } from "../../machinery/field-errors";
import { goPointer, isNotMoreThan100Percent, validateLabelSelector, validateNonnegative, validatePositiveIntOrPercent } from "../apps/deployment";

export const PodDisruptionBudgetSpec = obj(
  {
    maxUnavailable: intOrString("An eviction is allowed if at most \"maxUnavailable\" pods selected by \"selector\" are unavailable after the eviction, i.e. even in absence of the evicted pod. For example, one can prevent all voluntary evictions by specifying 0. This is a mutually exclusive setting with \"minAvailable\"."),
    minAvailable: intOrString("An eviction is allowed if at least \"minAvailable\" pods selected by \"selector\" will still be available after the eviction, i.e. even in the absence of the evicted pod.  So for example you can prevent all voluntary evictions by specifying \"100%\"."),
    selector: LabelSelector.describe("Label query over pods whose evictions are managed by the disruption budget. A null selector will match no pods, while an empty ({}) selector will select all pods within the namespace.").meta({ "x-kubernetes-patch-strategy": "replace" }),
    unhealthyPodEvictionPolicy: strEnum(["AlwaysAllow", "IfHealthyBudget"], "UnhealthyPodEvictionPolicy defines the criteria for when unhealthy pods should be considered for eviction. Current implementation considers healthy pods, as pods that have status.conditions item with type=\"Ready\",status=\"True\".\n\nValid policies are IfHealthyBudget and AlwaysAllow. If no policy is specified, the default behavior will be used, which corresponds to the IfHealthyBudget policy.\n\nIfHealthyBudget policy means that running pods (status.phase=\"Running\"), but not yet healthy can be evicted only if the guarded application is not disrupted (status.currentHealthy is at least equal to status.desiredHealthy). Healthy pods will be subject to the PDB for eviction.\n\nAlwaysAllow policy means that all running pods (status.phase=\"Running\"), but not yet healthy are considered disrupted and can be evicted regardless of whether the criteria in a PDB is met. This means perspective running pods of a disrupted application might not get a chance to become healthy. Healthy pods will be subject to the PDB for eviction.\n\nAdditional policies may be added in the future. Clients making eviction decisions should disallow eviction of unhealthy pods if they encounter an unrecognized policy in this field.\n\nThis field is beta-level. The eviction API uses this field when the feature gate PDBUnhealthyPodEvictionPolicy is enabled (enabled by default).\n\nPossible enum values:\n - `\"AlwaysAllow\"` policy means that all running pods (status.phase=\"Running\"), but not yet healthy are considered disrupted and can be evicted regardless of whether the criteria in a PDB is met. This means perspective running pods of a disrupted application might not get a chance to become healthy. Healthy pods will be subject to the PDB for eviction.\n - `\"IfHealthyBudget\"` policy means that running pods (status.phase=\"Running\"), but not yet healthy can be evicted only if the guarded application is not disrupted (status.currentHealthy is at least equal to status.desiredHealthy). Healthy pods will be subject to the PDB for eviction."),
  },
  { id: "io.k8s.api.policy.v1.PodDisruptionBudgetSpec", desc: "PodDisruptionBudgetSpec is a description of a PodDisruptionBudget." },
);

export const PodDisruptionBudgetStatus = obj(
  {
    conditions: list(Condition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Conditions contain conditions for PDB. The disruption controller sets the DisruptionAllowed condition. The following are known values for the reason field (additional reasons could be added in the future): - SyncFailed: The controller encountered an error and wasn't able to compute\n              the number of allowed disruptions. Therefore no disruptions are\n              allowed and the status of the condition will be False.\n- InsufficientPods: The number of pods are either at or below the number\n                    required by the PodDisruptionBudget. No disruptions are\n                    allowed and the status of the condition will be False.\n- SufficientPods: There are more pods than required by the PodDisruptionBudget.\n                  The condition will be True, and the number of allowed\n                  disruptions are provided by the disruptionsAllowed property." }),
    currentHealthy: int("current number of healthy pods"),
    desiredHealthy: int("minimum desired number of healthy pods"),
    disruptedPods: z.record(z.string(), z.string().meta({ format: "date-time" })).describe("DisruptedPods contains information about pods whose eviction was processed by the API server eviction subresource handler but has not yet been observed by the PodDisruptionBudget controller. A pod will be in this map from the time when the API server processed the eviction request to the time when the pod is seen by PDB controller as having been marked for deletion (or after a timeout). The key in the map is the name of the pod and the value is the time when the API server processed the eviction request. If the deletion didn't occur and a pod is still there it will be removed from the list automatically by PodDisruptionBudget controller after some time. If everything goes smooth this map should be empty for the most of the time. Large number of entries in the map may indicate problems with pod deletions.").optional(),
    disruptionsAllowed: int("Number of pod disruptions that are currently allowed."),
    expectedPods: int("total number of pods counted by this disruption budget"),
    observedGeneration: int64("Most recent generation observed when updating this PDB status. DisruptionsAllowed and other status information is valid only if observedGeneration equals to PDB's object generation."),
  },
  { id: "io.k8s.api.policy.v1.PodDisruptionBudgetStatus", desc: "PodDisruptionBudgetStatus represents information about the status of a PodDisruptionBudget. Status may trail the actual state of a system.", required: ["disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"] },
);


export interface PodDisruptionBudget extends KubeObject {
  spec?: Record<string, any>;
  status?: Record<string, any>;
}

/** `policy.PodDisruptionBudgetSpec{...}` as %#v prints it (pointers as addresses). */
function goPdbSpec(spec: Record<string, any>): GoValue {
  return new GoValue(
    `policy.PodDisruptionBudgetSpec{MinAvailable:${goPointer("intstr.IntOrString", spec.minAvailable != null, 1)}, Selector:${goPointer("v1.LabelSelector", spec.selector != null, 2)}, MaxUnavailable:${goPointer("intstr.IntOrString", spec.maxUnavailable != null, 0)}, UnhealthyPodEvictionPolicy:${goPointer("policy.UnhealthyPodEvictionPolicyType", spec.unhealthyPodEvictionPolicy != null, 3)}}`,
  );
}

function validatePdbSpec(spec: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    errs.push(invalid("spec", goPdbSpec(spec), "minAvailable and maxUnavailable cannot be both set"));
  }
  if (spec.minAvailable != null) {
    errs.push(...validatePositiveIntOrPercent(spec.minAvailable, "spec.minAvailable"));
    errs.push(...isNotMoreThan100Percent(spec.minAvailable, "spec.minAvailable"));
  }
  if (spec.maxUnavailable != null) {
    errs.push(...validatePositiveIntOrPercent(spec.maxUnavailable, "spec.maxUnavailable"));
    errs.push(...isNotMoreThan100Percent(spec.maxUnavailable, "spec.maxUnavailable"));
  }
  errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy != null && policy !== "AlwaysAllow" && policy !== "IfHealthyBudget") {
    errs.push(notSupported("spec.unhealthyPodEvictionPolicy", policy, ["AlwaysAllow", "IfHealthyBudget"]));
  }
  return errs;
}

function validatePdbStatus(status: Record<string, any>): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"]) {
    errs.push(...validateNonnegative(status[f] ?? 0, `status.${f}`));
  }
  return errs;
}

/** IntOrString.String(): the number or the string. */
function intOrStringCell(v: number | string | undefined | null): string {
  if (v === undefined || v === null) return "N/A";
  return String(v);
}

export const podDisruptionBudget: KindDef<PodDisruptionBudget> = {
  group: "policy",
  version: "v1",
  kind: "PodDisruptionBudget",
  plural: "poddisruptionbudgets",
  singular: "poddisruptionbudget",
  shortNames: ["pdb"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.policy.v1.PodDisruptionBudget",
    "PodDisruptionBudget is an object to define the max disruption that can be caused to a collection of pods",
    {
      spec: PodDisruptionBudgetSpec.describe("Specification of the desired behavior of the PodDisruptionBudget."),
      status: PodDisruptionBudgetStatus.describe("Most recently observed status of the PodDisruptionBudget."),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(pdb) {
    pdb.spec ??= {};
  },
  prepareForCreate(pdb) {
    // These four counters have no omitempty.
    pdb.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate(pdb, ctx) {
    if (ctx.subresource === "status") return validatePdbStatus(pdb.status ?? {});
    return validatePdbSpec(pdb.spec ?? {});
  },
  columns: [
    nameColumn(),
    col("Min Available", "string", "The minimum number of pods that must be available."),
    col("Max Unavailable", "string", "The maximum number of pods that may be unavailable."),
    col("Allowed Disruptions", "integer", "Calculated number of pods that may be disrupted at this time."),
    ageColumn(),
  ],
  printRow(pdb, ctx): Cell[] {
    const spec = pdb.spec ?? {};
    return [pdb.metadata.name!, intOrStringCell(spec.minAvailable), intOrStringCell(spec.maxUnavailable), pdb.status?.disruptionsAllowed ?? 0, age(pdb, ctx.nowMs)];
  },
};
