// core/v1 ResourceQuota: schema, ValidateResourceQuota / ValidateResourceQuotaUpdate and
// printResourceQuota ("pods: 1/10, requests.cpu: 0/1"). Also the resource-name helpers of
// pkg/apis/core/helper that LimitRange and Node validation share.
import type { KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, quantityMap, strEnum, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, GoValue, goQuote, invalid, key, required, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName } from "../../machinery/names";
import { toMilli, tryParseQuantity } from "../../machinery/quantity";

export interface ResourceQuota extends KubeObject {
  spec?: {
    hard?: Record<string, string>;
    scopes?: string[];
    scopeSelector?: { matchExpressions?: Array<{ scopeName?: string; operator?: string; values?: string[] }> };
  };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

// ---------------------------------------------------------------------------------------------
// Resource names (pkg/apis/core/helper/helpers.go)
// ---------------------------------------------------------------------------------------------

const STANDARD_RESOURCES = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
  "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims",
  "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
]);
const STANDARD_QUOTA_RESOURCES = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu",
  "limits.memory", "limits.ephemeral-storage", "pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
  "persistentvolumeclaims", "configmaps", "services.nodeports", "services.loadbalancers",
]);
const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);
const INTEGER_RESOURCES = new Set([
  "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports",
  "services.loadbalancers",
]);

const isHugePage = (n: string) => n.startsWith("hugepages-");
const isQuotaHugePage = (n: string) => isHugePage(n) || n.startsWith("requests.hugepages-");
/** IsNativeResource: unprefixed, or in the kubernetes.io/ namespace. */
export const isNativeResource = (n: string) => !n.includes("/") || n.includes("kubernetes.io/");
/** IsExtendedResourceName */
export const isExtendedResourceName = (n: string) => !isNativeResource(n) && !n.startsWith("requests.") && isQualifiedName(`requests.${n}`).length === 0;
export const isStandardResourceName = (n: string) => STANDARD_RESOURCES.has(n) || isQuotaHugePage(n);
export const isStandardQuotaResourceName = (n: string) => STANDARD_QUOTA_RESOURCES.has(n) || isQuotaHugePage(n);
export const isStandardContainerResourceName = (n: string) => STANDARD_CONTAINER_RESOURCES.has(n) || isHugePage(n);
export const isIntegerResourceName = (n: string) => INTEGER_RESOURCES.has(n) || isExtendedResourceName(n);

/** validateResourceName: qualified, and standard when unprefixed. */
export function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(field, name, msg));
  if (errs.length) return errs;
  if (!name.includes("/") && !isStandardResourceName(name)) errs.push(invalid(field, name, "must be a standard resource type or fully qualified"));
  return errs;
}

/** validateContainerResourceName */
export function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes("/")) {
    if (!isStandardContainerResourceName(name)) errs.push(invalid(field, name, "must be a standard resource for containers"));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** ValidateResourceQuotaResourceName */
export function validateQuotaResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes("/") && !isStandardQuotaResourceName(name)) errs.push(invalid(field, name, "must be a standard resource for quota"));
  return errs;
}

/** %#v of a resource.Quantity (what field.Invalid prints for the "must be an integer" error). */
function goQuantity(text: string): GoValue {
  const q = tryParseQuantity(text)!;
  const s = q.toString() === text ? text : "";
  return new GoValue(`resource.Quantity{i:resource.int64Amount{value:${q.unscaled}, scale:${q.exp}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${goQuote(s)}, Format:${goQuote(q.format)}}`);
}

/** ValidateResourceQuantityValue: not negative, and whole for integer resources. */
export function validateResourceQuantityValue(resource: string, value: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const q = tryParseQuantity(String(value));
  if (!q) return errs; // the decoder already rejects quantities that do not parse
  if (q.sign() < 0) errs.push(invalid(field, q.toString(), "must be greater than or equal to 0"));
  if (isIntegerResourceName(resource) && toMilli(q) % 1000 !== 0) errs.push(invalid(field, goQuantity(String(value)), "must be an integer"));
  return errs;
}

const goStringSlice = (typeName: string, xs: readonly string[]) => new GoValue(`[]${typeName}{${xs.map(goQuote).join(", ")}}`);

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const ScopedResourceSelectorRequirement = obj(
  {
    operator: strEnum(["DoesNotExist", "Exists", "In", "NotIn"], "Represents a scope's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist.\n\nPossible enum values:\n - `\"DoesNotExist\"`\n - `\"Exists\"`\n - `\"In\"`\n - `\"NotIn\"`"),
    scopeName: strEnum(["BestEffort", "CrossNamespacePodAffinity", "NotBestEffort", "NotTerminating", "PriorityClass", "Terminating"], "The name of the scope that the selector applies to.\n\nPossible enum values:\n - `\"BestEffort\"` Match all pod objects that have best effort quality of service\n - `\"CrossNamespacePodAffinity\"` Match all pod objects that have cross-namespace pod (anti)affinity mentioned.\n - `\"NotBestEffort\"` Match all pod objects that do not have best effort quality of service\n - `\"NotTerminating\"` Match all pod objects where spec.activeDeadlineSeconds is nil\n - `\"PriorityClass\"` Match all pod objects that have priority class mentioned\n - `\"Terminating\"` Match all pod objects where spec.activeDeadlineSeconds >=0"),
    values: strList({ listType: "atomic", desc: "An array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch." }),
  },
  { id: "io.k8s.api.core.v1.ScopedResourceSelectorRequirement", desc: "A scoped-resource selector requirement is a selector that contains values, a scope name, and an operator that relates the scope name and values.", required: ["operator", "scopeName"] },
);

export const ScopeSelector = obj(
  {
    matchExpressions: list(ScopedResourceSelectorRequirement, { listType: "atomic", desc: "A list of scope selector requirements by scope of the resources." }),
  },
  { id: "io.k8s.api.core.v1.ScopeSelector", desc: "A scope selector represents the AND of the selectors represented by the scoped-resource selector requirements." },
);

export const ResourceQuotaSpec = obj(
  {
    hard: quantityMap("hard is the set of desired hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/"),
    scopeSelector: ScopeSelector.describe("scopeSelector is also a collection of filters like scopes that must match each object tracked by a quota but expressed using ScopeSelectorOperator in combination with possible values. For a resource to match, both scopes AND scopeSelector (if specified in spec), must be matched."),
    scopes: strList({ listType: "atomic", desc: "A collection of filters that must match each object tracked by a quota. If not specified, the quota matches all objects." }),
  },
  { id: "io.k8s.api.core.v1.ResourceQuotaSpec", desc: "ResourceQuotaSpec defines the desired hard limits to enforce for Quota." },
);

export const ResourceQuotaStatus = obj(
  {
    hard: quantityMap("Hard is the set of enforced hard limits for each named resource. More info: https://kubernetes.io/docs/concepts/policy/resource-quotas/"),
    used: quantityMap("Used is the current observed total usage of the resource in the namespace."),
  },
  { id: "io.k8s.api.core.v1.ResourceQuotaStatus", desc: "ResourceQuotaStatus defines the enforced hard limits and observed use." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

const STANDARD_SCOPES = ["Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity"];
const POD_COMPUTE_RESOURCES = new Set(["cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory"]);

/** IsResourceQuotaScopeValidForResource */
function scopeValidForResource(scope: string, resource: string): boolean {
  switch (scope) {
    case "Terminating":
    case "NotTerminating":
    case "NotBestEffort":
    case "PriorityClass":
    case "CrossNamespacePodAffinity":
      return resource === "pods" || POD_COMPUTE_RESOURCES.has(resource);
    case "BestEffort":
      return resource === "pods";
  }
  return true;
}

const scopesValue = (scopes: readonly string[] | undefined) => (scopes === undefined ? new GoValue("[]core.ResourceQuotaScope(nil)") : goStringSlice("core.ResourceQuotaScope", scopes));

function conflicting(scopes: Set<string>): boolean {
  return (scopes.has("BestEffort") && scopes.has("NotBestEffort")) || (scopes.has("Terminating") && scopes.has("NotTerminating"));
}

function validateScopes(rq: ResourceQuota): FieldError[] {
  const errs: FieldError[] = [];
  const scopes = rq.spec?.scopes ?? [];
  if (!scopes.length) return errs;
  const hard = Object.keys(rq.spec?.hard ?? {}).sort();
  const seen = new Set<string>();
  for (const scope of scopes) {
    if (!STANDARD_SCOPES.includes(scope)) errs.push(invalid("spec.scopes", scopesValue(scopes), "unsupported scope"));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) errs.push(invalid("spec.scopes", scopesValue(scopes), "unsupported scope applied to resource"));
    }
    seen.add(scope);
  }
  if (conflicting(seen)) errs.push(invalid("spec.scopes", scopesValue(scopes), "conflicting scopes"));
  return errs;
}

function validateScopeSelector(rq: ResourceQuota): FieldError[] {
  const sel = rq.spec?.scopeSelector;
  if (!sel) return [];
  const errs: FieldError[] = [];
  const path = "spec.scopeSelector.matchExpressions";
  const hard = Object.keys(rq.spec?.hard ?? {}).sort();
  const seen = new Set<string>();
  for (const req of sel.matchExpressions ?? []) {
    const scope = req.scopeName ?? "";
    if (!STANDARD_SCOPES.includes(scope)) errs.push(invalid(child(path, "scopeName"), scope, "unsupported scope"));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !scopeValidForResource(scope, k)) {
        errs.push(invalid(path, new GoValue(JSON.stringify(sel)), "unsupported scope applied to resource"));
      }
    }
    if (["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"].includes(scope) && req.operator !== "Exists") {
      errs.push(
        invalid(
          child(path, "operator"),
          req.operator ?? "",
          "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
        ),
      );
    }
    switch (req.operator) {
      case "In":
      case "NotIn":
        if (!req.values?.length) errs.push(required(child(path, "values"), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
        break;
      case "Exists":
      case "DoesNotExist":
        if (req.values?.length) {
          errs.push(invalid(child(path, "values"), [...req.values], "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
        }
        break;
      default:
        errs.push(invalid(child(path, "operator"), req.operator ?? "", "not a valid selector operator"));
    }
    seen.add(scope);
  }
  if (conflicting(seen)) errs.push(invalid(path, scopesValue(rq.spec?.scopes), "conflicting scopes"));
  return errs;
}

function validateResourceMap(m: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(m ?? {}).sort()) {
    errs.push(...validateQuotaResourceName(k, key(path, k)));
    errs.push(...validateResourceQuantityValue(k, m![k], key(path, k)));
  }
  return errs;
}

export function validateResourceQuota(rq: ResourceQuota, old: ResourceQuota | undefined, subresource?: string): FieldError[] {
  if (subresource === "status") return [...validateResourceMap(rq.status?.hard, "status.hard"), ...validateResourceMap(rq.status?.used, "status.used")];
  const errs: FieldError[] = [...validateResourceMap(rq.spec?.hard, "spec.hard"), ...validateScopes(rq), ...validateScopeSelector(rq)];
  if (!old) {
    errs.push(...validateResourceMap(rq.status?.hard, "status.hard"), ...validateResourceMap(rq.status?.used, "status.used"));
    return errs;
  }
  const a = new Set(rq.spec?.scopes ?? []);
  const b = new Set(old.spec?.scopes ?? []);
  if (a.size !== b.size || [...a].some((s) => !b.has(s))) errs.push(invalid("spec.scopes", scopesValue(rq.spec?.scopes), "field is immutable"));
  return errs;
}

/** printResourceQuota's REQUEST and LIMIT cells: "name: used/hard" for status.hard, sorted, limits.* in LIMIT. */
export function quotaColumns(rq: ResourceQuota): [string, string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const req: string[] = [];
  const lim: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const pieces = name.split(".");
    const line = `${name}: ${used[name] ?? "0"}/${hard[name]}`;
    (pieces.length > 1 && pieces[0] === "limits" ? lim : req).push(line);
  }
  return [req.join(", "), lim.join(", ")];
}

export const resourceQuota: KindDef<ResourceQuota> = {
  group: "",
  version: "v1",
  kind: "ResourceQuota",
  plural: "resourcequotas",
  singular: "resourcequota",
  shortNames: ["quota"],
  namespaced: true,
  statusSubresource: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.ResourceQuota",
    "ResourceQuota sets aggregate quota restrictions enforced per namespace",
    {
      spec: ResourceQuotaSpec.describe("Spec defines the desired quota. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: ResourceQuotaStatus.describe("Status defines the actual enforced quota and its current usage. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta,
  ),
  prepareForCreate(rq) {
    rq.status = {};
  },
  validate: (rq, ctx) => validateResourceQuota(rq, ctx.old as ResourceQuota | undefined, ctx.subresource),
  // 1.32 order (Age moved to the end only in 1.33).
  columns: [
    nameColumn(),
    ageColumn(),
    col("Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume."),
    col("Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
  ],
  printRow(rq, ctx) {
    const [request, limit] = quotaColumns(rq);
    return [rq.metadata.name ?? "", age(rq, ctx.nowMs), request, limit];
  },
};
