// Index: kubectl's JSONPath dialect (k8s.io/client-go/util/jsonpath): `JsonPath.parse(template)` then
// `execute(data)` → text, or `findResults(data)`. Supports `{.a.b}`, `{.items[*].metadata.name}`,
// `{range .items[*]}...{end}`, filters `[?(@.type=="Ready")]` (==, !=, <, <=, >, >=, existence),
// slices `[1:3]`, `[-1:]`, `[::2]`, unions `[0,1]`, `['key.with.dots']`, `..` recursive descent,
// `*`, quoted text `{"\n"}`, with the parser's and evaluator's exact error messages.
// `JsonPathPrinter` is `-o jsonpath=...` / `jsonpath-file` / `jsonpath-as-json`.
// Values are JSON-shaped; an integral number is Go's int64, any other number float64.
import type { OutputSink } from "../../shell/types";
import { KubectlError } from "../command";
import { goNumber, goSharpV, goSprint } from "./gofmt";
import { goQuote } from "../../machinery/strconv";
import { toGoJson } from "./json";

// ------------------------------------------------------------------------------------ nodes

type ParamsEntry = { value: number; known: boolean; derived: boolean };
export type JpNode =
  | { type: "list"; nodes: JpNode[] }
  | { type: "text"; text: string }
  | { type: "field"; value: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: JpList; right: JpList; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: JpList[] }
  | { type: "identifier"; name: string };
type JpList = Extract<JpNode, { type: "list" }>;

export class JsonPathError extends Error {}

const newList = (): JpList => ({ type: "list", nodes: [] });

// ------------------------------------------------------------------------------------ parser

const EOF = "";

class Parser {
  root: JpList = newList();
  private input = "";
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): void {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.input.codePointAt(this.pos)!;
    const r = String.fromCodePoint(cp);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: JpList): void {
    for (;;) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
        return this.parseLeftDelim(cur);
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
  }

  private parseLeftDelim(cur: JpList): void {
    this.pos += 1;
    this.consumeText();
    const node = newList();
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: JpList): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) return this.parseRightDelim();
      if (rest.startsWith("[?(")) return this.parseFilter(cur);
      if (rest.startsWith("..")) return this.parseRecursive(cur);
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError("unclosed action");
      if (r === " " || r === "@" || r === "$") {
        this.consumeText();
        continue;
      }
      if (r === "[") return this.parseArray(cur);
      if (r === '"' || r === "'") return this.parseQuote(cur, r);
      if (r === ".") return this.parseField(cur);
      if (r === "+" || r === "-" || isDigit(r)) {
        this.backup();
        return this.parseNumber(cur);
      }
      if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      }
      throw new JsonPathError(`unrecognized character in action: ${goSharpU(r)}`);
    }
  }

  private parseRightDelim(): void {
    this.pos += 1;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: JpList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === "recursive") throw new JsonPathError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: JpList): void {
    const r = this.peek();
    if (r === "+" || r === "-") this.next();
    for (;;) {
      const c = this.next();
      if (c !== "." && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?[0-9]+$/.test(value) && Math.abs(Number(value)) < 2 ** 63) {
      cur.nodes.push({ type: "int", value: Number(value) });
      return this.parseInsideAction(cur);
    }
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
      cur.nodes.push({ type: "float", value: Number(value) });
      return this.parseInsideAction(cur);
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === "*") text = ":";
    const strs = text.split(",");
    if (strs.length > 1) {
      const union: JpList[] = [];
      for (const s of strs) union.push(parseAction("union", `[${trimSpaces(s)}]`));
      cur.nodes.push({ type: "union", nodes: union });
      return this.parseInsideAction(cur);
    }
    const dict = /^'([^']*)'$/.exec(text);
    if (dict) {
      const p = parseAction("arraydict", `.${dict[1]}`);
      cur.nodes.push(...p.nodes);
      return this.parseInsideAction(cur);
    }
    const m = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const value = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      if (value[i] !== "") {
        if (i > 0) value[i] = value[i].slice(1);
        if (i > 0 && value[i] === "") params[i].known = false;
        else {
          params[i].known = true;
          if (!/^[+-]?[0-9]+$/.test(value[i])) throw new JsonPathError(`array index ${value[i]} is not a number`);
          params[i].value = Number(value[i]);
        }
      } else if (i === 1) {
        params[i] = { known: true, value: params[0].value + 1, derived: true };
      } else {
        params[i] = { known: false, value: 0, derived: false };
      }
    }
    cur.nodes.push({ type: "array", params });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")") {
        if (begin === end) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathError("unclosed array expect ]");
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/s.exec(text);
    if (!m) {
      const p = parseAction("text", text);
      cur.nodes.push({ type: "filter", left: p, right: newList(), operator: "exists" });
    } else {
      const left = parseAction("left", m[1]);
      const right = parseAction("right", m[3]);
      cur.nodes.push({ type: "filter", left, right, operator: m[2] });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: JpList, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathError("unterminated quoted string");
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (e) {
      throw new JsonPathError(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.nodes.push({ type: "text", text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: JpList): void {
    this.consumeText();
    while (this.advance()) {
      /* consume the field name */
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replace(/\\/g, "") });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === "\\") this.next();
    else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: parses `{text}` and returns the action's list. */
function parseAction(_name: string, text: string): JpList {
  const p = new Parser();
  p.parse(`{${text}}`);
  return p.root.nodes[0] as JpList;
}

const trimSpaces = (s: string) => s.replace(/^ +| +$/g, "");
const isEndOfLine = (r: string) => r === "\r" || r === "\n";
const isDigit = (r: string) => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string) => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);
function isTerminator(r: string): boolean {
  if (r === " " || r === "\t" || isEndOfLine(r)) return true;
  return r === EOF || ".,[]$@{}".includes(r);
}

/** Go's %#U: `U+0023 '#'`. */
function goSharpU(r: string): string {
  const cp = r.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase().padStart(4, "0");
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `U+${hex} '${r}'` : `U+${hex}`;
}

/** jsonpath.UnquoteExtend: strconv.Unquote that also accepts single-quoted strings. */
function unquoteExtend(s: string): string {
  if (s.length < 2) throw new Error("invalid syntax");
  const quote = s[0];
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) throw new Error("invalid syntax");
  let body = s.slice(1, -1);
  if (!body.includes("\\") && !body.includes(quote)) return body;
  let out = "";
  while (body.length) {
    const c = body[0];
    if (c === quote) throw new Error("invalid syntax");
    if (c !== "\\") {
      const ch = String.fromCodePoint(body.codePointAt(0)!);
      out += ch;
      body = body.slice(ch.length);
      continue;
    }
    const e = body[1];
    const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
    if (e === undefined) throw new Error("invalid syntax");
    if (simple[e] !== undefined) {
      out += simple[e];
      body = body.slice(2);
    } else if (e === "'" || e === '"') {
      if (e !== quote) throw new Error("invalid syntax");
      out += e;
      body = body.slice(2);
    } else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(2, 2 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new Error("invalid syntax");
      const v = parseInt(hex, 16);
      if (e !== "x" && (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))) throw new Error("invalid syntax");
      out += String.fromCodePoint(v);
      body = body.slice(2 + n);
    } else if (e >= "0" && e <= "7") {
      const oct = body.slice(1, 4);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) throw new Error("invalid syntax");
      out += String.fromCharCode(parseInt(oct, 8));
      body = body.slice(4);
    } else throw new Error("invalid syntax");
  }
  return out;
}

// ------------------------------------------------------------------------------------ values

/** A Go reflect.Value over JSON data: `invalid` when nothing is there; bytes of strings are uint8. */
type Val = { v: unknown; invalid?: boolean; uint8?: boolean };
const val = (v: unknown): Val => ({ v });
const INVALID: Val = { v: undefined, invalid: true };

function goKind(x: Val): "invalid" | "map" | "slice" | "string" | "int" | "uint" | "float" | "bool" {
  if (x.invalid || x.v === null || x.v === undefined) return "invalid";
  if (x.uint8) return "uint";
  const v = x.v;
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? "int" : "float";
  if (Array.isArray(v)) return "slice";
  return "map";
}

function goTypeName(x: Val): string {
  switch (goKind(x)) {
    case "map":
      return "map[string]interface {}";
    case "slice":
      return "[]interface {}";
    case "int":
      return "int64";
    case "float":
      return "float64";
    case "uint":
      return "uint8";
    case "invalid":
      return "<nil>";
    default:
      return goKind(x);
  }
}

function utf8Bytes(s: string): number[] {
  return [...new TextEncoder().encode(s)];
}

function children(x: Val): Val[] {
  const k = goKind(x);
  if (k === "map") {
    const m = x.v as Record<string, unknown>;
    return Object.keys(m).sort().map((key) => val(m[key]));
  }
  if (k === "slice") return (x.v as unknown[]).map(val);
  if (k === "string") return utf8Bytes(x.v as string).map((b) => ({ v: b, uint8: true }));
  return [];
}

// ------------------------------------------------------------------------------------ evaluation

export class JsonPath {
  private root: JpList | undefined;
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode: JpNode | undefined;
  private allowMissingKeys = false;
  private outputJson = false;

  constructor(readonly name: string) {}

  setAllowMissingKeys(allow: boolean): this {
    this.allowMissingKeys = allow;
    return this;
  }

  enableJsonOutput(v: boolean): this {
    this.outputJson = v;
    return this;
  }

  /** Throws JsonPathError with the parser's message. */
  parse(text: string): this {
    const p = new Parser();
    p.parse(text);
    this.root = p.root;
    return this;
  }

  /** The text kubectl writes for `data`; throws JsonPathError with the evaluator's message. */
  execute(data: unknown): string {
    const full = this.findResultsVals(val(data));
    return full.map((r) => this.printResults(r)).join("");
  }

  /** FindResults: the values each top-level node produced (invalid values left out). */
  findResults(data: unknown): unknown[][] {
    return this.findResultsVals(val(data)).map((r) => r.map((x) => x.v));
  }

  private findResultsVals(data: Val): Val[][] {
    if (!this.root) throw new JsonPathError(`${this.name} is an incomplete jsonpath template`);
    const cur = [data];
    const nodes = this.root.nodes;
    const fullResult: Val[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) {
            this.root.nodes = nodes.slice(i + 1);
            fullResult.push(...this.findResultsVals(value));
          }
        } else {
          this.root.nodes = nodes.slice(i + 1);
          this.findResultsVals(INVALID);
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      fullResult.push(results);
    }
    return fullResult;
  }

  private printResults(results: Val[]): string {
    if (this.outputJson) results = [val(results.map((r) => r.v))];
    let out = "";
    results.forEach((r, i) => {
      const k = goKind(r);
      let text: string;
      if (this.outputJson) text = toGoJson(r.v, { indent: 4 }) + "\n";
      else if (k === "map" || k === "slice") text = toGoJson(r.v);
      else text = evalToText(r);
      if (i !== results.length - 1) text += " ";
      out += text;
    });
    return out;
  }

  private walk(value: Val[], node: JpNode): Val[] {
    switch (node.type) {
      case "list":
        return this.evalList(value, node);
      case "text":
        return [val(node.text)];
      case "field":
        return this.evalField(value, node.value);
      case "array":
        return this.evalArray(value, node.params);
      case "filter":
        return this.evalFilter(value, node);
      case "int":
      case "float":
      case "bool":
        return value.map(() => ({ v: node.value, ...(node.type === "float" ? { float: true } : {}) }) as Val);
      case "wildcard":
        return this.evalWildcard(value);
      case "recursive":
        return this.evalRecursive(value);
      case "union":
        return node.nodes.flatMap((l) => this.evalList(value, l));
      case "identifier":
        return this.evalIdentifier(value, node.name);
    }
  }

  private evalList(value: Val[], node: JpList): Val[] {
    let cur = value;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Val[], name: string): Val[] {
    if (name === "range") {
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathError("not in range, nothing to end");
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalArray(input: Val[], p: [ParamsEntry, ParamsEntry, ParamsEntry]): Val[] {
    const result: Val[] = [];
    for (const value of input) {
      if (goKind(value) === "invalid") continue;
      if (goKind(value) !== "slice") throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const arr = value.v as unknown[];
      const params = p.map((x) => ({ ...x }));
      const len = arr.length;
      if (!params[0].known) params[0].value = 0;
      if (params[0].value < 0) params[0].value += len;
      if (!params[1].known) params[1].value = len;
      if (params[1].value < 0 || (params[1].value === 0 && params[1].derived)) params[1].value += len;
      if (params[1].value !== params[0].value) {
        if (params[0].value >= len || params[0].value < 0) throw new JsonPathError(`array index out of bounds: index ${params[0].value}, length ${len}`);
        if (params[1].value > len || params[1].value < 0) throw new JsonPathError(`array index out of bounds: index ${params[1].value - 1}, length ${len}`);
        if (params[0].value > params[1].value) throw new JsonPathError(`starting index ${params[0].value} is greater than ending index ${params[1].value}`);
      } else return result;
      const slice = arr.slice(params[0].value, params[1].value);
      let step = 1;
      if (params[2].known) {
        if (params[2].value <= 0) throw new JsonPathError("step must be > 0");
        step = params[2].value;
      }
      for (let i = 0; i < slice.length; i += step) result.push(val(slice[i]));
    }
    return result;
  }

  private evalField(input: Val[], name: string): Val[] {
    const results: Val[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (goKind(value) !== "map") continue;
      const m = value.v as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(m, name)) results.push(val(m[name]));
    }
    if (results.length === 0) {
      if (this.allowMissingKeys) return results;
      throw new JsonPathError(`${name} is not found`);
    }
    return results;
  }

  private evalWildcard(input: Val[]): Val[] {
    return input.flatMap((v) => children(v));
  }

  private evalRecursive(input: Val[]): Val[] {
    const result: Val[] = [];
    for (const value of input) {
      if (goKind(value) === "invalid") continue;
      const kids = children(value);
      if (kids.length) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  private evalFilter(input: Val[], node: Extract<JpNode, { type: "filter" }>): Val[] {
    const results: Val[] = [];
    for (const value of input) {
      if (goKind(value) !== "slice") throw new JsonPathError(`${goSprintVal(value)} is not array or slice and cannot be filtered`);
      for (const item of value.v as unknown[]) {
        const temp = [val(item)];
        let lefts: Val[];
        let leftErr: unknown;
        try {
          lefts = this.evalList(temp, node.left);
        } catch (e) {
          lefts = [];
          leftErr = e;
        }
        if (node.operator === "exists") {
          if (lefts.length > 0) results.push(val(item));
          continue;
        }
        if (leftErr) throw leftErr;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time");
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError("can only compare one element at a time");
        if (compare(node.operator, lefts[0], rights[0])) results.push(val(item));
      }
    }
    return results;
  }
}

/** The forked text/template comparisons (eq, ne, lt, le, gt, ge) with their errors. */
function compare(op: string, a: Val, b: Val): boolean {
  const kind = (x: Val) => {
    const k = goKind(x);
    if (k === "invalid" || k === "map" || k === "slice") throw new JsonPathError("invalid type for comparison");
    if ((x as { float?: boolean }).float) return "float";
    return k;
  };
  const equal = (x: Val, y: Val): boolean => {
    const kx = kind(x);
    const ky = kind(y);
    if (kx !== ky) {
      if ((kx === "int" && ky === "uint") || (kx === "uint" && ky === "int")) return x.v === y.v;
      throw new JsonPathError("incompatible types for comparison");
    }
    return x.v === y.v;
  };
  const less = (x: Val, y: Val): boolean => {
    const kx = kind(x);
    const ky = kind(y);
    if (kx !== ky) {
      if ((kx === "int" && ky === "uint") || (kx === "uint" && ky === "int")) return (x.v as number) < (y.v as number);
      throw new JsonPathError("incompatible types for comparison");
    }
    if (kx === "bool") throw new JsonPathError("invalid type for comparison");
    if (kx === "string") return compareBytes(x.v as string, y.v as string) < 0;
    return (x.v as number) < (y.v as number);
  };
  switch (op) {
    case "<":
      return less(a, b);
    case ">": {
      const le = less(a, b) || equal(a, b);
      return !le;
    }
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<=":
      return less(a, b) || equal(a, b);
    case ">=":
      return !less(a, b);
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}

function compareBytes(a: string, b: string): number {
  const x = utf8Bytes(a);
  const y = utf8Bytes(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** fmt.Fprint of a scalar result; JSON null prints as "null". */
function evalToText(r: Val): string {
  if (r.invalid) return "<no value>";
  if (r.v === null || r.v === undefined) return "null";
  if (typeof r.v === "number") return (r as { float?: boolean }).float ? goNumber(r.v, true) : goNumber(r.v);
  return String(r.v);
}

function goSprintVal(x: Val): string {
  if (x.invalid) return "<invalid reflect.Value>";
  if (x.v === null || x.v === undefined) return "<nil>";
  return goSprint(x.v);
}

// ------------------------------------------------------------------------------------ the printer

/** `-o jsonpath=TEMPLATE`: missing keys allowed unless --allow-missing-template-keys=false. */
export class JsonPathPrinter {
  private readonly jp: JsonPath;
  constructor(
    private readonly template: string,
    opts: { allowMissingKeys?: boolean; asJson?: boolean } = {},
  ) {
    this.jp = new JsonPath("out");
    try {
      this.jp.parse(template);
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${template}, ${e.message}`);
      throw e;
    }
    this.jp.setAllowMissingKeys(opts.allowMissingKeys ?? true);
    if (opts.asJson) this.jp.enableJsonOutput(true);
  }

  print(obj: unknown, out: OutputSink): void {
    let text: string;
    try {
      text = this.jp.execute(obj);
    } catch (e) {
      if (!(e instanceof JsonPathError)) throw e;
      const debug = `Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${this.template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`;
      throw new KubectlError(`error executing jsonpath ${goQuote(this.template)}: ${debug}\n`);
    }
    out.write(text);
  }
}

/** get's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPathExpression(expr: string): string {
  if (expr.length === 0) return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}
