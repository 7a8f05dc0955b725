// A small vocabulary on top of zod for writing Kubernetes schemas compactly. Fields are optional
// (Go `omitempty`); required-ness that the API server enforces lives in each kind's validate(),
// and `req()` only marks a field required for OpenAPI/explain. Definitions with an id become
// shared OpenAPI components named like Kubernetes' own (io.k8s.api.core.v1.Container).
import { z } from "zod";

export type Schema = z.ZodType;

export interface ListOptions {
  /** x-kubernetes-patch-merge-key */
  mergeKey?: string;
  /** x-kubernetes-patch-strategy: "merge" | "retainKeys" | "merge,retainKeys" | "replace" */
  strategy?: string;
  /** x-kubernetes-list-type: "atomic" | "set" | "map" */
  listType?: "atomic" | "set" | "map";
  listMapKeys?: string[];
  desc?: string;
}

const withDesc = <T extends z.ZodType>(s: T, desc?: string): T => (desc ? (s.describe(desc) as T) : s);

export const str = (desc?: string) => withDesc(z.string(), desc).optional();
export const int = (desc?: string) => withDesc(z.number().int().meta({ format: "int32" }), desc).optional();
export const int64 = (desc?: string) => withDesc(z.number().int().meta({ format: "int64" }), desc).optional();
export const num = (desc?: string) => withDesc(z.number().meta({ format: "double" }), desc).optional();
export const bool = (desc?: string) => withDesc(z.boolean(), desc).optional();
/** metav1.Time: RFC 3339 string. */
export const time = (desc?: string) => withDesc(z.string().meta({ format: "date-time" }), desc).optional();
/** resource.Quantity: "100m", "128Mi" or a bare number in YAML. */
export const quantity = (desc?: string) =>
  withDesc(z.union([z.string(), z.number()]).meta({ "x-kubernetes-quantity": true }), desc).optional();
/** intstr.IntOrString */
export const intOrString = (desc?: string) =>
  withDesc(z.union([z.number().int(), z.string()]).meta({ "x-kubernetes-int-or-string": true }), desc).optional();
/** map[string]string */
export const stringMap = (desc?: string) => withDesc(z.record(z.string(), z.string()), desc).optional();
/** map[string]Quantity (ResourceList) */
export const quantityMap = (desc?: string) =>
  withDesc(z.record(z.string(), z.union([z.string(), z.number()]).meta({ "x-kubernetes-quantity": true })), desc).optional();
/** map[string][]byte (base64 in JSON) */
export const bytesMap = (desc?: string) => withDesc(z.record(z.string(), z.string().meta({ format: "byte" })), desc).optional();
/** Free-form JSON (RawExtension, CRD fields with x-kubernetes-preserve-unknown-fields). */
export const anyJson = (desc?: string) => withDesc(z.any().meta({ "x-kubernetes-preserve-unknown-fields": true }), desc).optional();
export const strEnum = (values: readonly [string, ...string[]], desc?: string) => withDesc(z.string().meta({ enum: [...values] }), desc).optional();

export function list(item: Schema, opts: ListOptions = {}) {
  const meta: Record<string, unknown> = {};
  if (opts.mergeKey) meta["x-kubernetes-patch-merge-key"] = opts.mergeKey;
  if (opts.strategy) meta["x-kubernetes-patch-strategy"] = opts.strategy;
  if (opts.listType) meta["x-kubernetes-list-type"] = opts.listType;
  if (opts.listMapKeys) meta["x-kubernetes-list-map-keys"] = opts.listMapKeys;
  let s: z.ZodType = z.array(item);
  if (Object.keys(meta).length) s = s.meta(meta);
  return withDesc(s, opts.desc).optional();
}

export const strList = (opts: ListOptions = {}) => list(z.string(), opts);

export interface ObjOptions {
  /** OpenAPI component name, e.g. "io.k8s.api.core.v1.Container". Objects with an id are shared by $ref. */
  id?: string;
  desc?: string;
  /** Fields marked -required- in explain / OpenAPI. */
  required?: string[];
  /** x-kubernetes-patch-strategy on the object itself (e.g. "retainKeys"). */
  strategy?: string;
}

/** A struct. Its fields are optional unless listed in opts.required. */
export function obj(shape: Record<string, Schema>, opts: ObjOptions = {}) {
  const fields: Record<string, Schema> = {};
  for (const [k, v] of Object.entries(shape)) {
    fields[k] = opts.required?.includes(k) ? unwrapOptional(v) : v instanceof z.ZodOptional ? v : v.optional();
  }
  let s: z.ZodType = z.object(fields);
  const meta: Record<string, unknown> = {};
  if (opts.id) meta.id = opts.id;
  if (opts.desc) meta.description = opts.desc;
  if (opts.strategy) meta["x-kubernetes-patch-strategy"] = opts.strategy;
  if (Object.keys(meta).length) s = s.meta(meta);
  return s.optional();
}

/** Refer to a schema that is declared later or recursively. */
export const lazy = (f: () => Schema) => z.lazy(f).optional();

function unwrapOptional(s: Schema): Schema {
  return s instanceof z.ZodOptional ? (s.unwrap() as Schema) : s;
}

/** The top-level object of a kind: apiVersion, kind, metadata plus the kind's own fields. */
export function kindSchema(id: string, desc: string, shape: Record<string, Schema>, metadata: Schema): z.ZodType {
  return z
    .object({
      apiVersion: z.string().describe(API_VERSION_DESC).optional(),
      kind: z.string().describe(KIND_DESC).optional(),
      metadata,
      ...Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodOptional ? v : v.optional()])),
    })
    .meta({ id, description: desc });
}

export const API_VERSION_DESC =
  "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
export const KIND_DESC =
  "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
