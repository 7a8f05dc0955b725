// cat [-nbsAE] [FILE]... — streams stdin ("-" or no file) as it arrives.
import type { CommandFn } from "../types";
import { command, openInput, parseOptions } from "./util";

export const cat: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "nbsEAvTu", long: { number: "n", "number-nonblank": "b", "squeeze-blank": "s", "show-ends": "E", "show-all": "A" } });
  const files = o.operands.length ? o.operands : ["-"];
  const numberAll = o.has("n");
  const numberNonBlank = o.has("b");
  const squeeze = o.has("s");
  const ends = o.has("E") || o.has("A");
  const plain = !numberAll && !numberNonBlank && !squeeze && !ends;
  let status = 0;
  let lineNo = 0;
  let prevBlank = false;
  let atLineStart = true;
  for (const f of files) {
    const st = f === "-" ? undefined : ctx.fs.stat(ctx.fs.resolve(ctx.cwd, f));
    if (st?.type === "dir") {
      ctx.stderr.write(`cat: ${f}: Is a directory\n`);
      status = 1;
      continue;
    }
    const input = openInput(ctx, f);
    if (!input) {
      status = 1;
      continue;
    }
    for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
      if (ctx.host.signal.aborted) return 130;
      if (plain) {
        ctx.stdout.write(chunk);
        continue;
      }
      let out = "";
      for (const piece of chunk.split(/(?<=\n)/)) {
        const nl = piece.endsWith("\n");
        const body = nl ? piece.slice(0, -1) : piece;
        const blank = atLineStart && body === "" && nl;
        if (squeeze && blank && prevBlank) continue;
        if (atLineStart && (numberAll || (numberNonBlank && !blank))) out += String(++lineNo).padStart(6) + "\t";
        out += body + (nl ? (ends ? "$\n" : "\n") : "");
        if (atLineStart) prevBlank = blank;
        atLineStart = nl;
      }
      ctx.stdout.write(out);
    }
  }
  return status;
});
