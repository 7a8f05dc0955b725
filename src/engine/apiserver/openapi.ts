// OpenAPI v3 (GET /openapi/v3 and /openapi/v3/<group-version>) built from the kind descriptions,
// shaped like kube-apiserver's own documents (k8s.io/kube-openapi handler3). kubectl reads them for
// `explain` (pkg/explain/v2 finds the kind's component by x-kubernetes-group-version-kind on the
// operations and components), for `apply` (strategic merge patch metadata from the
// x-kubernetes-patch-* extensions on properties, and whether PATCH accepts
// application/strategic-merge-patch+json) and to decide whether to validate on the client
// (cli-runtime's queryParamVerifierV3: does the kind's PATCH operation declare `fieldValidation`).
import { z } from "zod";
import type { KindRegistry } from "../kinds/registry";
import type { KindDef } from "../kinds/types";
import { API_VERSION_DESC, KIND_DESC } from "../kinds/schema";
import { ListMeta, ObjectMeta } from "../kinds/common/meta";
import { DEFAULT_VERBS } from "./discovery";
import { kindSchemaOf, refName, type JsonSchema } from "./schemas";

type Json = Record<string, any>;

export interface OpenApiDoc {
  body: unknown;
  /** Upper-case hex SHA-512 of `json`, as kube-openapi's handler3 computes its ETags. */
  hash: string;
  /** The body serialized: what the hash was computed over. */
  json: string;
}

// ---------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------

/** GET /openapi/v3: every document's server-relative URL with its content hash. */
export function openApiIndex(kinds: KindRegistry): Record<string, unknown> {
  const st = stateOf(kinds);
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of st.keys) {
    const doc = documentFor(st, key)!;
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` };
  }
  return { paths };
}

/** GET /openapi/v3/<gvPath> ("api/v1", "apis/apps/v1", also "api", "apis", "apis/apps", "version"). */
export function openApiDocument(kinds: KindRegistry, gvPath: string): OpenApiDoc | undefined {
  const key = gvPath.split("?")[0].replace(/^\/+|\/+$/g, "");
  const st = stateOf(kinds);
  if (!st.keys.includes(key)) return undefined;
  return documentFor(st, key);
}

// ---------------------------------------------------------------------------------------------
// Caching. Per registry: the set of kinds last seen (custom resources come and go at runtime) and
// the documents built for it. Across registries: documents by content signature, so every
// cluster with the same built-in kinds shares one computation per isolate.
// ---------------------------------------------------------------------------------------------

interface RegistryState {
  kinds: KindRegistry;
  defs: KindDef[];
  /** Document keys, sorted: "api", "api/v1", "apis", "apis/apps", "apis/apps/v1", ..., "version". */
  keys: string[];
  gvDefs: Map<string, KindDef[]>;
  groupVersions: Map<string, string[]>;
  docs: Map<string, OpenApiDoc>;
}

const registryStates = new WeakMap<KindRegistry, RegistryState>();
const SHARED_LIMIT = 32;
const sharedDocs = new Map<string, OpenApiDoc>();
const defIds = new WeakMap<KindDef, number>();
let nextDefId = 1;

function defId(def: KindDef): number {
  let id = defIds.get(def);
  if (id === undefined) defIds.set(def, (id = nextDefId++));
  return id;
}

function stateOf(kinds: KindRegistry): RegistryState {
  const all = kinds.all();
  const cached = registryStates.get(kinds);
  if (cached && cached.defs.length === all.length && cached.defs.every((d, i) => d === all[i])) return cached;
  const gvDefs = new Map<string, KindDef[]>();
  const groupVersions = new Map<string, string[]>();
  const visible = new Set<string>();
  for (const d of all) {
    const key = gvPathOf(d.group, d.version);
    if (!gvDefs.has(key)) gvDefs.set(key, []);
    gvDefs.get(key)!.push(d);
    if (d.hidden) continue;
    visible.add(key);
    const vs = groupVersions.get(d.group) ?? [];
    if (!vs.includes(d.version)) vs.push(d.version);
    groupVersions.set(d.group, vs);
  }
  const keys = new Set<string>(["api", "apis", "version"]);
  for (const key of visible) keys.add(key);
  for (const g of groupVersions.keys()) if (g) keys.add(`apis/${g}`);
  const st: RegistryState = { kinds, defs: [...all], keys: [...keys].sort(), gvDefs, groupVersions, docs: new Map() };
  registryStates.set(kinds, st);
  return st;
}

function documentFor(st: RegistryState, key: string): OpenApiDoc | undefined {
  const have = st.docs.get(key);
  if (have) return have;
  const built = buildDocument(st, key);
  if (!built) return undefined;
  let doc = sharedDocs.get(built.signature);
  if (!doc) {
    const body = built.build();
    const json = JSON.stringify(body);
    doc = { body, json, hash: sha512Hex(json) };
    sharedDocs.set(built.signature, doc);
    if (sharedDocs.size > SHARED_LIMIT) sharedDocs.delete(sharedDocs.keys().next().value!);
  }
  st.docs.set(key, doc);
  return doc;
}

function buildDocument(st: RegistryState, key: string): { signature: string; build: () => Json } | undefined {
  if (key === "api") return { signature: key, build: apiRootDoc };
  if (key === "apis") return { signature: key, build: apisRootDoc };
  if (key === "version") return { signature: key, build: versionDoc };
  const parts = key.split("/");
  if (parts[0] === "apis" && parts.length === 2) {
    const versions = st.groupVersions.get(parts[1]);
    if (!versions) return undefined;
    const ordered = orderVersions(versions);
    // The group document does not list its versions, but they are part of its identity.
    return { signature: `${key}|${ordered.join(",")}`, build: () => groupDoc(parts[1]) };
  }
  const defs = st.gvDefs.get(key);
  if (!defs) return undefined;
  const group = parts[0] === "api" ? "" : parts[1];
  const version = parts[parts.length - 1];
  const refs = new Map<KindDef, KindDef>(); // extra subresource kinds found in the registry
  for (const d of defs) {
    for (const s of d.extraSubresources ?? []) {
      const target = st.kinds.byKind(s.group ?? d.group, s.version ?? d.version, s.kind);
      if (target) refs.set(target, target);
    }
  }
  const signature = `${key}|${defs.map(defId).join(",")}|${[...refs.keys()].map(defId).join(",")}`;
  return { signature, build: () => groupVersionDoc(st.kinds, group, version, defs) };
}

// ---------------------------------------------------------------------------------------------
// Naming
// ---------------------------------------------------------------------------------------------

const C = "#/components/schemas/";
const META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
const INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
const QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const SCALE = "io.k8s.api.autoscaling.v1.Scale";
const OBJECT_META = `${META}ObjectMeta`;
const LIST_META = `${META}ListMeta`;

const gvPathOf = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`);
const cap = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** "core", "apps", "rbacAuthorization", "flowcontrolApiserver", "stableExampleCom": tags and operation ids. */
function groupTag(group: string): string {
  if (!group) return "core";
  const words = group.replace(/\.k8s\.io$/, "").split(/[.-]/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : cap(w))).join("");
}

/** Versions of a group, preferred (GA over beta over alpha, higher first) first. */
function orderVersions(versions: string[]): string[] {
  const score = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return 0;
    const stability = m[2] === "alpha" ? 0 : m[2] === "beta" ? 1 : 2;
    return stability * 10000 + Number(m[1]) * 100 + Number(m[3] ?? 0);
  };
  return [...versions].sort((a, b) => score(b) - score(a) || a.localeCompare(b));
}

// ---------------------------------------------------------------------------------------------
// Schemas: a kind's zod-derived JSON Schema turned into OpenAPI components
// ---------------------------------------------------------------------------------------------

interface ConvertedKind {
  /** Component name of the kind itself ("io.k8s.api.apps.v1.Deployment"). */
  name: string;
  /** Every component the kind's schema needs, its own included, converted and key-sorted. */
  schemas: Map<string, Json>;
}

interface Ctx {
  raw: Record<string, JsonSchema>;
  rename: Map<string, string>;
  builtin: boolean;
  /** Standard components referenced (IntOrString, Quantity). */
  uses: Set<string>;
}

const PATCH_KEYS = ["x-kubernetes-patch-strategy", "x-kubernetes-patch-merge-key"] as const;
const KEEP = new Set([
  "type", "format", "description", "required", "enum", "default", "nullable", "title", "pattern",
  "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
  "multipleOf", "exclusiveMinimum", "exclusiveMaximum", "example", "externalDocs",
]);
const SAFE_BOUND = Number.MAX_SAFE_INTEGER;
const METADATA_DESC =
  "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

const convertedKinds = new WeakMap<KindDef, ConvertedKind>();

function convertKind(def: KindDef): ConvertedKind {
  let ck = convertedKinds.get(def);
  if (ck) return ck;
  const ks = kindSchemaOf(def);
  const raw: Record<string, JsonSchema> = { ...ks.definitions };
  let name = Object.keys(raw).find((k) => raw[k] === ks.root);
  if (!name) {
    name = fallbackComponentName(def);
    raw[name] = ks.root;
  }
  const rename = new Map<string, string>();
  for (const k of Object.keys(raw)) {
    // zod's own names for recursive schemas without an id ("__schema0").
    if (!k.includes(".")) rename.set(k, `${name}${cap(k.replace(/[^A-Za-z0-9]/g, ""))}`);
  }
  const ctx: Ctx = { raw, rename, builtin: name.startsWith("io.k8s."), uses: new Set() };
  const schemas = new Map<string, Json>();
  for (const [k, s] of Object.entries(raw)) schemas.set(rename.get(k) ?? k, convert(s, ctx, "component"));
  const root = schemas.get(name)!;
  root.type ??= "object";
  const meta = root.properties?.metadata;
  if (meta && (meta.allOf || meta.$ref)) {
    const { $ref, ...rest } = meta;
    root.properties.metadata = { ...($ref ? { allOf: [{ $ref }] } : {}), default: {}, description: METADATA_DESC, ...rest };
  }
  root["x-kubernetes-group-version-kind"] = [{ group: def.group, kind: def.kind, version: def.version }];
  for (const u of ctx.uses) schemas.set(u, STANDARD[u]);
  for (const [k, s] of schemas) schemas.set(k, sortDeep(s));
  ck = { name, schemas };
  convertedKinds.set(def, ck);
  return ck;
}

/** A kind whose schema has no id: "io.k8s.api.<group>.<version>.<Kind>" for built-in groups, reversed domain otherwise. */
function fallbackComponentName(def: KindDef): string {
  if (!def.group) return `io.k8s.api.core.${def.version}.${def.kind}`;
  if (!def.group.includes(".") || def.group.endsWith(".k8s.io")) return `io.k8s.api.${def.group.split(".")[0]}.${def.version}.${def.kind}`;
  return `${def.group.split(".").reverse().join(".")}.${def.version}.${def.kind}`;
}

type Where = "component" | "property" | "items" | "additionalProperties" | "other";

function without(s: JsonSchema, keys: readonly string[]): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) if (!keys.includes(k)) (out as Json)[k] = v;
  return out;
}

/** $ref, or allOf of a single bare $ref: a reference to another component. */
function refOf(s: JsonSchema): string | undefined {
  if (s.$ref) return s.$ref;
  const all = (s as Json).allOf as JsonSchema[] | undefined;
  if (all?.length === 1 && all[0].$ref && Object.keys(all[0]).length === 1) return all[0].$ref;
  return undefined;
}

function refTo(name: string, siblings: Json, where: Where): Json {
  const r = { $ref: C + name };
  if (!Object.keys(siblings).length && (where === "additionalProperties" || where === "other")) return r;
  return { allOf: [r], ...siblings };
}

function convert(s: JsonSchema, ctx: Ctx, where: Where): Json {
  if (!s || typeof s !== "object") return s as Json;
  if (s["x-kubernetes-int-or-string"]) {
    const sib = convertPlain(without(s, ["anyOf", "oneOf", "type", "format", "minimum", "maximum", "x-kubernetes-int-or-string"]), ctx);
    if (!ctx.builtin) return { ...sib, "x-kubernetes-int-or-string": true, anyOf: [{ type: "integer" }, { type: "string" }] };
    ctx.uses.add(INT_OR_STRING);
    return refTo(INT_OR_STRING, sib, where);
  }
  if (s["x-kubernetes-quantity"]) {
    const sib = convertPlain(without(s, ["anyOf", "oneOf", "type", "format", "x-kubernetes-quantity"]), ctx);
    ctx.uses.add(QUANTITY);
    return refTo(QUANTITY, sib, where);
  }
  const ref = refOf(s);
  if (ref) {
    const rawName = refName(ref);
    const target = ctx.rename.get(rawName) ?? rawName;
    const targetSchema = ctx.raw[rawName];
    const sib = convertPlain(without(s, ["$ref", "allOf"]), ctx);
    // Kubernetes puts patch metadata on the field, where kubectl's strategic merge looks for it.
    for (const k of PATCH_KEYS) if (targetSchema?.[k] !== undefined && sib[k] === undefined) sib[k] = targetSchema[k];
    if (where === "items" && isObjectSchema(targetSchema) && sib.default === undefined) sib.default = {};
    return refTo(target, sib, where);
  }
  const anyOf = (s as Json).anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const concrete = anyOf.filter((b) => b.type !== "null");
    if (concrete.length === 1) {
      const merged: Json = { ...concrete[0], ...without(s, ["anyOf"]) };
      if (concrete.length !== anyOf.length) merged.nullable = true;
      return convert(merged, ctx, where);
    }
  }
  const out = convertPlain(s, ctx);
  if (where === "component") for (const k of PATCH_KEYS) delete out[k];
  return out;
}

function convertPlain(s: JsonSchema, ctx: Ctx): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(s as Json)) {
    switch (k) {
      case "properties":
        out.properties = Object.fromEntries(Object.entries(v as Record<string, JsonSchema>).map(([p, ps]) => [p, convert(ps, ctx, "property")]));
        break;
      case "items":
        out.items = Array.isArray(v) ? v.map((x) => convert(x, ctx, "items")) : convert(v, ctx, "items");
        break;
      case "additionalProperties":
        out.additionalProperties = typeof v === "object" ? convert(v, ctx, "additionalProperties") : v;
        break;
      case "allOf":
      case "anyOf":
      case "oneOf":
        out[k] = (v as JsonSchema[]).map((x) => convert(x, ctx, "other"));
        break;
      case "not":
        out.not = convert(v, ctx, "other");
        break;
      case "minimum":
      case "maximum":
        if (Math.abs(v as number) !== SAFE_BOUND) out[k] = v;
        break;
      default:
        if (KEEP.has(k) || (k.startsWith("x-") && k !== "x-kubernetes-quantity")) out[k] = v;
    }
  }
  return out;
}

function isObjectSchema(s: JsonSchema | undefined): boolean {
  return !!s && (s.type === "object" || !!s.properties);
}

/** A shared zod schema (ObjectMeta, ListMeta) converted on its own. */
function standaloneComponents(schema: z.ZodType): Map<string, Json> {
  const raw = z.toJSONSchema(schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" }) as JsonSchema & {
    definitions?: Record<string, JsonSchema>;
  };
  const defs = raw.definitions ?? {};
  const ctx: Ctx = { raw: defs, rename: new Map(), builtin: true, uses: new Set() };
  const out = new Map<string, Json>();
  for (const [k, s] of Object.entries(defs)) out.set(k, sortDeep(convert(s, ctx, "component")));
  for (const u of ctx.uses) out.set(u, STANDARD[u]);
  return out;
}

let metaComponentsMemo: Map<string, Json> | undefined;
function metaComponents(): Map<string, Json> {
  if (!metaComponentsMemo) metaComponentsMemo = new Map([...standaloneComponents(ObjectMeta), ...standaloneComponents(ListMeta)]);
  return metaComponentsMemo;
}

// ---------------------------------------------------------------------------------------------
// Standard components (apimachinery meta/v1, intstr, resource, autoscaling/v1 Scale, discovery)
// ---------------------------------------------------------------------------------------------

const str = (description: string): Json => ({ description, type: "string" });
const int32 = (description: string): Json => ({ description, format: "int32", type: "integer" });
const ref = (name: string, description?: string, dflt?: unknown): Json => ({
  allOf: [{ $ref: C + name }],
  ...(dflt !== undefined ? { default: dflt } : {}),
  ...(description ? { description } : {}),
});
const arrayOf = (name: string, description: string): Json => ({ description, items: { allOf: [{ $ref: C + name }], default: {} }, type: "array" });
const strings = (description: string): Json => ({ description, items: { default: "", type: "string" }, type: "array" });
const gvkList = (kind: string, gvs: Array<[string, string]>) => gvs.map(([group, version]) => ({ group, kind, version }));
const TYPE_META = { apiVersion: str(API_VERSION_DESC), kind: str(KIND_DESC) };

const STANDARD: Record<string, Json> = {
  [INT_OR_STRING]: {
    description:
      "IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.",
    format: "int-or-string",
    oneOf: [{ type: "integer" }, { type: "string" }],
  },
  [QUANTITY]: {
    description:
      "Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the \"\" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= \"+\" | \"-\" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | \"\" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn't choose the capitalization.)\n\n<decimalExponent> ::= \"e\" <signedNumber> | \"E\" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.",
    oneOf: [{ type: "string" }, { type: "number" }],
  },
  [`${META}Patch`]: {
    description: "Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.",
    type: "object",
  },
  [`${META}Preconditions`]: {
    description: "Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.",
    properties: { resourceVersion: str("Specifies the target ResourceVersion"), uid: str("Specifies the target UID.") },
    type: "object",
  },
  [`${META}StatusCause`]: {
    description: "StatusCause provides more information about an api.Status failure, including cases when multiple errors are encountered.",
    properties: {
      field: str(
        'The field of the resource that has caused this error, as named by its JSON serialization. May include dot and postfix notation for nested attributes. Arrays are zero-indexed.  Fields may appear more than once in an array of causes due to fields having multiple errors. Optional.\n\nExamples:\n  "name" - the field "name" on the current resource\n  "items[0].name" - the field "name" on the first array entry in "items"',
      ),
      message: str("A human-readable description of the cause of the error.  This field may be presented as-is to a reader."),
      reason: str("A machine-readable description of the cause of the error. If this value is empty there is no information available."),
    },
    type: "object",
  },
  [`${META}StatusDetails`]: {
    description:
      "StatusDetails is a set of additional properties that MAY be set by the server to provide additional information about a response. The Reason field of a Status object defines what attributes will be set. Clients must ignore fields that do not match the defined type of each attribute, and should assume that any attribute may be empty, invalid, or under defined.",
    properties: {
      causes: arrayOf(`${META}StatusCause`, "The Causes array includes more details associated with the StatusReason failure. Not all StatusReasons may provide detailed causes."),
      group: str("The group attribute of the resource associated with the status StatusReason."),
      kind: str(
        "The kind attribute of the resource associated with the status StatusReason. On some operations may differ from the requested resource Kind. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds",
      ),
      name: str("The name attribute of the resource associated with the status StatusReason (when there is a single name which can be described)."),
      retryAfterSeconds: int32(
        "If specified, the time in seconds before the operation should be retried. Some errors may indicate the client must take an alternate action - for those errors this field may indicate how long to wait before taking the alternate action.",
      ),
      uid: str("UID of the resource. (when there is a single resource which can be described). More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids"),
    },
    type: "object",
  },
  [`${META}Status`]: {
    description: "Status is a return value for calls that don't return other objects.",
    properties: {
      ...TYPE_META,
      code: int32("Suggested HTTP return code for this status, 0 if not set."),
      details: ref(
        `${META}StatusDetails`,
        "Extended data associated with the reason.  Each reason may define its own extended details. This field is optional and the data returned is not guaranteed to conform to any schema except that defined by the reason type.",
      ),
      message: str("A human-readable description of the status of this operation."),
      metadata: ref(LIST_META, "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds", {}),
      reason: str(
        'A machine-readable description of why this operation is in the "Failure" status. If this value is empty there is no information available. A Reason clarifies an HTTP status code but does not override it.',
      ),
      status: str('Status of the operation. One of: "Success" or "Failure". More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status'),
    },
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("Status", [["", "v1"]]),
  },
  [`${META}APIResource`]: {
    description: "APIResource specifies the name of a resource and whether it is namespaced.",
    properties: {
      categories: strings("categories is a list of the grouped resources this resource belongs to (e.g. 'all')"),
      group: str('group is the preferred group of the resource.  Empty implies the group of the containing resource list. For subresources, this may have a different value, for example: Scale".'),
      kind: { default: "", ...str("kind is the kind for the resource (e.g. 'Foo' is the kind for a resource 'foo')") },
      name: { default: "", ...str("name is the plural name of the resource.") },
      namespaced: { default: false, description: "namespaced indicates if a resource is namespaced or not.", type: "boolean" },
      shortNames: strings("shortNames is a list of suggested short names of the resource."),
      singularName: {
        default: "",
        ...str(
          "singularName is the singular name of the resource.  This allows clients to handle plural and singular opaquely. The singularName is more correct for reporting status on a single item and both singular and plural are allowed from the kubectl CLI interface.",
        ),
      },
      storageVersionHash: str(
        "The hash value of the storage version, the version this resource is converted to when written to the data store. Value must be treated as opaque by clients. Only equality comparison on the value is valid. This is an alpha feature and may change or be removed in the future. The field is populated by the apiserver only if the StorageVersionHash feature gate is enabled. This field will remain optional even if it graduates.",
      ),
      verbs: strings("verbs is a list of supported kube verbs (this includes get, list, watch, create, update, patch, delete, deletecollection, and proxy)"),
      version: str(
        'version is the preferred version of the resource.  Empty implies the version of the containing resource list For subresources, this may have a different value, for example: v1 (while inside a v1beta1 version of the core resource\'s group)".',
      ),
    },
    required: ["name", "singularName", "namespaced", "kind", "verbs"],
    type: "object",
  },
  [`${META}APIResourceList`]: {
    description:
      "APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.",
    properties: {
      ...TYPE_META,
      groupVersion: { default: "", ...str("groupVersion is the group and version this APIResourceList is for.") },
      resources: arrayOf(`${META}APIResource`, "resources contains the name of the resources and if they are namespaced."),
    },
    required: ["groupVersion", "resources"],
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("APIResourceList", [["", "v1"]]),
  },
  "io.k8s.apimachinery.pkg.runtime.RawExtension": {
    description: "RawExtension is used to hold extensions in external versions.",
    type: "object",
  },
  [`${META}ServerAddressByClientCIDR`]: {
    description: "ServerAddressByClientCIDR helps the client to determine the server address that they should use, depending on the clientCIDR that they match.",
    properties: {
      clientCIDR: { default: "", ...str("The CIDR with which clients can match their IP to figure out the server address that they should use.") },
      serverAddress: { default: "", ...str("Address of this server, suitable for a client that matches the above CIDR. This can be a hostname, hostname:port, IP or IP:port.") },
    },
    required: ["clientCIDR", "serverAddress"],
    type: "object",
  },
  [`${META}GroupVersionForDiscovery`]: {
    description: 'GroupVersion contains the "group/version" and "version" string of a version. It is made a struct to keep extensibility.',
    properties: {
      groupVersion: { default: "", ...str('groupVersion specifies the API group and version in the form "group/version"') },
      version: { default: "", ...str('version specifies the version in the form of "version". This is to save the clients the trouble of splitting the GroupVersion.') },
    },
    required: ["groupVersion", "version"],
    type: "object",
  },
  [`${META}APIGroup`]: {
    description: "APIGroup contains the name, the supported versions, and the preferred version of a group.",
    properties: {
      ...TYPE_META,
      name: { default: "", ...str("name is the name of the group.") },
      preferredVersion: ref(`${META}GroupVersionForDiscovery`, "preferredVersion is the version preferred by the API server, which probably is the storage version.", {}),
      serverAddressByClientCIDRs: arrayOf(
        `${META}ServerAddressByClientCIDR`,
        "a map of client CIDR to server address that is serving this group. This is to help clients reach servers in the most network-efficient way possible. Clients can use the appropriate server address as per the CIDR that they match. In case of multiple matches, clients should use the longest matching CIDR. The server returns only those CIDRs that it thinks that the client can match. For example: the master will return an internal IP CIDR only, if the client reaches the server using an internal IP. Server looks at X-Forwarded-For header or X-Real-Ip header or request.RemoteAddr (in that order) to get the client IP.",
      ),
      versions: arrayOf(`${META}GroupVersionForDiscovery`, "versions are the versions supported in this group."),
    },
    required: ["name", "versions"],
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("APIGroup", [["", "v1"]]),
  },
  [`${META}APIGroupList`]: {
    description: "APIGroupList is a list of APIGroup, to allow clients to discover the API at /apis.",
    properties: { ...TYPE_META, groups: arrayOf(`${META}APIGroup`, "groups is a list of APIGroup.") },
    required: ["groups"],
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("APIGroupList", [["", "v1"]]),
  },
  [`${META}APIVersions`]: {
    description: "APIVersions lists the versions that are available, to allow clients to discover the API at /api, which is the root path of the legacy v1 API.",
    properties: {
      ...TYPE_META,
      serverAddressByClientCIDRs: arrayOf(
        `${META}ServerAddressByClientCIDR`,
        "a map of client CIDR to server address that is serving this group. This is to help clients reach servers in the most network-efficient way possible. Clients can use the appropriate server address as per the CIDR that they match. In case of multiple matches, clients should use the longest matching CIDR. The server returns only those CIDRs that it thinks that the client can match. For example: the master will return an internal IP CIDR only, if the client reaches the server using an internal IP. Server looks at X-Forwarded-For header or X-Real-Ip header or request.RemoteAddr (in that order) to get the client IP.",
      ),
      versions: strings("versions are the api versions that are available."),
    },
    required: ["versions", "serverAddressByClientCIDRs"],
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("APIVersions", [["", "v1"]]),
  },
  "io.k8s.apimachinery.pkg.version.Info": {
    description: "Info contains versioning information. how we'll want to distribute that information.",
    properties: Object.fromEntries(
      ["buildDate", "compiler", "gitCommit", "gitTreeState", "gitVersion", "goVersion", "major", "minor", "platform"].map((k) => [k, { default: "", type: "string" }]),
    ),
    required: ["major", "minor", "gitVersion", "gitCommit", "gitTreeState", "buildDate", "goVersion", "compiler", "platform"],
    type: "object",
  },
  [`${SCALE}Spec`]: {
    description: "ScaleSpec describes the attributes of a scale subresource.",
    properties: { replicas: int32("replicas is the desired number of instances for the scaled object.") },
    type: "object",
  },
  [`${SCALE}Status`]: {
    description: "ScaleStatus represents the current status of a scale subresource.",
    properties: {
      replicas: { default: 0, ...int32("replicas is the actual number of observed instances of the scaled object.") },
      selector: str(
        "selector is the label query over pods that should match the replicas count. This is same as the label selector but in the string format to avoid introspection by clients. The string will be in the same format as the query-param syntax. More info about label selectors: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/",
      ),
    },
    required: ["replicas"],
    type: "object",
  },
  [SCALE]: {
    description: "Scale represents a scaling request for a resource.",
    properties: {
      ...TYPE_META,
      metadata: ref(OBJECT_META, "Standard object metadata; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata.", {}),
      spec: ref(`${SCALE}Spec`, "spec defines the behavior of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status.", {}),
      status: ref(`${SCALE}Status`, "status is the current status of the scale. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status. Read-only.", {}),
    },
    type: "object",
    "x-kubernetes-group-version-kind": gvkList("Scale", [["autoscaling", "v1"]]),
  },
};
for (const [k, v] of Object.entries(STANDARD)) STANDARD[k] = sortDeep(v);

/** DeleteOptions and WatchEvent are registered in every group-version; a document lists its own and core/v1. */
function perGroupVersionMeta(group: string, version: string): Record<string, Json> {
  const gvs: Array<[string, string]> = [["", "v1"]];
  if (group || version !== "v1") gvs.push([group, version]);
  return {
    [`${META}DeleteOptions`]: sortDeep({
      description: "DeleteOptions may be provided when deleting an API object.",
      properties: {
        ...TYPE_META,
        dryRun: strings(
          "When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed",
        ),
        gracePeriodSeconds: { description: PARAM_DESC.gracePeriodSeconds, format: "int64", type: "integer" },
        ignoreStoreReadErrorWithClusterBreakingPotential: { description: PARAM_DESC.ignoreStoreReadErrorWithClusterBreakingPotential, type: "boolean" },
        orphanDependents: { description: PARAM_DESC.orphanDependents, type: "boolean" },
        preconditions: ref(`${META}Preconditions`, "Must be fulfilled before a deletion is carried out. If not possible, a 409 Conflict status will be returned."),
        propagationPolicy: str(PARAM_DESC.propagationPolicy),
      },
      type: "object",
      "x-kubernetes-group-version-kind": gvkList("DeleteOptions", gvs),
    }),
    [`${META}WatchEvent`]: sortDeep({
      description: "Event represents a single event to a watched resource.",
      properties: {
        object: ref(
          "io.k8s.apimachinery.pkg.runtime.RawExtension",
          "Object is:\n * If Type is Added or Modified: the new state of the object.\n * If Type is Deleted: the state of the object immediately before deletion.\n * If Type is Error: *Status is recommended; other types may make sense\n   depending on context.",
        ),
        type: { default: "", type: "string" },
      },
      required: ["type", "object"],
      type: "object",
      "x-kubernetes-group-version-kind": gvkList("WatchEvent", gvs),
    }),
  };
}

function listComponent(def: KindDef, kindName: string): Json {
  return sortDeep({
    description: `${def.kind}List is a list of ${def.kind} objects.`,
    properties: {
      ...TYPE_META,
      items: arrayOf(kindName, `Items is the list of ${def.kind} objects.`),
      metadata: ref(LIST_META, "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds", {}),
    },
    required: ["items"],
    type: "object",
    "x-kubernetes-group-version-kind": [{ group: def.group, kind: `${def.kind}List`, version: def.version }],
  });
}

// ---------------------------------------------------------------------------------------------
// Paths and operations
// ---------------------------------------------------------------------------------------------

const PARAM_DESC = {
  allowWatchBookmarks:
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag and bookmarks are sent at the server\'s discretion. Clients should not assume bookmarks are returned at any specific interval, nor may they assume the server will send any BOOKMARK event during a session. If this is not a watch, this field is ignored.',
  continue:
    'The continue option should be set when retrieving more results from the server. Since this value is server defined, clients may only use the continue value from a previous query result with identical query parameters (except for the value of continue) and the server may reject a continue value it does not recognize. If the specified continue value is no longer valid whether due to expiration (generally five to fifteen minutes) or a configuration change on the server, the server will respond with a 410 ResourceExpired error together with a continue token. If the client needs a consistent list, it must restart their list without the continue field. Otherwise, the client may send another list request with the token received with the 410 error, the server will respond with a list starting from the next key, but from the latest snapshot, which is inconsistent from the previous list results - objects that are created, modified, or deleted after the first list request will be included in the response, as long as their keys are after the "next key".\n\nThis field is not supported when watch is true. Clients may start a watch from the last resourceVersion value returned by the server and not miss any modifications.',
  dryRun:
    "When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed",
  fieldManager:
    "fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.",
  fieldManagerPatch:
    "fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint. This field is required for apply requests (application/apply-patch) but optional for non-apply patch types (JsonPatch, MergePatch, StrategicMergePatch).",
  fieldSelector: "A selector to restrict the list of returned objects by their fields. Defaults to everything.",
  fieldValidation:
    "fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.",
  force:
    'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.',
  gracePeriodSeconds:
    "The duration in seconds before the object should be deleted. Value must be non-negative integer. The value zero indicates delete immediately. If this value is nil, the default grace period for the specified type will be used. Defaults to a per object value if not specified. zero means delete immediately.",
  ignoreStoreReadErrorWithClusterBreakingPotential:
    "if set to true, it will trigger an unsafe deletion of the resource in case the normal deletion flow fails with a corrupt object error. A resource is considered corrupt if it can not be retrieved from the underlying storage successfully because of a) its data can not be transformed e.g. decryption failure, or b) it fails to decode into an object. NOTE: unsafe deletion ignores finalizer constraints, skips precondition checks, and removes the object from the storage. WARNING: This may potentially break the cluster if the workload associated with the resource being unsafe-deleted relies on normal deletion flow. Use only if you REALLY know what you are doing. The default value is false, and the user must opt in to enable it",
  labelSelector: "A selector to restrict the list of returned objects by their labels. Defaults to everything.",
  limit:
    "limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata to a value that can be used with the same initial query to retrieve the next set of results. Setting a limit may return fewer than the requested amount of items (up to zero items) in the event all requested objects are filtered out and clients should only use the presence of the continue field to determine whether more results are available. Servers may choose not to support the limit argument and will return all of the available results. If limit is specified and the continue field is empty, clients may assume that no more results are available. This field is not supported if watch is true.\n\nThe server guarantees that the objects returned when using continue will be identical to issuing a single list call without a limit - that is, no objects created, modified, or deleted after the first request is issued will be included in any subsequent continued requests. This is sometimes referred to as a consistent snapshot, and ensures that a client that is using limit to receive smaller chunks of a very large result can ensure they see all possible objects. If objects are updated during a chunked list the version of the object that was present at the time the first list result was calculated is returned.",
  namespace: "object name and auth scope, such as for teams and projects",
  orphanDependents:
    'Deprecated: please use the PropagationPolicy, this field will be deprecated in 1.7. Should the dependent objects be orphaned. If true/false, the "orphan" finalizer will be added to/removed from the object\'s finalizers list. Either this field or PropagationPolicy may be set, but not both.',
  pretty: "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
  propagationPolicy:
    "Whether and how garbage collection will be performed. Either this field or OrphanDependents may be set, but not both. The default policy is decided by the existing finalizer set in the metadata.finalizers and the resource-specific default policy. Acceptable values are: 'Orphan' - orphan the dependents; 'Background' - allow the garbage collector to delete the dependents in the background; 'Foreground' - a cascading policy that deletes all dependents in the foreground.",
  resourceVersion:
    "resourceVersion sets a constraint on what resource versions a request may be served from. See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset",
  resourceVersionMatch:
    "resourceVersionMatch determines how resourceVersion is applied to list calls. It is highly recommended that resourceVersionMatch be set for list calls where resourceVersion is set See https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions for details.\n\nDefaults to unset",
  sendInitialEvents:
    '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection. Once all such events have been sent, a synthetic "Bookmark" event  will be sent. The bookmark will report the ResourceVersion (RV) corresponding to the set of objects, and be marked with `"k8s.io/initial-events-end": "true"` annotation. Afterwards, the watch stream will proceed as usual, sending watch events corresponding to changes (subsequent to the RV) to objects watched.\n\nWhen `sendInitialEvents` option is set, we require `resourceVersionMatch` option to also be set. The semantic of the watch request is as following: - `resourceVersionMatch` = NotOlderThan\n  is interpreted as "data at least as new as the provided `resourceVersion`"\n  and the bookmark event is send when the state is synced\n  to a `resourceVersion` at least as fresh as the one provided by the ListOptions.\n  If `resourceVersion` is unset, this is interpreted as "consistent read" and the\n  bookmark event is send when the state is synced at least to the moment\n  when request started being processed.\n- `resourceVersionMatch` set to any other value or unset\n  Invalid error is returned.\n\nDefaults to true if `resourceVersion=""` or `resourceVersion="0"` (for backward compatibility reasons) and to false otherwise.',
  timeoutSeconds: "Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.",
  watch: "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications. Specify resourceVersion.",
};

const qp = (name: string, type: "string" | "boolean" | "integer", description = (PARAM_DESC as Record<string, string>)[name]): Json => ({
  description,
  in: "query",
  name,
  schema: { type, uniqueItems: true },
});
const pathParam = (name: string, description: string): Json => ({ description, in: "path", name, required: true, schema: { type: "string", uniqueItems: true } });

const P = {
  allowWatchBookmarks: qp("allowWatchBookmarks", "boolean"),
  continue: qp("continue", "string"),
  dryRun: qp("dryRun", "string"),
  fieldManager: qp("fieldManager", "string"),
  fieldManagerPatch: qp("fieldManager", "string", PARAM_DESC.fieldManagerPatch),
  fieldSelector: qp("fieldSelector", "string"),
  fieldValidation: qp("fieldValidation", "string"),
  force: qp("force", "boolean"),
  gracePeriodSeconds: qp("gracePeriodSeconds", "integer"),
  ignoreStoreRead: qp("ignoreStoreReadErrorWithClusterBreakingPotential", "boolean"),
  labelSelector: qp("labelSelector", "string"),
  limit: qp("limit", "integer"),
  orphanDependents: qp("orphanDependents", "boolean"),
  pretty: qp("pretty", "string"),
  propagationPolicy: qp("propagationPolicy", "string"),
  resourceVersion: qp("resourceVersion", "string"),
  resourceVersionMatch: qp("resourceVersionMatch", "string"),
  sendInitialEvents: qp("sendInitialEvents", "boolean"),
  timeoutSeconds: qp("timeoutSeconds", "integer"),
  watch: qp("watch", "boolean"),
  namespace: pathParam("namespace", PARAM_DESC.namespace),
};

const LIST_PARAMS = [
  P.allowWatchBookmarks, P.continue, P.fieldSelector, P.labelSelector, P.limit, P.resourceVersion,
  P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds, P.watch,
];
const WRITE_PARAMS = [P.dryRun, P.fieldManager, P.fieldValidation];
const PATCH_PARAMS = [P.dryRun, P.fieldManagerPatch, P.fieldValidation, P.force];
const DELETE_PARAMS = [P.dryRun, P.gracePeriodSeconds, P.ignoreStoreRead, P.orphanDependents, P.propagationPolicy];
const DELETE_COLLECTION_PARAMS = [
  P.continue, P.dryRun, P.fieldSelector, P.gracePeriodSeconds, P.ignoreStoreRead, P.labelSelector, P.limit,
  P.orphanDependents, P.propagationPolicy, P.resourceVersion, P.resourceVersionMatch, P.sendInitialEvents, P.timeoutSeconds,
];
const byName = (ps: Json[]) => [...ps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const MEDIA = ["application/json", "application/vnd.kubernetes.protobuf", "application/yaml"];
const WATCH_MEDIA = [...MEDIA, "application/json;stream=watch", "application/vnd.kubernetes.protobuf;stream=watch"];
const PATCH_MEDIA = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];
const CODE_DESC: Record<string, string> = { "200": "OK", "201": "Created", "202": "Accepted" };

type SchemaRef = string | Json; // component name, or an inline schema

const schemaOf = (s: SchemaRef): Json => (typeof s === "string" ? { $ref: C + s } : s);
const content = (media: string[], s: SchemaRef) => Object.fromEntries(media.map((m) => [m, { schema: schemaOf(s) }]));

function responses(codes: string[], s: SchemaRef, media = MEDIA): Json {
  const out: Json = {};
  for (const c of codes) out[c] = { content: content(media, s), description: CODE_DESC[c] };
  out["401"] = { description: "Unauthorized" };
  return out;
}

interface Gvk {
  group: string;
  kind: string;
  version: string;
}

function operation(o: {
  description: string;
  operationId: string;
  tag: string;
  action?: string;
  gvk?: Gvk;
  params?: Json[];
  body?: { content: Json; required?: boolean };
  responses: Json;
}): Json {
  const op: Json = { description: o.description, operationId: o.operationId };
  if (o.params?.length) op.parameters = byName(o.params);
  if (o.body) op.requestBody = { content: o.body.content, ...(o.body.required ? { required: true } : {}) };
  op.responses = o.responses;
  op.tags = [o.tag];
  if (o.action) op["x-kubernetes-action"] = o.action;
  if (o.gvk) op["x-kubernetes-group-version-kind"] = { group: o.gvk.group, kind: o.gvk.kind, version: o.gvk.version };
  return op;
}

interface GvContext {
  kinds: KindRegistry;
  group: string;
  version: string;
  tag: string;
  /** "CoreV1", "AppsV1": the middle of operation ids. */
  opGv: string;
  base: string;
  paths: Record<string, Json>;
  components: Map<string, Json>;
}

const CONNECT_SUBRESOURCES = new Set(["attach", "exec", "portforward", "proxy"]);

function resourcePaths(g: GvContext, def: KindDef, kindName: string, listName: string): void {
  const verbs = new Set(def.verbs ?? DEFAULT_VERBS);
  const K = def.kind;
  const N = def.namespaced ? "Namespaced" : "";
  const id = (verb: string, suffix = "") => `${verb}${g.opGv}${N}${K}${suffix}`;
  const gvk: Gvk = { group: def.group, kind: K, version: def.version };
  const nsSeg = def.namespaced ? "/namespaces/{namespace}" : "";
  const coll = `${g.base}${nsSeg}/${def.plural}`;
  const item = `${coll}/{name}`;
  const scopeParams = def.namespaced ? [P.namespace, P.pretty] : [P.pretty];
  const itemParams = (kind: string) => byName([pathParam("name", `name of the ${kind}`), ...scopeParams]);
  const base = { tag: g.tag, gvk };

  // Collection: list, create, deletecollection.
  const collOps: Json = {};
  if (verbs.has("list"))
    collOps.get = operation({ ...base, description: `list or watch objects of kind ${K}`, operationId: id("list"), action: "list", params: LIST_PARAMS, responses: responses(["200"], listName, WATCH_MEDIA) });
  if (verbs.has("create"))
    collOps.post = operation({
      ...base, description: `create ${article(K)} ${K}`, operationId: id("create"), action: "post", params: WRITE_PARAMS,
      body: { content: content(["*/*"], kindName), required: true }, responses: responses(["200", "201", "202"], kindName),
    });
  if (verbs.has("deletecollection"))
    collOps.delete = operation({
      ...base, description: `delete collection of ${K}`, operationId: `delete${g.opGv}Collection${N}${K}`, action: "deletecollection", params: DELETE_COLLECTION_PARAMS,
      body: { content: content(["*/*"], `${META}DeleteOptions`) }, responses: responses(["200"], `${META}Status`),
    });
  if (Object.keys(collOps).length) g.paths[coll] = { ...collOps, parameters: byName(scopeParams) };

  if (def.namespaced && verbs.has("list")) {
    g.paths[`${g.base}/${def.plural}`] = {
      get: operation({ ...base, description: `list or watch objects of kind ${K}`, operationId: `list${g.opGv}${K}ForAllNamespaces`, action: "list", responses: responses(["200"], listName, WATCH_MEDIA) }),
      parameters: byName([...LIST_PARAMS, P.pretty]),
    };
  }

  // Item: get, update, patch, delete.
  const itemOps: Json = {};
  if (verbs.has("get")) itemOps.get = operation({ ...base, description: `read the specified ${K}`, operationId: id("read"), action: "get", responses: responses(["200"], kindName) });
  if (verbs.has("update")) itemOps.put = putOp(base, `replace the specified ${K}`, id("replace"), kindName);
  if (verbs.has("patch")) itemOps.patch = patchOp(base, `partially update the specified ${K}`, id("patch"), kindName, def);
  if (verbs.has("delete"))
    itemOps.delete = operation({
      ...base, description: `delete ${article(K)} ${K}`, operationId: id("delete"), action: "delete", params: DELETE_PARAMS,
      body: { content: content(["*/*"], `${META}DeleteOptions`) }, responses: responses(["200", "202"], `${META}Status`),
    });
  if (Object.keys(itemOps).length) g.paths[item] = { ...itemOps, parameters: itemParams(K) };

  if (def.statusSubresource) {
    g.paths[`${item}/status`] = {
      get: operation({ ...base, description: `read status of the specified ${K}`, operationId: id("read", "Status"), action: "get", responses: responses(["200"], kindName) }),
      parameters: itemParams(K),
      patch: patchOp(base, `partially update status of the specified ${K}`, id("patch", "Status"), kindName, def),
      put: putOp(base, `replace status of the specified ${K}`, id("replace", "Status"), kindName),
    };
  }

  if (def.scaleSubresource) {
    const sb = { tag: g.tag, gvk: { group: "autoscaling", kind: "Scale", version: "v1" } };
    g.paths[`${item}/scale`] = {
      get: operation({ ...sb, description: `read scale of the specified ${K}`, operationId: id("read", "Scale"), action: "get", responses: responses(["200"], SCALE) }),
      parameters: itemParams("Scale"),
      patch: patchOp(sb, `partially update scale of the specified ${K}`, id("patch", "Scale"), SCALE, def),
      put: putOp(sb, `replace scale of the specified ${K}`, id("replace", "Scale"), SCALE),
    };
    for (const [k, v] of [[SCALE, STANDARD[SCALE]], [`${SCALE}Spec`, STANDARD[`${SCALE}Spec`]], [`${SCALE}Status`, STANDARD[`${SCALE}Status`]]] as const) g.components.set(k, v);
  }

  for (const s of def.extraSubresources ?? []) {
    const sgvk: Gvk = { group: s.group ?? def.group, kind: s.kind, version: s.version ?? def.version };
    const target = g.kinds.byKind(sgvk.group, sgvk.version, sgvk.kind);
    let schema: SchemaRef = { type: "object" };
    if (target) {
      const ck = convertKind(target);
      for (const [k, v] of ck.schemas) if (!g.components.has(k)) g.components.set(k, v);
      schema = ck.name;
    }
    const sv = new Set(s.verbs);
    const Sub = cap(s.name);
    const sb = { tag: g.tag, gvk: sgvk };
    const ops: Json = {};
    if (CONNECT_SUBRESOURCES.has(s.name)) {
      const connect = (method: string) =>
        operation({ ...sb, description: `connect ${method.toUpperCase()} requests to ${s.name} of ${K}`, operationId: `connect${g.opGv}${cap(method)}${N}${K}${Sub}`, action: "connect", responses: responses(["200"], { type: "string" }, ["*/*"]) });
      if (sv.has("get")) ops.get = connect("get");
      if (sv.has("create")) ops.post = connect("post");
    } else {
      // Logs are text, whatever kind discovery names for them.
      const getResult = s.name === "log" ? responses(["200"], { type: "string" }, ["text/plain", ...MEDIA]) : responses(["200"], schema);
      if (sv.has("get")) ops.get = operation({ ...sb, description: `read ${s.name} of the specified ${K}`, operationId: id("read", Sub), action: "get", responses: getResult });
      if (sv.has("create"))
        ops.post = operation({
          ...sb, description: `create ${s.name} of ${article(K)} ${K}`, operationId: id("create", Sub), action: "post", params: WRITE_PARAMS,
          body: { content: content(["*/*"], schema), required: true }, responses: responses(["200", "201", "202"], schema),
        });
      if (sv.has("update")) ops.put = putOp(sb, `replace ${s.name} of the specified ${K}`, id("replace", Sub), schema);
      if (sv.has("patch")) ops.patch = patchOp(sb, `partially update ${s.name} of the specified ${K}`, id("patch", Sub), schema, def);
    }
    if (Object.keys(ops).length) g.paths[`${item}/${s.name}`] = { ...ops, parameters: itemParams(s.kind) };
  }

  // The deprecated /watch/ paths.
  if (verbs.has("watch")) {
    const watchList = (operationId: string) =>
      operation({ ...base, description: `watch individual changes to a list of ${K}. deprecated: use the 'watch' parameter with a list operation instead.`, operationId, action: "watchlist", responses: responses(["200"], `${META}WatchEvent`, WATCH_MEDIA) });
    g.paths[`${g.base}/watch${nsSeg}/${def.plural}`] = { get: watchList(id("watch", "List")), parameters: byName([...LIST_PARAMS, ...scopeParams]) };
    g.paths[`${g.base}/watch${nsSeg}/${def.plural}/{name}`] = {
      get: operation({
        ...base,
        description: `watch changes to an object of kind ${K}. deprecated: use the 'watch' parameter with a list operation instead, filtered to a single item with the 'fieldSelector' parameter.`,
        operationId: id("watch"), action: "watch", responses: responses(["200"], `${META}WatchEvent`, WATCH_MEDIA),
      }),
      parameters: byName([...LIST_PARAMS, pathParam("name", `name of the ${K}`), ...scopeParams]),
    };
    if (def.namespaced) g.paths[`${g.base}/watch/${def.plural}`] = { get: watchList(`watch${g.opGv}${K}ListForAllNamespaces`), parameters: byName([...LIST_PARAMS, P.pretty]) };
  }
}

function putOp(base: { tag: string; gvk: Gvk }, description: string, operationId: string, s: SchemaRef): Json {
  return operation({ ...base, description, operationId, action: "put", params: WRITE_PARAMS, body: { content: content(["*/*"], s), required: true }, responses: responses(["200", "201"], s) });
}

function patchOp(base: { tag: string; gvk: Gvk }, description: string, operationId: string, s: SchemaRef, def: KindDef): Json {
  // Custom resources do not take strategic merge patches (kubectl apply then computes a JSON merge patch).
  const media = isBuiltinKind(def) ? PATCH_MEDIA : PATCH_MEDIA.filter((m) => m !== "application/strategic-merge-patch+json");
  return operation({ ...base, description, operationId, action: "patch", params: PATCH_PARAMS, body: { content: content(media, `${META}Patch`), required: true }, responses: responses(["200", "201"], s) });
}

function isBuiltinKind(def: KindDef): boolean {
  return convertKind(def).name.startsWith("io.k8s.");
}

const article = (word: string) => (/^[AEIOU]/.test(word) ? "an" : "a");

// ---------------------------------------------------------------------------------------------
// Documents
// ---------------------------------------------------------------------------------------------

function document(paths: Record<string, Json>, components: Map<string, Json>): Json {
  const schemas: Json = {};
  for (const k of [...components.keys()].sort()) schemas[k] = components.get(k);
  const sortedPaths: Json = {};
  for (const k of Object.keys(paths).sort()) sortedPaths[k] = sortDeep(paths[k]);
  return {
    components: {
      schemas,
      securitySchemes: { BearerToken: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } },
    },
    info: { title: "Kubernetes", version: "unversioned" },
    openapi: "3.0.0",
    paths: sortedPaths,
  };
}

function groupVersionDoc(kinds: KindRegistry, group: string, version: string, defs: KindDef[]): Json {
  const tag = groupTag(group);
  const g: GvContext = {
    kinds, group, version, tag: `${tag}_${version}`, opGv: `${cap(tag)}${cap(version)}`, base: `/${gvPathOf(group, version)}`,
    paths: {}, components: new Map(),
  };
  for (const [k, v] of metaComponents()) g.components.set(k, v);
  for (const k of [`${META}APIResource`, `${META}APIResourceList`, `${META}Patch`, `${META}Preconditions`, `${META}Status`, `${META}StatusCause`, `${META}StatusDetails`, "io.k8s.apimachinery.pkg.runtime.RawExtension"])
    g.components.set(k, STANDARD[k]);
  for (const [k, v] of Object.entries(perGroupVersionMeta(group, version))) g.components.set(k, v);
  g.paths[`${g.base}/`] = {
    get: operation({ description: "get available resources", operationId: `get${g.opGv}APIResources`, tag: g.tag, responses: responses(["200"], `${META}APIResourceList`) }),
  };
  for (const def of [...defs].sort((a, b) => a.plural.localeCompare(b.plural))) {
    const ck = convertKind(def);
    for (const [k, v] of ck.schemas) if (k === ck.name || !g.components.has(k)) g.components.set(k, v);
    const listName = `${ck.name}List`;
    g.components.set(listName, listComponent(def, ck.name));
    resourcePaths(g, def, ck.name, listName);
  }
  return document(g.paths, g.components);
}

function rootDoc(path: string, description: string, operationId: string, tag: string, result: string, deps: string[]): Json {
  const components = new Map<string, Json>();
  for (const k of [result, ...deps]) components.set(k, STANDARD[k]);
  return document({ [path]: { get: operation({ description, operationId, tag, responses: responses(["200"], result) }) } }, components);
}

function apiRootDoc(): Json {
  return rootDoc("/api/", "get available API versions", "getCoreAPIVersions", "core", `${META}APIVersions`, [`${META}ServerAddressByClientCIDR`]);
}

function apisRootDoc(): Json {
  return rootDoc("/apis/", "get available API versions", "getAPIVersions", "apis", `${META}APIGroupList`, [
    `${META}APIGroup`, `${META}GroupVersionForDiscovery`, `${META}ServerAddressByClientCIDR`,
  ]);
}

function groupDoc(group: string): Json {
  const tag = groupTag(group);
  return rootDoc(`/apis/${group}/`, "get information of a group", `get${cap(tag)}APIGroup`, tag, `${META}APIGroup`, [
    `${META}GroupVersionForDiscovery`, `${META}ServerAddressByClientCIDR`,
  ]);
}

function versionDoc(): Json {
  return rootDoc("/version/", "get the version information for this server", "getCodeVersion", "version", "io.k8s.apimachinery.pkg.version.Info", []);
}

// ---------------------------------------------------------------------------------------------
// Helpers: canonical key order, SHA-512
// ---------------------------------------------------------------------------------------------

/** Keys in sorted order at every level, as Go marshals maps. */
function sortDeep<T>(v: T): T {
  if (Array.isArray(v)) return v.map(sortDeep) as T;
  if (!v || typeof v !== "object") return v;
  const out: Json = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Json)[k];
    if (x !== undefined) out[k] = sortDeep(x);
  }
  return out as T;
}

// SHA-512 (FIPS 180-4) on 32-bit halves. The round constants are the first 64 bits of the fractional
// parts of the cube roots of the first 80 primes (square roots of the first 8 for the initial hash).
let SHA_K: Int32Array | undefined;
let SHA_H0: Int32Array | undefined;

function shaConstants(): [Int32Array, Int32Array] {
  if (SHA_K && SHA_H0) return [SHA_K, SHA_H0];
  const primes: bigint[] = [];
  for (let n = 2; primes.length < 80; n++) if (primes.every((p) => BigInt(n) % p !== 0n)) primes.push(BigInt(n));
  const iroot = (x: bigint, k: bigint) => {
    // Newton's method for floor(x^(1/k)).
    let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
    for (;;) {
      const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
      if (next >= r) return r;
      r = next;
    }
  };
  const mask = (1n << 64n) - 1n;
  const split = (values: bigint[]) => {
    const out = new Int32Array(values.length * 2);
    values.forEach((v, i) => {
      out[2 * i] = Number((v >> 32n) & 0xffffffffn) | 0;
      out[2 * i + 1] = Number(v & 0xffffffffn) | 0;
    });
    return out;
  };
  SHA_K = split(primes.map((p) => iroot(p << 192n, 3n) & mask));
  SHA_H0 = split(primes.slice(0, 8).map((p) => iroot(p << 128n, 2n) & mask));
  return [SHA_K, SHA_H0];
}

export function sha512Hex(text: string): string {
  const [K, H0] = shaConstants();
  const data = new TextEncoder().encode(text);
  const bitLen = data.length * 8;
  const total = Math.ceil((data.length + 17) / 128) * 128;
  const msg = new Uint8Array(total);
  msg.set(data);
  msg[data.length] = 0x80;
  const dv = new DataView(msg.buffer);
  dv.setUint32(total - 8, Math.floor(bitLen / 0x100000000));
  dv.setUint32(total - 4, bitLen >>> 0);
  const H = Int32Array.from(H0);
  const W = new Int32Array(160);
  for (let off = 0; off < total; off += 128) {
    for (let i = 0; i < 32; i++) W[i] = dv.getInt32(off + i * 4);
    for (let i = 16; i < 80; i++) {
      // σ0 = rotr1 ^ rotr8 ^ shr7 of W[i-15]; σ1 = rotr19 ^ rotr61 ^ shr6 of W[i-2].
      const xh = W[2 * (i - 15)], xl = W[2 * (i - 15) + 1];
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      const yh = W[2 * (i - 2)], yl = W[2 * (i - 2) + 1];
      const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
      const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
      const lo = (s0l >>> 0) + (s1l >>> 0) + (W[2 * (i - 7) + 1] >>> 0) + (W[2 * (i - 16) + 1] >>> 0);
      const hi = s0h + s1h + W[2 * (i - 7)] + W[2 * (i - 16)] + ((lo / 0x100000000) | 0);
      W[2 * i] = hi | 0;
      W[2 * i + 1] = lo | 0;
    }
    let ah = H[0], al = H[1], bh = H[2], bl = H[3], ch = H[4], cl = H[5], dh = H[6], dl = H[7];
    let eh = H[8], el = H[9], fh = H[10], fl = H[11], gh = H[12], gl = H[13], hh = H[14], hl = H[15];
    for (let i = 0; i < 80; i++) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41; Ch(e,f,g); Σ0(a) = rotr28 ^ rotr34 ^ rotr39; Maj(a,b,c).
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      let t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[2 * i + 1] >>> 0) + (W[2 * i + 1] >>> 0);
      const t1h = (hh + S1h + chh + K[2 * i] + W[2 * i] + ((t1l / 0x100000000) | 0)) | 0;
      t1l = t1l | 0;
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const mah = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const mal = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (mal >>> 0);
      const t2h = (S0h + mah + ((t2l / 0x100000000) | 0)) | 0;
      hh = gh; hl = gl; gh = fh; gl = fl; fh = eh; fl = el;
      const el2 = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + ((el2 / 0x100000000) | 0)) | 0;
      el = el2 | 0;
      dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + ((al2 / 0x100000000) | 0)) | 0;
      al = al2 | 0;
    }
    const add = (i: number, xh: number, xl: number) => {
      const lo = (H[i + 1] >>> 0) + (xl >>> 0);
      H[i] = (H[i] + xh + ((lo / 0x100000000) | 0)) | 0;
      H[i + 1] = lo | 0;
    };
    add(0, ah, al); add(2, bh, bl); add(4, ch, cl); add(6, dh, dl);
    add(8, eh, el); add(10, fh, fl); add(12, gh, gl); add(14, hh, hl);
  }
  let hex = "";
  for (let i = 0; i < 16; i++) hex += (H[i] >>> 0).toString(16).padStart(8, "0");
  return hex.toUpperCase();
}
