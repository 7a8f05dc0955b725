// One pod's life on its node, as declarative stages in the spirit of kwok: each stage says which pods or
// containers it applies to (a selector on the status), when it fires (a delay from a time the status
// records: startTime, startedAt, finishedAt, deletionTimestamp…) and what it changes (a status patch
// and the events the real kubelet records on the way).
//
// The kubelet keeps no memory of its own: everything is recomputed from the pod, its node and the clock,
// so any alarm (at-least-once) reaches the same decisions. syncPod applies every stage that is due, in
// time order, and says when the next one is.
import type { KubeObject } from "../kinds/types";
import type { Container, ContainerState, ContainerStatus, PodSpec, PodStatus } from "../kinds/common/pod";
import { isRestartableInitContainer } from "../kinds/common/pod";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { deepEqual } from "../machinery/json";
import { nodeHasImage, parseImage, resolvePull, type ImageRef, type PullableImage } from "./images";
import { containerEnv, memoryLimitBytes, startErrorOf, workloadOf, type ClusterView, type Workload } from "./workloads";
import { simulate } from "./shell";
import { failingTicks, firstFailureRun, probeMessage, probeOf, probeOutcome, probeSchedule, readinessChanges, tickAtOrAfter, tickTime, type ProbeKind } from "./probes";
import { DELAYS, backoffAfterFailures, crashBackoffMs, goDuration, jitterMs, pullDurationMs } from "./timing";
import { containerStatus, defaultWaiting, isTerminalPhase, orderPodStatus, podConditions, podPhase, volumeMountStatuses } from "./status";

export interface PlannedEvent {
  at: number;
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  /** spec.containers{name} for container events; absent for pod events. */
  fieldPath?: string;
  /** Recorded by a status transition (never a duplicate); otherwise deduplicated by time. */
  fresh?: boolean;
}

/** What the kubelet knows beyond the pod: its node, the cluster, and what it already recorded. */
export interface KubeletEnv {
  nowMs: number;
  node: KubeObject;
  nodeIP: string;
  view: ClusterView;
  /** containerd://<64 hex> from the cluster's rng. */
  newContainerID(): string;
  /** Whether the node had this image at `atMs` (before pulls that completed later). */
  imagePresent(ref: ImageRef, atMs: number): boolean;
  /** Image id and size of an image the node has. */
  nodeImage(ref: ImageRef): { imageID?: string; sizeBytes?: number } | undefined;
  /** An event this kubelet recorded for the pod: count and last time (ms), if any. */
  recorded(fieldPath: string | undefined, reason: string, message: string): { count: number; lastMs: number } | undefined;
  /** A free address from the node's pod CIDR. */
  allocatePodIP(): string | undefined;
  /** Kubelet admission: why the node cannot run the pod (undefined: it can). */
  admit(): { reason: string; message: string } | undefined;
  /** When a client last wrote the pod's spec or metadata (managedFields), and when the kubelet last wrote its status. */
  lastUserWriteMs: number;
  lastKubeletWriteMs: number;
}

export interface SyncResult {
  /** The new status when it differs from the stored one. */
  status?: PodStatus;
  events: PlannedEvent[];
  /** Images pulled onto the node. */
  pulled: PullableImage[];
  /** The kubelet's final delete of a pod it finished terminating. */
  remove: boolean;
  wakeAtMs?: number;
  /** Depends on objects other than the pod and node (ConfigMaps for env, Services for nslookup): do not cache. */
  volatile: boolean;
}

interface Transition {
  at: number;
  name: string;
  apply(): void;
}

interface Plan {
  next?: Transition;
  pending: PlannedEvent[];
}

interface Sim {
  pod: KubeObject;
  spec: PodSpec;
  st: PodStatus;
  env: KubeletEnv;
  uid: string;
  events: PlannedEvent[];
  pulled: PullableImage[];
  remove: boolean;
  clock: number;
  volatile: boolean;
  /** Phase set by a stage that decides it (rejection, deadline, termination); otherwise computed. */
  phaseOverride?: { phase: string; reason?: string; message?: string };
  podIsTerminal: boolean;
  sandboxReady: boolean;
  /** The pod is deleted without a last status write. */
  skipFinalStatus?: boolean;
}

const t = (s: string | undefined | null): number | undefined => (s ? parseRfc3339(s) : undefined);
const Z = rfc3339(0);

/** Kubelet's format.Pod: "name_namespace(uid)". */
const formatPod = (pod: KubeObject) => `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;

function fieldPathOf(spec: PodSpec, name: string): string {
  return (spec.initContainers ?? []).some((c) => c.name === name) ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

function statusesOf(st: PodStatus, init: boolean): ContainerStatus[] {
  return (init ? st.initContainerStatuses : st.containerStatuses) ?? [];
}

function findStatus(st: PodStatus, name: string, init: boolean): ContainerStatus | undefined {
  return statusesOf(st, init).find((s) => s.name === name);
}

function setStatus(sim: Sim, cs: ContainerStatus, init: boolean) {
  const list = [...statusesOf(sim.st, init)];
  const i = list.findIndex((s) => s.name === cs.name);
  if (i >= 0) list[i] = cs;
  else list.push(cs);
  if (init) {
    const order = (sim.spec.initContainers ?? []).map((c) => c.name);
    list.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    sim.st.initContainerStatuses = list;
  } else {
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    sim.st.containerStatuses = list;
  }
}

const isDefaultWaiting = (cs: ContainerStatus | undefined) =>
  !cs || (!!cs.state?.waiting && (cs.state.waiting.reason === "ContainerCreating" || cs.state.waiting.reason === "PodInitializing") && !cs.containerID && !cs.lastState?.terminated && !cs.state.waiting.message);

/** An event as recorded before this sync plus what this sync emitted so far (not written yet). */
function recordedSoFar(sim: Sim, fieldPath: string | undefined, reason: string, message: string): { count: number; lastMs: number } | undefined {
  const rec = sim.env.recorded(fieldPath, reason, message);
  let count = rec?.count ?? 0;
  let lastMs = rec?.lastMs ?? -Infinity;
  for (const e of sim.events) {
    if (e.fieldPath !== fieldPath || e.reason !== reason || e.message !== message) continue;
    if (!e.fresh && rec && rec.lastMs >= Math.floor(e.at / 1000) * 1000) continue;
    count++;
    lastMs = Math.max(lastMs, Math.floor(e.at / 1000) * 1000);
  }
  return count ? { count, lastMs } : undefined;
}

const jit = (sim: Sim, what: string, range: readonly [number, number]) => jitterMs(sim.uid, what, range[0], range[1]);

/** The spec image as containerd names it ("docker.io/library/nginx:1.27"). */
function resolvedName(image: string): string {
  const p = parseImage(image);
  if (!p.ok) return image;
  return p.ref.digest && !p.ref.tag ? `${p.ref.repo}@${p.ref.digest}` : `${p.ref.repo}:${p.ref.tag ?? "latest"}`;
}

function defaultPullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const p = parseImage(String(c.image ?? ""));
  return p.ok && (p.ref.tag ?? (p.ref.digest ? "" : "latest")) === "latest" ? "Always" : "IfNotPresent";
}

// ---------------------------------------------------------------------------------------------
// Starting a container: pull, create, start (kuberuntime startContainer).
// ---------------------------------------------------------------------------------------------

interface Attempt {
  /** When the attempt is over: the container started, or the kubelet gave up for this sync. */
  end: number;
  events: PlannedEvent[];
  outcome:
    | { kind: "started"; startedAt: number; image: string; imageID: string; containerID?: string }
    | { kind: "startError"; finishedAt: number; message: string; image: string; imageID: string }
    | { kind: "waiting"; reason: string; message: string };
  pulled?: PullableImage;
}

function startAttempt(sim: Sim, c: Container, beginAt: number, restartCount: number, pulledInBatch?: Set<string>): Attempt {
  const name = String(c.name);
  const fp = fieldPathOf(sim.spec, name);
  const image = String(c.image ?? "");
  const key = `${name}|${restartCount}|${beginAt}`;
  const ev = (at: number, type: PlannedEvent["type"], reason: string, message: string): PlannedEvent => ({ at, type, reason, message, fieldPath: fp });
  const events: PlannedEvent[] = [];
  const parsed = parseImage(image);
  if (!parsed.ok) {
    const message = `Failed to apply default image tag ${JSON.stringify(image)}: ${parsed.message}`;
    const at = beginAt + 5;
    events.push(ev(at, "Warning", "InspectFailed", message), ev(at, "Warning", "Failed", "Error: InvalidImageName"));
    return { end: at, events, outcome: { kind: "waiting", reason: "InvalidImageName", message } };
  }
  const ref = parsed.ref;
  const policy = defaultPullPolicy(c);
  // An image pulled by an earlier stage of this same sync (the first start of a container that exits at
  // once and is restarted) is on the node, though the node's image list is only written after the sync.
  const present = sim.env.imagePresent(ref, beginAt) || !!pulledInBatch?.has(ref.full) || nodeHasImage(sim.pulled, ref).present;
  if (policy === "Never" && !present) {
    const message = `Container image ${JSON.stringify(image)} is not present with pull policy of Never`;
    const at = beginAt + 5;
    events.push(ev(at, "Warning", "ErrImageNeverPull", message), ev(at, "Warning", "Failed", "Error: ErrImageNeverPull"));
    return { end: at, events, outcome: { kind: "waiting", reason: "ErrImageNeverPull", message } };
  }
  let readyAt = beginAt;
  let resolved: { image: string; imageID: string };
  let pulled: PullableImage | undefined;
  if (policy === "Always" || !present) {
    events.push(ev(beginAt, "Normal", "Pulling", `Pulling image ${JSON.stringify(image)}`));
    const r = resolvePull(ref);
    if (!r.ok) {
      const at = beginAt + jit(sim, `fail|${key}`, DELAYS.pullFailMs);
      events.push(ev(at, "Warning", "Failed", `Failed to pull image ${JSON.stringify(image)}: ${r.error}`), ev(at, "Warning", "Failed", "Error: ErrImagePull"));
      return { end: at, events, outcome: { kind: "waiting", reason: "ErrImagePull", message: r.error } };
    }
    const dur = present ? jit(sim, `cached|${key}`, DELAYS.pullCachedMs) : pullDurationMs(sim.uid, key, r.sizeBytes);
    readyAt = beginAt + dur;
    const d = goDuration(dur);
    events.push(ev(readyAt, "Normal", "Pulled", `Successfully pulled image ${JSON.stringify(image)} in ${d} (${d} including waiting). Image size: ${r.sizeBytes} bytes.`));
    resolved = { image: r.image, imageID: sim.env.nodeImage(ref)?.imageID ?? r.imageID };
    if (!present) {
      pulled = r;
      pulledInBatch?.add(ref.full);
    }
  } else {
    readyAt = beginAt + 2;
    events.push(ev(readyAt, "Normal", "Pulled", `Container image ${JSON.stringify(image)} already present on machine`));
    const r = resolvePull(ref);
    const onNode = sim.env.nodeImage(ref);
    resolved = { image: r.ok ? r.image : resolvedName(image), imageID: onNode?.imageID ?? (r.ok ? r.imageID : "") };
  }
  // The container's configuration: env from ConfigMaps and Secrets must resolve.
  const envCheck = containerEnv(sim.pod, c, sim.env.view);
  if (envCheck.missing) {
    sim.volatile = true;
    const at = readyAt + 8;
    events.push(ev(at, "Warning", "Failed", `Error: ${envCheck.missing}`));
    return { end: at, events, outcome: { kind: "waiting", reason: "CreateContainerConfigError", message: envCheck.missing }, pulled };
  }
  const created = readyAt + jit(sim, `create|${key}`, DELAYS.createMs);
  events.push(ev(created, "Normal", "Created", `Created container ${name}`));
  const startError = startErrorOf(c);
  if (startError) {
    const at = created + jit(sim, `starterr|${key}`, [15, 60]);
    events.push(ev(at, "Warning", "Failed", `Error: ${startError}`));
    return { end: at, events, outcome: { kind: "startError", finishedAt: at, message: startError, ...resolved }, pulled };
  }
  const startedAt = created + jit(sim, `start|${key}`, DELAYS.startMs);
  events.push(ev(startedAt, "Normal", "Started", `Started container ${name}`));
  return { end: startedAt, events, outcome: { kind: "started", startedAt, ...resolved }, pulled };
}

/** The status a container gets from an attempt (restartCount: the new count when a container was created). */
function statusFromAttempt(sim: Sim, c: Container, a: Attempt, prev: ContainerStatus | undefined, restartCount: number, lastState: ContainerState | undefined, isInit: boolean): ContainerStatus {
  const name = String(c.name);
  const mounts = volumeMountStatuses(c);
  const o = a.outcome;
  if (o.kind === "started") {
    const hasStartup = !!probeOf(c, "startup");
    const hasReadiness = !!probeOf(c, "readiness");
    const sidecar = isInit && isRestartableInitContainer(c);
    const started = !hasStartup;
    return containerStatus({
      name,
      state: { running: { startedAt: rfc3339(o.startedAt) } },
      lastState,
      ready: isInit && !sidecar ? false : started && !hasReadiness,
      restartCount,
      image: o.image,
      imageID: o.imageID,
      containerID: sim.env.newContainerID(),
      started,
      volumeMounts: mounts,
    });
  }
  if (o.kind === "startError") {
    const id = sim.env.newContainerID();
    return containerStatus({
      name,
      state: { terminated: { exitCode: 128, reason: "StartError", message: o.message, startedAt: Z, finishedAt: rfc3339(o.finishedAt), containerID: id } },
      lastState,
      ready: false,
      restartCount,
      image: o.image,
      imageID: o.imageID,
      containerID: id,
      started: false,
      volumeMounts: mounts,
    });
  }
  // Not started: keep what the previous container left (restart count, last state, ids).
  return containerStatus({
    name,
    state: { waiting: { reason: o.reason, message: o.message } },
    lastState: lastState ?? prev?.lastState,
    ready: false,
    restartCount: prev?.restartCount ?? 0,
    image: prev?.imageID ? String(prev.image) : String(c.image ?? ""),
    imageID: prev?.imageID ?? "",
    containerID: prev?.containerID,
    started: false,
    volumeMounts: mounts,
  });
}

// ---------------------------------------------------------------------------------------------
// Stages.
// ---------------------------------------------------------------------------------------------

/** The sandbox is up about a second after the kubelet admitted the pod (startTime is whole seconds). */
function sandboxAt(sim: Sim): number {
  return (t(sim.st.startTime) ?? sim.env.nowMs) + 1000 + jit(sim, "sandbox", DELAYS.sandboxMs);
}

function markSandbox(sim: Sim) {
  if (!sim.sandboxReady) {
    sim.sandboxReady = true;
    if (!sim.spec.hostNetwork && !sim.st.podIP) {
      const ip = sim.env.allocatePodIP();
      if (ip) {
        sim.st.podIP = ip;
        sim.st.podIPs = [{ ip }];
      }
    }
  }
}

/** Stage "admit": the kubelet first sees a pod bound to its node. */
function admitStage(sim: Sim): Transition {
  return {
    at: sim.env.nowMs,
    name: "admit",
    apply: () => {
      const rejection = sim.env.admit();
      const at = sim.clock;
      if (rejection) {
        sim.phaseOverride = { phase: "Failed", reason: rejection.reason, message: `Pod was rejected: ${rejection.message}` };
        sim.events.push({ at, type: "Warning", reason: rejection.reason, message: rejection.message, fresh: true });
        return;
      }
      const spec = sim.spec;
      sim.st.startTime = rfc3339(at);
      sim.st.hostIP = sim.env.nodeIP;
      sim.st.hostIPs = [{ ip: sim.env.nodeIP }];
      if (spec.hostNetwork) {
        sim.st.podIP = sim.env.nodeIP;
        sim.st.podIPs = [{ ip: sim.env.nodeIP }];
      }
      const hasInit = (spec.initContainers ?? []).length > 0;
      if (hasInit) sim.st.initContainerStatuses = (spec.initContainers ?? []).map((c) => defaultWaiting(c, true));
      sim.st.containerStatuses = (spec.containers ?? []).map((c) => defaultWaiting(c, hasInit)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
}

/** Stage "start-batch": the first sync after the sandbox (or the init containers) starts every regular container in order. */
function batchStage(sim: Sim, beginAt: number, containers: Container[]): Plan {
  const pulledInBatch = new Set<string>();
  const attempts: Array<{ c: Container; a: Attempt }> = [];
  let at = beginAt;
  for (const c of containers) {
    const a = startAttempt(sim, c, at, 0, pulledInBatch);
    attempts.push({ c, a });
    at = a.end;
  }
  const writeAt = at + jit(sim, "batch-pleg", DELAYS.plegMs);
  return {
    pending: attempts.flatMap((x) => x.a.events),
    next: {
      at: writeAt,
      name: "start-containers",
      apply: () => {
        markSandbox(sim);
        for (const { c, a } of attempts) {
          const prev = findStatus(sim.st, String(c.name), false);
          setStatus(sim, statusFromAttempt(sim, c, a, prev, 0, undefined, false), false);
          if (a.pulled) sim.pulled.push(a.pulled);
        }
      },
    },
  };
}

/** Stage "start-init": init container k starts once the sandbox exists or init container k-1 completed. */
function initStartStage(sim: Sim, c: Container, beginAt: number): Plan {
  const a = startAttempt(sim, c, beginAt, 0);
  return {
    pending: a.events,
    next: {
      at: a.end + jit(sim, `init-pleg|${c.name}`, DELAYS.plegMs),
      name: `start-init ${c.name}`,
      apply: () => {
        markSandbox(sim);
        const prev = findStatus(sim.st, String(c.name), true);
        setStatus(sim, statusFromAttempt(sim, c, a, prev, 0, undefined, true), true);
        if (a.pulled) sim.pulled.push(a.pulled);
      },
    },
  };
}

function shouldRestart(sim: Sim, c: Container, isInit: boolean, exitCode: number): boolean {
  const policy = sim.spec.restartPolicy ?? "Always";
  if (isInit) {
    if (isRestartableInitContainer(c)) return true;
    return exitCode !== 0 && policy !== "Never";
  }
  return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
}

function graceSeconds(sim: Sim, probeGrace?: number): number {
  return Math.max(0, probeGrace ?? sim.spec.terminationGracePeriodSeconds ?? 30);
}

/** How long a container takes to stop after SIGTERM, and its exit code. */
function stopping(sim: Sim, w: Workload, key: string, graceMs: number): { ms: number; exitCode: number } {
  if (graceMs <= 0) return { ms: 0, exitCode: 137 };
  if (w.sigterm === "ignore") return { ms: graceMs, exitCode: 137 };
  return { ms: Math.min(graceMs, jit(sim, `stop|${key}`, DELAYS.stopMs)), exitCode: w.sigterm === "exit0" ? 0 : 143 };
}

function terminated(exitCode: number, reason: string, startedAt: string | undefined, finishedAt: number, containerID: string | undefined, message?: string): ContainerState {
  const term: NonNullable<ContainerState["terminated"]> = { exitCode, reason };
  if (message) term.message = message;
  term.startedAt = startedAt ?? Z;
  term.finishedAt = rfc3339(finishedAt);
  if (containerID) term.containerID = containerID;
  return { terminated: term };
}

const exitReason = (code: number) => (code === 0 ? "Completed" : "Error");

/** A restart after `beginAt`: a new container (restartCount + 1) replacing the one whose last state is `last`. */
function restartPlan(sim: Sim, c: Container, cs: ContainerStatus, isInit: boolean, beginAt: number, last: ContainerState, name: string, extra: PlannedEvent[] = []): Plan {
  const r = cs.restartCount ?? 0;
  const a = startAttempt(sim, c, beginAt, r + 1);
  const created = a.outcome.kind !== "waiting";
  return {
    pending: [...extra, ...a.events],
    next: {
      at: a.end + jit(sim, `restart-pleg|${c.name}|${r}`, DELAYS.plegMs),
      name,
      apply: () => {
        const next = statusFromAttempt(sim, c, a, cs, created ? r + 1 : r, last, isInit);
        if (!created) next.lastState = last;
        setStatus(sim, next, isInit);
        if (a.pulled) sim.pulled.push(a.pulled);
      },
    },
  };
}

/** Stages of a running container: exit, OOM kill, probes, a changed image. */
function runningPlan(sim: Sim, c: Container, cs: ContainerStatus, isInit: boolean): Plan {
  const name = String(c.name);
  const fp = fieldPathOf(sim.spec, name);
  const S = t(cs.state?.running?.startedAt) ?? sim.clock;
  const r = cs.restartCount ?? 0;
  const w = workloadOf({ pod: sim.pod, container: c, startedAtMs: S, podIP: sim.st.podIP ?? "", view: sim.env.view });
  if (w.dependsOnCluster) sim.volatile = true;
  const pending: PlannedEvent[] = [];
  const candidates: Transition[] = [];
  const annotationFrom = Math.max(S, sim.env.lastUserWriteMs);
  const ev = (at: number, type: PlannedEvent["type"], reason: string, message: string): PlannedEvent => ({ at, type, reason, message, fieldPath: fp });

  const exitWith = (at: number, code: number, reason: string, why: string, message?: string): Transition => ({
    at,
    name: why,
    apply: () => {
      const state = terminated(code, reason, cs.state?.running?.startedAt, at, cs.containerID, message);
      const ready = isInit && !isRestartableInitContainer(c) && code === 0;
      setStatus(sim, containerStatus({ name, state, lastState: cs.lastState, ready, restartCount: r, image: String(cs.image), imageID: String(cs.imageID ?? ""), containerID: cs.containerID, started: false, volumeMounts: volumeMountStatuses(c) }), isInit);
    },
  });

  // The process exits by itself.
  if (w.exitAfterMs !== undefined && Number.isFinite(w.exitAfterMs)) {
    const at = S + Math.max(w.exitAfterMs, 10);
    candidates.push(exitWith(Math.max(at, sim.clock), w.exitCode, exitReason(w.exitCode), "exit"));
  }
  // The OOM killer: memory above the limit once the workload has allocated it.
  const limit = memoryLimitBytes(c);
  if (limit !== undefined && w.memoryBytes > limit) {
    const from = w.definiteUsage && sim.pod.metadata.annotations?.["kubeplay.dev/memory-usage"] !== undefined ? annotationFrom : S;
    candidates.push(exitWith(Math.max(from + w.memoryRampMs, sim.clock), 137, "OOMKilled", "oom"));
  }

  // Probes. Startup first: liveness and readiness only count once it succeeded.
  const probeTarget = { pod: sim.pod, container: c, workload: w, startedAtMs: S, podIP: sim.st.podIP ?? "", annotationFromMs: annotationFrom };
  const sched = (kind: ProbeKind) => {
    const p = probeOf(c, kind)!;
    return { p, s: probeSchedule(sim.uid, c, kind, p, S, r), o: probeOutcome(kind, p, probeTarget) };
  };
  let startedFrom = S;
  let kill: { at: number; message: string; graceMs: number } | undefined;
  const unhealthy = (kind: ProbeKind, s: ReturnType<typeof sched>["s"], from: number, to: number, output: string, capped: boolean) => {
    const message = probeMessage(kind, output);
    // Failures before the last one recorded are history: start after it.
    const rec = recordedSoFar(sim, fp, "Unhealthy", message);
    const start = rec ? Math.max(from, tickAtOrAfter(s, rec.lastMs + 1000)) : from;
    const everyMinute = Math.max(1, Math.round(60_000 / s.periodMs));
    for (let n = start, count = 0; n <= to && count < 100; n++) {
      // Readiness keeps failing for as long as the container runs: record the first failures, then one a minute.
      if (capped && n - from >= 10 && (n - from) % everyMinute !== 0) continue;
      pending.push(ev(tickTime(s, n), "Warning", "Unhealthy", message));
      count++;
    }
  };
  if (probeOf(c, "startup")) {
    const { p, s, o } = sched("startup");
    const run = firstFailureRun(s, o, 0, s.failureThreshold);
    // Success at the first passing tick (failing stretches shorter than the threshold are sat out).
    let n = 0;
    for (const [a, b] of failingTicks(s, o, 0)) {
      if (a > n) break;
      n = b;
    }
    const success = Number.isFinite(n) && (!run || n < run.firstFail) ? tickTime(s, n) : undefined;
    if (success !== undefined) {
      startedFrom = success;
      if (cs.started !== true) {
        candidates.push({
          at: Math.max(success, sim.clock),
          name: "startup-probe-succeeded",
          apply: () => setStatus(sim, { ...cs, started: true, ready: !probeOf(c, "readiness") }, isInit),
        });
      }
    } else if (run) {
      unhealthy("startup", s, run.firstFail, run.trip, o.output, false);
      kill = { at: tickTime(s, run.trip), message: `Container ${name} failed startup probe, will be restarted`, graceMs: graceSeconds(sim, p.terminationGracePeriodSeconds) * 1000 };
      startedFrom = Infinity;
    }
  }
  if (probeOf(c, "liveness") && startedFrom !== Infinity) {
    const { p, s, o } = sched("liveness");
    const fromTick = Math.max(0, Math.ceil((startedFrom - s.first) / s.periodMs));
    const run = firstFailureRun(s, o, fromTick, s.failureThreshold);
    if (run && (!kill || tickTime(s, run.trip) < kill.at)) {
      unhealthy("liveness", s, run.firstFail, run.trip, o.output, false);
      kill = { at: tickTime(s, run.trip), message: `Container ${name} failed liveness probe, will be restarted`, graceMs: graceSeconds(sim, p.terminationGracePeriodSeconds) * 1000 };
    }
  }
  if (startedFrom !== Infinity && (!isInit || isRestartableInitContainer(c))) {
    if (probeOf(c, "readiness")) {
      const { s, o } = sched("readiness");
      const horizon = Math.min(kill?.at ?? Infinity, sim.env.nowMs + 7 * 24 * 3600_000);
      const changes = readinessChanges(s, o, startedFrom, horizon);
      // The readiness the status should show now, and the next change after now.
      let readyNow = false;
      let nextChange: { t: number; ready: boolean } | undefined;
      for (const ch of changes) {
        if (ch.t <= sim.clock) readyNow = ch.ready;
        else {
          nextChange = ch;
          break;
        }
      }
      const expectStarted = cs.started === true || !probeOf(c, "startup");
      if (expectStarted && cs.ready !== readyNow) {
        candidates.push({ at: sim.clock, name: "readiness", apply: () => setStatus(sim, { ...cs, ready: readyNow }, isInit) });
      } else if (nextChange) {
        const ready = nextChange.ready;
        candidates.push({ at: nextChange.t, name: "readiness", apply: () => setStatus(sim, { ...cs, ready }, isInit) });
      }
      // Failing ticks record Unhealthy events while the container runs (looking ten minutes ahead at most).
      const fromTick = Math.max(0, Math.ceil((startedFrom - s.first) / s.periodMs));
      const lastTick = Math.floor((Math.min(horizon, sim.env.nowMs + 600_000) - s.first) / s.periodMs);
      for (const [a, b] of failingTicks(s, o, fromTick)) {
        if (a > lastTick) break;
        unhealthy("readiness", s, a, Math.min(b - 1, lastTick), o.output, true);
      }
    } else if (!cs.ready && cs.started !== false) {
      candidates.push({ at: sim.clock, name: "ready", apply: () => setStatus(sim, { ...cs, ready: true, started: true }, isInit) });
    }
  }

  // A changed image (kubectl set image on a bare pod): the container is killed and recreated.
  if (resolvedName(String(c.image ?? "")) !== cs.image && String(c.image ?? "") !== cs.image) {
    const message = `Container ${name} definition changed, will be restarted`;
    // The Killing event records when the kubelet noticed; the first sync to notice is this one.
    const rec = recordedSoFar(sim, fp, "Killing", message);
    const at = rec && rec.lastMs >= Math.floor(S / 1000) * 1000 ? rec.lastMs : Math.max(sim.env.nowMs, S);
    if (!kill || at < kill.at) kill = { at, message, graceMs: graceSeconds(sim) * 1000 };
  }

  let plan: Plan;
  if (kill) {
    const k = kill;
    const stop = stopping(sim, w, `${name}|${r}|kill`, k.graceMs);
    const finishedAt = k.at + stop.ms;
    const last = terminated(stop.exitCode, exitReason(stop.exitCode), cs.state?.running?.startedAt, finishedAt, cs.containerID);
    // Killed containers are started again in the same sync, without backoff.
    const restart = restartPlan(sim, c, cs, isInit, finishedAt, last, "probe-restart", [ev(k.at, "Normal", "Killing", k.message)]);
    candidates.push(restart.next!);
    plan = { pending: [...pending.filter((e) => e.at <= k.at), ...restart.pending] };
  } else plan = { pending };
  const next = candidates.reduce<Transition | undefined>((best, x) => (!best || x.at < best.at ? x : best), undefined);
  if (next) plan.pending = plan.pending.filter((e) => e.at <= next.at || e.reason === "Unhealthy");
  plan.next = next;
  return plan;
}

/** Stages of a container that exited: restart now, CrashLoopBackOff, restart after the backoff, or stay terminated. */
function exitedPlan(sim: Sim, c: Container, cs: ContainerStatus, isInit: boolean): Plan {
  const name = String(c.name);
  const fp = fieldPathOf(sim.spec, name);
  const term = cs.state?.terminated ?? cs.lastState?.terminated;
  if (!term) return { pending: [] };
  if (!shouldRestart(sim, c, isInit, term.exitCode ?? 0)) return { pending: [] };
  const F = t(term.finishedAt) ?? sim.clock;
  const S = term.reason === "StartError" ? undefined : t(term.startedAt);
  const r = cs.restartCount ?? 0;
  const D = crashBackoffMs(r, S === undefined ? undefined : F - S);
  const last: ContainerState = { terminated: { ...term } };
  // The restart sync; an immediate restart still comes two seconds after the last start at the earliest, so
  // identical events of two starts never share a second, even when recorded at the next whole-second sync.
  const lastStart = S ?? F;
  const beginAt = Math.max(F + D + jit(sim, `resync|${name}|${r}`, DELAYS.plegMs), lastStart + 2000);
  if (D > 0 && cs.state?.terminated) {
    // Still showing the exit: CrashLoopBackOff comes with the next pod worker sync.
    const showAt = F + Math.min(D, DELAYS.backoffDisplayMaxMs + jit(sim, `clbo|${name}|${r}`, [0, 5000]));
    if (showAt < beginAt) {
      const message = `back-off ${goDuration(D)} restarting failed container=${name} pod=${formatPod(sim.pod)}`;
      return {
        pending: [],
        next: {
          at: Math.max(showAt, sim.clock),
          name: "crash-loop-back-off",
          apply: () => {
            setStatus(sim, containerStatus({ name, state: { waiting: { reason: "CrashLoopBackOff", message } }, lastState: last, ready: false, restartCount: r, image: String(cs.image), imageID: String(cs.imageID ?? ""), containerID: cs.containerID, started: false, volumeMounts: volumeMountStatuses(c) }), isInit);
            sim.events.push({ at: sim.clock, type: "Warning", reason: "BackOff", message: `Back-off restarting failed container ${name} in pod ${formatPod(sim.pod)}`, fieldPath: fp, fresh: true });
          },
        },
      };
    }
  }
  return restartPlan(sim, c, cs, isInit, Math.max(beginAt, sim.clock), last, "restart");
}

/** Stages of a container the kubelet could not start (image, configuration): back off and retry. */
function waitingPlan(sim: Sim, c: Container, cs: ContainerStatus, isInit: boolean): Plan {
  const name = String(c.name);
  const fp = fieldPathOf(sim.spec, name);
  const reason = cs.state?.waiting?.reason;
  const image = String(c.image ?? "");
  const specChanged = !cs.imageID && cs.image !== image;
  const last = cs.lastState?.terminated ? cs.lastState : undefined;
  // `instant`: retried because something outside the pod changed (an image arrived, a ConfigMap was
  // created). Nothing records when, so the whole attempt happens at this sync.
  const retry = (beginAt: number, why: string, instant = false): Plan => {
    const r = cs.restartCount ?? 0;
    const a = startAttempt(sim, c, beginAt, r + (last ? 1 : 0));
    const created = a.outcome.kind !== "waiting";
    if (instant) for (const e of a.events) e.at = Math.min(e.at, beginAt);
    return {
      pending: a.events,
      next: {
        at: instant ? beginAt : a.end + (created ? jit(sim, `retry-pleg|${name}|${beginAt}`, DELAYS.plegMs) : 0),
        name: why,
        apply: () => {
          setStatus(sim, statusFromAttempt(sim, c, a, cs, created && last ? r + 1 : r, last, isInit), isInit);
          if (a.pulled) sim.pulled.push(a.pulled);
        },
      },
    };
  };
  // The image was changed (kubectl set image, kubectl edit): the next sync tries the new one at once.
  if (specChanged) return retry(Math.max(sim.env.lastUserWriteMs, t(sim.st.startTime) ?? 0), "image-changed");
  if (reason === "ErrImagePull" || reason === "ImagePullBackOff") {
    // The pull error (ImagePullBackOff's message no longer carries it): the event that counts the failures.
    const parsed = parseImage(image);
    const resolved = parsed.ok ? resolvePull(parsed.ref) : undefined;
    const error = resolved && !resolved.ok ? resolved.error : cs.state?.waiting?.message ?? "";
    const msg = `Failed to pull image ${JSON.stringify(image)}: ${error}`;
    const rec = recordedSoFar(sim, fp, "Failed", msg);
    const k = rec?.count ?? 1;
    const failedAt = rec?.lastMs ?? sim.env.lastKubeletWriteMs;
    const backoff = backoffAfterFailures(k);
    const nextAttempt = failedAt + backoff + jit(sim, `pull-retry|${name}|${k}`, [0, 1500]);
    if (reason === "ErrImagePull") {
      const showAt = failedAt + (k <= 1 ? jit(sim, `ipbo|${name}|${k}`, DELAYS.firstPullBackoffDisplayMs) : jit(sim, `ipbo|${name}|${k}`, DELAYS.pullBackoffDisplayMs));
      if (showAt < nextAttempt) {
        return {
          pending: [],
          next: {
            at: Math.max(showAt, sim.clock),
            name: "image-pull-back-off",
            apply: () => {
              const message = `Back-off pulling image ${JSON.stringify(image)}`;
              setStatus(sim, { ...cs, state: { waiting: { reason: "ImagePullBackOff", message } } }, isInit);
              sim.events.push({ at: sim.clock, type: "Normal", reason: "BackOff", message, fieldPath: fp, fresh: true });
              sim.events.push({ at: sim.clock, type: "Warning", reason: "Failed", message: "Error: ImagePullBackOff", fieldPath: fp, fresh: true });
            },
          },
        };
      }
    }
    return retry(Math.max(nextAttempt, sim.clock), "pull-retry");
  }
  if (reason === "ErrImageNeverPull") {
    const p = parseImage(image);
    if (p.ok && sim.env.imagePresent(p.ref, sim.env.nowMs)) return retry(sim.env.nowMs, "image-now-present", true);
    return { pending: [] };
  }
  if (reason === "CreateContainerConfigError") {
    sim.volatile = true;
    if (!containerEnv(sim.pod, c, sim.env.view).missing) return retry(sim.env.nowMs, "config-now-available", true);
    return { pending: [] };
  }
  return { pending: [] };
}

/** A container's stages given its current status. */
function containerPlan(sim: Sim, c: Container, cs: ContainerStatus, isInit: boolean): Plan {
  if (cs.state?.running) return runningPlan(sim, c, cs, isInit);
  if (cs.state?.terminated) return exitedPlan(sim, c, cs, isInit);
  if (cs.state?.waiting?.reason === "CrashLoopBackOff") return exitedPlan(sim, c, cs, isInit);
  if (cs.state?.waiting) return waitingPlan(sim, c, cs, isInit);
  return { pending: [] };
}

function earliest(plans: Plan[]): Plan {
  const pending = plans.flatMap((p) => p.pending);
  let next: Transition | undefined;
  for (const p of plans) if (p.next && (!next || p.next.at < next.at)) next = p.next;
  return { next, pending };
}

/** Stage "stop": a pod being deleted: preStop hooks, SIGTERM, SIGKILL at the grace deadline, then the final delete. */
function terminationPlan(sim: Sim): Plan {
  const m = sim.pod.metadata;
  const grace = m.deletionGracePeriodSeconds ?? 0;
  const K0 = (t(m.deletionTimestamp) ?? sim.env.nowMs) - grace * 1000;
  const graceMs = grace * 1000;
  const pending: PlannedEvent[] = [];
  const stops: Array<{ c: Container; cs: ContainerStatus; isInit: boolean; at: number; exitCode: number; reason: string }> = [];
  const all: Array<{ c: Container; isInit: boolean }> = [
    ...(sim.spec.containers ?? []).map((c) => ({ c, isInit: false })),
    ...(sim.spec.initContainers ?? []).map((c) => ({ c, isInit: true })),
  ];
  for (const { c, isInit } of all) {
    const cs = findStatus(sim.st, String(c.name), isInit);
    if (!cs?.state?.running) continue;
    const name = String(c.name);
    const S = t(cs.state.running.startedAt) ?? K0;
    const w = workloadOf({ pod: sim.pod, container: c, startedAtMs: S, podIP: sim.st.podIP ?? "", view: sim.env.view });
    pending.push({ at: K0, type: "Normal", reason: "Killing", message: `Stopping container ${name}`, fieldPath: fieldPathOf(sim.spec, name) });
    const hook = preStopMs(sim, c, w, graceMs);
    const stop = stopping(sim, w, `${name}|${cs.restartCount ?? 0}|delete`, Math.max(0, graceMs - hook.ms));
    let at = Math.min(K0 + hook.ms + stop.ms, K0 + graceMs);
    let exitCode = hook.exitsProcess ? 0 : stop.exitCode;
    const natural = w.exitAfterMs !== undefined && Number.isFinite(w.exitAfterMs) ? S + Math.max(10, w.exitAfterMs) : Infinity;
    if (natural < at) {
      at = natural;
      exitCode = w.exitCode;
    }
    stops.push({ c, cs, isInit, at, exitCode, reason: exitReason(exitCode) });
  }
  const end = Math.max(K0, ...stops.map((s) => s.at));
  const everStarted = [...(sim.st.initContainerStatuses ?? []), ...(sim.st.containerStatuses ?? [])].some((cs) => !!cs.containerID);
  return {
    pending,
    next: {
      at: Math.max(end, sim.clock),
      name: "terminated",
      apply: () => {
        for (const s of stops) {
          setStatus(
            sim,
            containerStatus({
              name: String(s.c.name),
              state: terminated(s.exitCode, s.reason, s.cs.state?.running?.startedAt, s.at, s.cs.containerID),
              lastState: s.cs.lastState,
              ready: false,
              restartCount: s.cs.restartCount ?? 0,
              image: String(s.cs.image),
              imageID: String(s.cs.imageID ?? ""),
              containerID: s.cs.containerID,
              started: false,
              volumeMounts: volumeMountStatuses(s.c),
            }),
            s.isInit,
          );
        }
        sim.podIsTerminal = true;
        sim.sandboxReady = false;
        sim.remove = true;
        // Nothing ever ran: the final delete follows at once and a terminal status would say nothing new.
        if (!everStarted) sim.skipFinalStatus = true;
      },
    },
  };
}

/** How long a preStop hook runs (capped by the grace period), and whether it stops the process itself (nginx -s quit). */
function preStopMs(sim: Sim, c: Container, w: Workload, graceMs: number): { ms: number; exitsProcess: boolean } {
  const hook = (c.lifecycle as { preStop?: { exec?: { command?: string[] }; httpGet?: unknown; sleep?: { seconds?: number } } } | undefined)?.preStop;
  if (!hook) return { ms: 0, exitsProcess: false };
  if (hook.sleep) return { ms: Math.min(graceMs, Math.max(0, hook.sleep.seconds ?? 0) * 1000), exitsProcess: false };
  if (hook.httpGet) return { ms: Math.min(graceMs, 40), exitsProcess: false };
  const argv = (hook.exec?.command ?? []).map(String);
  if (!argv.length) return { ms: 0, exitsProcess: false };
  const text = argv.join(" ");
  const quits = /nginx\s+-s\s+(quit|stop)|kill\s|pkill|killall/.test(text);
  let ms = 60;
  for (const e of simulate({ argv }, { hostname: String(sim.pod.metadata.name), namespace: String(sim.pod.metadata.namespace), podIP: sim.st.podIP ?? "", env: {}, readFile: () => undefined, resolve: () => null, startedAtMs: 0, busybox: w.shell !== "bash" })) {
    if (e.kind === "exit") {
      ms = Math.max(e.t, 60);
      break;
    }
    if (e.kind === "forever" || e.kind === "pending") {
      ms = graceMs;
      break;
    }
    if (e.kind === "opaque") break;
  }
  return { ms: Math.min(graceMs, ms), exitsProcess: quits };
}

/** Stage "deadline": activeDeadlineSeconds reached. */
function deadlinePlan(sim: Sim): Plan | undefined {
  const ads = sim.spec.activeDeadlineSeconds;
  const start = t(sim.st.startTime);
  if (ads === undefined || ads === null || start === undefined) return undefined;
  const at = start + ads * 1000;
  return {
    pending: [],
    next: {
      at: Math.max(at, sim.clock),
      name: "deadline-exceeded",
      apply: () => {
        const message = "Pod was active on the node longer than the specified deadline";
        sim.events.push({ at: sim.clock, type: "Normal", reason: "DeadlineExceeded", message, fresh: true });
        for (const { c, isInit } of [...(sim.spec.containers ?? []).map((c) => ({ c, isInit: false })), ...(sim.spec.initContainers ?? []).map((c) => ({ c, isInit: true }))]) {
          const cs = findStatus(sim.st, String(c.name), isInit);
          if (!cs?.state?.running) continue;
          const w = workloadOf({ pod: sim.pod, container: c, startedAtMs: t(cs.state.running.startedAt) ?? at, podIP: sim.st.podIP ?? "", view: sim.env.view });
          const code = w.sigterm === "ignore" ? 137 : w.sigterm === "exit0" ? 0 : 143;
          setStatus(sim, { ...cs, state: terminated(code, exitReason(code), cs.state.running.startedAt, sim.clock, cs.containerID), ready: false, started: false }, isInit);
        }
        sim.phaseOverride = { phase: "Failed", reason: "DeadlineExceeded", message };
        sim.sandboxReady = false;
      },
    },
  };
}

/** Every stage that could apply to the pod now; the earliest wins. */
function plan(sim: Sim): Plan {
  const { pod, st, spec } = sim;
  if (isTerminalPhase(st.phase)) return { pending: [] };
  if (!st.startTime) {
    if (pod.metadata.deletionTimestamp) return { pending: [], next: { at: sim.env.nowMs, name: "never-started", apply: () => (sim.remove = true) } };
    return { pending: [], next: admitStage(sim) };
  }
  if (pod.metadata.deletionTimestamp) return terminationPlan(sim);

  const plans: Plan[] = [];
  const deadline = deadlinePlan(sim);
  if (deadline) plans.push(deadline);

  // Init containers run one after the other; sidecars (restartPolicy Always) keep running.
  let prevDone = sandboxAt(sim);
  let initDone = true;
  const sidecars: Container[] = [];
  for (const ic of spec.initContainers ?? []) {
    const cs = findStatus(st, String(ic.name), true);
    const sidecar = isRestartableInitContainer(ic);
    if (isDefaultWaiting(cs)) {
      const first = ic === spec.initContainers![0];
      plans.push(initStartStage(sim, ic, first ? prevDone : prevDone + jit(sim, `init-next|${ic.name}`, DELAYS.plegMs)));
      initDone = false;
      break;
    }
    if (sidecar) {
      sidecars.push(ic);
      if (cs!.state?.running && cs!.started) {
        prevDone = t(cs!.state.running.startedAt) ?? prevDone;
        continue;
      }
      plans.push(containerPlan(sim, ic, cs!, true));
      initDone = false;
      break;
    }
    if (cs!.state?.terminated && (cs!.state.terminated.exitCode ?? 0) === 0) {
      prevDone = t(cs!.state.terminated.finishedAt) ?? prevDone;
      continue;
    }
    plans.push(containerPlan(sim, ic, cs!, true));
    initDone = false;
    break;
  }
  if (initDone) {
    const regular = spec.containers ?? [];
    const batchBegin = (spec.initContainers ?? []).length ? prevDone + jit(sim, "init-done", DELAYS.plegMs) : prevDone;
    if (regular.every((c) => isDefaultWaiting(findStatus(st, String(c.name), false)))) plans.push(batchStage(sim, batchBegin, regular));
    else {
      for (const c of regular) {
        const cs = findStatus(st, String(c.name), false);
        if (cs) plans.push(containerPlan(sim, c, cs, false));
      }
    }
    for (const sc of sidecars) {
      const cs = findStatus(st, String(sc.name), true);
      if (cs) plans.push(containerPlan(sim, sc, cs, true));
    }
  }
  return earliest(plans);
}

/** Recomputes phase and conditions after a stage changed container statuses. */
function finalize(sim: Sim) {
  const st = sim.st;
  const statuses = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
  let phase: string;
  if (sim.phaseOverride) {
    phase = sim.phaseOverride.phase;
    if (sim.phaseOverride.reason) st.reason = sim.phaseOverride.reason;
    if (sim.phaseOverride.message) st.message = sim.phaseOverride.message;
  } else phase = podPhase(sim.spec, statuses, sim.podIsTerminal);
  st.phase = phase;
  if (isTerminalPhase(phase)) sim.sandboxReady = false;
  if (!st.startTime) {
    // A rejected pod: the scheduler's condition stays, nothing else is reported.
    return;
  }
  st.conditions = podConditions(sim.spec, st.conditions ?? [], statuses, phase, sim.sandboxReady, sim.clock);
}

const MAX_STAGES_PER_SYNC = 500;

/** Whether two values have the same JSON (as members of an array: undefined is null). */
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Whether the conditions agree in type, status, reason and message, in order (what the kubelet's status manager compares). */
function sameConditionSignatures(a: PodStatus["conditions"], b: PodStatus["conditions"]): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x[i];
    const q = y[i];
    if (!sameJson(p.type, q.type) || !sameJson(p.status, q.status) || !sameJson(p.reason ?? "", q.reason ?? "") || !sameJson(p.message ?? "", q.message ?? "")) return false;
  }
  return true;
}

/** Applies every stage of the pod that is due at env.nowMs. */
export function syncPod(pod: KubeObject, env: KubeletEnv): SyncResult {
  const stored = (pod.status ?? {}) as PodStatus;
  const sim: Sim = {
    pod,
    spec: (pod.spec ?? {}) as PodSpec,
    // Stages replace what they change (the top-level fields, whole container statuses and condition
    // lists), never change a nested object in place: a shallow copy keeps the stored pod intact.
    st: { ...stored },
    env,
    uid: String(pod.metadata.uid ?? pod.metadata.name),
    events: [],
    pulled: [],
    remove: false,
    clock: Math.min(env.nowMs, env.lastKubeletWriteMs || env.nowMs),
    volatile: false,
    podIsTerminal: false,
    sandboxReady: (stored.conditions ?? []).some((c) => c.type === "PodReadyToStartContainers" && c.status === "True"),
  };
  const seen = new Set<string>();
  const emit = (e: PlannedEvent) => {
    const k = `${e.at}|${e.reason}|${e.fieldPath ?? ""}|${e.message}`;
    if (seen.has(k)) return;
    seen.add(k);
    sim.events.push(e);
  };
  let wakeAtMs: number | undefined;
  let lastStage = "";
  for (let i = 0; i < MAX_STAGES_PER_SYNC; i++) {
    const p = plan(sim);
    const limit = p.next ? Math.min(p.next.at, env.nowMs) : env.nowMs;
    for (const e of p.pending) if (e.at <= limit) emit(e);
    const futureEvent = p.pending.filter((e) => e.at > env.nowMs).reduce((m, e) => Math.min(m, e.at), Infinity);
    if (!p.next || p.next.at > env.nowMs || sim.remove) {
      const nextAt = Math.min(p.next && !sim.remove ? p.next.at : Infinity, futureEvent);
      wakeAtMs = Number.isFinite(nextAt) ? nextAt : undefined;
      break;
    }
    sim.clock = Math.max(sim.clock, p.next.at);
    const key = `${p.next.name}|${p.next.at}`;
    if (key === lastStage) {
      // A stage that changed nothing would fire forever: stop here and wait for something else to change.
      wakeAtMs = undefined;
      break;
    }
    lastStage = key;
    p.next.apply();
    finalize(sim);
    if (sim.remove) break;
  }
  // Someone else rewrote the kubelet's conditions or phase (the node lifecycle controller marks pods not
  // ready while the node is down): the kubelet's status manager puts back what it knows.
  if (!sim.remove && sim.st.startTime && !isTerminalPhase(sim.st.phase) && !sim.phaseOverride) {
    const statuses = [...(sim.st.initContainerStatuses ?? []), ...(sim.st.containerStatuses ?? [])];
    const phase = podPhase(sim.spec, statuses, false);
    const conditions = podConditions(sim.spec, sim.st.conditions ?? [], statuses, phase, sim.sandboxReady, sim.clock);
    if (phase !== sim.st.phase || !sameConditionSignatures(conditions, sim.st.conditions)) {
      sim.clock = Math.max(sim.clock, env.nowMs);
      finalize(sim);
    }
  }
  const status = orderPodStatus(sim.st);
  const changed = !sim.skipFinalStatus && !deepEqual(status, stored);
  return { status: changed ? status : undefined, events: sim.events, pulled: sim.pulled, remove: sim.remove, wakeAtMs, volatile: sim.volatile };
}

