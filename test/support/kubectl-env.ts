// Runs the emulated kubectl against an in-process test cluster: `kubectl("get pods -o wide")` gives
// stdout, stderr and the exit code. Files live in a plain map (path -> text); time is the test
// cluster's clock, and sleeping advances it and runs due controller work.
import { runKubectl } from "../../src/engine/kubectl/index";
import type { KubectlEnv, KubectlFiles } from "../../src/engine/kubectl/env";
import type { InputSource } from "../../src/engine/shell/types";
import { KUBERNETES_ADMIN } from "../../src/engine/cluster/users";
import { testCluster, type TestClient } from "./cluster";

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface KubectlTester {
  client: TestClient;
  files: Map<string, string>;
  /** Runs kubectl with the words of `line` (split on spaces; pass an array for words with spaces). */
  kubectl(line: string | string[], opts?: { stdin?: string; vars?: Record<string, string>; signal?: AbortSignal }): Promise<KubectlResult>;
}

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: kubeplay
    cluster:
      server: https://127.0.0.1:8787/clusters/test
contexts:
  - name: kubeplay
    context:
      cluster: kubeplay
      user: kubeplay
      namespace: default
current-context: kubeplay
users:
  - name: kubeplay
    user:
      token: test-token
preferences: {}
`;

export function kubectlTester(opts: { nodes?: number; seed?: string; client?: TestClient } = {}): KubectlTester {
  const client = opts.client ?? testCluster({ nodes: opts.nodes, seed: opts.seed });
  const files = new Map<string, string>([["/root/.kube/config", KUBECONFIG]]);
  const abs = (p: string) => (p.startsWith("/") ? p : `/root/${p}`).replace(/\/+$/, "") || "/";
  const fs: KubectlFiles = {
    read: (p) => files.get(abs(p)),
    isDirectory: (p) => [...files.keys()].some((k) => k.startsWith(abs(p) + "/")),
    list: (p) => {
      const prefix = abs(p) + "/";
      const names = new Set<string>();
      for (const k of files.keys()) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split("/")[0]);
      return names.size ? [...names].sort() : undefined;
    },
    write: (p, content) => void files.set(abs(p), content),
  };
  return {
    client,
    files,
    async kubectl(line, o = {}) {
      const argv = Array.isArray(line) ? line : line.split(" ").filter(Boolean);
      let stdout = "";
      let stderr = "";
      let stdinText: string | null = o.stdin ?? "";
      const stdin: InputSource = {
        async read() {
          const t = stdinText;
          stdinText = null;
          return t === "" ? null : t;
        },
      };
      const signal = o.signal ?? new AbortController().signal;
      const env: KubectlEnv = {
        stdin,
        stdout: { write: (t) => void (stdout += t) },
        stderr: { write: (t) => void (stderr += t) },
        host: {
          now: () => client.nowMs,
          async sleep(ms) {
            if (signal.aborted) return;
            client.tick(ms);
          },
          signal,
        },
        files: fs,
        vars: o.vars ?? {},
        async api(call) {
          return client.cluster.handle({
            method: call.method,
            path: call.path,
            query: call.query ?? new URLSearchParams(),
            headers: call.headers ?? {},
            body: call.body,
            user: KUBERNETES_ADMIN,
            nowMs: client.nowMs,
          });
        },
      };
      const exitCode = await runKubectl(argv, env);
      return { stdout, stderr, exitCode };
    },
  };
}
