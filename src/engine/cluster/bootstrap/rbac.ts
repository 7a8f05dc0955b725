// The RBAC objects of a kubeadm cluster (data in rbac-defaults.ts): the API server's bootstrap policy
// (ClusterRoles, their bindings, the Roles of kube-system and kube-public), then kubeadm's own objects,
// made by `kubeadm init`'s phases seconds later. admin, edit and view are stored as the
// clusterrole-aggregation controller leaves them, since authorization reads their rules.
import type { KubeObject } from "../../kinds/types";
import { clone } from "../../machinery/json";
import { aggregatedClusterRoleRules } from "../../machinery/rbac";
import { seed, type SeedContext } from "./seed";
import {
  BOOTSTRAP_CLUSTER_ROLE_BINDINGS,
  BOOTSTRAP_CLUSTER_ROLES,
  BOOTSTRAP_ROLE_BINDINGS,
  BOOTSTRAP_ROLES,
  CONTROLLER_ROLES,
  COREDNS_CLUSTER_ROLE,
  COREDNS_CLUSTER_ROLE_BINDING,
  KUBE_PROXY_CLUSTER_ROLE_BINDING,
  KUBE_PROXY_ROLE,
  KUBE_PROXY_ROLE_BINDING,
  KUBEADM_ADMINS_BINDING,
  KUBEADM_CLUSTER_ROLE_BINDINGS,
  KUBEADM_CLUSTER_ROLES,
  KUBEADM_ROLE_BINDINGS,
  KUBEADM_ROLES,
  METRICS_SERVER_CLUSTER_ROLES,
  type BindingDef,
  type ClusterRoleDef,
  type RoleDef,
} from "./rbac-defaults";

const RBAC = "rbac.authorization.k8s.io";
const API_VERSION = `${RBAC}/v1`;
const BOOTSTRAP_LABELS = { "kubernetes.io/bootstrapping": "rbac-defaults" };
const AUTOUPDATE = { "rbac.authorization.kubernetes.io/autoupdate": "true" };
const CONTROLLER_PREFIX = "system:controller:";

/** Seconds after the API server's RBAC bootstrap that kubeadm init's later phases create their objects. */
const KUBEADM_PHASES_AFTER_S = 5;
const KUBEADM_ADDONS_AFTER_S = 10;
/** metrics-server is installed after kubeadm init, like the local-path StorageClass. */
const METRICS_SERVER_AFTER_S = 60;

/** Every ClusterRole a fresh cluster holds, by definition (admin/edit/view still without rules). */
function clusterRoleDefs(): Array<ClusterRoleDef & { bootstrap: boolean }> {
  const controllerRoles = Object.entries(CONTROLLER_ROLES).map(([name, rules]) => ({ name: CONTROLLER_PREFIX + name, rules }));
  return [
    ...[...BOOTSTRAP_CLUSTER_ROLES, ...controllerRoles].map((d) => ({ ...d, bootstrap: true })),
    ...[...KUBEADM_CLUSTER_ROLES, COREDNS_CLUSTER_ROLE, ...METRICS_SERVER_CLUSTER_ROLES].map((d) => ({ ...d, bootstrap: false })),
  ];
}

function metadata(name: string, namespace: string | undefined, bootstrap: boolean, labels: Record<string, string> = {}): KubeObject["metadata"] {
  const all = bootstrap ? { ...BOOTSTRAP_LABELS, ...labels } : labels;
  return {
    name,
    ...(namespace ? { namespace } : {}),
    ...(Object.keys(all).length ? { labels: all } : {}),
    ...(bootstrap ? { annotations: { ...AUTOUPDATE } } : {}),
  };
}

/** rbac/v1 Subject as stored: the server defaults apiGroup for User and Group subjects. */
function subjects(def: BindingDef): Array<Record<string, string>> {
  return def.subjects.map((s): Record<string, string> => (s.kind === "ServiceAccount" ? { kind: s.kind, name: s.name, namespace: s.namespace! } : { kind: s.kind, apiGroup: RBAC, name: s.name }));
}

function clusterRole(def: ClusterRoleDef, bootstrap: boolean): KubeObject {
  const aggregationRule = def.aggregate ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [`${RBAC}/aggregate-to-${def.aggregate}`]: "true" } }] } } : {};
  return { apiVersion: API_VERSION, kind: "ClusterRole", metadata: metadata(def.name, undefined, bootstrap, def.labels), rules: clone(def.rules ?? []), ...aggregationRule };
}

function seedClusterRole(ctx: SeedContext, def: ClusterRoleDef, bootstrap: boolean, offsetS: number): void {
  seed(ctx, clusterRole(def, bootstrap), offsetS);
}

function seedRole(ctx: SeedContext, def: RoleDef, bootstrap: boolean, offsetS: number): void {
  seed(ctx, { apiVersion: API_VERSION, kind: "Role", metadata: metadata(def.name, def.namespace, bootstrap), rules: clone(def.rules) }, offsetS);
}

function seedBinding(ctx: SeedContext, def: BindingDef, bootstrap: boolean, offsetS: number): void {
  const namespaced = def.namespace !== undefined;
  const subjectList = subjects(def);
  seed(
    ctx,
    {
      apiVersion: API_VERSION,
      kind: namespaced ? "RoleBinding" : "ClusterRoleBinding",
      metadata: metadata(def.name, def.namespace, bootstrap),
      ...(subjectList.length ? { subjects: subjectList } : {}),
      roleRef: { apiGroup: RBAC, kind: namespaced ? "Role" : "ClusterRole", name: def.role },
    },
    offsetS,
  );
}

export function seedRbac(ctx: SeedContext, offsetS: number): void {
  // The API server's post-start hook: ClusterRoles, ClusterRoleBindings, then the namespaced Roles and RoleBindings.
  // admin, edit and view as the clusterrole-aggregation controller leaves them, from every ClusterRole
  // the cluster will hold (the authorizer's own reading of an aggregationRule).
  const all = clusterRoleDefs().map((d) => ({ def: d, object: clusterRole(d, d.bootstrap) }));
  const objects = all.map((r) => r.object);
  for (const { def, object } of all.filter((r) => r.def.bootstrap)) {
    if (def.aggregate) object.rules = clone(aggregatedClusterRoleRules(object, objects));
    seed(ctx, object, offsetS);
  }
  for (const [name, list] of Object.entries(BOOTSTRAP_CLUSTER_ROLE_BINDINGS)) seedBinding(ctx, { name, role: name, subjects: list }, true, offsetS);
  for (const name of Object.keys(CONTROLLER_ROLES)) {
    seedBinding(ctx, { name: CONTROLLER_PREFIX + name, role: CONTROLLER_PREFIX + name, subjects: [{ kind: "ServiceAccount", name, namespace: "kube-system" }] }, true, offsetS);
  }
  for (const def of BOOTSTRAP_ROLES) seedRole(ctx, def, true, offsetS);
  for (const def of BOOTSTRAP_ROLE_BINDINGS) seedBinding(ctx, def, true, offsetS);

  // kubeadm init: cluster-admins as soon as the API server answers, then upload-config and bootstrap-token, then the addons.
  seedBinding(ctx, KUBEADM_ADMINS_BINDING, false, offsetS);
  const phases = offsetS + KUBEADM_PHASES_AFTER_S;
  for (const def of KUBEADM_ROLES) seedRole(ctx, def, false, phases);
  for (const def of KUBEADM_ROLE_BINDINGS) seedBinding(ctx, def, false, phases);
  for (const def of KUBEADM_CLUSTER_ROLES) seedClusterRole(ctx, def, false, phases);
  for (const def of KUBEADM_CLUSTER_ROLE_BINDINGS) seedBinding(ctx, def, false, phases);
  const addons = offsetS + KUBEADM_ADDONS_AFTER_S;
  seedClusterRole(ctx, COREDNS_CLUSTER_ROLE, false, addons);
  seedBinding(ctx, COREDNS_CLUSTER_ROLE_BINDING, false, addons);
  seedBinding(ctx, KUBE_PROXY_CLUSTER_ROLE_BINDING, false, addons);
  seedRole(ctx, KUBE_PROXY_ROLE, false, addons);
  seedBinding(ctx, KUBE_PROXY_ROLE_BINDING, false, addons);

  for (const def of METRICS_SERVER_CLUSTER_ROLES) seedClusterRole(ctx, def, false, offsetS + METRICS_SERVER_AFTER_S);
}
