// grep [-ivcEFonwqlLhHxs] [-e PATTERN]... PATTERNS [FILE]... — streams stdin line by line,
// so `kubectl get pods -w | grep web` prints matches as they come. Exit 0 on a match, 1 on none, 2 on error.
import type { CommandFn, InputSource } from "../types";
import { command, compileRegex, openInput, parseOptions, readLines } from "./util";

export const grep: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "ivcEFGonwqlLhHxsrRzZ",
    values: "efmABC",
    long: {
      "ignore-case": "i",
      "invert-match": "v",
      count: "c",
      "extended-regexp": "E",
      "fixed-strings": "F",
      "basic-regexp": "G",
      "only-matching": "o",
      "line-number": "n",
      "word-regexp": "w",
      "line-regexp": "x",
      quiet: "q",
      silent: "q",
      "files-with-matches": "l",
      "files-without-match": "L",
      "no-filename": "h",
      "with-filename": "H",
      "no-messages": "s",
      regexp: "e",
      file: "f",
      "max-count": "m",
      color: "Z",
      colour: "Z",
    },
    usageExit: 2,
    usage: "Usage: grep [OPTION]... PATTERNS [FILE]...",
  });
  let operands = o.operands;
  let patterns: string[];
  if (o.has("e")) patterns = o.all("e");
  else {
    if (!operands.length) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns = [operands[0]];
    operands = operands.slice(1);
  }
  patterns = patterns.flatMap((p) => p.split("\n"));
  const fixed = o.has("F");
  const extended = o.has("E");
  let sources: string[];
  try {
    sources = patterns.map((p) => {
      let src = fixed ? p.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&") : compileRegex(p, extended).source;
      if (o.has("w")) src = `(?<![A-Za-z0-9_])(?:${src})(?![A-Za-z0-9_])`;
      if (o.has("x")) src = `^(?:${src})$`;
      return src;
    });
    new RegExp(sources.join("|"));
  } catch {
    ctx.stderr.write(extended ? "grep: Unmatched ( or \\(\n" : "grep: Invalid regular expression\n");
    return 2;
  }
  const re = new RegExp(sources.map((s) => `(?:${s})`).join("|"), o.has("i") ? "gi" : "g");
  const invert = o.has("v");
  const files = operands.length ? operands : ["-"];
  const prefix = o.has("H") || (files.length > 1 && !o.has("h"));
  const max = o.has("m") ? Number(o.get("m")) : Infinity;
  let matchedAny = false;
  let error = false;
  for (const f of files) {
    const name = f === "-" ? "(standard input)" : f;
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      if (!o.has("s")) ctx.stderr.write(`grep: ${f}: Is a directory\n`);
      error = true;
      continue;
    }
    let input: InputSource | undefined;
    if (f === "-") input = ctx.stdin;
    else {
      input = o.has("s") ? (ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f)) ? openInput(ctx, f) : undefined) : openInput(ctx, f);
    }
    if (!input) {
      error = true;
      continue;
    }
    let count = 0;
    let lineNo = 0;
    for await (const { line } of readLines(input)) {
      if (ctx.host.signal.aborted) return 130;
      lineNo++;
      re.lastIndex = 0;
      const hit = re.test(line);
      if (hit === invert) continue;
      count++;
      matchedAny = true;
      if (o.has("q")) return 0;
      if (o.has("l") || o.has("L")) break;
      if (!o.has("c")) {
        const lead = (prefix ? name + ":" : "") + (o.has("n") ? lineNo + ":" : "");
        if (o.has("o") && !invert) {
          re.lastIndex = 0;
          let out = "";
          for (const m of line.matchAll(re)) if (m[0] !== "") out += lead + m[0] + "\n";
          ctx.stdout.write(out);
        } else if (!o.has("o")) ctx.stdout.write(lead + line + "\n");
      }
      if (count >= max) break;
    }
    if (o.has("c")) ctx.stdout.write((prefix ? name + ":" : "") + count + "\n");
    if (o.has("l") && count) ctx.stdout.write(name + "\n");
    if (o.has("L") && !count) ctx.stdout.write(name + "\n");
  }
  if (error && !(o.has("q") && matchedAny)) return 2;
  return matchedAny ? 0 : 1;
});
