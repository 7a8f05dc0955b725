import { describe, expect, test } from "vitest";
import { LIMITS } from "../../../src/engine/limits";
import { parse, ShellSyntaxError } from "../../../src/engine/shell/parser";
import type { CommandFn } from "../../../src/engine/shell/types";
import { testShell, ticker } from "./helpers";

const L = LIMITS.shell;

describe("bad input and limits end with a clear error, never a hang, and leave the shell usable", () => {
  test("a 1 MB command line is refused before parsing", async () => {
    const t = testShell();
    const r = await t.run("echo " + "a".repeat(1024 * 1024));
    expect(r).toEqual({ stdout: "", stderr: `bash: command line too long: ${1024 * 1024 + 5} bytes (the limit is ${L.maxScriptBytes} bytes)\n`, code: 2 });
    expect((await t.run("echo still here")).stdout).toBe("still here\n");
  });

  test("a pipeline thousands of stages long is a syntax error", async () => {
    const t = testShell();
    const r = await t.run(Array.from({ length: 5000 }, () => "cat").join(" | ").slice(0, L.maxScriptBytes - 10));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`bash: pipeline of more than ${L.maxPipelineStages} commands: split it into shorter command lines\n`);
  });

  test("an endless loop stops at the commands-per-line limit", async () => {
    const t = testShell();
    const r = await t.run("while true; do :; done");
    expect(r).toEqual({ stdout: "", stderr: `bash: command line stopped: it ran more than ${L.maxCommandsPerRun} commands (the limit per command line)\n`, code: 1 });
  });

  test("a fork bomb is bounded", async () => {
    const t = testShell();
    const r = await t.run(":(){ :|:& };:");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`bash: fork: Resource temporarily unavailable (more than ${L.maxProcesses} commands running at once, the limit)\n`);
    expect((await t.run("echo ok")).stdout).toBe("ok\n");
  });

  test("deep recursion stops at the nesting limit", async () => {
    const t = testShell();
    const r = await t.run("f() { f; }; f");
    expect(r).toEqual({ stdout: "", stderr: `bash: f: maximum function nesting level exceeded (${L.maxNestingDepth})\n`, code: 1 });
  });

  test("nested command substitutions stop at the nesting limit", async () => {
    const t = testShell();
    const deep = "$(".repeat(L.maxNestingDepth + 2) + "echo x" + ")".repeat(L.maxNestingDepth + 2);
    const r = await t.run(`echo ${deep}`);
    expect(r.stderr).toBe(`bash: command line stopped: subshells nested more than ${L.maxNestingDepth} deep (the limit)\n`);
  });

  test("a watch that never ends is ended by the host's signal (Ctrl-C)", async () => {
    const t = testShell();
    t.host.onSleep = (h) => {
      if (h.sleeps.length === 3) h.controller.abort();
    };
    const r = await t.run("watch -n 1 date");
    expect(r.code).toBe(130);
    expect(t.host.sleeps).toEqual([1000, 1000, 1000]);
  });

  test("... or by the run-time limit on the simulated clock", async () => {
    const t = testShell();
    const r = await t.run("watch -n 60 true");
    expect(r.code).toBe(124);
    expect(r.stderr).toBe(`bash: command line stopped: it ran longer than ${L.maxRunMs / 60000} minutes (the run-time limit)\n`);
    expect(t.host.nowMs - 1736933400000).toBeLessThanOrEqual(L.maxRunMs + 60_000);
  });

  test("output past the limit stops the command line", async () => {
    const flood: CommandFn = async (ctx) => {
      for (let i = 0; i < 1e6 && !ctx.host.signal.aborted; i++) {
        ctx.stdout.write("x".repeat(65535) + "\n");
        await ctx.host.sleep(0);
      }
      return 0;
    };
    const t = testShell({ commands: { flood } });
    const r = await t.run("flood");
    expect(r.stdout.length).toBeLessThanOrEqual(L.maxOutputBytes);
    expect(r.stderr).toBe(`bash: command line stopped: it wrote more than ${L.maxOutputBytes} bytes (the output limit)\n`);
    expect(r.code).toBe(1);
  });

  test("a here-document past its limit is a syntax error", () => {
    const body = "y".repeat(L.maxHereDocBytes) + "\n";
    expect(() => parse(`cat <<EOF\n${body}EOF\n`)).toThrow(new ShellSyntaxError(`here-document at line 1 is larger than ${L.maxHereDocBytes} bytes`));
  });

  test("a syntax error on a later line stops there, after running the earlier lines", async () => {
    const t = testShell();
    expect(await t.run("echo first\necho a | | b\necho never")).toEqual({ stdout: "first\n", stderr: "bash: syntax error near unexpected token `|'\n", code: 2 });
  });

  test("Ctrl-C in a pipeline stops every stage", async () => {
    const t = testShell({ commands: { ticker } });
    t.host.onSleep = (h) => {
      if (h.sleeps.length === 2) h.controller.abort();
    };
    const r = await t.run("ticker | grep line | cat");
    expect(r.stdout).toBe("line 1 web\nline 2 db\n");
    expect(r.code).toBe(130);
  });

  test("a command that throws is reported, not crashed on", async () => {
    const t = testShell({ commands: { boom: async () => { throw new Error("kaput"); } } });
    expect(await t.run("boom; echo after")).toEqual({ stdout: "after\n", stderr: "boom: kaput\n", code: 0 });
  });

  test("no abort listeners pile up on a long-lived host", async () => {
    const t = testShell();
    let added = 0;
    let removed = 0;
    const sig = t.host.signal;
    const add = sig.addEventListener.bind(sig);
    const remove = sig.removeEventListener.bind(sig);
    sig.addEventListener = ((...a: Parameters<typeof add>) => (added++, add(...a))) as typeof add;
    sig.removeEventListener = ((...a: Parameters<typeof remove>) => (removed++, remove(...a))) as typeof remove;
    for (let i = 0; i < 20; i++) await t.run("echo a | cat | cat");
    expect(added).toBe(removed);
  });
});
