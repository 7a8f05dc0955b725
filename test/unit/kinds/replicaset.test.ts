import { describe, expect, it } from "vitest";
import { z } from "zod";
import { replicaSet } from "../../../src/engine/kinds/apps/replicaset";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function rs(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-5d4f", namespace: "default", creationTimestamp: "2025-01-01T11:59:00Z" },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
      ...spec,
    },
  };
}

function created(obj: KubeObject): KubeObject {
  replicaSet.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  replicaSet.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject, old?: KubeObject) => replicaSet.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

describe("ReplicaSet", () => {
  it("defaults replicas to 1 and shows status.replicas 0 on create", () => {
    const r = created(rs());
    expect(r.spec.replicas).toBe(1);
    expect(r.status).toEqual({ replicas: 0 });
    expect(r.spec.template.spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
  });

  it("says 'deployment' in the empty selector message, as the real server does", () => {
    expect(errors(created(rs({ selector: {} })))).toEqual([
      "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
    ]);
  });

  it("validates selector expressions", () => {
    const r = created(rs({ selector: { matchExpressions: [{ key: "app", operator: "In" }] } }));
    expect(errors(r)).toContain("spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'");
  });

  it("rejects an invalid selector operator as an invalid label selector", () => {
    const r = created(rs({ selector: { matchExpressions: [{ key: "app", operator: "Is", values: ["web"] }] } }));
    expect(errors(r)).toEqual([
      'spec.selector.matchExpressions[0].operator: Invalid value: "Is": not a valid selector operator',
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Is", Values:[]string{"web"}}}}: invalid label selector',
    ]);
  });

  it("keeps the selector immutable", () => {
    const old = created(rs());
    const r = created(rs({ selector: { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "Exists" }] } }));
    r.spec.template.metadata.labels.tier = "front";
    expect(errors(r, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"tier", Operator:"Exists", Values:[]string(nil)}}}: field is immutable',
    ]);
  });

  it("checks status counters on a status write", () => {
    const r = created(rs());
    r.status = { replicas: 1, readyReplicas: 2 };
    expect(replicaSet.validate!(r, { nowMs: NOW, old: r, subresource: "status" }).map(fieldErrorString)).toEqual([
      "status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas",
    ]);
  });

  it("prints DESIRED CURRENT READY AGE and the wide columns", () => {
    const r = created(rs({ replicas: 3 }));
    r.status = { replicas: 3, readyReplicas: 1 };
    expect(replicaSet.columns.map((c) => c.name)).toEqual(["Name", "Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector"]);
    expect(replicaSet.printRow(r, { nowMs: NOW })).toEqual(["web-5d4f", 3, 3, 1, "60s", "nginx", "nginx:1.27", "app=web"]);
  });

  it("supports the status.replicas field selector", () => {
    const r = created(rs());
    expect(replicaSet.fieldSelectors!["status.replicas"](r)).toBe("0");
  });

  it("is rs, in all, scalable, and its schema converts", () => {
    expect(replicaSet.shortNames).toEqual(["rs"]);
    expect(replicaSet.categories).toEqual(["all"]);
    expect(replicaSet.scaleSubresource?.specReplicasPath).toBe(".spec.replicas");
    expect(() => z.toJSONSchema(replicaSet.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
  });
});
