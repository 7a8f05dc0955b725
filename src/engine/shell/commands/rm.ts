// rm [-rfiv] FILE...
import type { CommandFn } from "../types";
import { VfsError } from "../vfs";
import { command, parseOptions } from "./util";

export const rm: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "rRfivd", long: { recursive: "r", force: "f", verbose: "v", dir: "d", interactive: "i" } });
  const recursive = o.has("r") || o.has("R");
  const force = o.has("f");
  if (!o.operands.length) {
    if (force) return 0;
    ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const f of o.operands) {
    const path = ctx.fs.resolve(ctx.cwd, f);
    if (path === "/" ) {
      ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/?$/.test(f)) {
      ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${f}'\n`);
      status = 1;
      continue;
    }
    const st = ctx.fs.stat(path);
    if (!st) {
      if (!force) {
        ctx.stderr.write(`rm: cannot remove '${f}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (st.type === "dir" && !recursive) {
      if (o.has("d")) {
        try {
          ctx.fs.remove(path, false);
        } catch (e) {
          if (!(e instanceof VfsError)) throw e;
          ctx.stderr.write(`rm: cannot remove '${f}': ${e.message}\n`);
          status = 1;
        }
        continue;
      }
      ctx.stderr.write(`rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    try {
      ctx.fs.remove(path, true);
      if (o.has("v")) ctx.stdout.write(st.type === "dir" ? `removed directory '${f}'\n` : `removed '${f}'\n`);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`rm: cannot remove '${f}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});
