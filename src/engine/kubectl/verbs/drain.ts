// `kubectl drain`: cordon the node, then evict (or, with --disable-eviction, delete) its pods through
// the pods/eviction subresource, as k8s.io/kubectl/pkg/drain does: the same filters (DaemonSet-managed,
// mirror, emptyDir, unmanaged pods) with their warnings and errors, "evicting pod ns/name", a retry
// every 5 s while a PodDisruptionBudget refuses (429), waiting for each pod to be gone
// ("pod/x evicted") and "node/x drained". Waiting and retrying go through env.host.sleep.
import type { CommandRun, KubectlCommand } from "../command";
import { KubectlError } from "../command";
import { ServerError, type KubeObject } from "../client";
import { formatGoDuration } from "../../machinery/duration";
import { dryRunStrategy, type DryRun } from "../infos";
import { parseLabelSelector } from "../../machinery/labels";
import { cordonOrUncordon, selectedNodes } from "./cordon";
import { DRY_RUN_FLAG, SELECTOR_FLAG } from "../common-flags";

const DAEMONSET_FATAL = "DaemonSet-managed Pods (use --ignore-daemonsets to ignore)";
const DAEMONSET_WARNING = "ignoring DaemonSet-managed Pods";
const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
const UNMANAGED_WARNING = "deleting Pods that declare no controller";
const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";
const EVICTION_RETRY_MS = 5000;
const POLL_MS = 1000;

interface Options {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  disableEviction: boolean;
  gracePeriod: number;
  timeoutMs: number;
  podSelector: string;
  dryRun: DryRun;
}

export const drainCommand: KubectlCommand = {
  name: "drain",
  short: "Drain node in preparation for maintenance",
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`,
  example: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  usage: "drain NODE [options]",
  flags: [
    { name: "chunk-size", type: "int", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "delete-emptydir-data", type: "bool", usage: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)." },
    { name: "disable-eviction", type: "bool", usage: "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution." },
    DRY_RUN_FLAG,
    { name: "force", type: "bool", usage: "Continue even if there are pods that do not declare a controller." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used." },
    { name: "ignore-daemonsets", type: "bool", usage: "Ignore DaemonSet-managed pods." },
    { name: "pod-selector", type: "string", usage: "Label selector to filter pods on the node" },
    SELECTOR_FLAG,
    { name: "skip-wait-for-delete-timeout", type: "int", usage: "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip." },
    { name: "timeout", type: "duration", usage: "The length of time to wait before giving up, zero means infinite" },
  ],
  async run(run) {
    return runDrain(run);
  },
};

/** An error that is a list (utilerrors.Aggregate): `[a, b]` inside messages, one per line at the end. */
class Aggregate extends Error {
  constructor(readonly errors: string[]) {
    super(errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`);
  }
}

async function runDrain(run: CommandRun): Promise<number> {
  const { flags, env } = run;
  const dryRun = dryRunStrategy(run);
  const podSelector = flags.string("pod-selector");
  const nodes = await selectedNodes(run, "drain");
  if (podSelector) {
    try {
      parseLabelSelector(podSelector);
    } catch {
      throw new KubectlError("--pod-selector=<pod_selector> must be a valid label selector");
    }
  }
  const o: Options = {
    force: flags.bool("force"),
    ignoreDaemonSets: flags.bool("ignore-daemonsets"),
    deleteEmptyDirData: flags.bool("delete-emptydir-data"),
    disableEviction: flags.bool("disable-eviction"),
    gracePeriod: flags.int("grace-period"),
    timeoutMs: flags.duration("timeout"),
    podSelector,
    dryRun,
  };
  await cordonOrUncordon(run, nodes, true, dryRun);
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name;
    try {
      await drainNode(run, name, o);
      env.stdout.write(`node/${name} drained${dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : ""}\n`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      env.stderr.write(`error: unable to drain node ${JSON.stringify(name)} due to error: ${msg}, continuing command...\n`);
      fatal.push(...(e instanceof Aggregate ? e.errors : [msg]));
      remaining.push(name);
    }
  }
  if (remaining.length) {
    env.stderr.write(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
    env.stderr.write(fatal.map((f) => `${f}\n`).join(""));
    return 1;
  }
  return 0;
}

type Verdict = { delete: boolean; warning?: string; error?: string };

/** GetPodsForDeletion: the pods on the node and what the filters say of each. */
async function podsForDeletion(run: CommandRun, node: string, o: Options): Promise<{ pods: KubeObject[]; warnings: string; errors: string[] }> {
  const list = await run.client.request("GET", "/api/v1/pods", { query: { fieldSelector: `spec.nodeName=${node}`, labelSelector: o.podSelector || undefined } });
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const pods: KubeObject[] = [];
  for (const pod of (list.items ?? []) as KubeObject[]) {
    const v = await verdict(run, pod, o);
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (v.error) errors.set(v.error, [...(errors.get(v.error) ?? []), id]);
    else if (v.warning) warnings.set(v.warning, [...(warnings.get(v.warning) ?? []), id]);
    if (v.delete && !v.error) pods.push(pod);
  }
  return {
    pods,
    warnings: [...warnings].map(([m, ps]) => `${m}: ${ps.join(", ")}`).join("; "),
    errors: [...errors].map(([m, ps]) => `cannot delete ${m}: ${ps.join(", ")}`),
  };
}

/** The filters in kubectl's order: skip-deleted, DaemonSet, mirror, local storage, unreplicated. */
async function verdict(run: CommandRun, pod: KubeObject, o: Options): Promise<Verdict> {
  const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  let warning: string | undefined;
  const owner = ((pod.metadata.ownerReferences ?? []) as KubeObject[]).find((r) => r.controller === true);
  if (owner?.kind === "DaemonSet" && !finished) {
    try {
      await run.client.request("GET", `/apis/apps/v1/namespaces/${encodeURIComponent(pod.metadata.namespace)}/daemonsets/${encodeURIComponent(owner.name)}`);
      if (!o.ignoreDaemonSets) return { delete: false, error: DAEMONSET_FATAL };
      return { delete: false, warning: DAEMONSET_WARNING };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (e instanceof ServerError && e.code === 404 && o.force) warning = msg;
      else return { delete: false, error: msg };
    }
  }
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return { delete: false };
  if (((pod.spec?.volumes ?? []) as KubeObject[]).some((v) => v.emptyDir) && !finished) {
    if (!o.deleteEmptyDirData) return { delete: false, error: LOCAL_STORAGE_FATAL };
    warning ??= LOCAL_STORAGE_WARNING;
  }
  if (!finished && !owner) {
    if (!o.force) return { delete: false, error: UNMANAGED_FATAL };
    warning ??= UNMANAGED_WARNING;
  }
  return { delete: true, warning };
}

async function drainNode(run: CommandRun, node: string, o: Options): Promise<void> {
  const { env } = run;
  const found = await podsForDeletion(run, node, o);
  if (found.errors.length) throw new Aggregate(found.errors);
  if (found.warnings) env.stderr.write(`Warning: ${found.warnings}\n`);
  if (o.dryRun === "client") {
    for (const p of found.pods) env.stdout.write(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return;
  }
  try {
    if (o.disableEviction) await deletePods(run, found.pods, o);
    else await evictPods(run, found.pods, o);
  } catch (e) {
    const pending = await podsForDeletion(run, node, o).catch(() => undefined);
    if (pending?.pods.length) {
      env.stderr.write(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${(e as Error).message}\n${pending.pods.map((p) => `pod/${p.metadata.name}\n`).join("")}`);
    }
    throw e;
  }
}

const podPath = (p: KubeObject) => `/api/v1/namespaces/${encodeURIComponent(p.metadata.namespace)}/pods/${encodeURIComponent(p.metadata.name)}`;

/** Whether the pod (by uid) is gone. */
async function gone(run: CommandRun, pod: KubeObject): Promise<boolean> {
  try {
    const now = await run.client.request("GET", podPath(pod));
    return now.metadata?.uid !== pod.metadata.uid;
  } catch (e) {
    if (e instanceof ServerError && e.code === 404) return true;
    throw e;
  }
}

async function evictPods(run: CommandRun, pods: KubeObject[], o: Options): Promise<void> {
  const { env } = run;
  const start = env.host.now();
  const timeoutText = o.timeoutMs ? formatGoDuration(o.timeoutMs) : "2562047h47m16.854775807s";
  const deadlineReached = () => o.timeoutMs > 0 && env.host.now() - start >= o.timeoutMs;
  const server = o.dryRun === "server";
  type State = { pod: KubeObject; phase: "evict" | "wait" | "done"; retryAt: number };
  const states: State[] = pods.map((pod) => ({ pod, phase: "evict", retryAt: start }));
  const errors: string[] = [];
  while (states.some((s) => s.phase !== "done")) {
    for (const s of states) {
      const { pod } = s;
      const ref = `pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}`;
      if (s.phase === "evict" && env.host.now() >= s.retryAt) {
        env.stdout.write(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${server ? " (server dry run)" : ""}\n`);
        if (deadlineReached()) {
          errors.push(`error when evicting ${ref}: global timeout reached: ${timeoutText}`);
          s.phase = "done";
          continue;
        }
        const body: KubeObject = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace } };
        const deleteOptions: KubeObject = {};
        if (o.gracePeriod >= 0) deleteOptions.gracePeriodSeconds = o.gracePeriod;
        if (server) deleteOptions.dryRun = ["All"];
        if (Object.keys(deleteOptions).length) body.deleteOptions = deleteOptions;
        try {
          await run.client.request("POST", `${podPath(pod)}/eviction`, { body });
          s.phase = server ? "done" : "wait";
        } catch (e) {
          if (e instanceof ServerError && e.code === 404) s.phase = "done";
          else if (e instanceof ServerError && e.code === 429) {
            env.stderr.write(`error when evicting ${ref} (will retry after 5s): ${e.message}\n`);
            s.retryAt = env.host.now() + EVICTION_RETRY_MS;
          } else {
            errors.push(`error when evicting ${ref}: ${(e as Error).message}`);
            s.phase = "done";
          }
        }
      } else if (s.phase === "wait") {
        if (await gone(run, pod)) {
          env.stdout.write(`pod/${pod.metadata.name} evicted\n`);
          s.phase = "done";
        } else if (deadlineReached()) {
          errors.push(`error when waiting for pod ${JSON.stringify(pod.metadata.name)} in namespace ${JSON.stringify(pod.metadata.namespace)} to terminate: global timeout reached: ${timeoutText}`);
          s.phase = "done";
        }
      }
    }
    if (!states.some((s) => s.phase !== "done")) break;
    if (env.host.signal.aborted) throw new KubectlError("drain interrupted");
    await env.host.sleep(POLL_MS);
  }
  if (errors.length) throw new Aggregate(errors);
}

async function deletePods(run: CommandRun, pods: KubeObject[], o: Options): Promise<void> {
  const { env } = run;
  const server = o.dryRun === "server";
  for (const pod of pods) {
    try {
      await run.client.request("DELETE", podPath(pod), { body: { kind: "DeleteOptions", apiVersion: "v1", ...(o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {}) }, query: server ? { dryRun: "All" } : undefined });
    } catch (e) {
      if (!(e instanceof ServerError && e.code === 404)) throw e;
    }
  }
  if (server) return;
  const start = env.host.now();
  let pending = [...pods];
  for (;;) {
    const still: KubeObject[] = [];
    for (const pod of pending) {
      if (await gone(run, pod)) env.stdout.write(`pod/${pod.metadata.name} deleted\n`);
      else still.push(pod);
    }
    pending = still;
    if (!pending.length) return;
    if (o.timeoutMs > 0 && env.host.now() - start >= o.timeoutMs) throw new KubectlError("context deadline exceeded");
    if (env.host.signal.aborted) throw new KubectlError("drain interrupted");
    await env.host.sleep(POLL_MS);
  }
}
