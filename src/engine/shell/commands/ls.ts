// ls [-laA1dhrtRF] [FILE]... — columns on a terminal, one name per line otherwise; -l long format.
import type { CommandContext, CommandFn, ShellFsStat } from "../types";
import { command, MONTHS, parseOptions } from "./util";

interface Entry {
  name: string;
  path: string;
  st: ShellFsStat;
}

export const ls: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "laA1dhrtRFS",
    long: { all: "a", "almost-all": "A", directory: "d", "human-readable": "h", reverse: "r", recursive: "R", classify: "F" },
    usageExit: 2,
  });
  const operands = o.operands.length ? o.operands : ["."];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = ctx.fs.resolve(ctx.cwd, name);
    const st = ctx.fs.stat(path);
    if (!st) {
      ctx.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
      continue;
    }
    if (st.type === "dir" && !o.has("d")) dirs.push({ name, path, st });
    else files.push({ name, path, st });
  }
  const sections: string[] = [];
  if (files.length) sections.push(render(ctx, o, sort(files, o)));
  const showHeaders = operands.length > 1 || o.has("R");
  const queue = sort(dirs, o);
  while (queue.length) {
    const d = queue.shift()!;
    let entries: Entry[] = [];
    for (const name of ctx.fs.readdir(d.path)) {
      if (name.startsWith(".") && !o.has("a") && !o.has("A")) continue;
      const p = d.path === "/" ? "/" + name : d.path + "/" + name;
      entries.push({ name, path: p, st: ctx.fs.stat(p)! });
    }
    if (o.has("a")) {
      entries.push({ name: ".", path: d.path, st: d.st }, { name: "..", path: d.path, st: { type: "dir", size: 4096, mtimeMs: d.st.mtimeMs } });
    }
    entries = sort(entries, o);
    let text = render(ctx, o, entries, true);
    if (showHeaders) text = `${d.name}:\n` + text;
    sections.push(text);
    if (o.has("R")) {
      const sub = entries.filter((e) => e.st.type === "dir" && e.name !== "." && e.name !== "..").map((e) => ({ ...e, name: (d.name.endsWith("/") ? d.name : d.name + "/") + e.name }));
      queue.unshift(...sub);
    }
  }
  ctx.stdout.write(sections.join("\n"));
  return status;
});

function sort(entries: Entry[], o: ReturnType<typeof parseOptions>): Entry[] {
  const out = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (o.has("t")) out.sort((a, b) => b.st.mtimeMs - a.st.mtimeMs);
  if (o.has("S")) out.sort((a, b) => b.st.size - a.st.size);
  if (o.has("r")) out.reverse();
  return out;
}

function suffix(e: Entry, o: ReturnType<typeof parseOptions>): string {
  return o.has("F") && e.st.type === "dir" ? "/" : "";
}

function render(ctx: CommandContext, o: ReturnType<typeof parseOptions>, entries: Entry[], isDir = false): string {
  if (o.has("l")) return long(ctx, o, entries, isDir);
  const names = entries.map((e) => e.name + suffix(e, o));
  if (!names.length) return "";
  if (!ctx.stdoutIsTerminal || o.has("1")) return names.join("\n") + "\n";
  return columns(names, Number(ctx.env.COLUMNS) || 80);
}

/** GNU ls's vertical columns: the most columns that fit the width, names filled down each column. */
export function columns(names: string[], width: number): string {
  const n = names.length;
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    const realCols = Math.ceil(n / rows);
    const widths: number[] = [];
    for (let c = 0; c < realCols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const i = c * rows + r;
        if (i < n) w = Math.max(w, names[i].length);
      }
      widths.push(w + (c < realCols - 1 ? 2 : 0));
    }
    if (cols > 1 && widths.reduce((a, b) => a + b, 0) > width) continue;
    let out = "";
    for (let r = 0; r < rows; r++) {
      let line = "";
      for (let c = 0; c < realCols; c++) {
        const i = c * rows + r;
        if (i >= n) continue;
        line += c < realCols - 1 && (c + 1) * rows + r < n ? names[i].padEnd(widths[c]) : names[i];
      }
      out += line + "\n";
    }
    return out;
  }
  return names.join("\n") + "\n";
}

function human(n: number): string {
  if (n < 1024) return String(n);
  const units = ["K", "M", "G", "T"];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return (v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) : String(Math.ceil(v))) + units[u];
}

function long(ctx: CommandContext, o: ReturnType<typeof parseOptions>, entries: Entry[], isDir: boolean): string {
  const now = ctx.host.now();
  const sizes = entries.map((e) => (o.has("h") ? human(e.st.size) : String(e.st.size)));
  const links = entries.map((e) => (e.st.type === "dir" ? String(2 + countSubdirs(ctx, e)) : "1"));
  const sw = Math.max(0, ...sizes.map((s) => s.length));
  const lw = Math.max(0, ...links.map((s) => s.length));
  const blocks = entries.reduce((sum, e) => sum + (e.st.type === "dir" ? 4 : Math.ceil(e.st.size / 4096) * 4), 0);
  let out = isDir ? `total ${o.has("h") ? human(blocks * 1024) : blocks}\n` : "";
  entries.forEach((e, i) => {
    const mode = e.st.type === "dir" ? "drwxr-xr-x" : "-rw-r--r--";
    out += `${mode} ${links[i].padStart(lw)} root root ${sizes[i].padStart(sw)} ${lsDate(e.st.mtimeMs, now)} ${e.name}${suffix(e, o)}\n`;
  });
  return out;
}

function countSubdirs(ctx: CommandContext, e: Entry): number {
  if (e.name === "..") return 1;
  try {
    return ctx.fs.readdir(e.path).filter((n) => ctx.fs.stat(e.path + "/" + n)?.type === "dir").length;
  } catch {
    return 0;
  }
}

/** `Nov 22 12:37` within six months, `Jan  1  1970` otherwise (UTC). */
export function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = now - ms < 182.5 * 86400_000 && ms - now < 3600_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : String(d.getUTCFullYear()).padStart(5);
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}
