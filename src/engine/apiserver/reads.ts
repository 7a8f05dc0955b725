// GET and LIST (registry/generic/registry/store.go Get/List): selectors, paging, Tables.
import type { KindDef, KubeObject } from "../kinds/types";
import { admissionContext, storageOf, toRequestedVersion, type ClusterState } from "./context";
import { ApiError, badRequest, expired, notFound } from "../machinery/status";
import { matches, parseLabelSelector, type LabelSelectorRequirementSet as ParsedLabels } from "../machinery/labels";
import { matchesFields, parseFieldSelector, requirementsOf, type FieldSelector } from "../machinery/fields";
import { resourceRef } from "./writes";
import { LIMITS } from "../limits";

export interface ListQuery {
  labelSelector?: ParsedLabels;
  fieldSelector?: FieldSelector;
  limit?: number;
  continueFrom?: string;
}

/** Kinds whose field label conversion (pkg/apis/<group>/v1/conversion.go) answers "field label not supported: <label>". */
const FIELD_LABEL_NOT_SUPPORTED = new Set(["/Pod", "/Node", "/ReplicationController", "/Event", "/Namespace", "/Secret", "/Service", "events.k8s.io/Event"]);

/**
 * The error of the kind's field label conversion for a label it does not support (the server's
 * message; kubectl adds its own "Unable to find ... that match label selector" prefix). Kinds
 * without a registered conversion use runtime.DefaultMetaV1FieldSelectorConversion.
 */
export function unsupportedFieldLabel(def: Pick<KindDef, "group" | "kind">, label: string): string {
  const gk = `${def.group}/${def.kind}`;
  if (FIELD_LABEL_NOT_SUPPORTED.has(gk)) return `field label not supported: ${label}`;
  if (gk === "batch/Job") return `field label ${JSON.stringify(label)} not supported for batchv1.Job`;
  return `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`;
}

/** Field values every object supports, plus the kind's own field selectors. */
export function fieldValue(def: KindDef, obj: KubeObject, field: string): string | undefined {
  if (field === "metadata.name") return obj.metadata.name ?? "";
  if (field === "metadata.namespace") return obj.metadata.namespace ?? "";
  const f = def.fieldSelectors?.[field];
  return f ? f(obj as never) ?? "" : undefined;
}

export function parseListQuery(def: KindDef, q: URLSearchParams): ListQuery {
  const out: ListQuery = {};
  const ls = q.get("labelSelector");
  const fs = q.get("fieldSelector");
  if (ls) {
    try {
      out.labelSelector = parseLabelSelector(ls);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
  }
  if (fs) {
    let sel: FieldSelector;
    try {
      sel = parseFieldSelector(fs);
    } catch (e) {
      throw badRequest((e as Error).message);
    }
    for (const r of requirementsOf(sel)) {
      // Node's and Namespace's conversions do not list metadata.namespace (pkg/apis/core/v1/conversion.go).
      const namespaceField = r.field === "metadata.namespace" && !(def.group === "" && (def.kind === "Node" || def.kind === "Namespace"));
      if (r.field !== "metadata.name" && !namespaceField && !def.fieldSelectors?.[r.field]) {
        throw badRequest(unsupportedFieldLabel(def, r.field));
      }
    }
    out.fieldSelector = sel;
  }
  const limit = q.get("limit");
  if (limit) {
    const n = Number(limit);
    if (Number.isInteger(n) && n > 0) out.limit = Math.min(n, LIMITS.maxListLimit);
  }
  const cont = q.get("continue");
  if (cont) out.continueFrom = cont;
  return out;
}

export function objectMatches(def: KindDef, obj: KubeObject, q: ListQuery): boolean {
  if (q.labelSelector && !matches(q.labelSelector, obj.metadata.labels ?? {})) return false;
  if (q.fieldSelector && !matchesFields(q.fieldSelector, (f: string) => fieldValue(def, obj, f))) return false;
  return true;
}

export function getObject(state: ClusterState, def: KindDef, namespace: string | undefined, name: string, nowMs: number): KubeObject {
  if (def.virtual?.list) {
    const ctx = admissionContext(state, nowMs);
    const found = def.virtual.list(namespace, ctx).find((o) => o.metadata.name === name);
    if (!found && def.virtual.notFound) {
      const nf = def.virtual.notFound(namespace, name, ctx);
      throw notFound({ group: nf.group, resource: nf.resource }, nf.name);
    }
    if (!found) throw notFound(resourceRef(def), name);
    return found;
  }
  const obj = state.store.get(storageOf(def), def.namespaced ? namespace ?? "" : "", name);
  if (!obj) throw notFound(resourceRef(def), name);
  return toRequestedVersion(def, obj);
}

interface ContinueToken {
  rv: number;
  start: string;
}

// base64 of the token's UTF-8 bytes: keys may hold any character a name or namespace may (btoa alone takes Latin-1 only).
function encodeContinue(t: ContinueToken): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ v: "meta.k8s.io/v1", rv: t.rv, start: t.start }));
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
}

function decodeContinue(s: string, currentRv: number): ContinueToken {
  try {
    const t = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)))) as { rv: number; start: string };
    if (typeof t.rv !== "number" || typeof t.start !== "string") throw new Error("bad");
    return t;
  } catch {
    throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
  void currentRv;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export function listObjects(state: ClusterState, def: KindDef, namespace: string | undefined, q: ListQuery, nowMs: number): ListResult {
  let all: KubeObject[];
  if (def.virtual?.list) all = def.virtual.list(namespace, admissionContext(state, nowMs));
  else all = state.store.list(storageOf(def), def.namespaced ? namespace : undefined).map((o) => toRequestedVersion(def, o));
  let items = all.filter((o) => objectMatches(def, o, q));
  const rv = state.store.resourceVersion;
  if (q.continueFrom) {
    const t = decodeContinue(q.continueFrom, rv);
    if (t.rv < rv - LIMITS.watchHistoryEvents) throw expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
    // The same order the store lists in (code-unit order), or names beyond ASCII fall out of later pages.
    items = items.filter((o) => keyOf(o) > t.start);
  }
  if (q.limit && items.length > q.limit) {
    const page = items.slice(0, q.limit);
    return {
      items: page,
      resourceVersion: String(rv),
      continue: encodeContinue({ rv, start: keyOf(page[page.length - 1]) }),
      remainingItemCount: items.length - q.limit,
    };
  }
  return { items, resourceVersion: String(rv) };
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;

export function listBody(def: KindDef, r: ListResult): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: r.resourceVersion };
  if (r.continue) metadata.continue = r.continue;
  if (r.remainingItemCount !== undefined) metadata.remainingItemCount = r.remainingItemCount;
  return {
    kind: `${def.kind}List`,
    apiVersion: def.group ? `${def.group}/${def.version}` : def.version,
    metadata,
    items: r.items.map((o) => {
      // Items of a list carry no apiVersion/kind of their own, as the real server encodes them.
      const { apiVersion: _a, kind: _k, ...rest } = o;
      return rest;
    }),
  };
}

export { ApiError };
