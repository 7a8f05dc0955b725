import { describe, expect, test } from "vitest";
import { ObjectStore } from "../../src/engine/store/store";

const cm = (name: string, ns = "default") => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: ns }, data: { a: "1" } });

describe("ObjectStore", () => {
  test("stamps one increasing resourceVersion across all resources", () => {
    const s = new ObjectStore(10);
    const a = s.create("configmaps", cm("a"));
    const b = s.create("secrets", cm("b"));
    const a2 = s.update("configmaps", { ...a, data: { a: "2" } });
    expect([a.metadata.resourceVersion, b.metadata.resourceVersion, a2.metadata.resourceVersion]).toEqual(["11", "12", "13"]);
    expect(s.resourceVersion).toBe(13);
  });

  test("a delete takes a resourceVersion of its own and leaves the object gone", () => {
    const s = new ObjectStore();
    s.create("configmaps", cm("a"));
    const gone = s.delete("configmaps", "default", "a");
    expect(gone?.metadata.resourceVersion).toBe("3");
    expect(s.get("configmaps", "default", "a")).toBeUndefined();
    expect(s.size).toBe(0);
  });

  test("lists by namespace in key order", () => {
    const s = new ObjectStore();
    for (const [n, ns] of [["b", "x"], ["a", "y"], ["a", "x"]]) s.create("configmaps", cm(n, ns));
    expect(s.list("configmaps").map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["x/a", "x/b", "y/a"]);
    expect(s.list("configmaps", "y").map((o) => o.metadata.name)).toEqual(["a"]);
  });

  test("remembers changes for watches and forgets them past the history limit", () => {
    const s = new ObjectStore();
    s.create("configmaps", cm("a"));
    s.create("configmaps", cm("b"));
    expect(s.changesSince(2)!.map((c) => [c.type, c.object.metadata.name])).toEqual([["ADDED", "b"]]);
    expect(s.changesSince(0)).toBeUndefined();
  });

  test("hands the persistence layer exactly what changed since last time", () => {
    const s = new ObjectStore();
    s.create("configmaps", cm("a"));
    s.create("configmaps", cm("b"));
    s.delete("configmaps", "default", "b");
    const w = s.takePendingWrites()!;
    expect(w.puts.map((p) => p.key)).toEqual(["configmaps/default/a"]);
    expect(w.deletes).toEqual(["configmaps/default/b"]);
    expect(s.takePendingWrites()).toBeUndefined();
  });

  test("rebuilds from persisted rows without marking anything dirty", () => {
    const s = new ObjectStore();
    s.load([{ resource: "configmaps", body: JSON.stringify({ ...cm("a"), metadata: { name: "a", namespace: "default", resourceVersion: "7" } }) }], 7);
    expect(s.get("configmaps", "default", "a")?.metadata.resourceVersion).toBe("7");
    expect(s.takePendingWrites()).toBeUndefined();
    expect(s.create("configmaps", cm("b")).metadata.resourceVersion).toBe("8");
  });
});
