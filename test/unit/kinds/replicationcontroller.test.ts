import { describe, expect, test } from "vitest";
import { replicationController, type ReplicationController } from "../../../src/engine/kinds/core/replicationcontroller";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

function rc(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): ReplicationController {
  return { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "web", namespace: "default", ...meta }, spec: spec as ReplicationController["spec"] };
}
const template = (labels: Record<string, string> | undefined, extra: Record<string, unknown> = {}) => ({
  metadata: labels ? { labels } : {},
  spec: { containers: [{ name: "nginx", image: "nginx:1.27" }], ...extra },
});

function validate(o: ReplicationController): string[] {
  replicationController.applyDefaults!(o, { nowMs: NOW });
  return replicationController.validate!(o, { nowMs: NOW }).map(fieldErrorString);
}

describe("ReplicationController defaults", () => {
  test("defaults selector, labels and replicas from the template", () => {
    const o = rc({ template: template({ app: "web" }) });
    replicationController.applyDefaults!(o, { nowMs: NOW });
    expect(o.spec!.selector).toEqual({ app: "web" });
    expect(o.metadata.labels).toEqual({ app: "web" });
    expect(o.spec!.replicas).toBe(1);
    expect(o.spec!.template!.metadata!.creationTimestamp).toBeNull();
    expect(o.spec!.template!.spec!.restartPolicy).toBe("Always");
    expect(o.spec!.template!.spec!.containers![0].imagePullPolicy).toBe("IfNotPresent");
    expect(o.spec!.template!.spec!.enableServiceLinks).toBeUndefined();
  });

  test("starts with status replicas 0", () => {
    const o = rc({ template: template({ app: "web" }) });
    replicationController.prepareForCreate!(o, undefined as never);
    expect(o.status).toEqual({ replicas: 0 });
  });
});

describe("ReplicationController validation", () => {
  const cases: Array<[string, ReplicationController, string[]]> = [
    ["accepts a valid controller", rc({ replicas: 3, template: template({ app: "web" }) }), []],
    [
      "requires the selector to match the template labels",
      rc({ selector: { app: "api" }, template: template({ app: "web" }) }),
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    ["requires a selector", rc({ template: template(undefined) }), ["spec.selector: Required value"]],
    ["requires a template", rc({ selector: { app: "web" } }), ["spec.template: Required value"]],
    [
      "only allows restartPolicy Always",
      rc({ template: template({ app: "web" }, { restartPolicy: "Never" }) }),
      ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ],
    [
      "validates the pod template",
      rc({ template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx" }] } } }),
      ["spec.template.spec.containers[0].image: Required value"],
    ],
    ["rejects negative replicas", rc({ replicas: -1, template: template({ app: "web" }) }), ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
  ];
  test.each(cases)("%s", (_n, o, expected) => expect(validate(o)).toEqual(expected));

  test("checks status counters on status writes", () => {
    const o = rc({ template: template({ app: "web" }) });
    o.status = { replicas: 1, readyReplicas: 2 };
    expect(replicationController.validate!(o, { nowMs: NOW, subresource: "status" }).map(fieldErrorString)).toEqual([
      "status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas",
    ]);
  });
});

describe("ReplicationController printer", () => {
  test("prints desired, current, ready and wide columns", () => {
    const o = rc({ replicas: 3, selector: { app: "web", tier: "fe" }, template: template({ app: "web", tier: "fe" }) }, { creationTimestamp: "2025-01-10T11:00:00Z" });
    o.status = { replicas: 3, readyReplicas: 2 };
    expect(replicationController.printRow(o, { nowMs: NOW })).toEqual(["web", 3, 3, 2, "60m", "nginx", "nginx:1.27", "app=web,tier=fe"]);
    expect(replicationController.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0", "Desired:0", "Current:0", "Ready:0", "Age:0", "Containers:1", "Images:1", "Selector:1",
    ]);
  });

  test("selects on status.replicas", () => {
    const o = rc({});
    o.status = { replicas: 2 };
    expect(replicationController.fieldSelectors!["status.replicas"](o)).toBe("2");
  });
});
