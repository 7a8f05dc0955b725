// Finding real kubectl binaries and running them against a sandbox, each run with its own cache dir.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The versions conformance runs against, where their binaries exist. */
export const KUBECTL_VERSIONS = ["1.29", "1.32", "1.33"];

function kubectlDir(): string | undefined {
  try {
    const onPath = execFileSync("bash", ["-lc", "command -v kubectl"], { encoding: "utf8" }).trim();
    return onPath ? dirname(realpathSync(onPath)) : undefined;
  } catch {
    return undefined;
  }
}

/** Versioned binaries beside the kubectl on PATH (the Google Cloud CLI layout): version -> path. */
export function findKubectls(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = kubectlDir();
  if (!dir) return found;
  for (const v of KUBECTL_VERSIONS) {
    const p = join(dir, `kubectl.${v}`);
    if (existsSync(p)) found.set(v, p);
  }
  return found;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
  /** Killed for running longer than its timeout. */
  timedOut?: boolean;
}

export class Kubectl {
  private readonly cacheDir: string;
  readonly kubeconfigPath: string;

  constructor(
    readonly binary: string,
    kubeconfig: string,
    /** The dev server's log, quoted when a command times out. */
    private readonly serverLog?: string,
  ) {
    const dir = mkdtempSync(join(tmpdir(), "kubeplay-kubectl-"));
    this.cacheDir = join(dir, "cache");
    this.kubeconfigPath = join(dir, "kubeconfig");
    writeFileSync(this.kubeconfigPath, kubeconfig);
  }

  run(args: string[], opts: { stdin?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = spawn(this.binary, [`--kubeconfig=${this.kubeconfigPath}`, `--cache-dir=${this.cacheDir}`, ...args], {
        env: { ...process.env, HOME: dirname(this.cacheDir), KUBECONFIG: this.kubeconfigPath },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill("SIGKILL");
      }, opts.timeoutMs ?? 30_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, code: code ?? -1, ...(timedOut ? { timedOut } : {}) });
      });
      child.stdin.end(opts.stdin ?? "");
    });
  }

  /** The last lines the dev server printed, to see what it was doing when a command hung. */
  private serverLogTail(): string {
    if (!this.serverLog || !existsSync(this.serverLog)) return "";
    const lines = readFileSync(this.serverLog, "utf8").trimEnd().split("\n");
    return `\n--- last lines of ${this.serverLog} ---\n${lines.slice(-40).join("\n")}`;
  }

  /** Runs and fails loudly unless kubectl exits 0. */
  async ok(args: string[], opts: { stdin?: string } = {}): Promise<string> {
    const r = await this.run(args, opts);
    if (r.timedOut) throw new Error(`kubectl ${args.join(" ")} timed out\n${r.stderr}${r.stdout}${this.serverLogTail()}`);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}\n${r.stderr}${r.stdout}`);
    return r.stdout;
  }
}
