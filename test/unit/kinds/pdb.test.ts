import { describe, expect, it } from "vitest";
import { z } from "zod";
import { podDisruptionBudget } from "../../../src/engine/kinds/policy/pdb";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { kindSchemaOf } from "../../../src/engine/apiserver/schemas";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function pdb(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: "web-pdb", namespace: "default", creationTimestamp: "2025-01-01T11:59:55Z" },
    spec: { selector: { matchLabels: { app: "web" } }, ...spec },
  };
}

function created(obj: KubeObject): KubeObject {
  podDisruptionBudget.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  podDisruptionBudget.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject) => podDisruptionBudget.validate!(obj, { nowMs: NOW }).map(fieldErrorString);

describe("PodDisruptionBudget", () => {
  it("starts with the zero counters a real server prints", () => {
    expect(created(pdb({ minAvailable: 1 })).status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts minAvailable", { minAvailable: 2 }, []],
    ["accepts maxUnavailable as a percentage", { maxUnavailable: "50%" }, []],
    [
      "rejects minAvailable together with maxUnavailable",
      { minAvailable: 2, maxUnavailable: 1 },
      [
        "spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0xc0005a3e60), Selector:(*v1.LabelSelector)(0xc0005a3e80), MaxUnavailable:(*intstr.IntOrString)(0xc0005a3e40), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set",
      ],
    ],
    ["rejects a negative minAvailable", { minAvailable: -1 }, ["spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"]],
    ["rejects more than 100%", { maxUnavailable: "120%" }, ['spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%']],
    [
      "rejects an unknown eviction policy",
      { minAvailable: 1, unhealthyPodEvictionPolicy: "Never" },
      ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"'],
    ],
  ];
  for (const [name, spec, want] of cases) it(name, () => expect(errors(created(pdb(spec)))).toEqual(want));

  it("prints MIN AVAILABLE, MAX UNAVAILABLE with N/A, and allowed disruptions", () => {
    expect(podDisruptionBudget.columns.map((c) => c.name)).toEqual(["Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age"]);
    const p = created(pdb({ minAvailable: 2 }));
    p.status!.disruptionsAllowed = 1;
    expect(podDisruptionBudget.printRow(p, { nowMs: NOW })).toEqual(["web-pdb", "2", "N/A", 1, "5s"]);
    expect(podDisruptionBudget.printRow(created(pdb({ maxUnavailable: "25%" })), { nowMs: NOW }).slice(1, 3)).toEqual(["N/A", "25%"]);
  });

  it("is pdb, not in all, and replaces its selector on strategic merge", () => {
    expect(podDisruptionBudget.shortNames).toEqual(["pdb"]);
    expect(podDisruptionBudget.categories).toBeUndefined();
    expect(() => z.toJSONSchema(podDisruptionBudget.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
    const spec = kindSchemaOf(podDisruptionBudget).definitions["io.k8s.api.policy.v1.PodDisruptionBudgetSpec"];
    expect(spec.properties!.selector["x-kubernetes-patch-strategy"]).toBe("replace");
  });
});
