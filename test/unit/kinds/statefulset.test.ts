import { describe, expect, it } from "vitest";
import { z } from "zod";
import { statefulSet } from "../../../src/engine/kinds/apps/statefulset";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function sts(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "db", namespace: "default", creationTimestamp: "2025-01-01T10:00:00Z" },
    spec: {
      serviceName: "db",
      selector: { matchLabels: { app: "db" } },
      template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "pg", image: "postgres:16" }] } },
      ...spec,
    },
  };
}

function created(obj: KubeObject): KubeObject {
  statefulSet.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  statefulSet.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject, old?: KubeObject) => statefulSet.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

describe("StatefulSet defaults", () => {
  it("fills the policies, rolling update partition, replicas and history limit", () => {
    const s = created(sts());
    expect(s.spec.podManagementPolicy).toBe("OrderedReady");
    expect(s.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { partition: 0 } });
    expect(s.spec.persistentVolumeClaimRetentionPolicy).toEqual({ whenDeleted: "Retain", whenScaled: "Retain" });
    expect(s.spec.replicas).toBe(1);
    expect(s.spec.revisionHistoryLimit).toBe(10);
    expect(s.status).toEqual({ availableReplicas: 0, replicas: 0 });
  });

  it("prints an unset serviceName as an empty string", () => {
    const s = sts();
    delete s.spec.serviceName;
    expect(created(s).spec.serviceName).toBe("");
  });

  it("defaults volumeClaimTemplates like a real server prints them", () => {
    const s = created(sts({ volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }] }));
    expect(s.spec.volumeClaimTemplates[0]).toEqual({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "data", creationTimestamp: null },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, volumeMode: "Filesystem" },
      status: { phase: "Pending" },
    });
  });

  it("does not add a rollingUpdate to OnDelete", () => {
    expect(created(sts({ updateStrategy: { type: "OnDelete" } })).spec.updateStrategy).toEqual({ type: "OnDelete" });
  });
});

describe("StatefulSet validation", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts a well-formed statefulset", {}, []],
    [
      "rejects an empty selector",
      { selector: { matchLabels: {} } },
      ["spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset"],
    ],
    [
      "rejects an unknown pod management policy",
      { podManagementPolicy: "Random" },
      ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"],
    ],
    [
      "rejects an unknown update strategy",
      { updateStrategy: { type: "Blue" } },
      ['spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:"Blue", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be \'RollingUpdate\' or \'OnDelete\''],
    ],
    [
      "rejects rollingUpdate with OnDelete",
      { updateStrategy: { type: "OnDelete", rollingUpdate: { partition: 0 } } },
      ["spec.updateStrategy.rollingUpdate: Invalid value: apps.RollingUpdateStatefulSetStrategy{Partition:0, MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for updateStrategy 'RollingUpdate'"],
    ],
    [
      "rejects a negative partition",
      { updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: -1 } } },
      ["spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0"],
    ],
    [
      "rejects an unknown retention policy",
      { persistentVolumeClaimRetentionPolicy: { whenDeleted: "Keep", whenScaled: "Retain" } },
      ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"'],
    ],
  ];
  for (const [name, spec, want] of cases) it(name, () => expect(errors(created(sts(spec)))).toEqual(want));

  it("requires restartPolicy Always", () => {
    const s = sts();
    s.spec.template.spec.restartPolicy = "OnFailure";
    expect(errors(created(s))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']);
  });

  it("reports bad template labels at spec.template.labels", () => {
    const s = sts({ selector: { matchLabels: { app: "db" } } });
    s.spec.template.metadata.labels["bad key!"] = "x";
    expect(errors(created(s))).toEqual([
      "spec.template.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
  });

  it("forbids updates to fields other than the mutable ones", () => {
    const old = created(sts());
    const s = created(sts({ serviceName: "other" }));
    expect(errors(s, old)).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });

  it("allows scaling, template changes and retention policy changes", () => {
    const old = created(sts());
    const s = created(sts({ replicas: 5, persistentVolumeClaimRetentionPolicy: { whenDeleted: "Delete", whenScaled: "Retain" } }));
    s.spec.template.spec.containers[0].image = "postgres:17";
    expect(errors(s, old)).toEqual([]);
  });
});

describe("StatefulSet printer and registration", () => {
  it("prints NAME READY AGE | CONTAINERS IMAGES", () => {
    const s = created(sts({ replicas: 3 }));
    s.status = { replicas: 3, readyReplicas: 2 };
    expect(statefulSet.columns.map((c) => c.name)).toEqual(["Name", "Ready", "Age", "Containers", "Images"]);
    expect(statefulSet.printRow(s, { nowMs: NOW })).toEqual(["db", "2/3", "120m", "pg", "postgres:16"]);
  });

  it("is sts, in all, named like a DNS label, and its schema converts", () => {
    expect(statefulSet.shortNames).toEqual(["sts"]);
    expect(statefulSet.categories).toEqual(["all"]);
    expect(statefulSet.nameValidation).toBe("label");
    expect(() => z.toJSONSchema(statefulSet.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
  });
});
