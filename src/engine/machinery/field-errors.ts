// field.Error from k8s.io/apimachinery/pkg/util/validation/field: the unit of a 422 Invalid
// response. `toString()` reproduces Error() so messages match the real API server.

export type FieldErrorType =
  | "FieldValueRequired"
  | "FieldValueInvalid"
  | "FieldValueNotSupported"
  | "FieldValueDuplicate"
  | "FieldValueForbidden"
  | "FieldValueTooLong"
  | "FieldValueTooMany"
  | "FieldValueNotFound"
  | "InternalError";

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: "Required value",
  FieldValueInvalid: "Invalid value",
  FieldValueNotSupported: "Unsupported value",
  FieldValueDuplicate: "Duplicate value",
  FieldValueForbidden: "Forbidden",
  FieldValueTooLong: "Too long",
  FieldValueTooMany: "Too many",
  FieldValueNotFound: "Not found",
  InternalError: "Internal error",
};

/** Go-formatted bad value, e.g. `map[string]string{"app":"x"}`; use when a plain JSON value would print wrongly. */
export class GoValue {
  constructor(readonly text: string) {}
}

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** undefined = the value is omitted from the message (field.OmitValue or a type without a value). */
  badValue?: unknown;
  detail: string;
  hasValue: boolean;
}

/** Go's %q for a string: close to JSON, but keeps non-ASCII printable runes as they are. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** `map[string]string{"a":"b"}` as Go's %#v prints it (keys sorted). */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  if (!m) return new GoValue("map[string]string(nil)");
  const keys = Object.keys(m).sort();
  return new GoValue(`map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(", ")}}`);
}

function formatValue(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
    return `[]string{${v.map((x) => goQuote(x)).join(", ")}}`;
  }
  return JSON.stringify(v);
}

/** The message without the field path: what a Status cause carries. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.hasValue) s += `: ${formatValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

const mk = (type: FieldErrorType, field: string, detail: string, hasValue: boolean, badValue?: unknown): FieldError => ({
  type,
  field,
  detail,
  hasValue,
  badValue,
});

export const required = (field: string, detail = "") => mk("FieldValueRequired", field, detail, false);
export const invalid = (field: string, value: unknown, detail: string) => mk("FieldValueInvalid", field, detail, true, value);
/** Invalid with the value left out of the message (field.OmitValueType). */
export const invalidOmit = (field: string, detail: string) => mk("FieldValueInvalid", field, detail, false);
export const notSupported = (field: string, value: unknown, valid: readonly string[]) =>
  mk("FieldValueNotSupported", field, valid.length ? `supported values: ${valid.map((v) => goQuote(v)).join(", ")}` : "", true, value);
export const duplicate = (field: string, value: unknown) => mk("FieldValueDuplicate", field, "", true, value);
export const forbidden = (field: string, detail: string) => mk("FieldValueForbidden", field, detail, false);
export const tooLong = (field: string, maxLength: number) =>
  mk("FieldValueTooLong", field, `may not be more than ${maxLength} bytes`, false);
export const tooMany = (field: string, actual: number, max: number) =>
  mk("FieldValueTooMany", field, `must have at most ${max} items`, false, actual);
export const notFound = (field: string, value: unknown) => mk("FieldValueNotFound", field, "", true, value);

/** Joins field paths the way field.Path does: `spec.containers[0].image`. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

/** utilerrors.NewAggregate(...).Error(): one message, or `[a, b]`, duplicates removed. */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const seen = new Set<string>();
  const msgs: string[] = [];
  for (const e of errs) {
    const m = fieldErrorString(e);
    if (!seen.has(m)) {
      seen.add(m);
      msgs.push(m);
    }
  }
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(", ")}]`;
}
