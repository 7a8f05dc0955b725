import { describe, expect, test } from "vitest";
import { persistentVolumeClaim, type PersistentVolumeClaim } from "../../../src/engine/kinds/core/persistentvolumeclaim";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const storageClass = (name: string, isDefault: boolean, created: string): KubeObject => ({
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name, creationTimestamp: created, annotations: isDefault ? { "storageclass.kubernetes.io/is-default-class": "true" } : {} },
});
const ctxWith = (classes: KubeObject[]): AdmissionContext => ({
  nowMs: NOW,
  rng: new Rng("pvc"),
  list: (r) => (r === "storageclasses.storage.k8s.io" ? classes : []),
  get: () => undefined,
});
const mk = (spec: PersistentVolumeClaim["spec"]): PersistentVolumeClaim => ({
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: { name: "data", namespace: "default", creationTimestamp: "2024-05-01T11:59:00Z" },
  spec,
});
const errors = (p: PersistentVolumeClaim, old?: PersistentVolumeClaim) => persistentVolumeClaim.validate!(p, { nowMs: NOW, old }).map(fieldErrorString);

function create(p: PersistentVolumeClaim, classes: KubeObject[] = []) {
  persistentVolumeClaim.applyDefaults!(p, { nowMs: NOW });
  persistentVolumeClaim.prepareForCreate!(p, ctxWith(classes));
  return p;
}

describe("PersistentVolumeClaim create", () => {
  test("defaults volumeMode Filesystem and phase Pending", () => {
    const p = create(mk({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }));
    expect(p.spec!.volumeMode).toBe("Filesystem");
    expect(p.status).toEqual({ phase: "Pending" });
    expect(errors(p)).toEqual([]);
  });

  test("gets the default StorageClass, the newest when several are marked default", () => {
    const classes = [storageClass("standard", true, "2024-01-01T00:00:00Z"), storageClass("fast", true, "2024-02-01T00:00:00Z"), storageClass("slow", false, "2024-03-01T00:00:00Z")];
    expect(create(mk({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }), classes).spec!.storageClassName).toBe("fast");
    expect(create(mk({ accessModes: ["ReadWriteOnce"], storageClassName: "", resources: { requests: { storage: "1Gi" } } }), classes).spec!.storageClassName).toBe("");
    expect(create(mk({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } })).spec!.storageClassName).toBeUndefined();
  });

  test("copies dataSource into dataSourceRef", () => {
    const p = create(mk({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } }, dataSource: { kind: "PersistentVolumeClaim", name: "src" } }));
    expect(p.spec!.dataSourceRef).toEqual({ kind: "PersistentVolumeClaim", name: "src" });
  });

  test.each<[string, PersistentVolumeClaim["spec"], string[]]>([
    ["access modes and storage are required", {}, ["spec.accessModes: Required value: at least 1 access mode is required", "spec.resources[storage]: Required value"]],
    ["storage must be positive", { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "0" } } }, ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ["volume modes are checked", { accessModes: ["ReadWriteOnce"], volumeMode: "Raw", resources: { requests: { storage: "1Gi" } } }, ['spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"']],
  ])("validates: %s", (_, spec, expected) => {
    expect(errors(mk(spec))).toEqual(expected);
  });
});

describe("PersistentVolumeClaim updates", () => {
  const bound = () => {
    const p = create(mk({ accessModes: ["ReadWriteOnce"], storageClassName: "standard", resources: { requests: { storage: "1Gi" } }, volumeName: "pvc-123" }));
    p.status = { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] };
    return p;
  };

  test("a bound claim may grow its storage request", () => {
    const old = bound();
    const next = structuredClone(old);
    next.spec!.resources!.requests!.storage = "2Gi";
    expect(errors(next, old)).toEqual([]);
  });

  test("a bound claim may not shrink below its capacity", () => {
    const old = bound();
    const next = structuredClone(old);
    next.spec!.resources!.requests!.storage = "500Mi";
    expect(errors(next, old)).toEqual(["spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"]);
  });

  test("other spec changes are forbidden with a diff of the spec", () => {
    const old = bound();
    const next = structuredClone(old);
    next.spec!.accessModes = ["ReadWriteMany"];
    const [err, ...rest] = errors(next, old);
    expect(rest).toEqual([]);
    expect(err.split("\n")[0]).toBe("spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims");
    expect(err.split("\n").slice(1)).toEqual([
      "  core.PersistentVolumeClaimSpec{",
      '- \tAccessModes: {"ReadWriteOnce"},',
      '+ \tAccessModes: {"ReadWriteMany"},',
      "  \tSelector:    nil,",
      '  \tResources:   {Requests: {s"storage": {i: {...}, s: "1Gi", Format: "BinarySI"}}},',
      "  \t... // 6 identical fields",
      "  }",
    ]);
  });

  test("an unbound claim may get its volumeName once", () => {
    const old = create(mk({ accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } }));
    const next = structuredClone(old);
    next.spec!.volumeName = "pv1";
    expect(errors(next, old)).toEqual([]);
  });
});

describe("PersistentVolumeClaim printer", () => {
  test("prints capacity and access modes only once bound", () => {
    const p = mk({ accessModes: ["ReadWriteOnce"], storageClassName: "standard", volumeMode: "Filesystem" });
    p.status = { phase: "Pending" };
    expect(persistentVolumeClaim.printRow(p, { nowMs: NOW })).toEqual(["data", "Pending", "", "", "", "standard", "<unset>", "60s", "Filesystem"]);
    p.spec!.volumeName = "pvc-1";
    p.status = { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] };
    expect(persistentVolumeClaim.printRow(p, { nowMs: NOW })).toEqual(["data", "Bound", "pvc-1", "1Gi", "RWO", "standard", "<unset>", "60s", "Filesystem"]);
  });
});
