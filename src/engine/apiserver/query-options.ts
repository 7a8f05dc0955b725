// Query parameters the way the real server reads them: metainternalversionscheme.ParameterCodec
// (strconv parsing, Go's bool rule) and the meta/v1 options validation
// (k8s.io/apimachinery/pkg/apis/meta/v1/validation, .../meta/internalversion/validation).
// Parse failures are 400 BadRequest with strconv's message; invalid options are 422 Invalid on
// `<Kind>Options.meta.k8s.io ""`, exactly as the handlers in endpoints/handlers answer them.
import { ApiError, badRequest } from "../machinery/status";
import { aggregateMessage, errorBody, forbidden, GoValue, goQuote, invalid, notSupported, tooLong, type FieldError } from "../machinery/field-errors";

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const UINT64_MAX = 18446744073709551615n;

/** strconv.ParseInt(s, 10, 64) as Convert_Slice_string_To_int64 uses it; the error is the 400's message. */
export function parseInt64(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw badRequest(`strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n > INT64_MAX || n < INT64_MIN) throw badRequest(`strconv.ParseInt: parsing ${goQuote(s)}: value out of range`);
  return Number(n);
}

/** An int64 query parameter (limit, timeoutSeconds, gracePeriodSeconds), undefined when absent. */
export function int64Param(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  return v === null ? undefined : parseInt64(v);
}

/** Convert_Slice_string_To_bool: present and not "false"/"0" (any case) is true, even when empty. */
export function boolParam(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  const l = v.toLowerCase();
  return !(l === "false" || l === "0");
}

/**
 * A resourceVersion to read from (APIObjectVersioner.ParseResourceVersion). The real server answers
 * a malformed one with a 500 carrying this message; it is the client's mistake, so here it is a 400.
 */
export function checkResourceVersionParam(rv: string | null | undefined): void {
  if (!rv || rv === "0") return;
  let err: string | undefined;
  if (!/^[0-9]+$/.test(rv)) err = "invalid syntax";
  else if (BigInt(rv) > UINT64_MAX) err = "value out of range";
  if (!err) return;
  const message = `strconv.ParseUint: parsing ${goQuote(rv)}: ${err}`;
  throw new ApiError(400, "BadRequest", `resourceVersion: Invalid value: ${goQuote(rv)}: ${message}`, {
    causes: [{ reason: "FieldValueInvalid", message: `Invalid value: ${goQuote(rv)}: ${message}`, field: "resourceVersion" }],
  });
}

/** errors.NewInvalid(schema.GroupKind{Group: "meta.k8s.io", Kind: kind}, "", errs). */
export function optionsInvalid(kind: string, errs: readonly FieldError[]): ApiError {
  return new ApiError(422, "Invalid", `${kind}.meta.k8s.io "" is invalid: ${aggregateMessage(errs)}`, {
    group: "meta.k8s.io",
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

const FIELD_MANAGER_MAX_LENGTH = 128;

/** unicode.IsPrint, near enough: no control characters, no unassigned or separator-only code points. */
const isPrint = (ch: string) => !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) && (ch === " " || !/\p{Zs}/u.test(ch));

/** ValidateFieldManager. */
function fieldManagerErrors(fieldManager: string): FieldError[] {
  const errs: FieldError[] = [];
  if (new TextEncoder().encode(fieldManager).length > FIELD_MANAGER_MAX_LENGTH) errs.push(tooLong("fieldManager", FIELD_MANAGER_MAX_LENGTH));
  let pos = 0;
  for (const ch of fieldManager) {
    if (!isPrint(ch)) {
      const cp = ch.codePointAt(0)!;
      errs.push(invalid("fieldManager", fieldManager, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, "0")} (at position ${pos})`));
    }
    pos += new TextEncoder().encode(ch).length;
  }
  return errs;
}

/** ValidateDryRun and ValidateFieldValidation over the query, for every write's options. */
function commonWriteErrors(q: URLSearchParams): FieldError[] {
  const errs: FieldError[] = [];
  const dryRun = q.getAll("dryRun");
  if (dryRun.some((d) => d !== "All")) errs.push(notSupported("dryRun", new GoValue(`[]string{${dryRun.map(goQuote).join(", ")}}`), ["All"]));
  return errs;
}

/**
 * CreateOptions / UpdateOptions / PatchOptions from the query, validated like ValidateCreateOptions,
 * ValidateUpdateOptions and ValidatePatchOptions (apply patches need a fieldManager; force is only
 * for apply). Throws the 422 the real handlers answer.
 */
export function validateWriteOptions(q: URLSearchParams, kind: "CreateOptions" | "UpdateOptions" | "PatchOptions", apply = false): void {
  const errs: FieldError[] = [];
  const fieldManager = q.get("fieldManager") ?? "";
  if (kind === "PatchOptions") {
    if (!apply && q.has("force")) errs.push(forbidden("force", "may not be specified for non-apply patch"));
    if (apply && !fieldManager) errs.push({ type: "FieldValueRequired", field: "fieldManager", detail: "is required for apply patch", hasValue: false });
  }
  errs.push(...fieldManagerErrors(fieldManager));
  errs.push(...commonWriteErrors(q));
  const fv = q.get("fieldValidation") ?? "";
  if (!["", "Ignore", "Warn", "Strict"].includes(fv)) errs.push(notSupported("fieldValidation", fv, ["", "Ignore", "Strict", "Warn"]));
  if (errs.length) throw optionsInvalid(kind, errs);
}

/** ValidateDeleteOptions for the parts that come from the query string or body. */
export function deleteOptionErrors(dryRun: readonly string[], propagationPolicy: string | undefined, orphanDependents: boolean | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (orphanDependents !== undefined && propagationPolicy !== undefined) {
    errs.push(invalid("propagationPolicy", propagationPolicy, "orphanDependents and deletionPropagation cannot be both set"));
  }
  if (propagationPolicy !== undefined && !["Foreground", "Background", "Orphan"].includes(propagationPolicy)) {
    errs.push(notSupported("propagationPolicy", propagationPolicy, ["Foreground", "Background", "Orphan", "nil"]));
  }
  if (dryRun.some((d) => d !== "All")) errs.push(notSupported("dryRun", new GoValue(`[]string{${dryRun.map(goQuote).join(", ")}}`), ["All"]));
  return errs;
}

/** ListOptions: strconv parsing of limit/timeoutSeconds and ValidateListOptions (list) or validateWatchOptions (watch). */
export function validateListOptions(q: URLSearchParams, watch: boolean): void {
  int64Param(q, "limit");
  int64Param(q, "timeoutSeconds");
  const rv = q.get("resourceVersion") ?? "";
  const match = q.get("resourceVersionMatch") ?? "";
  const cont = q.get("continue") ?? "";
  const sendInitialEvents = boolParam(q, "sendInitialEvents");
  const errs: FieldError[] = [];
  if (watch) {
    if (match) {
      if (sendInitialEvents === undefined) errs.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"));
      if (match !== "NotOlderThan") errs.push(notSupported("resourceVersionMatch", match, ["NotOlderThan"]));
      if (cont) errs.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
    }
  } else {
    if (match) {
      if (!rv) errs.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
      if (cont) errs.push(forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
      if (match !== "Exact" && match !== "NotOlderThan") errs.push(notSupported("resourceVersionMatch", match, ["Exact", "NotOlderThan", ""]));
      if (match === "Exact" && rv === "0") errs.push(forbidden("resourceVersionMatch", 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
    if (sendInitialEvents !== undefined) errs.push(forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
  }
  if (errs.length) throw optionsInvalid("ListOptions", errs);
  checkResourceVersionParam(rv);
}

/** ValidateTableOptions, checked before anything is done (the real server checks it while encoding the response). */
export function validateTableOptions(q: URLSearchParams): void {
  const include = q.get("includeObject") ?? "";
  if (!["", "None", "Metadata", "Object"].includes(include)) {
    throw badRequest(`Unable to convert to Table as requested: includeObject: Invalid value: ${goQuote(include)}: must be 'Metadata', 'Object', 'None', or empty`);
  }
}
