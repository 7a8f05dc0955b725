import { describe, expect, test } from "vitest";
import { clusterRole, type ClusterRole } from "../../../src/engine/kinds/rbac/clusterrole";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const cr = (fields: Partial<ClusterRole>): ClusterRole => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "view-things", creationTimestamp: "2024-05-01T10:00:00.5Z" }, ...fields });
const errors = (o: ClusterRole) => clusterRole.validate!(o, { nowMs: NOW }).map(fieldErrorString);

describe("ClusterRole", () => {
  test("is cluster-scoped with path-segment names", () => {
    expect([clusterRole.plural, clusterRole.namespaced, clusterRole.nameValidation]).toEqual(["clusterroles", false, "path-segment"]);
  });

  test.each<[string, Partial<ClusterRole>, string[]]>([
    ["allows non-resource URLs", { rules: [{ nonResourceURLs: ["/healthz", "/metrics"], verbs: ["get"] }] }, []],
    [
      "forbids mixing resources and non-resource URLs",
      { rules: [{ nonResourceURLs: ["/healthz"], resources: ["pods"], verbs: ["get"] }] },
      ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs'],
    ],
    ["accepts an aggregation rule", { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.example.com/aggregate-to-monitoring": "true" } }] } }, []],
    ["requires a selector in an aggregation rule", { aggregationRule: {} }, ["aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil"]],
    [
      "validates aggregation selectors",
      { aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: "a", operator: "In" }] }] } },
      [
        "aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'aggregationRule.clusterRoleSelectors[0]: Invalid value: "null": invalid label selector.',
      ],
    ],
  ])("%s", (_n, fields, expected) => {
    expect(errors(cr(fields))).toEqual(expected);
  });

  test("prints the creation time in RFC 3339", () => {
    expect(clusterRole.printRow(cr({}), { nowMs: NOW })).toEqual(["view-things", "2024-05-01T10:00:00Z"]);
  });
});
