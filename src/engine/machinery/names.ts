// Name and value validation with the exact messages of
// k8s.io/apimachinery/pkg/util/validation/validation.go (v0.32), plus the ValidateNameFunc helpers of
// k8s.io/apimachinery/pkg/api/validation/generic.go and path/name.go.
//
// Every `is*` function returns the list of problems (empty = valid), each a detail string exactly as the
// Go function returns it; callers wrap them as field errors, e.g. `metadata.name: Invalid value: "X": <detail>`.
// Lengths are counted in UTF-8 bytes, as Go's len() does.

/** UTF-8 length of a string, as Go's len() counts it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

// ---- message builders (validation.MaxLenError, RegexError, EmptyError, InclusiveRangeError) ----

/** validation.MaxLenError: `must be no more than 63 characters`. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** validation.RegexError: note the double space Go emits between examples ("'a',  or 'b'"). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = msg + " (e.g. ";
  examples.forEach((ex, i) => {
    if (i > 0) out += " or ";
    out += `'${ex}', `;
  });
  return out + `regex used for validation is '${fmt}')`;
}

/** validation.EmptyError. */
export function emptyError(): string {
  return "must be non-empty";
}

/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

// ---- qualified names (label and annotation keys, finalizers) ----

const qnameCharFmt = "[A-Za-z0-9]";
const qnameExtCharFmt = "[-A-Za-z0-9_.]";
export const QUALIFIED_NAME_FMT = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`;
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const QUALIFIED_NAME_MAX_LENGTH = 63;
const qualifiedNameRegexp = new RegExp(`^${QUALIFIED_NAME_FMT}$`);

/** validation.IsQualifiedName: `[prefix/]name`, prefix a DNS-1123 subdomain, name ≤ 63 chars. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push("prefix part " + emptyError());
    else {
      const msgs = isDNS1123Subdomain(prefix);
      for (const m of msgs) errs.push("prefix part " + m);
    }
  } else {
    errs.push(
      "a qualified name " +
        regexError(qualifiedNameErrMsg, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc") +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    );
    return errs;
  }
  if (name.length === 0) errs.push("name part " + emptyError());
  else if (utf8Length(name) > QUALIFIED_NAME_MAX_LENGTH) errs.push("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
  if (!qualifiedNameRegexp.test(name)) {
    errs.push("name part " + regexError(qualifiedNameErrMsg, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
  }
  return errs;
}

// ---- label values ----

const labelValueFmt = `(${QUALIFIED_NAME_FMT})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`);

/** validation.IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRegexp.test(value)) {
    errs.push(regexError(labelValueErrMsg, labelValueFmt, "MyValue", "my_value", "12345"));
  }
  return errs;
}

// ---- DNS names ----

const dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const dns1123LabelFmtWithUnderscore = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
const dns1123LabelRegexp = new RegExp(`^${dns1123LabelFmt}$`);

const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1123SubdomainFmtWithUnderscore = `${dns1123LabelFmtWithUnderscore}(\\.${dns1123LabelFmtWithUnderscore})*`;
const dns1123SubdomainErrorMsgFG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);
const dns1123SubdomainRegexpWithUnderscore = new RegExp(`^${dns1123SubdomainFmtWithUnderscore}$`);

/** validation.IsDNS1123Label: namespaces, most service-like names. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!dns1123LabelRegexp.test(value)) {
    if (dns1123SubdomainRegexp.test(value)) errs.push("must not contain dots");
    else errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, "my-name", "123-abc"));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain: most object names. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRegexp.test(value)) {
    errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, "example.com"));
  }
  return errs;
}

/** validation.IsDNS1123SubdomainWithUnderscore (the message quotes the non-underscore regex, as Go does). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!dns1123SubdomainRegexpWithUnderscore.test(value)) {
    errs.push(regexError(dns1123SubdomainErrorMsgFG, dns1123SubdomainFmt, "example.com"));
  }
  return errs;
}

const dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?";
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`);

/** validation.IsDNS1035Label: service names, port names of containers. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!dns1035LabelRegexp.test(value)) {
    errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, "my-name", "abc-123"));
  }
  return errs;
}

const wildcardDNS1123SubdomainFmt = "\\*\\." + dns1123SubdomainFmt;
const wildcardDNS1123SubdomainErrMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const wildcardDNS1123SubdomainRegexp = new RegExp(`^${wildcardDNS1123SubdomainFmt}$`);

/** validation.IsWildcardDNS1123Subdomain (`*.example.com`). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!wildcardDNS1123SubdomainRegexp.test(value)) {
    errs.push(regexError(wildcardDNS1123SubdomainErrMsg, wildcardDNS1123SubdomainFmt, "*.example.com"));
  }
  return errs;
}

// ---- identifiers, env vars, config keys ----

const cIdentifierFmt = "[A-Za-z_][A-Za-z0-9_]*";
const identifierErrMsg =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
const cIdentifierRegexp = new RegExp(`^${cIdentifierFmt}$`);

/** validation.IsCIdentifier (format only, no length check). */
export function isCIdentifier(value: string): string[] {
  if (!cIdentifierRegexp.test(value)) return [regexError(identifierErrMsg, cIdentifierFmt, "my_name", "MY_NAME", "MyName")];
  return [];
}

const envVarNameFmt = "[-._a-zA-Z][-._a-zA-Z0-9]*";
const envVarNameFmtErrMsg =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const relaxedEnvVarNameFmtErrMsg = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const envVarNameRegexp = new RegExp(`^${envVarNameFmt}$`);

function hasChDirPrefix(value: string): string[] {
  if (value === ".") return ["must not be '.'"];
  if (value === "..") return ["must not be '..'"];
  if (value.startsWith("..")) return ["must not start with '..'"];
  return [];
}

/**
 * validation.IsEnvVarName: the strict rule. Note that Kubernetes 1.32 enables the
 * RelaxedEnvironmentVariableValidation feature gate by default (beta), so pod/container `env[].name`,
 * `envFrom[].prefix` and ConfigMap/Secret-sourced names are validated with {@link isRelaxedEnvVarName}.
 */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRegexp.test(value)) {
    errs.push(regexError(envVarNameFmtErrMsg, envVarNameFmt, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/** validation.IsRelaxedEnvVarName: printable ASCII (space included) except '='; non-empty. */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push("environment variable name " + emptyError());
  for (const ch of value) {
    const r = ch.codePointAt(0)!;
    if (r > 0x7f || r < 0x20 || r === 0x7f || r === 0x3d) {
      errs.push(relaxedEnvVarNameFmtErrMsg);
      break;
    }
  }
  return errs;
}

const configMapKeyFmt = "[-._a-zA-Z0-9]+";
const configMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const configMapKeyRegexp = new RegExp(`^${configMapKeyFmt}$`);

/** validation.IsConfigMapKey: keys of ConfigMap data/binaryData and Secret data. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!configMapKeyRegexp.test(value)) {
    errs.push(regexError(configMapKeyErrMsg, configMapKeyFmt, "key.name", "KEY_NAME", "key-name"));
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

const percentFmt = "[0-9]+%";
const percentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'";
const percentRegexp = new RegExp(`^${percentFmt}$`);

/** validation.IsValidPercent. */
export function isValidPercent(percent: string): string[] {
  if (!percentRegexp.test(percent)) return [regexError(percentErrMsg, percentFmt, "1%", "93%")];
  return [];
}

const httpHeaderNameFmt = "[-A-Za-z0-9]+";
const httpHeaderNameErrMsg = "a valid HTTP header must consist of alphanumeric characters or '-'";
const httpHeaderNameRegexp = new RegExp(`^${httpHeaderNameFmt}$`);

/** validation.IsHTTPHeaderName. */
export function isHTTPHeaderName(value: string): string[] {
  if (!httpHeaderNameRegexp.test(value)) return [regexError(httpHeaderNameErrMsg, httpHeaderNameFmt, "X-Header-Name")];
  return [];
}

// ---- ports and numeric ranges ----

/** validation.IsValidPortNum: 1..65535. */
export function isValidPortNum(port: number): string[] {
  if (1 <= port && port <= 65535) return [];
  return [inclusiveRangeError(1, 65535)];
}

/** validation.IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  if (value >= min && value <= max) return [];
  return [inclusiveRangeError(min, max)];
}

const MAX_INT32 = 2147483647;

/** validation.IsValidGroupID: 0..2^31-1. */
export function isValidGroupID(gid: number): string[] {
  if (0 <= gid && gid <= MAX_INT32) return [];
  return [inclusiveRangeError(0, MAX_INT32)];
}

/** validation.IsValidUserID: 0..2^31-1. */
export function isValidUserID(uid: number): string[] {
  if (0 <= uid && uid <= MAX_INT32) return [];
  return [inclusiveRangeError(0, MAX_INT32)];
}

const portNameCharsetRegex = /^[-a-z0-9]+$/;
const portNameOneLetterRegexp = /[a-z]/;

/** validation.IsValidPortName (IANA_SVC_NAME): ≤ 15 chars, [-a-z0-9], a letter, no "--", no edge hyphen. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!portNameCharsetRegex.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!portNameOneLetterRegexp.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port[0] === "-" || port[port.length - 1] === "-")) errs.push("must not begin or end with a hyphen");
  return errs;
}

// ---- ValidateNameFunc (k8s.io/apimachinery/pkg/api/validation/generic.go) ----

/** (name, prefix) => problems; prefix = the value is a generateName that gets a suffix appended. */
export type ValidateNameFunc = (name: string, prefix?: boolean) => string[];

/**
 * maskTrailingDash: Go replaces the LAST TWO BYTES of a name ending in '-' with "a" (`name[:len(name)-2] + "a"`).
 * When the byte before the dash belongs to a multi-byte character, the leftover bytes of that character are
 * represented by NUL characters (1 byte each, matching no validation class), so lengths and regex verdicts agree.
 */
function maskTrailingDash(name: string): string {
  if (utf8Length(name) > 1 && name.endsWith("-")) {
    const head = name.slice(0, -1);
    const cps = Array.from(head);
    const last = cps.pop();
    if (last === undefined) return "a"; // unreachable: length > 1
    const lastBytes = utf8Length(last);
    return cps.join("") + "\u0000".repeat(lastBytes - 1) + "a";
  }
  return name;
}

/** NameIsDNSSubdomain: most kinds (pods, configmaps, deployments, ...). */
export function nameIsDNSSubdomain(name: string, prefix = false): string[] {
  return isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
}

/** NameIsDNSLabel: namespaces and other label-named kinds. */
export function nameIsDNSLabel(name: string, prefix = false): string[] {
  return isDNS1123Label(prefix ? maskTrailingDash(name) : name);
}

/** NameIsDNS1035Label: services. */
export function nameIsDNS1035Label(name: string, prefix = false): string[] {
  return isDNS1035Label(prefix ? maskTrailingDash(name) : name);
}

/** ValidateNamespaceName = NameIsDNSLabel. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;
/** ValidateServiceAccountName = NameIsDNSSubdomain. */
export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain;

// ---- path segment names (k8s.io/apimachinery/pkg/api/validation/path) ----

/** path.IsValidPathSegmentName: not "." or "..", no '/' or '%'. Used e.g. for RBAC object names. */
export function isValidPathSegmentName(name: string): string[] {
  for (const illegal of [".", ".."]) {
    if (name === illegal) return [`may not be '${illegal}'`];
  }
  return isValidPathSegmentPrefix(name);
}

/** path.IsValidPathSegmentPrefix. */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const illegal of ["/", "%"]) {
    if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  }
  return errs;
}

/** path.ValidatePathSegmentName. */
export function validatePathSegmentName(name: string, prefix = false): string[] {
  return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);
}
