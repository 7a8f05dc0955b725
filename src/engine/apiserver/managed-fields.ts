// metadata.managedFields: field sets in the FieldsV1 format, the structured view of a kind's schema
// that server-side apply needs (which lists are maps/sets/atomic, which objects are structs), and the
// bookkeeping the API server does on every write. Follows sigs.k8s.io/structured-merge-diff
// (fieldpath, typed: ToFieldSet / Compare / RemoveItems) and
// k8s.io/apimachinery/pkg/util/managedfields/internal (fieldmanager.go, managedfields.go,
// managedfieldsupdater.go, stripmeta.go, skipnonapplied.go, capmanagers.go, buildmanagerinfo.go).
import { apiVersionOf, type KindDef, type KubeObject, type ManagedFieldsEntry } from "../kinds/types";
import { kindSchemaOf, refName, type JsonSchema, type KindSchema } from "./schemas";
import { deepEqual, deepFreeze } from "../machinery/json";
import { GenerationalCache } from "../machinery/generational-cache";
import { LIMITS } from "../limits";
import { parseRfc3339, rfc3339 } from "../machinery/time";

// =============================================================================================
// Path elements
// =============================================================================================
//
// A path element is kept in its serialized FieldsV1 form, which is canonical (key fields sorted by
// name, values as Go's JSON encoder writes them): "f:name", `k:{"name":"nginx"}`, `v:"x"`, "i:0".

/** Characters encoding/json escapes that JSON.stringify leaves as they are. */
const GO_ESCAPED = /[<>&\u2028\u2029]/;

/** Go's JSON encoding of a scalar/value (encoding/json escapes <, >, & and U+2028/2029). */
export function goJson(v: unknown): string {
  const json = JSON.stringify(v ?? null);
  // Most values (names, keys, numbers) have none of them: skip the five replacements.
  if (!GO_ESCAPED.test(json)) return json;
  return json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export const fieldPE = (name: string) => `f:${name}`;
export const indexPE = (i: number) => `i:${i}`;
export const valuePE = (v: unknown) => `v:${goJson(v)}`;
export function keyPE(fields: Record<string, unknown>): string {
  const names = Object.keys(fields);
  // A single key field (name, type, containerPort…) is the common case: nothing to sort.
  if (names.length === 1) return `k:{${goJson(names[0])}:${goJson(fields[names[0]])}}`;
  names.sort(byteCompare);
  return `k:{${names.map((n) => `${goJson(n)}:${goJson(fields[n])}`).join(",")}}`;
}

type ParsedPE =
  | { t: 0; name: string }
  | { t: 1; fields: Array<[string, unknown]> }
  | { t: 2; value: unknown }
  | { t: 3; index: number };

const parsedCache = new Map<string, ParsedPE>();

function parsePE(pe: string): ParsedPE {
  let p = parsedCache.get(pe);
  if (p) return p;
  const body = pe.slice(2);
  switch (pe[0]) {
    case "f":
      p = { t: 0, name: body };
      break;
    case "k": {
      const obj = JSON.parse(body) as Record<string, unknown>;
      p = { t: 1, fields: Object.keys(obj).sort(byteCompare).map((k) => [k, obj[k]] as [string, unknown]) };
      break;
    }
    case "v":
      p = { t: 2, value: JSON.parse(body) };
      break;
    default:
      p = { t: 3, index: Number(body) };
  }
  if (parsedCache.size > 10000) parsedCache.clear();
  parsedCache.set(pe, p);
  return p;
}

function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function valueRank(v: unknown): number {
  if (typeof v === "number") return 0;
  if (typeof v === "string") return 1;
  if (typeof v === "boolean") return 2;
  if (Array.isArray(v)) return 3;
  if (v !== null && typeof v === "object") return 4;
  return 5; // null
}

/** value.Compare: numbers < strings < booleans < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = valueRank(a);
  const rb = valueRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 0:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 1:
      return byteCompare(a as string, b as string);
    case 2:
      return a === b ? 0 : a ? 1 : -1;
    case 3: {
      const la = a as unknown[];
      const lb = b as unknown[];
      for (let i = 0; i < Math.min(la.length, lb.length); i++) {
        const c = compareValues(la[i], lb[i]);
        if (c) return c;
      }
      return la.length === lb.length ? 0 : la.length < lb.length ? -1 : 1;
    }
    case 4: {
      const ka = Object.keys(a as object).sort(byteCompare);
      const kb = Object.keys(b as object).sort(byteCompare);
      for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        const c = byteCompare(ka[i], kb[i]) || compareValues((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]]);
        if (c) return c;
      }
      return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
    }
  }
  return 0;
}

/** PathElement.Compare: field names < keys < values < indexes. */
export function comparePE(a: string, b: string): number {
  if (a === b) return 0;
  // Field names, by far the most common, order by their bytes.
  if (a.charCodeAt(0) === 102 && b.charCodeAt(0) === 102) return byteCompare(a, b);
  const pa = parsePE(a);
  const pb = parsePE(b);
  if (pa.t !== pb.t) return pa.t < pb.t ? -1 : 1;
  switch (pa.t) {
    case 0:
      return byteCompare(pa.name, (pb as { name: string }).name);
    case 1: {
      const fa = pa.fields;
      const fb = (pb as { fields: Array<[string, unknown]> }).fields;
      for (let i = 0; ; i++) {
        if (i >= fa.length && i >= fb.length) return 0;
        if (i >= fa.length) return -1;
        if (i >= fb.length) return 1;
        const c = byteCompare(fa[i][0], fb[i][0]) || compareValues(fa[i][1], fb[i][1]);
        if (c) return c;
      }
    }
    case 2:
      return compareValues(pa.value, (pb as { value: unknown }).value);
    case 3:
      return pa.index - (pb as { index: number }).index;
  }
}

/** value.ToString: how a value appears in a path string. */
function valueToString(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(valueToString).join(",")}]`;
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${k}=${valueToString(x)}`).join("");
  return String(v);
}

/** PathElement.String: `.spec`, `[name="nginx"]`, `[="x"]`, `[0]`. */
export function peString(pe: string): string {
  const p = parsePE(pe);
  switch (p.t) {
    case 0:
      return `.${p.name}`;
    case 1:
      return `[${p.fields.map(([k, v]) => `${k}=${valueToString(v)}`).join(",")}]`;
    case 2:
      return `[=${valueToString(p.value)}]`;
    case 3:
      return `[${p.index}]`;
  }
}

/** Path.String: `.spec.template.spec.containers[name="nginx"].image`. */
export const pathString = (path: readonly string[]) => path.map(peString).join("");

/** Parses one FieldsV1 key; undefined for an unknown element type (skipped like the real decoder). */
function canonicalPE(key: string): string | undefined {
  if (key.length < 2 || key[1] !== ":") throw new Error(`key must be 2 characters long: ${key}`);
  const body = key.slice(2);
  switch (key[0]) {
    case "f":
      return key;
    case "v":
      return valuePE(JSON.parse(body));
    case "k": {
      const obj = JSON.parse(body);
      if (!obj || typeof obj !== "object" || Array.isArray(obj)) throw new Error(`invalid key: ${key}`);
      return keyPE(obj as Record<string, unknown>);
    }
    case "i": {
      if (!/^-?\d+$/.test(body)) throw new Error(`invalid index: ${key}`);
      return indexPE(Number(body));
    }
  }
  return undefined;
}

// =============================================================================================
// Field sets
// =============================================================================================

/** fieldpath.Set: member paths, as a tree of path elements. */
export class FieldSet {
  readonly members = new Set<string>();
  readonly children = new Map<string, FieldSet>();

  static of(...paths: ReadonlyArray<readonly string[]>): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Inserts a path (a zero-length path, "the whole object", is never tracked). */
  insert(path: readonly string[]): this {
    if (!path.length) return this;
    let s: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) {
      let c = s.children.get(path[i]);
      if (!c) s.children.set(path[i], (c = new FieldSet()));
      s = c;
    }
    s.members.add(path[path.length - 1]);
    return this;
  }

  has(path: readonly string[]): boolean {
    if (!path.length) return false;
    let s: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && s; i++) s = s.children.get(path[i]);
    return !!s && s.members.has(path[path.length - 1]);
  }

  isEmpty(): boolean {
    if (this.members.size) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  /** The subset under one path element, prefix removed (empty when none). */
  withPrefix(pe: string): FieldSet {
    return this.children.get(pe) ?? new FieldSet();
  }

  // Sets are never changed once built (only fresh ones are inserted into), so the operations below
  // share untouched subtrees and return an operand itself when the result equals it: a manager
  // whose fields a write did not touch keeps its very set (and its cached encoding).

  union(o: FieldSet): FieldSet {
    if (o === this || o.isEmpty()) return this;
    if (this.isEmpty()) return o;
    const out = new FieldSet();
    let same = true;
    for (const m of this.members) out.members.add(m);
    for (const m of o.members) {
      if (!out.members.has(m)) same = false;
      out.members.add(m);
    }
    for (const [pe, c] of this.children) {
      const oc = o.children.get(pe);
      const u = oc ? c.union(oc) : c;
      if (u !== c) same = false;
      out.children.set(pe, u);
    }
    for (const [pe, c] of o.children) {
      if (this.children.has(pe) || c.isEmpty()) continue;
      same = false;
      out.children.set(pe, c);
    }
    return same ? this : out;
  }

  intersection(o: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (o.members.has(m)) out.members.add(m);
    for (const [pe, c] of this.children) {
      const oc = o.children.get(pe);
      if (!oc) continue;
      const r = c.intersection(oc);
      if (!r.isEmpty()) out.children.set(pe, r);
    }
    return out;
  }

  /** Paths in this set and not in o (a parent minus its child is still the parent). */
  difference(o: FieldSet): FieldSet {
    return this.minus(o, false);
  }

  /** Like difference, but a member of o also removes everything below it. */
  recursiveDifference(o: FieldSet): FieldSet {
    return this.minus(o, true);
  }

  private minus(o: FieldSet, recursive: boolean): FieldSet {
    if (o.members.size === 0 && o.children.size === 0) return this;
    // First find out whether anything goes (most managers lose nothing to a write): only then is
    // a new set built. A child's result differs from the child exactly when it lost something.
    let same = true;
    for (const m of this.members) {
      if (o.members.has(m)) {
        same = false;
        break;
      }
    }
    let lessened: Map<string, FieldSet> | undefined;
    for (const [pe, c] of this.children) {
      if (recursive && o.members.has(pe)) {
        same = false;
        continue;
      }
      const oc = o.children.get(pe);
      if (!oc) continue;
      const r = c.minus(oc, recursive);
      if (r !== c) (lessened ??= new Map()).set(pe, r);
    }
    if (same && !lessened) return this;
    const out = new FieldSet();
    for (const m of this.members) if (!o.members.has(m)) out.members.add(m);
    for (const [pe, c] of this.children) {
      if (recursive && o.members.has(pe)) continue;
      const r = lessened?.get(pe) ?? c;
      if (!r.isEmpty()) out.children.set(pe, r);
    }
    return out;
  }

  equals(o: FieldSet): boolean {
    if (o === this) return true;
    if (this.members.size !== o.members.size) return this.isEmpty() && o.isEmpty();
    for (const m of this.members) if (!o.members.has(m)) return false;
    for (const [pe, c] of this.children) {
      const oc = o.children.get(pe);
      if (oc ? !c.equals(oc) : !c.isEmpty()) return false;
    }
    for (const [pe, c] of o.children) if (!this.children.has(pe) && !c.isEmpty()) return false;
    return true;
  }

  clone(): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const [pe, c] of this.children) out.children.set(pe, c.clone());
    return out;
  }

  /** Member paths in Set.Iterate order: this level's members (sorted), then each child (sorted). */
  paths(): string[][] {
    const out: string[][] = [];
    const walk = (s: FieldSet, prefix: string[]) => {
      for (const m of [...s.members].sort(comparePE)) out.push([...prefix, m]);
      for (const pe of [...s.children.keys()].sort(comparePE)) walk(s.children.get(pe)!, [...prefix, pe]);
    };
    walk(this, []);
    return out;
  }

  /** The FieldsV1 JSON ("." marks a node that is itself a member and also has children). */
  toFieldsV1(): Record<string, unknown> {
    /** The children's JSON first (undefined when a child is empty), then this level in PE order. */
    const emit = (s: FieldSet, self: boolean): Record<string, unknown> | undefined => {
      const sub = new Map<string, Record<string, unknown>>();
      for (const [k, c] of s.children) {
        const j = emit(c, s.members.has(k));
        if (j) sub.set(k, j);
      }
      if (!sub.size && !s.members.size) return self ? {} : undefined;
      const keys = [...s.members];
      for (const k of sub.keys()) if (!s.members.has(k)) keys.push(k);
      keys.sort(comparePE);
      const out: Record<string, unknown> = {};
      if (self) out["."] = {};
      for (const k of keys) out[k] = sub.get(k) ?? {};
      return out;
    };
    return emit(this, false) ?? {};
  }

  /** Parses FieldsV1 (throws on malformed input). */
  static fromFieldsV1(json: unknown): FieldSet {
    const read = (obj: unknown): { set?: FieldSet; member: boolean } => {
      if (obj === null || typeof obj !== "object" || Array.isArray(obj)) throw new Error("FieldsV1 must be a JSON object");
      let set: FieldSet | undefined;
      let member = false;
      for (const [key, v] of Object.entries(obj as Record<string, unknown>)) {
        if (key === ".") {
          member = true;
          continue;
        }
        const pe = canonicalPE(key);
        if (pe === undefined) continue;
        const r = read(v);
        if (r.member) (set ??= new FieldSet()).members.add(pe);
        if (r.set) {
          set ??= new FieldSet();
          const existing = set.children.get(pe);
          set.children.set(pe, existing ? existing.union(r.set) : r.set);
        }
      }
      if (!set) member = true;
      return { set, member };
    };
    return read(json ?? {}).set ?? new FieldSet();
  }
}

// =============================================================================================
// The structured schema of a kind (what structured-merge-diff's schema.Schema says)
// =============================================================================================

export type ScalarType = "string" | "numeric" | "boolean" | "untyped";

export interface ScalarNode {
  kind: "scalar";
  scalar: ScalarType;
}

export interface ListNode {
  kind: "list";
  /** atomic: replaced whole; associative: merged item by item (by keys, or as a set of scalars). */
  relationship: "atomic" | "associative";
  /** x-kubernetes-list-map-keys (or the patch merge key); empty for a set. */
  keys: string[];
  /** Defaults of key fields, used when an item omits one (ports' protocol is "TCP"). */
  keyDefaults: Record<string, unknown>;
  readonly elem: TypeNode;
}

export interface MapNode {
  kind: "map";
  /** x-kubernetes-map-type: atomic / +structType=atomic. */
  atomic: boolean;
  /** A struct field (as opposed to a key of a map[string]T). */
  hasField(name: string): boolean;
  field(name: string): TypeNode | undefined;
  fieldNames(): string[];
  /** Type of entries that are not struct fields (map values); undefined for a closed struct. */
  readonly elem: TypeNode | undefined;
}

/** Untyped (x-kubernetes-preserve-unknown-fields): typed by the value — maps granular, lists atomic. */
export interface DeducedNode {
  kind: "deduced";
}

export type TypeNode = ScalarNode | ListNode | MapNode | DeducedNode;

export const DEDUCED: DeducedNode = { kind: "deduced" };
const DEDUCED_MAP: MapNode = {
  kind: "map",
  atomic: false,
  hasField: () => false,
  field: () => undefined,
  fieldNames: () => [],
  elem: DEDUCED,
};
const ATOMIC_LIST: ListNode = { kind: "list", relationship: "atomic", keys: [], keyDefaults: {}, elem: DEDUCED };
const UNTYPED_SCALAR: ScalarNode = { kind: "scalar", scalar: "untyped" };

/** Types whose Go definition says +structType=atomic (the OpenAPI marks them x-kubernetes-map-type: atomic). */
const ATOMIC_STRUCTS = new Set([
  "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
  "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference",
  "io.k8s.api.core.v1.ObjectReference",
  "io.k8s.api.core.v1.LocalObjectReference",
  "io.k8s.api.core.v1.TypedLocalObjectReference",
  "io.k8s.api.core.v1.SecretReference",
  "io.k8s.api.core.v1.ConfigMapKeySelector",
  "io.k8s.api.core.v1.SecretKeySelector",
  "io.k8s.api.core.v1.ObjectFieldSelector",
  "io.k8s.api.core.v1.ResourceFieldSelector",
  "io.k8s.api.core.v1.NodeSelector",
  "io.k8s.api.core.v1.NodeSelectorTerm",
  "io.k8s.api.core.v1.TopologySelectorTerm",
]);

/** Follows $ref, allOf and nullable anyOf wrappers; remembers the last named definition. */
function resolveJs(schema: JsonSchema | undefined, ks: KindSchema): { s: JsonSchema | undefined; ref?: string } {
  let s = schema;
  let ref: string | undefined;
  for (let i = 0; s && i < 20; i++) {
    if (s.$ref) {
      ref = refName(s.$ref);
      const { $ref: _r, ...rest } = s;
      s = { ...ks.definitions[ref], ...rest };
      continue;
    }
    const allOf = (s as { allOf?: JsonSchema[] }).allOf;
    if (allOf) {
      const { allOf: _a, ...rest } = s as JsonSchema & { allOf?: JsonSchema[] };
      let merged: JsonSchema = {};
      for (const branch of allOf) {
        const r = resolveJs(branch, ks);
        if (r.ref) ref = r.ref;
        merged = { ...merged, ...r.s, properties: { ...merged.properties, ...r.s?.properties } };
        if (!merged.properties || !Object.keys(merged.properties).length) delete merged.properties;
      }
      s = { ...merged, ...rest };
      continue;
    }
    if (s.anyOf && !s["x-kubernetes-int-or-string"] && !s["x-kubernetes-quantity"]) {
      const concrete = s.anyOf.filter((b) => !(b.type === "null" || (b as { nullable?: boolean }).nullable));
      if (concrete.length !== 1) return { s, ref };
      const { anyOf: _a, ...rest } = s;
      s = { ...concrete[0], ...rest };
      continue;
    }
    break;
  }
  return { s, ref };
}

class StructNode implements MapNode {
  readonly kind = "map" as const;
  private readonly fields = new Map<string, TypeNode>();
  private elemNode: TypeNode | undefined | null = null;
  constructor(
    private readonly conv: SchemaConverter,
    private readonly js: JsonSchema,
    readonly atomic: boolean,
  ) {}
  hasField(name: string): boolean {
    return !!this.js.properties && Object.prototype.hasOwnProperty.call(this.js.properties, name);
  }
  field(name: string): TypeNode | undefined {
    // Only struct fields are ever cached: a cached name is a field.
    let n = this.fields.get(name);
    if (n) return n;
    if (!this.hasField(name)) return undefined;
    this.fields.set(name, (n = this.conv.node(this.js.properties![name])));
    return n;
  }
  fieldNames(): string[] {
    return Object.keys(this.js.properties ?? {});
  }
  get elem(): TypeNode | undefined {
    if (this.elemNode === null) {
      const ap = this.js.additionalProperties;
      if (ap && typeof ap === "object") this.elemNode = this.conv.node(ap);
      else if (ap === true || this.js["x-kubernetes-preserve-unknown-fields"] || (!this.js.properties && ap === undefined)) this.elemNode = DEDUCED;
      else this.elemNode = undefined;
    }
    return this.elemNode;
  }
}

class ListTypeNode implements ListNode {
  readonly kind = "list" as const;
  private elemNode: TypeNode | undefined;
  constructor(
    private readonly conv: SchemaConverter,
    private readonly items: JsonSchema | undefined,
    readonly relationship: "atomic" | "associative",
    readonly keys: string[],
  ) {}
  get elem(): TypeNode {
    return (this.elemNode ??= this.conv.node(this.items));
  }
  private keyDefaultsOf?: Record<string, unknown>;
  /** Built once per list type (every list item's path element reads it); callers only read it. */
  get keyDefaults(): Record<string, unknown> {
    return (this.keyDefaultsOf ??= this.buildKeyDefaults());
  }
  private buildKeyDefaults(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const item = resolveJs(this.items, this.conv.ks).s;
    for (const k of this.keys) {
      const prop = resolveJs(item?.properties?.[k], this.conv.ks).s as (JsonSchema & { default?: unknown }) | undefined;
      if (prop?.default !== undefined) out[k] = prop.default;
      // The OpenAPI of the built-in kinds defaults every port protocol to "TCP".
      else if (k === "protocol") out[k] = "TCP";
    }
    return out;
  }
}

/** Turns a kind's JSON Schema into structured-merge-diff types (kube-openapi schemaconv rules). */
class SchemaConverter {
  private readonly cache = new Map<JsonSchema, TypeNode>();
  constructor(readonly ks: KindSchema) {}

  node(raw: JsonSchema | undefined): TypeNode {
    if (!raw) return DEDUCED;
    let n = this.cache.get(raw);
    if (!n) {
      n = this.build(raw);
      this.cache.set(raw, n);
    }
    return n;
  }

  private build(raw: JsonSchema): TypeNode {
    const { s, ref } = resolveJs(raw, this.ks);
    if (!s) return DEDUCED;
    if (s["x-kubernetes-int-or-string"] || s["x-kubernetes-quantity"]) return UNTYPED_SCALAR;
    const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
    if (type === "array") {
      const lt = s["x-kubernetes-list-type"] as string | undefined;
      if (lt === "map") return new ListTypeNode(this, s.items, "associative", (s["x-kubernetes-list-map-keys"] as string[] | undefined) ?? []);
      if (lt === "set") return new ListTypeNode(this, s.items, "associative", []);
      if (lt === "atomic") return new ListTypeNode(this, s.items, "atomic", []);
      const strategy = s["x-kubernetes-patch-strategy"] as string | undefined;
      if (strategy?.split(",").includes("merge")) {
        const key = s["x-kubernetes-patch-merge-key"] as string | undefined;
        return new ListTypeNode(this, s.items, "associative", key ? [key] : []);
      }
      return new ListTypeNode(this, s.items, "atomic", []);
    }
    if (type === "object" || s.properties) {
      const atomic = s["x-kubernetes-map-type"] === "atomic" || (!!ref && ATOMIC_STRUCTS.has(ref) && s["x-kubernetes-map-type"] !== "granular");
      return new StructNode(this, s, atomic);
    }
    if (s["x-kubernetes-preserve-unknown-fields"]) return DEDUCED;
    if (type === "string") return { kind: "scalar", scalar: "string" };
    if (type === "integer" || type === "number") return { kind: "scalar", scalar: "numeric" };
    if (type === "boolean") return { kind: "scalar", scalar: "boolean" };
    return DEDUCED;
  }
}

const rootCache = new WeakMap<KindDef, TypeNode>();

/** The structured type of a kind's objects; a fully untyped (deduced) type without a kind. */
export function typeOfKind(def: KindDef | undefined): TypeNode {
  if (!def) return DEDUCED;
  let n = rootCache.get(def);
  if (!n) {
    const ks = kindSchemaOf(def);
    n = new SchemaConverter(ks).node(ks.root);
    rootCache.set(def, n);
  }
  return n;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The concrete type a (possibly deduced) node has for a value. */
export function effectiveType(node: TypeNode | undefined, v: unknown): Exclude<TypeNode, DeducedNode> {
  if (node && node.kind !== "deduced") return node;
  if (isPlainObject(v)) return DEDUCED_MAP;
  if (Array.isArray(v)) return ATOMIC_LIST;
  return UNTYPED_SCALAR;
}

/** The type below one path element. */
export function childType(node: TypeNode | undefined, pe: string): TypeNode {
  if (!node || node.kind === "deduced" || node.kind === "scalar") return DEDUCED;
  if (node.kind === "map") {
    if (pe.startsWith("f:")) return node.field(pe.slice(2)) ?? node.elem ?? DEDUCED;
    return DEDUCED;
  }
  return node.elem;
}

/** Why an item of an associative list has no path element (typed/helpers.go wording). */
export class ListItemError extends Error {}

/** The path element of a list item: its keys, its value (set) or its index (atomic). */
/** listItemPE's single-key path elements per list type, by key value (at most this many per list type). */
const singleKeyPEs = new WeakMap<ListNode, Map<string | number, string>>();
const SINGLE_KEY_PES_PER_LIST = 1024;

export function listItemPE(list: ListNode, item: unknown, index: number): string {
  if (list.relationship !== "associative") return indexPE(index);
  if (list.keys.length) {
    if (item === null) throw new ListItemError("associative list with keys may not have a null element");
    if (!isPlainObject(item)) throw new ListItemError("associative list with keys may not have non-map elements");
    const defaults = list.keyDefaults;
    if (list.keys.length === 1) {
      // One key field (name, type, containerPort…), the common case: keyPE({[k]: v}) without the object.
      const k = list.keys[0];
      const v = k in item && item[k] !== undefined ? item[k] : defaults[k];
      if (v !== undefined) {
        if (typeof v !== "string" && typeof v !== "number") return `k:{${goJson(k)}:${goJson(v)}}`;
        // The same few keys come back on every write (condition types, container names): built once per list type.
        let pes = singleKeyPEs.get(list);
        if (!pes) singleKeyPEs.set(list, (pes = new Map()));
        let pe = pes.get(v);
        if (pe === undefined) {
          pe = `k:{${goJson(k)}:${goJson(v)}}`;
          if (pes.size >= SINGLE_KEY_PES_PER_LIST) pes.clear();
          pes.set(v, pe);
        }
        return pe;
      }
    }
    const fields: Record<string, unknown> = {};
    for (const k of list.keys) {
      if (k in item && item[k] !== undefined) fields[k] = item[k];
      else if (defaults[k] !== undefined) fields[k] = defaults[k];
    }
    if (!Object.keys(fields).length) {
      throw new ListItemError(
        `associative list with keys has an element that omits all key fields [${list.keys.map((k) => JSON.stringify(k)).join(" ")}] (and doesn't have default values for any key fields)`,
      );
    }
    return keyPE(fields);
  }
  if (isPlainObject(item)) throw new ListItemError("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) throw new ListItemError("not supported: associative list with lists as elements");
  if (item === null) throw new ListItemError("associative list without keys has an element that's an explicit null");
  return valuePE(item);
}

// =============================================================================================
// Walking values with their types
// =============================================================================================

/** typed.ToFieldSet: every field, list item and map entry an object (or applied configuration) sets. */
export function fieldSetOf(value: unknown, type: TypeNode): FieldSet {
  const set = new FieldSet();
  const walk = (v: unknown, node: TypeNode, path: string[]) => {
    const t = effectiveType(node, v);
    if (t.kind === "scalar") {
      set.insert(path);
      return;
    }
    if (t.kind === "list") {
      if (t.relationship === "atomic") {
        set.insert(path);
        return;
      }
      if (!Array.isArray(v)) return;
      v.forEach((item, i) => {
        let pe: string;
        try {
          pe = listItemPE(t, item, i);
        } catch {
          return;
        }
        const p = [...path, pe];
        walk(item, t.elem, p);
        set.insert(p);
      });
      return;
    }
    if (t.atomic) {
      set.insert(path);
      return;
    }
    if (!isPlainObject(v)) return;
    for (const [k, child] of Object.entries(v)) {
      if (child === undefined) continue;
      const p = [...path, fieldPE(k)];
      walk(child, t.hasField(k) ? t.field(k)! : t.elem ?? DEDUCED, p);
      if (child === null || (isPlainObject(child) && !Object.keys(child).length)) set.insert(p);
      else if (!t.hasField(k)) set.insert(p);
    }
  };
  walk(value, type, []);
  return set;
}

/** Hooks of the merging walker (typed/merge.go): leaves get `leaf`, other nodes `post` after their children. */
export interface PairVisitor {
  leaf?(lhs: unknown, rhs: unknown, path: readonly string[]): void;
  post?(lhs: unknown, rhs: unknown, path: readonly string[]): void;
}

/**
 * Walks two values of one type together the way structured-merge-diff merges them; returns the merge
 * (rhs wins on leaves, maps merged by key, associative lists merged by item). `undefined` is absent.
 */
export function mergeWalk(lhs: unknown, rhs: unknown, type: TypeNode, visitor: PairVisitor = {}, path: string[] = []): unknown {
  const t = effectiveType(type, rhs !== undefined ? rhs : lhs);
  let leaf = false;
  let out: unknown;
  if (t.kind === "scalar") leaf = true;
  else if (t.kind === "list") {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    if (t.relationship === "atomic" || ((!l || !l.length) && (!r || !r.length))) leaf = true;
    else out = mergeListItems(l, r, t, visitor, path);
  } else {
    const l = isPlainObject(lhs) ? lhs : undefined;
    const r = isPlainObject(rhs) ? rhs : undefined;
    if (t.atomic || ((!l || !Object.keys(l).length) && (!r || !Object.keys(r).length))) leaf = true;
    else {
      const o: Record<string, unknown> = {};
      const keys = [...Object.keys(l ?? {}), ...Object.keys(r ?? {}).filter((k) => !l || !(k in l))];
      for (const k of keys) {
        const lv = l?.[k];
        const rv = r?.[k];
        if (lv === undefined && rv === undefined) continue;
        const child = mergeWalk(lv, rv, t.hasField(k) ? t.field(k)! : t.elem ?? DEDUCED, visitor, [...path, fieldPE(k)]);
        if (child !== undefined) o[k] = child;
      }
      if (Object.keys(o).length) out = o;
    }
  }
  if (leaf) {
    visitor.leaf?.(lhs, rhs, path);
    out = rhs !== undefined ? rhs : lhs;
  } else visitor.post?.(lhs, rhs, path);
  return out;
}

function mergeListItems(lhs: unknown[] | undefined, rhs: unknown[] | undefined, t: ListNode, visitor: PairVisitor, path: string[]): unknown {
  const index = (list: unknown[] | undefined, allowDuplicates: boolean) => {
    const pes: string[] = [];
    const at: number[] = [];
    const observed = new Map<string, unknown>();
    (list ?? []).forEach((item, i) => {
      let pe: string;
      try {
        pe = listItemPE(t, item, i);
      } catch {
        return;
      }
      if (observed.has(pe)) {
        if (!allowDuplicates) return;
        observed.set(pe, null); // duplicated items are not merged with the new value
      } else observed.set(pe, item);
      pes.push(pe);
      at.push(i);
    });
    return { pes, at, observed };
  };
  const R = index(rhs, false);
  const L = index(lhs, true);
  const out: unknown[] = [];
  const shared = R.pes.filter((pe) => L.observed.has(pe));
  let nextShared = shared.shift();
  const mergedRHS = new Set<string>();
  const item = (pe: string, l: unknown, r: unknown) => {
    const m = mergeWalk(l, r, t.elem, visitor, [...path, pe]);
    if (m !== undefined) out.push(m);
  };
  for (let lI = 0, rI = 0; lI < L.pes.length || rI < R.pes.length; ) {
    if (lI < L.pes.length && rI < R.pes.length) {
      const pe = L.pes[lI];
      if (pe === R.pes[rI]) {
        mergedRHS.add(pe);
        item(pe, L.observed.get(pe), R.observed.get(pe));
        lI++;
        rI++;
        nextShared = shared.shift();
        continue;
      }
      if (R.observed.has(pe) && nextShared !== undefined && nextShared !== pe) {
        lI++;
        continue;
      }
    }
    if (lI < L.pes.length) {
      const pe = L.pes[lI];
      if (!R.observed.has(pe)) {
        item(pe, lhs![L.at[lI]], undefined);
        lI++;
        continue;
      } else if (mergedRHS.has(pe)) lI++;
    }
    if (rI < R.pes.length) {
      const pe = R.pes[rI];
      mergedRHS.add(pe);
      item(pe, L.observed.get(pe), R.observed.get(pe));
      rI++;
      if (nextShared !== undefined && nextShared === pe) nextShared = shared.shift();
    }
  }
  return out.length ? out : undefined;
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * typed.Compare: which fields an update added, modified and removed. The same pairing as
 * mergeWalk (maps by key, associative lists by item key, duplicates on the left compared as null,
 * on the right the first wins) without building the merged value or copying paths: every write
 * runs it.
 */
export function compareObjects(lhs: unknown, rhs: unknown, type: TypeNode): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareWalk(lhs, rhs, type, [], c);
  return c;
}

function compareWalk(lhs: unknown, rhs: unknown, type: TypeNode, path: string[], c: Comparison): void {
  const t = effectiveType(type, rhs !== undefined ? rhs : lhs);
  if (t.kind === "list") {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    if (t.relationship !== "atomic" && ((l && l.length) || (r && r.length))) {
      compareListItems(l, r, t, path, c);
      return compareNode(lhs, rhs, path, c);
    }
  } else if (t.kind === "map") {
    const l = isPlainObject(lhs) ? lhs : undefined;
    const r = isPlainObject(rhs) ? rhs : undefined;
    if (!t.atomic && ((l && hasKeys(l)) || (r && hasKeys(r)))) {
      if (l) {
        for (const k in l) {
          const lv = l[k];
          const rv = r?.[k];
          if (lv === undefined && rv === undefined) continue;
          path.push(fieldPE(k));
          compareWalk(lv, rv, t.field(k) ?? t.elem ?? DEDUCED, path, c);
          path.pop();
        }
      }
      if (r) {
        for (const k in r) {
          if (l && k in l) continue;
          const rv = r[k];
          if (rv === undefined) continue;
          path.push(fieldPE(k));
          compareWalk(undefined, rv, t.field(k) ?? t.elem ?? DEDUCED, path, c);
          path.pop();
        }
      }
      return compareNode(lhs, rhs, path, c);
    }
  }
  // A leaf: a scalar, an atomic list or map, or empty on both sides.
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
}

/** A map or list node after its children: it was added or removed as a whole. */
function compareNode(lhs: unknown, rhs: unknown, path: string[], c: Comparison): void {
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

function hasKeys(o: Record<string, unknown>): boolean {
  for (const _ in o) return true;
  return false;
}

const DONE = Symbol("compared");

function compareListItems(lhs: unknown[] | undefined, rhs: unknown[] | undefined, t: ListNode, path: string[], c: Comparison): void {
  /** Items by path element; `all` keeps every occurrence of a duplicated one. */
  const index = (list: unknown[] | undefined, allowDuplicates: boolean) => {
    const observed = new Map<string, unknown>();
    const all: Array<[string, unknown]> = [];
    if (!list) return { observed, all };
    for (let i = 0; i < list.length; i++) {
      let pe: string;
      try {
        pe = listItemPE(t, list[i], i);
      } catch {
        continue;
      }
      if (observed.has(pe)) {
        if (!allowDuplicates) continue;
        observed.set(pe, null); // duplicated items are not merged with the new value
      } else observed.set(pe, list[i]);
      all.push([pe, list[i]]);
    }
    return { observed, all };
  };
  const R = index(rhs, false).observed;
  const { observed: L, all: lAll } = index(lhs, true);
  for (const [pe, l] of lAll) {
    path.push(pe);
    // An item only on the left is removed as each occurrence; a shared one compares once.
    if (!R.has(pe)) compareWalk(l, undefined, t.elem, path, c);
    else if (L.get(pe) !== DONE) {
      compareWalk(L.get(pe), R.get(pe), t.elem, path, c);
      L.set(pe, DONE);
    }
    path.pop();
  }
  for (const [pe, r] of R) {
    if (L.has(pe)) continue;
    path.push(pe);
    compareWalk(undefined, r, t.elem, path, c);
    path.pop();
  }
}

export function excludeFields(c: Comparison, ignored: FieldSet | undefined): Comparison {
  if (!ignored || ignored.isEmpty()) return c;
  return { added: c.added.recursiveDifference(ignored), modified: c.modified.recursiveDifference(ignored), removed: c.removed.recursiveDifference(ignored) };
}

/** Set.EnsureNamedFieldsAreMembers: struct fields on the way to a member become members too. */
export function ensureNamedFieldsAreMembers(set: FieldSet, type: TypeNode): FieldSet {
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [pe, child] of set.children) {
    if (pe.startsWith("f:") && type.kind === "map" && type.hasField(pe.slice(2))) out.members.add(pe);
    const sub = ensureNamedFieldsAreMembers(child, childType(type, pe));
    if (!sub.isEmpty()) out.children.set(pe, sub);
  }
  return out;
}

/** typed.RemoveItems: the value without the members of the set (and what is below them). */
export function removeItems(value: unknown, toRemove: FieldSet, type: TypeNode): unknown {
  const t = effectiveType(type, value);
  if (t.kind === "scalar") return value;
  if (t.kind === "list") {
    if (!Array.isArray(value) || !value.length || t.relationship === "atomic") return undefined;
    const items: unknown[] = [];
    value.forEach((item, i) => {
      let pe: string;
      try {
        pe = listItemPE(t, item, i);
      } catch {
        items.push(item);
        return;
      }
      if (toRemove.members.has(pe)) return;
      const sub = toRemove.children.get(pe);
      items.push(sub && !sub.isEmpty() ? removeItems(item, sub, t.elem) ?? null : item);
    });
    return items.length ? items : undefined;
  }
  if (!isPlainObject(value) || !Object.keys(value).length || t.atomic) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const pe = fieldPE(k);
    if (toRemove.members.has(pe)) continue;
    const sub = toRemove.children.get(pe);
    out[k] = sub && !sub.isEmpty() ? removeItems(v, sub, t.hasField(k) ? t.field(k)! : t.elem ?? DEDUCED) ?? null : v;
  }
  return Object.keys(out).length ? out : undefined;
}

// =============================================================================================
// managedFields entries
// =============================================================================================

export interface ManagerRecord {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

/** Managers by identifier (BuildManagerIdentifier). */
export type ManagedFieldSets = Map<string, ManagerRecord>;

/** Identifiers by manager, operation, apiVersion and subresource: every write builds several. */
const identifiers = new Map<string, Map<string, string>>();

/** BuildManagerIdentifier: the entry without time and fields; appliers also without apiVersion. */
export function managerIdentifier(manager: string, operation: "Apply" | "Update", apiVersion: string, subresource?: string): string {
  // Looked up by the rest joined with NULs: a client's entry whose apiVersion or subresource holds
  // one (nothing real does) is built every time, so no two entries can share a lookup key.
  if (apiVersion.includes("\u0000") || subresource?.includes("\u0000")) return buildManagerIdentifier(manager, operation, apiVersion, subresource);
  let byManager = identifiers.get(manager);
  if (!byManager) {
    if (identifiers.size >= 1000) identifiers.clear();
    identifiers.set(manager, (byManager = new Map()));
  }
  const rest = `${operation}\u0000${apiVersion}\u0000${subresource ?? ""}`;
  let id = byManager.get(rest);
  if (id === undefined) {
    id = buildManagerIdentifier(manager, operation, apiVersion, subresource);
    if (byManager.size >= 100) byManager.clear();
    byManager.set(rest, id);
  }
  return id;
}

function buildManagerIdentifier(manager: string, operation: "Apply" | "Update", apiVersion: string, subresource?: string): string {
  const id: Record<string, string> = {};
  if (manager) id.manager = manager;
  id.operation = operation;
  if (operation !== "Apply" && apiVersion) id.apiVersion = apiVersion;
  if (subresource) id.subresource = subresource;
  return JSON.stringify(id);
}

/** How a conflict names its manager: `"kubectl-client-side-apply" using apps/v1`, `"mgr" with subresource "status"`. */
export function describeManager(r: Pick<ManagerRecord, "manager" | "operation" | "apiVersion" | "subresource">): string {
  let s = JSON.stringify(r.manager);
  if (r.subresource) s += ` with subresource ${JSON.stringify(r.subresource)}`;
  if (r.operation === "Update") s += ` using ${r.apiVersion}`;
  return s;
}

export class ManagedFieldsDecodeError extends Error {}

/** DecodeManagedFields: the wire entries as field sets; throws ManagedFieldsDecodeError when invalid. */
export function decodeManagedFields(entries: unknown): ManagedFieldSets {
  const out: ManagedFieldSets = new Map();
  if (entries === undefined || entries === null) return out;
  if (!Array.isArray(entries)) throw new ManagedFieldsDecodeError("managedFields must be a list");
  entries.forEach((e: unknown, i) => {
    if (!isPlainObject(e)) throw new ManagedFieldsDecodeError(`managed fields entry ${i} is not an object`);
    const op = e.operation;
    if (op !== "Apply" && op !== "Update") throw new ManagedFieldsDecodeError("operation must be `Apply` or `Update`");
    if (typeof e.apiVersion !== "string" || !e.apiVersion) throw new ManagedFieldsDecodeError("apiVersion must not be empty");
    if (!e.fieldsType) throw new ManagedFieldsDecodeError(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== "FieldsV1") throw new ManagedFieldsDecodeError(`invalid fieldsType ${JSON.stringify(e.fieldsType)} in managed fields entry ${i}`);
    const manager = typeof e.manager === "string" ? e.manager : "";
    const subresource = typeof e.subresource === "string" && e.subresource ? e.subresource : undefined;
    let set: FieldSet | undefined = isPlainObject(e.fieldsV1) ? setOfEncoded.get(e.fieldsV1) : undefined;
    if (!set) {
      try {
        set = FieldSet.fromFieldsV1(e.fieldsV1 ?? {});
      } catch (err) {
        throw new ManagedFieldsDecodeError(`error decoding set: ${(err as Error).message}`);
      }
    }
    const rec: ManagerRecord = { manager, operation: op, apiVersion: e.apiVersion, set };
    if (subresource) rec.subresource = subresource;
    if (typeof e.time === "string") rec.time = e.time;
    out.set(managerIdentifier(manager, op, e.apiVersion, subresource), rec);
  });
  return out;
}

const timeSeconds = (t: string | undefined) => {
  const ms = t ? parseRfc3339(t) : undefined;
  return ms === undefined ? 0 : Math.floor(ms / 1000);
};

/** encodeManagedFields: entries sorted by operation, time, manager, apiVersion, subresource. */
/**
 * Every write re-encodes the managers of the object it stores, and most managers' sets did not
 * change: a FieldsV1 value this module produced is remembered with its set (both ways) so an
 * unchanged set is neither parsed nor encoded again. Sets are never mutated once built.
 * The way back (value to set) holds the sets strongly, so it is bounded by the text of the values:
 * a set costs several times its text, and every pod's kubelet set is its own (it names the pod's
 * IP). The next write to an object whose set has left is decoded again, which costs a parse.
 */
const encodedOfSet = new WeakMap<FieldSet, Record<string, unknown>>();
const setOfEncoded = new GenerationalCache<object, FieldSet>(LIMITS.isolateCaches.decodedFieldSetLevels, (_json, set) => levelsOf.get(set) ?? 1);
/** How many levels (FieldSet nodes) an encoded set has: its weight in setOfEncoded. */
const levelsOf = new WeakMap<FieldSet, number>();

function encodeSet(set: FieldSet): Record<string, unknown> {
  let json = encodedOfSet.get(set);
  if (!json) {
    const levels = { n: 0 };
    json = encodeLevel(set, false, levels) ?? EMPTY;
    encodedOfSet.set(set, json);
    if (setOfEncoded.get(json) === undefined) {
      levelsOf.set(set, levels.n);
      setOfEncoded.set(json, set);
    }
  }
  return json;
}

/**
 * Sorts a short array in place (insertion sort) without the scratch copy Array.prototype.sort makes:
 * a set's levels and a write's managers are a few items each, sorted on every write. Longer arrays
 * go to Array.prototype.sort. Both are stable.
 */
function sortInPlace<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    for (; j >= 0 && cmp(a[j], x) > 0; j--) a[j + 1] = a[j];
    a[j + 1] = x;
  }
  return a;
}

/** A member without children: `{}`, one shared value (stored objects are never changed in place). */
const EMPTY: Record<string, unknown> = {};

/**
 * Every interned level has a number; a level is looked up by its keys and its children's numbers
 * (short keys: no level's JSON text is ever built).
 */
const levelIds = new WeakMap<object, number>([[EMPTY, 0]]);
let nextLevelId = 1;

function levelId(json: object): number {
  let id = levelIds.get(json);
  if (id === undefined) levelIds.set(json, (id = nextLevelId++));
  return id;
}

/**
 * FieldSet.toFieldsV1's emit(s, self), interned level by level: each member ({} or, with children,
 * "." and theirs) and each other child that has something to write, in path element order.
 * undefined where emit gives undefined. Values of one shape share every subtree they have in
 * common: a kubelet's set differs from its neighbours' only along the path to its pod's IP, and
 * only that path is its own.
 */
function encodeLevel(s: FieldSet, self: boolean, levels: { n: number }): Record<string, unknown> | undefined {
  levels.n++;
  let sub: Map<string, Record<string, unknown>> | undefined;
  for (const [k, c] of s.children) {
    const j = encodeLevel(c, s.members.has(k), levels);
    if (j !== undefined) (sub ??= new Map()).set(k, j);
  }
  const keys = [...s.members];
  if (sub) for (const k of sub.keys()) if (!s.members.has(k)) keys.push(k);
  if (!keys.length) return self ? EMPTY : undefined;
  if (keys.length > 1) sortInPlace(keys, comparePE);
  const entries: Array<[string, Record<string, unknown>]> = self ? [[".", EMPTY]] : [];
  for (const k of keys) entries.push([k, sub?.get(k) ?? EMPTY]);
  return internLevel(entries);
}

/** The interned level with these entries (in this order), whose values are interned levels. */
function internLevel(entries: Array<[string, Record<string, unknown>]>): Record<string, unknown> {
  if (!entries.length) return EMPTY;
  let key = "";
  for (const [k, v] of entries) key += `${k.length}:${k}${levelId(v)},`;
  let json = internedFieldsV1.get(key);
  if (!json) {
    json = {};
    for (const [k, v] of entries) json[k] = v;
    internedFieldsV1.set(key, json);
  }
  return json;
}

/**
 * One shared FieldsV1 value per distinct content, for every level of every value (internLevel).
 * Objects of one shape at one stage (a Deployment's pods once Running) carry identical
 * managedFields, a third of a pod's size; stored objects are never changed in place, so they can
 * share them. Bounded by the characters of its keys: a level unique to one object only passes through.
 */
const internedFieldsV1 = new GenerationalCache<string, Record<string, unknown>>(LIMITS.isolateCaches.internedFieldsV1Chars, (key) => key.length);

/** The interned value equal to `json` (a FieldsV1 value read from storage), level by level. */
export function internFieldsV1(json: Record<string, unknown>): Record<string, unknown> {
  const entries: Array<[string, Record<string, unknown>]> = [];
  for (const k in json) {
    const v = json[k];
    // Not FieldsV1 (it only nests objects): left as it is.
    if (!isPlainObject(v)) return json;
    const c = internFieldsV1(v);
    // A malformed child stays its own (it is not interned, and neither is this level).
    if (c === v && !levelIds.has(v)) return json;
    entries.push([k, c]);
  }
  return internLevel(entries);
}

/** Shares the FieldsV1 values of an object just loaded from storage (see internFieldsV1). */
export function internManagedFields(obj: KubeObject): void {
  for (const e of obj.metadata?.managedFields ?? []) {
    if (isPlainObject(e.fieldsV1)) e.fieldsV1 = internFieldsV1(e.fieldsV1);
  }
}

export function encodeManagedFields(managers: ManagedFieldSets): ManagedFieldsEntry[] {
  const recs = [...managers.values()].filter((r) => !r.set.isEmpty());
  sortInPlace(
    recs,
    (p, q) =>
      byteCompare(p.operation, q.operation) ||
      timeSeconds(p.time) - timeSeconds(q.time) ||
      byteCompare(p.manager, q.manager) ||
      byteCompare(p.apiVersion, q.apiVersion) ||
      byteCompare(p.subresource ?? "", q.subresource ?? ""),
  );
  const entries = recs.map((r) => {
    const e: ManagedFieldsEntry = { manager: r.manager, operation: r.operation, apiVersion: r.apiVersion };
    if (!r.manager) delete e.manager;
    if (r.time) e.time = r.time;
    e.fieldsType = "FieldsV1";
    e.fieldsV1 = encodeSet(r.set);
    if (r.subresource) e.subresource = r.subresource;
    return e;
  });
  return entries;
}

/** Sets (or removes, when there are none) metadata.managedFields. */
export function writeManagedFields(obj: KubeObject, managers: ManagedFieldSets): void {
  const encoded = encodeManagedFields(managers);
  if (encoded.length) obj.metadata.managedFields = encoded;
  else delete obj.metadata.managedFields;
}

/** Paths stripMetaManager never lets a manager own. */
export const STRIPPED_FIELDS = FieldSet.of(
  [fieldPE("apiVersion")],
  [fieldPE("kind")],
  [fieldPE("metadata")],
  ...["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"].map((f) => [
    fieldPE("metadata"),
    fieldPE(f),
  ]),
);

/**
 * The fields a write through this endpoint does not own (the strategy's GetResetFields): `status`
 * for the main resource of a kind with a status subresource, everything but `status` for the
 * status subresource.
 */
export function resetFieldsFor(def: KindDef | undefined, subresource: string | undefined, type: TypeNode = typeOfKind(def)): FieldSet | undefined {
  if (!def) return undefined;
  if (type !== typeOfKind(def)) return buildResetFields(def, subresource, type);
  let byEndpoint = resetFields.get(def);
  if (!byEndpoint) resetFields.set(def, (byEndpoint = new Map()));
  const key = subresource ?? "";
  if (!byEndpoint.has(key)) byEndpoint.set(key, buildResetFields(def, subresource, type));
  return byEndpoint.get(key);
}

const resetFields = new WeakMap<KindDef, Map<string, FieldSet | undefined>>();

function buildResetFields(def: KindDef, subresource: string | undefined, type: TypeNode): FieldSet | undefined {
  if (subresource === "status") {
    const names = type.kind === "map" ? type.fieldNames() : [];
    return FieldSet.of(...names.filter((n) => n !== "status" && n !== "apiVersion" && n !== "kind").map((n) => [fieldPE(n)]));
  }
  if (!subresource && def.statusSubresource) return FieldSet.of([fieldPE("status")]);
  return undefined;
}

/** Struct fields Go objects always serialize (non-pointer structs), so an empty object of the kind has them as {}. */
const VALUE_STRUCTS: Record<string, string[]> = {
  spec: ["template", "strategy", "updateStrategy", "jobTemplate"],
  template: ["metadata", "spec"],
  jobTemplate: ["metadata", "spec"],
};

/**
 * What runtime.ObjectCreater.New(kind) looks like as JSON: the baseline a create is compared
 * against. Go serializes non-pointer structs as {} and a few non-omitempty fields as null
 * (ObjectMeta.creationTimestamp, PodSpec.containers), so those are not "added" by a create.
 */
export function emptyObjectOf(def: KindDef | undefined, type: TypeNode = typeOfKind(def)): KubeObject {
  if (!def || type !== typeOfKind(def)) return buildEmptyObject(def, type);
  // The same for every write of a kind: built once, frozen (callers only read it).
  let empty = emptyObjects.get(def);
  if (!empty) emptyObjects.set(def, (empty = deepFreeze(buildEmptyObject(def, type))));
  return empty;
}

const emptyObjects = new WeakMap<KindDef, KubeObject>();

function buildEmptyObject(def: KindDef | undefined, type: TypeNode): KubeObject {
  const out: KubeObject = { apiVersion: def ? apiVersionOf(def) : "", kind: def?.kind ?? "", metadata: { creationTimestamp: null as unknown as string } };
  if (!def || type.kind !== "map") return out;
  const zero = (node: MapNode, name: string): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    if (name === "metadata") o.creationTimestamp = null;
    if (node.field("containers")?.kind === "list") o.containers = null;
    for (const f of VALUE_STRUCTS[name] ?? []) {
      const c = node.field(f);
      if (c?.kind === "map" && !c.atomic && c.fieldNames().length) o[f] = zero(c, f);
    }
    return o;
  };
  for (const f of type.fieldNames()) {
    if (f === "apiVersion" || f === "kind" || f === "metadata") continue;
    const c = type.field(f);
    if (c?.kind === "map" && !c.atomic && c.fieldNames().length) out[f] = zero(c, f);
  }
  return out;
}

/**
 * The object as the Go type would serialize it: value structs present ({}) and non-omitempty
 * fields null where the object leaves them out. Comparisons use this shape, so a `status` the stored
 * JSON omits is not "added" by the first write that sets it, as on the real server.
 */
export function withZeroValues(obj: KubeObject, def: KindDef | undefined, type: TypeNode = typeOfKind(def)): KubeObject {
  if (!def) return obj;
  return overlayMissing(emptyObjectOf(def, type), obj) as KubeObject;
}

/**
 * `value` with the members of `zero` it lacks filled in, sharing every untouched subtree: the zero
 * object is a handful of paths, so this touches those paths only instead of copying the object.
 */
function overlayMissing(zero: unknown, value: unknown): unknown {
  if (value === undefined) return zero;
  if (!isPlainObject(zero) || !isPlainObject(value)) return value;
  let out: Record<string, unknown> | undefined;
  for (const [k, z] of Object.entries(zero)) {
    const v = value[k];
    const merged = overlayMissing(z, v);
    if (merged !== v) (out ??= { ...value })[k] = merged;
  }
  return out ?? value;
}

const CREATED_SET_CACHE_SIZE = 256;
const createdSets = new WeakMap<KindDef, Map<string, Map<string, FieldSet | null>>>();

function createdSetCache(def: KindDef, subresource: string | undefined): Map<string, FieldSet | null> {
  let byEndpoint = createdSets.get(def);
  if (!byEndpoint) createdSets.set(def, (byEndpoint = new Map()));
  let cache = byEndpoint.get(subresource ?? "");
  if (!cache) byEndpoint.set(subresource ?? "", (cache = new Map()));
  return cache;
}

/**
 * What compareObjects(zero, value) depends on, as a string: the same walk (fields, list items by
 * their path elements, leaves where it stops) with each leaf marked equal to the zero object's or
 * not. Two objects with one key add the same fields; values themselves do not matter.
 */
function shapeKey(value: unknown, zero: unknown, type: TypeNode): string {
  const t = effectiveType(type, value !== undefined ? value : zero);
  if (t.kind === "list" && t.relationship !== "atomic" && Array.isArray(value) && value.length) {
    let out = "[";
    const seen = new Set<string>();
    for (let i = 0; i < value.length; i++) {
      let pe: string;
      try {
        pe = listItemPE(t, value[i], i);
      } catch {
        continue;
      }
      if (seen.has(pe)) continue;
      seen.add(pe);
      out += `${pe}=${shapeKey(value[i], undefined, t.elem)},`;
    }
    // The zero object has no list items (only nulls and empty structs): whether it has the list at all matters.
    return `${out}]${zero === undefined ? "" : "z"}`;
  }
  if (t.kind === "map" && !t.atomic && isPlainObject(value) && hasKeys(value)) {
    const z = isPlainObject(zero) ? zero : undefined;
    let out = "{";
    for (const k in value) {
      if (value[k] === undefined && z?.[k] === undefined) continue;
      out += `${k}:${shapeKey(value[k], z?.[k], t.field(k) ?? t.elem ?? DEDUCED)},`;
    }
    if (z) for (const k in z) if (!(k in value) && z[k] !== undefined) out += `${k}:-,`;
    return `${out}}${zero === undefined ? "" : "z"}`;
  }
  return value === undefined ? "-" : zero === undefined ? "+" : deepEqual(value, zero) ? "=" : "~";
}

/** Both objects without the top-level fields, and the fields of top-level maps, that are equal in both. */
function withoutEqualSubtrees(a: KubeObject, b: KubeObject): [KubeObject, KubeObject] {
  const outA: Record<string, unknown> = {};
  const outB: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const av = (a as Record<string, unknown>)[k];
    const bv = (b as Record<string, unknown>)[k];
    if (k === "apiVersion" || k === "kind") {
      outA[k] = av;
      outB[k] = bv;
      continue;
    }
    if (deepEqual(av, bv)) continue;
    if (!isPlainObject(av) || !isPlainObject(bv)) {
      if (av !== undefined) outA[k] = av;
      if (bv !== undefined) outB[k] = bv;
      continue;
    }
    const subA: Record<string, unknown> = {};
    const subB: Record<string, unknown> = {};
    for (const sk of new Set([...Object.keys(av), ...Object.keys(bv)])) {
      if (deepEqual(av[sk], bv[sk])) continue;
      if (av[sk] !== undefined) subA[sk] = av[sk];
      if (bv[sk] !== undefined) subB[sk] = bv[sk];
    }
    outA[k] = subA;
    outB[k] = subB;
  }
  return [outA as KubeObject, outB as KubeObject];
}

/**
 * The object without the top-level fields this endpoint never owns (everything but status for a
 * status write; status for a main-resource write of a kind with a status subresource): nothing under
 * them can be owned, so they need not be compared.
 */
function withoutIgnored(obj: KubeObject, ignored: FieldSet | undefined): KubeObject {
  if (!ignored || !ignored.members.size) return obj;
  const out: Record<string, unknown> = {};
  for (const k in obj) if (!ignored.members.has(fieldPE(k))) out[k] = (obj as Record<string, unknown>)[k];
  return out as KubeObject;
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const metadata = obj.metadata ?? {};
  const meta: Record<string, unknown> = {};
  for (const k in metadata) if (k !== "managedFields" && Object.prototype.hasOwnProperty.call(metadata, k)) meta[k] = (metadata as Record<string, unknown>)[k];
  return { ...obj, metadata: meta };
}

/** isResetManagedFields: `[]` or `[{}]` asks the server to drop all managed fields. */
function isResetManagedFields(mf: unknown): boolean {
  if (!Array.isArray(mf)) return false;
  if (mf.length === 0) return true;
  return mf.length === 1 && isPlainObject(mf[0]) && Object.values(mf[0]).every((v) => v === undefined || v === "" || v === null);
}

function decodeOrEmpty(entries: unknown): ManagedFieldSets {
  try {
    return decodeManagedFields(entries);
  } catch {
    return new Map();
  }
}

const MAX_UPDATE_MANAGERS = 10;

/** capManagersManager: the oldest update entries beyond ten merge into "ancient-changes" per apiVersion. */
export function capUpdateManagers(managers: ManagedFieldSets, max = MAX_UPDATE_MANAGERS): void {
  let count = 0;
  for (const r of managers.values()) if (r.operation === "Update") count++;
  if (count <= max) return;
  const updaters = [...managers].filter(([, r]) => r.operation === "Update").map(([id]) => id);
  if (updaters.length <= max) return;
  updaters.sort((a, b) => timeSeconds(managers.get(a)!.time) - timeSeconds(managers.get(b)!.time) || byteCompare(a, b));
  const firstOfVersion = new Map<string, string>();
  for (let i = 0, length = updaters.length; i < updaters.length && length > max; i++) {
    const id = updaters[i];
    const rec = managers.get(id)!;
    const bucket = managerIdentifier("ancient-changes", "Update", rec.apiVersion);
    const first = firstOfVersion.get(rec.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(rec.apiVersion, id);
      continue;
    }
    if (!managers.has(bucket)) {
      const f = managers.get(first)!;
      managers.delete(first);
      managers.set(bucket, { ...f, manager: "ancient-changes", operation: "Update", subresource: undefined });
    }
    const b = managers.get(bucket)!;
    managers.set(bucket, { manager: "ancient-changes", operation: "Update", apiVersion: rec.apiVersion, set: rec.set.union(b.set), time: rec.time });
    managers.delete(id);
    length--;
  }
}

/**
 * Updater.Update with the "current-operation" trick of managedFieldsUpdater: the fields this write
 * added or changed become the manager's (merged into its existing entry, whose time moves to now);
 * every other manager loses the fields that changed or went away.
 */
export function recordUpdate(
  managers: ManagedFieldSets,
  live: unknown,
  next: unknown,
  type: TypeNode,
  ignored: FieldSet | undefined,
  who: { manager: string; apiVersion: string; subresource?: string },
  time: string,
): void {
  const change = comparedChange(live, next, type, ignored);
  for (const [id, rec] of managers) {
    const set = withoutChange(rec.set, change);
    if (set.isEmpty()) managers.delete(id);
    else if (!set.equals(rec.set)) managers.set(id, { ...rec, set });
  }
  const own = ownedBy(change, ignored);
  if (own.isEmpty()) return;
  const manager = who.manager || "unknown";
  const id = managerIdentifier(manager, "Update", who.apiVersion, who.subresource);
  const prev = managers.get(id);
  // A manager changing only fields it already owns keeps its set (the same instance: see encodeSet).
  const set = !prev ? own : own.difference(prev.set).isEmpty() ? prev.set : grown(prev.set, own);
  const rec: ManagerRecord = { manager, operation: "Update", apiVersion: who.apiVersion, set, time };
  if (who.subresource) rec.subresource = who.subresource;
  managers.set(id, rec);
}

/**
 * What one write changed (modified or added) and removed, for one type and one set of ignored
 * fields; `own` is the part the writer may own (see ownedBy). The same change comes back as the
 * same instance (comparedChange) while it is remembered, so what is computed from it is kept by
 * identity: other managers' sets after it (withoutChange) and the writer's grown set (grown).
 */
export interface Change {
  changed: FieldSet;
  removed: FieldSet;
  own?: FieldSet;
}

/**
 * Remembered changes per type and ignored set (NO_IGNORED for none), by their comparison key.
 * Where comparisons rarely repeat (a kubelet's status writes name each pod's IP in their keys) the
 * keys cost more than they save: after a stretch of mostly misses, keys are not computed for a
 * while (the change is computed as without the memory; the result is the same either way).
 */
interface ChangeMemo {
  byKey: Map<string, Change>;
  lookups: number;
  hits: number;
  /** Comparisons left to make without keys. */
  resting: number;
}
const changes = new WeakMap<TypeNode, WeakMap<object, ChangeMemo>>();
const MEMO_TRIAL = 64;
const MEMO_REST = 256;
const NO_IGNORED = {};
const MAX_CHANGES_PER_TYPE = 256;
/** Keys of big comparisons (an object with thousands of fields) are not kept: memory stays small. */
const MAX_CHANGE_KEY_LENGTH = 8192;

/**
 * excludeFields(compareObjects(live, next, type), ignored) as a Change. Objects of one shape going
 * through the same transition (a Deployment's pods at each status write of their kubelet) compare
 * the same way: the comparison is keyed by a walk that records exactly what compareObjects would
 * visit and decide (comparisonKey), and a known key gives back the change already built.
 */
export function comparedChange(live: unknown, next: unknown, type: TypeNode, ignored: FieldSet | undefined): Change {
  let byIgnored = changes.get(type);
  if (!byIgnored) changes.set(type, (byIgnored = new WeakMap()));
  let memo = byIgnored.get(ignored ?? NO_IGNORED);
  if (!memo) byIgnored.set(ignored ?? NO_IGNORED, (memo = { byKey: new Map(), lookups: 0, hits: 0, resting: 0 }));
  if (memo.resting > 0) {
    memo.resting--;
    return computedChange(live, next, type, ignored);
  }
  const key = comparisonKey(live, next, type);
  let change = memo.byKey.get(key);
  memo.lookups++;
  if (change) memo.hits++;
  else {
    change = computedChange(live, next, type, ignored);
    if (key.length <= MAX_CHANGE_KEY_LENGTH) {
      if (memo.byKey.size >= MAX_CHANGES_PER_TYPE) memo.byKey.clear();
      memo.byKey.set(key, change);
    }
  }
  if (memo.lookups >= MEMO_TRIAL) {
    if (memo.hits * 4 < memo.lookups) memo.resting = MEMO_REST;
    memo.lookups = 0;
    memo.hits = 0;
  }
  return change;
}

function computedChange(live: unknown, next: unknown, type: TypeNode, ignored: FieldSet | undefined): Change {
  const c = excludeFields(compareObjects(live, next, type), ignored);
  return { changed: c.modified.union(c.added), removed: c.removed };
}

/** The fields of a change its writer owns: what changed, less the ignored and stripped fields. */
function ownedBy(change: Change, ignored: FieldSet | undefined): FieldSet {
  if (!change.own) {
    let own = change.changed;
    if (ignored) own = own.recursiveDifference(ignored);
    change.own = own.difference(STRIPPED_FIELDS);
  }
  return change.own;
}

/**
 * A string that determines compareObjects(lhs, rhs, type): the same walk (compareWalk and
 * compareListItems: the same children visited in the same order, with the same types), writing
 * each node visited as its path element (length-prefixed, so any characters are safe) and what
 * compareObjects records there: a leaf as "+" added, "-" removed, "~" modified, "=" equal; a map or
 * list as "M" or "L", its children, then "+", "-" or "." (recorded as a whole or not), then ")".
 * Two comparisons with the same key insert the same paths into the same sets.
 */
export function comparisonKey(lhs: unknown, rhs: unknown, type: TypeNode): string {
  const k = { s: "" };
  keyWalk(lhs, rhs, type, k);
  return k.s;
}

function keyWalk(lhs: unknown, rhs: unknown, type: TypeNode, k: { s: string }): void {
  const t = effectiveType(type, rhs !== undefined ? rhs : lhs);
  if (t.kind === "list") {
    const l = Array.isArray(lhs) ? lhs : undefined;
    const r = Array.isArray(rhs) ? rhs : undefined;
    if (t.relationship !== "atomic" && ((l && l.length) || (r && r.length))) {
      k.s += "L";
      keyListItems(l, r, t, k);
      k.s += lhs === undefined ? "+)" : rhs === undefined ? "-)" : ".)";
      return;
    }
  } else if (t.kind === "map") {
    const l = isPlainObject(lhs) ? lhs : undefined;
    const r = isPlainObject(rhs) ? rhs : undefined;
    if (!t.atomic && ((l && hasKeys(l)) || (r && hasKeys(r)))) {
      k.s += "M";
      if (l) {
        for (const key in l) {
          const lv = l[key];
          const rv = r?.[key];
          if (lv === undefined && rv === undefined) continue;
          const pe = fieldPE(key);
          k.s += `${pe.length}:${pe}`;
          keyWalk(lv, rv, t.field(key) ?? t.elem ?? DEDUCED, k);
        }
      }
      if (r) {
        for (const key in r) {
          if (l && key in l) continue;
          const rv = r[key];
          if (rv === undefined) continue;
          const pe = fieldPE(key);
          k.s += `${pe.length}:${pe}`;
          keyWalk(undefined, rv, t.field(key) ?? t.elem ?? DEDUCED, k);
        }
      }
      k.s += lhs === undefined ? "+)" : rhs === undefined ? "-)" : ".)";
      return;
    }
  }
  k.s += lhs === undefined ? "+" : rhs === undefined ? "-" : deepEqual(lhs, rhs) ? "=" : "~";
}

/** compareListItems' pairing, written as keyWalk writes nodes. */
function keyListItems(lhs: unknown[] | undefined, rhs: unknown[] | undefined, t: ListNode, k: { s: string }): void {
  const index = (list: unknown[] | undefined, allowDuplicates: boolean) => {
    const observed = new Map<string, unknown>();
    const all: Array<[string, unknown]> = [];
    if (!list) return { observed, all };
    for (let i = 0; i < list.length; i++) {
      let pe: string;
      try {
        pe = listItemPE(t, list[i], i);
      } catch {
        continue;
      }
      if (observed.has(pe)) {
        if (!allowDuplicates) continue;
        observed.set(pe, null);
      } else observed.set(pe, list[i]);
      all.push([pe, list[i]]);
    }
    return { observed, all };
  };
  const R = index(rhs, false).observed;
  const { observed: L, all: lAll } = index(lhs, true);
  for (const [pe, l] of lAll) {
    if (!R.has(pe)) {
      k.s += `${pe.length}:${pe}`;
      keyWalk(l, undefined, t.elem, k);
    } else if (L.get(pe) !== DONE) {
      k.s += `${pe.length}:${pe}`;
      keyWalk(L.get(pe), R.get(pe), t.elem, k);
      L.set(pe, DONE);
    }
  }
  for (const [pe, r] of R) {
    if (L.has(pe)) continue;
    k.s += `${pe.length}:${pe}`;
    keyWalk(undefined, r, t.elem, k);
  }
}

/**
 * set.difference(changed).difference(removed), the same instance for the same set and change: a
 * manager's set after a write that took fields from it is then shared by every object that went
 * through that write, and so is what the writer's set grows to (grown) and its encoding.
 * A set that loses nothing is returned at once.
 */
const lessenedSets = new WeakMap<FieldSet, WeakMap<Change, FieldSet>>();

function withoutChange(set: FieldSet, change: Change): FieldSet {
  if (!overlaps(set, change.changed) && !overlaps(set, change.removed)) return set;
  let byChange = lessenedSets.get(set);
  if (!byChange) lessenedSets.set(set, (byChange = new WeakMap()));
  let out = byChange.get(change);
  if (!out) byChange.set(change, (out = set.difference(change.changed).difference(change.removed)));
  return out;
}

/** Whether difference(o) could take anything from s: some member or child of o's top level is in s. */
function overlaps(s: FieldSet, o: FieldSet): boolean {
  for (const m of o.members) if (s.members.has(m) || s.children.has(m)) return true;
  for (const pe of o.children.keys()) if (s.children.has(pe)) return true;
  return false;
}

/**
 * own.union(owned), the same instance for the same two sets: objects of one shape going through
 * the same transition (a Deployment's pods, each status write of their kubelet) grow the same
 * owned set by the same fields, and an instance already seen is already encoded (encodeSet).
 * Keyed by both sets' identities (sets are never changed; a remembered change keeps its `own`).
 */
const grownSets = new WeakMap<FieldSet, WeakMap<FieldSet, FieldSet>>();

function grown(owned: FieldSet, own: FieldSet): FieldSet {
  let byAdded = grownSets.get(owned);
  if (!byAdded) grownSets.set(owned, (byAdded = new WeakMap()));
  let set = byAdded.get(own);
  if (!set) byAdded.set(own, (set = own.union(owned)));
  return set;
}

/**
 * Maintains metadata.managedFields of `next` (mutated and returned) for a write from `old`
 * (undefined on create), as FieldManager.Update does for create/update/patch:
 * - the starting entries are the request's own managedFields when it sends valid non-empty ones,
 *   none when it sends `[]` or `[{}]`, the stored object's otherwise (always those on a subresource);
 * - an existing object without managedFields stays without them (only creates and applies start tracking);
 * - "Update": the fields that changed are owned by `manager` (entry keyed by manager, operation,
 *   apiVersion and subresource; its time set when it gained fields); other managers lose what changed;
 *   empty entries are dropped; beyond ten Update entries the oldest merge into "ancient-changes".
 * - "Apply": `manager` owns every field `next` sets (a forced apply of the whole object).
 * Pass `def` so list items are tracked by their keys and status/spec ownership follows the subresource.
 */
export function updateManagedFields(
  old: KubeObject | undefined,
  next: KubeObject,
  manager: string,
  operation: "Update" | "Apply",
  timeRfc3339: string,
  apiVersion: string,
  subresource?: string,
  def?: KindDef,
  shape?: string,
): KubeObject {
  next.metadata ??= {};
  const type = typeOfKind(def);
  const ignored = resetFieldsFor(def, subresource, type);
  let managers: ManagedFieldSets;
  if (subresource) managers = decodeOrEmpty(old?.metadata?.managedFields);
  else if (isResetManagedFields(next.metadata.managedFields)) managers = new Map();
  else {
    // A client sending back the managedFields it read (every controller update) means the stored ones.
    const sentBack = old?.metadata?.managedFields && deepEqual(next.metadata.managedFields, old.metadata.managedFields);
    managers = decodeOrEmpty(sentBack ? old!.metadata!.managedFields : next.metadata.managedFields);
    if (!managers.size) managers = decodeOrEmpty(old?.metadata?.managedFields);
  }
  const isCreate = !old || !old.metadata?.uid;
  if (!managers.size && !isCreate && operation === "Update") {
    delete next.metadata.managedFields;
    return next;
  }
  // A create whose writer vouches for its shape (see ManagedFieldsWriteOptions.shape): the set
  // its first body of that shape owned, without walking this one.
  const shaped = shape !== undefined && operation === "Update" && isCreate && !managers.size && def ? `\u0000${shape}` : undefined;
  if (shaped !== undefined) {
    const own = createdSetCache(def!, subresource).get(shaped);
    if (own !== undefined) {
      const owner = manager || "unknown";
      if (own) managers.set(managerIdentifier(owner, "Update", apiVersion, subresource), { manager: owner, operation: "Update", apiVersion, set: own, time: timeRfc3339, ...(subresource ? { subresource } : {}) });
      writeManagedFields(next, managers);
      return next;
    }
  }
  let live: KubeObject | undefined = old && !isCreate ? withoutIgnored(withoutManagedFields(old), ignored) : undefined;
  let changed = withoutIgnored(withoutManagedFields(next), ignored);
  // An Update owns only what it changed: subtrees equal on both sides add, change and remove
  // nothing, so they are left out of the (expensive) typed walk. A kubelet status write then
  // compares statuses, not whole pods. Apply needs the whole new object for its field set.
  if (live && operation === "Update") [live, changed] = withoutEqualSubtrees(live, changed);
  const liveObj = live ? withZeroValues(live, def, type) : emptyObjectOf(def, type);
  const newObj = withZeroValues(changed, def, type);
  const who = { manager: manager || "unknown", apiVersion, subresource };
  if (operation === "Update" && isCreate && !managers.size && def) {
    // A create owns every field it sets; objects of one shape (a ReplicaSet's pods, a component's
    // events) own the same set, so it is computed once per shape.
    const id = managerIdentifier(who.manager, "Update", apiVersion, subresource);
    const cache = createdSetCache(def, subresource);
    const key = shapeKey(newObj, liveObj, type);
    let own = cache.get(key);
    if (own === undefined) {
      const fresh: ManagedFieldSets = new Map();
      recordUpdate(fresh, liveObj, newObj, type, ignored, who, timeRfc3339);
      own = fresh.get(id)?.set ?? null;
      if (cache.size >= CREATED_SET_CACHE_SIZE) cache.clear();
      cache.set(key, own);
    }
    if (shaped !== undefined) cache.set(shaped, own);
    if (own) managers.set(id, { manager: who.manager, operation: "Update", apiVersion, set: own, time: timeRfc3339, ...(subresource ? { subresource } : {}) });
  } else if (operation === "Update") {
    recordUpdate(managers, liveObj, newObj, type, ignored, who, timeRfc3339);
    capUpdateManagers(managers);
  } else {
    const c = excludeFields(compareObjects(liveObj, newObj, type), ignored);
    const lost = c.modified.union(c.added).union(c.removed);
    const id = managerIdentifier(who.manager, "Apply", apiVersion, subresource);
    for (const [mid, rec] of managers) {
      if (mid === id) continue;
      const set = rec.set.difference(lost);
      if (set.isEmpty()) managers.delete(mid);
      else managers.set(mid, { ...rec, set });
    }
    let set = fieldSetOf(newObj, type);
    if (ignored) set = set.recursiveDifference(ignored);
    set = set.difference(STRIPPED_FIELDS);
    if (set.isEmpty()) managers.delete(id);
    else {
      const rec: ManagerRecord = { manager: who.manager, operation: "Apply", apiVersion, set, time: timeRfc3339 };
      if (subresource) rec.subresource = subresource;
      managers.set(id, rec);
    }
  }
  writeManagedFields(next, managers);
  return next;
}

/** What a write does about managedFields; `presetManagedFields` is how server-side apply hands over its result. */
export interface ManagedFieldsWriteOptions {
  fieldManager?: string;
  userAgent?: string;
  nowMs: number;
  /** Store exactly these managedFields (server-side apply computed them); `[]` stores none. */
  presetManagedFields?: ManagedFieldsEntry[];
  /**
   * For a create by an in-process writer that builds its bodies in a few fixed shapes (the event
   * recorder): a name for this body's shape. The writer vouches that every body it names so (for
   * one kind) has the same fields present, as the first one did: a create then owns the set the
   * first one owned, without a walk of the body. Checked in test/unit/managed-fields-change-cache.test.ts.
   */
  shape?: string;
}

/**
 * The one call the generic write path makes: for a create (`old` undefined), update or patch of
 * `obj` (mutated), record an "Update" by `opts.fieldManager` or the user agent's default manager —
 * or store the managedFields an apply already computed.
 */
export function trackManagedFields(old: KubeObject | undefined, obj: KubeObject, def: KindDef, opts: ManagedFieldsWriteOptions, subresource?: string): void {
  if (opts.presetManagedFields) {
    if (opts.presetManagedFields.length) obj.metadata.managedFields = opts.presetManagedFields;
    else delete obj.metadata.managedFields;
    return;
  }
  const manager = opts.fieldManager || defaultManager(opts.userAgent);
  updateManagedFields(old, obj, manager, "Update", rfc3339Now(opts.nowMs), apiVersionOf(def), subresource, def, old ? undefined : opts.shape);
}

/** rfc3339 of the last time asked: every write of one request or alarm happens at one nowMs. */
let lastNowMs = NaN;
let lastNowText = "";
function rfc3339Now(ms: number): string {
  if (ms !== lastNowMs) {
    lastNowText = rfc3339(ms);
    lastNowMs = ms;
  }
  return lastNowText;
}

const FIELD_MANAGER_MAX_LENGTH = 128;
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * prefixFromUserAgent (handlers/create.go): the manager of a write without ?fieldManager= is the
 * User-Agent up to its first "/" ("kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0" -> "kubectl"),
 * without unprintable characters, cut to 128 bytes. An empty result becomes "unknown" in the entry.
 */
export function defaultManager(userAgent: string | undefined): string {
  const prefix = (userAgent ?? "").split("/")[0];
  let out = "";
  let bytes = 0;
  for (const ch of prefix) {
    if (!PRINTABLE.test(ch)) continue;
    const n = new TextEncoder().encode(ch).length;
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}
