// Deletion (registry/generic/registry/store.go Delete): preconditions, graceful deletion,
// finalizers, and the propagation policy handed to the garbage collector via finalizers.
import type { KindDef, KubeObject } from "../kinds/types";
import { storageOf, toRequestedVersion, type ClusterState } from "./context";
import { badRequest, conflict, forbidden, notFound, OBJECT_MODIFIED, successStatus } from "../machinery/status";
import { clone } from "../machinery/json";
import { rfc3339 } from "../machinery/time";
import { resourceRef } from "./writes";
import { boolParam, deleteOptionErrors, int64Param, optionsInvalid } from "./query-options";

export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun: boolean;
  nowMs: number;
}

export const FINALIZER_ORPHAN = "orphan";
export const FINALIZER_FOREGROUND = "foregroundDeletion";
/** Namespaces kubeadm's NamespaceLifecycle admission refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(["default", "kube-system", "kube-public"]);

export interface DeleteResult {
  /** The object (still present, with deletionTimestamp) or a Success Status when it is gone. */
  body: unknown;
  status: 200 | 202;
}

export function parseDeleteOptions(body: unknown, query: URLSearchParams, nowMs: number): DeleteOptions {
  const b = decodeDeleteOptionsBody(body);
  const policy = (b.propagationPolicy ?? query.get("propagationPolicy") ?? undefined) as string | undefined;
  // Query integers and booleans are read like the ParameterCodec (strconv.ParseInt; only "false"/"0" are false).
  const grace = (b.gracePeriodSeconds ?? int64Param(query, "gracePeriodSeconds") ?? undefined) as number | undefined;
  const orphan = (b.orphanDependents ?? boolParam(query, "orphanDependents") ?? undefined) as boolean | undefined;
  const dryRunValues = Array.isArray(b.dryRun) ? (b.dryRun as string[]) : query.getAll("dryRun");
  const errs = deleteOptionErrors(dryRunValues, policy, orphan);
  if (errs.length) throw optionsInvalid("DeleteOptions", errs);
  return {
    propagationPolicy: policy as PropagationPolicy | undefined,
    gracePeriodSeconds: grace,
    orphanDependents: orphan,
    preconditions: (b.preconditions ?? undefined) as DeleteOptions["preconditions"],
    dryRun: dryRunValues.includes("All"),
    nowMs,
  };
}

/** A DeleteOptions body, type-checked field by field the way the decoder would. */
function decodeDeleteOptionsBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  const fail = (v: unknown, where: string, type: string): never => {
    const t = v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "boolean" ? "bool" : typeof v === "number" ? `number ${v}` : typeof v;
    throw badRequest(`json: cannot unmarshal ${t.startsWith("number") && type !== "int64" ? "number" : t} into Go ${where} of type ${type}`);
  };
  if (typeof body !== "object" || Array.isArray(body)) fail(body, "value", "v1.DeleteOptions");
  const b = body as Record<string, unknown>;
  const field = (k: string, ok: (v: unknown) => boolean, type: string) => {
    if (b[k] !== undefined && b[k] !== null && !ok(b[k])) fail(b[k], `struct field DeleteOptions.${k}`, type);
  };
  field("gracePeriodSeconds", (v) => typeof v === "number" && Number.isInteger(v), "int64");
  field("propagationPolicy", (v) => typeof v === "string", "v1.DeletionPropagation");
  field("orphanDependents", (v) => typeof v === "boolean", "bool");
  field("dryRun", (v) => Array.isArray(v) && v.every((x) => typeof x === "string"), "[]string");
  field("preconditions", (v) => typeof v === "object" && !Array.isArray(v), "v1.Preconditions");
  const pre = b.preconditions as Record<string, unknown> | undefined;
  if (pre && typeof pre === "object") {
    for (const k of ["uid", "resourceVersion"]) {
      if (pre[k] !== undefined && pre[k] !== null && typeof pre[k] !== "string") fail(pre[k], `struct field Preconditions.preconditions.${k}`, k === "uid" ? "types.UID" : "string");
    }
  }
  return b;
}

export function deleteObject(state: ClusterState, def: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions): DeleteResult {
  const resource = storageOf(def);
  const ns = def.namespaced ? namespace ?? "" : "";
  const stored = state.store.get(resource, ns, name);
  if (!stored) throw notFound(resourceRef(def), name);
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== stored.metadata.uid) {
    throw conflict(resourceRef(def), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${stored.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== stored.metadata.resourceVersion) {
    throw conflict(resourceRef(def), name, OBJECT_MODIFIED);
  }
  if (def.plural === "namespaces" && !def.group) return deleteNamespace(state, def, stored, opts);

  const obj = clone(stored);
  const m = obj.metadata;
  // shouldOrphanDependents: the request's policy, else the object's GC finalizers, else the kind's default.
  const requested: PropagationPolicy | undefined = opts.propagationPolicy ?? (opts.orphanDependents === undefined ? undefined : opts.orphanDependents ? "Orphan" : "Background");
  const hasGcFinalizer = (m.finalizers ?? []).some((f) => f === FINALIZER_ORPHAN || f === FINALIZER_FOREGROUND);
  const policy: PropagationPolicy | undefined = requested ?? (hasGcFinalizer ? undefined : def.defaultPropagationPolicy);
  const finalizers = [...(m.finalizers ?? [])];
  if (policy === "Orphan" && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN);
  if (policy === "Foreground" && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND);
  if (policy === "Background") {
    const i = finalizers.indexOf(FINALIZER_ORPHAN);
    if (i >= 0) finalizers.splice(i, 1);
  }
  const grace = def.deletionGracePeriodSeconds ? def.deletionGracePeriodSeconds(obj, opts.gracePeriodSeconds) : 0;

  if (m.deletionTimestamp) {
    // Already being deleted: a shorter grace period may move the deadline closer (pods); otherwise nothing changes.
    const current = m.deletionGracePeriodSeconds ?? 0;
    if (grace < current || finalizers.length !== (m.finalizers ?? []).length) {
      m.deletionGracePeriodSeconds = grace;
      m.deletionTimestamp = rfc3339(opts.nowMs + grace * 1000);
      m.finalizers = finalizers.length ? finalizers : undefined;
      if (!m.finalizers) delete m.finalizers;
      if (opts.dryRun) return { body: toRequestedVersion(def, obj), status: 200 };
      if (grace === 0 && !finalizers.length) return immediate(state, def, resource, ns, name, stored, opts);
      return { body: toRequestedVersion(def, state.store.update(resource, obj)), status: 200 };
    }
    return { body: toRequestedVersion(def, stored), status: 202 };
  }

  if (!finalizers.length && grace === 0) return immediate(state, def, resource, ns, name, stored, opts);

  m.deletionTimestamp = rfc3339(opts.nowMs + grace * 1000);
  m.deletionGracePeriodSeconds = grace;
  if (finalizers.length) m.finalizers = finalizers;
  if (opts.dryRun) return { body: toRequestedVersion(def, obj), status: 200 };
  return { body: toRequestedVersion(def, state.store.update(resource, obj)), status: 200 };
}

function immediate(state: ClusterState, def: KindDef, resource: string, ns: string, name: string, stored: KubeObject, opts: DeleteOptions): DeleteResult {
  if (!opts.dryRun) state.store.delete(resource, ns, name);
  // Pods return the deleted object (ReturnDeletedObject); other kinds a Success Status.
  if (def.deletionGracePeriodSeconds) return { body: toRequestedVersion(def, stored), status: 200 };
  return { body: successStatus(resourceRef(def), name, stored.metadata.uid), status: 200 };
}

/** Namespaces are deleted in two phases: Terminating now, removed by the namespace controller once empty. */
function deleteNamespace(state: ClusterState, def: KindDef, stored: KubeObject, opts: DeleteOptions): DeleteResult {
  const name = stored.metadata.name!;
  if (IMMORTAL_NAMESPACES.has(name)) throw forbidden(resourceRef(def), name, "this namespace may not be deleted");
  if (stored.metadata.deletionTimestamp) return { body: stored, status: 202 };
  const obj = clone(stored);
  obj.metadata.deletionTimestamp = rfc3339(opts.nowMs);
  obj.metadata.deletionGracePeriodSeconds = 0;
  obj.status = { ...(obj.status ?? {}), phase: "Terminating" };
  if (opts.dryRun) return { body: obj, status: 200 };
  return { body: state.store.update("namespaces", obj), status: 200 };
}
