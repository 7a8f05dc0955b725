// history [-c] [N] — numbered like bash: `%5d  %s`.
import type { CommandFn } from "../types";

export const history: CommandFn = async (ctx) => {
  const st = ctx.shell.state;
  const arg = ctx.argv[1];
  if (arg === "-c") {
    st.history.splice(0);
    return 0;
  }
  let entries = st.history.map((line, i) => [st.historyBase + i, line] as const);
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      ctx.stderr.write(`bash: history: ${arg}: numeric argument required\n`);
      return 1;
    }
    entries = entries.slice(Math.max(0, entries.length - Number(arg)));
  }
  ctx.stdout.write(entries.map(([n, line]) => `${String(n).padStart(5)}  ${line}\n`).join(""));
  return 0;
};
