// RFC 7386 JSON Merge Patch (application/merge-patch+json) as the Kubernetes 1.32 API server
// applies it: jsonpatch.MergePatch of gopkg.in/evanphx/json-patch.v4 v4.12.0, after the handler's
// default strict decode of the body into map[string]interface{}.
//   - an object merges key by key; `null` deletes a key; any non-object value replaces wholesale;
//   - a value set where the document has no (or a null) value, or over a non-object, has its null
//     object members pruned recursively, also inside arrays (nulls that are array elements stay);
//   - a non-object value replacing an existing object is taken as is.
// Errors (see errors.ts): body not an object -> 400 "error decoding patch: json: cannot unmarshal
// ... into Go value of type map[string]interface {}"; body `null` -> 400 "Invalid JSON Patch".
import { PatchError } from "./errors";
import { assertPatchDepth, deepClone, getOwn, isObject, jsonKind, setOwn, type JsonObject } from "./json-util";

/** jsonpatch.ErrBadJSONPatch. */
export const ERR_BAD_JSON_PATCH = "Invalid JSON Patch";

/** pruneNulls: drops null object members, recursing through objects and arrays. Mutates `v`. */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null) pruneNulls(x);
  } else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else pruneNulls(v[k]);
    }
  }
  return v;
}

/** merge(cur, patch): `cur` is a document value we own; `patch` is read-only. */
function merge(cur: unknown, patch: unknown): unknown {
  if (!isObject(cur)) return pruneNulls(deepClone(patch));
  if (!isObject(patch)) return deepClone(patch);
  mergeDocs(cur, patch);
  return cur;
}

function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = getOwn(doc, k);
    if (cur === undefined || cur === null) setOwn(doc, k, pruneNulls(deepClone(v)));
    else setOwn(doc, k, merge(cur, v));
  }
}

/** Applies a JSON merge patch (the parsed request body) to `original`, returning a new document. */
export function applyMergePatch(original: unknown, patch: unknown): unknown {
  if (patch === null || patch === undefined) throw PatchError.badRequest(ERR_BAD_JSON_PATCH);
  if (!isObject(patch)) {
    throw PatchError.badRequest(`error decoding patch: json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
  }
  assertPatchDepth(patch);
  // A non-object document is replaced by the patch with its nulls pruned (jsonpatch.doMergePatch).
  if (!isObject(original)) return pruneNulls(deepClone(patch));
  const doc = deepClone(original);
  mergeDocs(doc, patch);
  return doc;
}
