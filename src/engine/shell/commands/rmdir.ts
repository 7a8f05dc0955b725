// rmdir DIRECTORY...
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, parseOptions } from "./util";

export const rmdir: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "pv", long: { parents: "p", verbose: "v" } });
  if (!o.operands.length) {
    ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const d of o.operands) {
    const path = ctx.fs.resolve(ctx.cwd, d);
    try {
      const st = ctx.fs.stat(path);
      if (st && st.type !== "dir") throw new VfsError("Not a directory", path);
      ctx.fs.remove(path, false);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`rmdir: failed to remove '${d}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});
