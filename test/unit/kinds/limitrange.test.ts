import { describe, expect, test } from "vitest";
import { limitRange, type LimitRange, type LimitRangeItem } from "../../../src/engine/kinds/core/limitrange";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const mk = (limits: LimitRangeItem[]): LimitRange => ({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits", namespace: "default", creationTimestamp: "2024-04-30T08:15:00Z" }, spec: { limits } });
const errors = (lr: LimitRange) => limitRange.validate!(lr, { nowMs: NOW }).map(fieldErrorString);

describe("LimitRange defaulting", () => {
  test("a Container limit defaults default from max and defaultRequest from default", () => {
    const lr = mk([{ type: "Container", max: { cpu: "2", memory: "1Gi" }, min: { cpu: "100m" } }]);
    limitRange.applyDefaults!(lr, { nowMs: NOW });
    expect(lr.spec!.limits![0]).toEqual({
      type: "Container",
      max: { cpu: "2", memory: "1Gi" },
      min: { cpu: "100m" },
      default: { cpu: "2", memory: "1Gi" },
      defaultRequest: { cpu: "2", memory: "1Gi" },
    });
  });

  test("min fills defaultRequest when there is no default", () => {
    const lr = mk([{ type: "Container", min: { cpu: "100m" } }]);
    limitRange.applyDefaults!(lr, { nowMs: NOW });
    expect(lr.spec!.limits![0]).toEqual({ type: "Container", min: { cpu: "100m" }, defaultRequest: { cpu: "100m" } });
  });

  test("Pod limits are not defaulted", () => {
    const lr = mk([{ type: "Pod", max: { cpu: "2" } }]);
    limitRange.applyDefaults!(lr, { nowMs: NOW });
    expect(lr.spec!.limits![0]).toEqual({ type: "Pod", max: { cpu: "2" } });
  });
});

describe("LimitRange validation", () => {
  test.each<[string, LimitRangeItem[], string[]]>([
    ["a valid range", [{ type: "Container", max: { cpu: "2" }, min: { cpu: "100m" }, default: { cpu: "1" }, defaultRequest: { cpu: "500m" } }], []],
    [
      "min above max",
      [{ type: "Container", max: { cpu: "1" }, min: { cpu: "2" } }],
      ['spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"2", Format:"DecimalSI"}: min value 2 is greater than max value 1'],
    ],
    ["defaults on Pod limits", [{ type: "Pod", default: { cpu: "1" } }], ["spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'"]],
    ["an unknown type", [{ type: "Deployment", max: { cpu: "1" } }], ['spec.limits[0].type: Invalid value: "Deployment": must be a standard limit type or fully qualified']],
    ["a bad container resource", [{ type: "Container", max: { pods: "1" } }], ['spec.limits[0].max[pods]: Invalid value: "pods": must be a standard resource for containers']],
    ["a PVC limit without storage", [{ type: "PersistentVolumeClaim", max: { cpu: "1" } }], ["spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided"]],
    ["duplicate types", [{ type: "Container" }, { type: "Container" }], ['spec.limits[1].type: Duplicate value: "Container"']],
  ])("%s", (_, limits, expected) => {
    expect(errors(mk(limits))).toEqual(expected);
  });
});

describe("LimitRange printer", () => {
  test("uses the default table: NAME and CREATED AT in RFC 3339", () => {
    expect(limitRange.columns.map((c) => [c.name, c.type])).toEqual([["Name", "string"], ["Created At", "date"]]);
    expect(limitRange.printRow(mk([]), { nowMs: NOW })).toEqual(["limits", "2024-04-30T08:15:00Z"]);
  });
});
