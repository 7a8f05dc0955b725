// The contract between the shell and the commands it runs (builtins, coreutils, kubectl).
// Pure: the host (the Durable Object, or a test) supplies time, sleeping and cancellation.

/** Where a command writes. Text is UTF-8; a command may write many times (streaming output). */
export interface OutputSink {
  write(text: string): void;
}

/** What a command reads: its stdin, possibly still being written by the previous pipeline stage. */
export interface InputSource {
  /** The next chunk, or null once the writer has finished. */
  read(): Promise<string | null>;
}

/** What the host provides to every command. */
export interface ShellHost {
  /** Simulated time now, in ms since the epoch (the sandbox's clock, never the engine's own). */
  now(): number;
  /**
   * Waits `ms` (the cluster keeps running meanwhile: the host runs due controller work). Resolves
   * early, without throwing, when `signal` aborts.
   */
  sleep(ms: number): Promise<void>;
  /** Aborted on Ctrl-C or when the command line's run-time limit passes. */
  signal: AbortSignal;
  /**
   * Opens `content` as `file` in the learner's editor (the web terminal's) and resolves to the saved
   * text, or null when the learner cancels. Absent where there is no editor (the command endpoint).
   */
  edit?(file: string, content: string): Promise<string | null>;
}

/** A command's exit status, as bash reports it ($?). */
export type ExitCode = number;

// ---------------------------------------------------------------------------------------------
// Added by the shell: what a command receives, the persisted shell state and the filesystem API.

/** Everything a command sees when it runs. */
export interface CommandContext {
  /** argv[0] is the command's name as typed (after alias expansion). */
  argv: string[];
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
  /** The exported environment plus this command's `A=b` prefixes (a copy: changing it changes nothing). */
  env: Record<string, string>;
  /** Absolute working directory. */
  cwd: string;
  fs: ShellFs;
  /** Time, sleeping and cancellation. `host.signal` also aborts when a later pipeline stage stops reading. */
  host: ShellHost;
  /** True when stdout goes straight to the learner's terminal (not a pipe or a file): `ls` prints columns. */
  stdoutIsTerminal: boolean;
  /** Interpreter state for builtins (cd, export, alias, history, exit, watch...). */
  shell: ShellApi;
}

export type CommandFn = (ctx: CommandContext) => Promise<ExitCode>;

/** The shell state that persists with the sandbox: a plain JSON value. */
export interface ShellState {
  /** Absolute working directory. */
  cwd: string;
  /** The previous working directory (`cd -`), if any. */
  oldpwd?: string;
  /** Exported variables: the environment commands receive. */
  env: Record<string, string>;
  /** Shell variables that are not exported (`A=b` alone). */
  vars: Record<string, string>;
  aliases: Record<string, string>;
  /** Command lines as typed, oldest first, at most LIMITS.shell.historyEntries. */
  history: string[];
  /** Number of the first entry in `history` (bash numbers entries from 1 and keeps counting). */
  historyBase: number;
  /** $? of the last command line. */
  lastExit: number;
}

/** A stored filesystem entry. `content: null` is a directory. */
export interface VfsRow {
  path: string;
  content: string | null;
  mtimeMs?: number;
}

/** What changed since the last `takeChanges()`: rows to write and paths to delete. */
export interface VfsChanges {
  upserts: VfsRow[];
  deletes: string[];
}

export interface ShellFsStat {
  type: "file" | "dir";
  size: number;
  mtimeMs: number;
}

/**
 * The filesystem commands use. Paths may be relative to `cwd` given separately (commands resolve
 * with `resolve`). Failures throw `VfsError` whose `message` is the errno text
 * ("No such file or directory").
 */
export interface ShellFs {
  resolve(cwd: string, path: string): string;
  stat(path: string): ShellFsStat | undefined;
  readFile(path: string): string;
  writeFile(path: string, content: string, append?: boolean): void;
  mkdir(path: string, parents?: boolean): void;
  /** Names in a directory, sorted by code point. */
  readdir(path: string): string[];
  remove(path: string, recursive?: boolean): void;
  rename(from: string, to: string): void;
  copy(from: string, to: string): void;
  touch(path: string): void;
}

/** What builtins may ask of the interpreter. */
export interface ShellApi {
  readonly state: ShellState;
  /** The value of a shell or environment variable. */
  getVar(name: string): string | undefined;
  /** Sets a variable; exported ones go to the environment. */
  setVar(name: string, value: string, exported?: boolean): void;
  unsetVar(name: string): void;
  exportVar(name: string): void;
  setCwd(path: string): void;
  /** The registered command names (builtins, coreutils, extra commands such as kubectl). */
  commandNames(): string[];
  isBuiltin(name: string): boolean;
  /** Runs a command string in a subshell (watch, xargs) with the given streams. */
  runSubshell(script: string, io: { stdin?: InputSource; stdout: OutputSink; stderr: OutputSink; host: ShellHost; stdoutIsTerminal?: boolean }): Promise<ExitCode>;
  /** Ends the command line (`exit`): thrown past every command. */
  exit(code: number): never;
}
