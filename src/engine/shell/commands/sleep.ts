// sleep NUMBER[smhd]... — waits on the host's clock (the cluster keeps running); Ctrl-C ends it.
import type { CommandFn } from "../types";

export const sleep: CommandFn = async (ctx) => {
  const args = ctx.argv.slice(1);
  if (!args.length) {
    ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let ms = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr.write(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    ms += Number(m[1]) * { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  }
  await ctx.host.sleep(ms);
  return ctx.host.signal.aborted ? 130 : 0;
};
