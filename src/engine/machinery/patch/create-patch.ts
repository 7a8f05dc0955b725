// Computing patches, the client's side of PATCH (what kubectl sends): a port of
// k8s.io/apimachinery/pkg/util/strategicpatch CreateTwoWayMergePatch / CreateThreeWayMergePatch
// (diffMaps, diffLists, and mergeMap with MergeOptions{} to combine the deletions and the delta),
// of jsonmergepatch.CreateThreeWayJSONMergePatch and of evanphx/json-patch CreateMergePatch (for
// kinds without patch metadata, e.g. custom resources). Applying patches is the server's business
// (./strategic-merge-patch.ts, ./merge-patch.ts).
//
// Errors are thrown as plain Errors carrying the Go error text (kubectl prints them as `error: ...`).
import { deepClone, deepEqual, hasOwn, isObject, type JsonObject } from "./json-util";
import { applyMergePatch } from "./merge-patch";
import type { PatchMeta, PatchMetaLookup } from "./strategic-merge-patch";
import { goSortStable } from "../gosort";

const DIRECTIVE_MARKER = "$patch";
const DELETE_DIRECTIVE = "delete";
const REPLACE_DIRECTIVE = "replace";
const MERGE_DIRECTIVE = "merge";
const RETAIN_KEYS_STRATEGY = "retainKeys";
const RETAIN_KEYS_DIRECTIVE = "$retainKeys";
const DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";
const SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";

interface DiffOptions {
  setElementOrder?: boolean;
  ignoreChangesAndAdditions?: boolean;
  ignoreDeletions?: boolean;
  buildRetainKeysDirective?: boolean;
}

/** Go's fmt "%v" of a JSON scalar: how strategic patch orders and compares list items. */
function fmtV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
    return String(v).replace(/e\+?(-?)(\d)$/, "e$1+0$2").replace("e+-", "e-");
  }
  if (isObject(v) || Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

type GoType = "nil" | "map" | "slice" | "string" | "number" | "boolean";
function goType(v: unknown): GoType {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  if (typeof v === "object") return "map";
  return typeof v as GoType;
}

function strategyOf(pm: PatchMeta | undefined): { retainKeys: boolean; strategy: string } {
  const s = pm?.strategy ? pm.strategy.split(",") : [];
  if (s.length === 0) return { retainKeys: false, strategy: "" };
  if (s.length === 1) return s[0] === RETAIN_KEYS_STRATEGY ? { retainKeys: true, strategy: "" } : { retainKeys: false, strategy: s[0] };
  if (s.length === 2) {
    if (s[0] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: s[1] };
    if (s[1] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: s[0] };
  }
  throw new Error(`unexpected patch strategy: [${s.join(" ")}]`);
}

const byString = (a: unknown, b: unknown) => {
  const x = fmtV(a);
  const y = fmtV(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortScalars = (s: unknown[]): unknown[] => [...s].sort(byString);

function deduplicateScalars(s: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of s) if (!out.some((o) => o === v)) out.push(v);
  return out;
}

function sliceElementType(...slices: unknown[][]): GoType {
  let prev: GoType | undefined;
  for (const s of slices)
    for (const v of s) {
      const t = goType(v);
      if (prev === undefined) {
        prev = t;
        if (t === "slice") throw new Error("lists of lists are not supported");
      } else if (prev !== t) throw new Error("list element types are not identical");
    }
  if (prev === undefined) throw new Error("no elements in any of the given slices");
  return prev;
}

function mergeKeyValue(item: unknown, mergeKey: string): unknown {
  if (!isObject(item)) throw new Error(`expected a map, but received a ${goType(item)}`);
  if (!hasOwn(item, mergeKey)) throw new Error(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
  return item[mergeKey];
}

function indexIn(l: readonly unknown[], v: unknown, mergeKey: string, kind: GoType): number {
  const key = (x: unknown) => (kind === "map" ? (isObject(x) ? x[mergeKey] : null) : x);
  const want = key(v);
  return l.findIndex((x) => key(x) === want);
}

/** normalizeSliceOrder: sorts `toSort` by the order of `order`; delete directives go last. */
function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, kind: GoType): unknown[] {
  let keep = toSort;
  let toDelete: unknown[] = [];
  if (kind === "map") {
    for (const l of [toSort, order]) for (const v of l) mergeKeyValue(v, mergeKey);
    keep = toSort.filter((v) => (v as JsonObject)[DIRECTIVE_MARKER] !== DELETE_DIRECTIVE);
    toDelete = toSort.filter((v) => (v as JsonObject)[DIRECTIVE_MARKER] === DELETE_DIRECTIVE);
  }
  const rank = (v: unknown) => indexIn(order, v, mergeKey, kind);
  // Go's comparator ("less if both ranked and earlier, else true") under SliceStable: items found
  // in `order` move into its order; the rest keep their place relative to each other.
  const sorted = goSortStable([...keep], (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra >= 0 && rb >= 0 ? ra < rb : true;
  });
  return [...sorted, ...toDelete];
}

function diffListsOfScalars(original: unknown[], modified: unknown[], o: DiffOptions): [unknown[], unknown[]] {
  const os = sortScalars(original);
  const ms = sortScalars(modified);
  const add: unknown[] = [];
  const del: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oin = i < os.length;
    const min = j < ms.length;
    const a = oin ? fmtV(os[i]) : "";
    const b = min ? fmtV(ms[j]) : "";
    if (oin && min && a === b) {
      i++;
      j++;
    } else if (!oin || (oin && min && a > b)) {
      if (!o.ignoreChangesAndAdditions) add.push(ms[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) del.push(os[i]);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}

function sortMapsByKey(l: unknown[], mergeKey: string): unknown[] {
  for (const v of l) mergeKeyValue(v, mergeKey);
  return [...l].sort((a, b) => byString((a as JsonObject)[mergeKey], (b as JsonObject)[mergeKey]));
}

function diffListsOfMaps(original: unknown[], modified: unknown[], path: readonly string[], meta: PatchMetaLookup, mergeKey: string, o: DiffOptions): [unknown[], unknown[]] {
  const patch: unknown[] = [];
  const deletions: unknown[] = [];
  const os = sortMapsByKey(original, mergeKey);
  const ms = sortMapsByKey(modified, mergeKey);
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oin = i < os.length;
    const min = j < ms.length;
    const ov = oin ? mergeKeyValue(os[i], mergeKey) : undefined;
    const mv = min ? mergeKeyValue(ms[j], mergeKey) : undefined;
    const a = oin ? fmtV(ov) : "";
    const b = min ? fmtV(mv) : "";
    if (oin && min && a === b) {
      const p = diffMaps(os[i] as JsonObject, ms[j] as JsonObject, path, meta, o);
      if (Object.keys(p).length > 0) {
        p[mergeKey] = mv;
        patch.push(p);
      }
      i++;
      j++;
    } else if (!oin || (oin && min && a > b)) {
      if (!o.ignoreChangesAndAdditions) patch.push(ms[j]);
      j++;
    } else {
      if (!o.ignoreDeletions) deletions.push({ [mergeKey]: ov, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return [patch, deletions];
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => fmtV(mergeKeyValue(original[i], mergeKey)) === fmtV(mergeKeyValue(m, mergeKey)));
}

function diffLists(original: unknown[], modified: unknown[], path: readonly string[], meta: PatchMetaLookup, mergeKey: string, o: DiffOptions): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || o.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === "map") {
    let [patchList, deleteList] = diffListsOfMaps(original, modified, path, meta, mergeKey, o);
    patchList = normalizeSliceOrder(patchList, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    patchList = [...patchList, ...deleteList];
    let setOrder: unknown[] = [];
    if (o.setElementOrder && ((!o.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!o.ignoreDeletions && patchList.length > 0)))
      setOrder = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] }));
    return [patchList, [], setOrder];
  }
  const [add, del] = diffListsOfScalars(original, modified, o);
  const patchList = normalizeSliceOrder(add, modified, mergeKey, kind);
  let setOrder: unknown[] = [];
  if (o.setElementOrder && ((!o.ignoreDeletions && del.length > 0) || (!o.ignoreChangesAndAdditions && !deepEqual(original, modified)))) setOrder = modified;
  return [patchList, del, setOrder];
}

function diffMaps(original: JsonObject, modified: JsonObject, path: readonly string[], meta: PatchMetaLookup, o: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: string[] = [];
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    if (o.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!hasOwn(original, key)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof ov !== "string" || typeof mv !== "string") throw new Error(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (goType(ov) !== goType(mv)) {
      if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const sub = [...path, key];
    if (isObject(ov)) {
      const { retainKeys: rk, strategy } = strategyOf(meta(sub));
      if (strategy === REPLACE_DIRECTIVE) {
        // As in Go: a map with the replace strategy is always sent whole.
        if (!o.ignoreChangesAndAdditions) patch[key] = mv;
      } else {
        const p = diffMaps(ov, mv as JsonObject, sub, meta, { ...o, buildRetainKeysDirective: rk });
        if (Object.keys(p).length > 0) patch[key] = p;
      }
    } else if (Array.isArray(ov)) {
      const pm = meta(sub);
      const { retainKeys: rk, strategy } = strategyOf(pm);
      if (strategy === MERGE_DIRECTIVE) {
        const [add, del, order] = diffLists(ov, mv as unknown[], sub, meta, pm?.mergeKey ?? "", { ...o, buildRetainKeysDirective: rk });
        if (add.length > 0) patch[key] = add;
        if (del.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = del;
        if (order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = order;
      } else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    } else if (!o.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(original)) if (!hasOwn(modified, key)) patch[key] = null;
  const hasAdditionalNewField = Object.keys(original).some((k) => original[k] !== null && !hasOwn(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField)) patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys);
  return patch;
}

// ---- mergeMap with MergeOptions{}: combines the deletions patch and the delta patch ----

function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isObject(obj)) {
    if (hasOwn(obj, DIRECTIVE_MARKER)) return [null, false];
    for (const k of Object.keys(obj)) {
      const [v, keep] = removeDirectives(obj[k]);
      if (keep) obj[k] = v;
      else delete obj[k];
    }
    return [obj, true];
  }
  if (Array.isArray(obj)) {
    const out: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) out.push(nv);
    }
    return [out, true];
  }
  return [obj, true];
}

function partitionByPresence(merged: unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const present = (v: unknown) => (mergeKey ? by.some((b) => isObject(b) && b[mergeKey] === mergeKeyValue(v, mergeKey)) : by.includes(v));
  return [merged.filter(present), merged.filter((v) => !present(v))];
}

function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoType): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: readonly unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: GoType): unknown[] {
  return mergeSortedSlice(normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind), normalizeSliceOrder(patch, patchOrder, mergeKey, kind), serverOrder, mergeKey, kind);
}

function mergeSlice(original: unknown[], patch: unknown[], path: readonly string[], meta: PatchMetaLookup, mergeKey: string): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: unknown[];
  let orig = original;
  let p = patch;
  if (kind !== "map") merged = deduplicateScalars([...original, ...patch]);
  else {
    if (!mergeKey) throw new Error(`cannot merge lists without merge key for ${path.join(".")}`);
    const plain: unknown[] = [];
    let replace = false;
    for (const v of p) {
      const m = v as JsonObject;
      if (!hasOwn(m, DIRECTIVE_MARKER)) plain.push(v);
      else if (m[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) {
        const key = mergeKeyValue(m, mergeKey);
        orig = orig.filter((x) => !(isObject(x) && x[mergeKey] === key));
      } else if (m[DIRECTIVE_MARKER] === REPLACE_DIRECTIVE) replace = true;
      else if (m[DIRECTIVE_MARKER] === MERGE_DIRECTIVE) throw new Error("merging lists cannot yet be specified in the patch");
      else throw new Error(`unknown patch type: ${fmtV(m[DIRECTIVE_MARKER])} in map: ${JSON.stringify(m)}`);
    }
    if (replace) {
      orig = plain;
      p = [];
    } else p = plain;
    merged = [...orig];
    for (const v of p) {
      const key = mergeKeyValue(v, mergeKey);
      const at = merged.findIndex((x) => isObject(x) && x[mergeKey] === key);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, v as JsonObject, path, meta);
      else merged.push(v);
    }
  }
  const [items, serverOnly] = partitionByPresence(merged, p, mergeKey);
  return normalizeElementOrder(items, serverOnly, p, orig, mergeKey, kind);
}

function mergeMap(original: JsonObject, patch: JsonObject, path: readonly string[], meta: PatchMetaLookup): JsonObject {
  if (hasOwn(patch, DIRECTIVE_MARKER)) {
    const d = patch[DIRECTIVE_MARKER];
    if (d === REPLACE_DIRECTIVE) {
      delete patch[DIRECTIVE_MARKER];
      return patch;
    }
    if (d === DELETE_DIRECTIVE) return {};
    throw new Error(`unknown patch type: ${fmtV(d)} in map: ${JSON.stringify(patch)}`);
  }
  if (hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) {
    const rk = patch[RETAIN_KEYS_DIRECTIVE];
    delete patch[RETAIN_KEYS_DIRECTIVE];
    if (hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], rk)) throw new Error("retainKeys lists differ: this may happen when calculating the 3-way diff patch");
    } else original[RETAIN_KEYS_DIRECTIVE] = rk;
  }
  // Not merging parallel lists: $setElementOrder lists move into the result (they must agree).
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key];
    if (hasOwn(original, key)) {
      if (!deepEqual(original[key], order)) throw new Error("invalid patch format of setElementOrder list");
    } else original[key] = order;
    delete patch[key];
    const listKey = key.slice(SET_ELEMENT_ORDER_PREFIX.length + 1);
    const foundO = hasOwn(original, listKey);
    const foundP = hasOwn(patch, listKey);
    if (!foundO && !foundP) continue;
    const ol = (foundO ? original[listKey] : []) as unknown[];
    const pl = (foundP ? patch[listKey] : []) as unknown[];
    const sub = [...path, listKey];
    const pm = meta(sub);
    const mergeKey = pm?.mergeKey ?? "";
    let merged: unknown[];
    if (foundO && !foundP) merged = ol;
    else if (!foundO) merged = removeDirectives(pl)[0] as unknown[];
    else merged = strategyOf(pm).strategy === MERGE_DIRECTIVE ? mergeSlice(ol, pl, sub, meta, mergeKey) : pl;
    const [items, serverOnly] = partitionByPresence(merged, order as unknown[], mergeKey);
    const kind = sliceElementType(ol, pl);
    original[listKey] = normalizeElementOrder(items, serverOnly, order as unknown[], ol, mergeKey, kind);
    delete patch[listKey];
  }
  for (const key of Object.keys(patch)) {
    const pv = patch[key];
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      original[key] = pv;
      continue;
    }
    if (pv === null) delete original[key];
    if (!hasOwn(original, key) || goType(original[key]) !== goType(pv)) {
      const [v, keep] = removeDirectives(pv);
      if (keep) original[key] = v;
      else delete original[key];
      continue;
    }
    const ov = original[key];
    const sub = [...path, key];
    if (isObject(ov)) original[key] = strategyOf(meta(sub)).strategy !== REPLACE_DIRECTIVE ? mergeMap(ov, pv as JsonObject, sub, meta) : pv;
    else if (Array.isArray(ov)) {
      const pm = meta(sub);
      original[key] = strategyOf(pm).strategy === MERGE_DIRECTIVE ? mergeSlice(ov, pv as unknown[], sub, meta, pm?.mergeKey ?? "") : pv;
    } else {
      const [v, keep] = removeDirectives(pv);
      if (keep) original[key] = v;
      else delete original[key];
    }
  }
  return original;
}

/** strategicpatch.CreateTwoWayMergePatch: the patch that turns `original` into `modified`. */
export function createTwoWayMergePatch(original: JsonObject, modified: JsonObject, meta: PatchMetaLookup): JsonObject {
  return diffMaps(original, modified, [], meta, { setElementOrder: true });
}

/**
 * strategicpatch.CreateThreeWayMergePatch with overwrite: the difference from `current` to
 * `modified` without deletions, plus the deletions from `original` (the last applied
 * configuration) to `modified`.
 */
export function createThreeWayMergePatch(original: JsonObject, modified: JsonObject, current: JsonObject, meta: PatchMetaLookup): JsonObject {
  const delta = diffMaps(current, modified, [], meta, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(original, modified, [], meta, { setElementOrder: true, ignoreChangesAndAdditions: true });
  return mergeMap(deepClone(deletions), deepClone(delta), [], meta);
}

/** evanphx/json-patch CreateMergePatch for two objects (RFC 7386). */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(modified)) {
    const bv = modified[key];
    if (!hasOwn(original, key)) {
      into[key] = bv;
      continue;
    }
    const av = original[key];
    if (goType(av) !== goType(bv)) into[key] = bv;
    else if (isObject(av)) {
      const d = createMergePatch(av, bv as JsonObject);
      if (Object.keys(d).length > 0) into[key] = d;
    } else if (!deepEqual(av, bv)) into[key] = bv;
  }
  for (const key of Object.keys(original)) if (!hasOwn(modified, key)) into[key] = null;
  return into;
}

/** keepOrDeleteNullInObj: only the nulls (deletions), or everything but them. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(m)) {
    const v = m[key];
    if (v === null) {
      if (keepNull) out[key] = null;
    } else if (isObject(v)) {
      if (Object.keys(v).length === 0) {
        if (!keepNull) out[key] = v;
        continue;
      }
      const sub = keepOrDeleteNull(v, keepNull);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if (!keepNull) out[key] = v;
  }
  return out;
}

/** jsonmergepatch.CreateThreeWayJSONMergePatch (what apply sends for kinds without patch metadata). */
export function createThreeWayJsonMergePatch(original: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  const addAndChange = keepOrDeleteNull(createMergePatch(current, modified), false);
  const deletions = keepOrDeleteNull(createMergePatch(original, modified), true);
  return applyMergePatch(deletions, addAndChange) as JsonObject;
}
