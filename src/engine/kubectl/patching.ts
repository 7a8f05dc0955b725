// How kubectl computes the patches it sends: strategic merge patches for the kinds compiled into
// kubectl (their patch strategies and merge keys come from the Go types, which here are the same
// built-in kind descriptions the API server uses), JSON merge patches for everything else (custom
// resources), as kubectl's apply patcher, edit, set and rollout do. Also the
// kubectl.kubernetes.io/last-applied-configuration annotation (k8s.io/kubectl/pkg/util/apply.go).
import type { ApiResource, KubeObject } from "./client";
import { BUILTIN_KINDS } from "../kinds/all";
import { patchMetaLookup } from "../apiserver/schemas";
import type { PatchMetaLookup } from "../machinery/patch/strategic-merge-patch";
import { createMergePatch, createThreeWayJsonMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from "../machinery/patch/create-patch";
import { MERGE_PATCH_CONTENT_TYPE, STRATEGIC_MERGE_PATCH_CONTENT_TYPE } from "../machinery/patch";

export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/** Patch metadata for a group/version/kind kubectl knows (scheme.Scheme), or undefined. */
export function builtinPatchMeta(mapping: Pick<ApiResource, "group" | "version" | "kind">): PatchMetaLookup | undefined {
  const def = BUILTIN_KINDS.find((k) => k.group === mapping.group && k.version === mapping.version && k.kind === mapping.kind);
  return def ? patchMetaLookup(def) : undefined;
}

export interface ComputedPatch {
  contentType: string;
  patch: Record<string, unknown>;
}

/** A two-way patch from `original` to `modified` (edit, set, rollout pause/resume/restart). */
export function twoWayPatch(mapping: ApiResource, original: KubeObject, modified: KubeObject): ComputedPatch {
  const meta = builtinPatchMeta(mapping);
  if (meta) return { contentType: STRATEGIC_MERGE_PATCH_CONTENT_TYPE, patch: createTwoWayMergePatch(original, modified, meta) };
  return { contentType: MERGE_PATCH_CONTENT_TYPE, patch: createMergePatch(original, modified) };
}

/** apply's three-way patch between the last applied configuration, the new one and the live object. */
export function threeWayPatch(mapping: ApiResource, original: KubeObject, modified: KubeObject, current: KubeObject): ComputedPatch {
  const meta = builtinPatchMeta(mapping);
  if (meta) return { contentType: STRATEGIC_MERGE_PATCH_CONTENT_TYPE, patch: createThreeWayMergePatch(original, modified, current, meta) };
  return { contentType: MERGE_PATCH_CONTENT_TYPE, patch: createThreeWayJsonMergePatch(original, modified, current) };
}

/** Go's json.Marshal of a map: keys sorted, recursively (how the annotation's JSON is written). */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The last applied configuration stored on an object, parsed (an empty object when none). */
export function originalConfiguration(obj: KubeObject): KubeObject | undefined {
  const text = obj.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (text === undefined || text === "") return undefined;
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" ? v : undefined;
  } catch {
    return undefined;
  }
}

/**
 * util.GetModifiedConfiguration(obj, annotate=true): the object with the annotation set to the JSON
 * of the object itself (without that annotation), followed by a newline as kubectl writes it.
 * With annotate=false (kubectl diff) the object without the annotation.
 */
export function modifiedConfiguration(obj: KubeObject, annotate = true): KubeObject {
  const copy: KubeObject = structuredClone(obj);
  copy.metadata ??= {};
  const annotations: Record<string, string> = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  // An object without annotations gets an empty map (Unstructured.SetAnnotations), so the JSON
  // always carries `"annotations":{}`.
  const withoutAnnotation: KubeObject = { ...copy, metadata: { ...copy.metadata, annotations } };
  if (!annotate) return withoutAnnotation;
  const text = goJson(withoutAnnotation) + "\n";
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: text };
  return copy;
}

/** Removes nulls from maps, recursively (apply's pruneNullsFromMap before a create). */
export function pruneNulls(v: unknown): void {
  if (Array.isArray(v)) v.forEach(pruneNulls);
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (o[k] === null) delete o[k];
      else pruneNulls(o[k]);
    }
  }
}
