import { describe, expect, it } from "vitest";
import { controllerRevision } from "../../../src/engine/kinds/apps/controllerrevision";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function cr(extra: Record<string, unknown> = {}, owner = true): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ControllerRevision",
    metadata: {
      name: "agent-6b8d9",
      namespace: "kube-system",
      creationTimestamp: "2025-01-01T11:59:30Z",
      ownerReferences: owner ? [{ apiVersion: "apps/v1", kind: "DaemonSet", name: "agent", uid: "u1", controller: true }] : [],
    },
    data: { spec: { template: {} } },
    revision: 2,
    ...extra,
  };
}

describe("ControllerRevision", () => {
  it("prints the controller as kind.group/name and the revision", () => {
    expect(controllerRevision.columns.map((c) => c.name)).toEqual(["Name", "Controller", "Revision", "Age"]);
    expect(controllerRevision.printRow(cr(), { nowMs: NOW })).toEqual(["agent-6b8d9", "daemonset.apps/agent", 2, "30s"]);
    expect(controllerRevision.printRow(cr({}, false), { nowMs: NOW })[1]).toBe("<none>");
  });

  it("requires data and a non-negative revision", () => {
    const c = cr({ revision: -1 });
    delete c.data;
    expect(controllerRevision.validate!(c, { nowMs: NOW }).map(fieldErrorString)).toEqual([
      "data: Required value: data is mandatory",
      "revision: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });

  it("makes data immutable", () => {
    const old = cr();
    const c = cr({ data: { spec: { template: { x: 1 } } } });
    expect(controllerRevision.validate!(c, { nowMs: NOW, old }).map((e) => e.field + ": " + e.detail)).toEqual(["data: field is immutable"]);
  });

  it("defaults revision to 0 (no omitempty)", () => {
    const c = cr();
    delete c.revision;
    controllerRevision.applyDefaults!(c, { nowMs: NOW });
    expect(c.revision).toBe(0);
  });
});
