// `kubectl create role` and `kubectl create clusterrole` (pkg/cmd/create/create_role.go,
// create_clusterrole.go): one rule per API group for the given verbs and resources, plus a
// non-resource-URL rule, or an aggregation rule.
import type { KubeObject } from "../client";
import { GeneratorError, objectMeta, sortedMap, typed } from "./common";

export const VALID_RESOURCE_VERBS = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];
const VALID_NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];

/** Verbs only meaningful on some resources (kubectl refuses them elsewhere). */
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [["policy", "podsecuritypolicies"], ["extensions", "podsecuritypolicies"]],
  bind: [["rbac.authorization.k8s.io", "roles"], ["rbac.authorization.k8s.io", "clusterroles"]],
  escalate: [["rbac.authorization.k8s.io", "roles"], ["rbac.authorization.k8s.io", "clusterroles"]],
  impersonate: [["", "users"], ["", "serviceaccounts"], ["", "groups"], ["authentication.k8s.io", "userextras"]],
};

/** One `--resource` value: `resource[.group][/subresource]`. */
export interface ResourceArg {
  group: string;
  resource: string;
  subResource: string;
}

/** A resource argument after the RESTMapper: the full group/plural when it resolved, else as typed. */
export interface ResolvedResource extends ResourceArg {
  /** The mapper's error when it did not resolve (reported unless the verbs make it moot). */
  notFound?: string;
}

/** CreateRoleOptions.Complete: `*` alone wins; duplicates dropped. */
export function normalizeVerbs(verbs: string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    if (v === "*") return ["*"];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** CreateRoleOptions.Complete: parses `--resource` values; a bare `*` stands for everything. */
export function parseResourceArgs(values: string[]): ResourceArg[] {
  const out: ResourceArg[] = [];
  for (const r of values) {
    const slash = r.indexOf("/");
    const main = slash >= 0 ? r.slice(0, slash) : r;
    const subResource = slash >= 0 ? r.slice(slash + 1) : "";
    const dot = main.indexOf(".");
    const resource = dot >= 0 ? main.slice(0, dot) : main;
    const group = dot >= 0 ? main.slice(dot + 1) : "";
    const arg = { group, resource, subResource };
    if (resource === "*" && dot < 0 && slash < 0) return [arg];
    out.push(arg);
  }
  return out;
}

export function dedupe(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) === i);
}

/** Warnings kubectl prints for verbs outside the standard set. */
export function verbWarnings(verbs: string[]): string[] {
  return verbs.filter((v) => !VALID_RESOURCE_VERBS.includes(v)).map((v) => `Warning: '${v}' is not a standard resource verb`);
}

/** validateResource: special verbs only on their resources; unresolvable resources are errors. */
export function validateResources(verbs: string[], resources: ResolvedResource[]): void {
  for (const r of resources) {
    if (!r.resource) throw new GeneratorError("resource must be specified if apiGroup/subresource specified");
    if (r.resource === "*") return;
    let notFound = r.notFound;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === r.group && res === r.resource)) throw new GeneratorError(`can not perform '${v}' on '${r.resource}' in group '${r.group}'`);
      notFound = undefined;
    }
    if (notFound) throw new RawError(notFound);
  }
}

/** An error kubectl prints as is, without `error: ` (CheckErr's wording of a RESTMapper miss). */
export class RawError extends Error {}

/** generateResourcePolicyRules: rules grouped by API group (sorted), then the non-resource rule. */
export function policyRules(verbs: string[], resources: ResolvedResource[], resourceNames: string[], nonResourceURLs: string[]): KubeObject[] {
  const byGroup: Record<string, string[]> = {};
  for (const r of resources) {
    const name = r.subResource ? `${r.resource}/${r.subResource}` : r.resource;
    const list = (byGroup[r.group] ??= []);
    if (!list.includes(name)) list.push(name);
  }
  const rules: KubeObject[] = [];
  for (const g of Object.keys(sortedMap(byGroup))) {
    const rule: KubeObject = { verbs, apiGroups: [g], resources: byGroup[g] };
    if (resourceNames.length) rule.resourceNames = resourceNames;
    rules.push(rule);
  }
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

export interface RoleOptions {
  name: string;
  namespace?: string;
  verbs: string[];
  resources: ResolvedResource[];
  resourceNames: string[];
}

export function validateRole(o: RoleOptions): void {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (!o.verbs.length) throw new GeneratorError("at least one verb must be specified");
}

export function generateRole(o: RoleOptions): KubeObject {
  const role = typed("Role", "rbac.authorization.k8s.io/v1", objectMeta({ name: o.name, namespace: o.namespace }));
  role.rules = policyRules(o.verbs, o.resources, o.resourceNames, []);
  return role;
}

export interface ClusterRoleOptions {
  name: string;
  verbs: string[];
  resources: ResolvedResource[];
  resourceNames: string[];
  nonResourceURLs: string[];
  aggregationRule: Record<string, string>;
}

/** CreateClusterRoleOptions.Validate up to the resource checks (which need the mapper's results). */
export function validateClusterRoleShape(o: ClusterRoleOptions): "aggregation" | "rules" {
  if (!o.name) throw new GeneratorError("name must be specified");
  if (Object.keys(o.aggregationRule).length) {
    if (o.nonResourceURLs.length || o.verbs.length || o.resources.length || o.resourceNames.length) {
      throw new GeneratorError("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames");
    }
    return "aggregation";
  }
  if (!o.verbs.length) throw new GeneratorError("at least one verb must be specified");
  if (!o.resources.length && !o.nonResourceURLs.length) throw new GeneratorError("one of resource or nonResourceURL must be specified");
  return "rules";
}

export function validateNonResourceURLs(verbs: string[], urls: string[]): void {
  if (!urls.length) return;
  for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new GeneratorError(`invalid verb: '${v}' for nonResourceURL`);
  for (const u of urls) {
    if (u === "*") continue;
    if (u === "" || !u.startsWith("/")) throw new GeneratorError("nonResourceURL should start with /");
    if (u.slice(0, -1).includes("*")) throw new GeneratorError("nonResourceURL only supports wildcard matches when '*' is at the end");
  }
}

export function generateClusterRole(o: ClusterRoleOptions): KubeObject {
  const cr = typed("ClusterRole", "rbac.authorization.k8s.io/v1", objectMeta({ name: o.name }));
  if (Object.keys(o.aggregationRule).length) {
    // Rules is not omitempty: an aggregated role prints `rules: null`.
    cr.rules = null;
    cr.aggregationRule = { clusterRoleSelectors: [{ matchLabels: sortedMap(o.aggregationRule) }] };
  } else cr.rules = policyRules(o.verbs, o.resources, o.resourceNames, o.nonResourceURLs);
  return cr;
}
