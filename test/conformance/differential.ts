// The differential harness: every corpus line runs through real kubectl (inside bash, against
// sandbox A) and through the sandbox's own command endpoint (our shell and kubectl, against sandbox
// B). A and B have the same seed and receive the same lines, so they hold the same cluster; stdout,
// stderr and exit code must be identical once timing (ages, timestamps) and the sandbox ids are masked.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { httpsJson } from "../support/dev-server";
import { newSession, origin, type Session } from "./sandbox";

export interface CorpusCase {
  /** File and heading, for the test name. */
  name: string;
  steps: CorpusStep[];
}

export type CorpusStep = { kind: "command"; line: string; lineNo: number } | { kind: "advance"; seconds: number };

export interface Outcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Reads corpus files: `## heading` starts a case (a fresh pair of sandboxes), other non-empty lines
 * are command lines (a line opening a here-document takes the lines up to its delimiter), `@advance
 * N` moves both sandboxes' clocks N seconds forward (letting controllers settle), `#` lines are comments.
 */
export function readCorpus(dir: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sh")).sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    let current: CorpusCase | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.startsWith("## ")) {
        current = { name: `${file}: ${line.slice(3).trim()}`, steps: [] };
        cases.push(current);
        continue;
      }
      if (line.trim() === "" || /^#(?!#)/.test(line.trim())) continue;
      if (!current) throw new Error(`${file}:${i + 1}: a command before the first "## heading"`);
      const advance = /^@advance (\d+)$/.exec(line.trim());
      if (advance) {
        current.steps.push({ kind: "advance", seconds: Number(advance[1]) });
        continue;
      }
      let text = line;
      const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(line);
      if (heredoc) {
        const start = i;
        while (++i < lines.length && lines[i].replace(/^\t+/, "") !== heredoc[1]) text += `\n${lines[i]}`;
        if (i >= lines.length) throw new Error(`${file}:${start + 1}: here-document without its ${heredoc[1]} line`);
        text += `\n${lines[i]}`;
      }
      current.steps.push({ kind: "command", line: text, lineNo: i + 1 });
    }
  }
  return cases;
}

/** Masks what legitimately differs between the two sandboxes and the two runs. */
export function normalize(s: string, sessions: Session[], home?: string): string {
  // Real kubectl's home is a temporary directory; the sandbox shell's is /root.
  let out = home ? s.split(home).join("/root") : s;
  for (const sess of sessions) out = out.split(sess.id).join("<sandbox>").split(sess.token).join("<token>").split(sess.id.slice(0, 8)).join("<sb>");
  return (
    out
      // kubectl diff: os.MkdirTemp's random directory suffixes and the diff header's file times.
      .replace(/\/tmp\/(LIVE|MERGED)-\d+/g, "/tmp/$1-<n>").replace(/\t\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{9} [+-]\d{4}$/gm, "\t<mtime>")
      // RFC 3339 timestamps (yaml/json, --timestamps, events) and RFC 1123 dates (describe).
      .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, "<time>")
      .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, "<date>")
      // Ages and durations as kubectl prints them (5s, 2m30s, 3h, 10d, <invalid>, "(5s ago)").
      .replace(/(?<![\w.-])(\d+y\d*d?|\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)(?![\w.-])/g, "<age>")
      // "x<age> over <age>" event counts keep their counts; column padding follows cell widths.
      .replace(/ {2,}/g, "  ")
      .replace(/ +\n/g, "\n")
  );
}

/** Two sandboxes with one seed, a home directory for real kubectl and a `kubectl` on its PATH. */
export class Pair {
  private constructor(
    readonly real: Session,
    readonly ours: Session,
    readonly home: string,
    private readonly binDir: string,
  ) {}

  static async create(kubectlBinary: string, seed: string): Promise<Pair> {
    const [real, ours] = await Promise.all([newSession({ seed }), newSession({ seed })]);
    const home = mkdtempSync(join(tmpdir(), "kubeplay-diff-"));
    mkdirSync(join(home, ".kube"), { recursive: true });
    writeFileSync(join(home, ".kube", "config"), real.kubeconfig);
    const binDir = join(home, ".bin");
    mkdirSync(binDir);
    // Real kubectl names itself after argv[0] in some messages: call it "kubectl".
    symlinkSync(kubectlBinary, join(binDir, "kubectl"));
    return new Pair(real, ours, home, binDir);
  }

  /** The line in bash with real kubectl against sandbox A. */
  runReal(line: string, timeoutMs = 60_000): Promise<Outcome> {
    return new Promise((resolve) => {
      const child = spawn("bash", ["-c", line], {
        cwd: this.home,
        env: { HOME: this.home, PATH: `${this.binDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`, LANG: "C.UTF-8", TERM: "dumb" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, exitCode: code ?? 137 });
      });
    });
  }

  /** The line through sandbox B's command endpoint. */
  async runOurs(line: string): Promise<Outcome> {
    const r = await httpsJson(`${origin()}/api/sessions/${this.ours.id}/commands`, { method: "POST", body: { command: line }, token: this.ours.token });
    if (r.status !== 200) throw new Error(`POST commands: ${r.status} ${r.text}`);
    return r.body as Outcome;
  }

  async advance(seconds: number): Promise<void> {
    for (const s of [this.real, this.ours]) {
      const r = await httpsJson(`${origin()}/api/sessions/${s.id}/clock`, { method: "POST", body: { advanceSeconds: seconds }, token: s.token });
      if (r.status !== 200) throw new Error(`POST clock: ${r.status} ${r.text}`);
    }
  }
}
