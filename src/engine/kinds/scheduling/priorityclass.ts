// scheduling.k8s.io/v1 PriorityClass (Kubernetes 1.32): types.go schema, SetDefaults_PriorityClass,
// ValidatePriorityClass/Update of pkg/apis/scheduling/validation and the printer of printers.go
// (NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY).
import type { KindDef, KubeObject } from "../types";
import { bool, int, kindSchema, str, strEnum } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { forbidden, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";

export interface PriorityClass extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: string;
}

export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
export const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
const SYSTEM_PRIORITY_CLASS_PREFIX = "system-";

/** The built-in system priority classes (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyArray<{ name: string; value: number; description: string }> = [
  { name: "system-node-critical", value: SYSTEM_CRITICAL_PRIORITY + 1000, description: "Used for system critical pods that must not be moved from their current node." },
  { name: "system-cluster-critical", value: SYSTEM_CRITICAL_PRIORITY, description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary." },
];

function isKnownSystemPriorityClass(name: string, value: number, globalDefault: boolean): string | undefined {
  const spc = SYSTEM_PRIORITY_CLASSES.find((s) => s.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== value) return `value of ${spc.name} PriorityClass must be ${spc.value}`;
  if (globalDefault) return `globalDefault of ${spc.name} PriorityClass must be false`;
  return undefined;
}

export function validatePriorityClass(pc: PriorityClass, old?: PriorityClass): FieldError[] {
  const errs: FieldError[] = [];
  if (old) {
    if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(forbidden("value", "may not be changed in an update."));
    if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(invalid("preemptionPolicy", pc.preemptionPolicy ?? null, "field is immutable"));
    return errs;
  }
  const name = pc.metadata.name ?? "";
  if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
    const why = isKnownSystemPriorityClass(name, pc.value ?? 0, pc.globalDefault ?? false);
    if (why) errs.push(forbidden("metadata.name", `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${why}`));
  } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden("value", `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy !== undefined && pc.preemptionPolicy !== null) {
    if (pc.preemptionPolicy === "") errs.push(required("preemptionPolicy", ""));
    else if (pc.preemptionPolicy !== "PreemptLowerPriority" && pc.preemptionPolicy !== "Never") {
      errs.push(notSupported("preemptionPolicy", pc.preemptionPolicy, ["PreemptLowerPriority", "Never"]));
    }
  }
  return errs;
}

export const priorityClass: KindDef<PriorityClass> = {
  group: "scheduling.k8s.io",
  version: "v1",
  kind: "PriorityClass",
  plural: "priorityclasses",
  singular: "priorityclass",
  shortNames: ["pc"],
  namespaced: false,
  schema: kindSchema(
    "io.k8s.api.scheduling.v1.PriorityClass",
    "PriorityClass defines mapping from a priority class name to the priority integer value. The value can be any valid integer.",
    {
    description: str("description is an arbitrary string that usually provides guidelines on when this priority class should be used."),
    globalDefault: bool("globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority."),
    preemptionPolicy: strEnum(["Never", "PreemptLowerPriority"], "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.\n\nPossible enum values:\n - `\"Never\"` means that pod never preempts other pods with lower priority.\n - `\"PreemptLowerPriority\"` means that pod can preempt other pods with lower priority."),
    value: int("value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec."),
    },
    ObjectMeta,
  ),
  applyDefaults(pc) {
    pc.value ??= 0; // int32 without omitempty: always serialized
    // globalDefault (bool) and description (string) are omitempty values: false and "" are not written back.
    if (pc.globalDefault === false) delete pc.globalDefault;
    if (pc.description === "") delete pc.description;
    pc.preemptionPolicy ??= "PreemptLowerPriority";
  },
  validate: (pc, ctx) => validatePriorityClass(pc, ctx.old as PriorityClass | undefined),
  columns: [
    nameColumn(),
    col("Value", "integer", "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec."),
    col("Global-Default", "boolean", "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority."),
    ageColumn(),
    col("PreemptionPolicy", "string", "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset."),
  ],
  printRow: (pc, ctx) => [pc.metadata.name!, pc.value ?? 0, pc.globalDefault ?? false, age(pc, ctx.nowMs), pc.preemptionPolicy ?? ""],
};
