// pwd — the bash builtin.
import type { CommandFn } from "../types";

export const pwd: CommandFn = async (ctx) => {
  ctx.stdout.write(ctx.shell.state.cwd + "\n");
  return 0;
};
