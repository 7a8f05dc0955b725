import { describe, expect, test } from "vitest";
import { lease, type Lease } from "../../../src/engine/kinds/coordination/lease";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const l = (spec: Lease["spec"]): Lease => ({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "kube-scheduler", namespace: "kube-system", creationTimestamp: "2024-05-01T10:00:00Z" }, spec });

describe("Lease", () => {
  test.each<[string, Lease["spec"], string[]]>([
    ["accepts a held lease", { holderIdentity: "node-1", leaseDurationSeconds: 15 }, []],
    ["rejects a non-positive duration", { leaseDurationSeconds: 0 }, ["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]],
    ["rejects negative transitions", { leaseTransitions: -1 }, ["spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0"]],
  ])("%s", (_n, spec, expected) => {
    expect(lease.validate!(l(spec), { nowMs: NOW }).map(fieldErrorString)).toEqual(expected);
  });

  test("drops the alpha coordinated-election fields on create", () => {
    const o = l({ holderIdentity: "a", strategy: "OldestEmulationVersion", preferredHolder: "b" });
    lease.prepareForCreate!(o, undefined as never);
    expect(o.spec).toEqual({ holderIdentity: "a" });
  });

  test.each<[string, Lease["spec"], string]>([
    ["prints the holder", { holderIdentity: "kind-control-plane_1234" }, "kind-control-plane_1234"],
    ["prints an empty holder", {}, ""],
  ])("%s", (_n, spec, holder) => {
    expect(lease.columns.map((c) => c.name)).toEqual(["Name", "Holder", "Age"]);
    expect(lease.printRow(l(spec), { nowMs: NOW })).toEqual(["kube-scheduler", holder, "120m"]);
  });
});
