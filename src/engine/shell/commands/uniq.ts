// uniq [-cdui] [INPUT [OUTPUT]] — streams.
import type { CommandFn } from "../types";
import { command, openInput, parseOptions, readLines } from "./util";

export const uniq: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "cdui", values: "fs", long: { count: "c", repeated: "d", unique: "u", "ignore-case": "i", "skip-fields": "f", "skip-chars": "s" } });
  const input = openInput(ctx, o.operands[0] ?? "-");
  if (!input) return 1;
  const skipF = Number(o.get("f") ?? 0);
  const skipC = Number(o.get("s") ?? 0);
  const key = (l: string) => {
    let k = l;
    for (let i = 0; i < skipF; i++) k = k.replace(/^\s*\S+/, "");
    k = k.slice(skipC);
    return o.has("i") ? k.toLowerCase() : k;
  };
  let out = "";
  const flush = (line: string, n: number) => {
    if (o.has("d") && n < 2) return;
    if (o.has("u") && n > 1) return;
    const text = (o.has("c") ? String(n).padStart(7) + " " : "") + line + "\n";
    if (o.operands[1] !== undefined) out += text;
    else ctx.stdout.write(text);
  };
  let prev: string | undefined;
  let n = 0;
  for await (const { line } of readLines(input)) {
    if (prev !== undefined && key(prev) === key(line)) {
      n++;
      continue;
    }
    if (prev !== undefined) flush(prev, n);
    prev = line;
    n = 1;
  }
  if (prev !== undefined) flush(prev, n);
  if (o.operands[1] !== undefined) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, o.operands[1]), out);
  return 0;
});
