// A fake ShellHost (a clock that only moves when something sleeps) and a one-call runner.
import { Shell, type ShellOptions } from "../../../src/engine/shell/interpreter";
import type { CommandFn, ShellHost } from "../../../src/engine/shell/types";

export const START_MS = Date.UTC(2025, 0, 15, 9, 30, 0);

export class FakeHost implements ShellHost {
  nowMs = START_MS;
  readonly controller = new AbortController();
  sleeps: number[] = [];
  /** Called after each sleep (e.g. to press Ctrl-C after a few). */
  onSleep: ((host: FakeHost) => void) | undefined;
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  now(): number {
    return this.nowMs;
  }
  async sleep(ms: number): Promise<void> {
    if (this.signal.aborted) return;
    this.sleeps.push(ms);
    this.nowMs += ms;
    // A real host yields to the event loop while it waits: the other pipeline stages run meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.onSleep?.(this);
  }
}

export interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

/** A shell with a fake host; `run` returns stdout, stderr and the exit code. */
export function testShell(options: ShellOptions = {}) {
  const shell = new Shell(options);
  let host = new FakeHost();
  return {
    shell,
    get host() {
      return host;
    },
    set host(h: FakeHost) {
      host = h;
    },
    fs: shell.fs,
    async run(script: string, stdin?: string, terminal = false): Promise<Result> {
      let stdout = "";
      let stderr = "";
      const code = await shell.run(script, { stdin, stdout: { write: (t) => (stdout += t) }, stderr: { write: (t) => (stderr += t) }, host, terminal });
      return { stdout, stderr, code };
    },
  };
}

/** A command that prints one line per sleep, forever (like `kubectl get pods -w`). */
export const ticker: CommandFn = async (ctx) => {
  for (let i = 1; !ctx.host.signal.aborted; i++) {
    ctx.stdout.write(`line ${i} ${i % 2 ? "web" : "db"}\n`);
    await ctx.host.sleep(1000);
  }
  return 130;
};
