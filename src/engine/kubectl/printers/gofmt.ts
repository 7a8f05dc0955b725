// Index: Go's fmt and strconv as kubectl's printers show JSON-shaped values (unstructured objects):
// `formatFloatG` (strconv.FormatFloat 'g' -1), `goSprint` (%v: `map[a:b]`, `[x y]`, `<nil>`),
// `goSharpV` (%#v: `map[string]interface {}{"a":"b"}`, used in jsonpath/template error dumps; strings
// quoted by machinery/strconv's goQuote). Numbers carry a Go type: integral numbers are int64, others
// float64, as apimachinery decodes JSON into unstructured objects; `floatsOnly` mode treats every
// number as float64 (what json.Unmarshal into interface{} gives, i.e. the go-template printer's data).
import { compareGoStrings } from "../../machinery/labels";
import { goQuote } from "../../machinery/strconv";

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
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v, floatsOnly);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, floatsOnly)).join(", ")}}`;
  if (typeof v === "object") {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV((v as Record<string, unknown>)[k], floatsOnly)}`).join(", ")}}`;
  }
  return String(v);
}
