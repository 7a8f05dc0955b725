import { describe, expect, it } from "vitest";
import { applyMergePatch, PatchError } from "../../../src/engine/machinery/patch";
import { deepFreeze, deployment } from "./fixtures";

interface OkCase {
  name: string;
  original: unknown;
  patch: unknown;
  want: unknown;
}

const ok: OkCase[] = [
  // RFC 7386 appendix A (the object cases)
  { name: "RFC: replace a value", original: { a: "b" }, patch: { a: "c" }, want: { a: "c" } },
  { name: "RFC: add a key", original: { a: "b" }, patch: { b: "c" }, want: { a: "b", b: "c" } },
  { name: "RFC: null deletes a key", original: { a: "b" }, patch: { a: null }, want: {} },
  { name: "RFC: null deletes only that key", original: { a: "b", b: "c" }, patch: { a: null }, want: { b: "c" } },
  { name: "RFC: a scalar replaces a list", original: { a: ["b"] }, patch: { a: "c" }, want: { a: "c" } },
  { name: "RFC: a list replaces a scalar", original: { a: "c" }, patch: { a: ["b"] }, want: { a: ["b"] } },
  { name: "RFC: objects merge recursively", original: { a: { b: "c" } }, patch: { a: { b: "d", c: null } }, want: { a: { b: "d" } } },
  { name: "RFC: lists are replaced whole", original: { a: [{ b: "c" }] }, patch: { a: [1] }, want: { a: [1] } },
  { name: "RFC: nulls already in the document stay", original: { e: null }, patch: { a: 1 }, want: { a: 1, e: null } },
  { name: "RFC: nulls of a new object are pruned", original: {}, patch: { a: { bb: { ccc: null } } }, want: { a: { bb: {} } } },
  // evanphx/json-patch v4 details
  { name: "an object over a null value is taken with its nulls pruned", original: { title: null }, patch: { title: { foo: "bar", x: null } }, want: { title: { foo: "bar" } } },
  { name: "an object over a scalar is taken with its nulls pruned", original: { a: 1 }, patch: { a: { b: null, c: 2 } }, want: { a: { c: 2 } } },
  { name: "null list items are kept", original: { a: ["b"] }, patch: { a: ["b", null] }, want: { a: ["b", null] } },
  { name: "a new list has the nulls of its objects pruned", original: {}, patch: { a: [{ b: null, c: 1 }] }, want: { a: [{ c: 1 }] } },
  { name: "a list replacing an object is taken as is", original: { a: { x: 1 } }, patch: { a: [{ b: null }] }, want: { a: [{ b: null }] } },
  { name: "an empty list replaces a list", original: { array: ["one", "two"] }, patch: { array: [] }, want: { array: [] } },
  { name: "deleting a missing key is a no-op", original: { a: 1 }, patch: { b: null }, want: { a: 1 } },
  { name: "an empty patch changes nothing", original: { a: 1 }, patch: {}, want: { a: 1 } },
];

describe("merge patch: RFC 7386 as evanphx/json-patch v4 MergePatch applies it", () => {
  it.each(ok)("$name", ({ original, patch, want }) => {
    expect(applyMergePatch(deepFreeze(original), deepFreeze(patch))).toEqual(want);
  });

  it("keeps a __proto__ key as data and does not pollute Object.prototype", () => {
    const out = applyMergePatch({}, JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the result shares nothing with the patch", () => {
    const patch = deepFreeze({ spec: { list: [1] } });
    const out = applyMergePatch({}, patch) as { spec: { list: number[] } };
    out.spec.list.push(2);
    expect(patch.spec.list).toEqual([1]);
  });
});

describe("merge patch: the patches kubectl sends", () => {
  it("kubectl label web tier=frontend", () => {
    const out = applyMergePatch(deployment(), deepFreeze({ metadata: { labels: { tier: "frontend" } } })) as ReturnType<typeof deployment>;
    expect(out.metadata.labels).toEqual({ app: "web", tier: "frontend" });
    expect(out.spec).toEqual(deployment().spec);
  });

  it("kubectl label web app- (remove a label)", () => {
    const out = applyMergePatch(deployment(), deepFreeze({ metadata: { labels: { app: null } } })) as ReturnType<typeof deployment>;
    expect(out.metadata.labels).toEqual({});
  });

  it("kubectl annotate with --resource-version sends resourceVersion too", () => {
    const original = deepFreeze({ metadata: { name: "x", resourceVersion: "7", annotations: { a: "1" } } });
    const out = applyMergePatch(original, deepFreeze({ metadata: { annotations: { b: "2" }, resourceVersion: "7" } }));
    expect(out).toEqual({ metadata: { name: "x", resourceVersion: "7", annotations: { a: "1", b: "2" } } });
  });

  it("kubectl scale (merge patch on the scale subresource)", () => {
    const out = applyMergePatch(deepFreeze({ spec: { replicas: 2 }, status: { replicas: 2 } }), deepFreeze({ spec: { replicas: 5 } }));
    expect(out).toEqual({ spec: { replicas: 5 }, status: { replicas: 2 } });
  });

  it("a merge patch replaces containers wholesale (unlike a strategic patch)", () => {
    const out = applyMergePatch(deployment(), deepFreeze({ spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } } })) as ReturnType<typeof deployment>;
    expect(out.spec.template.spec.containers).toEqual([{ name: "nginx", image: "nginx:1.25" }]);
  });
});

describe("merge patch errors", () => {
  const cases = [
    { name: "a null body (jsonpatch.ErrBadJSONPatch)", patch: null, message: "Invalid JSON Patch" },
    { name: "a list body", patch: [{ a: 1 }], message: "error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}" },
    { name: "a string body", patch: "bar", message: "error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}" },
    { name: "a number body", patch: 1, message: "error decoding patch: json: cannot unmarshal number into Go value of type map[string]interface {}" },
  ];
  it.each(cases)("$name -> 400 BadRequest", ({ patch, message }) => {
    try {
      applyMergePatch({ a: 1 }, patch);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PatchError);
      expect((e as PatchError).toStatus()).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason: "BadRequest", code: 400 });
    }
  });

  it("a patch nested deeper than the depth limit is 400", () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) deep = { x: deep };
    expect(() => applyMergePatch({}, deep)).toThrowError(expect.objectContaining({ code: 400, message: "the patch is nested too deeply" }));
  });
});
