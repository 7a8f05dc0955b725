import { describe, expect, test } from "vitest";
import { storageClass, type StorageClass } from "../../../src/engine/kinds/storage/storageclass";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function sc(fields: Partial<StorageClass>, annotations?: Record<string, string>): StorageClass {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "standard", creationTimestamp: "2024-04-01T12:00:00Z", ...(annotations ? { annotations } : {}) },
    ...fields,
  } as StorageClass;
}
const defaulted = (o: StorageClass) => {
  storageClass.applyDefaults!(o, { nowMs: NOW });
  return o;
};
const errors = (o: StorageClass, old?: StorageClass) => storageClass.validate!(defaulted(o), { nowMs: NOW, old: old && defaulted(old) }).map(fieldErrorString);

describe("StorageClass", () => {
  test("is cluster-scoped storageclasses with short name sc", () => {
    expect([storageClass.group, storageClass.plural, storageClass.shortNames, storageClass.namespaced]).toEqual(["storage.k8s.io", "storageclasses", ["sc"], false]);
  });

  test("defaults reclaimPolicy to Delete and volumeBindingMode to Immediate", () => {
    const o = defaulted(sc({ provisioner: "rancher.io/local-path" }));
    expect([o.reclaimPolicy, o.volumeBindingMode]).toEqual(["Delete", "Immediate"]);
  });

  test.each<[string, Partial<StorageClass>, string[]]>([
    ["accepts a provisioner", { provisioner: "rancher.io/local-path" }, []],
    ["requires a provisioner", {}, ["provisioner: Required value"]],
    [
      "validates the provisioner as a qualified name",
      { provisioner: "bad provisioner" },
      [
        `provisioner: Invalid value: "bad provisioner": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    ["rejects Recycle", { provisioner: "x.io/y", reclaimPolicy: "Recycle" }, ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
    ["rejects unknown binding modes", { provisioner: "x.io/y", volumeBindingMode: "Later" }, ['volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"']],
  ])("%s", (_n, fields, expected) => {
    expect(errors(sc(fields))).toEqual(expected);
  });

  test("forbids changing parameters, provisioner, reclaimPolicy and volumeBindingMode", () => {
    const old = sc({ provisioner: "a.io/x", parameters: { type: "ssd" } });
    const now = sc({ provisioner: "b.io/x", parameters: { type: "hdd" }, reclaimPolicy: "Retain", volumeBindingMode: "WaitForFirstConsumer" });
    expect(errors(now, old)).toEqual([
      "parameters: Forbidden: updates to parameters are forbidden.",
      "provisioner: Forbidden: updates to provisioner are forbidden.",
      "reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.",
      'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    ]);
  });

  test("has the columns of printers.go", () => {
    expect(storageClass.columns.map((c) => c.name)).toEqual(["Name", "Provisioner", "ReclaimPolicy", "VolumeBindingMode", "AllowVolumeExpansion", "Age"]);
  });

  test.each<[string, StorageClass, unknown[]]>([
    [
      "marks the default class",
      sc({ provisioner: "rancher.io/local-path", reclaimPolicy: "Delete", volumeBindingMode: "WaitForFirstConsumer" }, { "storageclass.kubernetes.io/is-default-class": "true" }),
      ["standard (default)", "rancher.io/local-path", "Delete", "WaitForFirstConsumer", false, "30d"],
    ],
    ["honours the beta default annotation and allowVolumeExpansion", sc({ provisioner: "x.io/y", allowVolumeExpansion: true }, { "storageclass.beta.kubernetes.io/is-default-class": "true" }), ["standard (default)", "x.io/y", "Delete", "Immediate", true, "30d"]],
    ["prints plain names for other classes", sc({ provisioner: "x.io/y", reclaimPolicy: "Retain" }, { "storageclass.kubernetes.io/is-default-class": "false" }), ["standard", "x.io/y", "Retain", "Immediate", false, "30d"]],
  ])("%s", (_n, o, row) => {
    expect(storageClass.printRow(o, { nowMs: NOW })).toEqual(row);
  });
});
