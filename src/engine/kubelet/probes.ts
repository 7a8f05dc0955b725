// Startup, liveness and readiness probes. A probe worker ticks every periodSeconds from shortly after the
// container started; ticks before initialDelaySeconds are skipped. Over one run of a container a probe
// fails during some intervals of time and passes otherwise: a file the script creates late or removes
// (exec `cat /tmp/healthy`), agnhost's /healthz turning 500 after 10 s, a port nothing listens on, a
// lesson's kubeplay.dev/fail-* annotation. Everything else passes.
import type { KubeObject } from "../kinds/types";
import type { Container, Probe } from "../kinds/common/pod";
import type { Workload } from "./workloads";
import { ANNOTATIONS, annotationSelects } from "./workloads";
import { DELAYS, jitterMs } from "./timing";

export type ProbeKind = "startup" | "liveness" | "readiness";

export interface ProbeSchedule {
  /** Absolute ms of the first counted tick; tick n is at first + n × period. */
  first: number;
  periodMs: number;
  failureThreshold: number;
  successThreshold: number;
}

export interface ProbeOutcome {
  /** Absolute [from, to) intervals in which the probe fails, ordered and disjoint. */
  fails: Array<{ from: number; to: number }>;
  /** The prober's output for a failure (events say "<Kind> probe failed: <output>"). */
  output: string;
}

const PASS: ProbeOutcome = { fails: [], output: "" };

export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  const p = kind === "startup" ? c.startupProbe : kind === "liveness" ? c.livenessProbe : c.readinessProbe;
  return p && typeof p === "object" ? p : undefined;
}

/** The tick schedule of a probe for a run that started at `startedAtMs`. */
export function probeSchedule(uid: string, c: Container, kind: ProbeKind, probe: Probe, startedAtMs: number, restartCount: number): ProbeSchedule {
  const periodMs = Math.max(1, probe.periodSeconds ?? 10) * 1000;
  const delayMs = Math.max(0, probe.initialDelaySeconds ?? 0) * 1000;
  const offset = jitterMs(uid, `${c.name}|${kind}|${restartCount}`, DELAYS.probeWorkerMs[0], DELAYS.probeWorkerMs[1]);
  const n0 = Math.max(0, Math.ceil((delayMs - offset) / periodMs));
  return {
    first: startedAtMs + offset + n0 * periodMs,
    periodMs,
    failureThreshold: Math.max(1, probe.failureThreshold ?? 3),
    successThreshold: Math.max(1, probe.successThreshold ?? 1),
  };
}

/** Index of the first tick at or after `t`. */
export function tickAtOrAfter(s: ProbeSchedule, t: number): number {
  if (t === Infinity) return Infinity;
  return Math.max(0, Math.ceil((t - s.first) / s.periodMs));
}

export const tickTime = (s: ProbeSchedule, n: number) => s.first + n * s.periodMs;

export function failingAt(o: ProbeOutcome, t: number): boolean {
  return o.fails.some((f) => t >= f.from && t < f.to);
}

/** Failing ticks as index ranges [a, b) (b may be Infinity), from tick `from` on. */
export function failingTicks(s: ProbeSchedule, o: ProbeOutcome, from = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const f of o.fails) {
    const a = Math.max(from, tickAtOrAfter(s, f.from));
    const b = tickAtOrAfter(s, f.to);
    if (b > a) out.push([a, b]);
  }
  return out;
}

/** The first tick (≥ from) completing `threshold` consecutive failures, with the run's first failing tick. */
export function firstFailureRun(s: ProbeSchedule, o: ProbeOutcome, from: number, threshold: number): { firstFail: number; trip: number } | undefined {
  for (const [a, b] of failingTicks(s, o, from)) {
    if (b - a >= threshold) return { firstFail: a, trip: a + threshold - 1 };
  }
  return undefined;
}

/** When readiness changes: [{t, ready}] from the first tick (≥ fromMs) up to `untilMs`, starting not ready. */
export function readinessChanges(s: ProbeSchedule, o: ProbeOutcome, fromMs: number, untilMs: number): Array<{ t: number; ready: boolean }> {
  const out: Array<{ t: number; ready: boolean }> = [];
  let ready = false;
  let n = tickAtOrAfter(s, fromMs);
  const fails = failingTicks(s, o, n);
  let guard = 0;
  while (tickTime(s, n) <= untilMs && guard++ < 10_000) {
    const seg = fails.find(([a, b]) => n >= a && n < b);
    if (seg) {
      // Failing from n to seg[1]: not ready once failureThreshold consecutive failures are reached.
      const trip = Math.max(n, seg[0] + s.failureThreshold - 1);
      if (ready && trip < seg[1]) {
        if (tickTime(s, trip) > untilMs) break;
        ready = false;
        out.push({ t: tickTime(s, trip), ready });
      }
      if (seg[1] === Infinity) break;
      n = seg[1];
      continue;
    }
    // Passing from n until the next failing segment.
    const next = fails.find(([a]) => a > n)?.[0] ?? Infinity;
    const trip = n + s.successThreshold - 1;
    if (!ready && trip < next) {
      if (tickTime(s, trip) > untilMs) break;
      ready = true;
      out.push({ t: tickTime(s, trip), ready });
    }
    if (next === Infinity) break;
    n = next;
  }
  return out;
}

interface Target {
  pod: KubeObject;
  container: Container;
  workload: Workload;
  startedAtMs: number;
  podIP: string;
  /** Annotation-driven failures start no earlier than this (when the annotation was written). */
  annotationFromMs: number;
}

function resolvePort(c: Container, port: unknown): number | undefined {
  if (typeof port === "number") return port;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  const named = (c.ports ?? []).find((p) => p.name === port);
  return named ? Number(named.containerPort) : undefined;
}

const ANNOTATION_OF: Record<ProbeKind, string> = {
  startup: ANNOTATIONS.failStartup,
  liveness: ANNOTATIONS.failLiveness,
  readiness: ANNOTATIONS.failReadiness,
};

const from = (t: number, output: string): ProbeOutcome => ({ fails: [{ from: t, to: Infinity }], output });

/** When, during this run, the probe fails, and what the prober says then. */
export function probeOutcome(kind: ProbeKind, probe: Probe, t: Target): ProbeOutcome {
  const { container: c, workload: w, startedAtMs: S } = t;
  const forced = annotationSelects(t.pod, ANNOTATION_OF[kind], String(c.name));
  const httpGet = probe.httpGet as { port?: unknown; path?: string; host?: string; scheme?: string } | undefined;
  const tcp = probe.tcpSocket as { port?: unknown; host?: string } | undefined;
  const exec = probe.exec?.command;
  const grpc = probe.grpc as { port?: number } | undefined;
  const refused = (host: string, port: number | string) => `dial tcp ${host}:${port}: connect: connection refused`;

  let natural: ProbeOutcome = PASS;
  let forcedOutput = "";
  if (httpGet) {
    const port = resolvePort(c, httpGet.port);
    const host = httpGet.host || t.podIP;
    const scheme = (httpGet.scheme ?? "HTTP").toLowerCase();
    const path = httpGet.path ?? "/";
    const url = `${scheme}://${host}:${port ?? httpGet.port}${path.startsWith("/") ? path : `/${path}`}`;
    forcedOutput = "HTTP probe failed with statuscode: 500";
    if (port === undefined) natural = from(S, `strconv.Atoi: parsing ${JSON.stringify(String(httpGet.port))}: invalid syntax`);
    else {
      const at0 = w.http(port, path, 0);
      const later = w.http(port, path, 10_000);
      if (at0 === undefined) natural = from(S, `Get ${JSON.stringify(url)}: ${refused(host, port)}`);
      else if (at0 >= 400) natural = from(S, `HTTP probe failed with statuscode: ${at0}`);
      else if (later !== undefined && later >= 400) natural = from(S + 10_000, `HTTP probe failed with statuscode: ${later}`);
    }
  } else if (tcp) {
    const port = resolvePort(c, tcp.port);
    const host = tcp.host || t.podIP;
    forcedOutput = refused(host, port ?? String(tcp.port));
    if (port === undefined || (w.ports && !w.ports.includes(port))) natural = from(S, forcedOutput);
  } else if (grpc) {
    forcedOutput = 'service unhealthy (responded with "NOT_SERVING")';
  } else if (exec && exec.length) {
    natural = execOutcome(exec.map(String), w, S) ?? PASS;
  }
  if (!forced) return natural;
  // The annotation adds a failure from when it was written (a natural failure keeps its own message).
  const at = Math.max(S, t.annotationFromMs);
  if (natural.fails.some((f) => f.from <= at && f.to === Infinity)) return natural;
  return { fails: [...natural.fails.filter((f) => f.to <= at).map((f) => ({ ...f })), { from: at, to: Infinity }], output: natural.fails.length ? natural.output : forcedOutput };
}

/** exec probes: `cat <file>` and friends follow the script's files; `false` / `exit N` fail. */
function execOutcome(argv: string[], w: Workload, S: number): ProbeOutcome | undefined {
  let cmd = argv;
  if (["sh", "/bin/sh", "bash", "/bin/bash"].includes(cmd[0]) && cmd[1] === "-c") cmd = (cmd[2] ?? "").trim().split(/\s+/);
  const name = cmd[0]?.slice(cmd[0].lastIndexOf("/") + 1);
  if (name === "false" || (name === "exit" && cmd[1] !== "0")) return from(S, "");
  let file: string | undefined;
  if (name === "cat" || name === "ls" || name === "stat") file = cmd[cmd.length - 1];
  if ((name === "test" || name === "[") && ["-f", "-e", "-r", "-s"].includes(cmd[1])) file = cmd[2];
  if (!file) return undefined;
  const timeline = w.fileTimeline(file);
  if (!timeline) return undefined;
  const missing =
    name === "cat" ? (w.shell === "bash" ? `cat: ${file}: No such file or directory` : `cat: can't open '${file}': No such file or directory`)
    : name === "ls" ? (w.shell === "bash" ? `ls: cannot access '${file}': No such file or directory` : `ls: ${file}: No such file or directory`)
    : "";
  // Absent from the start until created; each removal opens a failing interval until the next creation.
  const fails: ProbeOutcome["fails"] = [];
  let exists = false;
  let since = 0;
  for (const f of timeline) {
    if (f.exists === exists) continue;
    if (!exists && f.t > since) fails.push({ from: S + since, to: S + f.t });
    exists = f.exists;
    since = f.t;
  }
  if (!exists) fails.push({ from: S + since, to: Infinity });
  return { fails, output: missing };
}

export function probeMessage(kind: ProbeKind, output: string): string {
  const k = kind === "startup" ? "Startup" : kind === "liveness" ? "Liveness" : "Readiness";
  return `${k} probe failed: ${output}`;
}
