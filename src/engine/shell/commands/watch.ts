// watch [-n SECONDS] [-t] COMMAND — runs COMMAND every interval, redrawing the screen (clear
// sequence, then procps watch's header line and a blank line, then the output), until Ctrl-C or the
// command line's run-time limit.
import { StringSink } from "../streams";
import { LIMITS } from "../../limits";
import type { CommandFn } from "../types";
import { strftime } from "./date";
import { command, parseOptions } from "./util";

export const CLEAR_SCREEN = "\x1b[H\x1b[2J";

export const watch: CommandFn = command(async (ctx) => {
  const o = parseOptions(ctx, {
    flags: "tdbegcpx",
    values: "n",
    long: { interval: "n", "no-title": "t", differences: "d", beep: "b", errexit: "e", chgexit: "g", color: "c", precise: "p", exec: "x" },
    stopAtOperand: true,
    usage: undefined,
  });
  if (!o.operands.length) {
    ctx.stderr.write("\nUsage:\n watch [options] command\n\nOptions:\n  -n, --interval <secs>  seconds to wait between updates\n  -t, --no-title         turn off header\n");
    return 1;
  }
  const raw = o.get("n") ?? "2";
  const secs = Number(raw.replace(",", "."));
  if (!Number.isFinite(secs) || !/^\d*[.,]?\d+$/.test(raw)) {
    ctx.stderr.write(`watch: failed to parse argument: '${raw}'\n`);
    return 1;
  }
  const interval = Math.max(0.1, secs);
  const script = o.operands.join(" ");
  const width = Number(ctx.env.COLUMNS) || 80;
  const host = ctx.env.HOSTNAME ?? "kubeplay";
  let previous: string | undefined;
  while (!ctx.host.signal.aborted) {
    const out = new StringSink(LIMITS.shell.maxOutputBytes);
    const status = await ctx.shell.runSubshell(script, { stdin: undefined, stdout: out, stderr: out, host: ctx.host, stdoutIsTerminal: false });
    if (ctx.host.signal.aborted) break;
    let screen = CLEAR_SCREEN;
    if (!o.has("t")) {
      const left = `Every ${interval.toFixed(1)}s: ${script}`;
      const right = `${host}: ${strftime(ctx.host.now(), "%a %b %e %H:%M:%S %Y")}`;
      const gap = width - left.length - right.length;
      screen += (gap >= 1 ? left + " ".repeat(gap) + right : left.slice(0, Math.max(0, width - right.length - 4)) + "... " + right) + "\n\n";
    }
    screen += out.text;
    ctx.stdout.write(screen);
    if (o.has("e") && status !== 0) return 8;
    if (o.has("g") && previous !== undefined && previous !== out.text) return 0;
    previous = out.text;
    await ctx.host.sleep(interval * 1000);
  }
  return 0;
});
