// A tiny POSIX-shell simulator for container commands: enough of `sh -c` to run what tutorials and
// lessons put in pods (echo, date, sleep, loops, counters, touch/rm, exit codes, `until nslookup …`),
// in virtual time. It never runs anything: it yields what the script would print, which files it
// creates and removes, and when it exits. Scripts it cannot follow are reported as opaque.
import { parseUrl, requestUrl } from "./exec/http-args";

export type ShellEvent =
  | { t: number; kind: "out"; text: string }
  | { t: number; kind: "file"; path: string; exists: boolean; content?: string }
  | { t: number; kind: "exit"; code: number }
  /** From `t` on the script loops (or blocks) forever: nothing after this changes whether it ends. */
  | { t: number; kind: "forever"; busy: boolean }
  /** The script needs to know the cluster at `t`, which is still in the future: stop here for now. */
  | { t: number; kind: "pending" }
  /** A command this simulator does not know: stop following the script. */
  | { t: number; kind: "opaque"; command: string };

export interface ShellWorld {
  /** Pod name (HOSTNAME), pod namespace, pod IP. */
  hostname: string;
  namespace: string;
  podIP: string;
  env: Record<string, string>;
  /** Files the pod mounts (ConfigMap/Secret/downward API volumes): content, or undefined when absent. */
  readFile(path: string): string | undefined;
  /** DNS: whether `name` resolves at `atMs` (virtual ms from start), undefined when that time is still in the future. */
  resolve(name: string, atMs: number): { ip: string; fqdn: string } | null | undefined;
  /** Wall-clock ms of the container start (for `date`). */
  startedAtMs: number;
  /** Shell flavour for messages: busybox (ash) or bash/dash. */
  busybox: boolean;
  /** Binaries that exist (undefined: assume any command exists). */
  hasBinary?(name: string): boolean;
}

// ---------------------------------------------------------------------------------------------
// Tokens and syntax tree.
// ---------------------------------------------------------------------------------------------

type Word = { kind: "word"; parts: WordPart[]; raw: string };
type WordPart = { q: "none" | "single" | "double"; text: string } | { q: "subst"; cmd: string; quoted: boolean } | { q: "arith"; expr: string; quoted: boolean };
type Op = { kind: "op"; op: string };
type Tok = Word | Op;

class ShellSyntaxError extends Error {}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
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
      while (i < n && src[i] !== "\n") i++;
      continue;
    }
    if (c === "\n" || c === ";") {
      if (c === ";" && src[i + 1] === ";") throw new ShellSyntaxError(";;");
      toks.push({ kind: "op", op: ";" });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === ">>" || two === "2>" || two === "&>") {
      if (two === "2>" && src[i + 2] === "&") {
        toks.push({ kind: "op", op: "2>&" });
        i += 3;
        continue;
      }
      toks.push({ kind: "op", op: two });
      i += 2;
      continue;
    }
    if (c === "|" || c === "&" || c === ">" || c === "<" || c === "(" || c === ")") {
      toks.push({ kind: "op", op: c });
      i++;
      continue;
    }
    // A word: runs of unquoted text, quoted strings, substitutions.
    const parts: WordPart[] = [];
    const start = i;
    let buf = "";
    const flush = () => {
      if (buf) parts.push({ q: "none", text: buf });
      buf = "";
    };
    while (i < n) {
      const ch = src[i];
      if (" \t\r\n;&|<>()".includes(ch)) break;
      if (ch === "\\") {
        buf += src[i + 1] ?? "";
        i += 2;
        continue;
      }
      if (ch === "'") {
        flush();
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShellSyntaxError("unterminated quote");
        parts.push({ q: "single", text: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
      if (ch === '"') {
        flush();
        i++;
        let dq = "";
        const dparts: WordPart[] = [];
        const dflush = () => {
          if (dq) dparts.push({ q: "double", text: dq });
          dq = "";
        };
        while (i < n && src[i] !== '"') {
          if (src[i] === "\\" && i + 1 < n && '"\\$`\n'.includes(src[i + 1])) {
            dq += src[i + 1];
            i += 2;
            continue;
          }
          if (src[i] === "$" && src[i + 1] === "(" ) {
            const [inner, next, arith] = readParen(src, i + 1);
            dflush();
            dparts.push(arith ? { q: "arith", expr: inner, quoted: true } : { q: "subst", cmd: inner, quoted: true });
            i = next;
            continue;
          }
          if (src[i] === "`") {
            const end = src.indexOf("`", i + 1);
            if (end < 0) throw new ShellSyntaxError("unterminated backquote");
            dflush();
            dparts.push({ q: "subst", cmd: src.slice(i + 1, end), quoted: true });
            i = end + 1;
            continue;
          }
          dq += src[i++];
        }
        if (i >= n) throw new ShellSyntaxError("unterminated quote");
        i++;
        dflush();
        if (dparts.length === 0) dparts.push({ q: "double", text: "" });
        parts.push(...dparts);
        continue;
      }
      if (ch === "$" && src[i + 1] === "(") {
        flush();
        const [inner, next, arith] = readParen(src, i + 1);
        parts.push(arith ? { q: "arith", expr: inner, quoted: false } : { q: "subst", cmd: inner, quoted: false });
        i = next;
        continue;
      }
      if (ch === "`") {
        flush();
        const end = src.indexOf("`", i + 1);
        if (end < 0) throw new ShellSyntaxError("unterminated backquote");
        parts.push({ q: "subst", cmd: src.slice(i + 1, end), quoted: false });
        i = end + 1;
        continue;
      }
      if (ch === "$" && src[i + 1] === "{") {
        const end = src.indexOf("}", i);
        if (end < 0) throw new ShellSyntaxError("bad substitution");
        buf += src.slice(i, end + 1);
        i = end + 1;
        continue;
      }
      buf += ch;
      i++;
    }
    flush();
    toks.push({ kind: "word", parts, raw: src.slice(start, i) });
  }
  return toks;
}

/** Reads "(…)" or "((…))" starting at the "(" at `open`; returns the inside, the index after, and whether arithmetic. */
function readParen(src: string, open: number): [string, number, boolean] {
  const arith = src[open + 1] === "(";
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) {
        if (arith) return [src.slice(open + 2, i - 1), i + 1, true];
        return [src.slice(open + 1, i), i + 1, false];
      }
    }
  }
  throw new ShellSyntaxError("unterminated $(");
}

type Redirect = { op: ">" | ">>" | "<" | "2>" | "&>" | "2>&"; target: Word };
type Simple = { type: "simple"; words: Word[]; redirects: Redirect[]; background: boolean };
type Loop = { type: "while" | "until"; cond: List; body: List };
type For = { type: "for"; name: string; items: Word[] | null; body: List };
type If = { type: "if"; branches: Array<{ cond: List; body: List }>; otherwise?: List };
type Group = { type: "group"; body: List };
type Pipeline = { type: "pipeline"; commands: Cmd[]; negate: boolean };
type Cmd = Simple | Loop | For | If | Group;
type AndOr = { first: Pipeline; rest: Array<{ op: "&&" | "||"; p: Pipeline }> };
type List = AndOr[];

const KEYWORDS = new Set(["while", "until", "do", "done", "for", "in", "if", "then", "elif", "else", "fi", "{", "}", "!"]);

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private isWord(t: Tok | undefined, w?: string): t is Word {
    return !!t && t.kind === "word" && (w === undefined || (t.parts.length === 1 && t.parts[0].q === "none" && t.parts[0].text === w));
  }
  private isOp(t: Tok | undefined, op?: string): t is Op {
    return !!t && t.kind === "op" && (op === undefined || t.op === op);
  }
  private skipSeps() {
    while (this.isOp(this.peek(), ";")) this.i++;
  }
  private expectWord(w: string) {
    this.skipSeps();
    if (!this.isWord(this.peek(), w)) throw new ShellSyntaxError(`expected ${w}`);
    this.i++;
  }

  parseList(stop: string[] = []): List {
    const list: List = [];
    for (;;) {
      this.skipSeps();
      const t = this.peek();
      if (!t) break;
      if (this.isOp(t, ")")) break;
      if (t.kind === "word" && stop.some((s) => this.isWord(t, s))) break;
      list.push(this.parseAndOr());
      const sep = this.peek();
      if (this.isOp(sep, "&")) {
        this.i++;
        const last = list[list.length - 1];
        const cmds = (last.rest.length ? last.rest[last.rest.length - 1].p : last.first).commands;
        const c = cmds[cmds.length - 1];
        if (c.type === "simple") c.background = true;
      }
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.peek();
      if (this.isOp(t, "&&") || this.isOp(t, "||")) {
        this.i++;
        while (this.isOp(this.peek(), ";") && false) this.i++;
        rest.push({ op: t.op as "&&" | "||", p: this.parsePipeline() });
      } else break;
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    if (this.isWord(this.peek(), "!")) {
      negate = true;
      this.i++;
    }
    const commands: Cmd[] = [this.parseCommand()];
    while (this.isOp(this.peek(), "|")) {
      this.i++;
      commands.push(this.parseCommand());
    }
    return { type: "pipeline", commands, negate };
  }

  private parseCommand(): Cmd {
    const t = this.peek();
    if (this.isWord(t, "while") || this.isWord(t, "until")) {
      this.i++;
      const cond = this.parseList(["do"]);
      this.expectWord("do");
      const body = this.parseList(["done"]);
      this.expectWord("done");
      return { type: (t as Word).raw as "while" | "until", cond, body };
    }
    if (this.isWord(t, "for")) {
      this.i++;
      const nameTok = this.peek();
      if (!this.isWord(nameTok)) throw new ShellSyntaxError("for: name");
      this.i++;
      let items: Word[] | null = null;
      this.skipSeps();
      if (this.isWord(this.peek(), "in")) {
        this.i++;
        items = [];
        while (this.isWord(this.peek()) && !this.isWord(this.peek(), "do")) items.push(this.toks[this.i++] as Word);
      }
      this.expectWord("do");
      const body = this.parseList(["done"]);
      this.expectWord("done");
      return { type: "for", name: nameTok.raw, items, body };
    }
    if (this.isWord(t, "if")) {
      this.i++;
      const branches: If["branches"] = [];
      let otherwise: List | undefined;
      let cond = this.parseList(["then"]);
      this.expectWord("then");
      let body = this.parseList(["elif", "else", "fi"]);
      branches.push({ cond, body });
      for (;;) {
        this.skipSeps();
        if (this.isWord(this.peek(), "elif")) {
          this.i++;
          cond = this.parseList(["then"]);
          this.expectWord("then");
          body = this.parseList(["elif", "else", "fi"]);
          branches.push({ cond, body });
          continue;
        }
        if (this.isWord(this.peek(), "else")) {
          this.i++;
          otherwise = this.parseList(["fi"]);
        }
        this.expectWord("fi");
        break;
      }
      return { type: "if", branches, otherwise };
    }
    if (this.isWord(t, "{")) {
      this.i++;
      const body = this.parseList(["}"]);
      this.expectWord("}");
      return { type: "group", body };
    }
    if (this.isOp(t, "(")) {
      this.i++;
      const body = this.parseList();
      if (!this.isOp(this.peek(), ")")) throw new ShellSyntaxError("expected )");
      this.i++;
      return { type: "group", body };
    }
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const x = this.peek();
      if (!x) break;
      if (x.kind === "op") {
        if ([">", ">>", "<", "2>", "&>", "2>&"].includes(x.op)) {
          this.i++;
          const target = this.peek();
          if (!this.isWord(target)) throw new ShellSyntaxError("redirect target");
          this.i++;
          redirects.push({ op: x.op as Redirect["op"], target });
          continue;
        }
        break;
      }
      if (words.length === 0 && KEYWORDS.has(x.raw) && x.raw !== "{" && x.raw !== "!") break;
      if (words.length === 0 && (x.raw === "done" || x.raw === "fi" || x.raw === "}")) break;
      words.push(x);
      this.i++;
    }
    if (words.length === 0 && redirects.length === 0) throw new ShellSyntaxError("empty command");
    return { type: "simple", words, redirects, background: false };
  }

  done(): boolean {
    this.skipSeps();
    return this.i >= this.toks.length;
  }
}

export function parseScript(src: string): List | undefined {
  try {
    const p = new Parser(tokenize(src));
    const list = p.parseList();
    if (!p.done()) return undefined;
    return list;
  } catch (e) {
    if (e instanceof ShellSyntaxError) return undefined;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation in virtual time.
// ---------------------------------------------------------------------------------------------

/** Thrown through the generators to end the script. */
class Exit {
  constructor(readonly code: number) {}
}
class Stop {
  constructor(readonly event: ShellEvent) {}
}
class BreakLoop {}

interface State {
  t: number;
  vars: Record<string, string>;
  files: Map<string, string>;
  world: ShellWorld;
  status: number;
  /** Output captured by command substitution instead of printed. */
  capture: string[] | null;
  steps: number;
  /** The shell running the script (`sh -c`, `bash -c`): its messages name it. */
  shell: string;
  /** Events yielded so far (output lines, file changes): a loop iteration that adds none was silent. */
  emitted: number;
  /** World lookups that found nothing (a name not resolving, a file missing): their answer may change later. */
  misses: number;
}

const MAX_STEPS = 2_000_000;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** `date` output (C locale, UTC): "Thu Jan  1 00:00:03 UTC 2026"; busybox pads the day with a space too. */
export function formatDate(ms: number, fmt?: string): string {
  const d = new Date(Math.floor(ms));
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = p2(d.getUTCHours());
  const M = p2(d.getUTCMinutes());
  const S = p2(d.getUTCSeconds());
  if (!fmt) return `${DAYS[d.getUTCDay()]} ${MONTHS[m]} ${String(day).padStart(2, " ")} ${H}:${M}:${S} UTC ${Y}`;
  return fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => {
    switch (c) {
      case "Y": return String(Y);
      case "m": return p2(m + 1);
      case "d": return p2(day);
      case "e": return String(day).padStart(2, " ");
      case "H": return H;
      case "M": return M;
      case "S": return S;
      case "s": return String(Math.floor(ms / 1000));
      case "N": return String(Math.floor(ms % 1000) * 1_000_000).padStart(9, "0");
      case "T": return `${H}:${M}:${S}`;
      case "F": return `${Y}-${p2(m + 1)}-${p2(day)}`;
      case "D": return `${p2(m + 1)}/${p2(day)}/${String(Y).slice(2)}`;
      case "a": return DAYS[d.getUTCDay()];
      case "A": return ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"][d.getUTCDay()];
      case "b": return MONTHS[m];
      case "h": return MONTHS[m];
      case "Z": return "UTC";
      case "z": return "+0000";
      case "%": return "%";
      default: return `%${c}`;
    }
  });
}

/** "10", "0.5", "1m", "2h", "infinity" → ms (undefined: invalid; Infinity: forever). */
export function parseSleep(arg: string): number | undefined {
  if (arg === "infinity" || arg === "inf") return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * mult);
}

function expandParam(name: string, st: State): string {
  if (name === "HOSTNAME") return st.vars.HOSTNAME ?? st.world.hostname;
  if (name === "?") return String(st.status);
  if (name === "$") return "1";
  if (name === "RANDOM") return String((st.steps * 7919) % 32768);
  return st.vars[name] ?? st.world.env[name] ?? "";
}

function expandVars(text: string, st: State): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*|[?$])/g, (_m, braced: string, dflt: string | undefined, bare: string) => {
    const v = expandParam(braced ?? bare, st);
    if (braced && dflt !== undefined && v === "") return dflt;
    return v;
  });
}

function arith(expr: string, st: State): number {
  const src = expr.replace(/\$?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    const v = Number(expandParam(name, st) || "0");
    return String(Number.isFinite(v) ? Math.trunc(v) : 0);
  });
  // Only integers, + - * / % and parentheses: evaluate with a small recursive-descent parser.
  let i = 0;
  const s = src.replace(/\s+/g, "");
  const num = (): number => {
    if (s[i] === "(") {
      i++;
      const v = sum();
      i++;
      return v;
    }
    if (s[i] === "-") {
      i++;
      return -num();
    }
    const m = /^\d+/.exec(s.slice(i));
    if (!m) throw new ShellSyntaxError("arith");
    i += m[0].length;
    return Number(m[0]);
  };
  const prod = (): number => {
    let v = num();
    while (s[i] === "*" || s[i] === "/" || s[i] === "%") {
      const op = s[i++];
      const r = num();
      v = op === "*" ? v * r : r === 0 ? 0 : op === "/" ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const sum = (): number => {
    let v = prod();
    while (s[i] === "+" || s[i] === "-") {
      const op = s[i++];
      const r = prod();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  };
  return sum();
}

/** Expands one word into fields (unquoted parts split on whitespace, quoted parts kept whole). */
function* expandWord(w: Word, st: State): Generator<ShellEvent, string[]> {
  const fields: string[] = [];
  let cur = "";
  let hasCur = false;
  for (const part of w.parts) {
    if (part.q === "single") {
      cur += part.text;
      hasCur = true;
    } else if (part.q === "double") {
      cur += expandVars(part.text, st);
      hasCur = true;
    } else if (part.q === "arith") {
      cur += String(arith(part.expr, st));
      hasCur = true;
    } else {
      let text: string;
      let quoted: boolean;
      if (part.q === "subst") {
        const out = yield* captureOutput(part.cmd, st);
        text = out.replace(/\n+$/, "");
        quoted = part.quoted;
      } else {
        // Brace ranges {1..5} in an unquoted word.
        const range = /^\{(-?\d+)\.\.(-?\d+)\}$/.exec(part.text);
        if (range && w.parts.length === 1) {
          const a = Number(range[1]);
          const b = Number(range[2]);
          const out: string[] = [];
          for (let k = a; a <= b ? k <= b : k >= b; k += a <= b ? 1 : -1) out.push(String(k));
          return out;
        }
        text = expandVars(part.text, st);
        quoted = false;
      }
      if (quoted) {
        cur += text;
        hasCur = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      for (let k = 0; k < pieces.length; k++) {
        if (k > 0) {
          if (hasCur || cur) fields.push(cur);
          cur = "";
          hasCur = false;
        }
        cur += pieces[k];
        if (pieces[k]) hasCur = true;
      }
    }
  }
  if (hasCur || cur) fields.push(cur);
  return fields;
}

function* captureOutput(cmd: string, st: State): Generator<ShellEvent, string> {
  const list = parseScript(cmd);
  if (!list) throw new Stop({ t: st.t, kind: "opaque", command: cmd });
  const saved = st.capture;
  st.capture = [];
  try {
    yield* runList(list, st);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
  }
  const out = st.capture.join("");
  st.capture = saved;
  return out;
}

function* print(st: State, text: string): Generator<ShellEvent, void> {
  if (st.capture) {
    st.capture.push(text);
    return;
  }
  // Output is line-buffered into the container log: one event per line.
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  st.emitted += lines.length;
  for (const line of lines) yield { t: st.t, kind: "out", text: line };
}

function readWorldFile(st: State, path: string): string | undefined {
  const content = st.world.readFile(path);
  if (content === undefined) st.misses++;
  return content;
}

function tick(st: State) {
  if (++st.steps > MAX_STEPS) throw new Stop({ t: st.t, kind: "forever", busy: true });
}

function* runList(list: List, st: State): Generator<ShellEvent, number> {
  for (const ao of list) {
    let status = yield* runPipeline(ao.first, st);
    for (const r of ao.rest) {
      if ((r.op === "&&" && status === 0) || (r.op === "||" && status !== 0)) status = yield* runPipeline(r.p, st);
    }
    st.status = status;
  }
  return st.status;
}

function* runPipeline(p: Pipeline, st: State): Generator<ShellEvent, number> {
  // A pipeline's output is the last command's; earlier commands feed it (ignored here, they only cost time).
  let status = 0;
  for (let k = 0; k < p.commands.length; k++) {
    const last = k === p.commands.length - 1;
    if (!last) {
      const saved = st.capture;
      st.capture = [];
      status = yield* runCmd(p.commands[k], st);
      st.capture = saved;
    } else status = yield* runCmd(p.commands[k], st);
  }
  return p.negate ? (status === 0 ? 1 : 0) : status;
}

/** Whether a condition list is statically always true (`true`, `:`, `sleep N`) so a while loop never ends by itself. */
function alwaysTrue(cond: List): boolean {
  if (cond.length !== 1 || cond[0].rest.length) return false;
  const p = cond[0].first;
  if (p.negate || p.commands.length !== 1) return false;
  const c = p.commands[0];
  if (c.type !== "simple") return false;
  const name = c.words[0]?.raw;
  return name === "true" || name === ":" || (name === "sleep" && c.words.length === 2) || name === "[" && c.words.map((w) => w.raw).join(" ") === "[ 1 ]";
}

function mentions(list: List, names: string[]): boolean {
  const text = JSON.stringify(list);
  return names.some((n) => text.includes(`"raw":"${n}"`));
}

function* runCmd(c: Cmd, st: State): Generator<ShellEvent, number> {
  tick(st);
  switch (c.type) {
    case "simple":
      return yield* runSimple(c, st);
    case "group":
      return yield* runList(c.body, st);
    case "if": {
      for (const b of c.branches) {
        if ((yield* runList(b.cond, st)) === 0) return yield* runList(b.body, st);
      }
      return c.otherwise ? yield* runList(c.otherwise, st) : 0;
    }
    case "for": {
      const items: string[] = [];
      for (const w of c.items ?? []) items.push(...(yield* expandWord(w, st)));
      let status = 0;
      try {
        for (const it of items) {
          st.vars[c.name] = it;
          status = yield* runList(c.body, st);
        }
      } catch (e) {
        if (!(e instanceof BreakLoop)) throw e;
      }
      return status;
    }
    case "while":
    case "until": {
      const infinite = c.type === "while" && alwaysTrue(c.cond) && !mentions(c.body, ["exit", "break", "return"]);
      let announced = false;
      let status = 0;
      let instant = 0;
      let same = 0;
      let lastState: string | undefined;
      try {
        for (;;) {
          const before = st.t;
          const emitted = st.emitted;
          const misses = st.misses;
          const cond = yield* runList(c.cond, st);
          if ((c.type === "while") !== (cond === 0)) break;
          if (infinite && !announced) {
            announced = true;
            yield { t: before, kind: "forever", busy: false };
          }
          status = yield* runList(c.body, st);
          // Iterations that take no time: an endless one is a busy loop, and so is one that spins too long.
          if (st.t === before) {
            if (infinite || ++instant > 10_000) throw new Stop({ t: st.t, kind: "forever", busy: true });
          } else instant = 0;
          // A silent iteration (no output, no file written) that leaves the shell as the one before did, and
          // whose lookups all found what they asked for (answers that stay), is what every later one does:
          // the loop goes on like this forever and nothing more happens (a load generator's wget loop).
          if (st.emitted === emitted && st.misses === misses && st.t > before && !st.capture) {
            const state = JSON.stringify([st.vars, st.status]);
            if (state === lastState) {
              if (++same >= 2) throw new Stop({ t: st.t, kind: "forever", busy: false });
            } else same = 0;
            lastState = state;
          } else {
            same = 0;
            lastState = undefined;
          }
        }
      } catch (e) {
        if (!(e instanceof BreakLoop)) throw e;
      }
      return status;
    }
  }
}

function* runSimple(c: Simple, st: State): Generator<ShellEvent, number> {
  const argv: string[] = [];
  for (const w of c.words) argv.push(...(yield* expandWord(w, st)));
  // Leading assignments.
  while (argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[0])) {
    const a = argv.shift()!;
    const eq = a.indexOf("=");
    st.vars[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (argv.length === 0) return 0;
  // Redirections: output to a file (captured into the file model) or to /dev/null.
  let toFile: { path: string; append: boolean } | undefined;
  let discard = false;
  for (const r of c.redirects) {
    const target = (yield* expandWord(r.target, st)).join(" ");
    if (r.op === ">" || r.op === ">>" || r.op === "&>") {
      if (target === "/dev/null") discard = true;
      else if (target !== "/dev/stdout" && target !== "/proc/1/fd/1") toFile = { path: target, append: r.op === ">>" };
    }
  }
  if (c.background) return 0;
  if (toFile || discard) {
    const saved = st.capture;
    st.capture = [];
    let status: number;
    try {
      status = yield* runArgv(argv, st);
    } finally {
      const out = st.capture.join("");
      st.capture = saved;
      if (toFile) {
        const content = (toFile.append ? st.files.get(toFile.path) ?? "" : "") + out;
        st.files.set(toFile.path, content);
        st.emitted++;
        yield { t: st.t, kind: "file", path: toFile.path, exists: true, content };
      }
    }
    return status;
  }
  return yield* runArgv(argv, st);
}

function echoText(args: string[]): string {
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0])) {
    const f = args.shift()!;
    if (f.includes("n")) newline = false;
    if (f.includes("e")) escapes = true;
  }
  let text = args.join(" ");
  if (escapes) text = text.replace(/\\n/g, "\n").replace(/\\t/g, "\t");
  return newline ? text + "\n" : text;
}

function printfText(args: string[]): string {
  const fmt = args.shift() ?? "";
  let k = 0;
  const out = fmt
    .replace(/%(-?\d*)([sdi%])/g, (_m, w: string, c: string) => {
      if (c === "%") return "%";
      const v = args[k++] ?? "";
      const val = c === "s" ? v : String(Math.trunc(Number(v) || 0));
      return w ? (w.startsWith("-") ? val.padEnd(Number(w.slice(1))) : val.padStart(Number(w))) : val;
    })
    .replace(/\\n/g, "\n")
    .replace(/\\t/g, "\t");
  return out;
}

export const SHELL_NAMES = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh"]);

function base(cmd: string): string {
  return cmd.slice(cmd.lastIndexOf("/") + 1);
}

/** Runs one command line (already expanded). */
export function* runArgv(argv: string[], st: State): Generator<ShellEvent, number> {
  const name = base(argv[0]);
  const args = argv.slice(1);
  const w = st.world;
  switch (name) {
    case ":":
    case "true":
    case "cd":
    case "export":
    case "set":
    case "ulimit":
    case "umask":
    case "mkdir":
    case "chmod":
    case "chown":
    case "sync":
    case "trap":
      if (name === "export") for (const a of args) if (a.includes("=")) st.vars[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
      return 0;
    case "false":
      return 1;
    case "exit":
      throw new Exit(args.length ? Number(args[0]) & 255 : st.status);
    case "break":
      throw new BreakLoop();
    case "exec":
      return args.length ? yield* runArgv(args, st) : 0;
    case "echo":
      yield* print(st, echoText([...args]));
      return 0;
    case "printf":
      yield* print(st, printfText([...args]));
      return 0;
    case "date": {
      const fmt = args.find((a) => a.startsWith("+"));
      yield* print(st, formatDate(w.startedAtMs + st.t, fmt?.slice(1)) + "\n");
      return 0;
    }
    case "hostname":
      yield* print(st, `${w.hostname}\n`);
      return 0;
    case "sleep": {
      let total = 0;
      for (const a of args) {
        const ms = parseSleep(a);
        if (ms === undefined) {
          yield* print(st, `sleep: invalid number '${a}'\n`);
          return 1;
        }
        total += ms;
      }
      if (!Number.isFinite(total)) throw new Stop({ t: st.t, kind: "forever", busy: false });
      st.t += total;
      return 0;
    }
    case "touch":
      for (const a of args.filter((x) => !x.startsWith("-"))) {
        if (!st.files.has(a)) st.files.set(a, "");
        st.emitted++;
        yield { t: st.t, kind: "file", path: a, exists: true, content: st.files.get(a) };
      }
      return 0;
    case "rm":
      for (const a of args.filter((x) => !x.startsWith("-"))) {
        st.files.delete(a);
        st.emitted++;
        yield { t: st.t, kind: "file", path: a, exists: false };
      }
      return 0;
    case "cat": {
      if (args.length === 0) return 0;
      let status = 0;
      for (const a of args) {
        const content = st.files.has(a) ? st.files.get(a) : readWorldFile(st, a);
        if (content === undefined) {
          yield* print(st, `cat: ${w.busybox ? "can't open" : ""}${w.busybox ? ` '${a}'` : `${a}`}: No such file or directory\n`);
          status = 1;
        } else yield* print(st, content);
      }
      return status;
    }
    case "ls":
      return 0;
    case "env":
    case "printenv": {
      if (name === "printenv" && args.length) {
        const v = args.map((a) => st.vars[a] ?? w.env[a]).filter((x) => x !== undefined);
        for (const x of v) yield* print(st, `${x}\n`);
        return v.length === args.length ? 0 : 1;
      }
      const all = { ...w.env, HOSTNAME: w.hostname, HOME: "/root", ...st.vars };
      for (const [k, v] of Object.entries(all)) yield* print(st, `${k}=${v}\n`);
      return 0;
    }
    case "seq": {
      const nums = args.map(Number);
      const [a, b] = nums.length === 1 ? [1, nums[0]] : [nums[0], nums[nums.length - 1]];
      const step = nums.length === 3 ? nums[1] : 1;
      const out: string[] = [];
      for (let k = a; step > 0 ? k <= b : k >= b; k += step) {
        out.push(String(k));
        if (out.length > 100_000) break;
      }
      yield* print(st, out.length ? out.join("\n") + "\n" : "");
      return 0;
    }
    case "test":
    case "[":
      return testExpr(name === "[" ? args.slice(0, -1) : args, st) ? 0 : 1;
    case "tail":
      if (args.includes("-f") || args.includes("-F")) throw new Stop({ t: st.t, kind: "forever", busy: false });
      return 0;
    case "wait":
      return 0;
    case "nslookup":
    case "host":
    case "dig":
    case "getent": {
      const target = args.filter((a) => !a.startsWith("-") && a !== "hosts")[0] ?? "";
      const r = w.resolve(target, st.t);
      if (r === null) st.misses++;
      if (r === undefined) throw new Stop({ t: st.t, kind: "pending" });
      st.t += 20;
      if (name === "nslookup") {
        yield* print(st, `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n`);
        if (r) yield* print(st, `Name:\t${r.fqdn}\nAddress: ${r.ip}\n\n`);
        else yield* print(st, `** server can't find ${fqdnGuess(target, w.namespace)}: NXDOMAIN\n\n`);
      }
      return r ? 0 : 1;
    }
    case "wget":
    case "curl": {
      const url = requestUrl(name, args);
      const host = (url !== undefined && parseUrl(url)?.host) || "";
      const r = host ? w.resolve(host, st.t) : null;
      if (r === null) st.misses++;
      if (r === undefined) throw new Stop({ t: st.t, kind: "pending" });
      st.t += 15;
      if (!r) {
        yield* print(st, name === "wget" ? `wget: bad address '${host}'\n` : `curl: (6) Could not resolve host: ${host}\n`);
        return name === "wget" ? 1 : 6;
      }
      return 0;
    }
    case "ping": {
      // ping prints a line a second, forever unless -c is given.
      const ci = args.indexOf("-c");
      const count = ci >= 0 ? Number(args[ci + 1]) : Infinity;
      const target = args.filter((a, i) => !a.startsWith("-") && args[i - 1] !== "-c")[0] ?? "";
      yield* print(st, `PING ${target} (${target}): 56 data bytes\n`);
      for (let k = 0; k < count; k++) {
        if (k > 0 && !Number.isFinite(count) && k === 1) yield { t: st.t, kind: "forever", busy: false };
        yield* print(st, `64 bytes from ${target}: seq=${k} ttl=64 time=0.${100 + ((k * 37) % 800)} ms\n`);
        st.t += 1000;
        tick(st);
      }
      return 0;
    }
    case "sh":
    case "bash":
    case "ash":
    case "dash": {
      const ci = args.indexOf("-c");
      if (ci >= 0 && args[ci + 1] !== undefined) {
        const list = parseScript(args[ci + 1]);
        if (!list) throw new Stop({ t: st.t, kind: "opaque", command: args[ci + 1] });
        return yield* runList(list, st);
      }
      return 0;
    }
    default:
      if (w.hasBinary && !w.hasBinary(name)) {
        // busybox sh, bash and dash each say it their own way.
        const message = w.busybox ? `${st.shell}: ${name}: not found` : st.shell === "bash" ? `bash: line 1: ${name}: command not found` : `${st.shell}: 1: ${name}: not found`;
        yield* print(st, `${message}\n`);
        return 127;
      }
      throw new Stop({ t: st.t, kind: "opaque", command: argv.join(" ") });
  }
}

function fqdnGuess(name: string, ns: string): string {
  if (name.endsWith(".")) return name.slice(0, -1);
  if (name.split(".").length >= 4) return name;
  return name.includes(".") ? `${name}.svc.cluster.local` : `${name}.${ns}.svc.cluster.local`;
}

function testExpr(args: string[], st: State): boolean {
  if (args.length === 0) return false;
  if (args[0] === "!") return !testExpr(args.slice(1), st);
  if (args.length === 1) return args[0] !== "";
  if (args.length === 2) {
    const [op, a] = args;
    if (op === "-z") return a === "";
    if (op === "-n") return a !== "";
    if (op === "-f" || op === "-e" || op === "-r" || op === "-s") return st.files.has(a) || readWorldFile(st, a) !== undefined;
    if (op === "-d") return true;
    return false;
  }
  const [a, op, b] = args;
  const na = Number(a);
  const nb = Number(b);
  switch (op) {
    case "=":
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case "-eq":
      return na === nb;
    case "-ne":
      return na !== nb;
    case "-gt":
      return na > nb;
    case "-ge":
      return na >= nb;
    case "-lt":
      return na < nb;
    case "-le":
      return na <= nb;
  }
  return false;
}

/**
 * Runs a script (the argument of `sh -c`, or an argv run through the shell), yielding events in time order.
 * Ends with an exit event, a forever marker followed by whatever the endless part prints, or a stop
 * (pending/opaque).
 */
export function* simulate(script: { argv: string[] } | { source: string; shell?: string }, world: ShellWorld): Generator<ShellEvent, void> {
  const st: State = { t: 0, vars: {}, files: new Map(), world, status: 0, capture: null, steps: 0, shell: ("shell" in script && script.shell) || "sh", emitted: 0, misses: 0 };
  try {
    let status: number;
    if ("source" in script) {
      const list = parseScript(script.source);
      if (!list) {
        yield { t: 0, kind: "opaque", command: script.source };
        return;
      }
      status = yield* runList(list, st);
    } else status = yield* runArgv(script.argv, st);
    yield { t: st.t, kind: "exit", code: status & 255 };
  } catch (e) {
    if (e instanceof Exit) yield { t: st.t, kind: "exit", code: e.code };
    else if (e instanceof Stop) yield e.event;
    else if (e instanceof ShellSyntaxError) yield { t: st.t, kind: "opaque", command: "" };
    else if (e instanceof BreakLoop) yield { t: st.t, kind: "exit", code: 0 };
    else throw e;
  }
}
