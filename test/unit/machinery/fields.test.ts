import { describe, expect, test } from "vitest";
import {
  FieldSelectorParseError,
  escapeFieldValue,
  fieldRequiresExactMatch,
  fieldSelectorFromSet,
  fieldSelectorToString,
  isEmptyFieldSelector,
  matchesFields,
  nothingFieldSelector,
  parseFieldSelector,
  requirementsOf,
  transformFieldSelector,
  unescapeFieldValue,
} from "../../../src/engine/machinery/fields";

describe("parseFieldSelector: valid selectors", () => {
  test.each([
    ["", "", []],
    ["a=b", "a=b", [{ field: "a", operator: "=", value: "b" }]],
    ["a==b", "a=b", [{ field: "a", operator: "=", value: "b" }]],
    ["a!=b", "a!=b", [{ field: "a", operator: "!=", value: "b" }]],
    ["a=", "a=", [{ field: "a", operator: "=", value: "" }]],
    [
      "z=1,a!=2",
      "a!=2,z=1",
      [
        { field: "a", operator: "!=", value: "2" },
        { field: "z", operator: "=", value: "1" },
      ],
    ],
    [
      "metadata.name=web,spec.nodeName=",
      "metadata.name=web,spec.nodeName=",
      [
        { field: "metadata.name", operator: "=", value: "web" },
        { field: "spec.nodeName", operator: "=", value: "" },
      ],
    ],
    ["a=b,", "a=b", [{ field: "a", operator: "=", value: "b" }]],
    [",a=b", "a=b", [{ field: "a", operator: "=", value: "b" }]],
    // terms are sorted as written (byte order: "k2" < "k="), like Go's sort.StringSlice
    ["k=\\,,k2=v2", "k2=v2,k=\\,", [
      { field: "k2", operator: "=", value: "v2" },
      { field: "k", operator: "=", value: "," },
    ]],
    ["x=a\\=\\=b", "x=a\\=\\=b", [{ field: "x", operator: "=", value: "a==b" }]],
    ["x=a\\\\b", "x=a\\\\b", [{ field: "x", operator: "=", value: "a\\b" }]],
    ["x=a||y\\=b", "x=a||y\\=b", [{ field: "x", operator: "=", value: "a||y=b" }]],
    ["함=수,목=록", "목=록,함=수", [
      { field: "목", operator: "=", value: "록" },
      { field: "함", operator: "=", value: "수" },
    ]],
    ["=", "", []], // field and value both empty: dropped, like Go's Transform
    ["!=", "", []],
  ])("%j -> %j", (input, str, reqs) => {
    const sel = parseFieldSelector(input);
    expect(fieldSelectorToString(sel)).toBe(str);
    expect(requirementsOf(sel)).toEqual(reqs);
  });
});

describe("parseFieldSelector: errors", () => {
  test.each([
    ["a", "invalid selector: 'a'; can't understand 'a'"],
    ["a=b,foo", "invalid selector: 'a=b,foo'; can't understand 'foo'"],
    ["a=b=c", "invalid field selector: unescaped character in value: 61"],
    ["a!=b=c", "invalid field selector: unescaped character in value: 61"],
    ["a=b\\x", "invalid field selector: invalid escape sequence: \\x"],
    ["a=\\한", "invalid field selector: invalid escape sequence: \\한"],
    ["a=b\\", "invalid field selector: invalid escape sequence: \\"],
    ["k=\\a\\b\\", "invalid field selector: invalid escape sequence: \\a"],
  ])("%j -> %j", (input, message) => {
    expect(() => parseFieldSelector(input)).toThrow(new FieldSelectorParseError(message));
  });

  test("an unescaped comma inside a value reports rune 44", () => {
    expect(() => unescapeFieldValue("a,b")).toThrow("invalid field selector: unescaped character in value: 44");
  });
});

describe("escaping", () => {
  test.each([
    ["", ""],
    ["a", "a"],
    ["=", "\\="],
    [",", "\\,"],
    ["\\", "\\\\"],
    ["\\=\\,\\", "\\\\\\=\\\\\\,\\\\"],
  ])("%j <-> %j", (raw, escaped) => {
    expect(escapeFieldValue(raw)).toBe(escaped);
    expect(unescapeFieldValue(escaped)).toBe(raw);
  });
});

describe("matchesFields", () => {
  const pod: Record<string, string> = { "metadata.name": "web-1", "status.phase": "Running", "spec.nodeName": "node-1" };
  const get = (f: string) => pod[f];
  test.each([
    ["", true],
    ["metadata.name=web-1", true],
    ["metadata.name==web-1", true],
    ["metadata.name=web-2", false],
    ["status.phase!=Running", false],
    ["status.phase!=Pending", true],
    ["status.phase=Running,spec.nodeName=node-1", true],
    ["status.phase=Running,spec.nodeName=node-2", false],
    ["spec.other=", true], // absent fields read as ""
    ["spec.other!=x", true],
  ])("%j -> %s", (sel, want) => {
    expect(matchesFields(parseFieldSelector(sel), get)).toBe(want);
  });

  test("Nothing matches nothing", () => {
    expect(matchesFields(nothingFieldSelector(), get)).toBe(false);
  });
});

describe("helpers", () => {
  test("isEmptyFieldSelector", () => {
    expect(isEmptyFieldSelector(parseFieldSelector(""))).toBe(true);
    expect(isEmptyFieldSelector(parseFieldSelector("a=b"))).toBe(false);
    expect(isEmptyFieldSelector(nothingFieldSelector())).toBe(false);
  });

  test("fieldRequiresExactMatch", () => {
    const sel = parseFieldSelector("metadata.name=a,metadata.namespace!=b");
    expect(fieldRequiresExactMatch(sel, "metadata.name")).toBe("a");
    expect(fieldRequiresExactMatch(sel, "metadata.namespace")).toBeUndefined();
  });

  test("transformFieldSelector lets callers reject unsupported labels", () => {
    const supported = new Set(["metadata.name", "metadata.namespace"]);
    const convert = (f: string, v: string): [string, string] => {
      if (!supported.has(f)) throw new Error(`field label not supported: ${f}`);
      return [f, v];
    };
    expect(() => transformFieldSelector(parseFieldSelector("metadata.name=a,spec.foo=b"), convert)).toThrow(
      "field label not supported: spec.foo",
    );
    const renamed = transformFieldSelector(parseFieldSelector("name=a"), (_f, v) => ["metadata.name", v]);
    expect(fieldSelectorToString(renamed)).toBe("metadata.name=a");
    expect(isEmptyFieldSelector(transformFieldSelector(parseFieldSelector("x=y"), () => ["", ""]))).toBe(true);
  });

  test("fieldSelectorFromSet", () => {
    expect(fieldSelectorToString(fieldSelectorFromSet({ b: "2", a: "x,y" }))).toBe("a=x\\,y,b=2");
  });
});
