// ControllerRevision (apps/v1): immutable snapshots DaemonSets and StatefulSets keep for rollouts.
// Sources: pkg/apis/apps/validation/validation.go (ValidateControllerRevision*), printers.go
// (printControllerRevision: the controller as "kind.group/name").
import type { Cell, KindDef, KubeObject } from "../types";
import { anyJson, int64, kindSchema } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { required, type FieldError } from "../../machinery/field-errors";
import { validateImmutable, validateNonnegative } from "./deployment";

export interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision?: number;
}

/** formatResourceName(gvk.GroupKind(), name, true) of the controlling owner, or "<none>". */
function controllerName(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!ref) return "<none>";
  const parts = (ref.apiVersion ?? "").split("/");
  const group = parts.length === 2 ? parts[0] : "";
  const groupKind = group ? `${ref.kind}.${group}` : ref.kind;
  if (!groupKind) return ref.name;
  return `${groupKind.toLowerCase()}/${ref.name}`;
}

export const controllerRevision: KindDef<ControllerRevision> = {
  group: "apps",
  version: "v1",
  kind: "ControllerRevision",
  plural: "controllerrevisions",
  singular: "controllerrevision",
  namespaced: true,
  schema: kindSchema(
    "io.k8s.api.apps.v1.ControllerRevision",
    "ControllerRevision implements an immutable snapshot of state data. Clients are responsible for serializing and deserializing the objects that contain their internal state. Once a ControllerRevision has been successfully created, it can not be updated. The API Server will fail validation of all requests that attempt to mutate the Data field. ControllerRevisions may, however, be deleted. Note that, due to its use by both the DaemonSet and StatefulSet controllers for update and rollback, this object is beta. However, it may be subject to name and representation changes in future releases, and clients should not depend on its stability. It is primarily for internal use by controllers.",
    {
      data: anyJson("Data is the serialized representation of the state."),
      revision: int64("Revision indicates the revision of the state represented by Data."),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(cr) {
    // revision has no omitempty.
    cr.revision ??= 0;
  },
  validate(cr, ctx) {
    const errs: FieldError[] = [];
    if (cr.data === undefined || cr.data === null) errs.push(required("data", "data is mandatory"));
    errs.push(...validateNonnegative(cr.revision ?? 0, "revision"));
    const old = ctx.old as ControllerRevision | undefined;
    if (old) errs.push(...validateImmutable(cr.data, old.data, "data", cr.data));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Controller", "string", "Controller of the object"),
    col("Revision", "string", "Revision indicates the revision of the state represented by Data."),
    ageColumn(),
  ],
  printRow(cr, ctx): Cell[] {
    return [cr.metadata.name!, controllerName(cr), cr.revision ?? 0, age(cr, ctx.nowMs)];
  },
};
