// An update's comparison is remembered by a key that records what compareObjects visits and
// decides (comparedChange): the change it gives back must be exactly the one compareObjects
// computes, for every object of a bootstrapped cluster and seeded random variations of them
// (fields dropped, nulled, changed, added; list items dropped and duplicated), on the main
// resource and the status subresource, computed three times over so later rounds are remembered.
import { expect, it } from "vitest";
import { testCluster } from "../support/cluster";
import { comparedChange, comparisonKey, compareObjects, excludeFields, resetFieldsFor, typeOfKind, updateManagedFields, withZeroValues, type FieldSet } from "../../src/engine/apiserver/managed-fields";
import { recordEvent, recordSeriesEvent } from "../../src/engine/controllers/events";
import { clone } from "../../src/engine/machinery/json";
import type { KubeObject } from "../../src/engine/kinds/types";
import { EPOCH_MS } from "../support/cluster";

function variations(seed: number) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const vary = (v: any): any => {
    if (Array.isArray(v)) {
      const out = v.map((x) => (rnd() < 0.3 ? vary(x) : x));
      if (rnd() < 0.2) out.pop();
      if (rnd() < 0.2 && v.length) out.push(clone(v[0]));
      return out;
    }
    if (v && typeof v === "object") {
      const out: any = {};
      for (const [k, x] of Object.entries(v)) {
        const r = rnd();
        if (r >= 0.1) out[k] = r < 0.4 ? vary(x) : x;
      }
      if (rnd() < 0.1) out[`extra${Math.floor(rnd() * 3)}`] = rnd() < 0.3 ? null : rnd() < 0.5 ? "x" : { a: 1 };
      return out;
    }
    if (typeof v === "number") return rnd() < 0.3 ? v + 1 : v;
    return typeof v === "string" && rnd() < 0.3 ? (rnd() < 0.5 ? null : `${v}-changed`) : v;
  };
  return vary;
}

const paths = (s: FieldSet) => s.paths().map((p) => p.join("")).sort();

it("a remembered comparison gives exactly the change compareObjects computes", () => {
  const { cluster } = testCluster({ nodes: 2 });
  const vary = variations(5);
  let checked = 0;
  let remembered = 0;
  const seen = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const def of cluster.kinds.all()) {
      const resource = def.group ? `${def.plural}.${def.group}` : def.plural;
      const type = typeOfKind(def);
      for (const stored of cluster.store.list(resource)) {
        for (let i = 0; i < 6; i++) {
          const subresource = def.statusSubresource && i % 2 ? "status" : undefined;
          const ignored = resetFieldsFor(def, subresource, type);
          const live = withZeroValues(clone(stored) as KubeObject, def, type);
          const next = withZeroValues(clone(vary(stored) ?? {}) as KubeObject, def, type);
          const key = `${resource}|${subresource}|${comparisonKey(live, next, type)}`;
          if (seen.has(key)) remembered++;
          seen.add(key);
          const got = comparedChange(live, next, type, ignored);
          const c = excludeFields(compareObjects(live, next, type), ignored);
          expect(paths(got.changed), `${resource} ${stored.metadata.name}`).toEqual(paths(c.modified.union(c.added)));
          expect(paths(got.removed), `${resource} ${stored.metadata.name}`).toEqual(paths(c.removed));
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(1000);
  // The later rounds vary the objects differently, but many comparisons repeat (and come remembered).
  expect(remembered).toBeGreaterThan(100);
});

it("comparisons that differ only in values of equal kind (changed or not) have different keys when the outcome differs", () => {
  const { cluster } = testCluster({ nodes: 2 });
  const def = cluster.kinds.byKind("", "v1", "Pod")!;
  const type = typeOfKind(def);
  const pod = withZeroValues(clone(cluster.store.list("pods")[0]) as KubeObject, def, type);
  const same = clone(pod);
  const relabelled = clone(pod);
  relabelled.metadata.labels = { ...(relabelled.metadata.labels ?? {}), tier: "x" };
  const renamedKey = clone(pod);
  renamedKey.metadata.labels = { ...(renamedKey.metadata.labels ?? {}), tiex: "x" };
  expect(comparisonKey(pod, same, type)).not.toEqual(comparisonKey(pod, relabelled, type));
  // A different label key is a different field: a different key, though both add one label.
  expect(comparisonKey(pod, relabelled, type)).not.toEqual(comparisonKey(pod, renamedKey, type));
  // A field name holding the key's own punctuation cannot pass for another shape.
  const odd = clone(pod);
  odd.metadata.annotations = { "a)1:f:b": "x" };
  const other = clone(pod);
  other.metadata.annotations = { a: "x", b: "y" };
  expect(comparisonKey(pod, odd, type)).not.toEqual(comparisonKey(pod, other, type));
});

it("events the recorder creates in each of its shapes own exactly the fields a full computation gives them", () => {
  const { cluster, request } = testCluster({ nodes: 2 });
  for (const name of ["a", "b"]) expect(request("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name } }).status).toBe(201);
  const def = cluster.kinds.byKind("", "v1", "Event")!;
  const cm = (name: string) => cluster.store.get("configmaps", "default", name)!;
  const written: KubeObject[] = [];
  // Twice over, the second time from the shapes already known: with and without a host, a field
  // path, a combined (aggregated) message, and events.k8s.io series with and without a related object.
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 12; i++) {
      const ctx = { state: cluster, nowMs: EPOCH_MS + (round * 100 + i) * 1000 };
      const host = i % 2 ? "node01" : undefined;
      const e = recordEvent(ctx, cm(i % 3 ? "a" : "b"), { type: i % 4 ? "Normal" : "Warning", reason: "Sync", message: `message ${round}-${i}`, source: { component: "some-controller", host }, fieldPath: i % 5 ? undefined : "spec.x" });
      if (e) written.push(e);
      const s = recordSeriesEvent(ctx, cm("a"), { type: "Normal", reason: "Scheduled", action: "Binding", message: `series ${round}-${i}`, reportingController: "default-scheduler", reportingInstance: "default-scheduler-controlplane", fieldManager: "default-scheduler", related: i % 2 ? cm("b") : undefined });
      if (s) written.push(s);
    }
    // The 10th distinct message of one kind about one object becomes the aggregate event.
    for (let i = 0; i < 12; i++) {
      const e = recordEvent({ state: cluster, nowMs: EPOCH_MS + (round * 100 + 50 + i) * 1000 }, cm("b"), { type: "Normal", reason: "Pulled", message: `image ${round}-${i}`, source: { component: "kubelet", host: "node02" } });
      if (e) written.push(e);
    }
  }
  expect(written.some((e) => String(e.message).startsWith("(combined from similar events)"))).toBe(true);
  for (const e of written) {
    const stored = cluster.store.get("events", e.metadata.namespace!, e.metadata.name!)!;
    const body = clone(stored);
    for (const f of ["managedFields", "uid", "creationTimestamp", "resourceVersion"] as const) delete body.metadata[f];
    const entry = stored.metadata.managedFields![0];
    const fresh = updateManagedFields(undefined, body, entry.manager!, "Update", entry.time!, "v1", undefined, def);
    expect(stored.metadata.managedFields, `${e.metadata.name}: ${e.message}`).toEqual(fresh.metadata.managedFields);
  }
});
