// cp [-rRfvp] SOURCE DEST | SOURCE... DIRECTORY
import type { CommandContext, CommandFn } from "../types";
import { Vfs, VfsError } from "../vfs";
import { command, parseOptions } from "./util";

/** The destination of each source: into DIRECTORY when the target is one (or several sources). */
export function targets(ctx: CommandContext, name: string, operands: string[]): [string, string, string][] | number {
  if (!operands.length) {
    ctx.stderr.write(`${name}: missing file operand\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  if (operands.length === 1) {
    ctx.stderr.write(`${name}: missing destination file operand after '${operands[0]}'\nTry '${name} --help' for more information.\n`);
    return 1;
  }
  const dest = operands[operands.length - 1];
  const destPath = ctx.fs.resolve(ctx.cwd, dest);
  const destIsDir = ctx.fs.stat(destPath)?.type === "dir";
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !destIsDir) {
    ctx.stderr.write(`${name}: target '${dest}' is not a directory\n`);
    return 1;
  }
  return sources.map((s) => {
    const src = ctx.fs.resolve(ctx.cwd, s);
    return [s, src, destIsDir ? (destPath === "/" ? "" : destPath) + "/" + Vfs.baseName(src) : destPath];
  });
}

export const cp: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, { flags: "rRfvpain", long: { recursive: "r", force: "f", verbose: "v", archive: "a", "no-clobber": "n" } });
  const t = targets(ctx, "cp", o.operands);
  if (typeof t === "number") return t;
  const recursive = o.has("r") || o.has("R") || o.has("a");
  let status = 0;
  for (const [shown, src, dst] of t) {
    const st = ctx.fs.stat(src);
    if (!st) {
      ctx.stderr.write(`cp: cannot stat '${shown}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (src === dst) {
      ctx.stderr.write(`cp: '${shown}' and '${shown}' are the same file\n`);
      status = 1;
      continue;
    }
    if (o.has("n") && ctx.fs.stat(dst)) continue;
    try {
      if (st.type === "dir") {
        if (!recursive) {
          ctx.stderr.write(`cp: -r not specified; omitting directory '${shown}'\n`);
          status = 1;
          continue;
        }
        if (ctx.fs.stat(dst)?.type === "file") {
          ctx.stderr.write(`cp: cannot overwrite non-directory '${o.operands[o.operands.length - 1]}' with directory '${shown}'\n`);
          status = 1;
          continue;
        }
        if (dst.startsWith(src + "/")) {
          ctx.stderr.write(`cp: cannot copy a directory, '${shown}', into itself, '${dst}'\n`);
          status = 1;
          continue;
        }
        copyTree(ctx, src, dst);
      } else {
        if (ctx.fs.stat(dst)?.type === "dir") throw new VfsError("Is a directory", dst);
        ctx.fs.copy(src, dst);
      }
      if (o.has("v")) ctx.stdout.write(`'${shown}' -> '${o.operands[o.operands.length - 1]}'\n`);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      ctx.stderr.write(`cp: cannot create regular file '${o.operands[o.operands.length - 1]}': ${e.message}\n`);
      status = 1;
    }
  }
  return status;
});

function copyTree(ctx: CommandContext, src: string, dst: string): void {
  if (!ctx.fs.stat(dst)) ctx.fs.mkdir(dst);
  for (const name of ctx.fs.readdir(src)) {
    const s = src + "/" + name;
    const d = dst + "/" + name;
    if (ctx.fs.stat(s)?.type === "dir") copyTree(ctx, s, d);
    else ctx.fs.copy(s, d);
  }
}
