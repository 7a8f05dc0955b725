// The write path's managed-fields shortcuts (per-shape sets for creates, sets kept by identity,
// equal and unowned subtrees left out of updates) must give exactly what the full computation
// gives: checked over every object of a bootstrapped cluster and seeded random variations of them
// (fields dropped, nulled, added; list items dropped and duplicated), computed three times over so
// later rounds come from the caches.
import { expect, it } from "vitest";
import { testCluster } from "../support/cluster";
import {
  capUpdateManagers,
  decodeManagedFields,
  emptyObjectOf,
  encodeManagedFields,
  FieldSet,
  internFieldsV1,
  recordUpdate,
  resetFieldsFor,
  typeOfKind,
  updateManagedFields,
  withZeroValues,
} from "../../src/engine/apiserver/managed-fields";
import { clone } from "../../src/engine/machinery/json";
import type { KubeObject } from "../../src/engine/kinds/types";

/** Seeded random variations of objects; `duplicates` also repeats list items (keys included). */
function variations(seed: number, duplicates = true) {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const vary = (v: any): any => {
    if (Array.isArray(v)) {
      const out = v.map((x) => (rnd() < 0.3 ? vary(x) : x));
      if (rnd() < 0.2) out.pop();
      if (duplicates && rnd() < 0.2 && v.length) out.push(clone(v[0]));
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
    return typeof v === "string" && rnd() < 0.3 ? null : v;
  };
  return vary;
}

const TIME = "2026-01-01T00:00:00Z";

it("a create's managedFields are the same from the per-shape cache as computed afresh", () => {
  const { cluster } = testCluster({ nodes: 2 });
  const vary = variations(7);
  let checked = 0;
  for (let round = 0; round < 3; round++) {
    for (const def of cluster.kinds.all()) {
      const resource = def.group ? `${def.plural}.${def.group}` : def.plural;
      for (const stored of cluster.store.list(resource)) {
        for (let i = 0; i < 8; i++) {
          const obj: KubeObject = clone(i ? vary(stored) : stored);
          if (!obj.metadata || typeof obj.metadata !== "object") obj.metadata = {};
          delete obj.metadata.managedFields;
          delete obj.metadata.uid;
          const viaWritePath = updateManagedFields(undefined, clone(obj), "manager", "Update", TIME, "v1", undefined, def).metadata.managedFields ?? [];
          const type = typeOfKind(def);
          const fresh = new Map();
          recordUpdate(fresh, emptyObjectOf(def, type), withZeroValues(obj, def, type), type, resetFieldsFor(def, undefined, type), { manager: "manager", apiVersion: "v1" }, TIME);
          expect(viaWritePath, `${resource} ${stored.metadata.name}`).toEqual(encodeManagedFields(fresh));
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(1000);
});

it("an update's managedFields are the same with the write path's shortcuts (equal and unowned subtrees skipped) as computed on whole objects", () => {
  const { cluster } = testCluster({ nodes: 2 });
  // No duplicated list keys: validation refuses them on updates, and the shortcut (skipping equal
  // subtrees) and the full walk legitimately differ on them.
  const vary = variations(11, false);
  const managers = ["kubelet", "kubectl-edit", "some-controller"];
  const withoutMf = (o: KubeObject): KubeObject => ({ ...o, metadata: Object.fromEntries(Object.entries(o.metadata ?? {}).filter(([k]) => k !== "managedFields")) });
  let checked = 0;
  for (let round = 0; round < 3; round++) {
    for (const def of cluster.kinds.all()) {
      const resource = def.group ? `${def.plural}.${def.group}` : def.plural;
      const type = typeOfKind(def);
      for (const stored of cluster.store.list(resource)) {
        let current: KubeObject = clone(stored);
        if (!current.metadata?.uid) continue;
        delete current.metadata.managedFields;
        current = updateManagedFields(undefined, current, "creator", "Update", TIME, "v1", undefined, def);
        for (let step = 0; step < 6; step++) {
          const subresource = def.statusSubresource && step % 2 ? "status" : undefined;
          const varied = vary(current);
          const next: KubeObject = subresource ? { ...clone(current), status: varied?.status } : { ...clone(varied ?? {}), metadata: { ...(varied?.metadata ?? {}), managedFields: clone(current.metadata.managedFields) } };
          // The server keeps an object's identity whatever a client sends.
          next.metadata = { ...next.metadata, uid: current.metadata.uid };
          const manager = managers[(step + round) % managers.length];
          const time = `2026-01-01T00:0${step}:00Z`;
          const expected = decodeManagedFields(current.metadata.managedFields);
          // An object that lost all its managers stays without managedFields.
          const tracked = expected.size > 0;
          recordUpdate(expected, withZeroValues(withoutMf(current), def, type), withZeroValues(withoutMf(next), def, type), type, resetFieldsFor(def, subresource, type), { manager, apiVersion: "v1", subresource }, time);
          capUpdateManagers(expected);
          const got = updateManagedFields(current, clone(next), manager, "Update", time, "v1", subresource, def);
          expect(got.metadata.managedFields ?? [], `${resource} ${stored.metadata.name} step ${step}`).toEqual(tracked ? encodeManagedFields(expected) : []);
          current = got;
          checked++;
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(500);
});

it("values interned level by level are the JSON the sets give, and share the levels they have in common", () => {
  const client = testCluster({ nodes: 2 });
  const { cluster } = client;
  const deployment = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ports: [{ containerPort: 80 }] }] } } },
  };
  expect(client.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment).status).toBe(201);
  for (let i = 0; i < 10; i++) client.tick(1000);
  let checked = 0;
  for (const resource of cluster.store.resources()) {
    for (const obj of cluster.store.list(resource)) {
      for (const e of obj.metadata.managedFields ?? []) {
        const text = JSON.stringify(e.fieldsV1);
        const set = FieldSet.fromFieldsV1(JSON.parse(text));
        // Encoding the set gives the same text, key order included (what is stored and printed).
        const [encoded] = encodeManagedFields(new Map([["x", { manager: "m", operation: "Update", apiVersion: "v1", set }]]));
        expect(JSON.stringify(encoded.fieldsV1)).toBe(text);
        expect(JSON.stringify(set.toFieldsV1())).toBe(text);
        // A value read from storage comes back as the one interned value of that content.
        const loaded = internFieldsV1(JSON.parse(text));
        expect(JSON.stringify(loaded)).toBe(text);
        expect(internFieldsV1(JSON.parse(text))).toBe(loaded);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(20);

  // Two pods' kubelet sets differ only under podIPs: everything else is one shared value.
  const podSet = (ip: string) =>
    FieldSet.fromFieldsV1({ "f:status": { "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:status": {} } }, "f:podIPs": { ".": {}, [`k:{"ip":"${ip}"}`]: { ".": {}, "f:ip": {} } } } });
  const encode = (set: FieldSet) => encodeManagedFields(new Map([["x", { manager: "kubelet", operation: "Update", apiVersion: "v1", set }]]))[0].fieldsV1 as any;
  const a = encode(podSet("10.244.1.2"));
  const b = encode(podSet("10.244.1.3"));
  expect(a).not.toBe(b);
  expect(a["f:status"]["f:conditions"]).toBe(b["f:status"]["f:conditions"]);
  expect(a["f:status"]["f:podIPs"]).not.toBe(b["f:status"]["f:podIPs"]);
  // A malformed value (not only nested objects) is left as it is.
  const odd = { "f:a": { "f:b": 1 } };
  expect(internFieldsV1(odd as any)).toBe(odd);
});
