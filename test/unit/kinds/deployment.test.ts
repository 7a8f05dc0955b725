import { describe, expect, it } from "vitest";
import { deployment } from "../../../src/engine/kinds/apps/deployment";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { kindSchemaOf } from "../../../src/engine/apiserver/schemas";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function deploy(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", ...meta },
    spec: {
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } },
      ...spec,
    },
  };
}

/** Defaults, the API server's create bookkeeping, prepareForCreate. */
function created(obj: KubeObject): KubeObject {
  deployment.applyDefaults!(obj, { nowMs: NOW });
  obj.metadata.uid = "uid-1";
  obj.metadata.creationTimestamp = "2025-01-01T11:00:00Z";
  obj.metadata.generation = 1;
  delete obj.status;
  deployment.prepareForCreate!(obj, undefined as never);
  return obj;
}

function errors(obj: KubeObject, old?: KubeObject): string[] {
  return deployment.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);
}

describe("Deployment defaults", () => {
  it("fills replicas, strategy, history and deadline like SetDefaults_Deployment", () => {
    const d = created(deploy());
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.strategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.status).toEqual({});
  });

  it("defaults the pod template and prints creationTimestamp: null in its metadata", () => {
    const d = created(deploy());
    expect(d.spec.template.metadata.creationTimestamp).toBeNull();
    expect(d.spec.template.spec.restartPolicy).toBe("Always");
    expect(d.spec.template.spec.containers[0].imagePullPolicy).toBe("Always");
  });

  it("keeps explicit values and adds no rollingUpdate for Recreate", () => {
    const d = created(deploy({ replicas: 0, strategy: { type: "Recreate" } }));
    expect(d.spec.replicas).toBe(0);
    expect(d.spec.strategy).toEqual({ type: "Recreate" });
  });

  it("fills only the missing half of a rollingUpdate", () => {
    const d = created(deploy({ strategy: { rollingUpdate: { maxSurge: 1 } } }));
    expect(d.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: "25%" });
  });
});

describe("Deployment validation", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts a well-formed deployment", {}, []],
    [
      "requires a selector and then reports the template labels",
      { selector: undefined },
      ["spec.selector: Required value", 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    [
      "rejects an empty selector",
      { selector: { matchLabels: {} } },
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment"],
    ],
    [
      "rejects a selector that does not match the template labels",
      { selector: { matchLabels: { app: "other" } } },
      ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    ],
    ["rejects negative replicas", { replicas: -1 }, ["spec.replicas: Invalid value: -1: must be greater than or equal to 0"]],
    [
      "rejects both maxUnavailable and maxSurge being 0",
      { strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    ],
    [
      "rejects a bad percentage",
      { strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "x%", maxSurge: 1 } } },
      [
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"x%\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      ],
    ],
    [
      "rejects more than 100% unavailable",
      { strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "150%", maxSurge: 1 } } },
      ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'],
    ],
    [
      "rejects rollingUpdate with the Recreate strategy",
      { strategy: { type: "Recreate", rollingUpdate: { maxSurge: 1 } } },
      ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"],
    ],
    [
      "rejects an unknown strategy type",
      { strategy: { type: "BlueGreen" } },
      ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"'],
    ],
    [
      "rejects a progress deadline not above minReadySeconds",
      { minReadySeconds: 700 },
      ["spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds"],
    ],
  ];
  for (const [name, spec, want] of cases) {
    it(name, () => {
      const d = deploy(spec);
      if ("selector" in spec && spec.selector === undefined) delete d.spec.selector;
      expect(errors(created(d))).toEqual(want);
    });
  }

  it("requires restartPolicy Always in the template", () => {
    const d = deploy();
    d.spec.template.spec.restartPolicy = "Never";
    expect(errors(created(d))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it("reports an invalid container in the template through the pod validation", () => {
    const d = deploy();
    d.spec.template.spec.containers = [{ name: "nginx" }];
    expect(errors(created(d))).toContain("spec.template.spec.containers[0].image: Required value");
  });

  it("makes the selector immutable on update", () => {
    const old = created(deploy());
    const d = created(deploy({ selector: { matchLabels: { app: "web", tier: "x" } } }));
    d.spec.template.metadata.labels.tier = "x";
    expect(errors(d, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it("allows an update that keeps the selector", () => {
    const old = created(deploy());
    expect(errors(created(deploy({ replicas: 3 })), old)).toEqual([]);
  });
});

describe("Deployment strategy on update", () => {
  it("bumps the generation when only the annotations change", () => {
    const old = created(deploy());
    const d = created(deploy({}, { annotations: { note: "x" } }));
    d.metadata.generation = 1;
    deployment.prepareForUpdate!(d, old, undefined as never);
    expect(d.metadata.generation).toBe(2);
  });
});

describe("Deployment printer", () => {
  it("has the 1.32 columns", () => {
    expect(deployment.columns.map((c) => [c.name, c.priority])).toEqual([
      ["Name", 0],
      ["Ready", 0],
      ["Up-to-date", 0],
      ["Available", 0],
      ["Age", 0],
      ["Containers", 1],
      ["Images", 1],
      ["Selector", 1],
    ]);
  });

  it("prints ready/desired, counts, age, containers and the selector", () => {
    const d = created(deploy({ replicas: 3 }));
    d.spec.template.spec.containers.push({ name: "sidecar", image: "busybox" });
    d.status = { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 };
    expect(deployment.printRow(d, { nowMs: NOW })).toEqual(["web", "2/3", 3, 2, "60m", "nginx,sidecar", "nginx,busybox", "app=web"]);
  });

  it("prints zeros for a fresh deployment", () => {
    const d = created(deploy());
    expect(deployment.printRow(d, { nowMs: NOW }).slice(0, 4)).toEqual(["web", "0/1", 0, 0]);
  });
});

describe("Deployment registration", () => {
  it("is deploy, in all, with status and scale subresources", () => {
    expect(deployment.shortNames).toEqual(["deploy"]);
    expect(deployment.categories).toEqual(["all"]);
    expect(deployment.statusSubresource).toBe(true);
    expect(deployment.tracksGeneration).toBe(true);
    expect(deployment.scaleSubresource).toEqual({ specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas" });
  });

  it("tags spec.strategy with retainKeys, so applying Recreate drops the old rollingUpdate", () => {
    const spec = kindSchemaOf(deployment).definitions["io.k8s.api.apps.v1.DeploymentSpec"];
    expect(spec.properties!.strategy["x-kubernetes-patch-strategy"]).toBe("retainKeys");
  });
});
