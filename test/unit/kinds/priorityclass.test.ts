import { describe, expect, test } from "vitest";
import { priorityClass, type PriorityClass } from "../../../src/engine/kinds/scheduling/priorityclass";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const pc = (fields: Partial<PriorityClass>, name = "high-priority"): PriorityClass => ({
  apiVersion: "scheduling.k8s.io/v1",
  kind: "PriorityClass",
  metadata: { name, creationTimestamp: "2024-05-01T11:00:00Z" },
  ...fields,
});
const defaulted = (o: PriorityClass) => {
  priorityClass.applyDefaults!(o, { nowMs: NOW });
  return o;
};
const errors = (o: PriorityClass, old?: PriorityClass) => priorityClass.validate!(defaulted(o), { nowMs: NOW, old: old && defaulted(old) }).map(fieldErrorString);

describe("PriorityClass", () => {
  test("is cluster-scoped priorityclasses (pc)", () => {
    expect([priorityClass.plural, priorityClass.shortNames, priorityClass.namespaced]).toEqual(["priorityclasses", ["pc"], false]);
  });

  test("defaults preemptionPolicy to PreemptLowerPriority and value to 0", () => {
    expect(defaulted(pc({}))).toMatchObject({ value: 0, preemptionPolicy: "PreemptLowerPriority" });
  });

  test.each<[string, Partial<PriorityClass>, string, string[]]>([
    ["accepts a user priority", { value: 1000000 }, "high-priority", []],
    ["caps user-defined values", { value: 1000000001 }, "high-priority", ["value: Forbidden: maximum allowed value of a user defined priority is 1000000000"]],
    [
      "reserves the system- prefix",
      { value: 10 },
      "system-mine",
      ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"],
    ],
    ["accepts the built-in system classes", { value: 2000001000 }, "system-node-critical", []],
    ["rejects unknown preemption policies", { value: 1, preemptionPolicy: "Always" }, "high-priority", ['preemptionPolicy: Unsupported value: "Always": supported values: "PreemptLowerPriority", "Never"']],
  ])("%s", (_n, fields, name, expected) => {
    expect(errors(pc(fields, name))).toEqual(expected);
  });

  test("forbids changing value and preemptionPolicy", () => {
    expect(errors(pc({ value: 2, preemptionPolicy: "Never" }), pc({ value: 1 }))).toEqual([
      "value: Forbidden: may not be changed in an update.",
      'preemptionPolicy: Invalid value: "Never": field is immutable',
    ]);
  });

  test("prints VALUE, GLOBAL-DEFAULT, AGE and PREEMPTIONPOLICY", () => {
    expect(priorityClass.columns.map((c) => c.name)).toEqual(["Name", "Value", "Global-Default", "Age", "PreemptionPolicy"]);
    expect(priorityClass.printRow(defaulted(pc({ value: 1000, globalDefault: true })), { nowMs: NOW })).toEqual(["high-priority", 1000, true, "60m", "PreemptLowerPriority"]);
  });
});
