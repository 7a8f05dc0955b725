// Index: YAML exactly as kubectl prints it. `toYaml(value)` is sigs.k8s.io/yaml.Marshal (JSON, then
// go-yaml v2's emitter); `YamlPrinter` is `-o yaml` (`---` between objects, managedFields omitted
// unless asked). Keys are always sorted (go-yaml's natural order: `a2` before `a10`), for objects from
// the server and for objects built client-side alike: sigs.k8s.io/yaml converts to JSON and back to a
// generic map before emitting, so no caller's key order survives. (JSON keeps a typed object's order:
// see json.ts.)
//
// The emitter is a port of go-yaml v2's emitterc.go for the documents kubectl emits (block mappings
// and sequences, `{}`/`[]` for empty ones, scalars): the same style choice (plain, 'single',
// "double", | literal), quoting of strings that would read back as another type (`"true"`, `"1"`,
// `"2024-01-01"`, `"null"`), line folding past column 80, escapes and `? ` keys longer than 128 bytes.
import type { OutputSink } from "../../shell/types";
import { formatFloatG } from "./gofmt";

type Style = "plain" | "single" | "double" | "literal";

/** sigs.k8s.io/yaml.Marshal of a JSON-shaped value (trailing newline included). */
export function toYaml(value: unknown): string {
  const e = new Emitter();
  e.document(jsonRoundTrip(value));
  return e.out;
}

/** `-o yaml`: one document per object, `---` before every one after the first. */
export class YamlPrinter {
  private count = 0;
  constructor(private readonly opts: { showManagedFields?: boolean } = {}) {}
  print(obj: unknown, out: OutputSink): void {
    if (this.count++ > 0) out.write("---\n");
    out.write(toYaml(this.opts.showManagedFields ? obj : omitManagedFields(obj)));
  }
  /** A metav1.WatchEvent (`--output-watch-events`); managedFields stay (kubectl cannot see inside it). */
  printEvent(type: string, obj: unknown, out: OutputSink): void {
    if (this.count++ > 0) out.write("---\n");
    out.write(toYaml({ type, object: obj }));
  }
}

/** OmitManagedFieldsPrinter: drops metadata.managedFields from an object or a list's items. */
export function omitManagedFields<T>(obj: T): T {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return obj;
  const o = obj as Record<string, any>;
  const strip = (x: any) => {
    if (!x || typeof x !== "object" || !x.metadata || typeof x.metadata !== "object" || !("managedFields" in x.metadata)) return x;
    const { managedFields: _drop, ...metadata } = x.metadata;
    return { ...x, metadata };
  };
  if (Array.isArray(o.items) && typeof o.kind === "string" && o.kind.endsWith("List")) return { ...o, items: o.items.map(strip) } as T;
  return strip(o);
}

/** What survives Go's JSON encoding: undefined members dropped, non-finite numbers as null. */
function jsonRoundTrip(v: unknown): unknown {
  if (v === undefined) return null;
  if (v === null || typeof v !== "object") return typeof v === "number" && !Number.isFinite(v) ? null : v;
  if (Array.isArray(v)) return v.map((x) => jsonRoundTrip(x));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = jsonRoundTrip(x);
  return out;
}

/** go-yaml v2's keyList.Less for string keys: letters after non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const isLetter = (c: string) => LETTER.test(c);
const isDigit = (c: string) => DIGIT.test(c);

// ------------------------------------------------------------------------------------ resolution

const RESOLVE_MAP = new Set(["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "", "~", "null", "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<"]);
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Whether a plain scalar would read back as something other than a string (go-yaml v2's resolve). */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === ".") return goParseFloat(s);
  if (c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    if (isTimestamp(s)) return true;
    const plain = s.replace(/_/g, "");
    if (goParseInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain)) return true;
    return false;
  }
  return false;
}

/** strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds. */
function goParseInt(s: string): boolean {
  const m = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const body = m[2];
  let v: bigint;
  if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2)}`);
  else if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  if (m[1] === "-") return v <= INT64_MAX + 1n;
  if (m[1] === "+") return v <= INT64_MAX;
  return v <= UINT64_MAX;
}

/** strconv.ParseFloat(s, 64) succeeds (for strings starting with "."). */
function goParseFloat(s: string): boolean {
  if (!/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return false;
  return Number.isFinite(Number(s));
}

/** go-yaml v2's parseTimestamp: four digits, "-", then one of its time.Parse layouts. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?))?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return false;
  const h = Number(m[4] ?? m[7] ?? 0);
  const mi = Number(m[5] ?? m[8] ?? 0);
  const se = Number(m[6] ?? m[9] ?? 0);
  return h < 24 && mi < 60 && se < 60;
}

// ------------------------------------------------------------------------------------ the emitter

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string | undefined) => c === "\r" || c === "\n" || c === "\u0085" || c === "\u2028" || c === "\u2029";
const isBlank = (c: string | undefined) => c === " " || c === "\t";
const isBlankz = (c: string | undefined) => c === undefined || c === "\0" || isBlank(c) || isBreak(c);

/** go-yaml's is_printable, per code point. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  if (cp === 0x0a || (cp >= 0x20 && cp <= 0x7e)) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
  return false;
}

function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const head = chars.slice(0, 3).join("");
  if (chars.length >= 3 && (head === "---" || head === "...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      switch (c) {
        case "#": case ",": case "[": case "]": case "{": case "}": case "&": case "*": case "!": case "|": case ">": case "'": case '"': case "%": case "@": case "`":
          flowIndicators = true;
          blockIndicators = true;
          break;
        case "?": case ":":
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case "-":
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (c) {
        case ",": case "?": case "[": case "]": case "{": case "}":
          flowIndicators = true;
          break;
        case ":":
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case "#":
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) a.flowPlainAllowed = a.blockPlainAllowed = a.singleQuotedAllowed = a.blockAllowed = false;
  if (lineBreaks) a.flowPlainAllowed = a.blockPlainAllowed = false;
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

class Emitter {
  out = "";
  private column = 0;
  private indent = -1;
  private indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  document(value: unknown): void {
    this.node(value, false, false);
    this.writeIndent();
  }

  private node(v: unknown, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (v === null || v === undefined) return this.scalar("null", "plain");
    if (typeof v === "boolean") return this.scalar(v ? "true" : "false", "plain");
    if (typeof v === "number") return this.scalar(Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v).toString() : formatFloatG(v).replace("+Inf", ".inf").replace("-Inf", "-.inf").replace("NaN", ".nan"), "plain");
    if (typeof v === "string") return this.string(v);
    if (Array.isArray(v)) return this.sequence(v);
    return this.mapping(v as Record<string, unknown>);
  }

  private string(s: string): void {
    const canUsePlain = !resolvesToNonString(s) && !BASE60_FLOAT.test(s);
    const style: Style = s.includes("\n") ? "literal" : canUsePlain ? "plain" : "double";
    this.scalar(s, style);
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private mapping(m: Record<string, unknown>): void {
    const keys = Object.keys(m).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
    if (keys.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("{", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("}", false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const k of keys) {
      this.writeIndent();
      const chars = [...k];
      const simple = !analyze(chars).multiline && utf8Length(k) <= 128;
      if (simple) {
        this.node(k, true, true);
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(k, true, false);
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(m[k], true, false);
    }
    this.popIndent();
  }

  private sequence(items: unknown[]): void {
    if (items.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("[", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("]", false, false, false);
      return;
    }
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.popIndent();
  }

  private scalar(value: string, requested: Style): void {
    const chars = [...value];
    const a = analyze(chars);
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = "double";
    if (style === "plain") {
      if ((this.flowLevel > 0 && !a.flowPlainAllowed) || (this.flowLevel === 0 && !a.blockPlainAllowed)) style = "single";
      if (chars.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = "single";
    }
    if (style === "single" && !a.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!a.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) style = "double";
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    if (style === "plain") this.writePlain(chars, allowBreaks);
    else if (style === "single") this.writeSingle(chars, allowBreaks);
    else if (style === "double") this.writeDouble(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  // ---- output primitives (put, put_break, write, write_break, write_indent, write_indicator)

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeBreak(c: string): void {
    if (c === "\n") this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const c of indicator) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(chars: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(chars: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== " ") this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(chars: string[], allowBreaks: boolean): void {
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    const bom = chars[0] === "\ufeff";
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i];
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === "\\") {
        this.put("\\");
        const v = c.codePointAt(0)!;
        const named: Record<number, string> = { 0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0a: "n", 0x0b: "v", 0x0c: "f", 0x0d: "r", 0x1b: "e", 0x22: '"', 0x5c: "\\", 0x85: "N", 0xa0: "_", 0x2028: "L", 0x2029: "P" };
        if (named[v] !== undefined) this.put(named[v]);
        else {
          const [letter, width] = v <= 0xff ? ["x", 2] : v <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(letter as string);
          for (const d of v.toString(16).toUpperCase().padStart(width as number, "0")) this.put(d);
        }
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(chars: string[]): void {
    this.writeIndicator("|", true, false, false);
    // Block scalar hints: an indentation indicator when the text starts with a space or a break;
    // "-" (strip) when it does not end with a break, "+" (keep) when it ends with two.
    if (chars[0] === " " || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    const last = chars.length - 1;
    if (chars.length === 0 || !isBreak(chars[last])) chomp = "-";
    else if (last === 0) chomp = "+";
    else if (isBreak(chars[last - 1])) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of chars) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function utf8Length(s: string): number {
  let n = 0;
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
