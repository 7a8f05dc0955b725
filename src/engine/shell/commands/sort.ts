// sort [-nrufbhV] [-k POS1[,POS2]] [-t SEP] [FILE]...
import type { CommandFn } from "../types";
import { command, parseOptions, readInput, splitLines } from "./util";

export const sort: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "nrufbhVcs",
    values: "ktoS",
    long: { "numeric-sort": "n", reverse: "r", unique: "u", "ignore-case": "f", key: "k", "field-separator": "t", output: "o", "human-numeric-sort": "h", "version-sort": "V", stable: "s", "ignore-leading-blanks": "b" },
  });
  const sep = o.get("t");
  if (sep !== undefined && sep.length !== 1) {
    ctx.stderr.write(sep === "" ? "sort: empty tab\n" : `sort: multi-character tab ‘${sep}’\n`);
    return 2;
  }
  const keys: { start: number; startChar: number; end?: number; opts: string }[] = [];
  for (const k of o.all("k")) {
    const m = /^(\d+)(?:\.(\d+))?([bdfgihMnRrV]*)(?:,(\d+)(?:\.\d+)?([bdfgihMnRrV]*))?$/.exec(k);
    if (!m || m[1] === "0") {
      ctx.stderr.write(m ? "sort: field number is zero: invalid field specification ‘" + k + "’\n" : `sort: invalid number at field start: invalid count at start of ‘${k}’\n`);
      return 2;
    }
    keys.push({ start: Number(m[1]), startChar: Number(m[2] ?? 0), end: m[4] ? Number(m[4]) : undefined, opts: (m[3] ?? "") + (m[5] ?? "") });
  }
  const files = o.operands.length ? o.operands : ["-"];
  const lines: string[] = [];
  for (const f of files) {
    if (f !== "-" && ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))?.type === "dir") {
      ctx.stderr.write(`sort: read failed: ${f}: Is a directory\n`);
      return 2;
    }
    if (f !== "-" && !ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f))) {
      ctx.stderr.write(`sort: cannot read: ${f}: No such file or directory\n`);
      return 2;
    }
    const t = await readInput(ctx, f);
    if (t === undefined) return 2;
    lines.push(...splitLines(t));
  }
  const fields = (line: string): string[] => (sep !== undefined ? line.split(sep) : line.match(/\s*\S+/g) ?? []);
  const keyText = (line: string, k: (typeof keys)[number]): string => {
    const fs = fields(line);
    const end = k.end ?? fs.length;
    let text = fs.slice(k.start - 1, end).join(sep ?? "");
    if (k.startChar) text = text.slice(k.startChar - 1);
    return text;
  };
  const globalOpts = ["n", "r", "f", "b", "h", "V"].filter((f) => o.has(f)).join("");
  const cmp = (a: string, b: string, opts: string): number => {
    if (opts.includes("b")) {
      a = a.trimStart();
      b = b.trimStart();
    }
    if (opts.includes("n") || opts.includes("g")) {
      const d = numeric(a) - numeric(b);
      if (d) return d;
      return 0;
    }
    if (opts.includes("h")) return humanNum(a) - humanNum(b);
    if (opts.includes("V")) return a.localeCompare(b, "en", { numeric: true });
    if (opts.includes("f")) {
      a = a.toUpperCase();
      b = b.toUpperCase();
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  const compare = (a: string, b: string): number => {
    for (const k of keys) {
      const opts = k.opts || globalOpts;
      const c = cmp(keyText(a, k), keyText(b, k), opts);
      if (c) return opts.includes("r") ? -c : c;
    }
    if (keys.length && o.has("u")) return 0;
    const c = keys.length ? 0 : cmp(a, b, globalOpts);
    if (c || o.has("s") || o.has("u")) return o.has("r") ? -c : c;
    // Last resort: the whole line, bytewise.
    const l = a < b ? -1 : a > b ? 1 : 0;
    return o.has("r") ? -l : l;
  };
  let sorted = lines.map((l, i) => [l, i] as const).sort((x, y) => compare(x[0], y[0]) || x[1] - y[1]).map(([l]) => l);
  if (o.has("u")) sorted = sorted.filter((l, i) => i === 0 || compare(sorted[i - 1], l) !== 0);
  const out = sorted.map((l) => l + "\n").join("");
  const target = o.get("o");
  if (target !== undefined) ctx.fs.writeFile(ctx.fs.resolve(ctx.cwd, target), out);
  else ctx.stdout.write(out);
  return 0;
});

function numeric(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

function humanNum(s: string): number {
  const m = /^\s*(-?\d*\.?\d+)([KMGTPE]?)/i.exec(s);
  if (!m) return 0;
  return Number(m[1]) * 1024 ** " KMGTPE".indexOf((m[2] || " ").toUpperCase());
}
