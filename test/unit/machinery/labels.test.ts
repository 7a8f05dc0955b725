import { describe, expect, test } from "vitest";
import {
  LabelSelectorParseError,
  addRequirements,
  labelSelectorGoString,
  everythingSelector,
  formatLabelSelector,
  formatLabels,
  isEmptySelector,
  labelSelectorAsMap,
  matches,
  newRequirement,
  nothingSelector,
  parseLabelSelector,
  parseToLabelSelector,
  requiresExactMatch,
  selectorFromLabelSelector,
  selectorFromSet,
  selectorToString,
  validatedSelectorFromSet,
} from "../../../src/engine/machinery/labels";
import { goQuote } from "../../../src/engine/machinery/strconv";

const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const OPS = "in, notin, =, ==, !=, gt, lt";

function parseError(s: string): string {
  try {
    parseLabelSelector(s);
  } catch (e) {
    expect(e).toBeInstanceOf(LabelSelectorParseError);
    return (e as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(s)} to fail`);
}

describe("parseLabelSelector: valid selectors and their canonical String()", () => {
  test.each([
    ["", ""],
    ["x=a", "x=a"],
    ["x==a", "x==a"],
    ["x!=a", "x!=a"],
    ["x", "x"],
    ["!x", "!x"],
    ["x>1", "x>1"],
    ["x>1,z<5", "x>1,z<5"],
    ["x=a,y=b,z=c", "x=a,y=b,z=c"],
    ["z=c,x=a", "x=a,z=c"], // sorted by key
    ["x=", "x="],
    ["x= ", "x="],
    ["x=,z= ", "x=,z="],
    ["  x = a ,\ty\n", "x=a,y"],
    ["x in (b,a)", "x in (a,b)"],
    ["x in (a,a,b)", "x in (a,b)"],
    ["x notin (a)", "x notin (a)"],
    ["x in ()", "x in ()"],
    ["x in (,a)", "x in (,a)"],
    ["x in (a,)", "x in (,a)"],
    ["x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"],
    ["in in (in)", "in in (in)"],
    ["notin=in", "notin=in"],
    ["example.com/app=web", "example.com/app=web"],
    ["x in(a),y notin(b)", "x in (a),y notin (b)"],
  ])("%j -> %j", (input, canonical) => {
    expect(selectorToString(parseLabelSelector(input))).toBe(canonical);
  });

  test("the empty selector is Everything", () => {
    const sel = parseLabelSelector("");
    expect(isEmptySelector(sel)).toBe(true);
    expect(matches(sel, undefined)).toBe(true);
  });

  test("requirements are plain data", () => {
    expect(parseLabelSelector("b in (y,x),a").requirements).toEqual([
      { key: "a", operator: "exists", values: [] },
      { key: "b", operator: "in", values: ["x", "y"] },
    ]);
    expect(JSON.parse(JSON.stringify(parseLabelSelector("!a")))).toEqual({ requirements: [{ key: "a", operator: "!", values: [] }] });
  });
});

describe("parseLabelSelector: errors carry the API server's text", () => {
  test.each([
    ["a b", `unable to parse requirement: found 'b', expected: ${OPS}`],
    ["x!", `unable to parse requirement: found '!', expected: ${OPS}`],
    ["x (", `unable to parse requirement: found '(', expected: ${OPS}`],
    ["x==a==b", "found '==', expected: ',' or 'end of string'"],
    ["!x=a", "found '=', expected: ',' or 'end of string'"],
    ["x=a b", "found 'b', expected: ',' or 'end of string'"],
    ["x=a,", "found '', expected: identifier after ','"],
    ["x=a,,y", "found ',', expected: identifier after ','"],
    [",x", "found ',', expected: !, identifier, or 'end of string'"],
    ["=a", "found '=', expected: !, identifier, or 'end of string'"],
    ["!", "unable to parse requirement: found '', expected: identifier"],
    ["! =a", "unable to parse requirement: found '=', expected: identifier"],
    ["!=a", "found '!=', expected: !, identifier, or 'end of string'"],
    ["x in a", "unable to parse requirement: found 'a' expected: '('"],
    ["x in (a", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["x in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'"],
    ["x in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ["x in (a,=)", "unable to parse requirement: found '=', expected: ',', or identifier"],
    ["x=(", "unable to parse requirement: found '(', expected: identifier"],
    ["x<a", `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x>99999999999999999999", `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`],
    ["x=a||y=b", `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${LABEL_VALUE_MSG}`],
    ["app=café", `unable to parse requirement: values[0][app]: Invalid value: "café": ${LABEL_VALUE_MSG}`],
    ["app in (ok,-bad)", `unable to parse requirement: values[0][app]: Invalid value: "-bad": ${LABEL_VALUE_MSG}`],
    ["app=" + "v".repeat(64), `unable to parse requirement: values[0][app]: Invalid value: "${"v".repeat(64)}": must be no more than 63 characters`],
    ["-a=b", `unable to parse requirement: <nil>: Invalid value: "-a": ${NAME_PART_MSG}`],
    ["a/b/c", `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ["/a", `unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty`],
    // a NUL ends the input where a token starts, and separates tokens inside one (Go's lexer reads byte 0 as end)
    ["a=b\u0000c", "found 'c', expected: ',' or 'end of string'"],
    ["a=b,\u0000", "found '', expected: identifier after ','"],
    ["k".repeat(64), `unable to parse requirement: <nil>: Invalid value: "${"k".repeat(64)}": name part must be no more than 63 characters`],
  ])("%j", (input, message) => {
    expect(parseError(input)).toBe(message);
  });

  test("several problems with one value are joined with '; '", () => {
    const v = "-" + "a".repeat(63);
    expect(parseError(`app=${v}`)).toBe(
      `unable to parse requirement: values[0][app]: Invalid value: "${v}": must be no more than 63 characters; ${LABEL_VALUE_MSG}`,
    );
  });
});

describe("matches", () => {
  const cases: Array<[string, Record<string, string> | undefined, boolean]> = [
    ["", { x: "y" }, true],
    ["", undefined, true],
    ["x=y", { x: "y" }, true],
    ["x=y,z=w", { x: "y", z: "w" }, true],
    ["x!=y,z!=w", { x: "z", z: "a" }, true],
    ["notin=in", { notin: "in" }, true],
    ["x", { x: "z" }, true],
    ["!x", { y: "z" }, true],
    ["x>1", { x: "2" }, true],
    ["x<1", { x: "0" }, true],
    ["x<1", { x: "-5" }, true],
    ["x=z", {}, false],
    ["x=y", { x: "z" }, false],
    ["x=y,z=w", { x: "w", z: "w" }, false],
    ["x!=y,z!=w", { x: "z", z: "w" }, false],
    ["x", { y: "z" }, false],
    ["!x", { x: "z" }, false],
    ["x>1", { x: "0" }, false],
    ["x<1", { x: "2" }, false],
    ["x>1", { x: "abc" }, false],
    ["x>1", {}, false],
    ["x=", { x: "" }, true],
    ["x=", {}, false],
    ["x!=y", {}, true],
    ["x in (a,b)", { x: "b" }, true],
    ["x in (a,b)", { x: "c" }, false],
    ["x in (a,b)", {}, false],
    ["x notin (a,b)", { x: "c" }, true],
    ["x notin (a,b)", {}, true],
    ["x notin (a,b)", { x: "a" }, false],
    ["x in ()", { x: "" }, true],
    ["foo=bar,foobar=bar,baz=blah", { foo: "bar", baz: "blah" }, false],
    ["constructor", {}, false], // no prototype keys
  ];
  test.each(cases)("%j on %j -> %s", (sel, labels, want) => {
    expect(matches(parseLabelSelector(sel), labels)).toBe(want);
  });
});

describe("selectorFromLabelSelector (metav1.LabelSelectorAsSelector)", () => {
  test("nil selects nothing, empty selects everything", () => {
    expect(matches(selectorFromLabelSelector(null), { a: "b" })).toBe(false);
    expect(matches(selectorFromLabelSelector(undefined), {})).toBe(false);
    expect(matches(selectorFromLabelSelector({}), { a: "b" })).toBe(true);
    expect(matches(selectorFromLabelSelector({ matchLabels: {}, matchExpressions: [] }), {})).toBe(true);
    expect(isEmptySelector(selectorFromLabelSelector(null))).toBe(false);
    expect(isEmptySelector(selectorFromLabelSelector({}))).toBe(true);
  });

  test.each([
    [{ matchLabels: { app: "web" } }, "app=web"],
    [{ matchLabels: { b: "2", a: "1" } }, "a=1,b=2"],
    [{ matchExpressions: [{ key: "app", operator: "In", values: ["b", "a"] }] }, "app in (a,b)"],
    [{ matchExpressions: [{ key: "app", operator: "NotIn", values: ["x"] }] }, "app notin (x)"],
    [{ matchExpressions: [{ key: "app", operator: "Exists" }] }, "app"],
    [{ matchExpressions: [{ key: "app", operator: "DoesNotExist", values: [] }] }, "!app"],
    [{ matchLabels: { tier: "fe" }, matchExpressions: [{ key: "app", operator: "Exists" }] }, "app,tier=fe"],
  ])("%j -> %j", (ls, str) => {
    expect(selectorToString(selectorFromLabelSelector(ls))).toBe(str);
    expect(formatLabelSelector(ls)).toBe(str);
  });

  test("matching with expressions", () => {
    const sel = selectorFromLabelSelector({
      matchLabels: { app: "web" },
      matchExpressions: [{ key: "env", operator: "In", values: ["prod", "stage"] }],
    });
    expect(matches(sel, { app: "web", env: "prod" })).toBe(true);
    expect(matches(sel, { app: "web", env: "dev" })).toBe(false);
    expect(matches(sel, { app: "web" })).toBe(false);
  });

  test.each([
    [{ matchExpressions: [{ key: "a", operator: "Foo" }] }, `"Foo" is not a valid label selector operator`],
    [{ matchExpressions: [{ key: "a", operator: "in", values: ["x"] }] }, `"in" is not a valid label selector operator`],
    [{ matchExpressions: [{ key: "a", operator: "In" }] }, `values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty`],
    [{ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }, `values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist`],
    [{ matchLabels: { app: "a b" } }, `values[0][app]: Invalid value: "a b": ${LABEL_VALUE_MSG}`],
    [{ matchLabels: { "-x": "ok" } }, `key: Invalid value: "-x": ${NAME_PART_MSG}`],
    [{ matchLabels: { "-x": "a b" } }, `[key: Invalid value: "-x": ${NAME_PART_MSG}, values[0][-x]: Invalid value: "a b": ${LABEL_VALUE_MSG}]`],
  ])("%j fails with Go's message", (ls, message) => {
    expect(() => selectorFromLabelSelector(ls)).toThrow(new LabelSelectorParseError(message));
  });
});

describe("formatLabelSelector (kubectl SELECTOR column)", () => {
  test.each([
    [null, "<none>"],
    [undefined, "<none>"],
    [{}, "<none>"],
    [{ matchLabels: { app: "web" } }, "app=web"],
    [{ matchExpressions: [{ key: "app", operator: "In", values: ["a", "b"] }] }, "app in (a,b)"],
    [{ matchExpressions: [{ key: "app", operator: "Bogus" }] }, "<error>"],
  ])("%j -> %j", (ls, want) => {
    expect(formatLabelSelector(ls)).toBe(want);
  });
});

describe("other helpers", () => {
  test("formatLabels (labels.FormatLabels)", () => {
    expect(formatLabels(undefined)).toBe("<none>");
    expect(formatLabels({})).toBe("<none>");
    expect(formatLabels({ tier: "fe", app: "web" })).toBe("app=web,tier=fe");
  });

  test("selectorFromSet / validatedSelectorFromSet", () => {
    expect(selectorToString(selectorFromSet({ b: "2", a: "1" }))).toBe("a=1,b=2");
    expect(isEmptySelector(selectorFromSet(undefined))).toBe(true);
    expect(selectorToString(selectorFromSet({ a: "not valid" }))).toBe("a=not valid");
    expect(() => validatedSelectorFromSet({ a: "not valid" })).toThrow(`values[0][a]: Invalid value: "not valid": ${LABEL_VALUE_MSG}`);
  });

  test("everything / nothing / add", () => {
    expect(matches(everythingSelector(), { a: "b" })).toBe(true);
    expect(matches(nothingSelector(), { a: "b" })).toBe(false);
    expect(selectorToString(nothingSelector())).toBe("");
    const sel = addRequirements(parseLabelSelector("z=1"), newRequirement("a", "exists", []));
    expect(selectorToString(sel)).toBe("a,z=1");
    expect(addRequirements(nothingSelector(), newRequirement("a", "exists", [])).nothing).toBe(true);
  });

  test("newRequirement validation", () => {
    expect(() => newRequirement("a", "=", ["x", "y"])).toThrow(
      `values: Invalid value: []string{"x", "y"}: exact-match compatibility requires one single value`,
    );
    expect(() => newRequirement("a", "~", [])).toThrow(
      `operator: Unsupported value: "~": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"`,
    );
    expect(() => newRequirement("a", "gt", ["1", "2"])).toThrow(
      `values: Invalid value: []string{"1", "2"}: for 'Gt', 'Lt' operators, exactly one value is required`,
    );
  });

  test("requiresExactMatch", () => {
    const sel = parseLabelSelector("a=1,b in (2),c in (3,4),d!=5");
    expect(requiresExactMatch(sel, "a")).toBe("1");
    expect(requiresExactMatch(sel, "b")).toBe("2");
    expect(requiresExactMatch(sel, "c")).toBeUndefined();
    expect(requiresExactMatch(sel, "d")).toBeUndefined();
    expect(requiresExactMatch(sel, "e")).toBeUndefined();
  });

  test("parseToLabelSelector (metav1.ParseToLabelSelector)", () => {
    expect(parseToLabelSelector("app=web,tier in (fe,be),!old")).toEqual({
      matchLabels: { app: "web" },
      matchExpressions: [
        { key: "old", operator: "DoesNotExist", values: [] },
        { key: "tier", operator: "In", values: ["be", "fe"] },
      ],
    });
    expect(() => parseToLabelSelector("x>1")).toThrow(`"gt" isn't supported in label selectors`);
    expect(() => parseToLabelSelector("a b")).toThrow(
      `couldn't parse the selector string "a b": unable to parse requirement: found 'b', expected: ${OPS}`,
    );
  });

  test("labelSelectorAsMap", () => {
    expect(labelSelectorAsMap(null)).toBeUndefined();
    expect(labelSelectorAsMap({ matchLabels: { a: "1" }, matchExpressions: [{ key: "b", operator: "In", values: ["2"] }] })).toEqual({
      a: "1",
      b: "2",
    });
    expect(() => labelSelectorAsMap({ matchExpressions: [{ key: "b", operator: "Exists" }] })).toThrow(
      `operator "Exists" cannot be converted into the old label selector format`,
    );
  });

  test("goQuote follows strconv.Quote", () => {
    expect(goQuote(`a"b\\c`)).toBe(`"a\\"b\\\\c"`);
    expect(goQuote("tab\there\n")).toBe(`"tab\\there\\n"`);
    expect(goQuote("\u0001é")).toBe(`"\\x01é"`);
    // Taken from Go's strconv.Quote (after encoding/json decoded the string): spaces other than
    // ASCII, format and private-use characters are not printable; a lone surrogate became U+FFFD.
    expect(goQuote("a\u00a0b\u200b\ue000\u3000\u0007\u007f")).toBe(`"a\\u00a0b\\u200b\\ue000\\u3000\\a\\x7f"`);
    expect(goQuote("\ud800x")).toBe(`"\ufffdx"`);
  });
});

describe("labelSelectorGoString ((*metav1.LabelSelector).String(), as controller messages print it)", () => {
  test("nil, and keys in Go's byte order with expressions as written", () => {
    expect(labelSelectorGoString(undefined)).toBe("nil");
    expect(labelSelectorGoString({ matchLabels: { b: "2", B: "1" }, matchExpressions: [{ key: "tier", operator: "In", values: ["web", "api"] }] })).toBe(
      "&LabelSelector{MatchLabels:map[string]string{B: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:tier,Operator:In,Values:[web api],},},}",
    );
    expect(labelSelectorGoString({})).toBe("&LabelSelector{MatchLabels:map[string]string{},MatchExpressions:[]LabelSelectorRequirement{},}");
  });
});
