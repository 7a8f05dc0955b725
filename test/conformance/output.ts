// Reading kubectl's output for comparison with what kubectl 1.32 prints against a real cluster:
// tables cut into cells by the header's column starts, ages and random name parts masked.
import { describe } from "vitest";
import { kubectlFor, kubectlVersions, newSession, PRIMARY, type Session } from "./sandbox";
import type { Kubectl } from "../support/kubectl";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A duration as kubectl prints it in AGE-like cells (duration.HumanDuration / ShortHumanDuration). */
export const DURATION = /^(\d+y\d*d?|\d+d\d*h?|\d+h\d*m?|\d+m\d*s?|\d+s|<invalid>)$/;

/** "<age>" for a duration cell, the cell itself otherwise. */
export const age = (cell: string) => (DURATION.test(cell) ? "<age>" : cell);

export interface Table {
  header: string[];
  rows: string[][];
}

/**
 * Cuts a kubectl table (tabwriter output, columns at least 3 spaces apart) into cells. Column
 * starts come from the header line; header names may contain single spaces ("NOMINATED NODE").
 * Cells named in `ages` (default AGE, DURATION, LAST SCHEDULE) are masked with "<age>".
 */
export function parseTable(out: string, ages: string[] = ["AGE", "DURATION", "LAST SCHEDULE"]): Table {
  const lines = out.replace(/\n$/, "").split("\n");
  const headerLine = lines[0] ?? "";
  const starts: number[] = [];
  const header: string[] = [];
  for (const m of headerLine.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index!);
    header.push(m[0]);
  }
  const rows = lines.slice(1).map((line) =>
    starts.map((s, i) => {
      const cell = line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim();
      return ages.includes(header[i]) ? age(cell) : cell;
    }),
  );
  return { header, rows };
}

/** The same table with `maskNames` applied to every cell. */
export function masked(t: Table): Table {
  return { header: t.header, rows: t.rows.map((r) => r.map(maskNames)) };
}

/** Rows as objects keyed by header (cells masked with `maskNames`). */
export function records(out: string, ages?: string[]): Array<Record<string, string>> {
  const t = masked(parseTable(out, ages));
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
}

/** Masks the random parts kube-controller-manager adds to names: ReplicaSet pod-template hashes and pod suffixes. */
export function maskNames(s: string): string {
  return s
    .replace(/\b([a-z0-9-]+?)-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz24-9]{5}\b/g, "$1-<hash>-<rand>")
    .replace(/\b(kube-proxy|kube-api-access)-[bcdfghjklmnpqrstvwxz24-9]{5}\b/g, "$1-<rand>");
}

/** Masks pod IPs from the cluster's pod CIDR 10.244.0.0/16 ("10.244.1.3" → "<pod-ip>"). */
export function maskPodIPs(s: string): string {
  return s.replace(/\b10\.244\.\d{1,3}\.\d{1,3}\b(?!\/)/g, "<pod-ip>");
}

/** Masks container and image IDs as describe prints them (containerd://<64 hex>, repo@sha256:<64 hex>). */
export function maskContainerIDs(s: string): string {
  return s.replace(/\bcontainerd:\/\/[0-9a-f]{64}\b/g, "containerd://<id>").replace(/@sha256:[0-9a-f]{64}\b/g, "@sha256:<digest>");
}

/**
 * Splits describe output at its final "Events:" section and returns the text before it and the
 * events as rows of [Type, Reason, Age ("<age>"), From, Message] (names masked), or "<none>".
 */
export function splitEvents(out: string): { head: string; events: string[][] | "<none>" } {
  const at = out.lastIndexOf("\nEvents:");
  if (at < 0) throw new Error(`no Events section in:\n${out}`);
  const head = out.slice(0, at + 1);
  const tail = out.slice(at + 1);
  if (/^Events:\s+<none>\n$/.test(tail)) return { head, events: "<none>" };
  const body = tail.split("\n").slice(1).filter((l) => l !== "" && !/^\s+-+\s/.test(l)).map((l) => l.replace(/^  /, ""));
  const t = parseTable(body.join("\n") + "\n", ["Age"]);
  if (t.header.join(" ") !== "Type Reason Age From Message") throw new Error(`unexpected Events header: ${t.header}`);
  return { head, events: t.rows.map((r) => r.map(maskNames)) };
}

/** Removes terminal colour codes (kubectl 1.29 colours cluster-info even without a terminal). */
export const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, "");

/** Masks RFC 1123 dates as describe prints them ("Sun, 22 Nov 2026 07:26:53 +0000"). */
export function maskDates(s: string): string {
  return s.replace(/\b[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g, "<date>");
}

/** RFC 3339 timestamps as -o yaml/json print them. */
export function maskTimestamps(s: string): string {
  return s.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z\b/g, "<time>");
}

/** Joins lines with "\n" and a final newline: expected outputs written one line per array item. */
export const lines = (...ls: string[]) => ls.join("\n") + "\n";

export interface Env {
  session: Session;
  k: Kubectl;
  version: string;
}

/** A fresh sandbox and a kubectl of `version` pointed at it (created lazily in beforeAll by the caller). */
export async function sandboxFor(version: string): Promise<Env> {
  const session = await newSession();
  const k = kubectlFor(session, version)!;
  return { session, k, version };
}

/** The kubectl versions present, as [version] rows for describe.each (the primary first). */
export function allVersions(): string[] {
  const vs = kubectlVersions().map(([v]) => v);
  return [...vs.filter((v) => v === PRIMARY), ...vs.filter((v) => v !== PRIMARY)];
}

/** Only the primary version (1.32), when present. */
export function primaryOnly(): string[] {
  return kubectlVersions().some(([v]) => v === PRIMARY) ? [PRIMARY] : [];
}

export { describe };

export interface Streaming {
  /** Everything printed to stdout so far. */
  readonly stdout: () => string;
  /** Resolves once stdout matches (rejects after `ms`). */
  waitFor(re: RegExp, ms?: number): Promise<void>;
  /** Ends the command (SIGTERM) and resolves with its output. */
  stop(): Promise<{ stdout: string; stderr: string }>;
}

/** Starts a long-running kubectl (get -w) whose output is read while it runs. */
export function streamKubectl(k: Kubectl, args: string[]): Streaming {
  const cache = mkdtempSync(join(tmpdir(), "kubeplay-kubectl-watch-"));
  const child = spawn(k.binary, [`--kubeconfig=${k.kubeconfigPath}`, `--cache-dir=${cache}`, ...args], { env: { ...process.env, HOME: cache } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const closed = new Promise<void>((r) => child.on("close", () => r()));
  return {
    stdout: () => stdout,
    async waitFor(re, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (!re.test(stdout)) {
        if (Date.now() > deadline) throw new Error(`kubectl ${args.join(" ")}: no ${re} in output:\n${stdout}${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await closed;
      return { stdout, stderr };
    },
  };
}

/**
 * Retries `check` until it stops throwing (controllers run on the sandbox's alarm, just after a
 * write; real clusters take seconds too), failing with its last error after `ms`.
 */
export async function eventually<T>(check: () => Promise<T>, ms = 20_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
