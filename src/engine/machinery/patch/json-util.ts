// JSON-value helpers shared by the three patch types: safe own-key access (a patch may carry a
// "__proto__" key), iterative deep copy and equality, the depth guard, and Go's %v formatting
// for the error texts the real server produces.
import { LIMITS } from "../../limits";
import { PatchError } from "./errors";

export type JsonObject = Record<string, unknown>;

/** Nesting depth a patch body may have (root = 0); deeper bodies are rejected with 400. */
export const MAX_PATCH_DEPTH: number = LIMITS.maxDocumentDepth;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function hasOwn(o: JsonObject, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** The own value of `k`, or undefined. Never reads the prototype chain. */
export function getOwn(o: JsonObject, k: string): unknown {
  return hasOwn(o, k) ? o[k] : undefined;
}

/** Sets an own data property, also for the key "__proto__" (plain assignment would set the prototype). */
export function setOwn(o: JsonObject, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** Deep copy of a JSON value; iterative, so any depth is safe. */
export function deepClone<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  const root: unknown = Array.isArray(v) ? new Array(v.length) : {};
  const stack: Array<[unknown, unknown]> = [[v, root]];
  while (stack.length > 0) {
    const [src, dst] = stack.pop()!;
    if (Array.isArray(src)) {
      const d = dst as unknown[];
      for (let i = 0; i < src.length; i++) {
        const c: unknown = src[i];
        if (typeof c === "object" && c !== null) {
          const cc: unknown = Array.isArray(c) ? new Array(c.length) : {};
          d[i] = cc;
          stack.push([c, cc]);
        } else d[i] = c;
      }
    } else {
      const s = src as JsonObject;
      const d = dst as JsonObject;
      for (const k of Object.keys(s)) {
        const c = s[k];
        if (typeof c === "object" && c !== null) {
          const cc: unknown = Array.isArray(c) ? new Array(c.length) : {};
          setOwn(d, k, cc);
          stack.push([c, cc]);
        } else setOwn(d, k, c);
      }
    }
  }
  return root as T;
}

/** Structural equality of JSON values (key order ignored, `{a: null}` differs from `{}`); iterative. */
export function deepEqual(a: unknown, b: unknown): boolean {
  const stack: Array<[unknown, unknown]> = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x)) {
      const ya = y as unknown[];
      if (x.length !== ya.length) return false;
      for (let i = 0; i < x.length; i++) stack.push([x[i], ya[i]]);
    } else {
      const xo = x as JsonObject;
      const yo = y as JsonObject;
      const xk = Object.keys(xo);
      if (xk.length !== Object.keys(yo).length) return false;
      for (const k of xk) {
        if (!hasOwn(yo, k)) return false;
        stack.push([xo[k], yo[k]]);
      }
    }
  }
  return true;
}

/** True when some value of `v` sits deeper than `limit` (root = depth 0). Stops early; iterative. */
export function exceedsDepth(v: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length > 0) {
    const [x, d] = stack.pop()!;
    if (d > limit) return true;
    if (typeof x !== "object" || x === null) continue;
    const children = Array.isArray(x) ? x : Object.values(x as JsonObject);
    for (const c of children) stack.push([c, d + 1]);
  }
  return false;
}

export function assertPatchDepth(patch: unknown): void {
  if (exceedsDepth(patch, MAX_PATCH_DEPTH)) throw PatchError.badRequest("the patch is nested too deeply");
}

/** UTF-8 length of a string (the byte count Go would see). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The JSON kind a Go UnmarshalTypeError names: object, array, string, number, bool. */
export function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  switch (typeof v) {
    case "object":
      return "object";
    case "string":
      return "string";
    case "number":
      return "number";
    case "boolean":
      return "bool";
    default:
      return "null";
  }
}

/** reflect.TypeOf(v).String() for a value decoded into interface{} (integers keep int64, as the server decodes them). */
export function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v === null || v === undefined) return "%!s(<nil>)";
  switch (typeof v) {
    case "object":
      return "map[string]interface {}";
    case "string":
      return "string";
    case "number":
      return Number.isInteger(v) ? "int64" : "float64";
    case "boolean":
      return "bool";
    default:
      return typeof v;
  }
}

/** strconv.FormatFloat(f, 'g', -1, 64), which %v uses for a float64. */
function goFloat(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant, expStr] = f.toExponential().split("e");
  const exp = Number(expStr);
  if (exp < -4 || exp >= 21) {
    const sign = exp < 0 ? "-" : "+";
    const abs = Math.abs(exp);
    return `${mant}e${sign}${abs < 10 ? "0" : ""}${abs}`;
  }
  return String(f);
}

/** fmt's %v of a value decoded into interface{}: `map[a:1 b:[x y]]`, keys sorted, `<nil>` for null. */
export function goFormat(v: unknown, depth = 0): string {
  if (depth > MAX_PATCH_DEPTH + 2) return "...";
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map((x) => goFormat(x, depth + 1)).join(" ")}]`;
  switch (typeof v) {
    case "object": {
      const o = v as JsonObject;
      const keys = Object.keys(o).sort();
      return `map[${keys.map((k) => `${k}:${goFormat(o[k], depth + 1)}`).join(" ")}]`;
    }
    case "string":
      return v;
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(BigInt(v)) : goFloat(v);
    case "boolean":
      return v ? "true" : "false";
    default:
      return String(v);
  }
}

/** fmt's %s of an interface{} value: a string as is, anything else as `%!s(T=v)`. */
export function goFormatS(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "%!s(<nil>)";
  return `%!s(${goTypeName(v)}=${goFormat(v)})`;
}
