// mkdir [-pv] DIRECTORY...
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, parseOptions } from "./util";

export const mkdir: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "pv", values: "m", long: { parents: "p", verbose: "v", mode: "m" } });
  if (!o.operands.length) {
    ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const d of o.operands) {
    const path = ctx.fs.resolve(ctx.cwd, d);
    try {
      if (o.has("p") && ctx.fs.stat(path)?.type === "dir") continue;
      ctx.fs.mkdir(path, o.has("p"));
      if (o.has("v")) ctx.stdout.write(`mkdir: created directory '${d}'\n`);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`mkdir: cannot create directory ‘${d}’: ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});
