// head [-n N|-N] [-c N] [FILE]... — stops reading (and so stops a streaming writer) once it has its lines.
import type { CommandFn } from "../types";
import { command, openInput, parseOptions } from "./util";

export const head: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "qv", values: "nc", long: { lines: "n", bytes: "c", quiet: "q", silent: "q", verbose: "v" }, numericShort: "n" });
  const raw = o.get("n") ?? "10";
  const bytes = o.get("c");
  const n = parseCount(bytes ?? raw);
  if (n === undefined) {
    ctx.stderr.write(`head: invalid number of ${bytes !== undefined ? "bytes" : "lines"}: ‘${bytes ?? raw}’\n`);
    return 1;
  }
  const files = o.operands.length ? o.operands : ["-"];
  const headers = (files.length > 1 && !o.has("q")) || o.has("v");
  let status = 0;
  let first = true;
  for (const f of files) {
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      ctx.stderr.write(`head: error reading '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    if (f !== "-" && !ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))) {
      ctx.stderr.write(`head: cannot open '${f}' for reading: No such file or directory\n`);
      status = 1;
      continue;
    }
    const input = openInput(ctx, f)!;
    if (headers) ctx.stdout.write(`${first ? "" : "\n"}==> ${f === "-" ? "standard input" : f} <==\n`);
    first = false;
    if (n.negative) {
      // All but the last N.
      let text = "";
      for (let c = await input.read(); c !== null; c = await input.read()) text += c;
      if (bytes !== undefined) ctx.stdout.write(text.slice(0, Math.max(0, text.length - n.value)));
      else {
        const lines = text.split(/(?<=\n)/);
        ctx.stdout.write(lines.slice(0, Math.max(0, lines.length - n.value)).join(""));
      }
      continue;
    }
    let left = n.value;
    while (left > 0) {
      const chunk = await input.read();
      if (chunk === null) break;
      if (bytes !== undefined) {
        ctx.stdout.write(chunk.slice(0, left));
        left -= Math.min(left, chunk.length);
        continue;
      }
      let i = 0;
      let end = 0;
      while (left > 0 && (i = chunk.indexOf("\n", end)) >= 0) {
        end = i + 1;
        left--;
      }
      ctx.stdout.write(left > 0 ? chunk : chunk.slice(0, end));
    }
  }
  return status;
});

function parseCount(s: string): { value: number; negative: boolean } | undefined {
  const m = /^(-?)(\d+)([kKmMbB]?)$/.exec(s.trim());
  if (!m) return undefined;
  const mult = { "": 1, k: 1024, K: 1024, m: 1024 * 1024, M: 1024 * 1024, b: 512, B: 512 }[m[3]] ?? 1;
  return { value: Number(m[2]) * mult, negative: m[1] === "-" };
}
