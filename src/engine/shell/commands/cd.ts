// cd [dir] — the bash builtin: `cd` alone goes home, `cd -` to the previous directory (printing it).
import type { CommandFn } from "../types";

export const cd: CommandFn = async (ctx) => {
  let args = ctx.argv.slice(1);
  while (args[0] === "-L" || args[0] === "-P") args = args.slice(1);
  if (args[0] === "--") args = args.slice(1);
  if (args.length > 1) {
    ctx.stderr.write("bash: cd: too many arguments\n");
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = ctx.shell.getVar("HOME");
    if (target === undefined) {
      ctx.stderr.write("bash: cd: HOME not set\n");
      return 1;
    }
  } else if (target === "-") {
    target = ctx.shell.getVar("OLDPWD");
    if (target === undefined) {
      ctx.stderr.write("bash: cd: OLDPWD not set\n");
      return 1;
    }
    print = true;
  }
  if (target === "") return 0;
  const path = ctx.fs.resolve(ctx.shell.state.cwd, target);
  const st = ctx.fs.stat(path);
  if (!st) {
    ctx.stderr.write(`bash: cd: ${target}: No such file or directory\n`);
    return 1;
  }
  if (st.type !== "dir") {
    ctx.stderr.write(`bash: cd: ${target}: Not a directory\n`);
    return 1;
  }
  ctx.shell.setCwd(path);
  if (print) ctx.stdout.write(path + "\n");
  return 0;
};
