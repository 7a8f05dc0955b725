// The shell's parser: tokens to an AST. Like bash it parses one complete command (up to a newline
// at the top level) at a time, so a script runs line by line and an alias defined on one line
// applies to the next.
import { LIMITS } from "../limits";
import { Lexer, ShellSyntaxError, type HereDoc, type Token, type Word } from "./lexer";

export type { Word, WordPart, HereDoc } from "./lexer";
export { ShellSyntaxError } from "./lexer";

export interface Redir {
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `>|`, `<>` */
  op: string;
  /** The file descriptor written before the operator (`2>`); absent means the operator's default. */
  fd?: number;
  target?: Word;
  heredoc?: HereDoc;
}

export interface Assign {
  name: string;
  value: Word;
  /** `A+=b` */
  append: boolean;
}

export type Command =
  | { type: "simple"; assigns: Assign[]; words: Word[]; redirs: Redir[] }
  | { type: "group"; body: List; redirs: Redir[] }
  | { type: "subshell"; body: List; redirs: Redir[] }
  | { type: "for"; name: string; items: Word[] | null; body: List; redirs: Redir[] }
  | { type: "while"; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { type: "if"; clauses: { cond: List; body: List }[]; orElse?: List; redirs: Redir[] }
  | { type: "function"; name: string; body: Command; redirs: Redir[] };

export interface Pipeline {
  type: "pipeline";
  bang: boolean;
  commands: Command[];
}

export interface AndOr {
  type: "andor";
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

export interface List {
  type: "list";
  items: { andOr: AndOr; background: boolean }[];
}

const RESERVED_ENDS = new Set(["then", "elif", "else", "fi", "do", "done", "}", "in", "esac"]);

function tokenText(t: Token): string {
  if (t.t === "eof") return "newline";
  if (t.t === "op") return t.v === "\n" ? "newline" : t.v;
  if (t.t === "redir") return (t.fd ?? "") + t.op;
  return t.word.raw;
}

/** The plain text of a word when it has no quoting or expansions (reserved words, alias names). */
export function plainWord(w: Word): string | undefined {
  if (w.parts.length === 1 && w.parts[0].k === "lit" && !w.parts[0].q) return w.parts[0].v;
  if (w.parts.length === 0) return undefined;
  return undefined;
}

export class Parser {
  readonly lexer: Lexer;
  private depth = 0;

  constructor(
    src: string,
    private aliases: Record<string, string> = {},
  ) {
    this.lexer = new Lexer(src);
  }

  /** Warnings to print (unterminated here-documents), in order; cleared when read. */
  takeWarnings(): string[] {
    return this.lexer.warnings.splice(0);
  }

  /** The next top-level complete command, or null at the end of the input. */
  parseNext(): List | null {
    this.skipNewlines();
    if (this.lexer.peek().t === "eof") return null;
    const list = this.parseList(true);
    const t = this.lexer.peek();
    if (t.t === "op" && t.v === "\n") this.lexer.next();
    else if (t.t !== "eof") this.unexpected(t);
    return list;
  }

  /** Parses a whole script (tests, `$(...)` bodies). */
  parseAll(): List {
    const items: List["items"] = [];
    for (let l = this.parseNext(); l; l = this.parseNext()) items.push(...l.items);
    return { type: "list", items };
  }

  private unexpected(t: Token): never {
    if (t.t === "eof") throw new ShellSyntaxError("syntax error: unexpected end of file");
    throw new ShellSyntaxError(`syntax error near unexpected token \`${tokenText(t)}'`);
  }

  private skipNewlines(): void {
    for (;;) {
      const t = this.lexer.peek();
      if (t.t === "op" && t.v === "\n") this.lexer.next();
      else return;
    }
  }

  private isOp(t: Token, v: string): boolean {
    return t.t === "op" && t.v === v;
  }

  private isReserved(t: Token, v: string): boolean {
    return t.t === "word" && plainWord(t.word) === v;
  }

  /**
   * A list: and-or lists separated by `;`, `&` or (except at the top level) newlines. Stops before a
   * token that cannot start a command (a closing reserved word, `)`, end of input).
   */
  private parseList(top: boolean): List {
    const items: List["items"] = [];
    for (;;) {
      if (!top) this.skipNewlines();
      const t = this.lexer.peek();
      if (t.t === "eof" || this.isOp(t, ")") || (t.t === "word" && RESERVED_ENDS.has(plainWord(t.word) ?? "") && items.length)) break;
      if (t.t === "op" && t.v === "\n") break;
      if (t.t === "word" && RESERVED_ENDS.has(plainWord(t.word) ?? "") && !items.length) this.unexpected(t);
      const andOr = this.parseAndOr();
      const sep = this.lexer.peek();
      if (this.isOp(sep, ";") || this.isOp(sep, "&")) {
        this.lexer.next();
        items.push({ andOr, background: sep.t === "op" && sep.v === "&" });
        continue;
      }
      items.push({ andOr, background: false });
      if (this.isOp(sep, "\n")) {
        if (top) break;
        continue;
      }
      break;
    }
    if (!items.length) this.unexpected(this.lexer.peek());
    return { type: "list", items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      const t = this.lexer.peek();
      if (t.t === "op" && (t.v === "&&" || t.v === "||")) {
        this.lexer.next();
        this.skipNewlines();
        rest.push({ op: t.v, pipeline: this.parsePipeline() });
      } else break;
    }
    return { type: "andor", first, rest };
  }

  private parsePipeline(): Pipeline {
    let bang = false;
    if (this.isReserved(this.lexer.peek(), "!")) {
      this.lexer.next();
      bang = true;
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const t = this.lexer.peek();
      if (t.t === "op" && (t.v === "|" || t.v === "|&")) {
        this.lexer.next();
        this.skipNewlines();
        const cmd = this.parseCommand();
        if (t.v === "|&") commands[commands.length - 1].redirs.push({ op: ">&", fd: 2, target: { parts: [{ k: "lit", v: "1", q: false }], raw: "1" } });
        commands.push(cmd);
        if (commands.length > LIMITS.shell.maxPipelineStages) {
          throw new ShellSyntaxError(`pipeline of more than ${LIMITS.shell.maxPipelineStages} commands: split it into shorter command lines`);
        }
      } else break;
    }
    return { type: "pipeline", bang, commands };
  }

  private enter(): void {
    if (++this.depth > LIMITS.shell.maxNestingDepth * 4) throw new ShellSyntaxError(`commands nested more than ${LIMITS.shell.maxNestingDepth * 4} deep`);
  }

  private parseCommand(): Command {
    this.enter();
    try {
      const t = this.lexer.peek();
      this.expandAlias();
      const tt = this.lexer.peek();
      if (tt !== t && tt.t === "eof") this.unexpected(tt);
      let cmd: Command;
      if (this.isOp(tt, "(")) {
        this.lexer.next();
        const body = this.parseList(false);
        this.expect(")");
        cmd = { type: "subshell", body, redirs: [] };
      } else if (this.isReserved(tt, "{")) {
        this.lexer.next();
        const body = this.parseList(false);
        this.expectWord("}");
        cmd = { type: "group", body, redirs: [] };
      } else if (this.isReserved(tt, "for")) cmd = this.parseFor();
      else if (this.isReserved(tt, "while") || this.isReserved(tt, "until")) cmd = this.parseWhile();
      else if (this.isReserved(tt, "if")) cmd = this.parseIf();
      else if (this.isReserved(tt, "function")) {
        this.lexer.next();
        const n = this.lexer.next();
        if (n.t !== "word") this.unexpected(n);
        const p = this.lexer.peek();
        if (this.isOp(p, "(")) {
          this.lexer.next();
          this.expect(")");
        }
        this.skipNewlines();
        cmd = { type: "function", name: n.word.raw, body: this.parseCommand(), redirs: [] };
      } else return this.parseSimple();
      this.parseRedirs(cmd.redirs);
      return cmd;
    } finally {
      this.depth--;
    }
  }

  private expect(op: string): void {
    const t = this.lexer.next();
    if (!this.isOp(t, op)) this.unexpected(t);
  }

  private expectWord(w: string): void {
    const t = this.lexer.next();
    if (!this.isReserved(t, w)) this.unexpected(t);
  }

  private parseRedirs(into: Redir[]): void {
    for (;;) {
      const t = this.lexer.peek();
      if (t.t !== "redir") return;
      into.push(this.parseRedir());
    }
  }

  private parseRedir(): Redir {
    const t = this.lexer.next();
    if (t.t !== "redir") this.unexpected(t);
    const target = this.lexer.next();
    if (target.t === "eof") throw new ShellSyntaxError("syntax error near unexpected token `newline'");
    if (target.t !== "word") this.unexpected(target);
    return { op: t.op, fd: t.fd, target: target.word, heredoc: t.heredoc };
  }

  private parseFor(): Command {
    this.lexer.next();
    const nameTok = this.lexer.next();
    if (nameTok.t !== "word" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.word.raw)) {
      if (nameTok.t === "word") throw new ShellSyntaxError(`\`${nameTok.word.raw}': not a valid identifier`);
      this.unexpected(nameTok);
    }
    let items: Word[] | null = null;
    let t = this.lexer.peek();
    if (this.isOp(t, ";")) {
      this.lexer.next();
    } else {
      this.skipNewlines();
      t = this.lexer.peek();
      if (this.isReserved(t, "in")) {
        this.lexer.next();
        items = [];
        for (;;) {
          const w = this.lexer.peek();
          if (w.t !== "word") break;
          this.lexer.next();
          items.push(w.word);
        }
        const sep = this.lexer.next();
        if (!this.isOp(sep, ";") && !this.isOp(sep, "\n")) this.unexpected(sep);
      }
    }
    this.skipNewlines();
    this.expectWord("do");
    const body = this.parseList(false);
    this.expectWord("done");
    return { type: "for", name: nameTok.word.raw, items, body, redirs: [] };
  }

  private parseWhile(): Command {
    const kw = this.lexer.next();
    const cond = this.parseList(false);
    this.expectWord("do");
    const body = this.parseList(false);
    this.expectWord("done");
    return { type: "while", until: kw.t === "word" && kw.word.raw === "until", cond, body, redirs: [] };
  }

  private parseIf(): Command {
    this.lexer.next();
    const clauses: { cond: List; body: List }[] = [];
    let orElse: List | undefined;
    for (;;) {
      const cond = this.parseList(false);
      this.expectWord("then");
      const body = this.parseList(false);
      clauses.push({ cond, body });
      const t = this.lexer.next();
      if (this.isReserved(t, "elif")) continue;
      if (this.isReserved(t, "else")) {
        orElse = this.parseList(false);
        this.expectWord("fi");
        break;
      }
      if (this.isReserved(t, "fi")) break;
      this.unexpected(t);
    }
    return { type: "if", clauses, orElse, redirs: [] };
  }

  /** Replaces an alias name in command position by the tokens of its value (not recursively). */
  private expandAlias(): void {
    for (let guard = 0; guard < LIMITS.shell.maxNestingDepth; guard++) {
      const t = this.lexer.peek();
      if (t.t !== "word") return;
      const name = plainWord(t.word);
      if (name === undefined || !Object.prototype.hasOwnProperty.call(this.aliases, name) || t.fromAlias?.has(name)) return;
      this.lexer.next();
      const seen = new Set(t.fromAlias ?? []);
      seen.add(name);
      const tokens = new Lexer(this.aliases[name]).all();
      for (const tok of tokens) tok.fromAlias = seen;
      this.lexer.unshift(tokens);
      if (!tokens.length) return;
    }
  }

  private parseSimple(): Command {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.lexer.peek();
      if (t.t === "redir") {
        redirs.push(this.parseRedir());
        continue;
      }
      if (t.t !== "word") break;
      if (!words.length) {
        const a = asAssignment(t.word);
        if (a) {
          this.lexer.next();
          assigns.push(a);
          if (assigns.length === 1 || true) this.expandAliasAfterAssign();
          continue;
        }
      }
      // Function definition: name ( ) compound
      if (!words.length && !assigns.length) {
        this.lexer.next();
        const p = this.lexer.peek();
        if (this.isOp(p, "(")) {
          this.lexer.next();
          this.expect(")");
          this.skipNewlines();
          const name = t.word.raw;
          const body = this.parseCommand();
          if (body.type === "simple") throw new ShellSyntaxError(`syntax error near unexpected token \`${body.words[0]?.raw ?? "newline"}'`);
          return { type: "function", name, body, redirs: [] };
        }
        words.push(t.word);
        continue;
      }
      this.lexer.next();
      words.push(t.word);
    }
    if (!words.length && !assigns.length && !redirs.length) this.unexpected(this.lexer.peek());
    return { type: "simple", assigns, words, redirs };
  }

  private expandAliasAfterAssign(): void {
    const t = this.lexer.peek();
    if (t.t === "word" && !asAssignment(t.word)) this.expandAlias();
  }
}

/** `NAME=value` (or `NAME+=value`) as typed, with the name unquoted. */
function asAssignment(w: Word): Assign | undefined {
  const first = w.parts[0];
  if (!first || first.k !== "lit" || first.q) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.v);
  if (!m) return undefined;
  const rest = first.v.slice(m[0].length);
  const parts = rest ? [{ ...first, v: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], append: m[2] === "+", value: { parts, raw: w.raw.slice(m[0].length) } };
}

/** Parses a whole script into one list (throws ShellSyntaxError). */
export function parse(src: string, aliases: Record<string, string> = {}): List {
  return new Parser(src, aliases).parseAll();
}
