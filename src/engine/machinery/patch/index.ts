// The PATCH verb's three body formats, dispatched by Content-Type the way
// k8s.io/apiserver/pkg/endpoints/handlers/patch.go does. Server-side apply
// (application/apply-patch+yaml) is not handled here.
import { PatchError } from "./errors";
import { applyJsonPatch } from "./json-patch";
import { isObject, jsonKind } from "./json-util";
import { applyMergePatch, ERR_BAD_JSON_PATCH } from "./merge-patch";
import { applyStrategicMergePatch, type PatchMetaLookup } from "./strategic-merge-patch";

export { PatchError, GENERIC_422_MESSAGE, type PatchErrorCode, type PatchErrorOptions } from "./errors";
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS, JSON_PATCH_MAX_COPY_BYTES, type JsonPatchOperation } from "./json-patch";
export { applyMergePatch } from "./merge-patch";
export { applyStrategicMergePatch, type PatchMeta, type PatchMetaLookup } from "./strategic-merge-patch";
export { MAX_PATCH_DEPTH } from "./json-util";

export const JSON_PATCH_CONTENT_TYPE = "application/json-patch+json";
export const MERGE_PATCH_CONTENT_TYPE = "application/merge-patch+json";
export const STRATEGIC_MERGE_PATCH_CONTENT_TYPE = "application/strategic-merge-patch+json";
export const APPLY_PATCH_CONTENT_TYPE = "application/apply-patch+yaml";

export type PatchContentType = typeof JSON_PATCH_CONTENT_TYPE | typeof MERGE_PATCH_CONTENT_TYPE | typeof STRATEGIC_MERGE_PATCH_CONTENT_TYPE;

/** What a built-in resource's PATCH route consumes (installer.go), in the order the 415 message lists them. */
export const BUILTIN_PATCH_CONTENT_TYPES: readonly string[] = [
  JSON_PATCH_CONTENT_TYPE,
  MERGE_PATCH_CONTENT_TYPE,
  STRATEGIC_MERGE_PATCH_CONTENT_TYPE,
  APPLY_PATCH_CONTENT_TYPE,
];

/**
 * The patch type of a Content-Type header as the handler reads it: everything before the first ";"
 * (only when ";" is not the first character), compared exactly (no trimming, case-sensitive).
 * Returns undefined for anything that is not one of the three patch types handled here.
 */
export function patchContentType(header: string): PatchContentType | undefined {
  const idx = header.indexOf(";");
  const ct = idx > 0 ? header.slice(0, idx) : header;
  return ct === JSON_PATCH_CONTENT_TYPE || ct === MERGE_PATCH_CONTENT_TYPE || ct === STRATEGIC_MERGE_PATCH_CONTENT_TYPE ? ct : undefined;
}

/**
 * Parses a raw PATCH body. Errors are the 400s the 1.32 server gives for a body that is not JSON:
 * merge patch "Invalid JSON Patch"; the others the JSON decoder's text (ours is JavaScript's, not Go's).
 */
export function parsePatchBody(contentType: string, text: string): unknown {
  const ct = patchContentType(contentType);
  try {
    return JSON.parse(text);
  } catch (e) {
    if (ct === MERGE_PATCH_CONTENT_TYPE) throw PatchError.badRequest(ERR_BAD_JSON_PATCH);
    const why = text.trim() === "" ? "unexpected end of JSON input" : (e as Error).message;
    throw PatchError.badRequest(ct === JSON_PATCH_CONTENT_TYPE ? `error decoding patch: ${why}` : why);
  }
}

/**
 * Applies a PATCH body (already parsed from JSON) to `original` by Content-Type, returning a new
 * object; the inputs are never mutated. `meta` is only used by strategic merge patch.
 * Throws PatchError (see errors.ts for the code of each failure), including 415 for a
 * Content-Type that is not one of the three, and 422 when the patched document is not an object
 * (the real server fails to decode it into the kind).
 */
export function applyPatch(contentType: string, original: unknown, patchBody: unknown, meta: PatchMetaLookup): unknown {
  let result: unknown;
  switch (patchContentType(contentType)) {
    case JSON_PATCH_CONTENT_TYPE:
      result = applyJsonPatch(original, patchBody);
      break;
    case MERGE_PATCH_CONTENT_TYPE:
      result = applyMergePatch(original, patchBody);
      break;
    case STRATEGIC_MERGE_PATCH_CONTENT_TYPE:
      result = applyStrategicMergePatch(original, patchBody, meta);
      break;
    default:
      throw PatchError.unsupportedMediaType(BUILTIN_PATCH_CONTENT_TYPES);
  }
  if (!isObject(result)) {
    throw PatchError.invalidPatchedObject(
      JSON.stringify(result),
      `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(result)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    );
  }
  return result;
}
