// The pod status the kubelet reports: phase (kubelet_pods.go getPhase), the kubelet-owned conditions
// (status/generate.go) and container statuses in the API's field order.
import type { Container, ContainerState, ContainerStatus, PodCondition, PodSpec, PodStatus } from "../kinds/common/pod";
import { isRestartableInitContainer } from "../kinds/common/pod";
import { rfc3339 } from "../machinery/time";
import { deepFreeze } from "../machinery/json";
import { GenerationalCache } from "../machinery/generational-cache";
import { LIMITS } from "../limits";

export const KUBELET_CONDITIONS = ["PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled"] as const;

export type WaitingReason =
  | "ContainerCreating"
  | "PodInitializing"
  | "ErrImagePull"
  | "ImagePullBackOff"
  | "InvalidImageName"
  | "ErrImageNeverPull"
  | "CreateContainerConfigError"
  | "CrashLoopBackOff";

export const isTerminalPhase = (phase: string | undefined) => phase === "Succeeded" || phase === "Failed";

/** getPhase (kubelet_pods.go, 1.32). */
export function podPhase(spec: PodSpec, statuses: ContainerStatus[], podIsTerminal: boolean): string {
  const byName = statusesByName(statuses);
  let pendingInitialization = 0;
  let failedInitialization = 0;
  for (const c of spec.initContainers ?? []) {
    if (isRestartableInitContainer(c)) continue;
    const s = byName.get(String(c.name));
    if (!s) {
      pendingInitialization++;
      continue;
    }
    if (s.state?.running) pendingInitialization++;
    else if (s.state?.terminated) {
      if ((s.state.terminated.exitCode ?? 0) !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if ((s.lastState.terminated.exitCode ?? 0) !== 0) failedInitialization++;
      } else pendingInitialization++;
    } else pendingInitialization++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = byName.get(String(c.name));
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) {
      if (s.started !== true) pendingInitialization++;
      running++;
    } else if (s.state?.terminated) {
      // not counted
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingInitialization++;
        waiting++;
      }
    } else {
      pendingInitialization++;
      unknown++;
    }
  }
  for (const c of spec.containers ?? []) {
    const s = byName.get(String(c.name));
    if (!s) {
      unknown++;
      continue;
    }
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if ((s.state.terminated.exitCode ?? 0) === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  const restartPolicy = spec.restartPolicy ?? "Always";
  if (failedInitialization > 0 && restartPolicy === "Never") return "Failed";
  const anyRegularStarted = (spec.containers ?? []).some((c) => {
    const s = byName.get(String(c.name));
    return !!s && (!!s.state?.running || !!s.state?.terminated || !!s.lastState?.terminated);
  });
  if ((pendingInitialization > 0 && !anyRegularStarted) || waiting > 0) return "Pending";
  if (running > 0 && unknown === 0) return "Running";
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? "Succeeded" : "Failed";
    if (restartPolicy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (restartPolicy === "Never") return "Failed";
    return "Running";
  }
  return "Pending";
}

interface Cond {
  type: string;
  status: "True" | "False";
  reason?: string;
  message?: string;
}

const SANDBOX_READY: Cond = { type: "PodReadyToStartContainers", status: "True" };
const SANDBOX_NOT_READY: Cond = { type: "PodReadyToStartContainers", status: "False" };
const SCHEDULED: Cond = { type: "PodScheduled", status: "True" };

const list = (names: string[]) => `[${names.join(" ")}]`;

/**
 * A pod's container statuses by name. Pods have a container or two: a scan of the list does what a
 * Map would without building one on every status the kubelet computes.
 */
function statusesByName(statuses: ContainerStatus[]): { get(name: string): ContainerStatus | undefined } {
  return {
    get(name: string) {
      for (const s of statuses) if (s.name === name) return s;
      return undefined;
    },
  };
}

function containersReady(spec: PodSpec, statuses: ContainerStatus[], phase: string): Cond {
  const byName = statusesByName(statuses);
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = byName.get(String(c.name));
    if (!s) unknown.push(String(c.name));
    else if (!s.ready) unready.push(String(c.name));
  }
  for (const c of spec.containers ?? []) {
    const s = byName.get(String(c.name));
    if (!s) unknown.push(String(c.name));
    else if (!s.ready) unready.push(String(c.name));
  }
  if (phase === "Succeeded" && unknown.length === 0) return { type: "ContainersReady", status: "False", reason: "PodCompleted" };
  if (phase === "Failed") return { type: "ContainersReady", status: "False", reason: "PodFailed" };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${list(unready)}`);
  if (msgs.length) return { type: "ContainersReady", status: "False", reason: "ContainersNotReady", message: msgs.join(", ") };
  return { type: "ContainersReady", status: "True" };
}

function podReady(spec: PodSpec, conditions: PodCondition[], cr: Cond): Cond {
  if (cr.status !== "True") return { type: "Ready", status: cr.status, reason: cr.reason, message: cr.message };
  const msgs: string[] = [];
  for (const g of spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate ${JSON.stringify(g.conditionType)} does not exist.`);
    else if (c.status !== "True") msgs.push(`the status of pod readiness gate ${JSON.stringify(g.conditionType)} is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: "Ready", status: "False", reason: "ReadinessGatesNotReady", message: msgs.join(", ") };
  return { type: "Ready", status: "True" };
}

function initialized(spec: PodSpec, statuses: ContainerStatus[], phase: string): Cond {
  const byName = statusesByName(statuses);
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = byName.get(String(c.name));
    if (!s) {
      unknown.push(String(c.name));
      continue;
    }
    const done = isRestartableInitContainer(c) ? s.started === true : s.ready === true;
    if (!done) incomplete.push(String(c.name));
  }
  if (phase === "Succeeded" && unknown.length === 0) return { type: "Initialized", status: "True", reason: "PodCompleted" };
  const anyRegularStarted = (spec.containers ?? []).some((c) => {
    const s = byName.get(String(c.name));
    return !!s && (!!s.state?.running || !!s.state?.terminated || !!s.lastState?.terminated);
  });
  if (anyRegularStarted) return { type: "Initialized", status: "True" };
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${list(incomplete)}`);
  if (msgs.length) return { type: "Initialized", status: "False", reason: "ContainersNotInitialized", message: msgs.join(", ") };
  return { type: "Initialized", status: "True" };
}

/**
 * The conditions after a kubelet status update at `atMs`: conditions the kubelet does not own come first and
 * are kept; its own are regenerated, keeping lastTransitionTime when the status did not change (status manager).
 */
/**
 * Pods that went through the same transitions in the same second have the same conditions: one
 * frozen value each, shared by all of them (a Deployment's pods hold five conditions apiece).
 */
const conditions = new GenerationalCache<string, PodCondition>(LIMITS.isolateCaches.podConditions);

function sharedCondition(c: PodCondition): PodCondition {
  const key = `${c.type}\u0000${c.status}\u0000${c.lastTransitionTime}\u0000${c.reason ?? ""}\u0000${c.message ?? ""}`;
  let shared = conditions.get(key);
  if (!shared) conditions.set(key, (shared = deepFreeze(c)));
  return shared;
}

export function podConditions(spec: PodSpec, old: PodCondition[], statuses: ContainerStatus[], phase: string, sandboxReady: boolean, atMs: number): PodCondition[] {
  const foreign = old.filter((c) => !(KUBELET_CONDITIONS as readonly string[]).includes(c.type));
  const cr = containersReady(spec, statuses, phase);
  const fresh: Cond[] = [
    sandboxReady ? SANDBOX_READY : SANDBOX_NOT_READY,
    initialized(spec, statuses, phase),
    podReady(spec, [...foreign, ...old], cr),
    cr,
    SCHEDULED,
  ];
  const out: PodCondition[] = [...foreign];
  let at: string | undefined;
  for (const f of fresh) {
    const prev = old.find((c) => c.type === f.type);
    // Unchanged and already shared (the usual case): kept as it is, without building it again.
    if (prev && prev.status === f.status && prev.reason === f.reason && prev.message === f.message && prev.lastProbeTime === null && prev.lastTransitionTime && Object.isFrozen(prev)) {
      out.push(prev);
      continue;
    }
    const c: PodCondition = { type: f.type, status: f.status, lastProbeTime: null, lastTransitionTime: prev && prev.status === f.status && prev.lastTransitionTime ? prev.lastTransitionTime : (at ??= rfc3339(atMs)) };
    if (f.reason) c.reason = f.reason;
    if (f.message) c.message = f.message;
    // The scheduler's PodScheduled keeps whatever it said (reason, message) as long as it stays True.
    if (f.type === "PodScheduled" && prev && prev.status === "True") {
      out.push(prev.lastProbeTime === undefined ? { ...prev, lastProbeTime: null } : prev);
      continue;
    }
    out.push(sharedCondition(c));
  }
  return out;
}

/** status.volumeMounts (RecursiveReadOnlyMounts, on by default in 1.32). */
export function volumeMountStatuses(c: Container): ContainerStatus["volumeMounts"] {
  const mounts = (c.volumeMounts ?? []).map((m) => {
    const v: Record<string, unknown> = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      v.readOnly = true;
      v.recursiveReadOnly = "Disabled";
    }
    return v;
  });
  return mounts.length ? (mounts as never) : undefined;
}

/** A container status with the fields in the API's order. */
export function containerStatus(fields: {
  name: string;
  state: ContainerState;
  lastState?: ContainerState;
  ready: boolean;
  restartCount: number;
  image: string;
  imageID: string;
  containerID?: string;
  started: boolean;
  volumeMounts?: ContainerStatus["volumeMounts"];
}): ContainerStatus {
  const s: ContainerStatus = {
    name: fields.name,
    state: fields.state,
    lastState: fields.lastState ?? {},
    ready: fields.ready,
    restartCount: fields.restartCount,
    image: fields.image,
    imageID: fields.imageID,
  };
  if (fields.containerID) s.containerID = fields.containerID;
  s.started = fields.started;
  if (fields.volumeMounts) s.volumeMounts = fields.volumeMounts;
  return s;
}

/** The waiting status the kubelet reports for a container it has not started yet. */
export function defaultWaiting(c: Container, hasInitContainers: boolean, restartCount = 0): ContainerStatus {
  return containerStatus({
    name: String(c.name),
    state: { waiting: { reason: hasInitContainers ? "PodInitializing" : "ContainerCreating" } },
    ready: false,
    restartCount,
    image: String(c.image ?? ""),
    imageID: "",
    started: false,
    volumeMounts: volumeMountStatuses(c),
  });
}

/** Orders a status object's fields as the API serialises PodStatus. */
export function orderPodStatus(s: PodStatus): PodStatus {
  const order = ["phase", "conditions", "message", "reason", "nominatedNodeName", "hostIP", "hostIPs", "podIP", "podIPs", "startTime", "initContainerStatuses", "containerStatuses", "qosClass", "ephemeralContainerStatuses", "resize", "resourceClaimStatuses"];
  const out: Record<string, unknown> = {};
  for (const k of order) if (s[k] !== undefined) out[k] = s[k];
  for (const k of Object.keys(s)) if (!(k in out) && s[k] !== undefined) out[k] = s[k];
  return out as PodStatus;
}
