// rbac.authorization.k8s.io/v1 ClusterRoleBinding (Kubernetes 1.32): types.go schema,
// SetDefaults_ClusterRoleBinding / SetDefaults_Subject, ValidateClusterRoleBinding/Update and the
// printer of printers.go (NAME ROLE AGE USERS GROUPS SERVICEACCOUNTS).
import type { KindDef } from "../types";
import { kindSchema, list } from "../schema";
import { ObjectMeta } from "../common/meta";
import { applyBindingDefaults, bindingColumns, bindingRow, RBAC_GROUP, RoleRef, Subject, validateBinding, type RoleBinding } from "./rolebinding";

export type ClusterRoleBinding = RoleBinding;

export const clusterRoleBinding: KindDef<ClusterRoleBinding> = {
  group: RBAC_GROUP,
  version: "v1",
  kind: "ClusterRoleBinding",
  plural: "clusterrolebindings",
  singular: "clusterrolebinding",
  namespaced: false,
  nameValidation: "path-segment",
  schema: kindSchema(
    "io.k8s.api.rbac.v1.ClusterRoleBinding",
    "ClusterRoleBinding references a ClusterRole, but not contain it.  It can reference a ClusterRole in the global namespace, and adds who information via Subject.",
    {
      roleRef: RoleRef,
      subjects: list(Subject, { listType: "atomic", desc: "Subjects holds references to the objects the role applies to." }),
    },
    ObjectMeta,
  ),
  applyDefaults: applyBindingDefaults,
  validate: (b, ctx) => validateBinding(b, ctx.old as ClusterRoleBinding | undefined, false),
  columns: bindingColumns(
    "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
    "clusterRoleBinding",
  ),
  printRow: (b, ctx) => bindingRow(b, ctx.nowMs),
};
