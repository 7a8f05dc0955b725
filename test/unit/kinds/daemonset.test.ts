import { describe, expect, it } from "vitest";
import { z } from "zod";
import { daemonSet } from "../../../src/engine/kinds/apps/daemonset";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function ds(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name: "agent", namespace: "kube-system", creationTimestamp: "2025-01-01T11:00:00Z" },
    spec: {
      selector: { matchLabels: { app: "agent" } },
      template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "agent", image: "agent:1" }] } },
      ...spec,
    },
  };
}

function created(obj: KubeObject): KubeObject {
  daemonSet.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  daemonSet.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject, old?: KubeObject) => daemonSet.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

describe("DaemonSet", () => {
  it("defaults a rolling update of one unavailable, no surge, and 10 revisions", () => {
    const d = created(ds());
    expect(d.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
  });

  it("records the template generation annotation and bumps it on template changes only", () => {
    const old = created(ds());
    expect(old.metadata.annotations).toEqual({ "deprecated.daemonset.template.generation": "1" });
    const same = created(ds());
    daemonSet.prepareForUpdate!(same, old, undefined as never);
    expect(same.metadata.annotations!["deprecated.daemonset.template.generation"]).toBe("1");
    const changed = created(ds());
    changed.spec.template.spec.containers[0].image = "agent:2";
    daemonSet.prepareForUpdate!(changed, old, undefined as never);
    expect(changed.metadata.annotations!["deprecated.daemonset.template.generation"]).toBe("2");
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts a well-formed daemonset", {}, []],
    [
      "does not require a selector but reports the template labels without one",
      { selector: undefined },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`'],
    ],
    [
      "rejects an empty selector",
      { selector: {} },
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset"],
    ],
    [
      "rejects surge together with unavailable",
      { updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } },
      ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero'],
    ],
    [
      "rejects both zero",
      { updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } },
      ["spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0"],
    ],
    [
      "rejects an unknown strategy",
      { updateStrategy: { type: "Fast" } },
      ['spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Fast", RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported values: "RollingUpdate", "OnDelete"'],
    ],
  ];
  for (const [name, spec, want] of cases) {
    it(name, () => {
      const d = ds(spec);
      if ("selector" in spec && spec.selector === undefined) delete d.spec.selector;
      expect(errors(created(d))).toEqual(want);
    });
  }

  it("keeps the selector immutable", () => {
    const old = created(ds());
    const d = created(ds({ selector: { matchLabels: { app: "agent", v: "2" } } }));
    d.spec.template.metadata.labels.v = "2";
    expect(errors(d, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"agent", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it("prints the counters, node selector and wide columns", () => {
    const d = created(ds());
    d.spec.template.spec.nodeSelector = { "kubernetes.io/os": "linux" };
    d.status = { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 };
    expect(daemonSet.columns.map((c) => c.name)).toEqual(["Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age", "Containers", "Images", "Selector"]);
    expect(daemonSet.printRow(d, { nowMs: NOW })).toEqual(["agent", 3, 3, 2, 3, 2, "kubernetes.io/os=linux", "60m", "agent", "agent:1", "app=agent"]);
    delete d.spec.template.spec.nodeSelector;
    expect(daemonSet.printRow(d, { nowMs: NOW })[6]).toBe("<none>");
  });

  it("is ds, in all, and its schema converts", () => {
    expect(daemonSet.shortNames).toEqual(["ds"]);
    expect(daemonSet.categories).toEqual(["all"]);
    expect(daemonSet.scaleSubresource).toBeUndefined();
    expect(() => z.toJSONSchema(daemonSet.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
  });
});
