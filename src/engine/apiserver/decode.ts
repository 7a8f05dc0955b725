// Decoding an object against its kind's schema the way the API server's JSON decoder does:
// wrong types fail with Go's unmarshal wording, unknown fields are collected (strict decoding
// rejects them, otherwise they are dropped with a warning), quantities are canonicalised.
import type { KindDef, KubeObject } from "../kinds/types";
import { badRequest } from "../machinery/status";
import { canonicalQuantity } from "./quantity-canonical";
import { kindSchemaOf, refName, resolve, type JsonSchema, type KindSchema } from "./schemas";
import { LIMITS } from "../limits";
import { isCustomResourceKind } from "../kinds/apiextensions/crd";

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export interface DecodeResult {
  object: KubeObject;
  /** Unknown fields found (already removed from object), as `spec.foo` paths. */
  unknownFields: string[];
}

class TypeMismatch extends Error {}

/** Checks types and prunes unknown fields. Throws 400 BadRequest like the real decoder. */
export function decodeObject(def: KindDef, input: unknown, validation: FieldValidation): DecodeResult {
  const ks = kindSchemaOf(def);
  const unknown: string[] = [];
  const gv = def.group ? `${def.group}/${def.version}` : def.version;
  const prefix = `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}`;
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw badRequest(`${prefix}: json: cannot unmarshal ${goJsonType(input)} into Go value of type ${goTypeName(def)}`);
  }
  let object: unknown;
  // Custom resources are checked by their structural schema in validate(), with its own wording;
  // decoding only prunes unknown fields there.
  const typed = !isCustomResourceKind(def);
  try {
    object = walk(input, ks.root, ks, "", def.kind, 0, unknown, true, typed);
  } catch (e) {
    if (e instanceof TypeMismatch) throw badRequest(`${prefix}: ${e.message}`);
    throw e;
  }
  const obj = object as KubeObject;
  if (validation === "Strict" && unknown.length) {
    throw badRequest(`${prefix}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(", ")}`);
  }
  obj.apiVersion = gv;
  obj.kind = def.kind;
  if (!obj.metadata || typeof obj.metadata !== "object") obj.metadata = {};
  return { object: obj, unknownFields: unknown };
}

/** Drops fields the schema does not declare, leaving values and types as they are (custom resources). */
function prune(value: unknown, s: JsonSchema, ks: KindSchema, path: string, depth: number, unknown: string[], root: boolean): unknown {
  if (Array.isArray(value)) return s.type === "array" ? value.map((v, i) => walk(v, s.items, ks, `${path}[${i}]`, "", depth + 1, unknown, false, false)) : value;
  if (typeof value !== "object" || value === null || s.type !== "object" || !s.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${k}` : k;
    if (k in s.properties) out[k] = walk(v, s.properties[k], ks, childPath, "", depth + 1, unknown, false, false);
    else if (s.additionalProperties && typeof s.additionalProperties === "object") out[k] = walk(v, s.additionalProperties, ks, childPath, "", depth + 1, unknown, false, false);
    else if (!(root && (k === "apiVersion" || k === "kind"))) unknown.push(childPath);
  }
  return out;
}

function goTypeName(def: KindDef): string {
  return `${def.group ? def.group.split(".")[0] : "v1"}.${def.kind}`.replace(/^apps\./, "v1.");
}

function goJsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  return typeof v;
}

/** Go type as the decoder names it in messages: int32, string, []v1.Container, map[string]string. */
function goType(s: JsonSchema, ks: KindSchema, raw?: JsonSchema): string {
  const id = raw?.$ref ? refName(raw.$ref) : undefined;
  if (id) return `v1.${id.slice(id.lastIndexOf(".") + 1)}`;
  if (s["x-kubernetes-int-or-string"]) return "intstr.IntOrString";
  if (s["x-kubernetes-quantity"]) return "resource.Quantity";
  switch (s.type) {
    case "integer":
      return s.format === "int64" ? "int64" : "int32";
    case "number":
      return "float64";
    case "string":
      return s.format === "byte" ? "[]uint8" : "string";
    case "boolean":
      return "bool";
    case "array": {
      const it = resolve(s.items, ks);
      return `[]${it ? goType(it, ks, s.items) : "interface {}"}`;
    }
    case "object":
      if (s.additionalProperties && typeof s.additionalProperties === "object") {
        const v = resolve(s.additionalProperties, ks)!;
        return `map[string]${goType(v, ks, s.additionalProperties)}`;
      }
      return "struct";
  }
  return "interface {}";
}

function mismatch(value: unknown, s: JsonSchema, ks: KindSchema, raw: JsonSchema | undefined, structName: string, path: string): never {
  throw new TypeMismatch(`json: cannot unmarshal ${goJsonType(value)} into Go struct field ${structName}.${path} of type ${goType(s, ks, raw)}`);
}

function walk(value: unknown, raw: JsonSchema | undefined, ks: KindSchema, path: string, structName: string, depth: number, unknown: string[], root = false, typed = true): unknown {
  if (depth > LIMITS.maxDocumentDepth) throw badRequest("the object is nested too deeply");
  const s = resolve(raw, ks);
  if (!s || s["x-kubernetes-preserve-unknown-fields"]) return value;
  if (value === null) return undefined;
  if (!typed) return prune(value, s, ks, path, depth, unknown, root);
  if (s["x-kubernetes-int-or-string"]) {
    if (typeof value === "number" && Number.isInteger(value)) return value;
    if (typeof value === "string") return value;
    return mismatch(value, s, ks, raw, structName, path);
  }
  if (s["x-kubernetes-quantity"]) {
    if (typeof value !== "string" && typeof value !== "number") return mismatch(value, s, ks, raw, structName, path);
    const q = canonicalQuantity(String(value));
    if (q === undefined) throw new TypeMismatch("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    return q;
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      if (typeof value !== "string") return mismatch(value, s, ks, raw, structName, path);
      return value;
    case "integer":
      if (typeof value !== "number") return mismatch(value, s, ks, raw, structName, path);
      if (!Number.isInteger(value)) throw new TypeMismatch(`json: cannot unmarshal number ${value} into Go struct field ${structName}.${path} of type ${goType(s, ks, raw)}`);
      return value;
    case "number":
      if (typeof value !== "number") return mismatch(value, s, ks, raw, structName, path);
      return value;
    case "boolean":
      if (typeof value !== "boolean") return mismatch(value, s, ks, raw, structName, path);
      return value;
    case "array": {
      if (!Array.isArray(value)) return mismatch(value, s, ks, raw, structName, path);
      return value.map((item, i) => walk(item, s.items, ks, `${path}[${i}]`, structName, depth + 1, unknown));
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return mismatch(value, s, ks, raw, structName, path);
      const out: Record<string, unknown> = {};
      const props = s.properties;
      const childStruct = raw?.$ref && !root ? refName(raw.$ref).slice(refName(raw.$ref).lastIndexOf(".") + 1) : structName;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        // Strategic-merge directives left in newly added list items are not fields (the server drops them).
        if (k.startsWith("$")) continue;
        const childPath = path ? `${path}.${k}` : k;
        let childSchema: JsonSchema | undefined;
        if (props && k in props) childSchema = props[k];
        else if (s.additionalProperties && typeof s.additionalProperties === "object") childSchema = s.additionalProperties;
        else if (props || s.additionalProperties === false) {
          if (!(root && (k === "apiVersion" || k === "kind"))) unknown.push(childPath);
          continue;
        } else {
          out[k] = v;
          continue;
        }
        // Struct names in Go messages are the nearest named type; field paths stay rooted at the object.
        const r = walk(v, childSchema, ks, childPath, childStruct, depth + 1, unknown);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
  }
  return value;
}
