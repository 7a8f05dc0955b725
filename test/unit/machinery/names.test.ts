import { describe, expect, test } from "vitest";
import {
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isEnvVarName,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  regexError,
  utf8Length,
  validatePathSegmentName,
} from "../../../src/engine/machinery/names";

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const C_IDENT =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";
const ENV =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
const RELAXED_ENV = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const CM_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe("isDNS1123Subdomain", () => {
  test.each([
    ["example.com", []],
    ["a", []],
    ["web-1", []],
    ["1.2.3", []],
    ["a".repeat(253), []],
    ["", [SUBDOMAIN]],
    ["Web", [SUBDOMAIN]],
    ["-web", [SUBDOMAIN]],
    ["web-", [SUBDOMAIN]],
    ["web..x", [SUBDOMAIN]],
    ["web_1", [SUBDOMAIN]],
    ["a".repeat(254), ["must be no more than 253 characters"]],
    ["A".repeat(254), ["must be no more than 253 characters", SUBDOMAIN]],
  ])("%j", (v, want) => {
    expect(isDNS1123Subdomain(v)).toEqual(want);
  });
});

describe("isDNS1123Label", () => {
  test.each([
    ["default", []],
    ["kube-system", []],
    ["123", []],
    ["a.b", ["must not contain dots"]],
    ["My-ns", [LABEL]],
    ["-ns", [LABEL]],
    ["", [LABEL]],
    ["a".repeat(63), []],
    ["a".repeat(64), ["must be no more than 63 characters"]],
  ])("%j", (v, want) => {
    expect(isDNS1123Label(v)).toEqual(want);
  });
});

describe("isDNS1035Label", () => {
  test.each([
    ["my-svc", []],
    ["1svc", [DNS1035]],
    ["svc.a", [DNS1035]],
    ["Svc", [DNS1035]],
    ["a".repeat(64), ["must be no more than 63 characters"]],
  ])("%j", (v, want) => {
    expect(isDNS1035Label(v)).toEqual(want);
  });
});

describe("isQualifiedName (label and annotation keys)", () => {
  test.each([
    ["app", []],
    ["app.kubernetes.io/name", []],
    ["MyName", []],
    ["my_name", []],
    ["a/b", []],
    ["-app", [NAME_PART]],
    ["app-", [NAME_PART]],
    ["", ["name part must be non-empty", NAME_PART]],
    ["a/", ["name part must be non-empty", NAME_PART]],
    ["/a", ["prefix part must be non-empty"]],
    ["Example.com/a", ["prefix part " + SUBDOMAIN]],
    ["k".repeat(64), ["name part must be no more than 63 characters"]],
    [
      "a/b/c",
      [
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
      ],
    ],
  ])("%j", (v, want) => {
    expect(isQualifiedName(v)).toEqual(want);
  });
});

describe("isValidLabelValue", () => {
  test.each([
    ["", []],
    ["web", []],
    ["v1.2_3-x", []],
    ["a b", [LABEL_VALUE]],
    ["-a", [LABEL_VALUE]],
    ["café", [LABEL_VALUE]],
    ["a".repeat(63), []],
    ["a".repeat(64), ["must be no more than 63 characters"]],
    ["é".repeat(32), ["must be no more than 63 characters", LABEL_VALUE]], // 64 UTF-8 bytes
  ])("%j", (v, want) => {
    expect(isValidLabelValue(v)).toEqual(want);
  });
});

describe("ports", () => {
  test.each([
    [1, []],
    [65535, []],
    [0, ["must be between 1 and 65535, inclusive"]],
    [65536, ["must be between 1 and 65535, inclusive"]],
    [-1, ["must be between 1 and 65535, inclusive"]],
  ])("isValidPortNum(%d)", (p, want) => {
    expect(isValidPortNum(p)).toEqual(want);
  });

  test.each([
    ["http", []],
    ["http-alt", []],
    ["h2c", []],
    ["a".repeat(15), []],
    ["a".repeat(16), ["must be no more than 15 characters"]],
    ["HTTP", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]],
    ["8080", ["must contain at least one letter (a-z)"]],
    ["a--b", ["must not contain consecutive hyphens"]],
    ["-ab", ["must not begin or end with a hyphen"]],
    ["", ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)"]],
  ])("isValidPortName(%j)", (p, want) => {
    expect(isValidPortName(p)).toEqual(want);
  });
});

describe("identifiers and env var names", () => {
  test.each([
    ["MY_VAR", []],
    ["_x1", []],
    ["1X", [C_IDENT]],
    ["my-var", [C_IDENT]],
    ["", [C_IDENT]],
  ])("isCIdentifier(%j)", (v, want) => {
    expect(isCIdentifier(v)).toEqual(want);
  });

  test.each([
    ["MY_VAR", []],
    ["my.env-name", []],
    ["1X", [ENV]],
    ["a=b", [ENV]],
    [".", ["must not be '.'"]],
    ["..", ["must not be '..'"]],
    ["..a", ["must not start with '..'"]],
  ])("isEnvVarName(%j)", (v, want) => {
    expect(isEnvVarName(v)).toEqual(want);
  });

  test.each([
    ["MY_VAR", []],
    ["1 weird:name!", []],
    ["", ["environment variable name must be non-empty"]],
    ["A=B", [RELAXED_ENV]],
    ["tab\there", [RELAXED_ENV]],
    ["café", [RELAXED_ENV]],
  ])("isRelaxedEnvVarName(%j)", (v, want) => {
    expect(isRelaxedEnvVarName(v)).toEqual(want);
  });

  test.each([
    ["config.yaml", []],
    ["KEY_1", []],
    ["a/b", [CM_KEY]],
    [".", ["must not be '.'"]],
    ["..data", ["must not start with '..'"]],
  ])("isConfigMapKey(%j)", (v, want) => {
    expect(isConfigMapKey(v)).toEqual(want);
  });
});

describe("ValidateNameFunc helpers", () => {
  test.each([
    ["web", false, []],
    ["Web", false, [SUBDOMAIN]],
    ["web-", false, [SUBDOMAIN]],
    ["web-", true, []], // generateName: trailing dash allowed
    ["w-", true, []],
    ["-", true, [SUBDOMAIN]], // too short to mask
    ["web--", true, []],
    ["WEB-", true, [SUBDOMAIN]],
    ["é-", true, [SUBDOMAIN]], // Go masks bytes: a leftover byte of 'é' remains
  ])("nameIsDNSSubdomain(%j, prefix=%s)", (name, prefix, want) => {
    expect(nameIsDNSSubdomain(name, prefix)).toEqual(want);
  });

  test("nameIsDNSLabel and nameIsDNS1035Label", () => {
    expect(nameIsDNSLabel("my-ns")).toEqual([]);
    expect(nameIsDNSLabel("my.ns")).toEqual(["must not contain dots"]);
    expect(nameIsDNSLabel("ns-", true)).toEqual([]);
    expect(nameIsDNS1035Label("1svc")).toEqual([DNS1035]);
    expect(nameIsDNS1035Label("svc-", true)).toEqual([]);
  });

  test("path segment names", () => {
    expect(isValidPathSegmentName("system:controller")).toEqual([]);
    expect(isValidPathSegmentName("..")).toEqual(["may not be '..'"]);
    expect(isValidPathSegmentName("a/b%c")).toEqual(["may not contain '/'", "may not contain '%'"]);
    expect(validatePathSegmentName(".", true)).toEqual([]);
  });
});

describe("misc", () => {
  test("isWildcardDNS1123Subdomain", () => {
    expect(isWildcardDNS1123Subdomain("*.example.com")).toEqual([]);
    expect(isWildcardDNS1123Subdomain("example.com")).toEqual([
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  test("isValidPercent", () => {
    expect(isValidPercent("25%")).toEqual([]);
    expect(isValidPercent("25")).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });

  test("regexError without examples", () => {
    expect(regexError("bad", "[a-z]+")).toBe("bad (regex used for validation is '[a-z]+')");
  });

  test("utf8Length counts bytes", () => {
    expect(utf8Length("abc")).toBe(3);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("수")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });
});
