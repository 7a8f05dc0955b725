import { describe, expect, test } from "vitest";
import { clusterRoleBinding, type ClusterRoleBinding } from "../../../src/engine/kinds/rbac/clusterrolebinding";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const crb = (fields: Partial<ClusterRoleBinding>): ClusterRoleBinding => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRoleBinding",
  metadata: { name: "cluster-admin", creationTimestamp: "2024-04-30T12:00:00Z" },
  ...fields,
});
const errors = (o: ClusterRoleBinding, old?: ClusterRoleBinding) => {
  clusterRoleBinding.applyDefaults!(o, { nowMs: NOW });
  if (old) clusterRoleBinding.applyDefaults!(old, { nowMs: NOW });
  return clusterRoleBinding.validate!(o, { nowMs: NOW, old }).map(fieldErrorString);
};

describe("ClusterRoleBinding", () => {
  test("is cluster-scoped with path-segment names", () => {
    expect([clusterRoleBinding.plural, clusterRoleBinding.namespaced, clusterRoleBinding.nameValidation]).toEqual(["clusterrolebindings", false, "path-segment"]);
  });

  test.each<[string, Partial<ClusterRoleBinding>, string[]]>([
    ["accepts a binding to a cluster role", { roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "Group", name: "devs" }] }, []],
    ["only binds ClusterRoles", { roleRef: { kind: "Role", name: "r" } }, ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"']],
    ["requires service account namespaces", { roleRef: { kind: "ClusterRole", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "sa" }] }, ["subjects[0].namespace: Required value"]],
  ])("%s", (_n, fields, expected) => {
    expect(errors(crb(fields))).toEqual(expected);
  });

  test("makes roleRef immutable", () => {
    expect(errors(crb({ roleRef: { kind: "ClusterRole", name: "edit" } }), crb({ roleRef: { kind: "ClusterRole", name: "view" } }))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });

  test("prints ROLE and the subjects", () => {
    const o = crb({ roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "Group", name: "system:masters", apiGroup: "rbac.authorization.k8s.io" }] });
    expect(clusterRoleBinding.printRow(o, { nowMs: NOW })).toEqual(["cluster-admin", "ClusterRole/cluster-admin", "24h", "", "system:masters", ""]);
  });
});
