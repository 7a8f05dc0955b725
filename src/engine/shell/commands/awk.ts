// awk [-F SEP] [-v VAR=VALUE] 'PROGRAM' [FILE]... — a small POSIX awk: BEGIN/END, /re/ and
// expression patterns, fields ($N, NF, NR, FS, OFS), variables and arrays, print/printf, if/while/for,
// next/exit, and the common built-ins (length, substr, index, split, sub, gsub, match, tolower,
// toupper, sprintf, int). Streams its input line by line. Loops are bounded.
import { LIMITS } from "../../limits";
import type { CommandFn } from "../types";
import { command, compileRegex, openInput, parseOptions, readLines } from "./util";

class AwkSyntaxError extends Error {}
class NextSignal {}
class ExitSignal {
  constructor(readonly code: number) {}
}

type Value = string | number;
type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "re"; v: string } | { t: "name"; v: string } | { t: "func"; v: string } | { t: "op"; v: string } | { t: "nl" } | { t: "eof" };

type Expr =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "re"; re: RegExp }
  | { k: "var"; name: string }
  | { k: "field"; e: Expr }
  | { k: "index"; name: string; idx: Expr[] }
  | { k: "assign"; op: string; target: Expr; e: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr }
  | { k: "un"; op: string; e: Expr }
  | { k: "incr"; op: string; prefix: boolean; target: Expr }
  | { k: "call"; name: string; args: Expr[] }
  | { k: "in"; idx: Expr[]; name: string }
  | { k: "match"; neg: boolean; a: Expr; re: Expr }
  | { k: "group"; e: Expr };

type Stmt =
  | { k: "expr"; e: Expr }
  | { k: "print"; args: Expr[] }
  | { k: "printf"; args: Expr[] }
  | { k: "if"; c: Expr; a: Stmt; b?: Stmt }
  | { k: "while"; c: Expr; body: Stmt }
  | { k: "do"; c: Expr; body: Stmt }
  | { k: "for"; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { k: "forin"; v: string; arr: string; body: Stmt }
  | { k: "block"; body: Stmt[] }
  | { k: "next" }
  | { k: "exit"; e?: Expr }
  | { k: "break" }
  | { k: "continue" }
  | { k: "delete"; name: string; idx?: Expr[] }
  | { k: "getline" };

interface Rule {
  kind: "begin" | "end" | "main";
  pattern?: Expr;
  pattern2?: Expr;
  inRange?: boolean;
  action?: Stmt;
}

const BUILTINS = new Set(["length", "substr", "index", "split", "sub", "gsub", "match", "tolower", "toupper", "sprintf", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system", "close", "fflush"]);
const KEYWORDS = new Set(["BEGIN", "END", "if", "else", "while", "for", "do", "in", "print", "printf", "next", "exit", "break", "continue", "delete", "getline", "function", "return", "nextfile"]);

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const operand = () => {
    const l = toks[toks.length - 1];
    return l && (l.t === "num" || l.t === "str" || (l.t === "name" && !KEYWORDS.has(l.v)) || (l.t === "op" && (l.v === ")" || l.v === "]" || l.v === "$" || l.v === "++" || l.v === "--")));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n" || c === ";") {
      toks.push(c === "\n" ? { t: "nl" } : { t: "op", v: ";" });
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const m = /^(0[xX][0-9a-fA-F]+|\d*\.?\d+(?:[eE][-+]?\d+)?|\d+\.)/.exec(src.slice(i))!;
      toks.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      toks.push(BUILTINS.has(m[0]) ? { t: "func", v: m[0] } : { t: "name", v: m[0] });
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && i + 1 < src.length) {
          const n = src[++i];
          s += ({ n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "/": "/", a: "\x07", b: "\b", f: "\f", v: "\v" } as Record<string, string>)[n] ?? "\\" + n;
          i++;
          continue;
        }
        if (src[i] === "\n") throw new AwkSyntaxError("runaway string constant");
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError(`runaway string constant "${s.slice(0, 10)} ...`);
      i++;
      toks.push({ t: "str", v: s });
      continue;
    }
    if (c === "/" && !operand()) {
      let s = "";
      i++;
      while (i < src.length && src[i] !== "/") {
        if (src[i] === "\\" && i + 1 < src.length) {
          s += src[i + 1] === "/" ? "/" : src[i] + src[i + 1];
          i += 2;
          continue;
        }
        if (src[i] === "\n") throw new AwkSyntaxError("unterminated regexp");
        s += src[i++];
      }
      if (i >= src.length) throw new AwkSyntaxError("unterminated regexp");
      i++;
      toks.push({ t: "re", v: s });
      continue;
    }
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    if (three === "**=") {
      toks.push({ t: "op", v: "^=" });
      i += 3;
      continue;
    }
    if (["&&", "||", "==", "!=", "<=", ">=", "++", "--", "+=", "-=", "*=", "/=", "%=", "^=", "!~", ">>", "**"].includes(two)) {
      toks.push({ t: "op", v: two === "**" ? "^" : two });
      i += 2;
      continue;
    }
    if ("{}()[],+-*/%^!<>=?:~$|".includes(c)) {
      toks.push({ t: "op", v: c });
      i++;
      continue;
    }
    throw new AwkSyntaxError(`invalid char '${c}' in expression`);
  }
  toks.push({ t: "eof" });
  return toks;
}

class AwkParser {
  p = 0;
  constructor(private toks: Tok[]) {}
  peek(o = 0): Tok {
    return this.toks[Math.min(this.p + o, this.toks.length - 1)];
  }
  isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t.t === "op" && t.v === v;
  }
  isName(v: string): boolean {
    const t = this.peek();
    return t.t === "name" && t.v === v;
  }
  eatOp(v: string): void {
    if (!this.isOp(v)) this.fail();
    this.p++;
  }
  fail(): never {
    const t = this.peek();
    const text = t.t === "eof" ? "end of file" : t.t === "nl" ? "newline" : String((t as { v: unknown }).v);
    throw new AwkSyntaxError(`syntax error at source line 1, near ${text}`);
  }
  skipNl(): void {
    while (this.peek().t === "nl" || this.isOp(";")) this.p++;
  }
  skipNewlines(): void {
    while (this.peek().t === "nl") this.p++;
  }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.skipNl();
    while (this.peek().t !== "eof") {
      if (this.isName("BEGIN") || this.isName("END")) {
        const kind = (this.peek() as { v: string }).v === "BEGIN" ? "begin" : "end";
        this.p++;
        this.skipNewlines();
        if (!this.isOp("{")) this.fail();
        rules.push({ kind, action: this.block() });
      } else if (this.isName("function")) {
        throw new AwkSyntaxError("user-defined functions are not supported here");
      } else {
        const rule: Rule = { kind: "main" };
        if (!this.isOp("{")) {
          rule.pattern = this.expr();
          if (this.isOp(",")) {
            this.p++;
            this.skipNewlines();
            rule.pattern2 = this.expr();
          }
        }
        if (this.isOp("{")) rule.action = this.block();
        rules.push(rule);
      }
      this.skipNl();
    }
    return rules;
  }

  block(): Stmt {
    this.eatOp("{");
    const body: Stmt[] = [];
    this.skipNl();
    while (!this.isOp("}")) {
      if (this.peek().t === "eof") this.fail();
      body.push(this.stmt());
      this.skipNl();
    }
    this.p++;
    return { k: "block", body };
  }

  simpleOrBlock(): Stmt {
    this.skipNewlines();
    if (this.isOp(";")) {
      this.p++;
      return { k: "block", body: [] };
    }
    return this.stmt();
  }

  stmt(): Stmt {
    if (this.isOp("{")) return this.block();
    const t = this.peek();
    if (t.t === "name") {
      switch (t.v) {
        case "if": {
          this.p++;
          this.eatOp("(");
          const c = this.expr();
          this.eatOp(")");
          const a = this.simpleOrBlock();
          const save = this.p;
          this.skipNl();
          if (this.isName("else")) {
            this.p++;
            return { k: "if", c, a, b: this.simpleOrBlock() };
          }
          this.p = save;
          return { k: "if", c, a };
        }
        case "while": {
          this.p++;
          this.eatOp("(");
          const c = this.expr();
          this.eatOp(")");
          return { k: "while", c, body: this.simpleOrBlock() };
        }
        case "do": {
          this.p++;
          const body = this.simpleOrBlock();
          this.skipNl();
          if (!this.isName("while")) this.fail();
          this.p++;
          this.eatOp("(");
          const c = this.expr();
          this.eatOp(")");
          return { k: "do", c, body };
        }
        case "for": {
          this.p++;
          this.eatOp("(");
          const n1 = this.peek(0);
          const n2 = this.peek(1);
          const n3 = this.peek(2);
          if (n1.t === "name" && n2.t === "name" && n2.v === "in" && n3.t === "name" && this.isOp(")", 3)) {
            this.p += 4;
            return { k: "forin", v: n1.v, arr: n3.v, body: this.simpleOrBlock() };
          }
          const init = this.isOp(";") ? undefined : this.simple();
          this.eatOp(";");
          this.skipNewlines();
          const c = this.isOp(";") ? undefined : this.expr();
          this.eatOp(";");
          this.skipNewlines();
          const step = this.isOp(")") ? undefined : this.simple();
          this.eatOp(")");
          return { k: "for", init, c, step, body: this.simpleOrBlock() };
        }
        case "next":
          this.p++;
          return { k: "next" };
        case "exit": {
          this.p++;
          const e = this.endOfStmt() ? undefined : this.expr();
          return { k: "exit", e };
        }
        case "break":
          this.p++;
          return { k: "break" };
        case "continue":
          this.p++;
          return { k: "continue" };
        case "delete": {
          this.p++;
          const n = this.peek();
          if (n.t !== "name") this.fail();
          this.p++;
          if (this.isOp("[")) {
            this.p++;
            const idx = this.exprList("]");
            return { k: "delete", name: n.v, idx };
          }
          return { k: "delete", name: n.v };
        }
      }
    }
    return this.simple();
  }

  endOfStmt(): boolean {
    const t = this.peek();
    return t.t === "nl" || t.t === "eof" || (t.t === "op" && (t.v === ";" || t.v === "}"));
  }

  simple(): Stmt {
    const t = this.peek();
    if (t.t === "name" && (t.v === "print" || t.v === "printf")) {
      this.p++;
      let args: Expr[] = [];
      if (this.isOp("(")) {
        // print (a, b) or print (a)(b)
        const save = this.p;
        this.p++;
        const list = this.exprList(")", true);
        if (this.endOfStmt() || this.isOp(">") || this.isOp("|")) args = list;
        else {
          this.p = save;
          args = this.printArgs();
        }
      } else if (!this.endOfStmt()) args = this.printArgs();
      if (this.isOp(">") || this.isOp(">>") || this.isOp("|")) throw new AwkSyntaxError("output redirection in awk is not supported here");
      return { k: t.v, args } as Stmt;
    }
    if (t.t === "name" && t.v === "getline") throw new AwkSyntaxError("getline is not supported here");
    return { k: "expr", e: this.expr() };
  }

  printArgs(): Expr[] {
    const out = [this.expr(true)];
    while (this.isOp(",")) {
      this.p++;
      this.skipNewlines();
      out.push(this.expr(true));
    }
    return out;
  }

  exprList(close: string, noGt = false): Expr[] {
    const out: Expr[] = [];
    this.skipNewlines();
    if (this.isOp(close)) {
      this.p++;
      return out;
    }
    for (;;) {
      out.push(this.expr(noGt && false));
      this.skipNewlines();
      if (this.isOp(",")) {
        this.p++;
        this.skipNewlines();
        continue;
      }
      this.eatOp(close);
      return out;
    }
  }

  expr(noGt = false): Expr {
    return this.ternary(noGt);
  }

  ternary(noGt: boolean): Expr {
    const c = this.or(noGt);
    if (this.isOp("?")) {
      this.p++;
      this.skipNewlines();
      const a = this.ternary(noGt);
      this.skipNewlines();
      this.eatOp(":");
      this.skipNewlines();
      const b = this.ternary(noGt);
      return { k: "cond", c, a, b };
    }
    if (this.peek().t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "^="].includes((this.peek() as { v: string }).v) && (c.k === "var" || c.k === "field" || c.k === "index")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      this.skipNewlines();
      return { k: "assign", op, target: c, e: this.ternary(noGt) };
    }
    return c;
  }

  or(noGt: boolean): Expr {
    let a = this.and(noGt);
    while (this.isOp("||")) {
      this.p++;
      this.skipNewlines();
      a = { k: "bin", op: "||", a, b: this.and(noGt) };
    }
    return a;
  }

  and(noGt: boolean): Expr {
    let a = this.inExpr(noGt);
    while (this.isOp("&&")) {
      this.p++;
      this.skipNewlines();
      a = { k: "bin", op: "&&", a, b: this.inExpr(noGt) };
    }
    return a;
  }

  inExpr(noGt: boolean): Expr {
    let a = this.matchExpr(noGt);
    while (this.isName("in")) {
      this.p++;
      const n = this.peek();
      if (n.t !== "name") this.fail();
      this.p++;
      a = { k: "in", idx: [a], name: n.v };
    }
    return a;
  }

  matchExpr(noGt: boolean): Expr {
    let a = this.compare(noGt);
    while (this.isOp("~") || this.isOp("!~")) {
      const neg = this.isOp("!~");
      this.p++;
      a = { k: "match", neg, a, re: this.compare(noGt) };
    }
    return a;
  }

  compare(noGt: boolean): Expr {
    const a = this.concat();
    for (const op of ["<", "<=", "!=", "==", ">", ">="]) {
      if (this.isOp(op) && !(noGt && op === ">")) {
        this.p++;
        return { k: "bin", op, a, b: this.concat() };
      }
    }
    return a;
  }

  concat(): Expr {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      const starts = t.t === "num" || t.t === "str" || t.t === "re" || t.t === "func" || (t.t === "name" && !KEYWORDS.has(t.v)) || (t.t === "op" && (t.v === "$" || t.v === "(" || t.v === "!" || t.v === "-" || t.v === "+" || t.v === "++" || t.v === "--"));
      if (!starts || (t.t === "op" && (t.v === "-" || t.v === "+"))) break;
      a = { k: "bin", op: "concat", a, b: this.additive() };
    }
    return a;
  }

  additive(): Expr {
    let a = this.mul();
    while (this.isOp("+") || this.isOp("-")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      a = { k: "bin", op, a, b: this.mul() };
    }
    return a;
  }

  mul(): Expr {
    let a = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      a = { k: "bin", op, a, b: this.unary() };
    }
    return a;
  }

  unary(): Expr {
    if (this.isOp("!")) {
      this.p++;
      return { k: "un", op: "!", e: this.unary() };
    }
    if (this.isOp("-") || this.isOp("+")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      return { k: "un", op, e: this.unary() };
    }
    return this.power();
  }

  power(): Expr {
    const a = this.postfix();
    if (this.isOp("^")) {
      this.p++;
      return { k: "bin", op: "^", a, b: this.unary() };
    }
    return a;
  }

  postfix(): Expr {
    if (this.isOp("++") || this.isOp("--")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      return { k: "incr", op, prefix: true, target: this.primary() };
    }
    const e = this.primary();
    if ((this.isOp("++") || this.isOp("--")) && (e.k === "var" || e.k === "field" || e.k === "index")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      return { k: "incr", op, prefix: false, target: e };
    }
    return e;
  }

  primary(): Expr {
    const t = this.peek();
    this.p++;
    switch (t.t) {
      case "num":
        return { k: "num", v: t.v };
      case "str":
        return { k: "str", v: t.v };
      case "re":
        return { k: "re", re: regex(t.v) };
      case "func": {
        if (!this.isOp("(")) {
          if (t.v === "length") return { k: "call", name: "length", args: [] };
          this.fail();
        }
        this.p++;
        return { k: "call", name: t.v, args: this.exprList(")") };
      }
      case "name": {
        if (KEYWORDS.has(t.v)) {
          this.p--;
          this.fail();
        }
        if (this.isOp("[")) {
          this.p++;
          return { k: "index", name: t.v, idx: this.exprList("]") };
        }
        return { k: "var", name: t.v };
      }
      case "op":
        if (t.v === "$") return { k: "field", e: this.postfixNoIncr() };
        if (t.v === "(") {
          const list = this.exprList(")");
          if (list.length > 1 && this.isName("in")) {
            this.p++;
            const n = this.peek();
            if (n.t !== "name") this.fail();
            this.p++;
            return { k: "in", idx: list, name: n.v };
          }
          if (list.length !== 1) this.fail();
          return { k: "group", e: list[0] };
        }
        if (t.v === "-" || t.v === "!" || t.v === "+") {
          this.p--;
          return this.unary();
        }
    }
    this.p--;
    this.fail();
  }

  postfixNoIncr(): Expr {
    if (this.isOp("++") || this.isOp("--") || this.isOp("-")) {
      const op = (this.peek() as { v: string }).v;
      this.p++;
      if (op === "-") return { k: "un", op: "-", e: this.primary() };
      return { k: "incr", op, prefix: true, target: this.primary() };
    }
    return this.primary();
  }
}

function regex(src: string): RegExp {
  try {
    return compileRegex(src, true);
  } catch {
    throw new AwkSyntaxError(`regular expression /${src}/ is not valid`);
  }
}

function looksNumeric(s: string): boolean {
  return /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s);
}

function toNum(v: Value): number {
  if (typeof v === "number") return v;
  const m = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(v);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt = "%.6g"): string {
  if (Number.isInteger(n)) return String(n);
  void fmt;
  const p = 6;
  const e = Math.floor(Math.log10(Math.abs(n)));
  if (e < -4 || e >= p) return n.toExponential(p - 1).replace(/\.?0+e/, "e").replace(/e([+-])(\d)$/, "e$10$2");
  return n.toFixed(Math.max(0, p - 1 - e)).replace(/\.?0+$/, "");
}

function toStr(v: Value): string {
  return typeof v === "number" ? numToStr(v) : v;
}

/** awk's printf/sprintf. */
function format(fmt: string, args: Value[]): string {
  let ai = 0;
  return fmt.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (_, flags: string, w: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === "%") return "%";
    const width = w === "*" ? toNum(args[ai++] ?? 0) : w ? Number(w) : 0;
    const precision = prec === "*" ? toNum(args[ai++] ?? 0) : prec !== undefined ? Number(prec) : undefined;
    const arg = args[ai++] ?? "";
    let s: string;
    switch (conv) {
      case "s":
        s = toStr(arg);
        if (precision !== undefined) s = s.slice(0, precision);
        break;
      case "c":
        s = typeof arg === "number" ? String.fromCharCode(arg) : arg.slice(0, 1);
        break;
      case "d":
      case "i": {
        const n = Math.trunc(toNum(arg));
        s = String(Math.abs(n));
        if (precision !== undefined) s = s.padStart(precision, "0");
        const sign = n < 0 ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
        if (flags.includes("0") && !flags.includes("-")) s = s.padStart(width - sign.length, "0");
        s = sign + s;
        break;
      }
      case "o":
        s = Math.trunc(toNum(arg)).toString(8);
        break;
      case "x":
        s = Math.trunc(toNum(arg)).toString(16);
        break;
      case "X":
        s = Math.trunc(toNum(arg)).toString(16).toUpperCase();
        break;
      case "u":
        s = String(Math.trunc(toNum(arg)));
        break;
      default: {
        const n = toNum(arg);
        const p = precision ?? 6;
        s = conv === "f" ? n.toFixed(p) : conv === "e" || conv === "E" ? n.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2") : numToStr(n);
        if (conv === "E" || conv === "G") s = s.toUpperCase();
        if (flags.includes("0") && !flags.includes("-")) s = s.startsWith("-") ? "-" + s.slice(1).padStart(width - 1, "0") : s.padStart(width, "0");
      }
    }
    return flags.includes("-") ? s.padEnd(width) : s.padStart(width);
  }).replace(/\\n/g, "\n");
}

export const awk: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "", values: "Fvf", long: { "field-separator": "F", assign: "v" }, stopAtOperand: true });
  if (!o.operands.length) {
    ctx.stderr.write("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n");
    return 2;
  }
  const src = o.operands[0];
  const files = o.operands.slice(1);
  let rules: Rule[];
  try {
    rules = new AwkParser(tokenize(src)).program();
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      ctx.stderr.write(`awk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const vars: Record<string, Value> = { FS: " ", OFS: " ", ORS: "\n", NR: 0, NF: 0, FNR: 0, RSTART: 0, RLENGTH: -1, SUBSEP: "\x1c", FILENAME: "" };
  const arrays: Record<string, Record<string, Value>> = { ENVIRON: { ...ctx.env } };
  const fsArg = o.get("F");
  if (fsArg !== undefined) vars.FS = fsArg === "t" ? "\t" : fsArg.replace(/\\t/g, "\t");
  for (const a of o.all("v")) {
    const eq = a.indexOf("=");
    if (eq > 0) vars[a.slice(0, eq)] = a.slice(eq + 1).replace(/\\n/g, "\n").replace(/\\t/g, "\t");
  }
  let fields: string[] = [""];
  let out = "";
  const flush = () => {
    if (out) ctx.stdout.write(out);
    out = "";
  };
  let steps = 0;
  const step = () => {
    if (++steps > LIMITS.shell.maxCommandsPerRun * 100) throw new AwkSyntaxError(`program stopped: more than ${LIMITS.shell.maxCommandsPerRun * 100} steps (the limit)`);
  };
  const splitRecord = (rec: string): string[] => {
    const fs = toStr(vars.FS);
    if (fs === " ") return rec.split(/[ \t\n]+/).filter((f) => f !== "");
    if (rec === "") return [];
    if (fs.length === 1 && fs !== "\\") return rec.split(fs);
    return rec.split(regex(fs));
  };
  const setRecord = (rec: string) => {
    fields = [rec, ...splitRecord(rec)];
    vars.NF = fields.length - 1;
  };
  const rebuild = () => {
    fields[0] = fields.slice(1).join(toStr(vars.OFS));
  };
  const getField = (i: number): string => {
    if (i < 0) throw new AwkSyntaxError(`trying to access out of range field ${i}`);
    return fields[i] ?? "";
  };
  const setField = (i: number, v: string) => {
    if (i === 0) return setRecord(v);
    while (fields.length <= i) fields.push("");
    fields[i] = v;
    vars.NF = fields.length - 1;
    rebuild();
  };
  const matchRe = (e: Expr): RegExp => (e.k === "re" ? e.re : regex(toStr(evalE(e))));
  const assignTo = (target: Expr, v: Value) => {
    if (target.k === "var") {
      vars[target.name] = v;
      if (target.name === "NF") {
        const n = toNum(v);
        fields = fields.slice(0, n + 1);
        while (fields.length <= n) fields.push("");
        rebuild();
      }
    } else if (target.k === "field") setField(toNum(evalE(target.e)), toStr(v));
    else if (target.k === "index") (arrays[target.name] ??= {})[key(target.idx)] = v;
  };
  const key = (idx: Expr[]) => idx.map((e) => toStr(evalE(e))).join(toStr(vars.SUBSEP));
  const compare = (a: Value, b: Value, ae: Expr, be: Expr): number => {
    const numeric = (v: Value, e: Expr) => typeof v === "number" || (e.k !== "str" && looksNumeric(v));
    if (numeric(a, ae) && numeric(b, be)) return toNum(a) - toNum(b);
    const x = toStr(a);
    const y = toStr(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const evalE = (e: Expr): Value => {
    switch (e.k) {
      case "num":
        return e.v;
      case "str":
        return e.v;
      case "re":
        return e.re.test(fields[0]) ? 1 : 0;
      case "group":
        return evalE(e.e);
      case "var":
        return e.name === "NF" ? fields.length - 1 : (vars[e.name] ?? "");
      case "field":
        return getField(toNum(evalE(e.e)));
      case "index":
        return (arrays[e.name] ??= {})[key(e.idx)] ?? "";
      case "in":
        return key(e.idx) in (arrays[e.name] ?? {}) ? 1 : 0;
      case "assign": {
        let v = evalE(e.e);
        if (e.op !== "=") {
          const cur = toNum(evalE(e.target));
          const r = toNum(v);
          v = e.op === "+=" ? cur + r : e.op === "-=" ? cur - r : e.op === "*=" ? cur * r : e.op === "/=" ? cur / r : e.op === "%=" ? cur % r : cur ** r;
        }
        assignTo(e.target, v);
        return v;
      }
      case "incr": {
        const cur = toNum(evalE(e.target));
        const next = e.op === "++" ? cur + 1 : cur - 1;
        assignTo(e.target, next);
        return e.prefix ? next : cur;
      }
      case "cond":
        return truthy(evalE(e.c), e.c) ? evalE(e.a) : evalE(e.b);
      case "un": {
        const v = evalE(e.e);
        if (e.op === "!") return truthy(v, e.e) ? 0 : 1;
        return e.op === "-" ? -toNum(v) : toNum(v);
      }
      case "match": {
        const r = matchRe(e.re).test(toStr(evalE(e.a)));
        return r !== e.neg ? 1 : 0;
      }
      case "bin": {
        if (e.op === "&&") return truthy(evalE(e.a), e.a) && truthy(evalE(e.b), e.b) ? 1 : 0;
        if (e.op === "||") return truthy(evalE(e.a), e.a) || truthy(evalE(e.b), e.b) ? 1 : 0;
        const a = evalE(e.a);
        const b = evalE(e.b);
        switch (e.op) {
          case "concat":
            return toStr(a) + toStr(b);
          case "+":
            return toNum(a) + toNum(b);
          case "-":
            return toNum(a) - toNum(b);
          case "*":
            return toNum(a) * toNum(b);
          case "/":
            if (toNum(b) === 0) throw new AwkSyntaxError("division by zero");
            return toNum(a) / toNum(b);
          case "%":
            if (toNum(b) === 0) throw new AwkSyntaxError("division by zero in %");
            return toNum(a) % toNum(b);
          case "^":
            return toNum(a) ** toNum(b);
          case "<":
            return compare(a, b, e.a, e.b) < 0 ? 1 : 0;
          case "<=":
            return compare(a, b, e.a, e.b) <= 0 ? 1 : 0;
          case ">":
            return compare(a, b, e.a, e.b) > 0 ? 1 : 0;
          case ">=":
            return compare(a, b, e.a, e.b) >= 0 ? 1 : 0;
          case "==":
            return compare(a, b, e.a, e.b) === 0 ? 1 : 0;
          case "!=":
            return compare(a, b, e.a, e.b) !== 0 ? 1 : 0;
        }
        return 0;
      }
      case "call":
        return call(e.name, e.args);
    }
  };
  const truthy = (v: Value, e: Expr): boolean => {
    if (typeof v === "number") return v !== 0;
    if (e.k !== "str" && looksNumeric(v)) return toNum(v) !== 0;
    return v !== "";
  };
  const call = (name: string, args: Expr[]): Value => {
    const s = (i: number) => (args[i] ? toStr(evalE(args[i])) : "");
    const n = (i: number) => (args[i] ? toNum(evalE(args[i])) : 0);
    switch (name) {
      case "length":
        if (!args.length) return fields[0].length;
        if (args[0].k === "var" && arrays[args[0].name]) return Object.keys(arrays[args[0].name]).length;
        return [...s(0)].length;
      case "substr": {
        const str = s(0);
        const start = Math.round(n(1));
        const len = args.length > 2 ? Math.round(n(2)) : Infinity;
        const from = Math.max(1, start);
        const to = len === Infinity ? str.length + 1 : Math.min(str.length + 1, start + len);
        return to <= from ? "" : str.slice(from - 1, to - 1);
      }
      case "index":
        return s(0).indexOf(s(1)) + 1;
      case "split": {
        const str = s(0);
        const target = args[1];
        if (!target || target.k !== "var") throw new AwkSyntaxError("split: second argument must be an array name");
        const sep = args[2] ? (args[2].k === "re" ? args[2].re : toStr(evalE(args[2]))) : toStr(vars.FS);
        let parts: string[];
        if (sep === " ") parts = str.split(/[ \t\n]+/).filter((f) => f !== "");
        else if (str === "") parts = [];
        else parts = typeof sep === "string" && sep.length === 1 ? str.split(sep) : str.split(typeof sep === "string" ? regex(sep) : sep);
        const arr: Record<string, Value> = {};
        parts.forEach((p, i) => (arr[String(i + 1)] = p));
        arrays[target.name] = arr;
        return parts.length;
      }
      case "sub":
      case "gsub": {
        const re = matchRe(args[0]);
        const rep = s(1);
        const target = args[2] ?? { k: "field", e: { k: "num", v: 0 } };
        const str = toStr(evalE(target));
        let count = 0;
        const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
        const result = str.replace(g, (m) => {
          if (name === "sub" && count > 0) return m;
          count++;
          return rep.replace(/\\\\|\\&|&/g, (x) => (x === "&" ? m : x === "\\&" ? "&" : "\\"));
        });
        if (count) assignTo(target, result);
        return count;
      }
      case "match": {
        const m = matchRe(args[1]).exec(s(0));
        vars.RSTART = m ? m.index + 1 : 0;
        vars.RLENGTH = m ? m[0].length : -1;
        return vars.RSTART;
      }
      case "tolower":
        return s(0).toLowerCase();
      case "toupper":
        return s(0).toUpperCase();
      case "sprintf":
        return format(s(0), args.slice(1).map(evalE));
      case "int":
        return Math.trunc(n(0));
      case "sqrt":
        return Math.sqrt(n(0));
      case "exp":
        return Math.exp(n(0));
      case "log":
        return Math.log(n(0));
      case "sin":
        return Math.sin(n(0));
      case "cos":
        return Math.cos(n(0));
      case "atan2":
        return Math.atan2(n(0), n(1));
      case "rand":
        return 0.5;
      case "srand":
      case "close":
      case "fflush":
        return 0;
      case "system":
        throw new AwkSyntaxError("system() is not supported here");
    }
    return "";
  };
  class Brk {}
  class Cont {}
  const exec = (st: Stmt): void => {
    step();
    switch (st.k) {
      case "block":
        for (const s of st.body) exec(s);
        return;
      case "expr":
        evalE(st.e);
        return;
      case "print": {
        const text = st.args.length ? st.args.map((a) => toStr(evalE(a))).join(toStr(vars.OFS)) : fields[0];
        out += text + toStr(vars.ORS);
        return;
      }
      case "printf": {
        if (!st.args.length) throw new AwkSyntaxError("printf: no format");
        const vals = st.args.map(evalE);
        out += format(toStr(vals[0]), vals.slice(1));
        return;
      }
      case "if":
        if (truthy(evalE(st.c), st.c)) exec(st.a);
        else if (st.b) exec(st.b);
        return;
      case "while":
        while (truthy(evalE(st.c), st.c)) {
          step();
          try {
            exec(st.body);
          } catch (e) {
            if (e instanceof Brk) break;
            if (!(e instanceof Cont)) throw e;
          }
        }
        return;
      case "do":
        do {
          step();
          try {
            exec(st.body);
          } catch (e) {
            if (e instanceof Brk) break;
            if (!(e instanceof Cont)) throw e;
          }
        } while (truthy(evalE(st.c), st.c));
        return;
      case "for":
        if (st.init) exec(st.init);
        while (!st.c || truthy(evalE(st.c), st.c)) {
          step();
          try {
            exec(st.body);
          } catch (e) {
            if (e instanceof Brk) break;
            if (!(e instanceof Cont)) throw e;
          }
          if (st.step) exec(st.step);
        }
        return;
      case "forin":
        for (const k of Object.keys(arrays[st.arr] ?? {})) {
          vars[st.v] = k;
          try {
            exec(st.body);
          } catch (e) {
            if (e instanceof Brk) break;
            if (!(e instanceof Cont)) throw e;
          }
        }
        return;
      case "next":
        throw new NextSignal();
      case "exit":
        throw new ExitSignal(st.e ? toNum(evalE(st.e)) : 0);
      case "break":
        throw new Brk();
      case "continue":
        throw new Cont();
      case "delete":
        if (st.idx) delete (arrays[st.name] ?? {})[key(st.idx)];
        else arrays[st.name] = {};
        return;
      case "getline":
        return;
    }
  };
  const runAction = (r: Rule) => {
    if (r.action) exec(r.action);
    else out += fields[0] + toStr(vars.ORS);
  };
  let exitCode: number | undefined;
  let status = 0;
  try {
    try {
      for (const r of rules) if (r.kind === "begin") exec(r.action!);
      const main = rules.filter((r) => r.kind === "main");
      const hasEnd = rules.some((r) => r.kind === "end");
      if (main.length || hasEnd) {
        for (const f of files.length ? files : ["-"]) {
          if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(f)) {
            const eq = f.indexOf("=");
            vars[f.slice(0, eq)] = f.slice(eq + 1);
            continue;
          }
          const input = openInput(ctx, f);
          if (!input) {
            status = 2;
            continue;
          }
          vars.FILENAME = f === "-" ? "" : f;
          vars.FNR = 0;
          for await (const { line } of readLines(input)) {
            if (ctx.host.signal.aborted) return 130;
            vars.NR = toNum(vars.NR) + 1;
            vars.FNR = toNum(vars.FNR) + 1;
            setRecord(line);
            try {
              for (const r of main) {
                let sel: boolean;
                if (!r.pattern) sel = true;
                else if (r.pattern2) {
                  if (r.inRange) {
                    sel = true;
                    if (truthy(evalE(r.pattern2), r.pattern2)) r.inRange = false;
                  } else if (truthy(evalE(r.pattern), r.pattern)) {
                    sel = true;
                    r.inRange = !truthy(evalE(r.pattern2), r.pattern2);
                  } else sel = false;
                } else sel = truthy(evalE(r.pattern), r.pattern);
                if (sel) runAction(r);
              }
            } catch (e) {
              if (!(e instanceof NextSignal)) throw e;
            }
            flush();
          }
        }
      }
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      exitCode = e.code;
    }
    try {
      for (const r of rules) if (r.kind === "end") exec(r.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      exitCode = e.code;
    }
  } catch (e) {
    if (e instanceof AwkSyntaxError) {
      flush();
      ctx.stderr.write(`awk: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  flush();
  return exitCode ?? status;
});
