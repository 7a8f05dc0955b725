// The operations a simulated learner performs, and a generator of random sequences of them. The
// sequence depends on the seed alone (never on the cluster's state), so a failure's op list replays
// exactly; an op whose target does not exist simply gets a 404 from the API.
import { Prng } from "./prng";

export type WorkloadKind = "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" | "Job";
export type Size = "none" | "small" | "big";
export type Propagation = "Background" | "Foreground" | "Orphan" | "default";
/** A Deployment's strategy: Recreate, or RollingUpdate with the defaults (25%/25%) or explicit bounds. */
export type Strategy = "Recreate" | "RollingUpdate" | "RollingUpdate(maxSurge=0,maxUnavailable=1)" | "RollingUpdate(maxSurge=1,maxUnavailable=0)";

export type Op =
  | { op: "apply"; kind: WorkloadKind; name: string; image: string; replicas: number; size: Size; strategy?: Strategy; script?: string; completions?: number; parallelism?: number }
  | { op: "scale"; kind: "Deployment" | "ReplicaSet" | "StatefulSet"; name: string; replicas: number }
  | { op: "image"; kind: WorkloadKind; name: string; image: string }
  | { op: "delete"; kind: WorkloadKind; name: string; propagation: Propagation }
  | { op: "deletePod"; app: string; pick: number; force: boolean }
  | { op: "createPod"; name: string; app: string; image: string; size: Size }
  | { op: "deleteBarePod"; name: string }
  | { op: "cordon" | "uncordon" | "nodeDown" | "nodeUp"; node: string }
  | { op: "tick"; ms: number };

/** Images that pull, and one whose tag does not exist (ErrImagePull, then ImagePullBackOff). */
export const GOOD_IMAGES = ["nginx:1.27", "nginx:1.28"];
export const BAD_IMAGE = "nginx:doesnotexist";
export const JOB_IMAGE = "busybox:1.36";
/** Job scripts: one that succeeds after a while, one that fails at once. */
export const JOB_SCRIPTS = ["sleep 2", "sleep 5; exit 0", "exit 1"];

/** The names each kind uses (few, so ops often hit something that exists). */
export const NAMES: Record<WorkloadKind, readonly string[]> = {
  Deployment: ["web", "api"],
  ReplicaSet: ["front"],
  // "db" has volumeClaimTemplates and OrderedReady; "cache" has no claims and Parallel.
  StatefulSet: ["db", "cache"],
  DaemonSet: ["agent"],
  Job: ["batch"],
};
export const BARE_POD_NAMES = ["solo", "lonely"];

export function workerNames(workers: number): string[] {
  return Array.from({ length: workers }, (_, i) => `node${String(i + 1).padStart(2, "0")}`);
}

export function isGoodImage(image: string): boolean {
  return image !== BAD_IMAGE;
}

function image(r: Prng): string {
  return r.weighted({ "nginx:1.27": 45, "nginx:1.28": 40, [BAD_IMAGE]: 15 } as Record<string, number>);
}

function size(r: Prng): Size {
  return r.weighted({ none: 50, small: 40, big: 10 });
}

function kind(r: Prng): WorkloadKind {
  return r.weighted({ Deployment: 35, ReplicaSet: 12, StatefulSet: 28, DaemonSet: 12, Job: 13 });
}

/** How long the learner waits before the next op: mostly seconds, sometimes minutes (backoffs, evictions). */
function tickMs(r: Prng): number {
  switch (r.weighted({ instant: 30, seconds: 35, half: 20, minutes: 15 })) {
    case "instant":
      return r.int(0, 3000);
    case "seconds":
      return r.int(3000, 30_000);
    case "half":
      return r.int(30_000, 120_000);
    default:
      return r.int(120_000, 600_000);
  }
}

export function generateOps(seed: string, workers: number): Op[] {
  const r = new Prng(`ops:${seed}`);
  const nodes = workerNames(workers);
  const count = r.int(8, 18);
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    const k = kind(r);
    const name = r.pick(NAMES[k]);
    const choice = r.weighted({ apply: 26, scale: 11, image: 9, delete: 8, deletePod: 8, bare: 4, node: 10, tick: 24 });
    switch (choice) {
      case "apply":
        if (k === "Job") {
          ops.push({ op: "apply", kind: k, name, image: JOB_IMAGE, replicas: 0, size: "none", script: r.pick(JOB_SCRIPTS), completions: r.int(1, 3), parallelism: r.int(1, 2) });
        } else {
          const strategy: Strategy | undefined =
            k === "Deployment" ? r.weighted({ RollingUpdate: 50, "RollingUpdate(maxSurge=0,maxUnavailable=1)": 15, "RollingUpdate(maxSurge=1,maxUnavailable=0)": 15, Recreate: 20 }) : undefined;
          ops.push({ op: "apply", kind: k, name, image: image(r), replicas: r.int(0, 3), size: k === "DaemonSet" ? "none" : size(r), ...(strategy ? { strategy } : {}) });
        }
        break;
      case "scale": {
        const sk = r.pick(["Deployment", "ReplicaSet", "StatefulSet"] as const);
        // Scaling to zero and back is its own case: bias toward 0 so it happens often.
        ops.push({ op: "scale", kind: sk, name: r.pick(NAMES[sk]), replicas: r.chance(0.25) ? 0 : r.int(1, 4) });
        break;
      }
      case "image":
        ops.push({ op: "image", kind: k, name, image: image(r) });
        break;
      case "delete":
        ops.push({ op: "delete", kind: k, name, propagation: r.pick(["Background", "Foreground", "Orphan", "default"] as const) });
        break;
      case "deletePod":
        ops.push({ op: "deletePod", app: name, pick: r.int(0, 7), force: r.chance(0.2) });
        break;
      case "bare":
        if (r.chance(0.65)) {
          // Sometimes labelled like ReplicaSet "front"'s pods: the ReplicaSet adopts it (and may delete it as excess).
          const podName = r.pick(BARE_POD_NAMES);
          ops.push({ op: "createPod", name: podName, app: r.chance(0.3) ? "front" : podName, image: image(r), size: size(r) });
        }
        else ops.push({ op: "deleteBarePod", name: r.pick(BARE_POD_NAMES) });
        break;
      case "node":
        ops.push({ op: r.weighted({ cordon: 25, uncordon: 20, nodeDown: 30, nodeUp: 25 }), node: r.pick(nodes) });
        break;
      default:
        ops.push({ op: "tick", ms: tickMs(r) });
    }
  }
  return ops;
}

export function describeOp(o: Op): string {
  switch (o.op) {
    case "apply": {
      const extra = o.kind === "Job" ? `script=${JSON.stringify(o.script)} completions=${o.completions} parallelism=${o.parallelism}` : `replicas=${o.replicas} image=${o.image} requests=${o.size}${o.strategy ? ` strategy=${o.strategy}` : ""}`;
      return `apply ${o.kind}/${o.name} ${extra}`;
    }
    case "scale":
      return `scale ${o.kind}/${o.name} --replicas=${o.replicas}`;
    case "image":
      return `set image ${o.kind}/${o.name} app=${o.image}`;
    case "delete":
      return `delete ${o.kind}/${o.name} propagation=${o.propagation}`;
    case "deletePod":
      return `delete pod #${o.pick} of app=${o.app}${o.force ? " --force --grace-period=0" : ""}`;
    case "createPod":
      return `run pod/${o.name} --labels=app=${o.app} image=${o.image} requests=${o.size}`;
    case "deleteBarePod":
      return `delete pod/${o.name}`;
    case "cordon":
    case "uncordon":
      return `${o.op} ${o.node}`;
    case "nodeDown":
      return `annotate node ${o.node} kubeplay.dev/simulate=NotReady`;
    case "nodeUp":
      return `annotate node ${o.node} kubeplay.dev/simulate-`;
    case "tick":
      return `wait ${(o.ms / 1000).toFixed(1)}s`;
  }
}
