// The client side of patches (kubectl's CreateTwoWayMergePatch / CreateThreeWayMergePatch and JSON
// merge patch diffs): what they compute, and that applying the result gives the intended object.
import { describe, expect, it } from "vitest";
import { createMergePatch, createThreeWayJsonMergePatch, createThreeWayMergePatch, createTwoWayMergePatch } from "../../src/engine/machinery/patch/create-patch";
import { applyStrategicMergePatch, type PatchMetaLookup } from "../../src/engine/machinery/patch";

const meta: PatchMetaLookup = (path) => {
  const p = path.join(".");
  if (p === "spec.containers") return { mergeKey: "name", strategy: "merge" };
  if (p === "spec.containers.env") return { mergeKey: "name", strategy: "merge" };
  if (p === "metadata.finalizers") return { strategy: "merge" };
  return undefined;
};

describe("createThreeWayMergePatch", () => {
  it("deletes what the last configuration had, changes what differs, keeps other writers' fields", () => {
    const original = { metadata: { labels: { a: "1" } }, spec: { containers: [{ name: "c", image: "x:1", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] } };
    const modified = { metadata: { labels: {} }, spec: { containers: [{ name: "c", image: "x:2", env: [{ name: "B", value: "3" }, { name: "C", value: "4" }] }] } };
    const current = { metadata: { labels: { a: "1", team: "blue" } }, spec: { containers: [{ name: "c", image: "x:1", imagePullPolicy: "Always", env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] }] } };
    const patch = createThreeWayMergePatch(original, modified, current, meta);
    const result = applyStrategicMergePatch(current, patch, meta) as any;
    expect(result.metadata.labels).toEqual({ team: "blue" });
    expect(result.spec.containers).toEqual([{ name: "c", image: "x:2", imagePullPolicy: "Always", env: [{ name: "B", value: "3" }, { name: "C", value: "4" }] }]);
  });

  it("is empty when nothing changed", () => {
    const obj = { spec: { containers: [{ name: "c", image: "x" }] } };
    expect(createThreeWayMergePatch(obj, obj, { ...obj, status: { phase: "Running" } }, meta)).toEqual({});
  });

  it("sends set-element-order and primitive deletions for merged lists", () => {
    const patch = createTwoWayMergePatch({ metadata: { finalizers: ["a", "b"] } }, { metadata: { finalizers: ["b"] } }, meta);
    expect(patch).toEqual({ metadata: { "$deleteFromPrimitiveList/finalizers": ["a"], "$setElementOrder/finalizers": ["b"] } });
  });
});

describe("JSON merge patch diffs", () => {
  it("two-way: nulls for removed keys, whole lists", () => {
    expect(createMergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1] }, { b: { c: 2 }, l: [1, 2] })).toEqual({ a: null, b: { d: null }, l: [1, 2] });
  });
  it("three-way: deletions only of what was applied before", () => {
    expect(createThreeWayJsonMergePatch({ a: 1, b: 2 }, { b: 3 }, { a: 1, b: 2, other: true })).toEqual({ a: null, b: 3 });
  });
});
