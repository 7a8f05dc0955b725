import { describe, expect, it } from "vitest";
import {
  capUpdateManagers,
  compareObjects,
  decodeManagedFields,
  defaultManager,
  encodeManagedFields,
  FieldSet,
  fieldPE,
  fieldSetOf,
  keyPE,
  managerIdentifier,
  pathString,
  trackManagedFields,
  typeOfKind,
  updateManagedFields,
  valuePE,
  type ManagedFieldSets,
} from "../../src/engine/apiserver/managed-fields";
import { configMap } from "../../src/engine/kinds/core/configmap";
import { bool, int, kindSchema, obj, str } from "../../src/engine/kinds/schema";
import { LabelSelector, ObjectMeta } from "../../src/engine/kinds/common/meta";
import { PodTemplateSpec } from "../../src/engine/kinds/common/pod";
import type { KindDef, KubeObject } from "../../src/engine/kinds/types";

/** A Deployment-shaped kind built on the shared schemas (containers keyed by name, ports by port+protocol). */
const deploy: KindDef = {
  group: "apps",
  version: "v1",
  kind: "Deployment",
  plural: "deployments",
  singular: "deployment",
  namespaced: true,
  statusSubresource: true,
  schema: kindSchema(
    "test.mf.Deployment",
    "test",
    {
      spec: obj({ replicas: int(), paused: bool(), selector: LabelSelector, template: PodTemplateSpec }, { id: "test.mf.DeploymentSpec" }),
      status: obj({ replicas: int(), readyReplicas: int(), phase: str() }, { id: "test.mf.DeploymentStatus" }),
    },
    ObjectMeta,
  ),
  columns: [],
  printRow: () => [],
};

const T0 = "2025-01-01T00:00:00Z";
const T1 = "2025-01-01T00:05:00Z";

const f = fieldPE;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function cm(data: Record<string, string>, labels?: Record<string, string>): KubeObject {
  const o: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", namespace: "default" }, data };
  if (labels) o.metadata.labels = labels;
  return o;
}

/** Simulates the stored result of a create: uid set, managedFields as the create recorded them. */
function created(o: KubeObject, manager = "kubectl-create"): KubeObject {
  const out = updateManagedFields(undefined, clone(o), manager, "Update", T0, "v1", undefined, configMap);
  out.metadata.uid = "uid-1";
  out.metadata.resourceVersion = "5";
  return out;
}

describe("FieldSet and FieldsV1", () => {
  const fieldsV1 = {
    "f:metadata": { "f:labels": { ".": {}, "f:app": {} } },
    "f:spec": {
      "f:containers": {
        'k:{"name":"nginx"}': {
          ".": {},
          "f:image": {},
          "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
        },
      },
      "f:replicas": {},
    },
  };

  it("round-trips FieldsV1 with '.' for nodes that are members and have children", () => {
    const s = FieldSet.fromFieldsV1(fieldsV1);
    expect(s.toFieldsV1()).toEqual(fieldsV1);
    expect(JSON.stringify(s.toFieldsV1())).toBe(JSON.stringify(fieldsV1));
    expect(s.has([f("metadata"), f("labels")])).toBe(true);
    expect(s.has([f("metadata")])).toBe(false);
    expect(s.has([f("spec"), f("containers"), keyPE({ name: "nginx" })])).toBe(true);
  });

  it("iterates paths like Set.Iterate and prints them like Path.String", () => {
    const s = FieldSet.fromFieldsV1(fieldsV1);
    expect(s.paths().map(pathString)).toEqual([
      ".metadata.labels",
      ".metadata.labels.app",
      ".spec.replicas",
      '.spec.containers[name="nginx"]',
      '.spec.containers[name="nginx"].image',
      '.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"]',
      '.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"].containerPort',
    ]);
    expect(pathString([f("metadata"), f("finalizers"), valuePE("a/b")])).toBe('.metadata.finalizers[="a/b"]');
  });

  it("sorts field names before keys before values, and keys by field then value", () => {
    const s = FieldSet.of([valuePE("b")], [valuePE(2)], [keyPE({ name: "z" })], [keyPE({ name: "a" })], [f("b")], [f("a")], [valuePE(true)]);
    expect(Object.keys(s.toFieldsV1())).toEqual(["f:a", "f:b", 'k:{"name":"a"}', 'k:{"name":"z"}', "v:2", 'v:"b"', "v:true"]);
  });

  it("canonicalizes key elements (sorted key names) when decoding", () => {
    const s = FieldSet.fromFieldsV1({ 'k:{"protocol":"TCP","containerPort":80}': {} });
    expect([...s.members]).toEqual(['k:{"containerPort":80,"protocol":"TCP"}']);
  });

  it("rejects malformed FieldsV1", () => {
    expect(() => FieldSet.fromFieldsV1({ "k:{bad": {} })).toThrow();
    expect(() => FieldSet.fromFieldsV1({ "f:a": [] })).toThrow();
  });

  it("union, intersection, difference and recursive difference", () => {
    const a = FieldSet.of([f("spec"), f("replicas")], [f("spec"), f("paused")], [f("metadata"), f("labels"), f("app")]);
    const b = FieldSet.of([f("spec"), f("replicas")], [f("data")]);
    expect(a.union(b).paths().map(pathString)).toEqual([".data", ".metadata.labels.app", ".spec.paused", ".spec.replicas"]);
    expect(a.intersection(b).paths().map(pathString)).toEqual([".spec.replicas"]);
    expect(a.difference(b).paths().map(pathString)).toEqual([".metadata.labels.app", ".spec.paused"]);
    // A parent minus its child is still the parent; a recursive difference drops the subtree.
    expect(a.difference(FieldSet.of([f("spec")])).paths().map(pathString)).toEqual([".metadata.labels.app", ".spec.paused", ".spec.replicas"]);
    expect(a.recursiveDifference(FieldSet.of([f("spec")])).paths().map(pathString)).toEqual([".metadata.labels.app"]);
    expect(new FieldSet().isEmpty()).toBe(true);
    expect(a.equals(a.clone())).toBe(true);
  });
});

describe("fieldSetOf (the fields an applied configuration sets)", () => {
  it("map entries and scalars are members, struct fields are not", () => {
    const s = fieldSetOf({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", labels: { app: "x" } }, data: { key: "v" } }, typeOfKind(configMap));
    expect(s.toFieldsV1()).toEqual({
      "f:apiVersion": {},
      "f:data": { "f:key": {} },
      "f:kind": {},
      "f:metadata": { "f:labels": { "f:app": {} }, "f:name": {} },
    });
  });

  it("list-map items by keys (port protocol defaults to TCP), atomic selectors, sets by value", () => {
    const s = fieldSetOf(
      {
        metadata: { finalizers: ["example.com/a"] },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: "web" } },
          template: { spec: { containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }], args: ["-v"] }] } },
        },
      },
      typeOfKind(deploy),
    );
    expect(s.toFieldsV1()).toEqual({
      "f:metadata": { "f:finalizers": { 'v:"example.com/a"': {} } },
      "f:spec": {
        "f:replicas": {},
        "f:selector": {},
        "f:template": {
          "f:spec": {
            "f:containers": {
              'k:{"name":"web"}': {
                ".": {},
                "f:args": {},
                "f:image": {},
                "f:name": {},
                "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
              },
            },
          },
        },
      },
    });
  });

  it("empty maps and nulls are owned; empty granular lists are not", () => {
    const s = fieldSetOf({ data: {}, metadata: { labels: null, finalizers: [] } }, typeOfKind(configMap));
    expect(s.toFieldsV1()).toEqual({ "f:data": {}, "f:metadata": { "f:labels": {} } });
  });
});

describe("compareObjects", () => {
  it("reports added, modified and removed fields (containers by name)", () => {
    const type = typeOfKind(deploy);
    const a = { spec: { replicas: 1, template: { spec: { containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] } } } };
    const b = { spec: { replicas: 2, paused: true, template: { spec: { containers: [{ name: "b", image: "y" }, { name: "c", image: "z" }] } } } };
    const c = compareObjects(a, b, type);
    expect(c.modified.paths().map(pathString)).toEqual([".spec.replicas"]);
    expect(c.added.paths().map(pathString)).toEqual([".spec.paused", '.spec.template.spec.containers[name="c"]', '.spec.template.spec.containers[name="c"].image', '.spec.template.spec.containers[name="c"].name']);
    expect(c.removed.paths().map(pathString)).toEqual(['.spec.template.spec.containers[name="a"]', '.spec.template.spec.containers[name="a"].image', '.spec.template.spec.containers[name="a"].name']);
  });
});

describe("updateManagedFields: Update operations", () => {
  it("a create owns everything it set, with '.' on maps it added", () => {
    const o = created(cm({ key: "v" }, { app: "x" }));
    expect(o.metadata.managedFields).toEqual([
      {
        manager: "kubectl-create",
        operation: "Update",
        apiVersion: "v1",
        time: T0,
        fieldsType: "FieldsV1",
        fieldsV1: { "f:data": { ".": {}, "f:key": {} }, "f:metadata": { "f:labels": { ".": {}, "f:app": {} } } },
      },
    ]);
  });

  it("a create of a Deployment-shaped object: no '.' on spec, template or containers (Go zero values)", () => {
    const o = updateManagedFields(
      undefined,
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { replicas: 1, template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i" }] } } }, status: { replicas: 1 } },
      "kubectl-create",
      "Update",
      T0,
      "apps/v1",
      undefined,
      deploy,
    );
    expect(o.metadata.managedFields![0].fieldsV1).toEqual({
      "f:spec": {
        "f:replicas": {},
        "f:template": {
          "f:metadata": { "f:labels": { ".": {}, "f:a": {} } },
          "f:spec": { "f:containers": { 'k:{"name":"c"}': { ".": {}, "f:image": {}, "f:name": {} } } },
        },
      },
    });
  });

  it("changed fields move to the writer; untouched ones stay; time only moves for the writer", () => {
    const old = created(cm({ a: "1", b: "2" }));
    const next = clone(old);
    next.data.a = "changed";
    next.data.c = "3";
    updateManagedFields(old, next, "kubectl-edit", "Update", T1, "v1", undefined, configMap);
    expect(next.metadata.managedFields).toEqual([
      { manager: "kubectl-create", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:data": { ".": {}, "f:b": {} } } },
      { manager: "kubectl-edit", operation: "Update", apiVersion: "v1", time: T1, fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:a": {}, "f:c": {} } } },
    ]);
  });

  it("a manager that loses all its fields disappears; removed fields are nobody's", () => {
    const old = created(cm({ a: "1" }));
    const next = clone(old);
    next.data = { z: "9" };
    updateManagedFields(old, next, "other", "Update", T1, "v1", undefined, configMap);
    // The creator still owns the data map itself (it was replaced, not removed).
    expect(next.metadata.managedFields).toEqual([
      { manager: "kubectl-create", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:data": {} } },
      { manager: "other", operation: "Update", apiVersion: "v1", time: T1, fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:z": {} } } },
    ]);
    const gone = clone(next);
    delete gone.data;
    updateManagedFields(next, gone, "third", "Update", "2025-01-01T00:09:00Z", "v1", undefined, configMap);
    expect(gone.metadata.managedFields).toBeUndefined();
  });

  it("the same manager's entry is merged; a no-op keeps its time", () => {
    const old = created(cm({ a: "1" }));
    const next = clone(old);
    next.data.b = "2";
    updateManagedFields(old, next, "kubectl-create", "Update", T1, "v1", undefined, configMap);
    expect(next.metadata.managedFields).toEqual([
      { manager: "kubectl-create", operation: "Update", apiVersion: "v1", time: T1, fieldsType: "FieldsV1", fieldsV1: { "f:data": { ".": {}, "f:a": {}, "f:b": {} } } },
    ]);
    const same = clone(next);
    updateManagedFields(next, same, "kubectl-create", "Update", "2025-02-01T00:00:00Z", "v1", undefined, configMap);
    expect(same.metadata.managedFields).toEqual(next.metadata.managedFields);
  });

  it("metadata fields the server sets are never owned", () => {
    const old = created(cm({ a: "1" }));
    const next = clone(old);
    next.metadata.resourceVersion = "99";
    next.metadata.generation = 3;
    updateManagedFields(old, next, "x", "Update", T1, "v1", undefined, configMap);
    expect(next.metadata.managedFields).toEqual(old.metadata.managedFields);
  });

  it("an existing object without managedFields is not tracked by updates", () => {
    const old = cm({ a: "1" });
    old.metadata.uid = "uid-1";
    const next = clone(old);
    next.data.a = "2";
    updateManagedFields(old, next, "x", "Update", T1, "v1", undefined, configMap);
    expect(next.metadata.managedFields).toBeUndefined();
  });

  it("managedFields: [] in the request clears them; the request's valid entries are the starting point", () => {
    const old = created(cm({ a: "1" }));
    const cleared = clone(old);
    cleared.metadata.managedFields = [];
    updateManagedFields(old, cleared, "x", "Update", T1, "v1", undefined, configMap);
    expect(cleared.metadata.managedFields).toBeUndefined();

    const own = clone(old);
    own.metadata.managedFields = [{ manager: "mine", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:a": {} } } }];
    updateManagedFields(old, own, "x", "Update", T1, "v1", undefined, configMap);
    expect(own.metadata.managedFields).toEqual([{ manager: "mine", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:a": {} } } }]);

    // Invalid entries fall back to the stored ones.
    const bad = clone(old);
    bad.metadata.managedFields = [{ manager: "mine", operation: "Bogus" as never, apiVersion: "v1", fieldsType: "FieldsV1", fieldsV1: {} }];
    updateManagedFields(old, bad, "x", "Update", T1, "v1", undefined, configMap);
    expect(bad.metadata.managedFields).toEqual(old.metadata.managedFields);
  });

  it("an empty manager name becomes \"unknown\"", () => {
    const o = updateManagedFields(undefined, cm({ a: "1" }), "", "Update", T0, "v1", undefined, configMap);
    expect(o.metadata.managedFields![0].manager).toBe("unknown");
  });

  it("main-resource writes never own status; status writes own only status and carry subresource", () => {
    const base: KubeObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d", uid: "u" }, spec: { replicas: 1 } };
    const old = updateManagedFields(undefined, clone(base), "creator", "Update", T0, "apps/v1", undefined, deploy);
    old.metadata.uid = "u";
    expect(old.metadata.managedFields![0].fieldsV1).toEqual({ "f:spec": { "f:replicas": {} } });

    const withStatus = clone(old);
    withStatus.status = { replicas: 1, readyReplicas: 1 };
    updateManagedFields(old, withStatus, "kube-controller-manager", "Update", T1, "apps/v1", "status", deploy);
    expect(withStatus.metadata.managedFields).toEqual([
      old.metadata.managedFields![0],
      {
        manager: "kube-controller-manager",
        operation: "Update",
        apiVersion: "apps/v1",
        time: T1,
        fieldsType: "FieldsV1",
        fieldsV1: { "f:status": { "f:readyReplicas": {}, "f:replicas": {} } },
        subresource: "status",
      },
    ]);

    // A main-resource update that (wrongly) sends status does not take it.
    const main = clone(withStatus);
    main.status = { replicas: 5 };
    main.spec.replicas = 3;
    updateManagedFields(withStatus, main, "kubectl", "Update", T1, "apps/v1", undefined, deploy);
    const entries = main.metadata.managedFields!;
    expect(entries.map((e) => e.manager)).toEqual(["kube-controller-manager", "kubectl"]);
    expect(entries[1].fieldsV1).toEqual({ "f:spec": { "f:replicas": {} } });
  });

  it("more than ten update managers: the oldest merge into ancient-changes", () => {
    let obj = created(cm({ k0: "v" }), "m0");
    for (let i = 1; i <= 11; i++) {
      const next = clone(obj);
      next.data[`k${i}`] = "v";
      updateManagedFields(obj, next, `m${i}`, "Update", `2025-01-01T00:${String(i).padStart(2, "0")}:00Z`, "v1", undefined, configMap);
      obj = next;
    }
    const entries = obj.metadata.managedFields!;
    expect(entries).toHaveLength(10);
    expect(entries[0]).toMatchObject({ manager: "ancient-changes", operation: "Update", apiVersion: "v1", time: "2025-01-01T00:02:00Z" });
    expect(entries[0].fieldsV1).toEqual({ "f:data": { ".": {}, "f:k0": {}, "f:k1": {}, "f:k2": {} } });
    expect(entries.slice(1).map((e) => e.manager)).toEqual(["m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11"]);
  });
});

describe("updateManagedFields: Apply operation", () => {
  it("owns every field of the object and takes them from others", () => {
    const old = created(cm({ a: "1", b: "2" }));
    const next = clone(old);
    next.data.a = "x";
    updateManagedFields(old, next, "applier", "Apply", T1, "v1", undefined, configMap);
    expect(next.metadata.managedFields).toEqual([
      { manager: "applier", operation: "Apply", apiVersion: "v1", time: T1, fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:a": {}, "f:b": {} } } },
      { manager: "kubectl-create", operation: "Update", apiVersion: "v1", time: T0, fieldsType: "FieldsV1", fieldsV1: { "f:data": { ".": {}, "f:b": {} } } },
    ]);
  });
});

describe("encoding and identifiers", () => {
  it("sorts Apply before Update, then by time, manager, apiVersion, subresource", () => {
    const m: ManagedFieldSets = new Map();
    const set = FieldSet.of([f("data"), f("a")]);
    m.set("1", { manager: "b", operation: "Update", apiVersion: "v1", time: T0, set });
    m.set("2", { manager: "a", operation: "Update", apiVersion: "v1", time: T1, set });
    m.set("3", { manager: "z", operation: "Apply", apiVersion: "v1", time: T1, set });
    m.set("4", { manager: "a", operation: "Update", apiVersion: "v1", time: T0, set, subresource: "status" });
    m.set("5", { manager: "a", operation: "Update", apiVersion: "v1", time: T0, set });
    m.set("6", { manager: "empty", operation: "Update", apiVersion: "v1", time: T0, set: new FieldSet() });
    expect(encodeManagedFields(m).map((e) => [e.manager, e.operation, e.time, e.subresource])).toEqual([
      ["z", "Apply", T1, undefined],
      ["a", "Update", T0, undefined],
      ["a", "Update", T0, "status"],
      ["b", "Update", T0, undefined],
      ["a", "Update", T1, undefined],
    ]);
  });

  it("identifiers: appliers without apiVersion, updaters with it", () => {
    expect(managerIdentifier("kubectl", "Apply", "apps/v1")).toBe('{"manager":"kubectl","operation":"Apply"}');
    expect(managerIdentifier("kcm", "Update", "apps/v1", "status")).toBe('{"manager":"kcm","operation":"Update","apiVersion":"apps/v1","subresource":"status"}');
  });

  it("decodeManagedFields validates entries like DecodeManagedFields", () => {
    expect(() => decodeManagedFields([{ manager: "a", operation: "Patch", apiVersion: "v1", fieldsType: "FieldsV1" }])).toThrow("operation must be `Apply` or `Update`");
    expect(() => decodeManagedFields([{ manager: "a", operation: "Apply", fieldsType: "FieldsV1" }])).toThrow("apiVersion must not be empty");
    expect(() => decodeManagedFields([{ manager: "a", operation: "Apply", apiVersion: "v1" }])).toThrow("missing fieldsType in managed fields entry 0");
    expect(() => decodeManagedFields([{ manager: "a", operation: "Apply", apiVersion: "v1", fieldsType: "FieldsV2" }])).toThrow('invalid fieldsType "FieldsV2" in managed fields entry 0');
    expect(decodeManagedFields(undefined).size).toBe(0);
  });

  it("capUpdateManagers leaves appliers alone", () => {
    const m: ManagedFieldSets = new Map();
    for (let i = 0; i < 12; i++) m.set(`a${i}`, { manager: `a${i}`, operation: "Apply", apiVersion: "v1", set: FieldSet.of([f(`x${i}`)]) });
    capUpdateManagers(m);
    expect(m.size).toBe(12);
  });
});

describe("defaultManager (prefixFromUserAgent)", () => {
  it.each([
    ["kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0", "kubectl"],
    ["kube-controller-manager/v1.32.2 (linux/amd64) kubernetes/67a30c0/system:serviceaccount:kube-system:deployment-controller", "kube-controller-manager"],
    ["Go-http-client/1.1", "Go-http-client"],
    ["", ""],
    ["curl", "curl"],
    ["a\tb\u0000c/1", "abc"],
  ])("%j -> %j", (ua, want) => expect(defaultManager(ua)).toBe(want));

  it("is cut to 128 bytes without splitting a character", () => {
    expect(defaultManager("x".repeat(200))).toBe("x".repeat(128));
    expect(defaultManager("x".repeat(127) + "é")).toBe("x".repeat(127));
  });
});

describe("trackManagedFields (the generic write path's one call)", () => {
  it("records an Update by the field manager or the user agent", () => {
    const o = cm({ a: "1" });
    trackManagedFields(undefined, o, configMap, { userAgent: "kubectl/v1.32.2 (linux/amd64) kubernetes/67a30c0", nowMs: Date.UTC(2025, 0, 1) });
    expect(o.metadata.managedFields![0]).toMatchObject({ manager: "kubectl", operation: "Update", apiVersion: "v1", time: T0 });
    const p = cm({ a: "1" });
    trackManagedFields(undefined, p, configMap, { fieldManager: "kubectl-create", userAgent: "kubectl/v1", nowMs: Date.UTC(2025, 0, 1) });
    expect(p.metadata.managedFields![0].manager).toBe("kubectl-create");
  });

  it("stores preset managedFields as they are (server-side apply)", () => {
    const preset = [{ manager: "kubectl", operation: "Apply" as const, apiVersion: "v1", fieldsType: "FieldsV1" as const, fieldsV1: { "f:data": { "f:a": {} } } }];
    const o = cm({ a: "1" });
    trackManagedFields(undefined, o, configMap, { fieldManager: "ignored", nowMs: 0, presetManagedFields: preset });
    expect(o.metadata.managedFields).toBe(preset);
    const q = cm({ a: "1" });
    q.metadata.managedFields = preset;
    trackManagedFields(undefined, q, configMap, { nowMs: 0, presetManagedFields: [] });
    expect(q.metadata.managedFields).toBeUndefined();
  });
});
