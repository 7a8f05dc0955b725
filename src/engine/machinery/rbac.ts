// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac and pkg/registry/rbac/validation/rule.go,
// Kubernetes 1.32) over the Roles, RoleBindings, ClusterRoles and ClusterRoleBindings in the store:
// the decisions and reason texts of SubjectAccessReviews and of 403 Forbidden responses, and the
// rules listing of SelfSubjectRulesReview (`kubectl auth can-i --list`).
//
// Like a kube-apiserver started with --authorization-mode=Node,RBAC, members of the privileged group
// `system:masters` are allowed everything before RBAC is consulted (reason ""). ClusterRoles with an
// aggregationRule are evaluated with the rules the aggregation controller would have given them.
import type { KubeObject, UserInfo } from "../kinds/types";
import { selectorFromLabelSelector, matches, type LabelSelectorSpec } from "./labels";

export const RBAC_RESOURCES = {
  roles: "roles.rbac.authorization.k8s.io",
  roleBindings: "rolebindings.rbac.authorization.k8s.io",
  clusterRoles: "clusterroles.rbac.authorization.k8s.io",
  clusterRoleBindings: "clusterrolebindings.rbac.authorization.k8s.io",
} as const;

/** Read access to stored objects by storage resource ("roles.rbac.authorization.k8s.io"), optionally in a namespace. */
export type ObjectLister = (resource: string, namespace?: string) => readonly KubeObject[];

export interface AuthorizationAttributes {
  user: UserInfo;
  verb: string;
  /** API group ("" for core). */
  group?: string;
  /** Resource (plural), for resource requests. */
  resource?: string;
  subresource?: string;
  name?: string;
  namespace?: string;
  /** Set for non-resource requests ("/healthz", "/api"); the verb is then the lowercased HTTP verb. */
  nonResourceURL?: string;
}

export interface AuthorizationDecision {
  allowed: boolean;
  reason: string;
}

export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

// ---------------------------------------------------------------------------------------------
// Users and groups
// ---------------------------------------------------------------------------------------------

export const SYSTEM_MASTERS = "system:masters";
export const ALL_AUTHENTICATED = "system:authenticated";
export const ALL_UNAUTHENTICATED = "system:unauthenticated";
export const ANONYMOUS = "system:anonymous";
export const SERVICE_ACCOUNT_USERNAME_PREFIX = "system:serviceaccount:";
export const ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

/** serviceaccount.MakeUsername. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USERNAME_PREFIX}${namespace}:${name}`;
}

/** serviceaccount.SplitUsername: {namespace, name} for "system:serviceaccount:<ns>:<name>", else undefined. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(":");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** serviceaccount.MakeGroupNames: the groups every service account token carries. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}

/**
 * The user an impersonating request acts as (`kubectl --as=<user> [--as-group=<g>...]`), as the
 * impersonation filter builds it: a service-account username without explicit groups gets the
 * service-account groups, and any non-anonymous user gets system:authenticated unless it already
 * has system:authenticated or system:unauthenticated.
 */
export function impersonatedUser(username: string, groups: readonly string[] = []): UserInfo {
  const out = [...groups];
  const sa = splitServiceAccountUsername(username);
  if (sa && groups.length === 0) out.push(...serviceAccountGroups(sa.namespace));
  if (username !== ANONYMOUS) {
    if (!out.includes(ALL_AUTHENTICATED) && !out.includes(ALL_UNAUTHENTICATED)) out.push(ALL_AUTHENTICATED);
  } else if (!out.includes(ALL_UNAUTHENTICATED)) {
    out.push(ALL_UNAUTHENTICATED);
  }
  return { username, groups: out };
}

// ---------------------------------------------------------------------------------------------
// Rule matching (pkg/apis/rbac/v1/evaluation_helpers.go)
// ---------------------------------------------------------------------------------------------

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return (rule.verbs ?? []).some((v) => v === "*" || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === "*" || g === group);
}

export function resourceMatches(rule: PolicyRule, combinedResource: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === "*") return true;
    if (r === combinedResource) return true;
    if (!subresource) continue;
    if (r.length === subresource.length + 2 && r.startsWith("*/") && r.endsWith(subresource)) return true;
  }
  return false;
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  if (names.length === 0) return true;
  return names.includes(name);
}

export function nonResourceURLMatches(rule: PolicyRule, url: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === "*") return true;
    if (u === url) return true;
    if (u.endsWith("*") && url.startsWith(u.replace(/\*+$/, ""))) return true;
  }
  return false;
}

/** RuleAllows. */
export function ruleAllows(attrs: AuthorizationAttributes, rule: PolicyRule): boolean {
  if (attrs.nonResourceURL === undefined) {
    const sub = attrs.subresource ?? "";
    const resource = attrs.resource ?? "";
    const combined = sub ? `${resource}/${sub}` : resource;
    return (
      verbMatches(rule, attrs.verb) &&
      apiGroupMatches(rule, attrs.group ?? "") &&
      resourceMatches(rule, combined, sub) &&
      resourceNameMatches(rule, attrs.name ?? "")
    );
  }
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.nonResourceURL);
}

// ---------------------------------------------------------------------------------------------
// Rule resolution (DefaultRuleResolver.VisitRulesFor)
// ---------------------------------------------------------------------------------------------

const byName = (a: KubeObject, b: KubeObject) => {
  const x = a.metadata.name ?? "";
  const y = b.metadata.name ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
};

function appliesToUser(user: UserInfo, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case "User":
      return user.username === s.name;
    case "Group":
      return user.groups.includes(s.name ?? "");
    case "ServiceAccount": {
      const ns = s.namespace || namespace;
      if (!ns) return false;
      return user.username === serviceAccountUsername(ns, s.name ?? "");
    }
    default:
      return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === "ServiceAccount") return `${s.kind} ${JSON.stringify(`${s.name ?? ""}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind ?? ""} ${JSON.stringify(s.name ?? "")}`;
}

function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  const eq = (x?: string[], y?: string[]) => JSON.stringify(x ?? []) === JSON.stringify(y ?? []);
  return eq(a.verbs, b.verbs) && eq(a.apiGroups, b.apiGroups) && eq(a.resources, b.resources) && eq(a.resourceNames, b.resourceNames) && eq(a.nonResourceURLs, b.nonResourceURLs);
}

/**
 * The rules the clusterrole-aggregation controller gives a ClusterRole with an aggregationRule: the
 * rules of every other ClusterRole matching one of its selectors (in name order, without duplicates),
 * following nested aggregation. Without an aggregationRule (or when nothing matches) its own rules.
 * The bootstrap stores admin/edit/view with the rules this gives them (cluster/bootstrap/rbac.ts).
 */
export function aggregatedClusterRoleRules(role: KubeObject, clusterRoles: readonly KubeObject[], seen: Set<string> = new Set()): PolicyRule[] {
  const own = (role.rules ?? []) as PolicyRule[];
  const selectors = (role.aggregationRule?.clusterRoleSelectors ?? []) as LabelSelectorSpec[];
  if (!role.aggregationRule) return own;
  const name = role.metadata.name ?? "";
  seen.add(name);
  const out: PolicyRule[] = [];
  let matched = false;
  const sorted = [...clusterRoles].sort(byName);
  for (const sel of selectors) {
    let selector;
    try {
      selector = selectorFromLabelSelector(sel);
    } catch {
      continue;
    }
    for (const cr of sorted) {
      const crName = cr.metadata.name ?? "";
      if (crName === name || !matches(selector, cr.metadata.labels ?? {})) continue;
      matched = true;
      const rules = seen.has(crName) ? ((cr.rules ?? []) as PolicyRule[]) : aggregatedClusterRoleRules(cr, clusterRoles, new Set(seen));
      for (const r of rules) if (!out.some((x) => sameRule(x, r))) out.push(r);
    }
  }
  return matched ? out : own;
}

type Visitor = (source: string | undefined, rule: PolicyRule | undefined, err: string | undefined) => boolean;

function roleReferenceRules(ref: RoleRef, bindingNamespace: string, list: ObjectLister): { rules?: PolicyRule[]; err?: string } {
  switch (ref.kind) {
    case "Role": {
      const role = list(RBAC_RESOURCES.roles, bindingNamespace).find((r) => r.metadata.name === ref.name);
      if (!role) return { err: `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name ?? "")} not found` };
      return { rules: (role.rules ?? []) as PolicyRule[] };
    }
    case "ClusterRole": {
      const all = list(RBAC_RESOURCES.clusterRoles);
      const cr = all.find((r) => r.metadata.name === ref.name);
      if (!cr) return { err: `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name ?? "")} not found` };
      return { rules: aggregatedClusterRoleRules(cr, all) };
    }
    default:
      return { err: `unsupported role reference kind: ${JSON.stringify(ref.kind ?? "")}` };
  }
}

function visitRulesFor(user: UserInfo, namespace: string, list: ObjectLister, visitor: Visitor): void {
  const crbs = [...list(RBAC_RESOURCES.clusterRoleBindings)].sort(byName);
  for (const b of crbs) {
    const subjects = (b.subjects ?? []) as Subject[];
    const subject = subjects.find((s) => appliesToUser(user, s, ""));
    if (!subject) continue;
    const ref = (b.roleRef ?? {}) as RoleRef;
    const { rules, err } = roleReferenceRules(ref, "", list);
    if (err) {
      if (!visitor(undefined, undefined, err)) return;
      continue;
    }
    const source = `ClusterRoleBinding ${JSON.stringify(b.metadata.name ?? "")} of ${ref.kind ?? ""} ${JSON.stringify(ref.name ?? "")} to ${describeSubject(subject, "")}`;
    for (const r of rules!) if (!visitor(source, r, undefined)) return;
  }
  if (!namespace) return;
  const rbs = [...list(RBAC_RESOURCES.roleBindings, namespace)].filter((b) => (b.metadata.namespace ?? namespace) === namespace).sort(byName);
  for (const b of rbs) {
    const subjects = (b.subjects ?? []) as Subject[];
    const subject = subjects.find((s) => appliesToUser(user, s, namespace));
    if (!subject) continue;
    const ref = (b.roleRef ?? {}) as RoleRef;
    const { rules, err } = roleReferenceRules(ref, namespace, list);
    if (err) {
      if (!visitor(undefined, undefined, err)) return;
      continue;
    }
    const source = `RoleBinding ${JSON.stringify(`${b.metadata.name ?? ""}/${namespace}`)} of ${ref.kind ?? ""} ${JSON.stringify(ref.name ?? "")} to ${describeSubject(subject, namespace)}`;
    for (const r of rules!) if (!visitor(source, r, undefined)) return;
  }
}

/** utilerrors.NewAggregate(errs).Error(). */
function aggregate(errs: readonly string[]): string {
  if (errs.length === 0) return "";
  if (errs.length === 1) return errs[0];
  const seen: string[] = [];
  for (const e of errs) if (!seen.includes(e)) seen.push(e);
  return seen.length === 1 ? seen[0] : `[${seen.join(", ")}]`;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/** The authorizer chain's decision for a request: allowed with the RBAC reason, or not with any resolution errors. */
export function authorize(attrs: AuthorizationAttributes, list: ObjectLister): AuthorizationDecision {
  if (attrs.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: "" };
  let allowed = false;
  let reason = "";
  const errors: string[] = [];
  visitRulesFor(attrs.user, attrs.namespace ?? "", list, (source, rule, err) => {
    if (rule && ruleAllows(attrs, rule)) {
      allowed = true;
      reason = `RBAC: allowed by ${source}`;
      return false;
    }
    if (err) errors.push(err);
    return true;
  });
  if (allowed) return { allowed, reason };
  return { allowed: false, reason: errors.length ? `RBAC: ${aggregate(errors)}` : "" };
}

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs?: string[];
}

export interface RulesReview {
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
  incomplete: boolean;
  /** Set when some bindings could not be resolved (SubjectRulesReviewStatus.evaluationError). */
  evaluationError?: string;
}

const nonEmpty = (xs: string[] | undefined) => (xs && xs.length ? [...xs] : undefined);

/** RBACAuthorizer.RulesFor (+ the privileged group), as SelfSubjectRulesReview reports them. */
export function rulesFor(user: UserInfo, namespace: string, list: ObjectLister): RulesReview {
  const out: RulesReview = { resourceRules: [], nonResourceRules: [], incomplete: false };
  if (user.groups.includes(SYSTEM_MASTERS)) {
    out.resourceRules.push({ verbs: ["*"], apiGroups: ["*"], resources: ["*"] });
    out.nonResourceRules.push({ verbs: ["*"], nonResourceURLs: ["*"] });
  }
  const errors: string[] = [];
  visitRulesFor(user, namespace, list, (_source, rule, err) => {
    if (rule) {
      if ((rule.resources ?? []).length > 0) {
        const r: ResourceRule = { verbs: [...(rule.verbs ?? [])] };
        const g = nonEmpty(rule.apiGroups);
        const res = nonEmpty(rule.resources);
        const names = nonEmpty(rule.resourceNames);
        if (g) r.apiGroups = g;
        if (res) r.resources = res;
        if (names) r.resourceNames = names;
        out.resourceRules.push(r);
      }
      if ((rule.nonResourceURLs ?? []).length > 0) {
        out.nonResourceRules.push({ verbs: [...(rule.verbs ?? [])], nonResourceURLs: [...rule.nonResourceURLs!] });
      }
    }
    if (err) errors.push(err);
    return true;
  });
  if (errors.length) out.evaluationError = aggregate(errors);
  return out;
}

/**
 * The message of a 403 for a request the authorizer did not allow (responsewriters.forbiddenMessage,
 * plus ": <reason>" when there is one). The API server wraps it as `<resource> "<name>" is forbidden: <message>`.
 */
export function forbiddenMessage(attrs: AuthorizationAttributes, reason = ""): string {
  let msg: string;
  const user = JSON.stringify(attrs.user.username);
  if (attrs.nonResourceURL !== undefined) {
    msg = `User ${user} cannot ${attrs.verb} path ${JSON.stringify(attrs.nonResourceURL)}`;
  } else {
    const resource = attrs.subresource ? `${attrs.resource ?? ""}/${attrs.subresource}` : attrs.resource ?? "";
    msg = attrs.namespace
      ? `User ${user} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.group ?? "")} in the namespace ${JSON.stringify(attrs.namespace)}`
      : `User ${user} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.group ?? "")} at the cluster scope`;
  }
  return reason ? `${msg}: ${reason}` : msg;
}
