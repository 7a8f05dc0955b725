import { describe, expect, it } from "vitest";
import { applyPatch, parsePatchBody, patchContentType, PatchError } from "../../../src/engine/machinery/patch";
import { deepFreeze, deployment, metaFor } from "./fixtures";

type Obj = Record<string, any>;
const meta = metaFor("Deployment");
const setImage = deepFreeze({ spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.25" }] } } } });

describe("applyPatch: dispatch by Content-Type", () => {
  const cases = [
    { name: "strategic merge patch merges containers by name", contentType: "application/strategic-merge-patch+json", patch: setImage, want: ["nginx:1.25", "busybox:1.36"] },
    { name: "a charset parameter is ignored", contentType: "application/strategic-merge-patch+json; charset=utf-8", patch: setImage, want: ["nginx:1.25", "busybox:1.36"] },
    { name: "merge patch replaces the containers list", contentType: "application/merge-patch+json", patch: setImage, want: ["nginx:1.25"] },
    {
      name: "json patch applies operations",
      contentType: "application/json-patch+json",
      patch: [{ op: "replace", path: "/spec/template/spec/containers/1/image", value: "busybox:1.37" }],
      want: ["nginx:1.24", "busybox:1.37"],
    },
  ];
  it.each(cases)("$name", ({ contentType, patch, want }) => {
    const out = applyPatch(contentType, deployment(), deepFreeze(patch), meta) as Obj;
    expect(out.spec.template.spec.containers.map((c: Obj) => c.image)).toEqual(want);
  });

  const unsupported = ["application/json", "application/apply-patch+yaml", "Application/Merge-Patch+json", " application/merge-patch+json", "application/merge-patch+json ; charset=utf-8", ""];
  it.each(unsupported)("%j is 415 UnsupportedMediaType", (contentType) => {
    try {
      applyPatch(contentType, {}, {}, meta);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PatchError);
      expect((e as PatchError).toStatus()).toEqual({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message:
          "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml",
        reason: "UnsupportedMediaType",
        code: 415,
      });
    }
  });

  it("patchContentType reads the type as the handler does", () => {
    expect(patchContentType("application/json-patch+json;charset=utf-8")).toBe("application/json-patch+json");
    expect(patchContentType("application/merge-patch+json")).toBe("application/merge-patch+json");
    expect(patchContentType(";application/merge-patch+json")).toBeUndefined();
  });

  it("a json patch that turns the object into a list is 422 Invalid on the field patch", () => {
    try {
      applyPatch("application/json-patch+json", { a: 1 }, [{ op: "replace", path: "", value: [1] }], meta);
      expect.unreachable();
    } catch (e) {
      const s = (e as PatchError).toStatus();
      expect(s.code).toBe(422);
      expect(s.reason).toBe("Invalid");
      expect(s.message).toMatch(/^ "" is invalid: patch: Invalid value: "\[1\]": couldn't get version\/kind; json parse error: json: cannot unmarshal array into Go value of type struct/);
      expect(s.details?.causes).toEqual([{ reason: "FieldValueInvalid", field: "patch", message: expect.stringMatching(/^Invalid value: "\[1\]": /) }]);
    }
  });

  it("never mutates the stored object", () => {
    const stored = deployment();
    for (const [ct, body] of [
      ["application/strategic-merge-patch+json", setImage],
      ["application/merge-patch+json", setImage],
      ["application/json-patch+json", [{ op: "remove", path: "/spec/template/spec/containers/0" }]],
    ] as const) {
      applyPatch(ct, stored, deepFreeze(body), meta);
    }
    expect(stored).toEqual(deployment());
  });
});

describe("parsePatchBody", () => {
  it("parses JSON", () => {
    expect(parsePatchBody("application/merge-patch+json", '{"a":1}')).toEqual({ a: 1 });
  });
  const bad = [
    { name: "merge patch: Invalid JSON Patch", contentType: "application/merge-patch+json", text: "{", message: "Invalid JSON Patch" },
    { name: "json patch: empty body", contentType: "application/json-patch+json", text: "", message: "error decoding patch: unexpected end of JSON input" },
    { name: "strategic: empty body", contentType: "application/strategic-merge-patch+json", text: " ", message: "unexpected end of JSON input" },
  ];
  it.each(bad)("$name -> 400", ({ contentType, text, message }) => {
    expect(() => parsePatchBody(contentType, text)).toThrowError(expect.objectContaining({ code: 400, message }));
  });
});
