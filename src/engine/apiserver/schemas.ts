// JSON Schema of each kind, derived once from its zod description and cached per isolate. The
// decoder, strategic merge patch metadata, OpenAPI and explain all read these.
import { z } from "zod";
import type { KindDef } from "../kinds/types";
import type { PatchMeta, PatchMetaLookup } from "../machinery/patch/strategic-merge-patch";

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  [ext: `x-${string}`]: unknown;
}

export interface KindSchema {
  root: JsonSchema;
  definitions: Record<string, JsonSchema>;
}

const cache = new WeakMap<KindDef, KindSchema>();

export function kindSchemaOf(def: KindDef): KindSchema {
  let s = cache.get(def);
  if (!s) {
    const raw = z.toJSONSchema(def.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" }) as JsonSchema & {
      definitions?: Record<string, JsonSchema>;
    };
    const definitions = raw.definitions ?? {};
    const root = raw.$ref ? definitions[refName(raw.$ref)] : raw;
    s = { root, definitions };
    cache.set(def, s);
  }
  return s;
}

export const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** Follows $ref and unwraps single-branch wrappers so callers see the concrete schema. */
export function resolve(schema: JsonSchema | undefined, ks: KindSchema): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    if (s.$ref) s = { ...ks.definitions[refName(s.$ref)], ...withoutRef(s) };
    else if (s.allOf && s.allOf.length === 1) {
      // zod wraps a described reference as allOf: [{$ref}] with the field's own extensions beside it.
      const { allOf, ...rest } = s;
      s = { ...allOf[0], ...rest };
    }
    else if (s.anyOf && !s["x-kubernetes-int-or-string"] && !s["x-kubernetes-quantity"]) {
      const concrete = s.anyOf.filter((b) => !(b.type === "null" || (b as { nullable?: boolean }).nullable));
      if (concrete.length !== 1) return s;
      s = { ...concrete[0], ...withoutAnyOf(s) };
    } else return s;
  }
  return s;
}

function withoutRef(s: JsonSchema): JsonSchema {
  const { $ref: _r, ...rest } = s;
  return rest;
}
function withoutAnyOf(s: JsonSchema): JsonSchema {
  const { anyOf: _a, ...rest } = s;
  return rest;
}

/** The schema at a field path (names only, list items stepped through). */
export function schemaAt(ks: KindSchema, path: readonly string[]): JsonSchema | undefined {
  let s = resolve(ks.root, ks);
  for (const name of path) {
    if (!s) return undefined;
    if (s.type === "array") s = resolve(s.items, ks);
    if (!s) return undefined;
    if (s.properties && name in s.properties) s = resolve(s.properties[name], ks);
    else if (s.additionalProperties && typeof s.additionalProperties === "object") s = resolve(s.additionalProperties, ks);
    else return undefined;
  }
  return s;
}

/** Strategic merge patch metadata for a kind, read from x-kubernetes-patch-* extensions. */
export function patchMetaLookup(def: KindDef): PatchMetaLookup {
  const ks = kindSchemaOf(def);
  return (path: readonly string[]): PatchMeta | undefined => {
    const s = schemaAt(ks, path);
    if (!s) return undefined;
    const mergeKey = s["x-kubernetes-patch-merge-key"] as string | undefined;
    const strategy = s["x-kubernetes-patch-strategy"] as string | undefined;
    if (!mergeKey && !strategy) return undefined;
    return { mergeKey, strategy };
  };
}
