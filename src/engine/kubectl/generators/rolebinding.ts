// `kubectl create rolebinding` and `kubectl create clusterrolebinding`
// (pkg/cmd/create/create_rolebinding.go, create_clusterrolebinding.go).
import type { KubeObject } from "../client";
import { GeneratorError, objectMeta, typed } from "./common";

const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface BindingOptions {
  name: string;
  namespace?: string;
  role: string;
  clusterRole: string;
  users: string[];
  groups: string[];
  serviceAccounts: string[];
}

/** rbacv1.Subject in Go order: kind, apiGroup, name, namespace. */
function subjects(o: BindingOptions): KubeObject[] {
  const out: KubeObject[] = [];
  for (const name of o.users) out.push({ kind: "User", apiGroup: RBAC_GROUP, name });
  for (const name of o.groups) out.push({ kind: "Group", apiGroup: RBAC_GROUP, name });
  for (const sa of o.serviceAccounts) {
    const parts = sa.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new GeneratorError("serviceaccount must be <namespace>:<name>");
    out.push({ kind: "ServiceAccount", name: parts[1], namespace: parts[0] });
  }
  return out;
}

export function generateRoleBinding(o: BindingOptions): KubeObject {
  if (!o.name) throw new GeneratorError("name must be specified");
  if ((o.clusterRole === "") === (o.role === "")) throw new GeneratorError("exactly one of clusterrole or role must be specified");
  const rb = typed("RoleBinding", "rbac.authorization.k8s.io/v1", objectMeta({ name: o.name, namespace: o.namespace }));
  const subs = subjects(o);
  if (subs.length) rb.subjects = subs;
  rb.roleRef = o.role ? { apiGroup: RBAC_GROUP, kind: "Role", name: o.role } : { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: o.clusterRole };
  return rb;
}

export function generateClusterRoleBinding(o: BindingOptions): KubeObject {
  const crb = typed("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", objectMeta({ name: o.name }));
  const subs = subjects(o);
  if (subs.length) crb.subjects = subs;
  crb.roleRef = { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: o.clusterRole };
  return crb;
}
