import { describe, expect, test } from "vitest";
import { binding, bindPod, type Binding } from "../../../src/engine/kinds/core/binding";
import type { Pod } from "../../../src/engine/kinds/core/pod";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const b = (target: Binding["target"], name = "web"): Binding => ({ apiVersion: "v1", kind: "Binding", metadata: { name, namespace: "default" }, target });
const pod = (nodeName?: string): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web", namespace: "default" },
  spec: { containers: [{ name: "web", image: "nginx" }], ...(nodeName ? { nodeName } : {}) },
  status: { phase: "Pending", qosClass: "BestEffort" },
});

describe("Binding", () => {
  test("is a create-only core resource", () => {
    expect([binding.plural, binding.namespaced, binding.verbs]).toEqual(["bindings", true, ["create"]]);
  });

  const cases: Array<[string, Binding["target"], string[]]> = [
    ["accepts a node target", { kind: "Node", name: "node01", apiVersion: "v1" }, []],
    ["accepts an empty kind", { name: "node01" }, []],
    ["requires a target name", { kind: "Node" }, ["target.name: Required value"]],
    ["only binds to nodes", { kind: "Pod", name: "x" }, ['target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>"']],
  ];
  test.each(cases)("%s", (_n, target, expected) => expect(binding.validate!(b(target), { nowMs: NOW }).map(fieldErrorString)).toEqual(expected));

  test("binds a pending pod to the node", () => {
    const out = bindPod(pod(), b({ kind: "Node", name: "node01" }), NOW);
    expect(out.spec!.nodeName).toBe("node01");
    expect(out.status!.conditions).toEqual([{ lastProbeTime: null, lastTransitionTime: "2025-01-10T12:00:00Z", status: "True", type: "PodScheduled" }]);
  });

  test("refuses to rebind an assigned pod", () => {
    expect(() => bindPod(pod("node02"), b({ name: "node01" }), NOW)).toThrowError('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node02"');
  });

  test("checks the URL name", () => {
    expect(() => bindPod(pod(), b({ name: "node01" }), NOW, "other")).toThrowError("name in URL does not match name in Binding object");
  });
});
