// core/v1 LimitRange: schema, SetDefaults_LimitRangeItem (Container limits: default from max,
// defaultRequest from default or min), ValidateLimitRange, and the default table of a kind
// without a printer in printers.go (NAME, CREATED AT as RFC 3339).
import type { KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, quantityMap, str } from "../schema";
import { ObjectMeta } from "../common/meta";
import { AGE_DESC, col, nameColumn } from "../common/print";
import { child, duplicate, forbidden, GoValue, goQuote, index, invalid, key, required, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName } from "../../machinery/names";
import { compareQuantities, toMilli, tryParseQuantity, type Quantity } from "../../machinery/quantity";
import { parseRfc3339, rfc3339 } from "../../machinery/time";
import { validateContainerResourceName, validateResourceName } from "./resourcequota";

export interface LimitRangeItem {
  type?: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

export interface LimitRange extends KubeObject {
  spec?: { limits?: LimitRangeItem[] };
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const LimitRangeItem = obj(
  {
    default: quantityMap("Default resource requirement limit value by resource name if resource limit is omitted."),
    defaultRequest: quantityMap("DefaultRequest is the default resource requirement request value by resource name if resource request is omitted."),
    max: quantityMap("Max usage constraints on this kind by resource name."),
    maxLimitRequestRatio: quantityMap("MaxLimitRequestRatio if specified, the named resource must have a request and limit that are both non-zero where limit divided by request is less than or equal to the enumerated value; this represents the max burst for the named resource."),
    min: quantityMap("Min usage constraints on this kind by resource name."),
    type: str("Type of resource that this limit applies to."),
  },
  { id: "io.k8s.api.core.v1.LimitRangeItem", desc: "LimitRangeItem defines a min/max usage limit for any resource that matches on kind.", required: ["type"] },
);

export const LimitRangeSpec = obj(
  {
    limits: list(LimitRangeItem, { listType: "atomic", desc: "Limits is the list of LimitRangeItem objects that are enforced." }),
  },
  { id: "io.k8s.api.core.v1.LimitRangeSpec", desc: "LimitRangeSpec defines a min/max usage limit for resources that match on kind.", required: ["limits"] },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

/** SetDefaults_LimitRangeItem */
export function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== "Container") return;
  const def: Record<string, string> = { ...(item.default ?? {}) };
  const req: Record<string, string> = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  if (Object.keys(def).length) item.default = def;
  if (Object.keys(req).length) item.defaultRequest = req;
}

const STANDARD_LIMIT_TYPES = ["Pod", "Container", "PersistentVolumeClaim"];
/** !IsOvercommitAllowed: hugepages and extended (non kubernetes.io) resources. */
const OVERCOMMIT_FORBIDDEN = (name: string) => name.startsWith("hugepages-") || (name.includes("/") && !name.includes("kubernetes.io/"));

/** %#v of a resource.Quantity: the bad value printed by LimitRange's min/max errors. */
function goQuantity(text: string): GoValue {
  const q = tryParseQuantity(text)!;
  const s = q.toString() === text ? text : "";
  return new GoValue(`resource.Quantity{i:resource.int64Amount{value:${q.unscaled}, scale:${q.exp}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${goQuote(s)}, Format:${goQuote(q.format)}}`);
}

/** Go's %f */
const goFloat = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN");

export function validateLimitRange(lr: LimitRange): FieldError[] {
  const errs: FieldError[] = [];
  const seenTypes = new Set<string>();
  (lr.spec?.limits ?? []).forEach((limit, i) => {
    const p = index("spec.limits", i);
    const type = limit.type ?? "";
    const typeErrs = isQualifiedName(type).map((msg) => invalid(child(p, "type"), type, msg));
    if (!typeErrs.length && !type.includes("/") && !STANDARD_LIMIT_TYPES.includes(type)) {
      typeErrs.push(invalid(child(p, "type"), type, "must be a standard limit type or fully qualified"));
    }
    errs.push(...typeErrs);
    if (seenTypes.has(type)) errs.push(duplicate(child(p, "type"), type));
    seenTypes.add(type);
    const nameCheck = type === "Pod" || type === "Container" ? validateContainerResourceName : validateResourceName;
    const keys = new Set<string>();
    const collect = (field: keyof LimitRangeItem) => {
      const out = new Map<string, Quantity>();
      for (const k of Object.keys((limit[field] as Record<string, string>) ?? {}).sort()) {
        errs.push(...nameCheck(k, key(child(p, field), k)));
        keys.add(k);
        const q = tryParseQuantity(String((limit[field] as Record<string, string>)[k]));
        if (q) out.set(k, q);
      }
      return out;
    };
    const max = collect("max");
    const min = collect("min");
    let defaults = new Map<string, Quantity>();
    let defaultRequests = new Map<string, Quantity>();
    if (type === "Pod") {
      if (Object.keys(limit.default ?? {}).length) errs.push(forbidden(child(p, "default"), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(limit.defaultRequest ?? {}).length) errs.push(forbidden(child(p, "defaultRequest"), "may not be specified when `type` is 'Pod'"));
    } else {
      defaults = collect("default");
      defaultRequests = collect("defaultRequest");
    }
    if (type === "PersistentVolumeClaim" && !("storage" in (limit.min ?? {})) && !("storage" in (limit.max ?? {}))) {
      errs.push(required(child(p, "limits"), "either minimum or maximum storage value is required, but neither was provided"));
    }
    const ratios = collect("maxLimitRequestRatio");
    for (const k of [...keys].sort()) {
      const mn = min.get(k);
      const mx = max.get(k);
      const df = defaults.get(k);
      const dr = defaultRequests.get(k);
      const ratio = ratios.get(k);
      const raw = (field: keyof LimitRangeItem) => String((limit[field] as Record<string, string>)[k]);
      if (mn && mx && compareQuantities(mn, mx) > 0) {
        errs.push(invalid(key(child(p, "min"), k), goQuantity(raw("min")), `min value ${mn} is greater than max value ${mx}`));
      }
      if (dr && mn && compareQuantities(mn, dr) > 0) {
        errs.push(invalid(key(child(p, "defaultRequest"), k), goQuantity(raw("defaultRequest")), `min value ${mn} is greater than default request value ${dr}`));
      }
      if (dr && mx && compareQuantities(dr, mx) > 0) {
        errs.push(invalid(key(child(p, "defaultRequest"), k), goQuantity(raw("defaultRequest")), `default request value ${dr} is greater than max value ${mx}`));
      }
      if (dr && df && compareQuantities(dr, df) > 0) {
        errs.push(invalid(key(child(p, "defaultRequest"), k), goQuantity(raw("defaultRequest")), `default request value ${dr} is greater than default limit value ${df}`));
      }
      if (df && mn && compareQuantities(mn, df) > 0) {
        errs.push(invalid(key(child(p, "default"), k), goQuantity(raw("min")), `min value ${mn} is greater than default value ${df}`));
      }
      if (df && mx && compareQuantities(df, mx) > 0) {
        errs.push(invalid(key(child(p, "default"), k), goQuantity(raw("max")), `default value ${df} is greater than max value ${mx}`));
      }
      if (ratio && compareQuantities(ratio, "1") < 0) {
        errs.push(invalid(key(child(p, "maxLimitRequestRatio"), k), goQuantity(raw("maxLimitRequestRatio")), `ratio ${ratio} is less than 1`));
      }
      if (ratio && mn && mx) {
        const limitRatio = toMilli(mx) / toMilli(mn);
        if (toMilli(ratio) / 1000 > limitRatio) {
          errs.push(invalid(key(child(p, "maxLimitRequestRatio"), k), goQuantity(raw("maxLimitRequestRatio")), `ratio ${ratio} is greater than max/min = ${goFloat(limitRatio)}`));
        }
      }
      if (OVERCOMMIT_FORBIDDEN(k) && df && dr && compareQuantities(df, dr) !== 0) {
        errs.push(invalid(key(child(p, "defaultRequest"), k), goQuantity(raw("defaultRequest")), `default value ${df} must equal to defaultRequest value ${dr} in ${k}`));
      }
    }
  });
  return errs;
}

/** The default table's CREATED AT cell: creationTimestamp in UTC, RFC 3339. */
function createdAt(obj: KubeObject): string {
  const t = obj.metadata.creationTimestamp ? parseRfc3339(obj.metadata.creationTimestamp) : undefined;
  return t === undefined ? "0001-01-01T00:00:00Z" : rfc3339(t);
}

export const limitRange: KindDef<LimitRange> = {
  group: "",
  version: "v1",
  kind: "LimitRange",
  plural: "limitranges",
  singular: "limitrange",
  shortNames: ["limits"],
  namespaced: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.LimitRange",
    "LimitRange sets resource usage limits for each kind of resource in a Namespace.",
    {
      spec: LimitRangeSpec.describe("Spec defines the limits enforced. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta,
  ),
  applyDefaults(lr) {
    for (const item of lr.spec?.limits ?? []) defaultLimitRangeItem(item);
  },
  validate: (lr) => validateLimitRange(lr),
  // rest.NewDefaultTableConvertor: printers.go has no LimitRange handler.
  columns: [nameColumn(), col("Created At", "date", AGE_DESC)],
  printRow: (lr) => [lr.metadata.name ?? "", createdAt(lr)],
};
