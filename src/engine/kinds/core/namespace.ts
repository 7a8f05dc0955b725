// core/v1 Namespace (cluster-scoped): schema, SetDefaults_Namespace (the kubernetes.io/metadata.name
// label), the registry strategy (status Active and the "kubernetes" finalizer on create; spec and
// status kept on update; Canonicalize re-applies the name label), validation and printNamespace.
import type { KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, str, strEnum, strList, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { index, invalid, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName } from "../../machinery/names";

export interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string; conditions?: Array<Record<string, unknown>> };
}

/** v1.LabelMetadataName */
export const LABEL_METADATA_NAME = "kubernetes.io/metadata.name";
const FINALIZER_KUBERNETES = "kubernetes";

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const NamespaceSpec = obj(
  {
    finalizers: strList({ listType: "atomic", desc: "Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/" }),
  },
  { id: "io.k8s.api.core.v1.NamespaceSpec", desc: "NamespaceSpec describes the attributes on a Namespace." },
);

export const NamespaceCondition = obj(
  {
    lastTransitionTime: time("Last time the condition transitioned from one status to another."),
    message: str("Human-readable message indicating details about last transition."),
    reason: str("Unique, one-word, CamelCase reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of namespace controller condition."),
  },
  { id: "io.k8s.api.core.v1.NamespaceCondition", desc: "NamespaceCondition contains details about state of namespace.", required: ["status", "type"] },
);

export const NamespaceStatus = obj(
  {
    conditions: list(NamespaceCondition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Represents the latest available observations of a namespace's current state." }),
    phase: strEnum(["Active", "Terminating"], "Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/\n\nPossible enum values:\n - `\"Active\"` means the namespace is available for use in the system\n - `\"Terminating\"` means the namespace is undergoing graceful termination"),
  },
  { id: "io.k8s.api.core.v1.NamespaceStatus", desc: "NamespaceStatus is information about the current status of a Namespace." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

function setNameLabel(ns: Namespace): void {
  if (!ns.metadata.name) return;
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [LABEL_METADATA_NAME]: ns.metadata.name };
}

/** validateFinalizerName: a qualified name, and unqualified ones must be standard ("kubernetes"). */
function validateFinalizerName(value: string, field: string): FieldError[] {
  const errs = isQualifiedName(value).map((msg) => invalid(field, value, msg));
  if (!value.includes("/") && value !== FINALIZER_KUBERNETES) {
    errs.push(invalid(field, value, "name is neither a standard finalizer name nor is it fully qualified"));
  }
  return errs;
}

export function validateNamespace(ns: Namespace, old: Namespace | undefined, subresource?: string): FieldError[] {
  const errs: FieldError[] = [];
  if (subresource === "status") {
    const phase = ns.status?.phase ?? "";
    if (!ns.metadata.deletionTimestamp) {
      if (phase !== "Active") errs.push(invalid("status.Phase", phase, "may only be 'Active' if `deletionTimestamp` is empty"));
    } else if (phase !== "Terminating") {
      errs.push(invalid("status.Phase", phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
    }
    return errs;
  }
  if (old) return errs; // ValidateNamespaceUpdate checks metadata only
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, "spec.finalizers"));
  return errs;
}

/** The finalize subresource (PUT namespaces/{name}/finalize): only spec.finalizers may change. */
export function validateNamespaceFinalize(ns: Namespace): FieldError[] {
  const errs: FieldError[] = [];
  (ns.spec?.finalizers ?? []).forEach((f, i) => errs.push(...validateFinalizerName(f, index("spec.finalizers", i))));
  return errs;
}

export const namespace: KindDef<Namespace> = {
  group: "",
  version: "v1",
  kind: "Namespace",
  plural: "namespaces",
  singular: "namespace",
  shortNames: ["ns"],
  namespaced: false,
  statusSubresource: true,
  nameValidation: "label",
  // +genclient:skipVerbs=deleteCollection: no DELETE on the collection.
  verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
  extraSubresources: [{ name: "finalize", kind: "Namespace", verbs: ["update"] }],
  schema: kindSchema(
    "io.k8s.api.core.v1.Namespace",
    "Namespace provides a scope for Names. Use of multiple namespaces is optional.",
    {
      spec: NamespaceSpec.describe("Spec defines the behavior of the Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: NamespaceStatus.describe("Status describes the current status of a Namespace. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta,
  ),
  applyDefaults(ns) {
    setNameLabel(ns);
    if (ns.status && !ns.status.phase) ns.status.phase = "Active";
  },
  prepareForCreate(ns) {
    ns.status = { phase: "Active" };
    const finalizers = ns.spec?.finalizers ?? [];
    if (!finalizers.includes(FINALIZER_KUBERNETES)) ns.spec = { ...(ns.spec ?? {}), finalizers: [...finalizers, FINALIZER_KUBERNETES] };
    // Canonicalize: the name may only now be known (generateName).
    setNameLabel(ns);
  },
  prepareForUpdate(ns, old) {
    ns.spec = old.spec ? structuredClone(old.spec) : ns.spec;
    if (!old.spec) delete ns.spec;
    if (old.status) ns.status = structuredClone(old.status);
    setNameLabel(ns);
  },
  validate: (ns, ctx) => validateNamespace(ns, ctx.old as Namespace | undefined, ctx.subresource),
  columns: [nameColumn(), col("Status", "string", "The status of the namespace"), ageColumn()],
  printRow: (ns, ctx) => [ns.metadata.name ?? "", ns.status?.phase ?? "", age(ns, ctx.nowMs)],
  fieldSelectors: {
    "status.phase": (ns) => ns.status?.phase ?? "",
  },
};
