// wc [-lwcm] [FILE]... — GNU's column widths (7 when stdin is counted, else the total's digits).
import type { CommandFn } from "../types";
import { byteLength } from "../vfs";
import { command, parseOptions, readInput } from "./util";

export const wc: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "lwcmL", long: { lines: "l", words: "w", bytes: "c", chars: "m", "max-line-length": "L" } });
  let which = ["l", "w", "m", "c", "L"].filter((k) => o.has(k));
  if (!which.length) which = ["l", "w", "c"];
  const files = o.operands.length ? o.operands : ["-"];
  const rows: [number[], string | undefined][] = [];
  const total = which.map(() => 0);
  let status = 0;
  let usesStdin = false;
  let fileBytes = 0;
  for (const f of files) {
    if (f === "-") usesStdin = true;
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      ctx.stderr.write(`wc: ${f}: Is a directory\n`);
      rows.push([which.map(() => 0), f]);
      status = 1;
      continue;
    }
    const text = await readInput(ctx, f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    if (f !== "-") fileBytes += byteLength(text);
    const counts = which.map((k) => count(text, k));
    counts.forEach((c, i) => (total[i] += c));
    rows.push([counts, f === "-" && !o.operands.length ? undefined : f]);
  }
  if (files.length > 1) rows.push([total, "total"]);
  let width = usesStdin ? 7 : Math.max(1, String(fileBytes).length);
  if (which.length === 1 && files.length === 1) width = 1;
  for (const [counts, name] of rows) {
    ctx.stdout.write(counts.map((c) => String(c).padStart(width)).join(" ") + (name !== undefined ? " " + name : "") + "\n");
  }
  return status;
});

function count(text: string, k: string): number {
  switch (k) {
    case "l":
      return (text.match(/\n/g) ?? []).length;
    case "w":
      return text.split(/\s+/).filter((w) => w !== "").length;
    case "m":
      return [...text].length;
    case "L":
      return Math.max(0, ...text.split("\n").map((l) => l.length));
    default:
      return byteLength(text);
  }
}
