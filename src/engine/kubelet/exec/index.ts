// A command run in a container (`kubectl exec pod -- cmd args`), simulated: the image's userland
// decides which executables exist; the pod spec, its volumes, the cluster's Services and endpoints
// decide what they print. Commands run to completion at once (exec does not advance simulated time).
// `sh -c` scripts run through a small shell (sequences, &&, ||, pipes into text filters, $VARs,
// 2>&1 and /dev/null redirections); scripts with loops or conditionals go to the kubelet's shell
// simulator, whose output is taken up to a bound.
import type { KubeObject } from "../../kinds/types";
import { imageExecProfile } from "../workloads";
import { simulate, SHELL_NAMES } from "../shell";
import { hashHex64 } from "../timing";
import { processEnv, hostnameOf } from "./environment";
import { cat, ls, lookup } from "./files";
import { curl, nslookup, resolveHost, wget } from "./network";
import * as basics from "./basics";
import type { ExecContext, ExecOutput, ExecRequest, ExecResult } from "./types";
import { ok, fail } from "./types";

export type { ExecCluster, ExecRequest, ExecResult, ExecOutput, ExecFailure } from "./types";

type Command = (ctx: ExecContext, args: string[], stdin: string) => ExecOutput;

/** The commands this simulation answers, by executable name. */
const COMMANDS: Record<string, Command> = {
  env: basics.env,
  printenv: basics.printenv,
  echo: basics.echo,
  date: basics.date,
  sleep: basics.sleep,
  ps: basics.ps,
  hostname: basics.hostname,
  uname: basics.uname,
  id: basics.id,
  whoami: basics.whoami,
  pwd: basics.pwd,
  true: () => ok(),
  false: () => fail("", 1),
  cat: (ctx, args, stdin) => (args.filter((a) => !a.startsWith("-")).length ? cat(ctx, args) : ok(stdin)),
  ls,
  nslookup,
  wget,
  curl,
  head: (_c, args, stdin) => basics.head(stdin, args),
  tail: (_c, args, stdin) => basics.tail(stdin, args),
  grep: (_c, args, stdin) => basics.grep(stdin, args),
  wc: (_c, args, stdin) => basics.wc(stdin, args),
  sort: (_c, args, stdin) => basics.sort(stdin, args),
};

const base = (p: string) => p.slice(p.lastIndexOf("/") + 1);

/** The process's context for a container of a pod. */
export function execContext(req: ExecRequest): ExecContext {
  const profile = imageExecProfile(String(req.container.image ?? ""));
  const executables = new Set((profile?.executables ?? []).map(base));
  return {
    pod: req.pod,
    container: req.container,
    cluster: req.cluster,
    env: processEnv(req.pod, req.container, req.cluster),
    shell: profile?.shell ?? "busybox",
    // Images the catalog does not describe are given the benefit of the doubt (a busybox userland).
    has: (name) => (profile ? executables.has(base(name)) : true),
    hostname: hostnameOf(req.pod),
    namespace: String(req.pod.metadata?.namespace ?? "default"),
  };
}

/** containerd's answer when the executable is missing (the exec id is a hash: stable per request). */
function notFound(req: ExecRequest, exe: string): ExecResult {
  const id = hashHex64(`${req.pod.metadata?.uid}|${req.container.name}|${req.cluster.nowMs}|${req.command.join(" ")}`);
  const why = exe.includes("/") ? `exec: ${JSON.stringify(exe)}: stat ${exe}: no such file or directory` : `exec: ${JSON.stringify(exe)}: executable file not found in $PATH`;
  return { failure: `error executing command in container: failed to exec in container: failed to start exec ${JSON.stringify(id)}: OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown` };
}

/** Runs `command` in the container. */
export function execInContainer(req: ExecRequest): ExecResult {
  const ctx = execContext(req);
  const [exe, ...args] = req.command;
  if (!exe) return { failure: "error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: no command: unknown" };
  if (!ctx.has(exe)) return notFound(req, exe);
  if (SHELL_NAMES.has(base(exe))) {
    const ci = args.indexOf("-c");
    if (ci < 0) return ok(); // an interactive shell with no stdin ends at once
    if (args[ci + 1] === undefined) return fail(`${base(exe)}: -c: option requires an argument\n`, 2);
    return runScript(ctx, args[ci + 1], base(exe), req.stdin ?? "");
  }
  return runCommand(ctx, exe, args, req.stdin ?? "", undefined);
}

/** One simple command; `shellName` set when a shell runs it (its "not found" wording then). */
function runCommand(ctx: ExecContext, exe: string, args: string[], stdin: string, shellName: string | undefined): ExecOutput {
  const name = base(exe);
  if (shellName !== undefined && !ctx.has(exe)) return fail(shellNotFound(ctx, shellName, name), 127);
  const cmd = COMMANDS[name];
  if (cmd) return cmd(ctx, args, stdin);
  if (SHELL_NAMES.has(name)) {
    const ci = args.indexOf("-c");
    return ci >= 0 && args[ci + 1] !== undefined ? runScript(ctx, args[ci + 1], name) : ok();
  }
  return other(ctx, name, args);
}

function shellNotFound(ctx: ExecContext, shellName: string, name: string): string {
  if (ctx.shell === "busybox") return `${shellName}: ${name}: not found\n`;
  if (shellName === "bash") return `bash: line 1: ${name}: command not found\n`;
  return `${shellName}: 1: ${name}: not found\n`;
}

/** Executables that exist in the image but that the sandbox does not run. */
function other(ctx: ExecContext, name: string, args: string[]): ExecOutput {
  if (name === "nginx" && args.includes("-v")) return fail(`nginx version: nginx/${/nginx:(\d+\.\d+\.\d+)/.exec(String(ctx.container.image))?.[1] ?? "1.29.4"}\n`, 0);
  if (name === "redis-cli" && args.includes("ping")) return ok("PONG\n");
  if (name === "mkdir" || name === "touch" || name === "rm" || name === "kill" || name === "sync") return ok();
  return fail(`${name}: this program exists in the image but is not simulated by the sandbox\n`, 126);
}

// ---------------------------------------------------------------------------------------------
// A small shell for `sh -c`.
// ---------------------------------------------------------------------------------------------

type Tok = { word: string } | { op: string };

/** Splits a script into words and operators, expanding variables (not inside single quotes). */
function tokenize(ctx: ExecContext, src: string, vars: Record<string, string>, status: () => number): Tok[] | undefined {
  const toks: Tok[] = [];
  let i = 0;
  let word: string | undefined;
  const push = () => {
    if (word !== undefined) toks.push({ word });
    word = undefined;
  };
  const expand = (): string => {
    // at src[i] === "$"
    const rest = src.slice(i + 1);
    let m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest) ?? /^([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      i += 1 + m[0].length;
      return vars[m[1]] ?? ctx.env[m[1]] ?? "";
    }
    m = /^[?$#]/.exec(rest);
    if (m) {
      i += 2;
      return m[0] === "?" ? String(status()) : m[0] === "$" ? "42" : "0";
    }
    i += 1;
    return "$";
  };
  while (i < src.length) {
    const c = src[i];
    if (c === " " || c === "\t") {
      push();
      i++;
    } else if (c === "\n" || c === ";") {
      push();
      toks.push({ op: ";" });
      i++;
    } else if (src.startsWith("&&", i) || src.startsWith("||", i)) {
      push();
      toks.push({ op: src.slice(i, i + 2) });
      i += 2;
    } else if (src.startsWith("2>&1", i)) {
      push();
      toks.push({ op: "2>&1" });
      i += 4;
    } else if (c === "|") {
      push();
      toks.push({ op: "|" });
      i++;
    } else if (c === ">" || src.startsWith("2>", i) || src.startsWith(">>", i)) {
      push();
      const op = src.startsWith("2>", i) ? "2>" : ">";
      i += src.startsWith(">>", i) ? 2 : op.length;
      toks.push({ op });
    } else if (c === "<" || c === "&" || c === "(" || c === ")" || c === "`") {
      return undefined;
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? "") + src.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      let s = "";
      while (i < src.length && src[i] !== '"') {
        if (src[i] === "\\" && i + 1 < src.length && '"\\$`'.includes(src[i + 1])) {
          s += src[i + 1];
          i += 2;
        } else if (src[i] === "$") {
          if (src[i + 1] === "(") return undefined;
          s += expand();
        } else s += src[i++];
      }
      if (i >= src.length) return undefined;
      i++;
      word = (word ?? "") + s;
    } else if (c === "\\") {
      word = (word ?? "") + (src[i + 1] ?? "");
      i += 2;
    } else if (c === "$") {
      if (src[i + 1] === "(") return undefined;
      word = (word ?? "") + expand();
    } else {
      word = (word ?? "") + c;
      i++;
    }
  }
  push();
  return toks;
}

const CONTROL = /(^|[\s;&|])(if|for|while|until|case|function)\s/;
const MAX_SCRIPT_EVENTS = 5000;

function runScript(ctx: ExecContext, src: string, shellName: string, stdin = ""): ExecOutput {
  let status = 0;
  const vars: Record<string, string> = {};
  const toks = CONTROL.test(src) ? undefined : tokenize(ctx, src, vars, () => status);
  if (!toks) return simulated(ctx, src, shellName);
  let stdout = "";
  let stderr = "";
  let i = 0;
  let skip = false;
  while (i < toks.length) {
    // One pipeline up to ; && ||
    const stages: string[][] = [[]];
    const redir = { merge: false, dropOut: false, dropErr: false };
    while (i < toks.length && !("op" in toks[i] && [";", "&&", "||"].includes((toks[i] as { op: string }).op))) {
      const t = toks[i];
      if ("word" in t) stages[stages.length - 1].push(t.word);
      else if (t.op === "|") stages.push([]);
      else if (t.op === "2>&1") redir.merge = true;
      else if (t.op === ">" || t.op === "2>") {
        const target = toks[i + 1] && "word" in toks[i + 1] ? (toks[i + 1] as { word: string }).word : "";
        if (t.op === ">") redir.dropOut = true;
        if (t.op === "2>") redir.dropErr = true;
        if (target && target !== "/dev/null") redir.dropOut = t.op === ">" ? true : redir.dropOut;
        i++;
      }
      i++;
    }
    const sep = i < toks.length ? (toks[i] as { op: string }).op : ";";
    i++;
    if (!skip && stages.some((s) => s.length)) {
      // The script's stdin goes to the first command of a pipeline that reads it.
      let input = stdin;
      stdin = "";
      let last: ExecOutput = ok();
      for (const stage of stages.filter((s) => s.length)) {
        // Assignments (`A=b`) before a command or alone.
        let words = stage;
        while (words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) {
          const [k, ...v] = words[0].split("=");
          vars[k] = v.join("=");
          words = words.slice(1);
        }
        if (!words.length) {
          last = ok();
          continue;
        }
        if (words[0] === "exit") return { stdout, stderr, exitCode: Number(words[1] ?? status) & 255 };
        if (words[0] === "export" || words[0] === "cd" || words[0] === "set" || words[0] === ":") {
          for (const w of words.slice(1)) if (w.includes("=")) vars[w.slice(0, w.indexOf("="))] = w.slice(w.indexOf("=") + 1);
          last = ok();
          continue;
        }
        last = runCommand({ ...ctx, env: { ...ctx.env, ...vars } }, words[0], words.slice(1), input, shellName);
        stderr += redir.merge ? "" : redir.dropErr ? "" : last.stderr;
        input = redir.merge ? last.stdout + last.stderr : last.stdout;
      }
      if (!redir.dropOut) stdout += input;
      status = last.exitCode;
    }
    // && runs the next only after success, || only after failure; ; always.
    skip = sep === "&&" ? status !== 0 : sep === "||" ? status === 0 : false;
  }
  return { stdout, stderr, exitCode: status };
}

/** Scripts with control flow: the kubelet's shell simulator, output taken up to a bound. */
function simulated(ctx: ExecContext, src: string, shellName: string): ExecOutput {
  let stdout = "";
  let events = 0;
  const world = {
    hostname: ctx.hostname,
    namespace: ctx.namespace,
    podIP: String(ctx.pod.status?.podIP ?? ""),
    env: ctx.env,
    readFile: (p: string) => {
      const n = lookup(ctx, p);
      return n?.kind === "file" ? n.content : undefined;
    },
    resolve: (name: string) => {
      const r = resolveHost(ctx, name);
      return r ? { ip: r.ips[0], fqdn: r.fqdn } : null;
    },
    startedAtMs: ctx.cluster.nowMs,
    busybox: ctx.shell !== "bash",
    hasBinary: (name: string) => ctx.has(name),
  };
  for (const e of simulate({ source: src, shell: shellName }, world)) {
    if (++events > MAX_SCRIPT_EVENTS) break;
    if (e.kind === "out") stdout += `${e.text}\n`;
    else if (e.kind === "exit") return { stdout, stderr: "", exitCode: e.code };
    else if (e.kind === "opaque") return { stdout, stderr: `sh: this script uses something the sandbox does not simulate${e.command ? `: ${e.command}` : ""}\n`, exitCode: 126 };
    else if (e.kind === "pending") break;
  }
  return { stdout, stderr: "", exitCode: 0 };
}

/** The container of a pod by name. */
export function containerOf(pod: KubeObject, name: string): KubeObject | undefined {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].find((c: KubeObject) => c.name === name);
}
