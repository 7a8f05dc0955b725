// Index: `-o go-template=...` / `go-template-file` / `template` (kubectl's GoTemplatePrinter): a Go
// text/template subset over the object as apimachinery's json.Unmarshal gives it (whole numbers int64,
// others float64; JSON null prints `<no value>` like a missing key).
// Supported: `{{.a.b}}`, `{{$}}`, variables (`$x := ...`, `$x = ...`), pipelines `a | b`, parentheses,
// `{{if}}/{{else if}}/{{else}}/{{end}}`, `{{range}}` (with `$i, $v :=`, `{{else}}`, break/continue),
// `{{with}}`, `{{- -}}` trimming, comments, and the functions and, or, not, len, index, print, printf,
// println, eq, ne, lt, le, gt, ge, html, js, urlquery, slice, plus kubectl's `exists` and `base64decode`.
// Missing keys print `<no value>` (kubectl's default --allow-missing-template-keys=true).
import type { OutputSink } from "../../shell/types";
import { KubectlError } from "../command";
import { formatFloatG, goSprint } from "./gofmt";
import { goQuote } from "../../machinery/strconv";
import { toGoJson } from "./json";

// ------------------------------------------------------------------------------------ values

/** A Go value as the template engine sees it: JSON data (numbers float64), or a typed literal/result. */
type GoVal =
  | { t: "invalid" }
  | { t: "nil" }
  | { t: "string"; v: string }
  | { t: "float"; v: number }
  | { t: "int"; v: number; lit?: boolean }
  | { t: "bool"; v: boolean }
  | { t: "map"; v: Record<string, unknown> }
  | { t: "slice"; v: unknown[] };

const INVALID: GoVal = { t: "invalid" };

function fromData(v: unknown): GoVal {
  if (v === null || v === undefined) return { t: "nil" };
  if (typeof v === "string") return { t: "string", v };
  // k8s.io/apimachinery/pkg/util/json.Unmarshal: whole numbers become int64, others float64.
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? { t: "int", v } : { t: "float", v };
  if (typeof v === "boolean") return { t: "bool", v };
  if (Array.isArray(v)) return { t: "slice", v };
  return { t: "map", v: v as Record<string, unknown> };
}

function toData(g: GoVal): unknown {
  switch (g.t) {
    case "invalid":
    case "nil":
      return null;
    default:
      return g.v;
  }
}

function typeName(g: GoVal): string {
  switch (g.t) {
    case "map":
      return "map[string]interface {}";
    case "slice":
      return "[]interface {}";
    case "float":
      return "float64";
    case "int":
      return g.lit ? "int" : "int64";
    case "invalid":
      return "<nil>";
    case "nil":
      return "interface {}";
    default:
      return g.t;
  }
}

/** fmt.Sprint of a value (every number from the data is a float64). */
function sprint(g: GoVal): string {
  switch (g.t) {
    case "invalid":
      return "<no value>";
    case "nil":
      return "<nil>";
    case "int":
      return String(g.v);
    case "float":
      return formatFloatG(g.v);
    case "string":
      return g.v;
    case "bool":
      return g.v ? "true" : "false";
    default:
      return goSprint(g.v);
  }
}

function isTrue(g: GoVal): boolean {
  switch (g.t) {
    case "invalid":
    case "nil":
      return false;
    case "bool":
      return g.v;
    case "int":
    case "float":
      return g.v !== 0;
    case "string":
      return g.v.length > 0;
    case "slice":
      return g.v.length > 0;
    case "map":
      return Object.keys(g.v).length > 0;
  }
}

// ------------------------------------------------------------------------------------ lexing and parsing

class TemplateError extends Error {}

type Arg =
  | { k: "field"; names: string[]; pos: number; text: string }
  | { k: "var"; name: string; names: string[]; pos: number; text: string }
  | { k: "dot"; pos: number; text: string }
  | { k: "lit"; value: GoVal; pos: number; text: string }
  | { k: "func"; name: string; pos: number; text: string }
  | { k: "pipe"; pipe: Pipe; names: string[]; pos: number; text: string };
interface Cmd {
  args: Arg[];
  pos: number;
}
interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Cmd[];
  pos: number;
  text: string;
}
type TNode =
  | { k: "text"; text: string }
  | { k: "action"; pipe: Pipe }
  | { k: "if" | "with" | "range"; pipe: Pipe; list: TNode[]; elseList?: TNode[] }
  | { k: "break" | "continue"; pos: number };

const FUNCS = new Set(["and", "or", "not", "len", "index", "print", "printf", "println", "eq", "ne", "lt", "le", "gt", "ge", "html", "js", "urlquery", "slice", "call", "exists", "base64decode"]);

interface Token {
  t: "space" | "field" | "var" | "dot" | "ident" | "string" | "number" | "char" | "lparen" | "rparen" | "pipe" | "declare" | "assign" | "comma" | "bool" | "nil" | "end";
  text: string;
  pos: number;
}

class TemplateParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  line(pos: number): number {
    return 1 + (this.src.slice(0, pos).match(/\n/g)?.length ?? 0);
  }

  private fail(pos: number, msg: string): never {
    throw new TemplateError(`template: output:${this.line(pos)}: ${msg}`);
  }

  parse(): TNode[] {
    const { list, end } = this.parseList(true);
    if (end) this.fail(end.pos, `unexpected {{${end.word}}}`);
    return list;
  }

  /** Reads nodes until {{end}}/{{else}} (returned) or the end of input. */
  private parseList(top: boolean): { list: TNode[]; end?: { word: "end" | "else"; pos: number; rest?: Token[] } } {
    const list: TNode[] = [];
    for (;;) {
      const open = this.src.indexOf("{{", this.pos);
      if (open < 0) {
        if (this.pos < this.src.length) list.push({ k: "text", text: this.src.slice(this.pos) });
        this.pos = this.src.length;
        if (!top) this.fail(this.src.length, "unexpected EOF");
        return { list };
      }
      let text = this.src.slice(this.pos, open);
      let start = open + 2;
      if (/^-[ \t\r\n]/.test(this.src.slice(start, start + 2))) {
        text = text.replace(/[ \t\r\n]+$/, "");
        start += 1;
      }
      if (text) list.push({ k: "text", text });
      // Comments.
      const afterWs = this.src.slice(start).match(/^[ \t\r\n]*/)![0].length;
      if (this.src.startsWith("/*", start + afterWs)) {
        const close = this.src.indexOf("*/", start + afterWs + 2);
        if (close < 0) this.fail(open, "unclosed comment");
        let p = close + 2;
        p += this.src.slice(p).match(/^[ \t\r\n]*/)![0].length;
        if (this.src.startsWith("-}}", p)) {
          this.pos = p + 3;
          this.pos += this.src.slice(this.pos).match(/^[ \t\r\n]*/)![0].length;
        } else if (this.src.startsWith("}}", p)) this.pos = p + 2;
        else this.fail(open, "comment ends before closing delimiter");
        continue;
      }
      const tokens = this.lexAction(start, open);
      const words = tokens.filter((t) => t.t !== "space");
      const first = words[0];
      if (!first) this.fail(open, "missing value for command");
      if (first.t === "ident" && (first.text === "end" || first.text === "else")) {
        if (top) this.fail(open, `unexpected {{${first.text}}}`);
        return { list, end: { word: first.text as "end" | "else", pos: open, rest: words.slice(1) } };
      }
      if (first.t === "ident" && (first.text === "if" || first.text === "with" || first.text === "range")) {
        list.push(this.parseControl(first.text, words.slice(1), open));
        continue;
      }
      if (first.t === "ident" && (first.text === "break" || first.text === "continue")) {
        list.push({ k: first.text as "break" | "continue", pos: open });
        continue;
      }
      if (first.t === "ident" && (first.text === "define" || first.text === "template" || first.text === "block")) this.fail(open, `{{${first.text}}} is not supported in this sandbox`);
      list.push({ k: "action", pipe: this.parsePipe(words, open, "command") });
    }
  }

  private parseControl(word: "if" | "with" | "range", rest: Token[], pos: number): TNode {
    const pipe = this.parsePipe(rest, pos, word);
    const body = this.parseList(false);
    const node: TNode = { k: word, pipe, list: body.list };
    if (body.end?.word === "else") {
      const after = body.end.rest ?? [];
      if (after.length && after[0].t === "ident" && (after[0].text === "if" || after[0].text === "with")) {
        // {{else if ...}}: an if nested in the else list, closed by the same {{end}}.
        node.elseList = [this.parseControl(after[0].text as "if" | "with", after.slice(1), body.end.pos)];
        return node;
      }
      const elseBody = this.parseList(false);
      if (elseBody.end?.word !== "end") this.fail(elseBody.end?.pos ?? this.src.length, "expected end; found {{else}}");
      node.elseList = elseBody.list;
    }
    return node;
  }

  /** Lexes one action from `start` to its closing `}}` (handling `-}}`), leaving pos after it. */
  private lexAction(start: number, open: number): Token[] {
    const s = this.src;
    const tokens: Token[] = [];
    let i = start;
    let depth = 0;
    for (;;) {
      if (i >= s.length) this.fail(open, "unclosed action");
      const c = s[i];
      if (c === " " && s.startsWith(" -}}", i)) {
        this.pos = i + 4;
        this.pos += s.slice(this.pos).match(/^[ \t\r\n]*/)![0].length;
        break;
      }
      if (s.startsWith("}}", i)) {
        if (depth > 0) this.fail(i, "unclosed left paren");
        this.pos = i + 2;
        break;
      }
      if (c === "\n" || c === "\r") this.fail(open, "unclosed action");
      if (c === " " || c === "\t") {
        let j = i;
        while (s[j] === " " || s[j] === "\t") j++;
        tokens.push({ t: "space", text: s.slice(i, j), pos: i });
        i = j;
        continue;
      }
      if (c === "(") {
        depth++;
        tokens.push({ t: "lparen", text: c, pos: i++ });
        continue;
      }
      if (c === ")") {
        depth--;
        if (depth < 0) this.fail(i, `unexpected right paren`);
        tokens.push({ t: "rparen", text: c, pos: i++ });
        continue;
      }
      if (c === "|") {
        tokens.push({ t: "pipe", text: c, pos: i++ });
        continue;
      }
      if (c === ",") {
        tokens.push({ t: "comma", text: c, pos: i++ });
        continue;
      }
      if (s.startsWith(":=", i)) {
        tokens.push({ t: "declare", text: ":=", pos: i });
        i += 2;
        continue;
      }
      if (c === "=") {
        tokens.push({ t: "assign", text: "=", pos: i++ });
        continue;
      }
      if (c === '"' || c === "`") {
        let j = i + 1;
        while (j < s.length && s[j] !== c) {
          if (c === '"' && s[j] === "\\") j++;
          if (c === '"' && s[j] === "\n") this.fail(open, "unterminated quoted string");
          j++;
        }
        if (j >= s.length) this.fail(open, c === '"' ? "unterminated quoted string" : "unterminated raw quoted string");
        tokens.push({ t: "string", text: s.slice(i, j + 1), pos: i });
        i = j + 1;
        continue;
      }
      if (c === "'") {
        let j = i + 1;
        while (j < s.length && s[j] !== "'") j += s[j] === "\\" ? 2 : 1;
        tokens.push({ t: "char", text: s.slice(i, j + 1), pos: i });
        i = j + 1;
        continue;
      }
      if (c === "$") {
        let j = i + 1;
        while (j < s.length && /[\p{L}\p{Nd}_]/u.test(s[j])) j++;
        tokens.push({ t: "var", text: s.slice(i, j), pos: i });
        i = j;
        continue;
      }
      if (c === ".") {
        if (i + 1 < s.length && /[\p{L}_]/u.test(s[i + 1])) {
          let j = i + 1;
          while (j < s.length && /[\p{L}\p{Nd}_]/u.test(s[j])) j++;
          tokens.push({ t: "field", text: s.slice(i, j), pos: i });
          i = j;
          continue;
        }
        if (i + 1 < s.length && /[0-9]/.test(s[i + 1])) {
          // a number like .5
        } else {
          tokens.push({ t: "dot", text: ".", pos: i++ });
          continue;
        }
      }
      if (/[0-9+\-.]/.test(c)) {
        const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(s.slice(i));
        const text = m?.[0] ?? "";
        if (!text || text === "+" || text === "-") this.fail(open, `bad number syntax: ${JSON.stringify(s.slice(i, i + 1))}`);
        tokens.push({ t: "number", text, pos: i });
        i += text.length;
        continue;
      }
      if (/[\p{L}_]/u.test(c)) {
        let j = i;
        while (j < s.length && /[\p{L}\p{Nd}_]/u.test(s[j])) j++;
        const word = s.slice(i, j);
        tokens.push({ t: word === "true" || word === "false" ? "bool" : word === "nil" ? "nil" : "ident", text: word, pos: i });
        i = j;
        continue;
      }
      this.fail(open, `unexpected ${goQuote(c)} in command`);
    }
    return tokens;
  }

  private parsePipe(words: Token[], pos: number, context: string): Pipe {
    let rest = words;
    const decl: string[] = [];
    let assign = false;
    // `$x :=`, `$i, $v :=` and `$x =`.
    const declIdx = rest.findIndex((t) => t.t === "declare" || t.t === "assign");
    if (declIdx > 0 && rest.slice(0, declIdx).every((t) => t.t === "var" || t.t === "comma")) {
      for (const t of rest.slice(0, declIdx)) if (t.t === "var") decl.push(t.text);
      assign = rest[declIdx].t === "assign";
      rest = rest.slice(declIdx + 1);
    }
    const cmds: Cmd[] = [];
    let current: Arg[] = [];
    let i = 0;
    const parseOperand = (): Arg => {
      const t = rest[i++];
      let arg: Arg;
      let endPos = t.pos + t.text.length;
      switch (t.t) {
        case "field":
          arg = { k: "field", names: t.text.slice(1).split("."), pos: t.pos, text: t.text };
          break;
        case "var":
          arg = { k: "var", name: t.text, names: [], pos: t.pos, text: t.text };
          break;
        case "dot":
          arg = { k: "dot", pos: t.pos, text: "." };
          break;
        case "string":
          arg = { k: "lit", value: { t: "string", v: unquote(t.text) }, pos: t.pos, text: t.text };
          break;
        case "char":
          arg = { k: "lit", value: { t: "int", v: unquote(t.text.replace(/^'|'$/g, '"')).codePointAt(0) ?? 0 }, pos: t.pos, text: t.text };
          break;
        case "number": {
          const n = Number(t.text.replace(/_/g, ""));
          if (Number.isNaN(n)) this.fail(t.pos, `bad number syntax: ${JSON.stringify(t.text)}`);
          const isInt = /^[+-]?(0[xXbBoO][0-9a-fA-F_]+|\d[\d_]*)$/.test(t.text);
          arg = { k: "lit", value: isInt ? { t: "int", v: n, lit: true } : { t: "float", v: n }, pos: t.pos, text: t.text };
          break;
        }
        case "bool":
          arg = { k: "lit", value: { t: "bool", v: t.text === "true" }, pos: t.pos, text: t.text };
          break;
        case "nil":
          arg = { k: "lit", value: { t: "nil" }, pos: t.pos, text: "nil" };
          break;
        case "ident":
          if (!FUNCS.has(t.text)) this.fail(t.pos, `function ${JSON.stringify(t.text)} not defined`);
          arg = { k: "func", name: t.text, pos: t.pos, text: t.text };
          break;
        case "lparen": {
          let depth = 1;
          const startI = i;
          while (i < rest.length && depth > 0) {
            if (rest[i].t === "lparen") depth++;
            if (rest[i].t === "rparen") depth--;
            i++;
          }
          const inner = rest.slice(startI, i - 1);
          endPos = rest[i - 1].pos + 1;
          const pipe = this.parsePipe(inner, t.pos, "parenthesized pipeline");
          arg = { k: "pipe", pipe, names: [], pos: t.pos, text: `(${pipe.text})` };
          break;
        }
        default:
          this.fail(t.pos, `unexpected ${JSON.stringify(t.text)} in operand`);
      }
      // A field chain written right after an operand: .a.b, $x.a.b, (pipe).a
      while (i < rest.length && rest[i].t === "field" && rest[i].pos === endPos && (arg.k === "var" || arg.k === "pipe" || arg.k === "field")) {
        // Go's parser gives a chained field the position of its second part.
        if (arg.k === "field" && arg.names.length === 1) arg.pos = rest[i].pos;
        arg.names.push(rest[i].text.slice(1));
        arg.text += rest[i].text;
        endPos += rest[i].text.length;
        i++;
      }
      return arg;
    };
    while (i < rest.length) {
      const t = rest[i];
      if (t.t === "pipe") {
        if (!current.length) this.fail(t.pos, "missing value for command");
        cmds.push({ args: current, pos: current[0].pos });
        current = [];
        i++;
        continue;
      }
      current.push(parseOperand());
    }
    if (current.length) cmds.push({ args: current, pos: current[0].pos });
    if (!cmds.length) this.fail(pos, `missing value for ${context}`);
    const text = cmds.map((c) => c.args.map((a) => a.text).join(" ")).join(" | ");
    return { decl, assign, cmds, pos: cmds[0].pos, text: decl.length ? `${decl.join(", ")} ${assign ? "=" : ":="} ${text}` : text };
  }
}

function unquote(text: string): string {
  if (text.startsWith("`")) return text.slice(1, -1);
  try {
    return JSON.parse(text.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b").replace(/\\'/g, "'"));
  } catch {
    throw new TemplateError(`template: output: invalid syntax`);
  }
}

// ------------------------------------------------------------------------------------ execution

class BreakSignal {}
class ContinueSignal {}

class Exec {
  out = "";
  private vars: { name: string; value: GoVal }[][] = [];
  constructor(
    private readonly parser: TemplateParser,
    private readonly allowMissing: boolean,
  ) {}

  private fail(pos: number, at: string, msg: string): never {
    const before = this.parser["src"].slice(0, pos);
    const lastNl = before.lastIndexOf("\n");
    const col = lastNl < 0 ? pos : pos - lastNl - 1;
    throw new TemplateError(`template: output:${this.parser.line(pos)}:${col}: executing "output" at <${at}>: ${msg}`);
  }

  run(list: TNode[], dot: GoVal, root: GoVal): void {
    this.vars = [[{ name: "$", value: root }]];
    this.walkList(list, dot);
  }

  private walkList(list: TNode[], dot: GoVal): void {
    for (const n of list) this.walk(n, dot);
  }

  private lookupVar(name: string, pos: number): GoVal {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const scope = this.vars[i];
      for (let j = scope.length - 1; j >= 0; j--) if (scope[j].name === name) return scope[j].value;
    }
    this.fail(pos, name, `undefined variable: ${name}`);
  }

  private setVar(name: string, value: GoVal, declare: boolean): void {
    if (declare) {
      this.vars[this.vars.length - 1].push({ name, value });
      return;
    }
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const scope = this.vars[i];
      for (let j = scope.length - 1; j >= 0; j--)
        if (scope[j].name === name) {
          scope[j].value = value;
          return;
        }
    }
  }

  private walk(n: TNode, dot: GoVal): void {
    switch (n.k) {
      case "text":
        this.out += n.text;
        return;
      case "action": {
        const v = this.evalPipe(n.pipe, dot);
        if (!n.pipe.decl.length) this.out += sprint(v);
        return;
      }
      case "break":
        throw new BreakSignal();
      case "continue":
        throw new ContinueSignal();
      case "if":
      case "with": {
        this.vars.push([]);
        const v = this.evalPipe(n.pipe, dot);
        if (isTrue(v)) this.walkList(n.list, n.k === "with" ? v : dot);
        else if (n.elseList) this.walkList(n.elseList, dot);
        this.vars.pop();
        return;
      }
      case "range": {
        this.vars.push([]);
        const v = this.evalPipe(n.pipe, dot, true);
        const entries: [GoVal, GoVal][] = [];
        if (v.t === "slice") v.v.forEach((x, i) => entries.push([{ t: "int", v: i }, fromData(x)]));
        else if (v.t === "map") for (const k of Object.keys(v.v).sort()) entries.push([{ t: "string", v: k }, fromData(v.v[k])]);
        else if (v.t === "int") for (let i = 0; i < v.v; i++) entries.push([{ t: "int", v: i }, { t: "int", v: i }]);
        else if (v.t !== "invalid" && v.t !== "nil") this.fail(n.pipe.pos, n.pipe.text, `range can't iterate over ${sprint(v)}`);
        for (const [key, elem] of entries) {
          this.vars.push([]);
          if (n.pipe.decl.length === 1) this.setVar(n.pipe.decl[0], elem, true);
          else if (n.pipe.decl.length >= 2) {
            this.setVar(n.pipe.decl[0], key, true);
            this.setVar(n.pipe.decl[1], elem, true);
          }
          try {
            this.walkList(n.list, elem);
          } catch (e) {
            if (e instanceof BreakSignal) {
              this.vars.pop();
              break;
            }
            if (!(e instanceof ContinueSignal)) throw e;
          }
          this.vars.pop();
        }
        if (!entries.length && n.elseList) this.walkList(n.elseList, dot);
        this.vars.pop();
        return;
      }
    }
  }

  private evalPipe(p: Pipe, dot: GoVal, isRange = false): GoVal {
    let value: GoVal = INVALID;
    let final: GoVal | undefined;
    for (const cmd of p.cmds) {
      value = this.evalCommand(cmd, dot, final);
      // An interface{} holding nil digs down to nothing (Go: reflect.ValueOf(value.Interface())).
      if (value.t === "nil") value = INVALID;
      final = value;
    }
    if (!isRange) {
      p.decl.forEach((name) => this.setVar(name, value, !p.assign));
    }
    return value;
  }

  private evalCommand(cmd: Cmd, dot: GoVal, final: GoVal | undefined): GoVal {
    const [first, ...rest] = cmd.args;
    if (first.k === "func") {
      const args = rest.map((a) => this.evalArg(a, dot));
      if (final !== undefined) args.push(final);
      return this.callFunc(first.name, args, first);
    }
    if (rest.length || final !== undefined) {
      if (first.k === "field") this.fail(first.pos, first.text, `${first.names[first.names.length - 1]} is not a method but has arguments`);
      this.fail(first.pos, first.text, `can't give argument to non-function ${first.text}`);
    }
    return this.evalArg(first, dot);
  }

  private evalArg(a: Arg, dot: GoVal): GoVal {
    switch (a.k) {
      case "dot":
        return dot;
      case "lit":
        return a.value;
      case "func":
        return this.callFunc(a.name, [], a);
      case "field":
        return this.fieldChain(dot, a.names, a);
      case "var":
        return this.fieldChain(this.lookupVar(a.name, a.pos), a.names, a);
      case "pipe":
        return this.fieldChain(this.evalPipe(a.pipe, dot), a.names, a);
    }
  }

  private fieldChain(receiver: GoVal, names: string[], a: Arg): GoVal {
    let cur = receiver;
    let typ = typeName(receiver);
    for (const name of names) {
      if (cur.t === "invalid") {
        if (!this.allowMissing) this.fail(a.pos, a.text, `nil data; no entry for key ${goQuote(name)}`);
        return INVALID;
      }
      if (cur.t === "nil") this.fail(a.pos, a.text, `nil pointer evaluating ${typ}.${name}`);
      if (cur.t !== "map") this.fail(a.pos, a.text, `can't evaluate field ${name} in type ${typ}`);
      if (!Object.prototype.hasOwnProperty.call(cur.v, name)) {
        if (!this.allowMissing) this.fail(a.pos, a.text, `map has no entry for key ${goQuote(name)}`);
        cur = INVALID;
      } else cur = fromData(cur.v[name]);
      typ = "interface {}";
    }
    return cur;
  }

  private callFunc(name: string, args: GoVal[], at: Arg): GoVal {
    const fail = (msg: string): never => this.fail(at.pos, at.text, `error calling ${name}: ${msg}`);
    const wrongArgs = (want: number): never => this.fail(at.pos, at.text, `wrong number of args for ${name}: want ${want} got ${args.length}`);
    switch (name) {
      case "and": {
        if (!args.length) wrongArgs(1);
        for (const a of args) if (!isTrue(a)) return a;
        return args[args.length - 1];
      }
      case "or": {
        if (!args.length) wrongArgs(1);
        for (const a of args) if (isTrue(a)) return a;
        return args[args.length - 1];
      }
      case "not":
        if (args.length !== 1) wrongArgs(1);
        return { t: "bool", v: !isTrue(args[0]) };
      case "len": {
        if (args.length !== 1) wrongArgs(1);
        const x = args[0];
        if (x.t === "invalid" || x.t === "nil") fail("len of nil pointer");
        if (x.t === "string") return { t: "int", v: new TextEncoder().encode(x.v).length };
        if (x.t === "slice") return { t: "int", v: x.v.length };
        if (x.t === "map") return { t: "int", v: Object.keys(x.v).length };
        return fail(`len of type ${typeName(x)}`);
      }
      case "index": {
        if (!args.length) wrongArgs(1);
        let item = args[0];
        if (item.t === "invalid" || item.t === "nil") fail("index of untyped nil");
        for (const idx of args.slice(1)) {
          if (item.t === "slice" || item.t === "string") {
            if (idx.t !== "int") fail(`cannot index slice/array with type ${typeName(idx)}`);
            const n = (idx as { v: number }).v;
            const len = item.t === "string" ? new TextEncoder().encode(item.v).length : item.v.length;
            if (n < 0 || n >= len) fail(`index out of range: ${n}`);
            item = item.t === "string" ? { t: "int", v: new TextEncoder().encode(item.v)[n] } : fromData(item.v[n]);
          } else if (item.t === "map") {
            if (idx.t !== "string") fail(`value has type ${typeName(idx)}; should be string`);
            const key = (idx as { v: string }).v;
            item = Object.prototype.hasOwnProperty.call(item.v, key) ? fromData(item.v[key]) : { t: "nil" };
          } else if (item.t === "invalid" || item.t === "nil") fail("index of untyped nil");
          else fail(`can't index item of type ${typeName(item)}`);
        }
        return item;
      }
      case "print":
        return { t: "string", v: goPrint(args) };
      case "println":
        return { t: "string", v: args.map(sprint).join(" ") + "\n" };
      case "printf": {
        if (!args.length) wrongArgs(1);
        if (args[0].t !== "string") fail(`wrong type for value; expected string; got ${typeName(args[0])}`);
        return { t: "string", v: goSprintf((args[0] as { v: string }).v, args.slice(1)) };
      }
      case "eq":
      case "ne":
      case "lt":
      case "le":
      case "gt":
      case "ge": {
        if (args.length < 2) fail("missing argument for comparison");
        const r = compare(name, args);
        if (typeof r === "string") fail(r);
        return { t: "bool", v: r as boolean };
      }
      case "html":
        return { t: "string", v: goPrint(args).replace(/[<>&'"\0]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;", "\0": "\uFFFD" })[c]!) };
      case "js":
        return { t: "string", v: goPrint(args).replace(/[\\'"<>&=\n\r\t]/g, (c) => ({ "\\": "\\\\", "'": "\\'", '"': '\\"', "<": "\\u003C", ">": "\\u003E", "&": "\\u0026", "=": "\\u003D", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!) };
      case "urlquery":
        return { t: "string", v: encodeURIComponent(goPrint(args)).replace(/%20/g, "+").replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`) };
      case "exists": {
        if (!args.length) wrongArgs(1);
        let cur = args[0];
        for (const idx of args.slice(1)) {
          if (cur.t === "slice" && (idx.t === "int")) {
            if (idx.v < 0 || idx.v >= cur.v.length) return { t: "bool", v: false };
            cur = fromData(cur.v[idx.v]);
          } else if (cur.t === "map" && idx.t === "string") {
            cur = Object.prototype.hasOwnProperty.call(cur.v, idx.v) ? fromData(cur.v[idx.v]) : { t: "nil" };
          } else return { t: "bool", v: false };
        }
        return { t: "bool", v: cur.t !== "nil" && cur.t !== "invalid" };
      }
      case "base64decode": {
        if (args.length !== 1) wrongArgs(1);
        if (args[0].t !== "string") fail(`wrong type for value; expected string; got ${typeName(args[0])}`);
        const s = (args[0] as { v: string }).v;
        if (!/^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) fail(`base64 decode failed: illegal base64 data at input byte ${firstBadBase64Byte(s)}`);
        const bin = atob(s);
        const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
        return { t: "string", v: new TextDecoder().decode(bytes) };
      }
      case "slice":
      case "call":
        return fail(`${name} is not supported in this sandbox`);
    }
    return this.fail(at.pos, at.text, `function ${JSON.stringify(name)} not defined`);
  }
}

function firstBadBase64Byte(s: string): number {
  for (let i = 0; i < s.length; i++) if (!/[A-Za-z0-9+/=]/.test(s[i])) return i;
  return Math.max(0, s.length - (s.length % 4 || 4));
}

/** fmt.Sprint: a space between operands when neither is a string. */
function goPrint(args: GoVal[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && a.t !== "string" && args[i - 1].t !== "string") out += " ";
    out += sprint(a);
  });
  return out;
}

/** text/template's eq/ne/lt/le/gt/ge: the result, or an error message. */
function compare(op: string, args: GoVal[]): boolean | string {
  const kind = (g: GoVal) => (g.t === "int" || g.t === "float" || g.t === "string" || g.t === "bool" ? g.t : g.t === "invalid" ? "invalid" : "other");
  const eq2 = (a: GoVal, b: GoVal): boolean | string => {
    const ka = kind(a);
    const kb = kind(b);
    if (ka !== kb) {
      if (a.t !== "invalid" && b.t !== "invalid") return "incompatible types for comparison";
      return false;
    }
    if (ka === "other") {
      if (a.t === "nil" || b.t === "nil") return a.t === b.t;
      return `non-comparable type ${sprint(b)}: ${typeName(b)}`;
    }
    if (ka === "invalid") return "invalid type for comparison";
    return (a as { v: unknown }).v === (b as { v: unknown }).v;
  };
  const lt2 = (a: GoVal, b: GoVal): boolean | string => {
    const ka = kind(a);
    const kb = kind(b);
    if (ka === "invalid" || ka === "other" || kb === "invalid" || kb === "other" || ka === "bool") return "invalid type for comparison";
    if (ka !== kb) return "incompatible types for comparison";
    const x = (a as { v: number | string }).v;
    const y = (b as { v: number | string }).v;
    return x < y;
  };
  if (op === "eq") {
    for (const b of args.slice(1)) {
      const r = eq2(args[0], b);
      if (r !== false) return r;
    }
    return false;
  }
  if (args.length !== 2) return `wrong number of args for ${op}: want 2 got ${args.length}`;
  const [a, b] = args;
  switch (op) {
    case "ne": {
      const r = eq2(a, b);
      return typeof r === "string" ? r : !r;
    }
    case "lt":
      return lt2(a, b);
    case "le": {
      const r = lt2(a, b);
      if (r !== false) return r;
      return eq2(a, b);
    }
    case "gt": {
      const r = lt2(a, b);
      if (typeof r === "string") return r;
      if (r) return false;
      const e = eq2(a, b);
      return typeof e === "string" ? e : !e;
    }
    default: {
      const r = lt2(a, b);
      return typeof r === "string" ? r : !r;
    }
  }
}

/** fmt.Sprintf for the verbs templates use: %s %v %d %q %t %f %x %X %c %%, flags - 0 + space, width, precision. */
function goSprintf(format: string, args: GoVal[]): string {
  let out = "";
  let argi = 0;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const m = /^([-+# 0]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/.exec(format.slice(i + 1));
    if (!m) {
      out += "%!(NOVERB)";
      break;
    }
    i += m[0].length;
    const [, flags, widthText, precText, verb] = m;
    if (verb === "%") {
      out += "%";
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const a = args[argi++];
    let s: string;
    const width = widthText ? Number(widthText) : 0;
    const pad = (text: string) => {
      const len = [...text].length;
      if (width <= len) return text;
      return flags.includes("-") ? text + " ".repeat(width - len) : " ".repeat(width - len) + text;
    };
    let badVerb = false;
    const bad = () => {
      badVerb = true;
      return `%!${verb}(${typeName(a)}=${pad(sprint(a))})`;
    };
    switch (verb) {
      case "v":
        s = sprint(a);
        break;
      case "s":
        s = a.t === "string" || a.t === "map" || a.t === "slice" ? sprint(a) : a.t === "invalid" ? "%!s(<nil>)" : bad();
        if (precText !== undefined && a.t === "string") s = [...s].slice(0, Number(precText)).join("");
        break;
      case "q":
        s = a.t === "string" ? goQuote(a.v) : a.t === "int" ? `'${String.fromCodePoint(a.v)}'` : bad();
        break;
      case "d":
        s = a.t === "int" ? String(a.v) : bad();
        break;
      case "t":
        s = a.t === "bool" ? String(a.v) : bad();
        break;
      case "c":
        s = a.t === "int" ? String.fromCodePoint(a.v) : bad();
        break;
      case "x":
      case "X": {
        if (a.t === "int") s = a.v.toString(16);
        else if (a.t === "string") s = [...new TextEncoder().encode(a.v)].map((b) => b.toString(16).padStart(2, "0")).join("");
        else s = bad();
        if (verb === "X") s = s.toUpperCase();
        break;
      }
      case "f":
      case "F":
        s = a.t === "float" ? a.v.toFixed(precText !== undefined ? Number(precText) : 6) : bad();
        break;
      case "e":
        s = a.t === "float" ? a.v.toExponential(precText !== undefined ? Number(precText) : 6).replace(/e([+-])(\d)$/, "e$10$2") : bad();
        break;
      case "g":
        s = a.t === "float" ? formatFloatG(a.v) : bad();
        break;
      default:
        s = bad();
    }
    if (badVerb) {
      out += s;
      continue;
    }
    if (flags.includes("+") && (a.t === "int" || a.t === "float") && !s.startsWith("-")) s = `+${s}`;
    const len = [...s].length;
    if (width > len) {
      if (flags.includes("-")) s = s + " ".repeat(width - len);
      else if (flags.includes("0") && (a.t === "int" || a.t === "float")) s = s.startsWith("-") ? `-${s.slice(1).padStart(width - 1, "0")}` : s.padStart(width, "0");
      else s = " ".repeat(width - len) + s;
    }
    out += s;
  }
  if (argi < args.length) out += `%!(EXTRA ${args.slice(argi).map((a) => `${typeName(a)}=${sprint(a)}`).join(", ")})`;
  return out;
}

// ------------------------------------------------------------------------------------ the printer

export class GoTemplatePrinter {
  private readonly tree: TNode[];
  private readonly parser: TemplateParser;

  constructor(
    private readonly template: string,
    private readonly opts: { allowMissingKeys?: boolean } = {},
  ) {
    this.parser = new TemplateParser(template);
    try {
      this.tree = this.parser.parse();
    } catch (e) {
      if (e instanceof TemplateError) throw new KubectlError(`error parsing template ${template}, ${e.message}`);
      throw e;
    }
  }

  /** Prints the object; on an error prints what ran so far plus kubectl's debugging text, then throws. */
  print(obj: unknown, out: OutputSink): void {
    const data = JSON.parse(JSON.stringify(obj ?? null));
    const exec = new Exec(this.parser, this.opts.allowMissingKeys ?? true);
    try {
      exec.run(this.tree, fromData(data), fromData(data));
      out.write(exec.out);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      out.write(exec.out);
      const raw = toGoJson(obj);
      out.write(`Error executing template: ${e.message}. Printing more information for debugging the template:\n`);
      out.write(`\ttemplate was:\n\t\t${this.template}\n`);
      out.write(`\traw data was:\n\t\t${raw}\n`);
      out.write(`\tobject given to template engine was:\n\t\t${goSprint(data)}\n\n`);
      throw new KubectlError(`error executing template ${goQuote(this.template)}: ${e.message}`);
    }
  }
}

export { toData };
