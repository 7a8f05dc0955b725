// exit [n] — ends the command line with status n (default: the last status).
import type { CommandFn } from "../types";

export const exit: CommandFn = async (ctx) => {
  const arg = ctx.argv[1];
  if (arg === undefined) return ctx.shell.exit(ctx.shell.state.lastExit);
  if (!/^[-+]?\d+$/.test(arg)) {
    ctx.stderr.write(`bash: exit: ${arg}: numeric argument required\n`);
    return ctx.shell.exit(2);
  }
  if (ctx.argv.length > 2) {
    ctx.stderr.write("bash: exit: too many arguments\n");
    return 1;
  }
  return ctx.shell.exit(((Number(arg) % 256) + 256) % 256);
};
