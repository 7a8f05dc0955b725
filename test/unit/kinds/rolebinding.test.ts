import { describe, expect, test } from "vitest";
import { roleBinding, type RoleBinding } from "../../../src/engine/kinds/rbac/rolebinding";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const rb = (fields: Partial<RoleBinding>): RoleBinding => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { name: "read-pods", namespace: "default", creationTimestamp: "2024-05-01T11:55:00Z" },
  ...fields,
});
const defaulted = (o: RoleBinding) => {
  roleBinding.applyDefaults!(o, { nowMs: NOW });
  return o;
};
const errors = (o: RoleBinding, old?: RoleBinding) => roleBinding.validate!(defaulted(o), { nowMs: NOW, old: old && defaulted(old) }).map(fieldErrorString);

describe("RoleBinding defaulting", () => {
  test("defaults roleRef.apiGroup and the apiGroup of User and Group subjects", () => {
    const o = defaulted(rb({ roleRef: { kind: "Role", name: "pod-reader" }, subjects: [{ kind: "User", name: "jane" }, { kind: "Group", name: "devs" }, { kind: "ServiceAccount", name: "sa" }] }));
    expect(o.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" });
    expect(o.subjects!.map((s) => s.apiGroup)).toEqual(["rbac.authorization.k8s.io", "rbac.authorization.k8s.io", undefined]);
  });
});

describe("RoleBinding validation", () => {
  test.each<[string, Partial<RoleBinding>, string[]]>([
    ["accepts a binding to a role", { roleRef: { kind: "Role", name: "pod-reader" }, subjects: [{ kind: "User", name: "jane" }] }, []],
    ["requires a roleRef", {}, ['roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole"', "roleRef.name: Required value"]],
    ["rejects other roleRef kinds", { roleRef: { kind: "Deployment", name: "x" } }, ['roleRef.kind: Unsupported value: "Deployment": supported values: "Role", "ClusterRole"']],
    ["rejects other roleRef groups", { roleRef: { apiGroup: "apps", kind: "Role", name: "x" } }, ['roleRef.apiGroup: Unsupported value: "apps": supported values: "rbac.authorization.k8s.io"']],
    ["rejects unknown subject kinds", { roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "Robot", name: "r2" }] }, ['subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']],
    ["forbids an apiGroup on service accounts", { roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "ServiceAccount", name: "sa", apiGroup: "rbac.authorization.k8s.io" }] }, ['subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""']],
    ["requires subject names", { roleRef: { kind: "Role", name: "r" }, subjects: [{ kind: "User" }] }, ["subjects[0].name: Required value", 'subjects[0].name: Invalid value: "": user name cannot be empty']],
  ])("%s", (_n, fields, expected) => {
    expect(errors(rb(fields))).toEqual(expected);
  });

  test("makes roleRef immutable", () => {
    const old = rb({ roleRef: { kind: "Role", name: "pod-reader" } });
    expect(errors(rb({ roleRef: { kind: "ClusterRole", name: "view" } }), old)).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"view"}: cannot change roleRef',
    ]);
  });
});

describe("RoleBinding printer", () => {
  test("prints the role and the subjects by kind", () => {
    expect(roleBinding.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0],
      ["Role", 0],
      ["Age", 0],
      ["Users", 1],
      ["Groups", 1],
      ["ServiceAccounts", 1],
    ]);
    const o = rb({
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [
        { kind: "User", name: "jane" },
        { kind: "User", name: "bob" },
        { kind: "Group", name: "devs" },
        { kind: "ServiceAccount", name: "default", namespace: "ci" },
      ],
    });
    expect(roleBinding.printRow(o, { nowMs: NOW })).toEqual(["read-pods", "ClusterRole/view", "5m", "jane, bob", "devs", "ci/default"]);
  });
});
