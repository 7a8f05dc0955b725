import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatHpaMetrics, horizontalPodAutoscalerV1, horizontalPodAutoscalerV2, hpaV1ToV2, hpaV2ToV1 } from "../../../src/engine/kinds/autoscaling/hpa";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function v2(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "web", namespace: "default", creationTimestamp: "2025-01-01T11:00:00Z" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 10, ...spec },
  };
}

function v1(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "autoscaling/v1",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "web", namespace: "default", creationTimestamp: "2025-01-01T11:00:00Z" },
    spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 10, ...spec },
  };
}

function createdV2(obj: KubeObject): KubeObject {
  horizontalPodAutoscalerV2.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  horizontalPodAutoscalerV2.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errorsV2 = (obj: KubeObject, old?: KubeObject) => horizontalPodAutoscalerV2.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

const cpu = (u: number) => ({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: u } } });
const memory = { type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "500Mi" } } };

describe("HPA autoscaling/v2 defaults", () => {
  it("defaults minReplicas and an 80% CPU metric, and leaves behavior unset", () => {
    const h = createdV2(v2());
    expect(h.spec.minReplicas).toBe(1);
    expect(h.spec.metrics).toEqual([cpu(80)]);
    expect(h.spec.behavior).toBeUndefined();
    expect(h.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
  });

  it("fills both scaling rules once behavior is given", () => {
    const h = createdV2(v2({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }));
    expect(h.spec.behavior).toEqual({
      scaleUp: {
        policies: [
          { type: "Pods", value: 4, periodSeconds: 15 },
          { type: "Percent", value: 100, periodSeconds: 15 },
        ],
        selectPolicy: "Max",
        stabilizationWindowSeconds: 0,
      },
      scaleDown: { policies: [{ type: "Percent", value: 100, periodSeconds: 15 }], selectPolicy: "Max", stabilizationWindowSeconds: 60 },
    });
  });
});

describe("HPA validation", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts a valid autoscaler", { metrics: [cpu(50)] }, []],
    ["rejects maxReplicas 0", { maxReplicas: 0 }, ["spec.maxReplicas: Invalid value: 0: must be greater than 0", "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`"]],
    ["rejects minReplicas above maxReplicas", { minReplicas: 5, maxReplicas: 3 }, ["spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`"]],
    [
      "rejects minReplicas 0 (HPAScaleToZero is off)",
      { minReplicas: 0 },
      ["spec.minReplicas: Invalid value: 0: must be greater than or equal to 1", "spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas"],
    ],
    ["rejects a zero utilization", { metrics: [cpu(0)] }, ["spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0"]],
    [
      "rejects a resource metric without a target",
      { metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization" } } }] },
      ["spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization"],
    ],
    [
      "rejects a metric whose source does not match its type (one source present is not reported as extra)",
      { metrics: [{ type: "Pods", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
      ["spec.metrics[0].pods: Required value: must populate information for the given metric source"],
    ],
    [
      "rejects an unknown metric type",
      { metrics: [{ type: "Magic" }] },
      ['spec.metrics[0].type: Unsupported value: "Magic": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"', 'spec.metrics[0].type: Unsupported value: "Magic": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"'],
    ],
    [
      "rejects a behavior policy with a bad period",
      { behavior: { scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 4000 }] } } },
      ["spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 4000: must be less than or equal to 1800"],
    ],
  ];
  for (const [name, spec, want] of cases) it(name, () => expect(errorsV2(createdV2(v2(spec)))).toEqual(want));

  it("requires the scale target", () => {
    const h = createdV2(v2());
    h.spec.scaleTargetRef = {};
    expect(errorsV2(h)).toEqual(["spec.scaleTargetRef.kind: Required value", "spec.scaleTargetRef.name: Required value"]);
  });

  it("validates a v1 object in its internal (v2) shape", () => {
    const h = v1({ targetCPUUtilizationPercentage: 0 });
    horizontalPodAutoscalerV1.applyDefaults!(h, { nowMs: NOW });
    expect(horizontalPodAutoscalerV1.validate!(h, { nowMs: NOW }).map(fieldErrorString)).toEqual([
      "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
    ]);
  });
});

describe("HPA conversion between autoscaling/v1 and autoscaling/v2", () => {
  it("maps the CPU utilization target both ways", () => {
    const stored = hpaV1ToV2(v1({ minReplicas: 2, targetCPUUtilizationPercentage: 60 }));
    expect(stored.apiVersion).toBe("autoscaling/v2");
    expect(stored.spec).toEqual({ scaleTargetRef: { kind: "Deployment", name: "web", apiVersion: "apps/v1" }, minReplicas: 2, maxReplicas: 10, metrics: [cpu(60)] });
    const back = hpaV2ToV1(stored);
    expect(back.spec).toEqual({ scaleTargetRef: { kind: "Deployment", name: "web", apiVersion: "apps/v1" }, minReplicas: 2, maxReplicas: 10, targetCPUUtilizationPercentage: 60 });
    expect(back.metadata.annotations).toBeUndefined();
  });

  it("makes v1's implicit 80% CPU explicit", () => {
    expect(hpaV1ToV2(v1()).spec.metrics).toEqual([cpu(80)]);
  });

  it("keeps v2-only fields in autoscaling.alpha.kubernetes.io annotations on the v1 side", () => {
    const h = createdV2(v2({ metrics: [memory, cpu(70)], behavior: { scaleDown: { stabilizationWindowSeconds: 120 } } }));
    h.status = {
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12, averageValue: "30m" } } }],
      conditions: [{ type: "AbleToScale", status: "True", lastTransitionTime: "2025-01-01T11:01:00Z", reason: "ReadyForNewScale", message: "ok" }],
    };
    const out = hpaV2ToV1(h);
    expect(out.spec.targetCPUUtilizationPercentage).toBe(70);
    expect(out.status).toEqual({ currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 });
    expect(out.metadata.annotations).toEqual({
      "autoscaling.alpha.kubernetes.io/metrics": '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"500Mi"}}]',
      "autoscaling.alpha.kubernetes.io/current-metrics": '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"30m"}}]',
      "autoscaling.alpha.kubernetes.io/conditions": '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T11:01:00Z","reason":"ReadyForNewScale","message":"ok"}]',
      "autoscaling.alpha.kubernetes.io/behavior":
        '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15},{"Type":"Percent","Value":100,"PeriodSeconds":15}]},"ScaleDown":{"StabilizationWindowSeconds":120,"SelectPolicy":"Max","Policies":[{"Type":"Percent","Value":100,"PeriodSeconds":15}]}}',
    });
    // ...and a v1 client writing it back loses nothing.
    const again = hpaV1ToV2(out);
    expect(again.spec.metrics).toEqual([memory, cpu(70)]);
    expect(again.spec.behavior).toEqual(h.spec.behavior);
    expect(again.status.conditions).toEqual(h.status.conditions);
    expect(again.status.currentMetrics[0].resource.current).toEqual({ averageValue: "30m", averageUtilization: 12 });
    expect(again.metadata.annotations).toBeUndefined();
  });

  it("shows a fresh v1 status with both replica counts", () => {
    const h = v1();
    horizontalPodAutoscalerV1.applyDefaults!(h, { nowMs: NOW });
    horizontalPodAutoscalerV1.prepareForCreate!(h, undefined as never);
    const stored = hpaV1ToV2(h);
    expect(stored.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
    expect(hpaV2ToV1(stored).status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
  });

  it("declares v2 as the storage version for both", () => {
    expect(horizontalPodAutoscalerV1.conversion?.storageVersion).toBe("v2");
    expect(horizontalPodAutoscalerV2.conversion?.storageVersion).toBe("v2");
  });
});

describe("HPA printer", () => {
  it("has the 1.32 columns", () => {
    expect(horizontalPodAutoscalerV2.columns.map((c) => c.name)).toEqual(["Name", "Reference", "Targets", "MinPods", "MaxPods", "Replicas", "Age"]);
  });

  it("prints cpu: <unknown>/80% before metrics arrive", () => {
    expect(horizontalPodAutoscalerV2.printRow(createdV2(v2()), { nowMs: NOW })).toEqual(["web", "Deployment/web", "cpu: <unknown>/80%", "1", 10, 0, "60m"]);
  });

  const targets: Array<[string, unknown[], unknown[] | undefined, string]> = [
    ["current utilization", [cpu(80)], [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 12 } } }], "cpu: 12%/80%"],
    ["average value targets", [memory], [{ type: "Resource", resource: { name: "memory", current: { averageValue: "300Mi" } } }], "memory: 300Mi/500Mi"],
    ["pods metrics", [{ type: "Pods", pods: { metric: { name: "rps" }, target: { type: "AverageValue", averageValue: "10" } } }], undefined, "<unknown>/10"],
    [
      "object metrics with an average",
      [{ type: "Object", object: { metric: { name: "hits" }, describedObject: { kind: "Ingress", name: "i" }, target: { type: "AverageValue", averageValue: "2" } } }],
      undefined,
      "<unknown>/2 (avg)",
    ],
    ["more than two metrics", [cpu(80), memory, cpu(90)], undefined, "cpu: <unknown>/80%, memory: <unknown>/500Mi + 1 more..."],
    ["no metrics", [], undefined, "<none>"],
  ];
  for (const [name, specs, statuses, want] of targets) {
    it(`formats ${name}`, () => expect(formatHpaMetrics(specs as never, statuses as never)).toBe(want));
  }

  it("prints a v1 object the same way", () => {
    const h = v1({ targetCPUUtilizationPercentage: 50 });
    horizontalPodAutoscalerV1.applyDefaults!(h, { nowMs: NOW });
    expect(horizontalPodAutoscalerV1.printRow(h, { nowMs: NOW }).slice(1, 4)).toEqual(["Deployment/web", "cpu: <unknown>/50%", "1"]);
  });
});

describe("HPA registration", () => {
  it("is hpa, in all, with status, in both versions, and the schemas convert", () => {
    for (const def of [horizontalPodAutoscalerV2, horizontalPodAutoscalerV1]) {
      expect(def.plural).toBe("horizontalpodautoscalers");
      expect(def.shortNames).toEqual(["hpa"]);
      expect(def.categories).toEqual(["all"]);
      expect(def.statusSubresource).toBe(true);
      expect(() => z.toJSONSchema(def.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
    }
  });
});
