// Everything one kubectl invocation gets from whoever runs it (the shell in the sandbox, or a test):
// streams, time, the API door and files. kubectl itself holds no state between invocations; what
// real kubectl keeps in ~/.kube/config lives in the sandbox's virtual filesystem.
import type { ApiResponse } from "../apiserver/request";
import type { InputSource, OutputSink, ShellHost } from "../shell/types";

/** One request to the sandbox's API server (the host adds the user and the simulated time). */
export interface ApiCall {
  method: string;
  /** Path below the cluster's server URL, e.g. "/api/v1/namespaces/default/pods". */
  path: string;
  query?: URLSearchParams;
  /** Lower-case header names. */
  headers?: Record<string, string>;
  body?: Uint8Array;
}

/** The files kubectl reads (`-f`, `--from-file`, the kubeconfig) and writes (the kubeconfig). */
export interface KubectlFiles {
  /** The file's text, or undefined when there is no such file. Relative paths are from the cwd. */
  read(path: string): string | undefined;
  /** Whether the path is a directory. */
  isDirectory(path: string): boolean;
  /** Names of a directory's entries (not paths), sorted; undefined when not a directory. */
  list(path: string): string[] | undefined;
  /** Writes a file (creating parent directories), throwing an Error with a message on failure. */
  write(path: string, content: string): void;
}

export interface KubectlEnv {
  stdin: InputSource;
  stdout: OutputSink;
  stderr: OutputSink;
  host: ShellHost;
  files: KubectlFiles;
  /** Environment variables (KUBECONFIG, KUBE_EDITOR, ...). */
  vars: Record<string, string>;
  /** The learner's editor (`kubectl edit`), when the terminal has one; see ShellHost.edit. */
  edit?(file: string, content: string): Promise<string | null>;
  /**
   * kubectl's discovery cache (~/.kube/cache/discovery): kept by the host between invocations, so a
   * command costs one request, not three. Refreshed when a type is not found in it, as kubectl does.
   */
  cache?: { discovery?: import("./client").ApiResource[] };
  /** The one door into the cluster: the same in-process API server the HTTP API exposes. */
  api(call: ApiCall): Promise<ApiResponse>;
}
