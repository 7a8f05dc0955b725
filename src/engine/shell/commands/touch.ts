// touch [-c] FILE...
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, parseOptions } from "./util";

export const touch: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "acm", values: "dtr", long: { "no-create": "c", date: "d", reference: "r" } });
  if (!o.operands.length) {
    ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const f of o.operands) {
    const path = ctx.fs.resolve(ctx.cwd, f);
    if (o.has("c") && !ctx.fs.stat(path)) continue;
    try {
      ctx.fs.touch(path);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`touch: cannot touch '${f}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});
