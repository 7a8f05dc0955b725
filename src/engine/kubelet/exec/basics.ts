// The everyday commands: env/printenv, hostname, date, echo, sleep, ps, pwd, whoami, id, uname,
// true/false, and the text filters a pipeline in `sh -c` may use (head, tail, grep, wc, sort).
import { formatDate } from "../shell";
import { parseRfc3339 } from "../../machinery/time";
import type { ExecContext, ExecOutput } from "./types";
import { ok, fail } from "./types";

export function env(ctx: ExecContext, args: string[]): ExecOutput {
  return ok(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(""));
}

export function printenv(ctx: ExecContext, args: string[]): ExecOutput {
  if (!args.length) return env(ctx, args);
  const found = args.filter((a) => a in ctx.env);
  return { stdout: found.map((a) => `${ctx.env[a]}\n`).join(""), stderr: "", exitCode: found.length === args.length ? 0 : 1 };
}

export function echo(_ctx: ExecContext, args: string[]): ExecOutput {
  let newline = true;
  let i = 0;
  while (args[i] === "-n" || args[i] === "-e") {
    if (args[i] === "-n") newline = false;
    i++;
  }
  return ok(args.slice(i).join(" ") + (newline ? "\n" : ""));
}

export function date(ctx: ExecContext, args: string[]): ExecOutput {
  const fmt = args.find((a) => a.startsWith("+"));
  return ok(formatDate(ctx.cluster.nowMs, fmt?.slice(1)) + "\n");
}

export function sleep(ctx: ExecContext, args: string[]): ExecOutput {
  const bad = args.find((a) => !/^\d+(\.\d+)?[smhd]?$/.test(a));
  if (!args.length) return fail(ctx.shell === "bash" ? "sleep: missing operand\nTry 'sleep --help' for more information.\n" : "BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n");
  if (bad) return fail(ctx.shell === "bash" ? `sleep: invalid time interval '${bad}'\nTry 'sleep --help' for more information.\n` : `sleep: invalid number '${bad}'\n`);
  // The process ends when its time is up; exec returns then (simulated time is not advanced by it).
  return ok();
}

export function ps(ctx: ExecContext, args: string[]): ExecOutput {
  const main = [...(ctx.container.command ?? []), ...(ctx.container.args ?? [])].map(String).join(" ") || String(ctx.container.image ?? "").split("/").pop()!.split(":")[0];
  const started = parseRfc3339(((ctx.pod.status?.containerStatuses ?? []) as { name: string; state?: { running?: { startedAt?: string } } }[]).find((s) => s.name === ctx.container.name)?.state?.running?.startedAt ?? "") ?? ctx.cluster.nowMs;
  const mins = Math.floor((ctx.cluster.nowMs - started) / 60_000);
  const time = `${Math.floor(mins / 60)}:${String(mins % 60).padStart(2, "0")}`;
  const self = ["ps", ...args].join(" ");
  if (ctx.shell === "bash") {
    if (args.some((a) => a.includes("aux") || a === "-ef")) return ok(`USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot           1  0.0  0.0   2576   904 ?        Ss   ${formatDate(started, "%H:%M")}   0:00 ${main}\nroot          42  0.0  0.0   8480  4032 ?        Rs   ${formatDate(ctx.cluster.nowMs, "%H:%M")}   0:00 ${self}\n`);
    return ok(`    PID TTY          TIME CMD\n      1 ?        00:00:00 ${main.split(" ")[0].split("/").pop()}\n     42 ?        00:00:00 ps\n`);
  }
  return ok(`PID   USER     TIME  COMMAND\n    1 root      ${time.padStart(4)} ${main}\n   42 root      0:00 ${self}\n`);
}

export function hostname(ctx: ExecContext): ExecOutput {
  return ok(`${ctx.hostname}\n`);
}

export function uname(ctx: ExecContext, args: string[]): ExecOutput {
  if (args.includes("-a")) return ok(`Linux ${ctx.hostname} 5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025 x86_64${ctx.shell === "bash" ? " GNU/Linux" : " GNU/Linux"}\n`);
  if (args.includes("-r")) return ok("5.15.0-131-generic\n");
  if (args.includes("-m")) return ok("x86_64\n");
  return ok("Linux\n");
}

export function id(ctx: ExecContext): ExecOutput {
  const uid = ctx.container.securityContext?.runAsUser ?? ctx.pod.spec?.securityContext?.runAsUser ?? 0;
  const gid = ctx.container.securityContext?.runAsGroup ?? ctx.pod.spec?.securityContext?.runAsGroup ?? 0;
  const uname = uid === 0 ? "root" : "";
  const gname = gid === 0 ? "root" : "";
  return ok(`uid=${uid}${uname ? `(${uname})` : ""} gid=${gid}${gname ? `(${gname})` : ""}${uid === 0 ? " groups=0(root)" : ` groups=${gid}`}\n`);
}

export function whoami(ctx: ExecContext): ExecOutput {
  const uid = ctx.container.securityContext?.runAsUser ?? ctx.pod.spec?.securityContext?.runAsUser ?? 0;
  if (uid === 0) return ok("root\n");
  return fail(ctx.shell === "bash" ? `whoami: cannot find name for user ID ${uid}\n` : `whoami: unknown uid ${uid}\n`);
}

export function pwd(ctx: ExecContext): ExecOutput {
  return ok(`${ctx.container.workingDir ?? "/"}\n`);
}

// Filters (stdin → stdout) for pipelines.

export function head(input: string, args: string[]): ExecOutput {
  const n = lineCount(args, 10);
  return ok(splitLines(input).slice(0, n).join(""));
}

export function tail(input: string, args: string[]): ExecOutput {
  const n = lineCount(args, 10);
  const lines = splitLines(input);
  return ok(n === 0 ? "" : lines.slice(-n).join(""));
}

export function grep(input: string, args: string[]): ExecOutput {
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join("");
  const pattern = args.find((a) => !/^-[a-zA-Z]+$/.test(a)) ?? "";
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags.includes("i") ? "i" : "");
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), flags.includes("i") ? "i" : "");
  }
  const invert = flags.includes("v");
  const hits = splitLines(input).filter((l) => re.test(l.replace(/\n$/, "")) !== invert);
  if (flags.includes("c")) return { stdout: `${hits.length}\n`, stderr: "", exitCode: hits.length ? 0 : 1 };
  return { stdout: hits.join(""), stderr: "", exitCode: hits.length ? 0 : 1 };
}

export function wc(input: string, args: string[]): ExecOutput {
  const lines = (input.match(/\n/g) ?? []).length;
  if (args.includes("-l")) return ok(`${lines}\n`);
  if (args.includes("-c")) return ok(`${new TextEncoder().encode(input).length}\n`);
  const words = input.split(/\s+/).filter(Boolean).length;
  return ok(`${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(new TextEncoder().encode(input).length).padStart(7)}\n`);
}

export function sort(input: string, args: string[]): ExecOutput {
  const lines = splitLines(input).map((l) => l.replace(/\n$/, ""));
  lines.sort();
  if (args.includes("-r")) lines.reverse();
  return ok(lines.map((l) => `${l}\n`).join(""));
}

function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lineCount(args: string[], def: number): number {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "-n") return Number(args[i + 1]) || 0;
    const m = /^-n?(\d+)$/.exec(args[i]);
    if (m) return Number(m[1]);
  }
  return def;
}
