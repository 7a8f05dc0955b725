// sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]... [SCRIPT] [FILE]... — s///, d, p, q, =, a, i, c, y,
// addresses (N, $, /re/, ranges, !). Streams unless the script needs to know the last line ($).
import type { CommandContext, CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, compileRegex, openInput, parseOptions, readLines } from "./util";

type Addr = { kind: "line"; n: number } | { kind: "last" } | { kind: "re"; re: RegExp };

interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  text?: string;
  from?: string;
  to?: string;
  exitCode?: number;
  /** Range state: inside a range. */
  active?: boolean;
  endLine?: number;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): Cmd[] {
  const cmds: Cmd[] = [];
  let i = 0;
  const err = (msg: string): never => {
    throw new SedError(`-e expression #1, char ${Math.min(i + 1, script.length)}: ${msg}`);
  };
  const readDelimited = (delim: string): string => {
    let out = "";
    while (i < script.length && script[i] !== delim) {
      if (script[i] === "\\" && i + 1 < script.length) {
        if (script[i + 1] === delim) out += delim;
        else if (script[i + 1] === "n") out += "\\n";
        else out += script[i] + script[i + 1];
        i += 2;
        continue;
      }
      if (script[i] === "\n") break;
      out += script[i++];
    }
    if (script[i] !== delim) return err(`unterminated address regex`);
    i++;
    return out;
  };
  const regex = (src: string, flags: string): RegExp => {
    try {
      return compileRegex(src, extended, flags);
    } catch {
      return err("Invalid preceding regular expression");
    }
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(script[i] ?? "")) {
      const m = /^\d+/.exec(script.slice(i))!;
      i += m[0].length;
      return { kind: "line", n: Number(m[0]) };
    }
    if (script[i] === "$") {
      i++;
      return { kind: "last" };
    }
    if (script[i] === "/" || script[i] === "\\") {
      let delim = "/";
      if (script[i] === "\\") {
        delim = script[i + 1];
        i++;
      }
      i++;
      const src = readDelimited(delim);
      let flags = "";
      if (script[i] === "I") {
        flags = "i";
        i++;
      }
      return { kind: "re", re: regex(src, flags) };
    }
    return undefined;
  };
  while (i < script.length) {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
    if (i >= script.length) break;
    if (script[i] === "#") {
      while (i < script.length && script[i] !== "\n") i++;
      continue;
    }
    const cmd: Cmd = { negate: false, name: "" };
    cmd.a1 = addr();
    if (cmd.a1 && script[i] === ",") {
      i++;
      cmd.a2 = addr();
      if (!cmd.a2) err("unexpected `,'");
    }
    while (script[i] === " ") i++;
    if (script[i] === "!") {
      cmd.negate = true;
      i++;
      while (script[i] === " ") i++;
    }
    const name = script[i++];
    if (name === undefined) err("missing command");
    cmd.name = name;
    switch (name) {
      case "s": {
        const delim = script[i++];
        if (delim === undefined || delim === "\n" || delim === "\\") err("unterminated `s' command");
        let pat = "";
        while (i < script.length && script[i] !== delim) {
          if (script[i] === "\\" && i + 1 < script.length) {
            pat += script[i + 1] === delim ? (/[.*[\]^$+?(){}|/]/.test(delim) ? "\\" + delim : delim) : script[i] + script[i + 1];
            i += 2;
            continue;
          }
          pat += script[i++];
        }
        if (script[i] !== delim) err("unterminated `s' command");
        i++;
        let rep = "";
        while (i < script.length && script[i] !== delim) {
          if (script[i] === "\\" && i + 1 < script.length) {
            rep += script[i + 1] === delim ? delim : script[i] + script[i + 1];
            i += 2;
            continue;
          }
          rep += script[i++];
        }
        if (script[i] !== delim) err("unterminated `s' command");
        i++;
        let flags = "";
        cmd.global = false;
        while (i < script.length && /[gpiIme0-9]/.test(script[i])) {
          const f = script[i++];
          if (f === "g") cmd.global = true;
          else if (f === "p") cmd.print = true;
          else if (f === "i" || f === "I") flags += "i";
          else if (/\d/.test(f)) {
            const m = /^\d+/.exec(script.slice(i - 1))!;
            cmd.occurrence = Number(m[0]);
            i += m[0].length - 1;
          }
        }
        if (i < script.length && !/[\s;}]/.test(script[i])) err(`unknown option to \`s'`);
        cmd.re = regex(pat, flags + "g");
        cmd.replacement = rep;
        break;
      }
      case "y": {
        const delim = script[i++];
        const from = readDelimited(delim);
        const to = readDelimited(delim);
        if ([...from].length !== [...to].length) err("strings for `y' command are different lengths");
        cmd.from = from;
        cmd.to = to;
        break;
      }
      case "a":
      case "i":
      case "c": {
        // GNU: blanks before the text are skipped; after `a\` (one-liner or newline) they are kept.
        while (script[i] === " " || script[i] === "\t") i++;
        if (script[i] === "\\") {
          i++;
          if (script[i] === "\n") i++;
        }
        let text = "";
        while (i < script.length && script[i] !== "\n") {
          if (script[i] === "\\" && i + 1 < script.length) {
            text += script[i + 1] === "n" ? "\n" : script[i + 1] === "t" ? "\t" : script[i + 1];
            i += 2;
            continue;
          }
          text += script[i++];
        }
        cmd.text = text;
        break;
      }
      case "q":
      case "Q": {
        const m = /^\s*(\d+)/.exec(script.slice(i));
        if (m) {
          cmd.exitCode = Number(m[1]);
          i += m[0].length;
        }
        break;
      }
      case "d":
      case "p":
      case "=":
      case "D":
      case "P":
      case "n":
      case "N":
      case "h":
      case "H":
      case "g":
      case "G":
      case "x":
      case "l":
        break;
      case "{":
      case "}":
        err("unknown command: `" + name + "'");
        break;
      default:
        err(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  return cmds;
}

function expandReplacement(rep: string, m: RegExpExecArray): string {
  let out = "";
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === "&") out += m[0];
    else if (c === "\\" && i + 1 < rep.length) {
      const n = rep[++i];
      if (/\d/.test(n)) out += m[Number(n)] ?? "";
      else if (n === "n") out += "\n";
      else if (n === "t") out += "\t";
      else out += n;
    } else out += c;
  }
  return out;
}

async function runSed(ctx: CommandContext, cmds: Cmd[], inputs: (() => ReturnType<typeof readLines>)[], quiet: boolean, write: (s: string) => void): Promise<number | undefined> {
  const needLast = cmds.some((c) => c.a1?.kind === "last" || c.a2?.kind === "last");
  let lineNo = 0;
  let hold = "";
  for (const c of cmds) c.active = false;
  const lines = async function* () {
    for (const open of inputs) yield* open();
  };
  const it = lines()[Symbol.asyncIterator]();
  let cur = await it.next();
  while (!cur.done) {
    let next: IteratorResult<{ line: string; newline: boolean }> | undefined;
    if (needLast) next = await it.next();
    const isLast = needLast ? next!.done === true : false;
    lineNo++;
    let ps = cur.value.line;
    const nl = cur.value.newline ? "\n" : "";
    let deleted = false;
    let append = "";
    let quit: number | undefined;
    let quitNoPrint = false;
    const matches = (a: Addr): boolean => (a.kind === "line" ? lineNo === a.n : a.kind === "last" ? isLast : a.re.test(ps) && ((a.re.lastIndex = 0), true));
    for (const c of cmds) {
      let sel: boolean;
      if (!c.a1) sel = true;
      else if (!c.a2) sel = matches(c.a1);
      else if (c.active) {
        sel = true;
        if (c.a2.kind === "line" ? lineNo >= c.a2.n : matches(c.a2)) c.active = false;
      } else if (matches(c.a1)) {
        sel = true;
        c.active = !(c.a2.kind === "line" && c.a2.n <= lineNo);
      } else sel = false;
      if (c.negate) sel = !sel;
      if (!sel) continue;
      switch (c.name) {
        case "s": {
          const re = c.re!;
          re.lastIndex = 0;
          let count = 0;
          let replaced = false;
          ps = ps.replace(re, (...args) => {
            count++;
            const m = args.slice(0, -2) as unknown as RegExpExecArray;
            const whole = args[0] as string;
            if ((c.occurrence && count < c.occurrence) || (!c.global && (c.occurrence ? count > c.occurrence : count > 1))) return whole;
            if (c.global && c.occurrence && count < c.occurrence) return whole;
            replaced = true;
            return expandReplacement(c.replacement!, m);
          });
          if (replaced && c.print) write(ps + "\n");
          break;
        }
        case "y": {
          const from = [...c.from!];
          const to = [...c.to!];
          ps = [...ps].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)] : ch)).join("");
          break;
        }
        case "d":
          deleted = true;
          break;
        case "p":
          write(ps + "\n");
          break;
        case "=":
          write(lineNo + "\n");
          break;
        case "a":
          append += c.text + "\n";
          break;
        case "i":
          write(c.text + "\n");
          break;
        case "c":
          if (!c.a2 || !c.active) write(c.text + "\n");
          deleted = true;
          break;
        case "q":
          quit = c.exitCode ?? 0;
          break;
        case "Q":
          quit = c.exitCode ?? 0;
          quitNoPrint = true;
          break;
        case "h":
          hold = ps;
          break;
        case "H":
          hold += "\n" + ps;
          break;
        case "g":
          ps = hold;
          break;
        case "G":
          ps += "\n" + hold;
          break;
        case "x":
          [ps, hold] = [hold, ps];
          break;
        default:
          break;
      }
      if (deleted || quit !== undefined) break;
    }
    if (!deleted && !quiet && !quitNoPrint) write(ps + (nl || append ? "\n" : ""));
    if (append) write(append);
    if (quit !== undefined) return quit;
    cur = needLast ? next! : await it.next();
  }
  return undefined;
}

export const sed: CommandFn = command(async (ctx) => {
  // -i takes an optional attached suffix; handle it before the generic parser.
  const argv = ctx.argv.slice(1);
  let inPlace = false;
  const rest: string[] = [];
  for (const a of argv) {
    if (/^-i/.test(a) || a.startsWith("--in-place")) inPlace = true;
    else if (/^-[nEr]+i/.test(a)) {
      inPlace = true;
      rest.push(a.slice(0, a.indexOf("i")));
    } else rest.push(a);
  }
  const o = parseOptions(ctx, { flags: "nErsuz", values: "ef", long: { quiet: "n", silent: "n", "regexp-extended": "E", expression: "e", file: "f", separate: "s" } }, rest);
  let scripts = o.all("e");
  let files = o.operands;
  if (!scripts.length) {
    if (!files.length) {
      ctx.stderr.write("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n");
      return 1;
    }
    scripts = [files[0]];
    files = files.slice(1);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(scripts.join("\n"), o.has("E") || o.has("r"));
  } catch (e) {
    if (e instanceof SedError) {
      ctx.stderr.write(`sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const quiet = o.has("n");
  if (inPlace) {
    if (!files.length) {
      ctx.stderr.write("sed: no input files\n");
      return 1;
    }
    let status = 0;
    for (const f of files) {
      const path = ctx.fs.resolve(ctx.cwd, f);
      const input = openInput(ctx, f);
      if (!input) {
        status = 2;
        continue;
      }
      let out = "";
      const q = await runSed(ctx, cmds, [() => readLines(input)], quiet, (s) => (out += s));
      try {
        ctx.fs.writeFile(path, out);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(`sed: couldn't write to ${f}: ${e.message}\n`);
        status = 4;
      }
      if (q !== undefined) return q;
    }
    return status;
  }
  let status = 0;
  const inputs = (files.length ? files : ["-"]).map((f) => () => {
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      ctx.stderr.write(`sed: couldn't edit ${f}: not a regular file\n`);
      status = 2;
      return readLines({ read: async () => null });
    }
    if (f !== "-" && !ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))) {
      ctx.stderr.write(`sed: can't read ${f}: No such file or directory\n`);
      status = 2;
      return readLines({ read: async () => null });
    }
    return readLines(openInput(ctx, f)!);
  });
  const q = await runSed(ctx, cmds, inputs, quiet, (s) => ctx.stdout.write(s));
  return q ?? status;
});
