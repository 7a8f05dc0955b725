// Test support for lessons: reads lesson folders from disk, prepares a lesson's starting cluster
// in-process, and runs the learner's shell lines through the Terminal (the shell with kubectl), as
// the command endpoint does, keeping the command log the checks read.
import { expect } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { testCluster, type TestClient } from "../../support/cluster";
import { Terminal } from "../../../src/engine/terminal/terminal";
import { KUBERNETES_ADMIN } from "../../../src/engine/cluster/users";
import { loadLesson, type LoadedLesson } from "../../../src/engine/lessons/loader";
import { lessonClockOffsetMs, lessonFileRows, prepareLessonCluster } from "../../../src/engine/lessons/prepare";
import { evaluateChecks, type CheckResult, type CommandLogEntry } from "../../../src/engine/lessons/checks";
import type { Check } from "../../../src/engine/lessons/schema";

export const LESSONS_ROOT = join(__dirname, "../../../lessons");

/** The ids of every lesson folder (a folder holding a lesson.yaml). */
export function lessonIds(): string[] {
  return readdirSync(LESSONS_ROOT)
    .filter((d) => statSync(join(LESSONS_ROOT, d)).isDirectory())
    .filter((d) => {
      try {
        return statSync(join(LESSONS_ROOT, d, "lesson.yaml")).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** Every file of a lesson's folder, by path relative to it. */
export function lessonFiles(id: string): Record<string, string> {
  const dir = join(LESSONS_ROOT, id);
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

export const readLesson = (id: string): LoadedLesson => loadLesson({ id, files: lessonFiles(id) });

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
`;

export interface LessonSession {
  client: TestClient;
  loaded: LoadedLesson;
  commands: CommandLogEntry[];
  /** Runs a command line as the learner would type it; returns its output. */
  run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /** Lets simulated time pass (the learner reading), running controller work as it falls due. */
  wait(ms: number): void;
  check(checks: readonly Check[]): CheckResult[];
}

/** A sandbox in the lesson's starting state. */
export function startLesson(loaded: LoadedLesson, opts: { seed?: string } = {}): LessonSession {
  const client = testCluster({ nodes: loaded.lesson.cluster.nodes.workers, seed: opts.seed ?? `lesson-${loaded.lesson.id}` });
  const problems = prepareLessonCluster(client.cluster, loaded, client.nowMs);
  if (problems.length) throw new Error(problems.join("\n"));
  const wait = (ms: number) => {
    const from = client.nowMs;
    client.nowMs += ms;
    client.cluster.advance(from, client.nowMs);
  };
  wait(lessonClockOffsetMs(loaded));
  const terminal = new Terminal({
    rows: [...Terminal.initialFiles(KUBECONFIG, client.nowMs), ...lessonFileRows(loaded, client.nowMs)],
    api: async (call) => {
      const r = client.cluster.handle({ method: call.method, path: call.path, query: call.query ?? new URLSearchParams(), headers: call.headers ?? {}, body: call.body, user: KUBERNETES_ADMIN, nowMs: client.nowMs });
      // As the sandbox does: a write wakes the alarm at once, so controllers react before the next request.
      if (call.method !== "GET") client.cluster.reconcile(client.nowMs);
      return r;
    },
  });
  const commands: CommandLogEntry[] = [];
  return {
    client,
    loaded,
    commands,
    async run(line) {
      let stdout = "";
      let stderr = "";
      const { exitCode } = await terminal.run(line, {
        out: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
        signal: new AbortController().signal,
        now: () => client.nowMs,
        sleep: async (ms) => wait(ms),
      });
      commands.push({ command: line, exitCode });
      client.cluster.reconcile(client.nowMs);
      return { stdout, stderr, exitCode };
    },
    wait,
    check: (checks) => evaluateChecks(checks, { cluster: client.cluster, nowMs: client.nowMs, commands }),
  };
}

/** How long the learner takes between typing a step's solution and asking for the Check. */
export const THINK_MS = 30_000;

/**
 * Replays `lessonId` up to and including `stepId` — the reference solutions of the earlier steps, then
 * `lines` typed for that step — and answers the step's check results. Every line must succeed
 * (kubectl's warnings, such as apply over an object made by create, are allowed).
 */
export async function tryStep(lessonId: string, stepId: string, lines: string[]): Promise<{ results: CheckResult[]; session: LessonSession }> {
  const loaded = readLesson(lessonId);
  const session = startLesson(loaded);
  for (const step of loaded.lesson.steps) {
    const own = step.id === stepId;
    for (const line of own ? lines : step.solution) {
      const r = await session.run(line);
      const stderr = withoutWarnings(r.stderr);
      expect({ line, exitCode: r.exitCode, stderr }).toEqual({ line, exitCode: 0, stderr: "" });
    }
    session.wait(THINK_MS);
    if (own) return { results: session.check(step.checks), session };
  }
  throw new Error(`no step ${stepId} in ${lessonId}`);
}

/** stderr without kubectl's `Warning: ...` lines (part of a correct run). */
export const withoutWarnings = (stderr: string) => stderr.replace(/^Warning: .*\n/gm, "");

/** The messages of the checks that failed. */
export const failures = (results: CheckResult[]) => results.filter((r) => !r.passed).map((r) => r.message);
