// Server-side apply (PATCH with Content-Type application/apply-patch+yaml): the applied
// configuration is merged into the live object by the kind's structure (atomic values replaced,
// maps merged by key, lists merged by list-map keys or as sets), fields the manager applied last
// time and no longer applies are removed unless someone else owns them, and changing a field
// another manager owns is a conflict unless forced. Sources: sigs.k8s.io/structured-merge-diff
// merge/update.go (Updater.Apply, prune), typed/validate.go; k8s.io/apimachinery/pkg/util/
// managedfields/internal (fieldmanager.go, structuredmerge.go, versioncheck.go, skipnonapplied.go,
// conflict.go); k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatcher, checkName).
import { apiVersionOf, type KindDef, type KubeObject } from "../kinds/types";
import { storageOf, toRequestedVersion, type ClusterState } from "./context";
import { createObject, updateObject, resourceRef, type WriteOptions, type WriteResult } from "./writes";
import { ApiError, badRequest, conflict, notFound } from "../machinery/status";
import { clone, deepEqual } from "../machinery/json";
import { rfc3339 } from "../machinery/time";
import {
  capUpdateManagers,
  compareObjects,
  decodeManagedFields,
  describeManager,
  encodeManagedFields,
  ensureNamedFieldsAreMembers,
  excludeFields,
  FieldSet,
  fieldSetOf,
  indexPE,
  isPlainObject,
  ListItemError,
  listItemPE,
  managerIdentifier,
  mergeWalk,
  pathString,
  peString,
  recordUpdate,
  removeItems,
  resetFieldsFor,
  emptyObjectOf,
  STRIPPED_FIELDS,
  typeOfKind,
  withZeroValues,
  type ManagedFieldSets,
  type ManagerRecord,
  type ManagedFieldsWriteOptions,
  type TypeNode,
} from "./managed-fields";

export interface ServerSideApplyInput {
  def: KindDef;
  namespace: string | undefined;
  name: string;
  /** The applied configuration as parsed from the YAML/JSON body. */
  applied: unknown;
  force: boolean;
  /** "status" when applying to the status subresource. */
  subresource?: string;
  opts: WriteOptions;
}

// ---------------------------------------------------------------------------------------------
// Go formatting of values in structured-merge-diff's messages
// ---------------------------------------------------------------------------------------------

/** fmt %v of a decoded JSON value. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goV(o[k])}`)
    .join(" ")}]`;
}

/** fmt %#v of a decoded JSON value (integers are int64, other numbers float64). */
function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  const o = v as Record<string, unknown>;
  return `map[string]interface {}{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${goSharpV(o[k])}`)
    .join(", ")}}`;
}

/** fmt %T of a decoded JSON value. */
function goTypeName(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (Array.isArray(v)) return "[]interface {}";
  if (v === null || v === undefined) return "<nil>";
  return "map[string]interface {}";
}

/** encoding/json's name of a JSON value's type in "cannot unmarshal X into ..." messages. */
function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

// ---------------------------------------------------------------------------------------------
// Typed validation of the applied configuration (typed.AsTyped)
// ---------------------------------------------------------------------------------------------

interface TypedError {
  path: string;
  message: string;
}

function validateTyped(v: unknown, node: TypeNode, path: string, errs: TypedError[]): void {
  const err = (p: string, message: string) => errs.push({ path: p, message });
  if (node.kind === "deduced") {
    if (isPlainObject(v)) for (const [k, x] of Object.entries(v)) validateTyped(x, node, `${path}.${k}`, errs);
    return;
  }
  if (v === null || v === undefined) return;
  if (node.kind === "scalar") {
    switch (node.scalar) {
      case "numeric":
        if (typeof v !== "number") err(path, `expected numeric (int or float), got ${goTypeName(v)}`);
        break;
      case "string":
        if (typeof v !== "string") err(path, `expected string, got &value.valueUnstructured{Value:${goSharpV(v)}}`);
        break;
      case "boolean":
        if (typeof v !== "boolean") err(path, `expected boolean, got &{${goV(v)}}`);
        break;
      default:
        if (typeof v === "object") err(path, `expected any scalar, got &{${goV(v)}}`);
    }
    return;
  }
  if (node.kind === "list") {
    if (!Array.isArray(v)) {
      err(path, `expected list, got &{${goV(v)}}`);
      return;
    }
    const seen = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      let pe: string;
      if (node.relationship !== "associative") pe = indexPE(i);
      else {
        try {
          pe = listItemPE(node, v[i], i);
        } catch (e) {
          if (!(e instanceof ListItemError)) throw e;
          err(path, `element ${i}: ${e.message}`);
          return;
        }
        if (seen.has(pe)) err(path, `duplicate entries for key ${peString(pe)}`);
        seen.add(pe);
      }
      validateTyped(v[i], node.elem, path + peString(pe), errs);
    }
    return;
  }
  if (!isPlainObject(v)) {
    err(path, `expected map, got &{${goV(v)}}`);
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    const child = node.hasField(k) ? node.field(k) : node.elem;
    if (!child) {
      err(`${path}.${k}`, "field not declared in schema");
      return;
    }
    validateTyped(x, child, `${path}.${k}`, errs);
  }
}

function typedErrorsMessage(errs: TypedError[]): string {
  const one = (e: TypedError) => (e.path ? `${e.path}: ${e.message}` : e.message);
  if (errs.length === 1) return one(errs[0]);
  return ["errors:", ...errs.map((e) => `  ${one(e)}`)].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The apply itself (merge.Updater.Apply)
// ---------------------------------------------------------------------------------------------

/** Updater.prune: drop what this manager applied last time, no longer applies and nobody else owns. */
function prune(merged: unknown, managers: ManagedFieldSets, lastSet: FieldSet | undefined, type: TypeNode): unknown {
  if (!lastSet || lastSet.isEmpty()) return merged;
  const named = (s: FieldSet) => ensureNamedFieldsAreMembers(s, type);
  const last = named(lastSet);
  let pruned = removeItems(merged, last, type);
  // addBackOwnedItems: anything some manager (this one's new configuration included) owns comes back.
  let managed = new FieldSet();
  for (const rec of managers.values()) managed = managed.union(rec.set);
  const mergedSet = named(fieldSetOf(merged, type));
  pruned = removeItems(merged, mergedSet.difference(named(fieldSetOf(pruned, type)).union(named(managed))), type);
  // addBackDanglingItems: only what this manager applied last time may go.
  const prunedSet = named(fieldSetOf(pruned, type));
  return removeItems(merged, mergedSet.difference(prunedSet).intersection(last), type) ?? {};
}

interface Conflict {
  id: string;
  rec: ManagerRecord;
  set: FieldSet;
}

/** NewConflictError: 409 Conflict with one FieldManagerConflict cause per field. */
export function applyConflictError(conflicts: readonly Conflict[]): ApiError {
  const sorted = [...conflicts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = sorted.flatMap((c) => c.set.paths().map((p) => ({ id: c.id, who: describeManager(c.rec), field: pathString(p) })));
  const causes = items.map((x) => ({ reason: "FieldManagerConflict", message: `conflict with ${x.who}`, field: x.field }));
  let message: string;
  if (items.length === 1) message = `Apply failed with 1 conflict: conflict with ${items[0].who}: ${items[0].field}`;
  else {
    const lines: string[] = [];
    for (const c of sorted) {
      lines.push(`conflicts with ${describeManager(c.rec)}:`);
      for (const p of c.set.paths()) lines.push(`- ${pathString(p)}`);
    }
    message = `Apply failed with ${items.length} conflicts: ${lines.join("\n")}`;
  }
  return new ApiError(409, "Conflict", message, { causes });
}

export interface ApplyOutcome {
  /** The live object with the configuration applied (and pruned), without managedFields. */
  object: KubeObject;
  managers: ManagedFieldSets;
  /** Whether the object (managedFields aside) differs from the live one. */
  changed: boolean;
}

/**
 * Applies `config` for `manager` to `live` (without managedFields) given the current managers.
 * Throws the 409 conflict error unless `force`. `managers` is updated in place.
 */
export function applyConfiguration(
  def: KindDef,
  live: KubeObject,
  config: Record<string, unknown>,
  managers: ManagedFieldSets,
  who: { manager: string; apiVersion: string; subresource?: string },
  type: TypeNode,
  ignored: FieldSet | undefined,
  force: boolean,
  time: string,
): ApplyOutcome {
  const manager = who.manager || "unknown";
  const id = managerIdentifier(manager, "Apply", who.apiVersion, who.subresource);
  let merged = mergeWalk(live, config, type);
  const last = managers.get(id);
  let set = fieldSetOf(config, type);
  if (ignored) set = set.recursiveDifference(ignored);
  const self: ManagerRecord = { manager, operation: "Apply", apiVersion: who.apiVersion, set };
  if (who.subresource) self.subresource = who.subresource;
  if (last?.time) self.time = last.time;
  managers.set(id, self);
  merged = prune(merged, managers, last?.set, type);

  const c = excludeFields(compareObjects(withZeroValues(live, def, type), withZeroValues(merged as KubeObject, def, type), type), ignored);
  const changedFields = c.modified.union(c.added);
  const conflicts: Conflict[] = [];
  for (const [mid, rec] of managers) {
    if (mid === id) continue;
    const overlap = rec.set.intersection(changedFields);
    if (!overlap.isEmpty()) conflicts.push({ id: mid, rec, set: overlap });
  }
  if (!force && conflicts.length) throw applyConflictError(conflicts);
  for (const [mid, rec] of managers) {
    if (mid === id) continue;
    const rest = rec.set.difference(changedFields).difference(c.removed);
    if (rest.isEmpty()) managers.delete(mid);
    else managers.set(mid, { ...rec, set: rest });
  }
  const own = set.difference(STRIPPED_FIELDS);
  if (own.isEmpty()) managers.delete(id);
  else self.set = own;
  const changed = !deepEqual(live, merged);
  if (changed && managers.has(id)) self.time = time;
  return { object: merged as KubeObject, managers, changed };
}

function parseGroupVersion(apiVersion: unknown): [string, string] | undefined {
  const av = typeof apiVersion === "string" ? apiVersion : "";
  if (av === "" || av === "/") return ["", ""];
  const parts = av.split("/");
  if (parts.length === 1) return ["", av];
  if (parts.length === 2) return [parts[0], parts[1]];
  return undefined;
}

/**
 * PATCH with application/apply-patch+yaml. Creates the object when it does not exist (201), else
 * merges and writes through updateObject (which defaults, validates, keeps status/spec apart, detects
 * no-ops and honours dryRun).
 */
export function serverSideApply(state: ClusterState, input: ServerSideApplyInput): WriteResult {
  const { def, name, opts } = input;
  const subresource = input.subresource || undefined;
  const ns = def.namespaced ? input.namespace ?? "" : "";
  const stored = state.store.get(storageOf(def), ns, name);
  if (!stored && subresource) throw notFound(resourceRef(def), name);
  const live = stored ? toRequestedVersion(def, stored) : undefined;

  let managers: ManagedFieldSets;
  try {
    managers = live ? decodeManagedFields(live.metadata.managedFields) : new Map();
  } catch (e) {
    throw new ApiError(500, "", `failed to decode managed fields: ${(e as Error).message}`);
  }

  // The body as the YAML decoder sees it: a map.
  const body = input.applied ?? {};
  if (!isPlainObject(body)) {
    throw badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(body)} into Go value of type map[string]interface {}`);
  }
  const config = clone(body);

  // versionCheckManager: the configuration must be of this endpoint's group, version and kind.
  const gv = parseGroupVersion(config.apiVersion);
  const kind = gv && typeof config.kind === "string" ? config.kind : "";
  const [group, version] = gv ?? ["", ""];
  if (group !== def.group || version !== def.version || kind !== def.kind) {
    throw badRequest(`invalid object type: ${group}/${version}, Kind=${kind}`);
  }
  const cmeta = config.metadata;
  if (isPlainObject(cmeta) && Array.isArray(cmeta.managedFields)) throw badRequest("metadata.managedFields must be nil");

  const type = typeOfKind(def);
  const errs: TypedError[] = [];
  validateTyped(config, type, "", errs);
  if (errs.length) {
    const pns = isPlainObject(cmeta) && typeof cmeta.namespace === "string" ? cmeta.namespace : "";
    const pname = isPlainObject(cmeta) && typeof cmeta.name === "string" ? cmeta.name : "";
    throw new ApiError(500, "", `failed to create typed patch object (${pns}/${pname}; ${def.group}/${def.version}, Kind=${def.kind}): ${typedErrorsMessage(errs)}`);
  }

  const apiVersion = apiVersionOf(def);
  const time = rfc3339(opts.nowMs);
  const ignored = resetFieldsFor(def, subresource, type);
  let liveObj: KubeObject;
  if (live) {
    liveObj = clone(live);
    delete liveObj.metadata.managedFields;
    // skipNonAppliedManager: an object nobody tracked yet gets its current fields recorded first.
    if (!managers.size) {
      recordUpdate(managers, emptyObjectOf(def, type), withZeroValues(liveObj, def, type), type, ignored, { manager: "before-first-apply", apiVersion, subresource }, time);
      capUpdateManagers(managers);
    }
  } else liveObj = { apiVersion, kind: def.kind, metadata: {} };

  const outcome = applyConfiguration(def, liveObj, config, managers, { manager: opts.fieldManager ?? "", apiVersion, subresource }, type, ignored, input.force, time);
  const merged = clone(outcome.object);
  merged.metadata = isPlainObject(merged.metadata) ? merged.metadata : {};
  const m = merged.metadata;

  // patcher.applyPatch: uid precondition on create, the request's namespace, checkName.
  if (!live && m.uid) throw conflict(resourceRef(def), name, `uid mismatch: the provided object specified uid ${m.uid}, and no existing object was found`);
  if (def.namespaced) {
    if (m.namespace && m.namespace !== ns) throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
    m.namespace = ns;
  } else delete m.namespace;
  if ((m.name ?? "") !== name) throw badRequest(`the name of the object (${m.name ?? ""}) does not match the name on the URL (${name})`);

  const managedFields = encodeManagedFields(outcome.managers);
  if (managedFields.length) m.managedFields = managedFields;
  else delete m.managedFields;
  const writeOpts: WriteOptions & ManagedFieldsWriteOptions = { ...opts, presetManagedFields: managedFields };
  if (!live) return createObject(state, def, input.namespace, merged, writeOpts);
  return updateObject(state, { def, namespace: input.namespace, name, input: merged, subresource: subresource as "status" | undefined, opts: writeOpts });
}
