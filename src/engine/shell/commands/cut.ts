// cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE]... — streams.
import type { CommandFn } from "../types";
import { command, openInput, parseOptions, readLines } from "./util";

export const cut: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "sn",
    values: "fdcb",
    long: { fields: "f", delimiter: "d", characters: "c", bytes: "b", "only-delimited": "s", "output-delimiter": "O" },
    longValues: ["O"],
  });
  const modes = ["f", "c", "b"].filter((k) => o.has(k));
  if (modes.length === 0) {
    ctx.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  if (modes.length > 1) {
    ctx.stderr.write("cut: only one type of list may be specified\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const mode = modes[0];
  const list = o.get(mode)!;
  const ranges: [number, number][] = [];
  for (const part of list.split(",")) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === "" && m[3] === "") || m[1] === "0" || m[3] === "0") {
      ctx.stderr.write(m && (m[1] === "0" || m[3] === "0") ? `cut: fields and positions are numbered from 1\nTry 'cut --help' for more information.\n` : `cut: invalid field value ‘${part}’\nTry 'cut --help' for more information.\n`);
      return 1;
    }
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    ranges.push([a, b]);
  }
  const delim = o.get("d") ?? "\t";
  if (mode === "f" && delim.length !== 1) {
    ctx.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const outDelim = o.get("O") ?? (mode === "f" ? delim : "");
  const selected = (i: number) => ranges.some(([a, b]) => i >= a && i <= b);
  let status = 0;
  for (const f of o.operands.length ? o.operands : ["-"]) {
    const input = openInput(ctx, f);
    if (!input) {
      status = 1;
      continue;
    }
    for await (const { line } of readLines(input)) {
      let out: string;
      if (mode === "f") {
        if (!line.includes(delim)) {
          if (o.has("s")) continue;
          out = line;
        } else out = line.split(delim).filter((_, i) => selected(i + 1)).join(outDelim);
      } else {
        out = [...line].filter((_, i) => selected(i + 1)).join(outDelim);
      }
      ctx.stdout.write(out + "\n");
    }
  }
  return status;
});
