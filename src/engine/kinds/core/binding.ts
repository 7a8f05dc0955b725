// Binding (core/v1): ties a pod to a node. Create-only (`POST .../bindings` and `.../pods/<name>/binding`);
// nothing is stored. The API server applies it to the pod with bindPod (pkg/registry/core/pod/storage:
// BindingREST.Create, setPodHostAndAnnotations) after validateBinding (ValidatePodBinding).
import type { KindDef, KubeObject } from "../types";
import { kindSchema } from "../schema";
import { ObjectMeta } from "../common/meta";
import { AGE_DESC, col, nameColumn } from "../common/print";
import { ObjectReference } from "../common/pod";
import { notSupported, required, type FieldError } from "../../machinery/field-errors";
import { badRequest, conflict } from "../../machinery/status";
import { rfc3339 } from "../../machinery/time";
import type { Pod } from "./pod";

export interface Binding extends KubeObject {
  target?: { kind?: string; name?: string; namespace?: string; apiVersion?: string; uid?: string; [k: string]: unknown };
}

export const BindingSchema = kindSchema(
  "io.k8s.api.core.v1.Binding",
  "Binding ties one object to another; for example, a pod is bound to a node by a scheduler.",
  { target: ObjectReference.describe("The target object that you want to bind to the standard object.") },
  ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
);

/** ValidatePodBinding. The real server answers these with a 500 whose message is the aggregate. */
export function validateBinding(b: Binding): FieldError[] {
  const errs: FieldError[] = [];
  const kind = b.target?.kind ?? "";
  if (kind && kind !== "Node") errs.push(notSupported("target.kind", kind, ["Node", "<empty>"]));
  if (!b.target?.name) errs.push(required("target.name", ""));
  return errs;
}

/**
 * Applies a Binding to its pod (a copy is returned): spec.nodeName, the binding's annotations and a
 * PodScheduled=True condition. `urlName` is the pod name of a pods/<name>/binding request. Throws the
 * ApiErrors of BindingREST: BadRequest for a URL/body name mismatch, Conflict on pods/binding otherwise.
 */
export function bindPod(pod: Pod, binding: Binding, nowMs: number, urlName?: string): Pod {
  const name = binding.metadata.name ?? "";
  if (urlName !== undefined && urlName !== name) throw badRequest("name in URL does not match name in Binding object");
  const resource = { group: "", resource: "pods/binding" };
  const podName = pod.metadata.name ?? "";
  if (pod.metadata.deletionTimestamp) throw conflict(resource, name, `pod ${podName} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw conflict(resource, name, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
  if ((pod.spec?.schedulingGates ?? []).length) throw conflict(resource, name, `pod ${podName} has non-empty .spec.schedulingGates`);
  // New objects for what binding changes (metadata, spec, status and its conditions list); the rest
  // is shared with the stored pod, which is never changed in place.
  const out: Pod = { ...pod, metadata: { ...pod.metadata } };
  if (pod.status) out.status = pod.status.conditions ? { ...pod.status, conditions: [...pod.status.conditions] } : { ...pod.status };
  out.spec = { ...(out.spec ?? {}), nodeName: binding.target?.name ?? "" };
  const ann = binding.metadata.annotations ?? {};
  if (Object.keys(ann).length || !out.metadata.annotations) out.metadata.annotations = { ...(out.metadata.annotations ?? {}), ...ann };
  if (Object.keys(out.metadata.annotations).length === 0) delete out.metadata.annotations;
  const status = (out.status ??= {});
  const conditions = (status.conditions ??= []);
  const now = rfc3339(nowMs);
  const i = conditions.findIndex((c) => c?.type === "PodScheduled");
  if (i < 0) conditions.push({ lastProbeTime: null, lastTransitionTime: now, status: "True", type: "PodScheduled" });
  else {
    const old = conditions[i];
    conditions[i] = { lastProbeTime: null, lastTransitionTime: old.status === "True" ? old.lastTransitionTime : now, status: "True", type: "PodScheduled" };
  }
  return out;
}

export const binding: KindDef<Binding> = {
  group: "",
  version: "v1",
  kind: "Binding",
  plural: "bindings",
  singular: "binding",
  namespaced: true,
  verbs: ["create"],
  schema: BindingSchema,
  validate: (b) => validateBinding(b),
  // No printer in printers.go: the server's default table (Name, Created At).
  columns: [nameColumn(), col("Created At", "date", AGE_DESC)],
  printRow: (b) => [b.metadata.name ?? "", b.metadata.creationTimestamp ?? null],
};
