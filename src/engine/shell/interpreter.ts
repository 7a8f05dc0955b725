// The shell interpreter: runs parsed command lines against the virtual filesystem and the command
// registry, with bash's expansion order (parameters, command substitution, arithmetic, field
// splitting, globbing, quote removal), redirections, pipelines that stream, and limits.
import { LIMITS } from "../limits";
import { ArithError, evalArith } from "./arith";
import { BUILTIN_COMMANDS, SHELL_BUILTINS } from "./commands/index";
import { globFiles, globToRegexSource, hasGlob } from "./glob";
import { Parser, ShellSyntaxError, plainWord, type Command, type List, type Pipeline, type Redir, type Word, type WordPart } from "./parser";
import { EMPTY_INPUT, Pipe, StringSink, StringSource } from "./streams";
import type { CommandFn, ExitCode, InputSource, OutputSink, ShellApi, ShellHost, ShellState } from "./types";
import { Vfs, VfsError, byteLength } from "./vfs";

const L = LIMITS.shell;

export interface RunIo {
  /** The command line's stdin (the command endpoint's "stdin"); empty when absent. */
  stdin?: string;
  stdout: OutputSink;
  stderr: OutputSink;
  host: ShellHost;
  /** Whether stdout is a terminal (the browser terminal: yes, the default). `ls` prints columns on one. */
  terminal?: boolean;
}

export interface RunOptions {
  /** Adds the command line to `history` (default true). */
  history?: boolean;
}

export interface ShellOptions {
  /** Commands beside the built-in ones (the lead plugs in `kubectl`); they win over built-in names. */
  commands?: Record<string, CommandFn>;
  /** The filesystem; a fresh one when absent. */
  fs?: Vfs;
  /** The persisted state; `defaultShellState()` when absent. */
  state?: ShellState;
}

/** A fresh shell: cwd /root, a bash-like environment and `k=kubectl`. */
export function defaultShellState(): ShellState {
  return {
    cwd: "/root",
    env: {
      HOME: "/root",
      HOSTNAME: "kubeplay",
      LANG: "C.UTF-8",
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      PWD: "/root",
      SHELL: "/bin/bash",
      TERM: "xterm-256color",
      USER: "root",
    },
    vars: {},
    aliases: { k: "kubectl" },
    history: [],
    historyBase: 1,
    lastExit: 0,
  };
}

/** Why a command line was stopped early. */
class StopError extends Error {}
class ExitSignal extends Error {
  constructor(readonly code: number) {
    super("exit");
  }
}
class LoopSignal extends Error {
  constructor(
    readonly kind: "break" | "continue",
    public levels: number,
  ) {
    super(kind);
  }
}
class ReturnSignal extends Error {
  constructor(readonly code: number) {
    super("return");
  }
}
/** An expansion failed (bad substitution, ${x:?}, arithmetic): bash prints it and skips the command. */
class ExpansionError extends Error {}

/** Stops raised by builtins (break, continue, return) — exported for commands/. */
export function loopControl(kind: "break" | "continue", levels: number): never {
  throw new LoopSignal(kind, levels);
}
export function returnFromFunction(code: number): never {
  throw new ReturnSignal(code);
}

/** One command line's run: limits and cancellation shared by every command in it. */
class Run {
  readonly controller = new AbortController();
  startMs: number;
  commands = 0;
  /** Pipeline stages running now. */
  processes = 0;
  outputBytes = 0;
  stopMessage: string | undefined;
  stopCode = 1;

  private readonly onAbort = () => this.controller.abort();

  constructor(
    readonly host: ShellHost,
    readonly stderr: OutputSink,
  ) {
    this.startMs = host.now();
    if (host.signal.aborted) this.controller.abort();
    else host.signal.addEventListener("abort", this.onAbort, { once: true });
  }

  /** Stops listening to the host (a long-lived host must not collect one listener per command line). */
  dispose(): void {
    this.host.signal.removeEventListener("abort", this.onAbort);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(message: string | undefined, code: number): void {
    if (this.controller.signal.aborted) return;
    this.stopMessage = message;
    this.stopCode = code;
    this.controller.abort();
  }

  /** Throws when the command line has been stopped or has run past its time. */
  check(): void {
    if (!this.signal.aborted && this.host.now() - this.startMs > L.maxRunMs) {
      this.stop(`bash: command line stopped: it ran longer than ${L.maxRunMs / 60000} minutes (the run-time limit)`, 124);
    }
    if (this.signal.aborted) throw new StopError();
  }

  countCommand(): void {
    this.check();
    if (++this.commands > L.maxCommandsPerRun) {
      this.stop(`bash: command line stopped: it ran more than ${L.maxCommandsPerRun} commands (the limit per command line)`, 1);
      throw new StopError();
    }
  }

  /** A sink counting toward the output limit. */
  counted(sink: OutputSink): OutputSink {
    return {
      write: (text: string) => {
        if (this.signal.aborted && this.stopMessage?.includes("output limit")) return;
        this.outputBytes += text.length;
        if (this.outputBytes > L.maxOutputBytes) {
          this.stop(`bash: command line stopped: it wrote more than ${L.maxOutputBytes} bytes (the output limit)`, 1);
          return;
        }
        sink.write(text);
      },
    };
  }
}

/** A host bound to one pipeline stage: stopped with the run, or alone when its stdout pipe breaks. */
class StageHost implements ShellHost {
  readonly controller = new AbortController();
  private readonly onAbort = () => this.controller.abort();
  constructor(
    private run: Run,
    private parent: ShellHost,
  ) {
    // Stopped by Ctrl-C or an enclosing stage (the parent), or by a limit of the command line (the run).
    if (parent.signal.aborted || run.signal.aborted) this.controller.abort();
    else {
      parent.signal.addEventListener("abort", this.onAbort, { once: true });
      if (run.signal !== parent.signal) run.signal.addEventListener("abort", this.onAbort, { once: true });
    }
  }
  dispose(): void {
    this.parent.signal.removeEventListener("abort", this.onAbort);
    this.run.signal.removeEventListener("abort", this.onAbort);
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  /** The host's editor, when it has one (kubectl edit in the web terminal). */
  get edit(): ShellHost["edit"] {
    return this.parent.edit;
  }
  now(): number {
    return this.parent.now();
  }
  async sleep(ms: number): Promise<void> {
    if (this.signal.aborted) return;
    const left = this.run.startMs + L.maxRunMs - this.parent.now();
    const wait = Math.max(0, Math.min(ms, left + 1));
    await new Promise<void>((resolve) => {
      const onAbort = () => resolve();
      this.signal.addEventListener("abort", onAbort, { once: true });
      this.parent.sleep(wait).then(() => {
        this.signal.removeEventListener("abort", onAbort);
        resolve();
      });
    });
    if (ms > left) {
      try {
        this.run.check();
      } catch {
        /* stopped: the caller sees the aborted signal */
      }
    }
  }
}

/** File descriptors of a running command. */
interface Io {
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
  host: ShellHost;
  tty: boolean;
}

/** Where a command runs: the shell state (a copy in subshells), positional parameters, depth. */
interface Exec {
  state: ShellState;
  functions: Record<string, Command>;
  positional: string[];
  depth: number;
  run: Run;
  /** Status of the last command substitution of the current simple command. */
  substStatus?: number;
  loopDepth: number;
}

/** Characters that need quoting for `printf %q` and for re-parsing argv (watch, xargs). */
export function shellQuote(s: string): string {
  if (s === "") return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return "$'" + s.replace(/[\\'\x00-\x1f\x7f]/g, (c) => ({ "\\": "\\\\", "'": "\\'", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\E" })[c] ?? "\\" + c.charCodeAt(0).toString(8).padStart(3, "0")) + "'";
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => "\\" + c);
}

export class Shell {
  readonly fs: Vfs;
  state: ShellState;
  private commands: Record<string, CommandFn>;
  private functions: Record<string, Command> = {};

  constructor(options: ShellOptions = {}) {
    this.fs = options.fs ?? new Vfs();
    this.state = options.state ? structuredClone(options.state) : defaultShellState();
    this.commands = { ...BUILTIN_COMMANDS, ...(options.commands ?? {}) };
  }

  /** Adds or replaces commands (kubectl). */
  register(commands: Record<string, CommandFn>): void {
    Object.assign(this.commands, commands);
  }

  /** Runs a command line or a multi-line script; resolves to its exit status ($?). Never throws. */
  async run(script: string, io: RunIo, options: RunOptions = {}): Promise<ExitCode> {
    const run = new Run(io.host, io.stderr);
    const stdout = run.counted(io.stdout);
    const stderr = run.counted(io.stderr);
    const nowFs = this.fs.now;
    this.fs.now = () => io.host.now();
    const size = byteLength(script);
    if (options.history !== false && script.trim() !== "") this.addHistory(script.length > 4096 ? script.slice(0, 4096) : script);
    let status = 0;
    let host: StageHost | undefined;
    try {
      if (size > L.maxScriptBytes) {
        io.stderr.write(`bash: command line too long: ${size} bytes (the limit is ${L.maxScriptBytes} bytes)\n`);
        status = 2;
        throw new StopError();
      }
      host = new StageHost(run, io.host);
      const ex: Exec = { state: this.state, functions: this.functions, positional: [], depth: 0, run, loopDepth: 0 };
      const baseIo: Io = { stdin: io.stdin ? new StringSource(io.stdin) : EMPTY_INPUT, stdout, stderr, host, tty: io.terminal ?? true };
      status = await this.runScript(script, ex, baseIo);
    } catch (e) {
      if (e instanceof ExitSignal) status = e.code;
      else if (!(e instanceof StopError)) {
        io.stderr.write(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    } finally {
      this.fs.now = nowFs;
      host?.dispose();
      run.dispose();
    }
    if (run.signal.aborted) {
      // A limit (its message says which) or Ctrl-C (130, as bash reports SIGINT).
      if (run.stopMessage !== undefined) io.stderr.write(run.stopMessage + "\n");
      status = run.stopMessage !== undefined ? run.stopCode : 130;
    }
    this.state.lastExit = status;
    return status;
  }

  private addHistory(line: string): void {
    const h = this.state.history;
    h.push(line.replace(/\n+$/, ""));
    while (h.length > L.historyEntries) {
      h.shift();
      this.state.historyBase++;
    }
  }

  /** Parses and runs a script one complete command at a time, as bash does. */
  private async runScript(script: string, ex: Exec, io: Io): Promise<number> {
    const parser = new Parser(script, ex.state.aliases);
    let status = ex.state.lastExit;
    for (;;) {
      let list: List | null;
      try {
        list = parser.parseNext();
      } catch (e) {
        if (e instanceof ShellSyntaxError) {
          for (const w of parser.takeWarnings()) io.stderr.write(`bash: ${w}\n`);
          io.stderr.write(`bash: ${e.message}\n`);
          ex.state.lastExit = 2;
          return 2;
        }
        throw e;
      }
      for (const w of parser.takeWarnings()) io.stderr.write(`bash: ${w}\n`);
      if (!list) return status;
      status = await this.execList(list, ex, io);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Lists, pipelines, commands

  private async execList(list: List, ex: Exec, io: Io): Promise<number> {
    let status = ex.state.lastExit;
    for (const item of list.items) {
      status = await this.execAndOr(item.andOr, ex, io);
    }
    return status;
  }

  private async execAndOr(ao: List["items"][number]["andOr"], ex: Exec, io: Io): Promise<number> {
    let status = await this.execPipeline(ao.first, ex, io);
    ex.state.lastExit = status;
    for (const { op, pipeline } of ao.rest) {
      if ((op === "&&") !== (status === 0)) continue;
      status = await this.execPipeline(pipeline, ex, io);
      ex.state.lastExit = status;
    }
    return status;
  }

  private async execPipeline(p: Pipeline, ex: Exec, io: Io): Promise<number> {
    let status: number;
    if (p.commands.length === 1) status = await this.execCommand(p.commands[0], ex, io);
    else {
      const n = p.commands.length;
      if (ex.run.processes + n > L.maxProcesses) {
        ex.run.stop(`bash: fork: Resource temporarily unavailable (more than ${L.maxProcesses} commands running at once, the limit)`, 1);
        throw new StopError();
      }
      ex.run.processes += n;
      const pipes = Array.from({ length: n - 1 }, () => new Pipe());
      const results = await Promise.allSettled(
        p.commands.map(async (cmd, i) => {
          const host = new StageHost(ex.run, io.host);
          if (i < n - 1) pipes[i].onBrokenPipe = () => host.controller.abort();
          const stageIo: Io = {
            stdin: i === 0 ? io.stdin : pipes[i - 1],
            stdout: i === n - 1 ? io.stdout : pipes[i],
            stderr: io.stderr,
            host,
            tty: i === n - 1 ? io.tty : false,
          };
          // Each stage is a subshell: `cd` or `x=1` in it does not outlive it.
          const sub = this.subshell(ex);
          try {
            await Promise.resolve();
            return await this.execCommand(cmd, sub, stageIo);
          } catch (e) {
            if (e instanceof ExitSignal) return e.code;
            throw e;
          } finally {
            if (i < n - 1) pipes[i].closeWrite();
            if (i > 0) pipes[i - 1].closeRead();
            host.dispose();
          }
        }),
      );
      ex.run.processes -= n;
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
      if (failed) throw failed.reason;
      status = (results[n - 1] as PromiseFulfilledResult<number>).value;
    }
    return p.bang ? (status === 0 ? 1 : 0) : status;
  }

  private subshell(ex: Exec): Exec {
    if (ex.depth >= L.maxNestingDepth) {
      ex.run.stop(`bash: command line stopped: subshells nested more than ${L.maxNestingDepth} deep (the limit)`, 1);
      throw new StopError();
    }
    const s = ex.state;
    const state: ShellState = { ...s, env: { ...s.env }, vars: { ...s.vars }, aliases: { ...s.aliases } };
    return { ...ex, state, functions: { ...ex.functions }, depth: ex.depth + 1, loopDepth: 0 };
  }

  private async execCommand(cmd: Command, ex: Exec, io: Io): Promise<number> {
    ex.run.check();
    switch (cmd.type) {
      case "simple":
        return this.execSimple(cmd, ex, io);
      case "function":
        ex.functions[cmd.name] = cmd.body;
        return 0;
      default:
        break;
    }
    const redirected = await this.applyRedirs(cmd.redirs, ex, io);
    if (typeof redirected === "number") return redirected;
    const rio = redirected.io;
    try {
      switch (cmd.type) {
        case "group":
          return await this.execList(cmd.body, ex, rio);
        case "subshell": {
          const sub = this.subshell(ex);
          try {
            return await this.execList(cmd.body, sub, rio);
          } catch (e) {
            if (e instanceof ExitSignal) return e.code;
            throw e;
          }
        }
        case "for":
          return await this.execFor(cmd, ex, rio);
        case "while":
          return await this.execWhile(cmd, ex, rio);
        case "if": {
          for (const c of cmd.clauses) {
            if ((await this.execList(c.cond, ex, rio)) === 0) return await this.execList(c.body, ex, rio);
          }
          return cmd.orElse ? await this.execList(cmd.orElse, ex, rio) : 0;
        }
      }
    } finally {
      redirected.finish();
    }
  }

  private async execFor(cmd: Extract<Command, { type: "for" }>, ex: Exec, io: Io): Promise<number> {
    let items: string[];
    try {
      items = cmd.items ? await this.expandWords(cmd.items, ex, io) : [...ex.positional];
    } catch (e) {
      if (e instanceof ExpansionError) {
        io.stderr.write(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    let status = 0;
    ex.loopDepth++;
    try {
      for (const item of items) {
        ex.run.countCommand();
        this.setVar(ex, cmd.name, item);
        try {
          status = await this.execList(cmd.body, ex, io);
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === "break") break;
        }
      }
    } finally {
      ex.loopDepth--;
    }
    return status;
  }

  private async execWhile(cmd: Extract<Command, { type: "while" }>, ex: Exec, io: Io): Promise<number> {
    let status = 0;
    ex.loopDepth++;
    try {
      for (;;) {
        ex.run.countCommand();
        const c = await this.execList(cmd.cond, ex, io);
        if ((c === 0) === cmd.until) break;
        try {
          status = await this.execList(cmd.body, ex, io);
        } catch (e) {
          if (!(e instanceof LoopSignal)) throw e;
          if (e.levels > 1) {
            e.levels--;
            throw e;
          }
          if (e.kind === "break") break;
        }
      }
    } finally {
      ex.loopDepth--;
    }
    return status;
  }

  private async execSimple(cmd: Extract<Command, { type: "simple" }>, ex: Exec, io: Io): Promise<number> {
    ex.run.countCommand();
    ex.substStatus = undefined;
    let argv: string[];
    const assigns: [string, string, boolean][] = [];
    try {
      argv = await this.expandWords(cmd.words, ex, io);
      for (const a of cmd.assigns) assigns.push([a.name, await this.expandString(a.value, ex, io, true), a.append]);
    } catch (e) {
      if (e instanceof ExpansionError) {
        io.stderr.write(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    const substStatus = ex.substStatus;
    if (!argv.length) {
      for (const [name, value, append] of assigns) this.setVar(ex, name, append ? (this.getVar(ex, name) ?? "") + value : value);
      const r = await this.applyRedirs(cmd.redirs, ex, io);
      if (typeof r === "number") return r;
      r.finish();
      return substStatus ?? 0;
    }
    const r = await this.applyRedirs(cmd.redirs, ex, io);
    if (typeof r === "number") return r;
    try {
      return await this.invoke(argv, assigns, ex, r.io);
    } finally {
      r.finish();
    }
  }

  /** Runs a command by name: a function, a builtin or registered command, or `command not found`. */
  private async invoke(argv: string[], assigns: [string, string, boolean][], ex: Exec, io: Io): Promise<number> {
    const name = argv[0];
    const fn = Object.prototype.hasOwnProperty.call(ex.functions, name) ? ex.functions[name] : undefined;
    if (fn) {
      if (ex.depth >= L.maxNestingDepth) {
        ex.run.stop(`bash: ${name}: maximum function nesting level exceeded (${L.maxNestingDepth})`, 1);
        throw new StopError();
      }
      const saved = ex.positional;
      const inner: Exec = { ...ex, positional: argv.slice(1), depth: ex.depth + 1 };
      for (const [n, v] of assigns) this.setVar(inner, n, v);
      try {
        return await this.execCommand(fn, inner, io);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        ex.positional = saved;
      }
    }
    const command = Object.prototype.hasOwnProperty.call(this.commands, name) ? this.commands[name] : undefined;
    if (!command) {
      if (name.includes("/")) {
        const st = this.fs.stat(this.fs.resolve(ex.state.cwd, name));
        io.stderr.write(st ? (st.type === "dir" ? `bash: ${name}: Is a directory\n` : `bash: ${name}: Permission denied\n`) : `bash: ${name}: No such file or directory\n`);
        return st ? 126 : 127;
      }
      io.stderr.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const env = { ...ex.state.env };
    for (const [n, v] of assigns) env[n] = v;
    env.PWD = ex.state.cwd;
    let writeError: string | undefined;
    const stdout: OutputSink = io.stdout;
    const stderr: OutputSink = io.stderr;
    try {
      return await command({
        argv,
        stdin: io.stdin,
        stdout,
        stderr,
        env,
        cwd: ex.state.cwd,
        fs: this.fs,
        host: io.host,
        stdoutIsTerminal: io.tty,
        shell: this.api(ex, io),
      });
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof StopError || e instanceof LoopSignal || e instanceof ReturnSignal) throw e;
      if (e instanceof FileSinkError) writeError = e.message;
      else if (e instanceof VfsError) {
        io.stderr.write(`${name}: ${e.path}: ${e.message}\n`);
        return 1;
      } else {
        if (io.host.signal.aborted) return 130;
        io.stderr.write(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 1;
      }
    }
    io.stderr.write(`bash: ${name}: write error: ${writeError}\n`);
    return 1;
  }

  /** The interpreter as builtins see it. */
  private api(ex: Exec, io: Io): ShellApi {
    const shell = this;
    return {
      get state() {
        return ex.state;
      },
      getVar: (n) => this.getVar(ex, n),
      setVar: (n, v, exported) => this.setVar(ex, n, v, exported),
      unsetVar: (n) => {
        delete ex.state.vars[n];
        delete ex.state.env[n];
        delete ex.functions[n];
      },
      exportVar: (n) => {
        if (n in ex.state.vars) {
          ex.state.env[n] = ex.state.vars[n];
          delete ex.state.vars[n];
        } else if (!(n in ex.state.env)) ex.state.env[n] = "";
      },
      setCwd: (p) => {
        ex.state.oldpwd = ex.state.cwd;
        ex.state.env.OLDPWD = ex.state.cwd;
        ex.state.cwd = p;
        ex.state.env.PWD = p;
      },
      commandNames: () => Object.keys(shell.commands).sort(),
      isBuiltin: (n) => SHELL_BUILTINS.has(n),
      runSubshell: async (script, sio) => {
        const sub = shell.subshell(ex);
        const host = sio.host ?? io.host;
        try {
          return await shell.runScript(script, sub, { stdin: sio.stdin ?? EMPTY_INPUT, stdout: sio.stdout, stderr: sio.stderr, host, tty: sio.stdoutIsTerminal ?? false });
        } catch (e) {
          if (e instanceof ExitSignal) return e.code;
          throw e;
        }
      },
      exit: (code) => {
        throw new ExitSignal(code);
      },
    };
  }

  private getVar(ex: Exec, name: string): string | undefined {
    if (Object.prototype.hasOwnProperty.call(ex.state.vars, name)) return ex.state.vars[name];
    if (Object.prototype.hasOwnProperty.call(ex.state.env, name)) return ex.state.env[name];
    return undefined;
  }

  private setVar(ex: Exec, name: string, value: string, exported = false): void {
    if (value.length > L.maxVariableBytes) throw new ExpansionError(`${name}: value longer than ${L.maxVariableBytes} bytes (the limit)`);
    if (exported || Object.prototype.hasOwnProperty.call(ex.state.env, name)) {
      ex.state.env[name] = value;
      delete ex.state.vars[name];
    } else ex.state.vars[name] = value;
    if (name === "PWD") ex.state.cwd = this.fs.resolve(ex.state.cwd, value);
  }

  // ----------------------------------------------------------------------------------------------
  // Redirections

  private async applyRedirs(redirs: Redir[], ex: Exec, io: Io): Promise<number | { io: Io; finish: () => void }> {
    if (!redirs.length) return { io, finish: () => {} };
    const out: Io = { ...io };
    const sinks: FileSink[] = [];
    const fds: Record<number, OutputSink | InputSource | undefined> = { 0: io.stdin, 1: io.stdout, 2: io.stderr };
    let shown = "";
    try {
      for (const r of redirs) {
        shown = r.target?.raw ?? "";
        if (r.op === "<<" || r.op === "<<-") {
          const doc = r.heredoc!;
          const body = doc.quoted ? doc.body : await this.expandParts(doc.parts, ex, io);
          fds[r.fd ?? 0] = new StringSource(body);
          continue;
        }
        const target = await this.expandString(r.target!, ex, io, false);
        shown = target;
        if (r.op === "<<<") {
          fds[r.fd ?? 0] = new StringSource(target + "\n");
          continue;
        }
        if ((r.op === ">&" || r.op === "<&") && /^\d+$/.test(target)) {
          const src = fds[Number(target)];
          if (src === undefined) {
            io.stderr.write(`bash: ${target}: Bad file descriptor\n`);
            return 1;
          }
          fds[r.fd ?? (r.op === ">&" ? 1 : 0)] = src;
          continue;
        }
        if ((r.op === ">&" || r.op === "<&") && target === "-") {
          fds[r.fd ?? (r.op === ">&" ? 1 : 0)] = r.op === ">&" ? { write() {} } : EMPTY_INPUT;
          continue;
        }
        if (target === "") {
          io.stderr.write(`bash: ${r.target!.raw}: ambiguous redirect\n`);
          return 1;
        }
        const path = this.fs.resolve(ex.state.cwd, target);
        if (r.op === "<" || r.op === "<>" || r.op === "<&") {
          if (path === "/dev/stdin") continue;
          fds[r.fd ?? 0] = new StringSource(this.fs.readFile(path));
          continue;
        }
        // Output: >, >>, >|, &>, &>>, >& file
        const both = r.op === "&>" || r.op === "&>>" || (r.op === ">&" && r.fd === undefined);
        const append = r.op === ">>" || r.op === "&>>";
        let sink: OutputSink;
        if (path === "/dev/stdout") sink = fds[1] as OutputSink;
        else if (path === "/dev/stderr") sink = fds[2] as OutputSink;
        else if (path === "/dev/null") sink = { write() {} };
        else {
          const st = this.fs.stat(path);
          if (st?.type === "dir") throw new VfsError("Is a directory", target);
          if (!append || !st) this.fs.writeFile(path, "");
          const fsink = new FileSink(this.fs, path, target);
          sinks.push(fsink);
          sink = fsink;
        }
        if (both) {
          fds[1] = sink;
          fds[2] = sink;
        } else fds[r.fd ?? 1] = sink;
      }
    } catch (e) {
      if (e instanceof VfsError) {
        io.stderr.write(`bash: ${shown}: ${e.message}\n`);
        return 1;
      }
      if (e instanceof ExpansionError) {
        io.stderr.write(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
    out.stdin = fds[0] as InputSource;
    out.stdout = fds[1] as OutputSink;
    out.stderr = fds[2] as OutputSink;
    if (out.stdout !== io.stdout) out.tty = false;
    return { io: out, finish: () => {} };
  }

  // ----------------------------------------------------------------------------------------------
  // Expansion

  /** Words to fields: expansions, field splitting, globbing, quote removal. */
  private async expandWords(words: Word[], ex: Exec, io: Io): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      for (const f of await this.expandFields(w, ex, io)) {
        out.push(f);
        if (out.length > L.maxWords) throw new ExpansionError(`too many words: more than ${L.maxWords} (the limit)`);
      }
    }
    return out;
  }

  /** One word to one string: no splitting, no globbing (assignments, redirection targets). */
  private async expandString(w: Word, ex: Exec, io: Io, assignment: boolean): Promise<string> {
    const parts = this.tilde(w.parts, ex, assignment);
    return this.expandParts(parts, ex, io);
  }

  private tilde(parts: WordPart[], ex: Exec, _assignment: boolean): WordPart[] {
    const first = parts[0];
    if (first?.k === "lit" && !first.q && first.v.startsWith("~")) {
      const m = /^~([^/]*)/.exec(first.v)!;
      let home: string | undefined;
      if (m[1] === "") home = this.getVar(ex, "HOME") ?? "/root";
      else if (m[1] === "root") home = "/root";
      else if (m[1] === "+") home = ex.state.cwd;
      else if (m[1] === "-") home = ex.state.oldpwd;
      if (home !== undefined && (first.v.length === m[0].length || parts.length === 1 || first.v[m[0].length] === "/")) {
        return [{ k: "lit", v: home, q: true }, { ...first, v: first.v.slice(m[0].length) }, ...parts.slice(1)];
      }
    }
    return parts;
  }

  private async expandParts(parts: WordPart[], ex: Exec, io: Io): Promise<string> {
    let s = "";
    for (const p of parts) s += await this.expandPart(p, ex, io);
    if (s.length > L.maxVariableBytes) throw new ExpansionError(`expansion longer than ${L.maxVariableBytes} bytes (the limit)`);
    return s;
  }

  private async expandFields(w: Word, ex: Exec, io: Io): Promise<string[]> {
    const parts = this.tilde(w.parts, ex, false);
    // "$@" expands to one field per positional parameter.
    if (parts.length === 1 && parts[0].k === "param" && parts[0].name === "@" && parts[0].q && !parts[0].op) return [...ex.positional];
    const fields: { text: string; pattern: string; glob: boolean }[] = [];
    let cur = { text: "", pattern: "", glob: false };
    let started = false;
    const push = () => {
      if (started) fields.push(cur);
      cur = { text: "", pattern: "", glob: false };
      started = false;
    };
    for (const p of parts) {
      const value = await this.expandPart(p, ex, io);
      if (p.q) {
        cur.text += value;
        cur.pattern += value.replace(/[\\*?[\]]/g, "\\$&");
        started = true;
        continue;
      }
      if (p.k === "lit") {
        cur.text += value;
        cur.pattern += value;
        if (hasGlob(value)) cur.glob = true;
        if (value) started = true;
        continue;
      }
      // Unquoted expansion: split on IFS whitespace.
      const ifs = this.getVar(ex, "IFS") ?? " \t\n";
      for (const ch of value) {
        if (ifs.includes(ch)) {
          push();
          continue;
        }
        cur.text += ch;
        cur.pattern += ch;
        if (ch === "*" || ch === "?" || ch === "[") cur.glob = true;
        started = true;
      }
    }
    push();
    const out: string[] = [];
    for (const f of fields) {
      if (f.glob && hasGlob(f.pattern)) {
        const matches = globFiles(this.fs, ex.state.cwd, f.pattern, L.maxWords);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  private async expandPart(p: WordPart, ex: Exec, io: Io): Promise<string> {
    switch (p.k) {
      case "lit":
        return p.v;
      case "bad":
        throw new ExpansionError(`${p.raw}: bad substitution`);
      case "cmd":
        return this.commandSubstitution(p.src, ex, io);
      case "arith": {
        const src = await this.expandParts(parseArithText(p.src), ex, io);
        try {
          return String(
            evalArith(
              src,
              (n) => this.getVar(ex, n),
              (n, v) => this.setVar(ex, n, v),
            ),
          );
        } catch (e) {
          if (e instanceof ArithError) throw new ExpansionError(e.message);
          throw e;
        }
      }
      case "param":
        return this.expandParam(p, ex, io);
    }
  }

  private paramValue(name: string, ex: Exec): string | undefined {
    switch (name) {
      case "?":
        return String(ex.state.lastExit);
      case "$":
        return "1";
      case "#":
        return String(ex.positional.length);
      case "@":
      case "*":
        return ex.positional.join(" ");
      case "0":
        return "bash";
      case "!":
        return "";
      case "-":
        return "hB";
      case "PWD":
        return ex.state.cwd;
      case "RANDOM":
        // Deterministic (the engine has no randomness of its own): a counter through an LCG.
        ex.state.vars.__random = String(((Number(ex.state.vars.__random ?? "12345") * 1103515245 + 12345) >>> 0) % 2147483648);
        return String(Number(ex.state.vars.__random) % 32768);
    }
    if (/^\d$/.test(name)) return ex.positional[Number(name) - 1];
    return this.getVar(ex, name);
  }

  private async expandParam(p: Extract<WordPart, { k: "param" }>, ex: Exec, io: Io): Promise<string> {
    const value = this.paramValue(p.name, ex);
    if (!p.op) return value ?? "";
    if (p.op === "len") return String([...(value ?? "")].length);
    const arg = () => this.expandParts(p.arg ?? [], ex, io);
    const unsetOrNull = value === undefined || (p.op.startsWith(":") && value === "");
    switch (p.op) {
      case ":-":
      case "-":
        return unsetOrNull ? arg() : value!;
      case ":=":
      case "=": {
        if (!unsetOrNull) return value!;
        const v = await arg();
        this.setVar(ex, p.name, v);
        return v;
      }
      case ":+":
      case "+":
        return unsetOrNull ? "" : arg();
      case ":?":
      case "?": {
        if (!unsetOrNull) return value!;
        const msg = await arg();
        throw new ExpansionError(`${p.name}: ${msg || "parameter null or not set"}`);
      }
      case "#":
      case "##":
      case "%":
      case "%%": {
        const v = value ?? "";
        const pat = globToRegexSource(await this.patternOf(p.arg ?? [], ex, io));
        const greedy = p.op.length === 2;
        if (p.op[0] === "#") {
          const re = new RegExp("^(?:" + pat + ")");
          let best = -1;
          for (let i = 0; i <= v.length; i++) {
            if (new RegExp("^(?:" + pat + ")$").test(v.slice(0, i))) {
              best = i;
              if (!greedy) break;
            }
          }
          void re;
          return best < 0 ? v : v.slice(best);
        }
        let best = -1;
        for (let i = v.length; i >= 0; i--) {
          if (new RegExp("^(?:" + pat + ")$").test(v.slice(i))) {
            best = i;
            if (!greedy) break;
          }
        }
        return best < 0 ? v : v.slice(0, best);
      }
      case "/":
      case "//": {
        const v = value ?? "";
        const raw = await this.patternOf(p.arg ?? [], ex, io);
        let i = 0;
        for (; i < raw.length; i++) {
          if (raw[i] === "\\") i++;
          else if (raw[i] === "/") break;
        }
        const pat = raw.slice(0, i);
        const rep = raw.slice(i + 1).replace(/\\([\s\S])/g, "$1");
        if (!pat) return v;
        const re = new RegExp(globToRegexSource(pat), p.op === "//" ? "g" : "");
        return v.replace(re, () => rep);
      }
    }
    return value ?? "";
  }

  /** A pattern word: quoted parts are escaped so they match literally. */
  private async patternOf(parts: WordPart[], ex: Exec, io: Io): Promise<string> {
    let s = "";
    for (const part of parts) {
      const v = await this.expandPart(part, ex, io);
      s += part.q ? v.replace(/[\\*?[\]]/g, "\\$&") : v;
    }
    return s;
  }

  private async commandSubstitution(src: string, ex: Exec, io: Io): Promise<string> {
    const sub = this.subshell(ex);
    const sink = new StringSink(L.maxVariableBytes);
    let status: number;
    try {
      status = await this.runScript(src, sub, { stdin: EMPTY_INPUT, stdout: sink, stderr: io.stderr, host: io.host, tty: false });
    } catch (e) {
      if (e instanceof ExitSignal) status = e.code;
      else throw e;
    }
    if (sink.overflow) throw new ExpansionError(`command substitution: output longer than ${L.maxVariableBytes} bytes (the limit)`);
    ex.substStatus = status;
    ex.state.lastExit = status;
    return sink.text.replace(/\n+$/, "");
  }
}

/** `$(( ))` text: `$x` and `$(...)` inside are expanded first. */
function parseArithText(src: string): WordPart[] {
  const parts: WordPart[] = [];
  const lx = new Parser(src).lexer;
  while (lx.pos < src.length) {
    const c = src[lx.pos];
    if (c === "$") lx.readDollar(parts, true);
    else {
      const last = parts[parts.length - 1];
      if (last?.k === "lit") last.v += c;
      else parts.push({ k: "lit", v: c, q: true });
      lx.pos++;
    }
  }
  return parts;
}

class FileSinkError extends Error {}

/** Output redirected to a file: each write appends to it (so a streaming command fills it as it runs). */
class FileSink implements OutputSink {
  error: string | undefined;
  constructor(
    private fs: Vfs,
    private path: string,
    private shown: string,
  ) {}
  write(text: string): void {
    if (this.error) throw new FileSinkError(this.error);
    try {
      this.fs.writeFile(this.path, text, true);
    } catch (e) {
      if (e instanceof VfsError) {
        this.error = e.message;
        throw new FileSinkError(e.message);
      }
      throw e;
    }
  }
}
