import { describe, expect, test } from "vitest";
import { role, type Role } from "../../../src/engine/kinds/rbac/role";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const r = (rules: Role["rules"]): Role => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader", namespace: "default", creationTimestamp: "2024-05-01T10:00:00Z" }, rules });
const errors = (o: Role) => role.validate!(o, { nowMs: NOW }).map(fieldErrorString);

describe("Role", () => {
  test("is namespaced with path-segment names", () => {
    expect([role.plural, role.namespaced, role.nameValidation]).toEqual(["roles", true, "path-segment"]);
  });

  test.each<[string, Role["rules"], string[]]>([
    ["accepts a resource rule", [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }], []],
    ["requires verbs", [{ apiGroups: [""], resources: ["pods"] }], ["rules[0].verbs: Required value: verbs must contain at least one value"]],
    ["requires api groups", [{ resources: ["pods"], verbs: ["get"] }], ["rules[0].apiGroups: Required value: resource rules must supply at least one api group"]],
    ["requires resources", [{ apiGroups: [""], verbs: ["get"] }], ["rules[0].resources: Required value: resource rules must supply at least one resource"]],
    [
      "rejects resource names over several resources",
      [{ apiGroups: [""], resources: ["pods", "services"], resourceNames: ["a"], verbs: ["get"] }],
      ["rules[0].resourceNames: Required value: resource names cannot apply to multiple resources"],
    ],
    ["rejects non-resource URLs in a namespaced role", [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }], ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']],
  ])("%s", (_n, rules, expected) => {
    expect(errors(r(rules))).toEqual(expected);
  });

  test("prints NAME and CREATED AT like the default table", () => {
    expect(role.columns.map((c) => [c.name, c.type])).toEqual([
      ["Name", "string"],
      ["Created At", "date"],
    ]);
    expect(role.printRow(r([]), { nowMs: NOW })).toEqual(["pod-reader", "2024-05-01T10:00:00Z"]);
  });
});
