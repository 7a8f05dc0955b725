// Kubernetes strategic merge patch (application/strategic-merge-patch+json) as the 1.32 API server
// applies it: a port of StrategicMergeMapPatch in k8s.io/apimachinery/pkg/util/strategicpatch/patch.go
// (mergeMap with MergeParallelList and IgnoreUnmatchedNulls), with the patch metadata of each field
// (the patchStrategy / patchMergeKey struct tags) supplied by an injected lookup.
//
// Semantics, as in Go:
//   - maps merge recursively; `null` deletes a key; a value of another type replaces;
//   - lists with strategy "merge": lists of maps merge by the merge key (items with `$patch: delete`
//     remove every item with that key, `$patch: replace` makes the list the patch's items,
//     `$patch: merge` is an error); lists of primitives merge as sets; merged lists are ordered
//     patch items first by the patch's order, interleaved with server-only items in live order;
//   - other lists (and maps with strategy "replace") are replaced by the patch value as is;
//   - `$patch: replace` in a map replaces the map, `$patch: delete` makes it `{}`;
//   - `$retainKeys: [...]` drops every key of the live map not listed (any map, as in Go), and
//     is 400 when the patch sets a key not listed;
//   - `$setElementOrder/<list>` fixes the order of the merged list (kubectl apply/edit/set send it);
//   - `$deleteFromPrimitiveList/<list>` removes values from a merged primitive list.
// Like Go, new items and replaced values are taken from the patch as they are: a directive nested
// inside them (other than `$patch` maps of added values) or a null member is kept; the real server
// then drops such unknown fields and nulls when it decodes the result into the typed object.
// Error codes and texts: see errors.ts (sentinels 400/422, every other error 500 with its Go text).
import { PatchError } from "./errors";
import { MAX_PATCH_DEPTH, assertPatchDepth, deepClone, getOwn, goFormat, goFormatS, goTypeName, hasOwn, isObject, jsonKind, setOwn, type JsonObject } from "./json-util";
import { goSortStable } from "../gosort";

export interface PatchMeta {
  mergeKey?: string;
  strategy?: string /* "merge" | "replace" | "retainKeys" | "merge,retainKeys" */;
}
/** path = field names from the object root, array element steps omitted, e.g. ["spec","template","spec","containers"] */
export type PatchMetaLookup = (path: readonly string[]) => PatchMeta | undefined;

const DIRECTIVE_MARKER = "$patch";
const DELETE_DIRECTIVE = "delete";
const REPLACE_DIRECTIVE = "replace";
const MERGE_DIRECTIVE = "merge";
const RETAIN_KEYS_STRATEGY = "retainKeys";
const DELETE_FROM_PRIMITIVE_LIST_PREFIX = "$deleteFromPrimitiveList";
const RETAIN_KEYS_DIRECTIVE = "$retainKeys";
const SET_ELEMENT_ORDER_PREFIX = "$setElementOrder";

// The sentinel errors of k8s.io/apimachinery/pkg/util/mergepatch/errors.go.
export const ERR_BAD_JSON_DOC = "invalid JSON document";
export const ERR_NO_LIST_OF_LISTS = "lists of lists are not supported";
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = "invalid patch format of primitive list";
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = "invalid patch format of retainKeys";
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = "invalid patch format of setElementOrder list";
export const ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS = "patch content doesn't match retainKeys list";
export const ERR_UNSUPPORTED_STRATEGIC_MERGE_PATCH_FORMAT = "strategic merge patch format is not supported";

// interpretStrategicMergePatchError: these sentinels are 400 BadRequest ...
const badPatch = (sentinel: string) => PatchError.badRequest(sentinel);
// ... ErrNoListOfLists is 422 with the generic message ...
const noListOfLists = () => PatchError.unprocessable(ERR_NO_LIST_OF_LISTS);
// ... and any other error is a 500 carrying the Go error text.
const internal = (text: string) => PatchError.internal(text);

/** mergepatch.ErrNoMergeKey. */
const errNoMergeKey = (m: JsonObject, k: string) => internal(`map: ${goFormat(m)} does not contain declared merge key: ${k}`);
/** mergepatch.ErrBadArgType(expected, actual), expected being a map or a slice. */
const errBadArgType = (expected: "map" | "slice", actual: unknown) =>
  internal(`expected a ${expected === "map" ? "map[string]interface {}" : "[]interface {}"}, but received a ${goTypeName(actual)}`);
/** mergepatch.ErrBadPatchType. */
const errBadPatchType = (t: unknown, m: JsonObject) => internal(`unknown patch type: ${goFormatS(t)} in map: ${goFormat(m)}`);

type Kind = "map" | "scalar";

interface Ctx {
  meta: PatchMetaLookup;
}

/** Patch strategies of a field: the comma-separated tag value split, as PatchMeta.GetPatchStrategies. */
function strategiesOf(pm: PatchMeta | undefined): string[] {
  return pm?.strategy ? pm.strategy.split(",") : [];
}

/** extractRetainKeysPatchStrategy: the strategy other than retainKeys. */
function otherStrategy(pm: PatchMeta | undefined): string {
  const s = strategiesOf(pm);
  switch (s.length) {
    case 0:
      return "";
    case 1:
      return s[0] === RETAIN_KEYS_STRATEGY ? "" : s[0];
    case 2:
      if (s[0] === RETAIN_KEYS_STRATEGY) return s[1];
      if (s[1] === RETAIN_KEYS_STRATEGY) return s[0];
      break;
  }
  throw internal(`unexpected patch strategy: [${s.join(" ")}]`);
}

/** Go's `==` on two interface{} values holding JSON scalars (maps and slices never compare equal here). */
function same(a: unknown, b: unknown): boolean {
  const x = a === undefined ? null : a;
  const y = b === undefined ? null : b;
  return x === y;
}

/** The Go type of a value, for reflect.TypeOf comparisons: numbers are one type. */
function typeOf(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (Array.isArray(v)) return "slice";
  return typeof v === "object" ? "map" : typeof v;
}

/** sliceElementType: all elements of all lists must have one type, and not be lists. */
function sliceElementKind(...slices: unknown[][]): Kind {
  let prev: string | undefined;
  for (const s of slices) {
    for (const v of s) {
      const t = typeOf(v);
      if (prev === undefined) {
        // reflect.TypeOf(nil).Kind() panics in Go; the handler recovers it as a 500.
        if (t === "nil") throw internal("runtime error: invalid memory address or nil pointer dereference");
        prev = t;
        if (prev === "slice") throw noListOfLists();
      } else if (prev !== t) {
        throw internal(`list element types are not identical: ${goFormat(slices)}`);
      }
    }
  }
  if (prev === undefined) throw internal("no elements in any of the given slices");
  return prev === "map" ? "map" : "scalar";
}

/** extractKey: the list name after "<prefix>/". */
function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf("/");
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw badPatch(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw badPatch(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
    throw internal(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`);
  }
  return s.slice(slash + 1);
}

// ---- ordering (normalizeElementOrder and friends) ----

// Go finds items with linear scans (O(n·m)); here each list is indexed once with a Map, which
// gives the same answers: Map keys compare like Go's `==` on JSON scalars (and by identity for maps).

/** What index() compares: the merge-key value of a map item, or a scalar item itself; missing -> null. */
function keyOf(item: unknown, mergeKey: string, kind: Kind): unknown {
  const v = kind === "map" ? (isObject(item) ? getOwn(item, mergeKey) : undefined) : item;
  return v === undefined ? null : v;
}

/** index() for every item at once: the first position of each key in `l`. */
function positions(l: readonly unknown[], mergeKey: string, kind: Kind): Map<unknown, number> {
  const m = new Map<unknown, number>();
  for (let i = 0; i < l.length; i++) {
    const k = keyOf(l[i], mergeKey, kind);
    if (!m.has(k)) m.set(k, i);
  }
  return m;
}

const indexIn = (pos: Map<unknown, number>, val: unknown, mergeKey: string, kind: Kind): number => pos.get(keyOf(val, mergeKey, kind)) ?? -1;

/** validateMergeKeyInLists: every item is a map holding the merge key. */
function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isObject(item)) throw errBadArgType("map", item);
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** extractToDeleteItems: [items to keep, items with `$patch: delete`]. */
function extractToDeleteItems(l: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [];
  const del: unknown[] = [];
  for (const v of l) {
    if (!isObject(v)) throw errBadArgType("map", v);
    if (hasOwn(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) del.push(v);
    else keep.push(v);
  }
  return [keep, del];
}

/** normalizeSliceOrder: sorts `toSort` by the positions in `order`. */
function normalizeSliceOrder(toSort: unknown[], order: readonly unknown[], mergeKey: string, kind: Kind): unknown[] {
  let items = toSort.slice();
  let toDelete: unknown[] = [];
  if (kind === "map") {
    validateMergeKeyInLists(mergeKey, items, order as unknown[]);
    [items, toDelete] = extractToDeleteItems(items);
  }
  const pos = positions(order, mergeKey, kind);
  const ranked = items.map((item) => ({ item, rank: indexIn(pos, item, mergeKey, kind) }));
  goSortStable(ranked, (x, y) => (x.rank >= 0 && y.rank >= 0 ? x.rank < y.rank : true));
  return ranked.map((r) => r.item).concat(toDelete);
}

/** mergeSortedSlice: interleaves server-only items (`left`) into patch items (`right`) by live order. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: Kind): unknown[] {
  const pos = positions(serverOrder, mergeKey, kind);
  const size = left.length + right.length;
  const out: unknown[] = new Array(size);
  let i = 0;
  let j = 0;
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) out[k] = right[j++];
    else if (j >= right.length && i < left.length) out[k] = left[i++];
    else {
      const li = indexIn(pos, left[i], mergeKey, kind);
      const ri = indexIn(pos, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out[k] = left[i++];
      else out[k] = right[j++];
    }
  }
  return out;
}

function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: readonly unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: Kind): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

function partitionPrimitivesByPresentInList(original: readonly unknown[], partitionBy: readonly unknown[]): [unknown[], unknown[]] {
  // Go keys a map[interface{}]bool by the items: a map or list item panics (500).
  for (const v of [...partitionBy, ...original]) {
    if (typeof v === "object" && v !== null) throw internal(`runtime error: hash of unhashable type ${goTypeName(v)}`);
  }
  const inPatch = new Set(partitionBy);
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) (inPatch.has(v) ? patch : serverOnly).push(v);
  return [patch, serverOnly];
}

function partitionMapsByPresentInList(original: readonly unknown[], partitionBy: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  // findMapInSliceBasedOnKeyValue scans partitionBy from the start and fails on its first non-map
  // unless a match comes before it.
  const firstNonMap = partitionBy.findIndex((x) => !isObject(x));
  const keys = new Set<unknown>();
  for (const x of firstNonMap < 0 ? partitionBy : partitionBy.slice(0, firstNonMap)) {
    if (hasOwn(x as JsonObject, mergeKey)) keys.add(keyOf(x, mergeKey, "map"));
  }
  const patch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of original) {
    if (!isObject(v)) throw errBadArgType("map", v);
    if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    if (keys.has(keyOf(v, mergeKey, "map"))) patch.push(v);
    else if (firstNonMap >= 0) throw internal(`value for key ${firstNonMap} is not a map`);
    else serverOnly.push(v);
  }
  return [patch, serverOnly];
}

function partition(merged: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  return mergeKey === "" ? partitionPrimitivesByPresentInList(merged, by) : partitionMapsByPresentInList(merged, by, mergeKey);
}

// ---- directives ----

/** removeDirectives: drops maps carrying `$patch` (recursively); [value, keep]. Mutates. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (obj === null || obj === undefined) return [obj, true];
  if (Array.isArray(obj)) {
    const res: unknown[] = [];
    for (const v of obj) {
      const [nv, keep] = removeDirectives(v);
      if (keep) res.push(nv);
    }
    return [res, true];
  }
  if (isObject(obj)) {
    if (hasOwn(obj, DIRECTIVE_MARKER)) return [null, false];
    for (const k of Object.keys(obj)) {
      const [nv, keep] = removeDirectives(obj[k]);
      if (keep) obj[k] = nv;
      else delete obj[k];
    }
    return [obj, true];
  }
  return [obj, true];
}

/** discardNullValuesFromPatch. Mutates. */
function discardNulls(v: unknown): void {
  if (Array.isArray(v)) {
    for (const x of v) discardNulls(x);
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNulls(v[k]);
    }
  }
}

function containsDirectiveMarker(item: unknown): boolean {
  return isObject(item) && hasOwn(item, DIRECTIVE_MARKER);
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === "") return same(left, right);
  if (!isObject(left)) throw errBadArgType("map", left);
  if (!isObject(right)) throw errBadArgType("map", right);
  if (!hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return same(left[mergeKey], right[mergeKey]);
}

/** validatePatchWithSetOrderList: the patch items appear in the $setElementOrder list, in its order. */
function validatePatchWithSetOrderList(patchList: unknown[], setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey !== "" ? extractToDeleteItems(patchList)[0] : patchList;
  let pi = 0;
  let si = 0;
  while (pi < nonDelete.length && si < setOrderList.length) {
    if (containsDirectiveMarker(nonDelete[pi])) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(nonDelete[pi], setOrderList[si], mergeKey)) pi++;
    si++;
  }
  if (pi < nonDelete.length && si >= setOrderList.length) {
    throw internal(`The order in patch list:\n${goFormat(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goFormat(setOrderList)}\n`);
  }
}

/** applyRetainKeysDirective (server side: MergeParallelList). */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!Array.isArray(retain)) throw badPatch(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  const retained = new Set<unknown>(retain);
  const listed = (k: string) => retained.has(k);
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!listed(k)) throw badPatch(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!listed(k)) delete original[k];
}

/** mergePatchIntoOriginal: merges each list named by a $setElementOrder directive and orders it. */
function mergePatchIntoOriginal(ctx: Ctx, original: JsonObject, patch: JsonObject, path: readonly string[], depth: number): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX) || !hasOwn(patch, key)) continue;
    const setOrder = patch[key];
    delete patch[key];
    if (!Array.isArray(setOrder)) throw errBadArgType("slice", setOrder);
    const originalKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasOwn(original, originalKey);
    const foundPatch = hasOwn(patch, originalKey);
    const originalList = getOwn(original, originalKey);
    const patchList = getOwn(patch, originalKey);
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType("slice", originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType("slice", patchList);
    const originalValue = (foundOriginal ? originalList : []) as unknown[];
    const patchValue = (foundPatch ? patchList : []) as unknown[];

    const subPath = [...path, originalKey];
    const pm = ctx.meta(subPath);
    const strategy = otherStrategy(pm);
    const mergeKey = pm?.mergeKey ?? "";
    validatePatchWithSetOrderList(patchValue, setOrder, mergeKey);

    let merged: unknown[];
    if (foundOriginal && !foundPatch) merged = originalValue;
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchValue)[0] as unknown[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(ctx, originalValue, patchValue, subPath, strategy, mergeKey, false, depth + 1);
    else continue;

    const [patchItems, serverOnly] = partition(merged, setOrder, mergeKey);
    const kind = sliceElementKind(originalValue, patchValue);
    setOwn(original, originalKey, normalizeElementOrder(patchItems, serverOnly, setOrder, originalValue, mergeKey, kind));
    delete patch[originalKey];
  }
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

/** mergeMap: merges `patch` into `original`; both are our own copies and are mutated. */
function mergeMap(ctx: Ctx, original: JsonObject | null, patch: JsonObject, path: readonly string[], depth: number): JsonObject {
  // depth is the patch's own nesting depth, already bounded by assertPatchDepth; this is a backstop.
  if (depth > MAX_PATCH_DEPTH) throw PatchError.badRequest("the patch is nested too deeply");
  if (hasOwn(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const orig = original ?? {};
  applyRetainKeysDirective(orig, patch);
  mergePatchIntoOriginal(ctx, orig, patch, path, depth);

  for (const patchKey of Object.keys(patch)) {
    const patchV = patch[patchKey];
    let k = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      const noPrefixKey = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
      if (noPrefixKey.length > 0) k = noPrefixKey;
    }

    if (patchV === null) {
      delete orig[k];
      continue;
    }

    const takePatchValue = () => {
      if (isDeleteList) return;
      discardNulls(patchV);
      const [v, keep] = removeDirectives(patchV);
      if (keep) setOwn(orig, k, v);
      else delete orig[k];
    };

    if (!hasOwn(orig, k)) {
      takePatchValue();
      continue;
    }
    const origV = orig[k];
    const origType = typeOf(origV);
    if (origType !== typeOf(patchV)) {
      takePatchValue();
      continue;
    }
    if (origType === "map") {
      const pm = ctx.meta([...path, k]);
      const strategy = otherStrategy(pm);
      setOwn(orig, k, strategy !== REPLACE_DIRECTIVE ? mergeMap(ctx, origV as JsonObject, patchV as JsonObject, [...path, k], depth + 1) : patchV);
    } else if (origType === "slice") {
      const pm = ctx.meta([...path, k]);
      const strategy = otherStrategy(pm);
      setOwn(orig, k, mergeSliceHandler(ctx, origV as unknown[], patchV as unknown[], [...path, k], strategy, pm?.mergeKey ?? "", isDeleteList, depth + 1));
    } else {
      const [v, keep] = removeDirectives(patchV);
      if (keep) setOwn(orig, k, v);
      else delete orig[k];
    }
  }
  return orig;
}

function mergeSliceHandler(ctx: Ctx, original: unknown[], patch: unknown[], path: readonly string[], strategy: string, mergeKey: string, isDeleteList: boolean, depth: number): unknown[] {
  // Delete lists are handled the same way regardless of the field's patch strategy.
  if (strategy === MERGE_DIRECTIVE || isDeleteList) return mergeSlice(ctx, original, patch, path, mergeKey, isDeleteList, depth);
  return patch;
}

// Go slices share their backing array. Deleting from the live list (append(s[:i], s[i+1:]...)) shifts
// its items in place and appending new items writes into the freed slots, so the caller's view of the
// live list changes: mergePatchIntoOriginal then orders server-only items by that changed list. The
// real server's results depend on it (e.g. "add map and delete map from merging list" in Go's tests),
// so the live list is handled as a Go slice: `b` is the backing array (the live list's own array),
// `len` the slice's length; appends past the end of `b` move to a private copy, as a reallocation.
interface GoSlice {
  b: unknown[];
  len: number;
  /** `b` is a private array (after a reallocation): appends push onto it. */
  owned?: boolean;
}

const view = (s: GoSlice): unknown[] => s.b.slice(0, s.len);

function goAppend(s: GoSlice, v: unknown): GoSlice {
  if (s.owned && s.len === s.b.length) {
    s.b.push(v);
    return { b: s.b, len: s.len + 1, owned: true };
  }
  if (s.len < s.b.length) {
    s.b[s.len] = v;
    return { b: s.b, len: s.len + 1, owned: s.owned };
  }
  const b = view(s);
  b.push(v);
  return { b, len: b.length, owned: true };
}

/** Up to this many items, a list with duplicates is deduplicated in place with Go's own O(n²) loop. */
const GO_DEDUPLICATE_MAX_ITEMS = 4096;

/**
 * deduplicateScalars(append(original, patch...)). The order it leaves is normalized afterwards, so
 * only its side effect matters: when the patch list is empty, Go's append returns the live list
 * itself and the in-place loop rewrites it (visible to mergePatchIntoOriginal). That loop is run
 * when it writes anything (duplicates present) on lists of reasonable size; otherwise a Set does it.
 */
function deduplicateScalars(original: unknown[], patch: readonly unknown[]): unknown[] {
  const all = patch.length === 0 ? original : [...original, ...patch];
  const unique = [...new Set(all)];
  if (patch.length > 0 || unique.length === all.length || all.length > GO_DEDUPLICATE_MAX_ITEMS) return unique;
  const s = all;
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (same(s[i], s[j])) {
        s[j] = s[length];
        length--;
        j--;
      }
    }
  }
  return s.slice(0, length + 1);
}

function deleteFromSlice(current: readonly unknown[], toDelete: readonly unknown[]): unknown[] {
  const del = new Set(toDelete);
  return current.filter((v) => !del.has(v));
}

/** mergeSlice; may rewrite `original` in place the way Go rewrites the live list's backing array. */
function mergeSlice(ctx: Ctx, original: unknown[], patch: unknown[], path: readonly string[], mergeKey: string, isDeleteList: boolean, depth: number): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: unknown[];
  let serverOrder: GoSlice = { b: original, len: original.length };
  let pat = patch;
  if (kind !== "map") {
    if (isDeleteList) return deleteFromSlice(original, pat);
    merged = deduplicateScalars(original, pat);
  } else {
    if (mergeKey === "") throw internal("cannot merge lists without merge key for struct");
    [serverOrder, pat] = mergeSliceWithSpecialElements(serverOrder, pat, mergeKey);
    merged = view(mergeSliceWithoutSpecialElements(ctx, { ...serverOrder }, pat, mergeKey, path, depth));
  }
  const [patchItems, serverOnly] = partition(merged, pat, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, pat, view(serverOrder), mergeKey, kind);
}

/** Handles list items carrying `$patch`; returns [original, patch without them]. */
function mergeSliceWithSpecialElements(original: GoSlice, patch: unknown[], mergeKey: string): [GoSlice, unknown[]] {
  const plain: unknown[] = [];
  const deletes: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasOwn(item, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      deletes.push(keyOf(item, mergeKey, "map"));
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true; // keep going, to prune the other $patch items
    } else if (directive === MERGE_DIRECTIVE) {
      throw internal("merging lists cannot yet be specified in the patch");
    } else {
      throw errBadPatchType(directive, item);
    }
  }
  const orig = deleteMatchingEntries(original, mergeKey, deletes);
  return replace ? [{ b: plain, len: plain.length }, []] : [orig, plain];
}

/**
 * deleteMatchingEntries for each `$patch: delete` value in order, as Go does it: every match is
 * cut with append(s[:i], s[i+1:]...), which shifts the rest left in the live list's backing array
 * and leaves the freed slots at the end holding the list's last item at that time. Done in one pass.
 */
function deleteMatchingEntries(s: GoSlice, mergeKey: string, values: readonly unknown[]): GoSlice {
  if (values.length === 0) return { ...s };
  // firstDel[p]: the first delete value (by position in `values`) that removes item p.
  const order = new Map<unknown, number>();
  values.forEach((v, i) => {
    if (!order.has(v)) order.set(v, i);
  });
  const n = s.len;
  const firstDel = new Array<number>(n);
  for (let p = 0; p < n; p++) {
    const item = s.b[p];
    const d = isObject(item) && hasOwn(item, mergeKey) ? order.get(keyOf(item, mergeKey, "map")) : undefined;
    firstDel[p] = d ?? Infinity;
  }
  // How many items each delete value removes, and the last surviving item before it runs.
  const removed = new Array<number>(values.length).fill(0);
  for (const d of firstDel) if (d !== Infinity) removed[d]++;
  const lastBefore = new Array<unknown>(values.length);
  let q = n - 1;
  for (let j = 0; j < values.length; j++) {
    while (q >= 0 && firstDel[q] < j) q--;
    lastBefore[j] = q >= 0 ? s.b[q] : undefined;
  }
  const b = s.b;
  const old = b.slice(0, n);
  let w = 0;
  for (let p = 0; p < n; p++) if (firstDel[p] === Infinity) b[w++] = old[p];
  let len = n;
  for (let j = 0; j < values.length; j++) {
    for (let k = len - removed[j]; k < len; k++) b[k] = lastBefore[j];
    len -= removed[j];
  }
  return { b, len: w };
}

function mergeSliceWithoutSpecialElements(ctx: Ctx, original: GoSlice, patch: unknown[], mergeKey: string, path: readonly string[], depth: number): GoSlice {
  let out = original;
  // First position of each merge-key value (findMapInSliceBasedOnKeyValue without rescanning).
  const pos = new Map<unknown, number>();
  const index = (i: number) => {
    const item = out.b[i];
    if (isObject(item) && hasOwn(item, mergeKey)) {
      const k = keyOf(item, mergeKey, "map");
      if (!pos.has(k)) pos.set(k, i);
    }
  };
  for (let i = 0; i < out.len; i++) index(i);
  const find = (value: unknown): number => {
    const i = pos.get(value === undefined ? null : value);
    if (i === undefined) return -1;
    const item = out.b[i] as JsonObject;
    if (hasOwn(item, mergeKey) && same(item[mergeKey], value)) return i;
    // A merge of that item dropped its key ($retainKeys without it): scan as Go does.
    return view(out).findIndex((x) => isObject(x) && hasOwn(x, mergeKey) && same(x[mergeKey], value));
  };
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const i = find(item[mergeKey]);
    if (i >= 0) out.b[i] = mergeMap(ctx, out.b[i] as JsonObject, item, path, depth + 1);
    else {
      out = goAppend(out, v);
      index(out.len - 1);
    }
  }
  return out;
}

/**
 * Applies a strategic merge patch (the parsed request body) to `original`, returning a new document.
 * `meta` gives the patch strategy and merge key of a field by its path from the root.
 */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMetaLookup): unknown {
  if (patch === null || patch === undefined) return deepClone(original); // a nil map patches nothing
  if (!isObject(patch)) throw PatchError.badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
  assertPatchDepth(patch);
  if (original !== null && original !== undefined && !isObject(original)) throw PatchError.badRequest(ERR_BAD_JSON_DOC);
  const orig = isObject(original) ? deepClone(original) : {};
  return mergeMap({ meta }, orig, deepClone(patch), [], 0);
}
