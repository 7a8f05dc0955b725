// Index: Go's fmt and strconv as kubectl's printers show JSON-shaped values (unstructured objects):
// `formatFloatG` (strconv.FormatFloat 'g' -1), `goSprint` (%v: `map[a:b]`, `[x y]`, `<nil>`),
// `goSharpV` (%#v: `map[string]interface {}{"a":"b"}`, used in jsonpath/template error dumps),
// `goQuoteString` (strconv.Quote). Numbers carry a Go type: integral numbers are int64, others
// float64, as apimachinery decodes JSON into unstructured objects; `floatsOnly` mode treats every
// number as float64 (what json.Unmarshal into interface{} gives, i.e. the go-template printer's data).
import { compareGoStrings } from "../../machinery/labels";

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits; exponent form below 1e-4 and from 1e6 (`1e+06`). */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (f === Infinity) return "+Inf";
  if (f === -Infinity) return "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const neg = f < 0;
  const [mant, expText] = Math.abs(f).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expText);
  let out: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.slice(1);
    const e = Math.abs(exp);
    out = `${digits[0]}${frac ? `.${frac}` : ""}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp < 0) {
    out = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    out = frac ? `${intPart}.${frac}` : intPart;
  }
  return neg ? `-${out}` : out;
}

/** How a number prints with %v given its Go type. */
export function goNumber(n: number, floatsOnly = false): string {
  if (!floatsOnly && Number.isInteger(n) && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return formatFloatG(n);
}

/** fmt.Sprint(v) / %v of a JSON-shaped value. */
export function goSprint(v: unknown, floatsOnly = false): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v, floatsOnly);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[${v.map((x) => goSprint(x, floatsOnly)).join(" ")}]`;
  if (typeof v === "object") {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${goSprint((v as Record<string, unknown>)[k], floatsOnly)}`).join(" ")}]`;
  }
  return String(v);
}

/** fmt's %#v of a JSON-shaped value held in an interface{} (top level: `map[string]interface {}{...}`). */
export function goSharpV(v: unknown, floatsOnly = false): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuoteString(v);
  if (typeof v === "number") return goNumber(v, floatsOnly);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, floatsOnly)).join(", ")}}`;
  if (typeof v === "object") {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[string]interface {}{${keys.map((k) => `${goQuoteString(k)}:${goSharpV((v as Record<string, unknown>)[k], floatsOnly)}`).join(", ")}}`;
  }
  return String(v);
}

/** strconv.Quote: Go escapes, printable Unicode kept as is. */
export function goQuoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\x07":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (!isGoPrintable(c)) out += c <= 0xffff ? `\\u${c.toString(16).padStart(4, "0")}` : `\\U${c.toString(16).padStart(8, "0")}`;
    else out += ch;
  }
  return out + '"';
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
function isGoPrintable(c: number): boolean {
  return PRINTABLE.test(String.fromCodePoint(c));
}
