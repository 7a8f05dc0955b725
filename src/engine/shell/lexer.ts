// The shell's lexer: source text to tokens (words with their quoting, operators, redirections),
// here-document bodies read at the newline that follows their `<<` operator, as bash does.
import { LIMITS } from "../limits";

/** A piece of a word. `q` marks quoted text: not split into fields, not a glob, no `~`. */
export type WordPart =
  | { k: "lit"; v: string; q: boolean }
  | { k: "param"; name: string; q: boolean; op?: string; arg?: WordPart[] }
  | { k: "cmd"; src: string; q: boolean }
  | { k: "arith"; src: string; q: boolean }
  /** A `${...}` bash cannot parse: expanding it is an error ("bad substitution"). */
  | { k: "bad"; raw: string; q: boolean };

export interface Word {
  parts: WordPart[];
  /** The word as typed. */
  raw: string;
}

export interface HereDoc {
  delim: string;
  /** `<<'EOF'` or `<<"EOF"`: the body is literal. */
  quoted: boolean;
  /** `<<-EOF`: leading tabs are stripped. */
  strip: boolean;
  /** The body as read (tabs already stripped); filled in when the lexer reaches the next line. */
  body: string;
  /** The body's expansions (unquoted delimiters only). */
  parts: WordPart[];
  /** Line of the `<<` operator (1-based), for bash's end-of-file warning. */
  line: number;
  /** Whether the delimiter line was found. */
  terminated: boolean;
}

export type Token =
  | { t: "word"; word: Word; pos: number; fromAlias?: ReadonlySet<string> }
  | { t: "op"; v: string; pos: number; fromAlias?: ReadonlySet<string> }
  | { t: "redir"; op: string; fd?: number; heredoc?: HereDoc; pos: number; fromAlias?: ReadonlySet<string> }
  | { t: "eof"; pos: number; fromAlias?: ReadonlySet<string> };

/** Bad input: the message follows `bash: ` and the exit status is 2. */
export class ShellSyntaxError extends Error {}

const META = new Set([" ", "\t", "\n", "|", "&", ";", "(", ")", "<", ">"]);
const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(["?", "$", "#", "@", "*", "!", "-", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

export class Lexer {
  pos = 0;
  private queue: Token[] = [];
  private pending: HereDoc[] = [];
  /** Here-documents whose body ran into the end of the input (bash warns and runs them). */
  readonly warnings: string[] = [];
  private delimFor: HereDoc | undefined;

  constructor(readonly src: string) {}

  /** Puts tokens back in front (alias expansion). */
  unshift(tokens: Token[]): void {
    this.queue.unshift(...tokens);
  }

  peek(): Token {
    if (!this.queue.length) this.queue.push(this.lex());
    return this.queue[0];
  }

  next(): Token {
    if (this.queue.length) return this.queue.shift()!;
    return this.lex();
  }

  /** Line number (1-based) of a position. */
  lineAt(pos: number): number {
    let n = 1;
    for (let i = 0; i < pos && i < this.src.length; i++) if (this.src[i] === "\n") n++;
    return n;
  }

  /** All remaining tokens up to and excluding the end. */
  all(): Token[] {
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t.t === "eof") return out;
      out.push(t);
    }
  }

  private lex(): Token {
    const s = this.src;
    for (;;) {
      const c = s[this.pos];
      if (c === " " || c === "\t") {
        this.pos++;
        continue;
      }
      if (c === "\\" && s[this.pos + 1] === "\n") {
        this.pos += 2;
        continue;
      }
      if (c === "#") {
        while (this.pos < s.length && s[this.pos] !== "\n") this.pos++;
        continue;
      }
      break;
    }
    const start = this.pos;
    if (this.pos >= s.length) {
      this.readHereDocs();
      return { t: "eof", pos: start };
    }
    const c = s[this.pos];
    const two = s.slice(this.pos, this.pos + 2);
    const three = s.slice(this.pos, this.pos + 3);
    if (c === "\n") {
      this.pos++;
      this.readHereDocs();
      return { t: "op", v: "\n", pos: start };
    }
    // Redirections, with an optional file-descriptor number written right before them.
    let fd: number | undefined;
    let p = this.pos;
    while (p < s.length && s[p] >= "0" && s[p] <= "9") p++;
    if (p > this.pos && p - this.pos < 4 && (s[p] === "<" || s[p] === ">")) {
      fd = Number(s.slice(this.pos, p));
      this.pos = p;
    }
    const r = this.redirOp();
    if (r) {
      const tok: Token = { t: "redir", op: r, fd, pos: start };
      if (r === "<<" || r === "<<-") {
        const doc: HereDoc = { delim: "", quoted: false, strip: r === "<<-", body: "", parts: [], line: this.lineAt(start), terminated: false };
        tok.heredoc = doc;
        this.delimFor = doc;
      }
      return tok;
    }
    this.pos = start;
    for (const op of ["&&", "||", ";;", "|&"]) {
      if (two === op) {
        this.pos += 2;
        return { t: "op", v: op, pos: start };
      }
    }
    void three;
    if (c === "|" || c === "&" || c === ";" || c === "(" || c === ")") {
      this.pos++;
      return { t: "op", v: c, pos: start };
    }
    const word = this.readWord();
    if (this.delimFor) {
      const doc = this.delimFor;
      this.delimFor = undefined;
      doc.quoted = /['"\\]/.test(word.raw);
      doc.delim = unquoteRaw(word.raw);
      this.pending.push(doc);
    }
    return { t: "word", word, pos: start };
  }

  private redirOp(): string | undefined {
    const s = this.src.slice(this.pos, this.pos + 3);
    for (const op of ["&>>", "<<<", "<<-", "&>", "<<", "<&", "<>", ">>", ">&", ">|", "<", ">"]) {
      if (s.startsWith(op)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  /** Reads the bodies of the here-documents opened on the line just ended. */
  private readHereDocs(): void {
    const s = this.src;
    while (this.pending.length) {
      const doc = this.pending.shift()!;
      const lines: string[] = [];
      let size = 0;
      for (;;) {
        if (this.pos >= s.length) {
          this.warnings.push(`warning: here-document at line ${doc.line} delimited by end-of-file (wanted \`${doc.delim}')`);
          break;
        }
        let end = s.indexOf("\n", this.pos);
        if (end < 0) end = s.length;
        let line = s.slice(this.pos, end);
        this.pos = Math.min(end + 1, s.length);
        if (doc.strip) line = line.replace(/^\t+/, "");
        if (line === doc.delim) {
          doc.terminated = true;
          break;
        }
        size += line.length + 1;
        if (size > LIMITS.shell.maxHereDocBytes) {
          throw new ShellSyntaxError(`here-document at line ${doc.line} is larger than ${LIMITS.shell.maxHereDocBytes} bytes`);
        }
        lines.push(line);
      }
      doc.body = lines.length ? lines.join("\n") + "\n" : "";
      doc.parts = doc.quoted ? [{ k: "lit", v: doc.body, q: true }] : parseHereDocBody(doc.body);
    }
  }

  private readWord(): Word {
    const s = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (META.has(c)) break;
      if (c === "\\") {
        if (s[this.pos + 1] === "\n") {
          this.pos += 2;
          continue;
        }
        if (this.pos + 1 >= s.length) {
          this.pos++;
          pushLit(parts, "\\", false);
          continue;
        }
        pushLit(parts, s[this.pos + 1], true);
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.pos + 1);
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        pushLit(parts, s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        this.readDouble(parts);
        continue;
      }
      if (c === "$") {
        this.readDollar(parts, false);
        continue;
      }
      if (c === "`") {
        parts.push({ k: "cmd", src: this.readBacktick(), q: false });
        continue;
      }
      pushLit(parts, c, false);
      this.pos++;
    }
    return { parts, raw: s.slice(start, this.pos) };
  }

  /** Inside "...": `\` escapes only $ ` " \ and newline. */
  private readDouble(parts: WordPart[]): void {
    const s = this.src;
    // An empty "" still makes a (quoted, empty) word.
    pushLit(parts, "", true);
    for (;;) {
      if (this.pos >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `\"'");
      const c = s[this.pos];
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === "\\") {
        const n = s[this.pos + 1];
        if (n === "\n") {
          this.pos += 2;
          continue;
        }
        if (n === "$" || n === "`" || n === '"' || n === "\\") {
          pushLit(parts, n, true);
          this.pos += 2;
          continue;
        }
        pushLit(parts, "\\", true);
        this.pos++;
        continue;
      }
      if (c === "$") {
        this.readDollar(parts, true);
        continue;
      }
      if (c === "`") {
        parts.push({ k: "cmd", src: this.readBacktick(), q: true });
        continue;
      }
      pushLit(parts, c, true);
      this.pos++;
    }
  }

  readBacktick(): string {
    const s = this.src;
    let out = "";
    let i = this.pos + 1;
    for (;;) {
      if (i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching ``'");
      const c = s[i];
      if (c === "`") break;
      if (c === "\\" && (s[i + 1] === "$" || s[i + 1] === "`" || s[i + 1] === "\\")) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      out += c;
      i++;
    }
    this.pos = i + 1;
    return out;
  }

  readDollar(parts: WordPart[], q: boolean): void {
    const s = this.src;
    const n = s[this.pos + 1];
    if (n === "(") {
      if (s[this.pos + 2] === "(") {
        const end = findArithEnd(s, this.pos + 3);
        if (end >= 0) {
          parts.push({ k: "arith", src: s.slice(this.pos + 3, end), q });
          this.pos = end + 2;
          return;
        }
      }
      const startInner = this.pos + 2;
      const end = findCloseParen(s, startInner);
      parts.push({ k: "cmd", src: s.slice(startInner, end), q });
      this.pos = end + 1;
      return;
    }
    if (n === "{") {
      this.readBrace(parts, q);
      return;
    }
    if (n === "'" && !q) {
      const [text, end] = ansiC(s, this.pos + 2);
      pushLit(parts, text, true);
      this.pos = end;
      return;
    }
    if (n === '"' && !q) {
      this.pos++;
      return;
    }
    if (n !== undefined && NAME_START.test(n)) {
      let i = this.pos + 1;
      while (i < s.length && NAME_CHAR.test(s[i])) i++;
      parts.push({ k: "param", name: s.slice(this.pos + 1, i), q });
      this.pos = i;
      return;
    }
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      parts.push({ k: "param", name: n, q });
      this.pos += 2;
      return;
    }
    pushLit(parts, "$", q);
    this.pos++;
  }

  /** `${name}`, `${#name}`, `${name:-word}` and the other operators. */
  private readBrace(parts: WordPart[], q: boolean): void {
    const s = this.src;
    const start = this.pos;
    // Find the matching brace, skipping quotes and nested ${...}.
    let depth = 0;
    let i = this.pos + 2;
    for (;;) {
      if (i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `}'");
      const c = s[i];
      if (c === "\\") i += 2;
      else if (c === "'" && !q) {
        const e = s.indexOf("'", i + 1);
        if (e < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
        i = e + 1;
      } else if (c === "$" && s[i + 1] === "{") {
        depth++;
        i += 2;
      } else if (c === "$" && s[i + 1] === "(") {
        i = findCloseParen(s, i + 2) + 1;
      } else if (c === "}") {
        if (depth === 0) break;
        depth--;
        i++;
      } else i++;
    }
    const inner = s.slice(start + 2, i);
    this.pos = i + 1;
    const raw = s.slice(start, i + 1);
    let m = /^#([A-Za-z_][A-Za-z0-9_]*|[?$#!0-9])$/.exec(inner);
    if (m) {
      parts.push({ k: "param", name: m[1], q, op: "len" });
      return;
    }
    m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!\-0-9])(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/)?([\s\S]*)$/.exec(inner);
    if (!m || (!m[2] && m[3] !== "")) {
      parts.push({ k: "bad", raw, q });
      return;
    }
    if (!m[2]) {
      parts.push({ k: "param", name: m[1], q });
      return;
    }
    const sub = new Lexer(m[3]);
    const argParts: WordPart[] = [];
    sub.readArg(argParts, q);
    parts.push({ k: "param", name: m[1], q, op: m[2], arg: argParts });
  }

  /** The word of `${x:-word}`: spaces are part of it. */
  readArg(parts: WordPart[], q: boolean): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === "\\") {
        pushLit(parts, s[this.pos + 1] ?? "\\", true);
        this.pos += 2;
      } else if (c === "'" && !q) {
        const end = s.indexOf("'", this.pos + 1);
        pushLit(parts, s.slice(this.pos + 1, end), true);
        this.pos = end + 1;
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts);
      } else if (c === "$") this.readDollar(parts, q);
      else if (c === "`") parts.push({ k: "cmd", src: this.readBacktick(), q });
      else {
        pushLit(parts, c, q);
        this.pos++;
      }
    }
  }
}

function pushLit(parts: WordPart[], v: string, q: boolean): void {
  const last = parts[parts.length - 1];
  if (last && last.k === "lit" && last.q === q) last.v += v;
  else parts.push({ k: "lit", v, q });
}

/** The text of a word with its quotes removed (here-document delimiters). */
export function unquoteRaw(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "\\") {
      out += raw[i + 1] ?? "";
      i++;
    } else if (c === "'") {
      const e = raw.indexOf("'", i + 1);
      out += raw.slice(i + 1, e < 0 ? raw.length : e);
      i = e < 0 ? raw.length : e;
    } else if (c === '"') {
      let j = i + 1;
      while (j < raw.length && raw[j] !== '"') {
        if (raw[j] === "\\" && j + 1 < raw.length) j++;
        out += raw[j];
        j++;
      }
      i = j;
    } else out += c;
  }
  return out;
}

/** Position of the `)` that closes a `$(` whose contents start at `from` (quotes and nesting respected). */
function findCloseParen(s: string, from: number): number {
  const sub = new Lexer(s);
  sub.pos = from;
  let depth = 0;
  for (;;) {
    const t = sub.next();
    if (t.t === "eof") throw new ShellSyntaxError("unexpected EOF while looking for matching `)'");
    if (t.t === "op" && t.v === "(") depth++;
    if (t.t === "op" && t.v === ")") {
      if (depth === 0) return t.pos;
      depth--;
    }
  }
}

/** Position of the `))` that closes `$((`, or -1 when the parentheses do not pair up as arithmetic. */
function findArithEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === "(") depth++;
    else if (c === ")") {
      if (depth === 0) return s[i + 1] === ")" ? i : -1;
      depth--;
    } else if (c === "\n") return -1;
  }
  return -1;
}

/** `$'...'`: returns the text and the position after the closing quote. */
function ansiC(s: string, from: number): [string, number] {
  let out = "";
  let i = from;
  for (;;) {
    if (i >= s.length) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
    const c = s[i];
    if (c === "'") return [out, i + 1];
    if (c !== "\\") {
      out += c;
      i++;
      continue;
    }
    const n = s[i + 1];
    i += 2;
    const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
    if (n in simple) out += simple[n];
    else if (n === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i));
      if (m) {
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else out += "\\x";
    } else if (n >= "0" && n <= "7") {
      const m = /^[0-7]{1,3}/.exec(s.slice(i - 1))!;
      out += String.fromCharCode(parseInt(m[0], 8));
      i += m[0].length - 1;
    } else out += "\\" + (n ?? "");
  }
}

/** An unquoted here-document body: `$` expansions and backquotes; `\` escapes only $ ` \ and newline. */
export function parseHereDocBody(body: string): WordPart[] {
  const lx = new Lexer(body);
  const parts: WordPart[] = [];
  const s = body;
  while (lx.pos < s.length) {
    const c = s[lx.pos];
    if (c === "\\") {
      const n = s[lx.pos + 1];
      if (n === "\n") {
        lx.pos += 2;
        continue;
      }
      if (n === "$" || n === "`" || n === "\\") {
        pushLit(parts, n, true);
        lx.pos += 2;
        continue;
      }
      pushLit(parts, "\\", true);
      lx.pos++;
      continue;
    }
    if (c === "$") {
      lx.readDollar(parts, true);
      continue;
    }
    if (c === "`") {
      parts.push({ k: "cmd", src: lx.readBacktick(), q: true });
      continue;
    }
    pushLit(parts, c, true);
    lx.pos++;
  }
  return parts;
}
