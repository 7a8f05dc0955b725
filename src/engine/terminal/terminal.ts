// The learner's terminal inside a sandbox: the shell (with kubectl plugged in as a command) over
// the sandbox's virtual filesystem and persisted shell state. The host supplies the API door, time,
// sleeping and cancellation, and persists `takeChanges()` and `state()` after each command line.
import { Shell } from "../shell/interpreter";
import { Vfs } from "../shell/vfs";
import type { ShellState, VfsChanges, VfsRow } from "../shell/types";
import { kubectlCommand, type ApiDoor } from "./kubectl-command";
import { DEFAULT_KUBECONFIG_PATH } from "../kubectl/kubeconfig";
import { BUILTIN_COMMANDS } from "../shell/commands/index";
import { complete, type Completions } from "./completion";
import { parse } from "yaml";

/** Where a running command line's output goes, as it is produced. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CommandResult {
  exitCode: number;
}

export interface TerminalRunOptions {
  stdin?: string;
  out: CommandOutput;
  /** Ctrl-C, or the host's time limit. */
  signal: AbortSignal;
  /** Simulated time now. */
  now(): number;
  /** Waits (the host runs due controller work meanwhile); resolves early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** The learner's editor, where the door has one (the terminal WebSocket). */
  edit?(file: string, content: string): Promise<string | null>;
}

export class Terminal {
  private readonly shell: Shell;
  private readonly fs: Vfs;

  private readonly api: ApiDoor;

  /**
   * `state` is what `persistedState()` returned; `history` the command lines of the sandbox's command
   * log (oldest first, the first numbered `historyBase`), which is where bash's history is kept.
   */
  constructor(opts: { rows: VfsRow[]; state?: ShellState; history?: { lines: string[]; base: number }; api: ApiDoor }) {
    this.api = opts.api;
    this.fs = new Vfs(opts.rows);
    const state = opts.state && opts.history ? { ...opts.state, history: opts.history.lines, historyBase: opts.history.base } : opts.state;
    this.shell = new Shell({ fs: this.fs, state, commands: { kubectl: kubectlCommand(opts.api, {}) } });
  }

  /** The files a new sandbox starts with: the session's kubeconfig, as kubectl expects it. */
  static initialFiles(kubeconfig: string, nowMs: number): VfsRow[] {
    return [
      { path: "/root/.kube", content: null, mtimeMs: nowMs },
      { path: DEFAULT_KUBECONFIG_PATH, content: kubeconfig, mtimeMs: nowMs },
    ];
  }

  async run(command: string, opts: TerminalRunOptions): Promise<CommandResult> {
    const exitCode = await this.shell.run(command, {
      stdin: opts.stdin,
      stdout: { write: (t) => opts.out.stdout(t) },
      stderr: { write: (t) => opts.out.stderr(t) },
      host: { now: opts.now, sleep: (ms) => opts.sleep(ms, opts.signal), signal: opts.signal, edit: opts.edit },
    });
    return { exitCode };
  }

  /** Tab completion for `line` with the cursor at `cursor`. */
  complete(line: string, cursor: number): Promise<Completions> {
    return complete(line, cursor, { commandNames: [...Object.keys(BUILTIN_COMMANDS), "kubectl"], aliases: this.shell.state.aliases, api: this.api, namespace: this.contextNamespace() });
  }

  /** The namespace of the kubeconfig's current context (what `kubectl get pods` would list). */
  private contextNamespace(): string | undefined {
    try {
      const doc = parse(this.fs.readFile(DEFAULT_KUBECONFIG_PATH)) as { "current-context"?: string; contexts?: { name: string; context?: { namespace?: string } }[] };
      return doc?.contexts?.find((c) => c.name === doc["current-context"])?.context?.namespace;
    } catch {
      return undefined;
    }
  }

  /** Files written and deleted since the last call. */
  takeChanges(): VfsChanges {
    return this.fs.takeChanges();
  }

  /** The live shell state (cwd, variables, aliases, history). */
  state(): ShellState {
    return this.shell.state;
  }

  /**
   * The shell state to store: without its history, which the command log already holds (storing it
   * again would rewrite a growing row on every command).
   */
  persistedState(): ShellState {
    return { ...this.shell.state, history: [], historyBase: 1 };
  }
}
