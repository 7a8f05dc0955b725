import { describe, expect, test } from "vitest";
import type { KubeObject, UserInfo } from "../../../src/engine/kinds/types";
import {
  aggregatedClusterRoleRules,
  authorize,
  forbiddenMessage,
  impersonatedUser,
  rulesFor,
  type AuthorizationAttributes,
  type ObjectLister,
} from "../../../src/engine/machinery/rbac";

const RBAC = "rbac.authorization.k8s.io";
const G = "rbac.authorization.k8s.io";

function clusterRole(name: string, rules: unknown[], extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: `${G}/v1`, kind: "ClusterRole", metadata: { name, ...(extra.metadata ?? {}) }, rules, ...(extra.aggregationRule ? { aggregationRule: extra.aggregationRule } : {}) };
}
function role(ns: string, name: string, rules: unknown[]): KubeObject {
  return { apiVersion: `${G}/v1`, kind: "Role", metadata: { name, namespace: ns }, rules };
}
function crb(name: string, roleName: string, subjects: unknown[]): KubeObject {
  return { apiVersion: `${G}/v1`, kind: "ClusterRoleBinding", metadata: { name }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: roleName }, subjects };
}
function rb(ns: string, name: string, kind: string, roleName: string, subjects: unknown[]): KubeObject {
  return { apiVersion: `${G}/v1`, kind: "RoleBinding", metadata: { name, namespace: ns }, roleRef: { apiGroup: RBAC, kind, name: roleName }, subjects };
}

function lister(objs: KubeObject[]): ObjectLister {
  const byResource: Record<string, string> = {
    "roles.rbac.authorization.k8s.io": "Role",
    "rolebindings.rbac.authorization.k8s.io": "RoleBinding",
    "clusterroles.rbac.authorization.k8s.io": "ClusterRole",
    "clusterrolebindings.rbac.authorization.k8s.io": "ClusterRoleBinding",
  };
  return (resource, ns) => objs.filter((o) => o.kind === byResource[resource] && (!ns || o.metadata.namespace === ns));
}

const ALL = [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }];
const store = lister([
  clusterRole("cluster-admin", ALL),
  clusterRole("view", [{ apiGroups: ["", "apps"], resources: ["pods", "pods/log", "deployments"], verbs: ["get", "list", "watch"] }]),
  clusterRole("system:discovery", [{ nonResourceURLs: ["/api", "/api/*", "/healthz"], verbs: ["get"] }]),
  crb("kubeadm:cluster-admins", "cluster-admin", [{ apiGroup: RBAC, kind: "Group", name: "kubeadm:cluster-admins" }]),
  crb("system:discovery", "system:discovery", [{ apiGroup: RBAC, kind: "Group", name: "system:authenticated" }]),
  role("dev", "pod-reader", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"], resourceNames: ["web"] }]),
  rb("dev", "read-pods", "Role", "pod-reader", [{ apiGroup: RBAC, kind: "User", name: "jane" }]),
  rb("dev", "ci-view", "ClusterRole", "view", [{ kind: "ServiceAccount", name: "ci" }]),
  rb("dev", "broken", "Role", "missing", [{ apiGroup: RBAC, kind: "User", name: "jane" }]),
]);

const ADMIN: UserInfo = { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] };
const JANE: UserInfo = { username: "jane", groups: ["system:authenticated"] };

const can = (user: UserInfo, attrs: Omit<AuthorizationAttributes, "user">) => authorize({ user, ...attrs }, store);

describe("authorize", () => {
  test("allows the kubeadm admin through its group's cluster-admin binding", () => {
    expect(can(ADMIN, { verb: "delete", group: "apps", resource: "deployments", namespace: "default" })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
    });
  });

  test("allows system:masters without consulting RBAC", () => {
    expect(can({ username: "x", groups: ["system:masters"] }, { verb: "get", resource: "secrets" })).toEqual({ allowed: true, reason: "" });
  });

  test.each<[string, Omit<AuthorizationAttributes, "user">, boolean]>([
    ["get a named pod", { verb: "get", resource: "pods", name: "web", namespace: "dev" }, true],
    ["get another pod", { verb: "get", resource: "pods", name: "db", namespace: "dev" }, false],
    ["list pods (resourceNames never allow list)", { verb: "list", resource: "pods", namespace: "dev" }, false],
    ["get the pod in another namespace", { verb: "get", resource: "pods", name: "web", namespace: "prod" }, false],
    ["get /healthz through system:authenticated", { verb: "get", nonResourceURL: "/healthz" }, true],
    ["get /api/v1 through a trailing wildcard", { verb: "get", nonResourceURL: "/api/v1" }, true],
    ["post /api", { verb: "post", nonResourceURL: "/api" }, false],
  ])("jane can %s: %s", (_n, attrs, allowed) => {
    expect(can(JANE, attrs).allowed).toBe(allowed);
  });

  test("reports role resolution errors when nothing allows", () => {
    expect(can(JANE, { verb: "delete", resource: "pods", namespace: "dev" })).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "missing" not found',
    });
  });

  test("matches service accounts of a RoleBinding's namespace, with subresources", () => {
    const sa = impersonatedUser("system:serviceaccount:dev:ci");
    expect(sa.groups).toEqual(["system:serviceaccounts", "system:serviceaccounts:dev", "system:authenticated"]);
    expect(can(sa, { verb: "get", resource: "pods", subresource: "log", namespace: "dev" })).toEqual({
      allowed: true,
      reason: 'RBAC: allowed by RoleBinding "ci-view/dev" of ClusterRole "view" to ServiceAccount "ci/dev"',
    });
    expect(can(sa, { verb: "get", resource: "pods", subresource: "exec", namespace: "dev" }).allowed).toBe(false);
    expect(can(impersonatedUser("system:serviceaccount:other:ci"), { verb: "get", resource: "pods", namespace: "dev" }).allowed).toBe(false);
  });

  test("matches */subresource rules", () => {
    const l = lister([clusterRole("logs", [{ apiGroups: [""], resources: ["*/log"], verbs: ["get"] }]), crb("logs", "logs", [{ kind: "User", name: "u" }])]);
    const u = { username: "u", groups: [] };
    expect(authorize({ user: u, verb: "get", resource: "pods", subresource: "log", namespace: "x" }, l).allowed).toBe(true);
    expect(authorize({ user: u, verb: "get", resource: "pods", namespace: "x" }, l).allowed).toBe(false);
  });
});

describe("aggregation", () => {
  const monitoring = clusterRole("monitoring", [], { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }] } } as never);
  const a = clusterRole("monitoring-endpoints", [{ apiGroups: [""], resources: ["endpoints"], verbs: ["get"] }], { metadata: { labels: { "rbac.example.com/aggregate-to-monitoring": "true" } } } as never);
  const b = clusterRole("monitoring-pods", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }, { apiGroups: [""], resources: ["endpoints"], verbs: ["get"] }], {
    metadata: { labels: { "rbac.example.com/aggregate-to-monitoring": "true" } },
  } as never);

  test("collects the rules of matching ClusterRoles in name order without duplicates", () => {
    expect(aggregatedClusterRoleRules(monitoring, [monitoring, b, a])).toEqual([
      { apiGroups: [""], resources: ["endpoints"], verbs: ["get"] },
      { apiGroups: [""], resources: ["pods"], verbs: ["get"] },
    ]);
  });

  test("an aggregated role has the rules of the roles it selects, as the controller writes them, the bootstrap's as anyone's", () => {
    const selectEdit = { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } }] };
    const edit = clusterRole("edit", [{ apiGroups: [""], resources: ["pods"], verbs: ["delete"] }], {
      metadata: { labels: { "kubernetes.io/bootstrapping": "rbac-defaults" } },
      aggregationRule: selectEdit,
    } as never);
    const view = clusterRole("view", [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }], { metadata: { labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } } } as never);
    expect(aggregatedClusterRoleRules(edit, [edit, view])).toEqual([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]);
    const mine = clusterRole("mine", [{ apiGroups: [""], resources: ["pods"], verbs: ["delete"] }], { aggregationRule: selectEdit } as never);
    expect(aggregatedClusterRoleRules(mine, [mine, view])).toEqual([{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }]);
    // Nothing selected: the role keeps the rules it was stored with.
    expect(aggregatedClusterRoleRules(mine, [mine])).toEqual([{ apiGroups: [""], resources: ["pods"], verbs: ["delete"] }]);
  });

  test("authorizes through an aggregated ClusterRole", () => {
    const l = lister([monitoring, a, b, crb("mon", "monitoring", [{ kind: "User", name: "prom" }])]);
    expect(authorize({ user: { username: "prom", groups: [] }, verb: "get", resource: "pods", namespace: "x" }, l).allowed).toBe(true);
  });
});

describe("rulesFor", () => {
  test("lists cluster-wide and namespace rules, resource and non-resource, with resolution errors", () => {
    expect(rulesFor(JANE, "dev", store)).toEqual({
      resourceRules: [{ verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }],
      nonResourceRules: [{ verbs: ["get"], nonResourceURLs: ["/api", "/api/*", "/healthz"] }],
      incomplete: false,
      evaluationError: 'role.rbac.authorization.k8s.io "missing" not found',
    });
  });

  test("gives the admin everything", () => {
    const r = rulesFor(ADMIN, "default", store);
    expect(r.resourceRules[0]).toEqual({ verbs: ["*"], apiGroups: ["*"], resources: ["*"] });
    expect(r.nonResourceRules).toContainEqual({ verbs: ["*"], nonResourceURLs: ["*"] });
  });
});

describe("impersonation and forbidden messages", () => {
  test.each<[string, string[], string[]]>([
    ["jane", [], ["system:authenticated"]],
    ["jane", ["devs"], ["devs", "system:authenticated"]],
    ["system:serviceaccount:ns:sa", ["g"], ["g", "system:authenticated"]],
    ["system:anonymous", [], ["system:unauthenticated"]],
  ])("impersonating %s with groups %j gives %j", (user, groups, expected) => {
    expect(impersonatedUser(user, groups).groups).toEqual(expected);
  });

  test.each<[Omit<AuthorizationAttributes, "user">, string]>([
    [{ verb: "list", resource: "pods", namespace: "default" }, 'User "jane" cannot list resource "pods" in API group "" in the namespace "default"'],
    [{ verb: "get", group: "apps", resource: "deployments", subresource: "scale" }, 'User "jane" cannot get resource "deployments/scale" in API group "apps" at the cluster scope'],
    [{ verb: "get", nonResourceURL: "/metrics" }, 'User "jane" cannot get path "/metrics"'],
  ])("%j is forbidden with %s", (attrs, msg) => {
    expect(forbiddenMessage({ user: JANE, ...attrs })).toBe(msg);
  });
});
