// tail [-n N|-N|-n +N] [-c N] [FILE]... (-f is not supported: files here never grow behind one's back).
import type { CommandFn } from "../types";
import { command, parseOptions, readInput } from "./util";

export const tail: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "qvfF", values: "nc", long: { lines: "n", bytes: "c", quiet: "q", verbose: "v", follow: "f" }, numericShort: "n" });
  const raw = o.get("n") ?? "10";
  const bytes = o.get("c");
  const spec = bytes ?? raw;
  const m = /^([+-]?)(\d+)$/.exec(spec.trim());
  if (!m) {
    ctx.stderr.write(`tail: invalid number of ${bytes !== undefined ? "bytes" : "lines"}: ‘${spec}’\n`);
    return 1;
  }
  const fromStart = m[1] === "+";
  const n = Number(m[2]);
  const files = o.operands.length ? o.operands : ["-"];
  const headers = (files.length > 1 && !o.has("q")) || o.has("v");
  let status = 0;
  let first = true;
  for (const f of files) {
    if (f !== "-" && !ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))) {
      ctx.stderr.write(`tail: cannot open '${f}' for reading: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      ctx.stderr.write(`tail: error reading '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    const text = await readInput(ctx, f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    if (headers) ctx.stdout.write(`${first ? "" : "\n"}==> ${f === "-" ? "standard input" : f} <==\n`);
    first = false;
    if (bytes !== undefined) {
      ctx.stdout.write(fromStart ? text.slice(Math.max(0, n - 1)) : n === 0 ? "" : text.slice(-n));
      continue;
    }
    const lines = text.split(/(?<=\n)/).filter((l) => l !== "");
    ctx.stdout.write((fromStart ? lines.slice(Math.max(0, n - 1)) : n === 0 ? [] : lines.slice(-n)).join(""));
  }
  return status;
});
