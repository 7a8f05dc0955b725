import { describe, expect, test } from "vitest";
import { EVENTS_RESOURCE, ObjectStore } from "../../src/engine/store/store";
import { LIMITS } from "../../src/engine/limits";

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

  test("endWatches ends every watch (not other listeners) and stops their changes", () => {
    const s = new ObjectStore();
    const seen: string[] = [];
    let ended = 0;
    s.subscribe((c) => seen.push(`watch:${c.object.metadata.name}`), () => ended++);
    s.subscribe((c) => seen.push(`internal:${c.object.metadata.name}`));
    s.endWatches();
    s.create("configmaps", cm("a"));
    expect(ended).toBe(1);
    expect(seen).toEqual(["internal:a"]);
    expect(s.watcherCount).toBe(1);
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

  test("at LIMITS.maxEvents a new Event replaces the oldest one (a delete the pending writes carry); other objects are not counted against it", () => {
    const s = new ObjectStore();
    const ev = (i: number) => ({ apiVersion: "v1", kind: "Event", metadata: { name: `e${i}`, namespace: "default" }, reason: "Test" });
    s.create("configmaps", cm("keep"));
    for (let i = 0; i < LIMITS.maxEvents; i++) s.create(EVENTS_RESOURCE, ev(i));
    s.takePendingWrites();
    s.create(EVENTS_RESOURCE, ev(LIMITS.maxEvents));
    expect(s.get(EVENTS_RESOURCE, "default", "e0")).toBeUndefined();
    expect(s.get(EVENTS_RESOURCE, "default", "e1")).toBeDefined();
    expect(s.list(EVENTS_RESOURCE)).toHaveLength(LIMITS.maxEvents);
    const writes = s.takePendingWrites()!;
    expect(writes.deletes).toEqual([`${EVENTS_RESOURCE}/default/e0`]);
    expect(writes.puts.map((p) => p.name)).toEqual([`e${LIMITS.maxEvents}`]);
    expect(s.get("configmaps", "default", "keep")).toBeDefined();
  });
});
