// xargs [-n N] [-I REPL] [-0] [-r] [-d DELIM] [COMMAND [ARG]...] — runs COMMAND (default echo) with
// the words of stdin appended.
import { shellQuote } from "../interpreter";
import type { CommandFn } from "../types";
import { command, parseOptions, readAll } from "./util";

export const xargs: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "0rtx",
    values: "nIdLP",
    long: { "max-args": "n", replace: "I", null: "0", "no-run-if-empty": "r", delimiter: "d", verbose: "t" },
    stopAtOperand: true,
  });
  const input = await readAll(ctx.stdin);
  let items: string[];
  const repl = o.get("I");
  if (o.has("0")) items = input.split("\0").filter((s) => s !== "");
  else if (o.has("d")) items = input.split(o.get("d")!.replace("\\n", "\n")).filter((s) => s !== "");
  else if (repl !== undefined || o.has("L")) items = input.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  else {
    items = [];
    const re = /"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g;
    for (const m of input.matchAll(re)) items.push(m[1] ?? m[2] ?? m[3].replace(/\\(.)/g, "$1"));
  }
  const cmd = o.operands.length ? o.operands : ["echo"];
  if (!items.length && (o.has("r") || repl !== undefined)) return 0;
  const batches: string[][] = [];
  if (repl !== undefined) for (const it of items) batches.push(cmd.map((a) => a.split(repl).join(it)));
  else {
    const n = o.has("n") ? Math.max(1, Number(o.get("n"))) : o.has("L") ? Math.max(1, Number(o.get("L"))) : Infinity;
    if (!items.length) batches.push([...cmd]);
    for (let i = 0; i < items.length; i += n === Infinity ? items.length : n) batches.push([...cmd, ...items.slice(i, i + (n === Infinity ? items.length : n))]);
  }
  let status = 0;
  for (const argv of batches) {
    if (ctx.host.signal.aborted) return 130;
    if (o.has("t")) ctx.stderr.write(argv.join(" ") + "\n");
    const s = await ctx.shell.runSubshell(argv.map(shellQuote).join(" "), { stdout: ctx.stdout, stderr: ctx.stderr, host: ctx.host, stdoutIsTerminal: false });
    if (s === 127) return 127;
    if (s !== 0) status = 123;
  }
  return status;
});
