// kubectl's typed round trip. Commands built with `WithScheme` (set image/env/resources/selector/
// serviceaccount/subject) decode objects into client-go's Go structs — no defaulting, unknown fields
// dropped, quantities canonical — and print those structs through encoding/json. So what they print
// differs from the manifest: every field without `omitempty` that holds a struct, string, number or
// bool appears even when the manifest left it out (`creationTimestamp: null`, `strategy: {}`,
// `resources: {}`, `status: {}`, `selector: null`, `targetPort: 0`), zero values of `omitempty`
// fields vanish (`hostNetwork: false`), and `-o json` lists fields in Go struct order.
//
// The structs come from go-types.generated.ts (scripts/gen-go-types.mjs); the decoding (types, Go's
// error wording, unknown fields, quantities) is the API server's own decoder (apiserver/decode.ts).
import type { KubeObject } from "../client";
import type { KindDef } from "../../kinds/types";
import { BUILTIN_KINDS } from "../../kinds/all";
import { decodeObject } from "../../apiserver/decode";
import { canonicalQuantity } from "../../apiserver/quantity-canonical";
import { ApiError } from "../../machinery/status";
import { GO_STRUCTS } from "./go-types.generated";
import { toGoJson } from "../printers/json";

type GoType =
  | { k: "s" | "i" | "f" | "b" | "y" | "t" | "q" | "x" | "d" | "r" }
  | { k: "*" | "[]" | "{}"; elem: GoType }
  | { k: "struct"; name: string };

interface GoField {
  json: string;
  type: GoType;
  omitempty: boolean;
}

function parseType(s: string): GoType {
  if (s.startsWith("*")) return { k: "*", elem: parseType(s.slice(1)) };
  if (s.startsWith("[]")) return { k: "[]", elem: parseType(s.slice(2)) };
  if (s.startsWith("{}")) return { k: "{}", elem: parseType(s.slice(2)) };
  if (s.includes(".")) return { k: "struct", name: s };
  return { k: s as "s" };
}

const fieldCache = new Map<string, GoField[]>();

/**
 * A struct's JSON fields in encoding order, embedded (`json:",inline"`) structs spliced in where
 * they are declared; a field of the outer struct wins over an embedded one of the same name.
 */
function fieldsOf(name: string): GoField[] {
  let fields = fieldCache.get(name);
  if (fields) return fields;
  const spec = GO_STRUCTS[name];
  if (spec === undefined) throw new Error(`no Go struct ${name}`);
  const own = spec ? spec.split(" ") : [];
  const ownNames = new Set(own.map((f) => f.slice(0, f.indexOf(":"))));
  fields = [];
  for (const f of own) {
    const colon = f.indexOf(":");
    const json = f.slice(0, colon);
    const omitempty = f.endsWith("?");
    const type = parseType(f.slice(colon + 1, omitempty ? -1 : undefined));
    if (json === "^") {
      const inner = type.k === "*" ? type.elem : type;
      if (inner.k !== "struct") throw new Error(`inline field of ${name} is not a struct`);
      for (const e of fieldsOf(inner.name)) if (!ownNames.has(e.json)) fields.push(e);
    } else fields.push({ json, type, omitempty });
  }
  fieldCache.set(name, fields);
  return fields;
}

/** encoding/json's isEmptyValue, for `omitempty`: structs are never empty. */
function isEmpty(v: unknown, t: GoType): boolean {
  switch (t.k) {
    case "s":
      return v === undefined || v === null || v === "";
    case "i":
    case "f":
      return v === undefined || v === null || v === 0;
    case "b":
      return v === undefined || v === null || v === false;
    case "y":
    case "[]":
      return v === undefined || v === null || (Array.isArray(v) || typeof v === "string" ? v.length === 0 : false);
    case "{}":
      return v === undefined || v === null || (typeof v === "object" && Object.keys(v).length === 0);
    case "*":
    case "r":
      return v === undefined || v === null;
  }
  return false;
}

function encodeValue(v: unknown, t: GoType): unknown {
  const missing = v === undefined || v === null;
  switch (t.k) {
    case "s":
      return missing ? "" : v;
    case "i":
    case "f":
      return missing ? 0 : v;
    case "b":
      return missing ? false : v;
    case "y":
    case "t":
    case "r":
      return missing ? null : v;
    case "q":
      return missing ? "0" : (canonicalQuantity(String(v)) ?? v);
    case "x":
      return missing ? 0 : v;
    case "d":
      return missing ? "0s" : v;
    case "*":
      return missing ? null : encodeValue(v, t.elem);
    case "[]":
      if (missing) return null;
      return Array.isArray(v) ? v.map((e) => encodeValue(e, t.elem)) : v;
    case "{}": {
      if (missing) return null;
      if (typeof v !== "object" || Array.isArray(v)) return v;
      const out: Record<string, unknown> = {};
      // Go writes a map's keys sorted (byte order).
      for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[k] = encodeValue((v as Record<string, unknown>)[k], t.elem);
      return out;
    }
    case "struct":
      return encodeStruct(missing || typeof v !== "object" || Array.isArray(v) ? {} : (v as Record<string, unknown>), t.name);
  }
}

function encodeStruct(v: Record<string, unknown>, name: string): KubeObject {
  const out: KubeObject = {};
  for (const f of fieldsOf(name)) {
    const value = v[f.json];
    if (f.omitempty && isEmpty(value, f.type)) continue;
    out[f.json] = encodeValue(value, f.type);
  }
  return out;
}

/** The Go struct (as named in GO_STRUCTS) client-go's scheme decodes a group/version/kind into, if tabled. */
export function goStructOf(apiVersion: string, kind: string): string | undefined {
  const pkg = GO_PACKAGES[apiVersion];
  if (!pkg) return undefined;
  const name = `${pkg}.${kind}`;
  return name in GO_STRUCTS ? name : undefined;
}

const GO_PACKAGES: Record<string, string> = {
  v1: "core",
  "apps/v1": "apps",
  "batch/v1": "batch",
  "rbac.authorization.k8s.io/v1": "rbac",
};

/**
 * An object as encoding/json writes the Go struct it decodes into: Go field order, non-omitempty
 * zero values present, omitempty zero values gone, map keys sorted, quantities canonical. Objects of
 * kinds the table does not know are returned as they are.
 */
export function encodeTyped(obj: KubeObject): KubeObject {
  const name = goStructOf(String(obj.apiVersion ?? ""), String(obj.kind ?? ""));
  return name ? encodeStruct(obj, name) : obj;
}

/** How Go's %T names a typed object: `*v1.Deployment`. */
export function goPointerTypeName(obj: { apiVersion?: unknown; kind?: unknown }): string {
  const apiVersion = String(obj.apiVersion ?? "");
  return `*${apiVersion.slice(apiVersion.indexOf("/") + 1)}.${obj.kind}`;
}

/** The built-in kind (kubectl's scheme) of an apiVersion and kind. */
export function schemeKind(apiVersion: string, kind: string): KindDef | undefined {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  return BUILTIN_KINDS.find((k) => k.group === group && k.version === version && k.kind === kind && !k.virtual);
}

/** A decoding failure, worded like the builder's `unable to decode "<source>": ...`. */
export class TypedDecodeError extends Error {}

/**
 * The builder's typed decode of one manifest document (UniversalDecoder without defaulting) followed
 * by the struct's encoding: what kubectl holds and prints for it. Throws TypedDecodeError.
 */
export function decodeTyped(obj: KubeObject, source: string): { def: KindDef; object: KubeObject } {
  const fail = (why: string): never => {
    throw new TypedDecodeError(`unable to decode ${JSON.stringify(source)}: ${why}`);
  };
  if (!obj.kind) fail(`Object 'Kind' is missing in '${toGoJson(obj)}'`);
  if (!obj.apiVersion) fail(`Object 'apiVersion' is missing in '${toGoJson(obj)}'`);
  const def = schemeKind(String(obj.apiVersion), String(obj.kind));
  if (!def) return fail(`no kind ${JSON.stringify(obj.kind)} is registered for version ${JSON.stringify(obj.apiVersion)} in scheme "pkg/scheme/scheme.go:28"`);
  let decoded: KubeObject;
  try {
    decoded = decodeObject(def, obj, "Ignore").object;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const prefix = `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: `;
    return fail(e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
  }
  return { def, object: encodeTyped(decoded) };
}
