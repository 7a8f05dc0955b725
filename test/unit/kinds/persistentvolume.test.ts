import { describe, expect, test } from "vitest";
import { accessModesAsString, persistentVolume, preparePersistentVolumeStatusUpdate, type PersistentVolume } from "../../../src/engine/kinds/core/persistentvolume";
import type { AdmissionContext } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("pv"), list: () => [], get: () => undefined };
const mk = (spec: PersistentVolume["spec"]): PersistentVolume => ({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv1", creationTimestamp: "2024-05-01T11:55:00Z" }, spec });
const errors = (pv: PersistentVolume, old?: PersistentVolume) => persistentVolume.validate!(pv, { nowMs: NOW, old }).map(fieldErrorString);
const valid = () => mk({ capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/data" } });

describe("PersistentVolume defaulting and create", () => {
  test("defaults reclaim policy Retain, volumeMode Filesystem, hostPath type and phase Pending", () => {
    const pv = valid();
    persistentVolume.applyDefaults!(pv, { nowMs: NOW });
    persistentVolume.prepareForCreate!(pv, ctx);
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem", hostPath: { path: "/data", type: "" } });
    expect(pv.status).toEqual({ phase: "Pending", lastPhaseTransitionTime: "2024-05-01T12:00:00Z" });
    expect(errors(pv)).toEqual([]);
  });

  test("a phase change stamps lastPhaseTransitionTime", () => {
    const old = valid();
    old.status = { phase: "Pending", lastPhaseTransitionTime: "2024-05-01T11:00:00Z" };
    const next = structuredClone(old);
    next.status!.phase = "Available";
    preparePersistentVolumeStatusUpdate(next, old, NOW);
    expect(next.status!.lastPhaseTransitionTime).toBe("2024-05-01T12:00:00Z");
  });
});

describe("PersistentVolume validation", () => {
  test.each<[string, PersistentVolume["spec"], string[]]>([
    [
      "capacity and access modes are required",
      { hostPath: { path: "/data" } },
      ["spec.accessModes: Required value", "spec.capacity: Required value", 'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"'],
    ],
    ["a volume source is required", { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] }, ["spec: Required value: must specify a volume type"]],
    [
      "only one volume source",
      { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/data" }, nfs: { server: "nfs", path: "/x" } },
      ["spec.nfs: Forbidden: may not specify more than 1 volume type"],
    ],
    ["access modes are checked", { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteSometimes"], hostPath: { path: "/d" } }, ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ["ReadWriteOncePod stands alone", { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOncePod", "ReadOnlyMany"], hostPath: { path: "/d" } }, ["spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes"]],
    ["a local volume needs node affinity", { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], local: { path: "/mnt/disk" } }, ["spec.nodeAffinity: Required value: Local volume requires node affinity"]],
    ["an NFS path must be absolute", { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], nfs: { server: "nfs", path: "exports" } }, ['spec.nfs.path: Invalid value: "exports": must be an absolute path']],
    ["zero capacity is rejected", { capacity: { storage: "0" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/d" } }, ['spec.capacity[storage]: Invalid value: "0": must be greater than zero']],
  ])("%s", (_, spec, expected) => {
    expect(errors(mk(spec))).toEqual(expected);
  });

  test("the volume source is immutable", () => {
    const old = valid();
    const next = structuredClone(old);
    next.spec!.hostPath = { path: "/other" };
    const [err] = errors(next, old);
    expect(err.split("\n")[0]).toBe("spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation");
    expect(err).toContain('- \tHostPath:');
    expect(err).toContain('&{Path: "/data"}');
    expect(err).toContain('&{Path: "/other"}');
  });
});

describe("PersistentVolume printer", () => {
  test.each<[string[], string]>([
    [["ReadWriteOnce"], "RWO"],
    [["ReadWriteMany", "ReadOnlyMany", "ReadWriteOnce", "ReadWriteOnce"], "RWO,ROX,RWX"],
    [["ReadWriteOncePod"], "RWOP"],
    [[], ""],
  ])("abbreviates %j as %s", (modes, expected) => {
    expect(accessModesAsString(modes)).toBe(expected);
  });

  test("prints every column of printPersistentVolume", () => {
    const pv = valid();
    pv.spec!.persistentVolumeReclaimPolicy = "Retain";
    pv.spec!.storageClassName = "manual";
    pv.spec!.volumeMode = "Filesystem";
    pv.spec!.claimRef = { namespace: "default", name: "data" };
    pv.status = { phase: "Bound" };
    expect(persistentVolume.printRow(pv, { nowMs: NOW })).toEqual(["pv1", "1Gi", "RWO", "Retain", "Bound", "default/data", "manual", "<unset>", "", "5m", "Filesystem"]);
    expect(persistentVolume.columns.map((c) => c.name)).toEqual([
      "Name", "Capacity", "Access Modes", "Reclaim Policy", "Status", "Claim", "StorageClass", "VolumeAttributesClass", "Reason", "Age", "VolumeMode",
    ]);
  });
});
