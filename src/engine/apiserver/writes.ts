// The generic write path every kind goes through (k8s.io/apiserver registry/generic/registry/store.go):
// decode -> default -> prepare -> validate -> store, with preconditions, dry-run and no-op detection.
import type { KindDef, KubeObject } from "../kinds/types";
import { admissionContext, storageOf, toRequestedVersion, toStorageVersion, type ClusterState } from "./context";
import { decodeObject, type FieldValidation } from "./decode";
import { validateObjectMeta, validateObjectMetaUpdate } from "./meta-validation";
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, OBJECT_MODIFIED, ApiError } from "../machinery/status";
import { clone, deepEqual } from "../machinery/json";
import { rfc3339 } from "../machinery/time";
import { randomSuffix, uuid } from "../machinery/rng";
import type { FieldError } from "../machinery/field-errors";
import { StoreFullError } from "../store/store";
import { trackManagedFields } from "./managed-fields";
import type { ManagedFieldsEntry } from "../kinds/types";
import { admitQuota } from "../controllers/quota-usage";

export interface WriteOptions {
  dryRun: boolean;
  fieldValidation: FieldValidation;
  fieldManager?: string;
  /** For the default field manager (the user agent up to its first "/"). */
  userAgent?: string;
  /** Server-side apply hands its computed managedFields over through this. */
  presetManagedFields?: ManagedFieldsEntry[];
  nowMs: number;
  /**
   * The body comes from an in-process controller, built from objects the server already decoded:
   * like a Go controller's typed structs it cannot carry unknown fields or wrong types, so it is
   * copied instead of decoded. Defaulting, validation and admission still run.
   */
  trusted?: boolean;
  /**
   * A trusted body built for this one write, which its caller neither keeps nor reads again (the
   * event recorder's): normalised in place instead of copied.
   */
  handover?: boolean;
  /** See ManagedFieldsWriteOptions.shape (creates only). */
  shape?: string;
}

/** Decoding, or for a trusted in-process body a copy with the decoder's normalisations. */
function decodeBody(def: KindDef, input: unknown, opts: WriteOptions): { object: KubeObject; unknownFields: string[] } {
  if (!opts.trusted) return decodeObject(def, input, opts.fieldValidation);
  const object = (opts.handover ? input : clone(input)) as KubeObject;
  object.apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
  object.kind = def.kind;
  object.metadata ??= {};
  for (const f of ["labels", "annotations", "finalizers", "ownerReferences"] as const) {
    const v = object.metadata[f] as unknown;
    if (v && typeof v === "object" && Object.keys(v).length === 0) delete object.metadata[f];
  }
  return { object, unknownFields: [] };
}

/** rfc3339 of the last time asked: every write of one request or alarm happens at one nowMs. */
let lastNowMs = NaN;
let lastNowText = "";
function rfc3339Now(ms: number): string {
  if (ms !== lastNowMs) {
    lastNowText = rfc3339(ms);
    lastNowMs = ms;
  }
  return lastNowText;
}

export interface WriteResult {
  object: KubeObject;
  /** Warning headers (unknown fields in Warn mode). */
  warnings: string[];
  /** True when nothing was written (no-op update). */
  unchanged?: boolean;
  created?: boolean;
}

const resourceRef = (def: KindDef) => ({ group: def.group, resource: def.plural });

/** metadata fields only the server sets. */
function resetSystemMeta(obj: KubeObject) {
  const m = obj.metadata;
  delete m.uid;
  delete m.resourceVersion;
  delete m.creationTimestamp;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.generation;
  delete m.selfLink;
}

/** Unknown fields are warnings only under fieldValidation=Warn; Ignore drops them silently (Strict already failed). */
function warningsFor(unknown: string[], validation: FieldValidation): string[] {
  if (validation !== "Warn") return [];
  return unknown.map((f) => `unknown field "${f}"`);
}

/** Checks the namespace of a namespaced write exists and is not terminating (NamespaceLifecycle admission). */
export function admitNamespace(state: ClusterState, def: KindDef, namespace: string, name: string): void {
  if (!def.namespaced) return;
  const ns = state.store.get("namespaces", "", namespace);
  if (!ns) throw notFound({ group: "", resource: "namespaces" }, namespace);
  if (ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating") {
    throw forbidden(resourceRef(def), name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
}

function generateName(state: ClusterState, base: string): string {
  // names.SimpleNameGenerator: the base is cut so the name stays within 63 characters.
  const maxBase = 63 - 5;
  return (base.length > maxBase ? base.slice(0, maxBase) : base) + randomSuffix(state.rng as never, 5);
}

export function createObject(state: ClusterState, def: KindDef, namespace: string | undefined, input: unknown, opts: WriteOptions): WriteResult {
  const { object: decoded, unknownFields } = decodeBody(def, input, opts);
  let obj = decoded;
  const m = obj.metadata;
  if (def.namespaced) {
    if (m.namespace && namespace && m.namespace !== namespace) {
      throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    m.namespace = namespace ?? m.namespace;
  } else delete m.namespace;
  resetSystemMeta(obj);
  const ctx = admissionContext(state, opts.nowMs);
  def.applyDefaults?.(obj, { nowMs: opts.nowMs });
  trackManagedFields(undefined, obj, def, opts);
  if (!m.name && m.generateName) m.name = generateName(state, m.generateName);
  m.uid = uuid(state.rng as never);
  m.creationTimestamp = rfc3339Now(opts.nowMs);
  if (def.tracksGeneration) m.generation = 1;
  if (def.statusSubresource && !def.keepStatusOnCreate) delete obj.status;
  def.prepareForCreate?.(obj, ctx);
  const errs: FieldError[] = [...validateObjectMeta(def, m), ...(def.validate?.(obj, { nowMs: opts.nowMs }) ?? [])];
  if (errs.length) throw invalid(def.group, def.kind, m.name ?? "", errs);
  if (def.namespaced) admitNamespace(state, def, m.namespace!, m.name!);
  // Validating admission: ResourceQuota after NamespaceLifecycle (the object has its generated name by now).
  admitQuota(state, def, obj, opts.nowMs);
  const resource = storageOf(def);
  if (state.store.get(resource, m.namespace ?? "", m.name!)) throw alreadyExists(resourceRef(def), m.name!);
  obj = toStorageVersion(def, obj);
  if (opts.dryRun) return { object: toRequestedVersion(def, obj), warnings: warningsFor(unknownFields, opts.fieldValidation), created: true };
  const stored = storeCreate(state, resource, obj);
  return { object: toRequestedVersion(def, stored), warnings: warningsFor(unknownFields, opts.fieldValidation), created: true };
}

function storeCreate(state: ClusterState, resource: string, obj: KubeObject): KubeObject {
  try {
    return state.store.create(resource, obj);
  } catch (e) {
    if (e instanceof StoreFullError) throw new ApiError(403, "Forbidden", e.message);
    throw e;
  }
}

/** The spec-ish part of an object: what bumps generation when it changes. */
function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export interface UpdateInput {
  def: KindDef;
  namespace: string | undefined;
  name: string;
  input: unknown;
  subresource?: "status";
  opts: WriteOptions;
  /** Create the object if it does not exist (server-side apply, PUT on kinds that allow it). */
  allowCreate?: boolean;
}

export function updateObject(state: ClusterState, u: UpdateInput): WriteResult {
  const { def, opts } = u;
  const resource = storageOf(def);
  const ns = def.namespaced ? u.namespace ?? "" : "";
  const storedOld = state.store.get(resource, ns, u.name);
  const { object: decoded, unknownFields } = decodeBody(def, u.input, opts);
  if (decoded.metadata.name && decoded.metadata.name !== u.name) {
    throw badRequest(`the name of the object (${decoded.metadata.name}) does not match the name on the URL (${u.name})`);
  }
  if (def.namespaced && decoded.metadata.namespace && decoded.metadata.namespace !== ns) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  if (!storedOld) {
    if (!u.allowCreate) throw notFound(resourceRef(def), u.name);
    decoded.metadata.name = u.name;
    return createObject(state, def, u.namespace, decoded, opts);
  }
  const old = toRequestedVersion(def, storedOld);
  const rv = decoded.metadata.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw conflict(resourceRef(def), u.name, OBJECT_MODIFIED);
  if (decoded.metadata.uid && decoded.metadata.uid !== old.metadata.uid) {
    throw conflict(resourceRef(def), u.name, `Precondition failed: UID in precondition: ${decoded.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  let obj: KubeObject;
  if (u.subresource === "status") {
    // Status writes change status only (ResetObjectMetaForStatus keeps the stored metadata).
    const { status: _oldStatus, ...rest } = old;
    if (def.prepareForStatusUpdate) {
      obj = { ...clone(rest), status: decoded.status };
      def.prepareForStatusUpdate(obj, clone(old), admissionContext(state, opts.nowMs), decoded);
    } else {
      // Nothing but metadata.managedFields and metadata.resourceVersion is set below: the spec and
      // the other metadata members are shared with the stored object (stored objects are replaced,
      // never changed in place), not copied on every status write.
      obj = { ...rest, metadata: { ...old.metadata }, status: decoded.status };
    }
  } else {
    obj = decoded;
    const m = obj.metadata;
    m.namespace = def.namespaced ? ns : undefined;
    if (!def.namespaced) delete m.namespace;
    m.name = u.name;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) m.deletionTimestamp = old.metadata.deletionTimestamp;
    else delete m.deletionTimestamp;
    if (old.metadata.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    else delete m.deletionGracePeriodSeconds;
    if (old.metadata.generation !== undefined) m.generation = old.metadata.generation;
    else delete m.generation;
    if (m.managedFields === undefined && old.metadata.managedFields) m.managedFields = old.metadata.managedFields;
    def.applyDefaults?.(obj, { nowMs: opts.nowMs });
    if (def.statusSubresource) {
      if (old.status !== undefined) obj.status = clone(old.status);
      else delete obj.status;
    }
    def.prepareForUpdate?.(obj, clone(old), admissionContext(state, opts.nowMs));
    if (def.tracksGeneration && !deepEqual(specOf(obj), specOf(old))) m.generation = (old.metadata.generation ?? 0) + 1;
  }
  trackManagedFields(old, obj, def, opts, u.subresource);
  obj.metadata.resourceVersion = old.metadata.resourceVersion;
  const errs: FieldError[] = [
    ...validateObjectMetaUpdate(def, obj.metadata, old.metadata),
    ...(def.validate?.(obj, { nowMs: opts.nowMs, old, subresource: u.subresource }) ?? []),
  ];
  if (errs.length) throw invalid(def.group, def.kind, u.name, errs);
  if (old.metadata.deletionTimestamp) {
    // Finalizers may be removed but not added to an object being deleted.
    const added = (obj.metadata.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
    if (added.length) {
      throw invalid(def.group, def.kind, u.name, [
        { type: "FieldValueForbidden", field: "metadata.finalizers", detail: `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(", ")}}`, hasValue: false },
      ]);
    }
  }
  // A status write copied everything but metadata and status from the stored object (unless the
  // kind's hook may change more): comparing those two is enough to see a no-op.
  const unchanged =
    u.subresource === "status" && !def.prepareForStatusUpdate ? deepEqual(obj.status, old.status) && deepEqual(obj.metadata, old.metadata) : deepEqual(obj, old);
  if (unchanged) return { object: old, warnings: warningsFor(unknownFields, opts.fieldValidation), unchanged: true };
  const storedNew = toStorageVersion(def, obj);
  if (opts.dryRun) return { object: obj, warnings: warningsFor(unknownFields, opts.fieldValidation) };
  // An object being deleted goes once its last finalizer is removed and no grace period remains.
  if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers ?? []).length && !(obj.metadata.deletionGracePeriodSeconds ?? 0)) {
    const gone = state.store.delete(resource, ns, u.name);
    return { object: toRequestedVersion(def, gone ?? storedNew), warnings: warningsFor(unknownFields, opts.fieldValidation) };
  }
  return { object: toRequestedVersion(def, state.store.update(resource, storedNew)), warnings: warningsFor(unknownFields, opts.fieldValidation) };
}

export { resourceRef };
