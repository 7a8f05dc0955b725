// Helpers shared by the commands: GNU-style option parsing, messages, reading files or stdin.
import { LIMITS } from "../../limits";
import { readAll, readLines, StringSource } from "../streams";
import type { CommandContext, InputSource } from "../types";
import { VfsError } from "../vfs";

export { readAll, readLines };

export interface OptSpec {
  /** Flags without a value, e.g. "lai1". */
  flags?: string;
  /** Options taking a value, e.g. "nk". */
  values?: string;
  /** Long names: `--lines` → "n", `--ignore-case` → "i". */
  long?: Record<string, string>;
  /** Long options that take a value (by their short key). */
  longValues?: string[];
  /** Allow `-5` as `-n 5` (head, tail). */
  numericShort?: string;
  /** Exit status for usage errors (coreutils: 1; ls, grep: 2). */
  usageExit?: number;
  /** The `Usage:` line some tools print before `Try ...`. */
  usage?: string;
  /** Stop option parsing at the first operand (xargs, watch, env). */
  stopAtOperand?: boolean;
}

export interface Opts {
  /** Short key → values given (flags have ""), in order. */
  has(key: string): boolean;
  get(key: string): string | undefined;
  all(key: string): string[];
  count(key: string): number;
  operands: string[];
}

/** Thrown by `parseOptions`; the command returns `usageExit` after the message was printed. */
export class UsageError extends Error {
  constructor(readonly exit: number) {
    super("usage");
  }
}

/** GNU getopt_long-like parsing; prints coreutils' message and throws UsageError on bad options. */
export function parseOptions(ctx: CommandContext, spec: OptSpec, args = ctx.argv.slice(1)): Opts {
  const name = ctx.argv[0];
  const got: [string, string][] = [];
  const operands: string[] = [];
  const flags = spec.flags ?? "";
  const values = spec.values ?? "";
  const fail = (msg: string): never => {
    ctx.stderr.write(`${name}: ${msg}\n${spec.usage ? spec.usage + "\n" : ""}Try '${name} --help' for more information.\n`);
    throw new UsageError(spec.usageExit ?? 1);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const lname = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long ?? {}).filter((k) => k === lname || k.startsWith(lname));
      const exact = matches.includes(lname) ? lname : matches.length === 1 ? matches[0] : undefined;
      if (!exact) {
        if (matches.length > 1) fail(`option '${a}' is ambiguous`);
        fail(`unrecognized option '${a}'`);
      }
      const key = spec.long![exact!];
      const takes = (spec.longValues ?? []).includes(key) || values.includes(key);
      if (takes) {
        if (eq >= 0) got.push([key, a.slice(eq + 1)]);
        else if (i + 1 < args.length) got.push([key, args[++i]]);
        else fail(`option '--${exact}' requires an argument`);
      } else {
        if (eq >= 0) fail(`option '--${exact}' doesn't allow an argument`);
        got.push([key, ""]);
      }
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      if (spec.numericShort && /^-\d+$/.test(a)) {
        got.push([spec.numericShort, a.slice(1)]);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (values.includes(c)) {
          const rest = a.slice(j + 1);
          if (rest) got.push([c, rest]);
          else if (i + 1 < args.length) got.push([c, args[++i]]);
          else fail(`option requires an argument -- '${c}'`);
          break;
        }
        if (flags.includes(c)) got.push([c, ""]);
        else fail(`invalid option -- '${c}'`);
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...args.slice(i + 1));
      break;
    }
  }
  return {
    has: (k) => got.some(([g]) => g === k),
    get: (k) => {
      for (let i = got.length - 1; i >= 0; i--) if (got[i][0] === k) return got[i][1];
      return undefined;
    },
    all: (k) => got.filter(([g]) => g === k).map(([, v]) => v),
    count: (k) => got.filter(([g]) => g === k).length,
    operands,
  };
}

/** Runs a command body, turning UsageError into its exit status. */
export function command(fn: (ctx: CommandContext) => Promise<number>): (ctx: CommandContext) => Promise<number> {
  return async (ctx) => {
    try {
      return await fn(ctx);
    } catch (e) {
      if (e instanceof UsageError) return e.exit;
      throw e;
    }
  };
}

/** Whether `file` names the command's own stdin (/dev/stdin, /dev/fd/0, /proc/self/fd/0). */
function isStdinPath(ctx: CommandContext, file: string): boolean {
  const abs = ctx.fs.resolve(ctx.cwd, file);
  return abs === "/dev/stdin" || abs === "/dev/fd/0" || abs === "/proc/self/fd/0";
}

/** Reads a named file (or stdin for "-"); prints `name: file: error` and returns undefined on failure. */
export async function readInput(ctx: CommandContext, file: string): Promise<string | undefined> {
  if (file === "-" || isStdinPath(ctx, file)) return readAll(ctx.stdin, LIMITS.shell.maxFileBytes * 4);
  try {
    return ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file));
  } catch (e) {
    if (e instanceof VfsError) {
      ctx.stderr.write(`${ctx.argv[0]}: ${file}: ${e.message}\n`);
      return undefined;
    }
    throw e;
  }
}

/** An input for a named file or stdin ("-"), or undefined after printing the error. */
export function openInput(ctx: CommandContext, file: string): InputSource | undefined {
  if (file === "-" || isStdinPath(ctx, file)) return ctx.stdin;
  try {
    return new StringSource(ctx.fs.readFile(ctx.fs.resolve(ctx.cwd, file)));
  } catch (e) {
    if (e instanceof VfsError) {
      ctx.stderr.write(`${ctx.argv[0]}: ${file}: ${e.message}\n`);
      return undefined;
    }
    throw e;
  }
}

/** Splits text into lines without their newlines (a trailing newline ends the last line, adds none). */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Backslash escapes as `echo -e` and `printf` interpret them. Returns the text and whether `\c` stopped output. */
export function interpretEscapes(s: string, printf = false): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    switch (n) {
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "a":
        out += "\x07";
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "v":
        out += "\v";
        break;
      case "e":
      case "E":
        out += "\x1b";
        break;
      case "\\":
        out += "\\";
        break;
      case "c":
        return { text: out, stop: true };
      case "x": {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += "\\x";
        break;
      }
      case "0": {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))!;
        out += String.fromCharCode(parseInt(m[0] || "0", 8));
        i += m[0].length;
        break;
      }
      default:
        if (printf && n >= "1" && n <= "7") {
          const m = /^[0-7]{1,3}/.exec(s.slice(i))!;
          out += String.fromCharCode(parseInt(m[0], 8));
          i += m[0].length - 1;
        } else if (printf && (n === '"' || n === "'")) out += n;
        else out += "\\" + n;
    }
  }
  return { text: out, stop: false };
}

/** Writes `name: msg` to stderr. */
export function complain(ctx: CommandContext, msg: string): void {
  ctx.stderr.write(`${ctx.argv[0]}: ${msg}\n`);
}

/** The path's error as coreutils print it, or undefined. */
export function vfsMessage(e: unknown): string | undefined {
  return e instanceof VfsError ? e.message : undefined;
}

/** Compiles a POSIX extended (or basic, converted) regular expression to JavaScript. */
export function compileRegex(pattern: string, extended: boolean, flags = ""): RegExp {
  let src = extended ? convertEre(pattern) : convertBre(pattern);
  src = src.replace(/\[\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit|blank):\]\]/g, (_, n: string) => `[${POSIX[n]}]`);
  src = src.replace(/\[:(alpha|digit|alnum|upper|lower|space|punct|xdigit|blank):\]/g, (_, n: string) => POSIX[n]);
  return new RegExp(src, flags);
}

const POSIX: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
};

function convertEre(p: string): string {
  // ERE is close to JavaScript; `{` not starting a bound is literal in GNU.
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      const n = p[i + 1];
      out += n === "<" || n === ">" ? "\\b" : "\\" + n;
      i++;
    } else if (c === "{" && !/^\{\d+(,\d*)?\}/.test(p.slice(i))) out += "\\{";
    else if (c === "[") {
      const end = classEnd(p, i);
      out += p.slice(i, end + 1).replace(/\\/g, "\\\\");
      i = end;
    } else out += c;
  }
  return out;
}

function convertBre(p: string): string {
  // BRE: \( \) \{ \} \| \+ \? are operators; ( ) { } | + ? are literal.
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) {
      const n = p[i + 1];
      if ("(){}|+?".includes(n)) out += n;
      else if (n === "<" || n === ">") out += "\\b";
      else out += "\\" + n;
      i++;
    } else if ("(){}|+?".includes(c)) out += "\\" + c;
    else if (c === "*" && (i === 0 || out.endsWith("^"))) out += "\\*";
    else if (c === "[") {
      const end = classEnd(p, i);
      out += p.slice(i, end + 1).replace(/\\/g, "\\\\");
      i = end;
    } else out += c;
  }
  return out;
}

function classEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === "^") j++;
  if (p[j] === "]") j++;
  for (; j < p.length; j++) {
    if (p[j] === "[" && p[j + 1] === ":") {
      const e = p.indexOf(":]", j + 2);
      if (e > 0) {
        j = e + 1;
        continue;
      }
    }
    if (p[j] === "]") return j;
  }
  return p.length - 1;
}

/** Months and days as C's locale prints them. */
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
export const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
