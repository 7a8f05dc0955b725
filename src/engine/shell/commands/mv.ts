// mv [-fvn] SOURCE DEST | SOURCE... DIRECTORY
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { targets } from "./cp";
import { command, parseOptions } from "./util";

export const mv: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "fvni", long: { force: "f", verbose: "v", "no-clobber": "n" } });
  const t = targets(ctx, "mv", o.operands);
  if (typeof t === "number") return t;
  let status = 0;
  for (const [shown, src, dst] of t) {
    if (!ctx.fs.stat(src)) {
      ctx.stderr.write(`mv: cannot stat '${shown}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (src === dst) {
      ctx.stderr.write(`mv: '${shown}' and '${o.operands[o.operands.length - 1]}' are the same file\n`);
      status = 1;
      continue;
    }
    if (o.has("n") && ctx.fs.stat(dst)) continue;
    try {
      ctx.fs.rename(src, dst);
      if (o.has("v")) ctx.stdout.write(`renamed '${shown}' -> '${o.operands[o.operands.length - 1]}'\n`);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      if (e.message === "Invalid argument") ctx.stderr.write(`mv: cannot move '${shown}' to a subdirectory of itself, '${o.operands[o.operands.length - 1]}'\n`);
      else ctx.stderr.write(`mv: cannot move '${shown}' to '${o.operands[o.operands.length - 1]}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});
