// tee [-a] [FILE]... — copies stdin to stdout and files as it arrives.
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, parseOptions } from "./util";

export const tee: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "ai", long: { append: "a", "ignore-interrupts": "i" } });
  let status = 0;
  const paths: [string, string][] = [];
  for (const f of o.operands) {
    const p = ctx.fs.resolve(ctx.cwd, f);
    try {
      if (!o.has("a") || !ctx.fs.stat(p)) ctx.fs.writeFile(p, "");
      paths.push([f, p]);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`tee: ${f}: ${e.message}\n`);
      status = 1;
    }
  }
  for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
    ctx.stdout.write(c);
    for (let i = 0; i < paths.length; i++) {
      try {
        ctx.fs.writeFile(paths[i][1], c, true);
      } catch (e) {
        if (!(e instanceof VfsError)) throw e;
        ctx.stderr.write(`tee: ${paths[i][0]}: ${e.message}\n`);
        paths.splice(i--, 1);
        status = 1;
      }
    }
  }
  return status;
});
