import { describe, expect, it } from "vitest";
import { applyJsonPatch, GENERIC_422_MESSAGE, MAX_JSON_PATCH_OPERATIONS, PatchError } from "../../../src/engine/machinery/patch";
import { deepFreeze, deployment } from "./fixtures";

const doc = <T>(v: T): T => deepFreeze(v);

interface OkCase {
  name: string;
  original: unknown;
  patch: unknown;
  want: unknown;
}

const ok: OkCase[] = [
  { name: "add sets a new key", original: { foo: "bar" }, patch: [{ op: "add", path: "/baz", value: "qux" }], want: { foo: "bar", baz: "qux" } },
  { name: "add replaces an existing key", original: { foo: "bar" }, patch: [{ op: "add", path: "/foo", value: 1 }], want: { foo: 1 } },
  { name: "add inserts into an array", original: { a: ["x", "z"] }, patch: [{ op: "add", path: "/a/1", value: "y" }], want: { a: ["x", "y", "z"] } },
  { name: "add at array length appends", original: { a: ["x"] }, patch: [{ op: "add", path: "/a/1", value: "y" }], want: { a: ["x", "y"] } },
  { name: "add with - appends", original: { a: ["x"] }, patch: [{ op: "add", path: "/a/-", value: "y" }], want: { a: ["x", "y"] } },
  { name: "add with a negative index counts from the end (evanphx)", original: { a: ["x", "y"] }, patch: [{ op: "add", path: "/a/-1", value: "z" }], want: { a: ["x", "y", "z"] } },
  { name: "add of an object value", original: {}, patch: [{ op: "add", path: "/spec", value: { replicas: 1 } }], want: { spec: { replicas: 1 } } },
  { name: "add without a value adds null", original: {}, patch: [{ op: "add", path: "/x" }], want: { x: null } },
  { name: "add with path / uses the empty key", original: {}, patch: [{ op: "add", path: "/", value: 1 }], want: { "": 1 } },
  { name: "remove a key", original: { a: 1, b: 2 }, patch: [{ op: "remove", path: "/a" }], want: { b: 2 } },
  { name: "remove an array item", original: { a: [1, 2, 3] }, patch: [{ op: "remove", path: "/a/1" }], want: { a: [1, 3] } },
  { name: "remove the last array item by -1", original: { a: [1, 2, 3] }, patch: [{ op: "remove", path: "/a/-1" }], want: { a: [1, 2] } },
  { name: "remove a key holding null", original: { a: null, b: 1 }, patch: [{ op: "remove", path: "/a" }], want: { b: 1 } },
  { name: "replace a value", original: { a: 1 }, patch: [{ op: "replace", path: "/a", value: 2 }], want: { a: 2 } },
  { name: "replace of a missing object key adds it (evanphx v4)", original: { a: 1 }, patch: [{ op: "replace", path: "/b", value: 2 }], want: { a: 1, b: 2 } },
  { name: "replace an array item by negative index", original: { a: [1, 2] }, patch: [{ op: "replace", path: "/a/-2", value: 9 }], want: { a: [9, 2] } },
  { name: "replace the whole document", original: { a: 1 }, patch: [{ op: "replace", path: "", value: { b: 2 } }], want: { b: 2 } },
  { name: "replace the whole document with a scalar is ignored (evanphx v4)", original: { a: 1 }, patch: [{ op: "replace", path: "", value: 5 }], want: { a: 1 } },
  { name: "move a key", original: { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } }, patch: [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }], want: { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } } },
  { name: "move an array item", original: { a: [1, 2, 3, 4] }, patch: [{ op: "move", from: "/a/1", path: "/a/3" }], want: { a: [1, 3, 4, 2] } },
  { name: "copy a value", original: { a: { b: [1] } }, patch: [{ op: "copy", from: "/a", path: "/c" }], want: { a: { b: [1] }, c: { b: [1] } } },
  { name: "copy from a missing key copies null (evanphx v4)", original: { a: 1 }, patch: [{ op: "copy", from: "/nope", path: "/c" }], want: { a: 1, c: null } },
  { name: "test passes on an equal value", original: { a: { b: [1, "x"] } }, patch: [{ op: "test", path: "/a", value: { b: [1, "x"] } }], want: { a: { b: [1, "x"] } } },
  { name: "test of a missing key against null passes", original: { a: 1 }, patch: [{ op: "test", path: "/nope", value: null }], want: { a: 1 } },
  { name: "test of the whole document", original: { a: 1 }, patch: [{ op: "test", path: "", value: { a: 1 } }], want: { a: 1 } },
  { name: "~1 and ~0 are unescaped in keys", original: { metadata: { labels: { "app.kubernetes.io/name": "x", "a~b": "y" } } }, patch: [{ op: "replace", path: "/metadata/labels/app.kubernetes.io~1name", value: "z" }, { op: "remove", path: "/metadata/labels/a~0b" }], want: { metadata: { labels: { "app.kubernetes.io/name": "z" } } } },
  { name: "~01 unescapes to ~1, not /", original: { "~1": 1 }, patch: [{ op: "remove", path: "/~01" }], want: {} },
  { name: "operations apply in order", original: { a: [] }, patch: [{ op: "add", path: "/a/-", value: 1 }, { op: "add", path: "/a/-", value: 2 }, { op: "test", path: "/a/1", value: 2 }], want: { a: [1, 2] } },
  { name: "a null body is an empty patch", original: { a: 1 }, patch: null, want: { a: 1 } },
  { name: "an empty list changes nothing", original: { a: 1 }, patch: [], want: { a: 1 } },
  { name: "a value added twice is not shared", original: {}, patch: [{ op: "add", path: "/a", value: { n: 1 } }, { op: "copy", from: "/a", path: "/b" }, { op: "replace", path: "/b/n", value: 2 }], want: { a: { n: 1 }, b: { n: 2 } } },
];

describe("json patch: RFC 6902 operations as evanphx/json-patch v4 applies them", () => {
  it.each(ok)("$name", ({ original, patch, want }) => {
    expect(applyJsonPatch(doc(original), doc(patch))).toEqual(want);
  });

  it("does not mutate the original or the patch (both frozen), nor alias the patch's values", () => {
    const original = doc({ a: [1] });
    const patch = doc([{ op: "add", path: "/b", value: { c: [1] } }]);
    const out = applyJsonPatch(original, patch) as { b: { c: number[] } };
    out.b.c.push(2);
    expect(patch[0].value).toEqual({ c: [1] });
    expect(original).toEqual({ a: [1] });
  });

  it("keeps a __proto__ key as data", () => {
    const out = applyJsonPatch({}, JSON.parse('[{"op":"add","path":"/__proto__","value":{"polluted":true}}]')) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("json patch: the patches kubectl sends", () => {
  it("kubectl rollout undo: replace /spec/template and /metadata/annotations", () => {
    const previousTemplate = {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "nginx", image: "nginx:1.23" }] },
    };
    const patch = doc([
      { op: "replace", path: "/spec/template", value: previousTemplate },
      { op: "replace", path: "/metadata/annotations", value: { "deployment.kubernetes.io/revision": "2" } },
    ]);
    const out = applyJsonPatch(deployment(), patch) as ReturnType<typeof deployment>;
    expect(out.spec.template).toEqual(previousTemplate);
    expect(out.spec.replicas).toBe(2);
    expect(out.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "2" });
    expect(out.metadata.labels).toEqual({ app: "web" });
  });

  it("kubectl patch --type=json: test-then-replace an image by index", () => {
    const patch = doc([
      { op: "test", path: "/spec/template/spec/containers/0/name", value: "nginx" },
      { op: "replace", path: "/spec/template/spec/containers/0/image", value: "nginx:1.25" },
      { op: "add", path: "/spec/template/spec/containers/0/args", value: ["-g", "daemon off;"] },
    ]);
    const out = applyJsonPatch(deployment(), patch) as ReturnType<typeof deployment>;
    expect(out.spec.template.spec.containers[0]).toMatchObject({ name: "nginx", image: "nginx:1.25", args: ["-g", "daemon off;"] });
  });
});

interface ErrCase {
  name: string;
  original?: unknown;
  patch: unknown;
  code: number;
  message: string;
  /** The evanphx text, which the server does not send for a 422. */
  detail?: string;
}

const M = GENERIC_422_MESSAGE;
const errors: ErrCase[] = [
  // 422 Invalid: an operation that does not apply; the message is the generic one.
  { name: "failed test", original: { metadata: { name: "a" } }, patch: [{ op: "test", path: "/metadata/name", value: "b" }], code: 422, message: M, detail: "testing value /metadata/name failed: test failed" },
  { name: "test of a missing key against a value", original: {}, patch: [{ op: "test", path: "/a", value: 1 }], code: 422, message: M, detail: "testing value /a failed: test failed" },
  { name: "test without a value of an existing key", original: { a: [] }, patch: [{ op: "test", path: "/a" }], code: 422, message: M, detail: "testing value /a failed: test failed" },
  { name: "test under a missing parent", original: {}, patch: [{ op: "test", path: "/a/b", value: 1 }], code: 422, message: M, detail: "test operation does not apply: is missing path: /a/b: missing value" },
  { name: "add under a missing parent", original: { foo: "bar" }, patch: [{ op: "add", path: "/baz/bat", value: "qux" }], code: 422, message: M, detail: 'add operation does not apply: doc is missing path: "/baz/bat": missing value' },
  { name: "add with an empty path", original: {}, patch: [{ op: "add", path: "", value: 1 }], code: 422, message: M, detail: 'add operation does not apply: doc is missing path: "": missing value' },
  { name: "add past the end of an array", original: { a: [1] }, patch: [{ op: "add", path: "/a/2", value: 1 }], code: 422, message: M, detail: "error in add for path: '/a/2': Unable to access invalid index: 2: invalid index referenced" },
  { name: "add at a non-numeric array index", original: { a: [1] }, patch: [{ op: "add", path: "/a/x", value: 1 }], code: 422, message: M, detail: `error in add for path: '/a/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax` },
  { name: "add through a scalar", original: { a: "s" }, patch: [{ op: "add", path: "/a/b", value: 1 }], code: 422, message: M, detail: 'add operation does not apply: doc is missing path: "/a/b": missing value' },
  { name: "remove of a missing key", original: { a: { b: { d: 1 } } }, patch: [{ op: "remove", path: "/a/b/c" }], code: 422, message: M, detail: "error in remove for path: '/a/b/c': Unable to remove nonexistent key: c: missing value" },
  { name: "remove under a missing parent", original: {}, patch: [{ op: "remove", path: "/spec/paused" }], code: 422, message: M, detail: 'remove operation does not apply: doc is missing path: "/spec/paused": missing value' },
  { name: "remove past the end of an array", original: { a: [1] }, patch: [{ op: "remove", path: "/a/1" }], code: 422, message: M, detail: "error in remove for path: '/a/1': Unable to access invalid index: 1: invalid index referenced" },
  { name: "remove with - (not an index for remove)", original: { a: [1] }, patch: [{ op: "remove", path: "/a/-" }], code: 422, message: M, detail: `error in remove for path: '/a/-': strconv.Atoi: parsing "-": invalid syntax` },
  { name: "remove without a path", original: {}, patch: [{ op: "remove" }], code: 422, message: M, detail: "remove operation failed to decode path: missing value" },
  { name: "replace under a missing parent", original: { spec: {} }, patch: [{ op: "replace", path: "/spec/foo/bar", value: 1 }], code: 422, message: M, detail: "replace operation does not apply: doc is missing path: /spec/foo/bar: missing value" },
  { name: "replace past the end of an array", original: { foo: ["bar", "baz"] }, patch: [{ op: "replace", path: "/foo/2", value: 1 }], code: 422, message: M, detail: "replace operation does not apply: doc is missing key: /foo/2: missing value" },
  { name: "move from a missing key", original: { a: { b: { d: 1 } } }, patch: [{ op: "move", from: "/a/b/c", path: "/a/b/e" }], code: 422, message: M, detail: "error in move for path: 'c': Unable to remove nonexistent key: c: missing value" },
  { name: "move to a missing parent", original: { a: 1 }, patch: [{ op: "move", from: "/a", path: "/x/y" }], code: 422, message: M, detail: "move operation does not apply: doc is missing destination path: /x/y: missing value" },
  { name: "move without from", original: { a: 1 }, patch: [{ op: "move", path: "/b" }], code: 422, message: M, detail: "move operation failed to decode from: operation, missing from field: missing value" },
  { name: "copy without from", original: { a: 1 }, patch: [{ op: "copy", path: "/b" }], code: 422, message: M, detail: "copy operation failed to decode from: operation, missing from field: missing value" },
  { name: "copy past the end of an array", original: { a: [1] }, patch: [{ op: "copy", from: "/a/0", path: "/a/5" }], code: 422, message: M, detail: "error while adding value during copy: Unable to access invalid index: 5: invalid index referenced" },
  { name: "unknown op", original: {}, patch: [{ op: "merge", path: "/a" }], code: 422, message: M, detail: "Unexpected kind: merge" },
  { name: "missing op", original: {}, patch: [{ path: "/a" }], code: 422, message: M, detail: "Unexpected kind: unknown" },
  { name: "op names are case-sensitive", original: {}, patch: [{ op: "Add", path: "/a", value: 1 }], code: 422, message: M, detail: "Unexpected kind: Add" },
  { name: "a null operation", original: {}, patch: [null], code: 422, message: M, detail: "Unexpected kind: unknown" },
  // 400 BadRequest: the body is not a list of operations (strict decode into []jsonPatchOp).
  { name: "an object instead of a list", patch: { op: "add", path: "/a", value: 1 }, code: 400, message: "error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp" },
  { name: "a string instead of a list", patch: "add", code: 400, message: "error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp" },
  { name: "a number in the list", patch: [1], code: 400, message: "error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp" },
  { name: "a non-string path", patch: [{ op: "add", path: 5, value: 1 }], code: 400, message: "error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string" },
  { name: "a non-string op", patch: [{ op: true, path: "/a" }], code: 400, message: "error decoding patch: json: cannot unmarshal bool into Go struct field jsonPatchOp.op of type string" },
];

describe("json patch errors: codes and messages of the real server", () => {
  it.each(errors)("$name -> $code", ({ original, patch, code, message, detail }) => {
    let err: unknown;
    try {
      applyJsonPatch(doc(original ?? {}), doc(patch));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    const pe = err as PatchError;
    expect(pe.code).toBe(code);
    expect(pe.message).toBe(message);
    if (detail !== undefined) expect(pe.detail).toBe(detail);
  });

  it("a failed operation renders the exact Status of NewGenericServerResponse(422)", () => {
    try {
      applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }]);
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).toStatus()).toEqual({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "the server rejected our request due to an error in our request",
        reason: "Invalid",
        details: {},
        code: 422,
      });
    }
  });

  it(`more than ${MAX_JSON_PATCH_OPERATIONS} operations is 413 RequestEntityTooLarge`, () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({ op: "test", path: "/a", value: 1 }));
    try {
      applyJsonPatch({ a: 1 }, ops);
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).toStatus()).toMatchObject({
        code: 413,
        reason: "RequestEntityTooLarge",
        message: "Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001",
      });
    }
  });

  it(`exactly ${MAX_JSON_PATCH_OPERATIONS} operations is allowed`, () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS }, () => ({ op: "test", path: "/a", value: 1 }));
    expect(applyJsonPatch({ a: 1 }, ops)).toEqual({ a: 1 });
  });

  it("a value nested deeper than the depth limit is 400", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 150; i++) deep = { x: deep };
    expect(() => applyJsonPatch({}, [{ op: "add", path: "/a", value: deep }])).toThrowError(
      expect.objectContaining({ code: 400, message: "the patch is nested too deeply" }),
    );
  });

  it("copies that add more than 3 MiB in total are 422", () => {
    const big = "x".repeat(1024 * 1024);
    const ops = [0, 1, 2].map((i) => ({ op: "copy", from: "/big", path: `/c${i}` }));
    try {
      applyJsonPatch({ big }, ops);
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).code).toBe(422);
      expect((e as PatchError).detail).toBe("Unable to complete the copy, the accumulated size increase of copy is 3145734, exceeding the limit 3145728");
    }
  });
});
