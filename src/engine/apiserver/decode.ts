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
    object = walk(input, ks.root, ks, "", { struct: def.kind, path: "" }, 0, unknown, true, typed);
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
  // Every ObjectMeta map and list is `omitempty`: once decoded into Go types an emptied one (after
  // `kubectl label x key-`) is not encoded back, so `labels: {}` never shows in a response.
  for (const f of ["labels", "annotations", "finalizers", "ownerReferences"] as const) {
    const v = obj.metadata[f] as unknown;
    if (v && typeof v === "object" && Object.keys(v).length === 0) delete obj.metadata[f];
  }
  return { object: obj, unknownFields: unknown };
}

const NO_GO: GoContext = { struct: "", path: "" };

/** Drops fields the schema does not declare, leaving values and types as they are (custom resources). */
function prune(value: unknown, s: JsonSchema, ks: KindSchema, path: string, depth: number, unknown: string[], root: boolean): unknown {
  if (Array.isArray(value)) return s.type === "array" ? value.map((v, i) => walk(v, s.items, ks, `${path}[${i}]`, NO_GO, depth + 1, unknown, false, false)) : value;
  if (typeof value !== "object" || value === null || s.type !== "object" || !s.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const childPath = path ? `${path}.${k}` : k;
    // metadata is a typed ObjectMeta in custom resources too (schemaobjectmeta.Coerce).
    if (root && k === "metadata") out[k] = walk(v, s.properties[k], ks, childPath, { struct: "ObjectMeta", path: "metadata" }, depth + 1, unknown, false, true);
    else if (k in s.properties) out[k] = walk(v, s.properties[k], ks, childPath, NO_GO, depth + 1, unknown, false, false);
    else if (s.additionalProperties && typeof s.additionalProperties === "object") out[k] = walk(v, s.additionalProperties, ks, childPath, NO_GO, depth + 1, unknown, false, false);
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
  const named = namedStruct(raw);
  if (named) return `v1.${named}`;
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

function mismatch(value: unknown, s: JsonSchema, ks: KindSchema, raw: JsonSchema | undefined, go: GoContext): never {
  throw new TypeMismatch(`json: cannot unmarshal ${goJsonType(value)} into Go struct field ${go.struct}.${go.path} of type ${goType(s, ks, raw)}`);
}

/** What Go's decoder leaves for a JSON null inside a list: the element type's zero value ([null] → [{}] for structs). */
function zeroValue(raw: JsonSchema | undefined, ks: KindSchema): unknown {
  const s = resolve(raw, ks);
  if (!s || s["x-kubernetes-preserve-unknown-fields"]) return null;
  if (s["x-kubernetes-int-or-string"]) return 0;
  if (s["x-kubernetes-quantity"]) return "0";
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case "string":
      return "";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "object":
      return {};
    case "array":
      return [];
  }
  return null;
}

/**
 * Where a value sits, as Go's encoding/json names it in errors: the struct holding the field and
 * the field names from the root (no list indices, no map keys), e.g. ObjectMeta + metadata.labels.
 */
interface GoContext {
  struct: string;
  path: string;
}

/** The Go type name of a schema that refers to a named definition (io.k8s.api.core.v1.Container -> Container). */
function namedStruct(raw: JsonSchema | undefined): string | undefined {
  const ref = raw?.$ref ?? raw?.allOf?.[0]?.$ref;
  if (!ref) return undefined;
  const name = refName(ref);
  return name.slice(name.lastIndexOf(".") + 1);
}

function walk(value: unknown, raw: JsonSchema | undefined, ks: KindSchema, path: string, go: GoContext, depth: number, unknown: string[], root = false, typed = true): unknown {
  if (depth > LIMITS.maxDocumentDepth) throw badRequest("the object is nested too deeply");
  const s = resolve(raw, ks);
  if (!s || s["x-kubernetes-preserve-unknown-fields"]) return value;
  if (value === null) return undefined;
  if (!typed) return prune(value, s, ks, path, depth, unknown, root);
  if (s["x-kubernetes-int-or-string"]) {
    if (typeof value === "number" && Number.isInteger(value)) return value;
    if (typeof value === "string") return value;
    return mismatch(value, s, ks, raw, go);
  }
  if (s["x-kubernetes-quantity"]) {
    if (typeof value !== "string" && typeof value !== "number") return mismatch(value, s, ks, raw, go);
    const q = canonicalQuantity(String(value));
    if (q === undefined) throw new TypeMismatch("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    return q;
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string":
      if (typeof value !== "string") return mismatch(value, s, ks, raw, go);
      if (s.format === "byte") {
        // []byte is base64 in JSON: encoding/json rejects what encoding/base64 cannot decode.
        const d = goBase64Decode(value);
        if ("corruptAt" in d) throw new TypeMismatch(`illegal base64 data at input byte ${d.corruptAt}`);
        return base64Encode(d.bytes);
      }
      return value;
    case "integer":
      if (typeof value !== "number") return mismatch(value, s, ks, raw, go);
      if (!Number.isInteger(value)) throw new TypeMismatch(`json: cannot unmarshal number ${value} into Go struct field ${go.struct}.${go.path} of type ${goType(s, ks, raw)}`);
      return value;
    case "number":
      if (typeof value !== "number") return mismatch(value, s, ks, raw, go);
      return value;
    case "boolean":
      if (typeof value !== "boolean") return mismatch(value, s, ks, raw, go);
      return value;
    case "array": {
      if (!Array.isArray(value)) return mismatch(value, s, ks, raw, go);
      return value.map((item, i) => (item === null ? zeroValue(s.items, ks) : walk(item, s.items, ks, `${path}[${i}]`, go, depth + 1, unknown)));
    }
    case "object": {
      if (typeof value !== "object" || Array.isArray(value)) return mismatch(value, s, ks, raw, go);
      const out: Record<string, unknown> = {};
      const props = s.properties;
      const here = root ? go.struct : namedStruct(raw) ?? go.struct;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        // Strategic-merge directives left in newly added list items are not fields (the server drops them).
        if (k.startsWith("$")) continue;
        const childPath = path ? `${path}.${k}` : k;
        let childSchema: JsonSchema | undefined;
        let childGo: GoContext;
        if (props && k in props) {
          childSchema = props[k];
          childGo = { struct: here, path: go.path ? `${go.path}.${k}` : k };
        } else if (s.additionalProperties && typeof s.additionalProperties === "object") {
          // Map values keep the map field's context: Go names no key.
          childSchema = s.additionalProperties;
          childGo = go;
        }
        else if (props || s.additionalProperties === false) {
          if (!(root && (k === "apiVersion" || k === "kind"))) unknown.push(childPath);
          continue;
        } else {
          out[k] = v;
          continue;
        }
        const r = walk(v, childSchema, ks, childPath, childGo!, depth + 1, unknown);
        if (r !== undefined) out[k] = r;
      }
      return out;
    }
  }
  return value;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Map([...B64].map((c, i) => [c.charCodeAt(0), i]));

/**
 * encoding/base64 StdEncoding.Decode, which encoding/json uses for []byte: line breaks are skipped,
 * padding is required, and a malformed input reports the byte offset Go's CorruptInputError names.
 */
export function goBase64Decode(text: string): { bytes: number[] } | { corruptAt: number } {
  const src = new TextEncoder().encode(text);
  const out: number[] = [];
  const newline = (b: number) => b === 10 || b === 13;
  let si = 0;
  while (si < src.length) {
    const q = [0, 0, 0, 0];
    let dlen = 4;
    let trailing: number | undefined;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: out };
        return { corruptAt: si - j };
      }
      const b = src[si++];
      const v = B64_VALUE.get(b);
      if (v !== undefined) {
        q[j] = v;
        continue;
      }
      if (newline(b)) {
        j--;
        continue;
      }
      if (b !== 61 || j < 2) return { corruptAt: si - 1 };
      if (j === 2) {
        while (si < src.length && newline(src[si])) si++;
        if (si === src.length) return { corruptAt: src.length };
        if (src[si] !== 61) return { corruptAt: si - 1 };
        si++;
      }
      while (si < src.length && newline(src[si])) si++;
      if (si < src.length) trailing = si;
      dlen = j;
      break;
    }
    const val = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
    out.push(...[(val >> 16) & 255, (val >> 8) & 255, val & 255].slice(0, dlen - 1));
    if (trailing !== undefined) return { corruptAt: trailing };
  }
  return { bytes: out };
}

/** Standard padded base64, as encoding/json writes []byte back. */
export function base64Encode(bytes: readonly number[]): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  return s;
}
