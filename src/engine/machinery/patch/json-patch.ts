// RFC 6902 JSON Patch (application/json-patch+json) as the Kubernetes 1.32 API server applies it:
// gopkg.in/evanphx/json-patch.v4 v4.12.0 behind k8s.io/apiserver's jsonPatcher, with its quirks:
//   - negative array indices count from the end (SupportNegativeIndices defaults to true);
//   - "replace" of a missing object key adds it (v4 only checks that the parent exists);
//   - "replace" of the whole document ("") with a non-container value is silently ignored;
//   - "copy" from a missing object key copies null; "test" of a missing key passes against null;
//   - "copy" may add at most 3 MiB in total (apiserver sets jsonpatch.AccumulatedCopySizeLimit).
// The operation list is decoded the way the handler does by default (fieldValidation Warn/Strict:
// kjson.UnmarshalStrict into []jsonPatchOp), so a malformed list is 400 BadRequest; more than
// 10000 operations is 413; any failing operation is 422 Invalid with the generic message (the
// evanphx text is kept in PatchError.detail). See errors.ts.
import { PatchError } from "./errors";
import { assertPatchDepth, deepClone, deepEqual, getOwn, hasOwn, isObject, jsonKind, setOwn, utf8Length, type JsonObject } from "./json-util";

/** maxJSONPatchOperations in k8s.io/apiserver/pkg/endpoints/handlers/patch.go. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/** JSONPatchMaxCopyBytes default of k8s.io/apiserver/pkg/server/config.go (3 MiB). */
export const JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

export type JsonPatchOperation = {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test" | string;
  path: string;
  from?: string;
  value?: unknown;
};

const MISSING = ": missing value";
const INVALID_INDEX = ": invalid index referenced";

/** A failed operation: becomes the generic 422. */
class OpError extends Error {}

const fail = (text: string): never => {
  throw new OpError(text);
};

type Container = JsonObject | unknown[];

function isContainer(v: unknown): v is Container {
  return typeof v === "object" && v !== null;
}

/** strconv.Atoi: optional sign, decimal digits, int64 range. */
function atoi(key: string): number {
  if (!/^[+-]?[0-9]+$/.test(key)) fail(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  const n = Number(key);
  if (!Number.isSafeInteger(n)) fail(`strconv.Atoi: parsing ${JSON.stringify(key)}: value out of range`);
  return n;
}

/** RFC 6901 unescaping, left to right: "~1" -> "/", then "~0" -> "~". */
function decodeKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === "~1" ? "/" : "~"));
}

// container operations, with the messages of partialDoc / partialArray

function cGet(c: Container, key: string): unknown {
  if (!Array.isArray(c)) return getOwn(c, key);
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -c.length) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
    idx += c.length;
  }
  if (idx >= c.length) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
  return c[idx];
}

function cAdd(c: Container, key: string, val: unknown): void {
  if (!Array.isArray(c)) {
    setOwn(c, key, val);
    return;
  }
  if (key === "-") {
    c.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    return fail(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  const size = c.length + 1;
  if (idx >= size) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
  if (idx < 0) {
    if (idx < -size) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
    idx += size;
  }
  c.splice(idx, 0, val);
}

/** Only called after cGet succeeded on the same key. */
function cSet(c: Container, key: string, val: unknown): void {
  if (!Array.isArray(c)) {
    setOwn(c, key, val);
    return;
  }
  let idx = atoi(key);
  if (idx < 0) idx += c.length;
  c[idx] = val;
}

function cRemove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!hasOwn(c, key)) fail(`Unable to remove nonexistent key: ${key}${MISSING}`);
    delete c[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= c.length) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
  if (idx < 0) {
    if (idx < -c.length) fail(`Unable to access invalid index: ${idx}${INVALID_INDEX}`);
    idx += c.length;
  }
  c.splice(idx, 1);
}

/** findObject: the container holding the last token of `path`, or null when any parent is missing. */
function findObject(doc: Container, path: string): { con: Container; key: string } | null {
  const split = path.split("/");
  if (split.length < 2) return null;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = cGet(cur, decodeKey(part));
    } catch (e) {
      if (e instanceof OpError) return null;
      throw e;
    }
    if (!isContainer(next)) return null;
    cur = next;
  }
  return { con: cur, key: decodeKey(split[split.length - 1]) };
}

/** Runs a container operation, prefixing its failure the way patch.go wraps it. */
function wrap<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof OpError) fail(`${prefix}: ${e.message}`);
    throw e;
  }
}

interface DecodedOp {
  op: unknown;
  path: unknown;
  from: unknown;
  hasValue: boolean;
  value: unknown;
  raw: JsonObject | null;
}

/**
 * Decodes the body as the handler does before applying (kjson.UnmarshalStrict into
 * []handlers.jsonPatchOp): a list of objects whose op/path/from are strings or null.
 */
function decodePatch(body: unknown): DecodedOp[] {
  const err = (msg: string): never => {
    throw PatchError.badRequest(`error decoding patch: ${msg}`);
  };
  if (body === null || body === undefined) return [];
  if (!Array.isArray(body)) return err(`json: cannot unmarshal ${jsonKind(body)} into Go value of type []handlers.jsonPatchOp`);
  const ops: DecodedOp[] = [];
  let first: string | undefined;
  for (const item of body) {
    if (item === null) {
      ops.push({ op: undefined, path: undefined, from: undefined, hasValue: false, value: undefined, raw: null });
      continue;
    }
    if (!isObject(item)) {
      first ??= `json: cannot unmarshal ${jsonKind(item)} into Go value of type handlers.jsonPatchOp`;
      continue;
    }
    for (const f of ["op", "path", "from"]) {
      const v = getOwn(item, f);
      if (v !== undefined && v !== null && typeof v !== "string") {
        first ??= `json: cannot unmarshal ${jsonKind(v)} into Go struct field jsonPatchOp.${f} of type string`;
      }
    }
    ops.push({ op: getOwn(item, "op"), path: getOwn(item, "path"), from: getOwn(item, "from"), hasValue: hasOwn(item, "value"), value: getOwn(item, "value"), raw: item });
  }
  if (first !== undefined) err(first);
  return ops;
}

/** Operation.Kind(): the op string, or "unknown". */
function kindOf(o: DecodedOp): string {
  return typeof o.op === "string" ? o.op : "unknown";
}

/** Operation.Path() / From(): the string, or the evanphx "missing" error text. */
function pathOf(o: DecodedOp): string | undefined {
  return typeof o.path === "string" ? o.path : undefined;
}
function fromOf(o: DecodedOp): string | undefined {
  return typeof o.from === "string" ? o.from : undefined;
}

/** The op's value (a fresh copy, so the result never aliases the patch); absent -> null. */
function valueOf(o: DecodedOp): unknown {
  return o.hasValue ? deepClone(o.value) : null;
}

interface State {
  doc: Container;
  copied: number;
}

function opAdd(s: State, o: DecodedOp): void {
  const path = pathOf(o);
  if (path === undefined) return fail(`add operation failed to decode path${MISSING}`);
  const f = findObject(s.doc, path);
  if (!f) return fail(`add operation does not apply: doc is missing path: "${path}"${MISSING}`);
  wrap(`error in add for path: '${path}'`, () => cAdd(f.con, f.key, valueOf(o)));
}

function opRemove(s: State, o: DecodedOp): void {
  const path = pathOf(o);
  if (path === undefined) return fail(`remove operation failed to decode path${MISSING}`);
  const f = findObject(s.doc, path);
  if (!f) return fail(`remove operation does not apply: doc is missing path: "${path}"${MISSING}`);
  wrap(`error in remove for path: '${path}'`, () => cRemove(f.con, f.key));
}

function opReplace(s: State, o: DecodedOp): void {
  const path = pathOf(o);
  if (path === undefined) return fail(`replace operation failed to decode path: operation missing path field${MISSING}`);
  if (path === "") {
    // evanphx v4 wraps a nil error here, so a non-container value is a silent no-op.
    const v = valueOf(o);
    if (isContainer(v)) s.doc = v;
    return;
  }
  const f = findObject(s.doc, path);
  if (!f) return fail(`replace operation does not apply: doc is missing path: ${path}${MISSING}`);
  try {
    cGet(f.con, f.key);
  } catch (e) {
    if (e instanceof OpError) fail(`replace operation does not apply: doc is missing key: ${path}${MISSING}`);
    throw e;
  }
  cSet(f.con, f.key, valueOf(o));
}

function opMove(s: State, o: DecodedOp): void {
  const from = fromOf(o);
  if (from === undefined) return fail(`move operation failed to decode from: operation, missing from field${MISSING}`);
  const src = findObject(s.doc, from);
  if (!src) return fail(`move operation does not apply: doc is missing from path: ${from}${MISSING}`);
  const val = wrap(`error in move for path: '${src.key}'`, () => cGet(src.con, src.key));
  wrap(`error in move for path: '${src.key}'`, () => cRemove(src.con, src.key));
  const path = pathOf(o);
  if (path === undefined) return fail(`move operation failed to decode path: operation missing path field${MISSING}`);
  const dst = findObject(s.doc, path);
  if (!dst) return fail(`move operation does not apply: doc is missing destination path: ${path}${MISSING}`);
  wrap(`error in move for path: '${path}'`, () => cAdd(dst.con, dst.key, val === undefined ? null : val));
}

function opTest(s: State, o: DecodedOp): void {
  const path = pathOf(o);
  if (path === undefined) return fail(`test operation failed to decode path: operation missing path field${MISSING}`);
  const expected = o.hasValue ? o.value : null;
  if (path === "") {
    if (deepEqual(s.doc, expected)) return;
    return fail(`testing value ${path} failed: test failed`);
  }
  const f = findObject(s.doc, path);
  if (!f) return fail(`test operation does not apply: is missing path: ${path}${MISSING}`);
  const actual = wrap(`error in test for path: '${path}'`, () => cGet(f.con, f.key));
  if (actual === undefined || actual === null) {
    if (expected === null) return;
    return fail(`testing value ${path} failed: test failed`);
  }
  if (!o.hasValue) return fail(`testing value ${path} failed: test failed`);
  if (deepEqual(actual, expected)) return;
  fail(`testing value ${path} failed: test failed`);
}

function opCopy(s: State, o: DecodedOp): void {
  const from = fromOf(o);
  if (from === undefined) return fail(`copy operation failed to decode from: operation, missing from field${MISSING}`);
  const src = findObject(s.doc, from);
  if (!src) return fail(`copy operation does not apply: doc is missing from path: ${from}${MISSING}`);
  const val = wrap(`error in copy for from: '${from}'`, () => cGet(src.con, src.key));
  const path = pathOf(o);
  if (path === undefined) return fail(`copy operation failed to decode path${MISSING}`);
  const dst = findObject(s.doc, path);
  if (!dst) return fail(`copy operation does not apply: doc is missing destination path: ${path}${MISSING}`);
  // deepCopy(nil) copies nothing and counts 0 bytes; the key is then set to null.
  if (val !== undefined && val !== null) {
    s.copied += utf8Length(JSON.stringify(val));
    if (s.copied > JSON_PATCH_MAX_COPY_BYTES) {
      fail(`Unable to complete the copy, the accumulated size increase of copy is ${s.copied}, exceeding the limit ${JSON_PATCH_MAX_COPY_BYTES}`);
    }
  }
  const copy = val === undefined ? null : deepClone(val);
  wrap("error while adding value during copy", () => cAdd(dst.con, dst.key, copy));
}

/**
 * Applies a JSON patch (the parsed request body) to `original`, returning a new document.
 * Throws PatchError: 400 malformed operation list, 413 too many operations, 422 failed operation.
 */
export function applyJsonPatch(original: unknown, patch: unknown): unknown {
  const ops = decodePatch(patch);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw PatchError.tooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  assertPatchDepth(patch);
  if (!isContainer(original)) {
    throw PatchError.unprocessable(`json: cannot unmarshal ${jsonKind(original)} into Go value of type jsonpatch.partialDoc`);
  }
  const state: State = { doc: deepClone(original), copied: 0 };
  for (const o of ops) {
    try {
      switch (kindOf(o)) {
        case "add":
          opAdd(state, o);
          break;
        case "remove":
          opRemove(state, o);
          break;
        case "replace":
          opReplace(state, o);
          break;
        case "move":
          opMove(state, o);
          break;
        case "test":
          opTest(state, o);
          break;
        case "copy":
          opCopy(state, o);
          break;
        default:
          fail(`Unexpected kind: ${kindOf(o)}`);
      }
    } catch (e) {
      if (e instanceof OpError) throw PatchError.unprocessable(e.message);
      throw e;
    }
  }
  return state.doc;
}
