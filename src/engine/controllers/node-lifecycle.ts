// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go) and the
// part of the kubelet that posts node status, for nodes made unhealthy on purpose.
//
// Lessons and tests make a node stop reporting with an annotation:
//
//     kubectl annotate node node01 kubeplay.dev/simulate=NotReady
//
// is what a real cluster sees when node01's kubelet stops posting status (a crashed kubelet, a
// network partition, a powered-off VM): the controller sets every node condition to Unknown
// ("NodeStatusUnknown", "Kubelet stopped posting node status."), records NodeNotReady for the node
// (`Node node01 status is now: NodeNotReady`) and for each of its pods (`Node is not ready`) whose
// Ready condition it turns False, and taints the node node.kubernetes.io/unreachable with
// NoSchedule and NoExecute (timeAdded set). The taint eviction controller (taint-eviction.ts) then
// deletes the node's pods when their tolerations for that taint run out — 300 s for ordinary pods,
// whose tolerations come from the DefaultTolerationSeconds admission; DaemonSet and static pods
// tolerate it forever. The kubelet simulation leaves such a node alone (`isNodeSimulatedDown`).
// Removing the annotation (`kubectl annotate node node01 kubeplay.dev/simulate-`) is the kubelet
// posting status again: conditions back to their healthy values, a kubelet NodeReady event, the
// pods' Ready condition back where their containers are ready, and the taints gone. The change is
// immediate rather than after the 40 s --node-monitor-grace-period.
//
// Taints follow conditions for every node, whoever set them (TaintNodesByCondition): Ready False ⇒
// node.kubernetes.io/not-ready, Ready Unknown ⇒ node.kubernetes.io/unreachable (NoSchedule and
// NoExecute), MemoryPressure/DiskPressure/PIDPressure/NetworkUnavailable True ⇒ the matching
// NoSchedule taint, and spec.unschedulable (`kubectl cordon`) ⇒ node.kubernetes.io/unschedulable
// NoSchedule.
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "./client";
import { EVENT_TTL_MS } from "./events";
import { KCM_MANAGER } from "./workload-common";
import { clone, deepEqual } from "../machinery/json";
import { ApiError } from "../machinery/status";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { pendingEviction, podRef, TAINT_EVICTION_COMPONENT } from "./taint-eviction";

export const SIMULATE_ANNOTATION = "kubeplay.dev/simulate";
const NODE_CONTROLLER = "node-controller";

export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** nodeConditionToTaintKeyStatusMap. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
  DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
  NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
  PIDPressure: { True: "node.kubernetes.io/pid-pressure" },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** The conditions the controller turns Unknown (NodeNetworkUnavailable belongs to the network plugin). */
const REPORTED_CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"];

/** What the kubelet posts for a healthy node. */
const HEALTHY: Record<string, { status: string; reason: string; message: string }> = {
  MemoryPressure: { status: "False", reason: "KubeletHasSufficientMemory", message: "kubelet has sufficient memory available" },
  DiskPressure: { status: "False", reason: "KubeletHasNoDiskPressure", message: "kubelet has no disk pressure" },
  PIDPressure: { status: "False", reason: "KubeletHasSufficientPID", message: "kubelet has sufficient PID available" },
  Ready: { status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" },
};

/** Whether a lesson made this node's kubelet stop reporting (the kubelet simulation skips it). */
export function isNodeSimulatedDown(node: KubeObject): boolean {
  return node.metadata.annotations?.[SIMULATE_ANNOTATION] === "NotReady";
}

type J = Record<string, any>;

function conditionOf(node: KubeObject, type: string): J | undefined {
  return ((node.status?.conditions ?? []) as J[]).find((c) => c.type === type);
}

export const nodeLifecycleController: Controller = {
  name: "node-lifecycle",
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    let changed = false;
    let podsByNode: Map<string, KubeObject[]> | undefined;
    const podsOn = (node: string): KubeObject[] => {
      if (!podsByNode) {
        podsByNode = new Map();
        for (const p of client.list("v1", "Pod")) {
          const n = p.spec?.nodeName;
          if (!n) continue;
          let list = podsByNode.get(n);
          if (!list) podsByNode.set(n, (list = []));
          list.push(p);
        }
      }
      return podsByNode.get(node) ?? [];
    };
    for (const stored of client.list("v1", "Node")) {
      let node = stored;
      try {
        // Node health: the annotation stops the kubelet's reports; without it the kubelet reports again.
        if (isNodeSimulatedDown(node)) {
          const next = withUnknownConditions(node, ctx.nowMs);
          if (next) {
            node = client.updateStatus(next);
            changed = true;
          }
        } else if (conditionOf(node, "Ready")?.reason === "NodeStatusUnknown") {
          const next = withHealthyConditions(node, ctx.nowMs);
          if (next) {
            node = client.updateStatus(next);
            changed = true;
            nodeEvent(client, node, "NodeReady", { component: "kubelet", host: node.metadata.name });
            for (const pod of podsOn(node.metadata.name!)) changed = markPodReady(client, pod, ctx.nowMs) || changed;
          }
        }

        // monitorNodeHealth: NodeNotReady for the node once per transition, Ready=False for its pods.
        const ready = conditionOf(node, "Ready");
        if (ready && ready.status !== "True") {
          changed = recordNodeNotReady(client, node, ready, ctx) || changed;
          for (const pod of podsOn(node.metadata.name!)) changed = markPodNotReady(client, pod, ctx.nowMs) || changed;
        }

        // Taints from conditions and spec.unschedulable.
        const taints = desiredTaints(node, ctx.nowMs);
        if (!deepEqual(taints, node.spec?.taints ?? [])) {
          const removedNoExecute = ((node.spec?.taints ?? []) as J[]).filter((t) => t.effect === "NoExecute" && !taints.some((d) => d.key === t.key && d.effect === "NoExecute"));
          const next = clone(node);
          next.spec = { ...(next.spec ?? {}) };
          if (taints.length) next.spec.taints = taints;
          else delete next.spec.taints;
          node = client.update(next);
          changed = true;
          if (removedNoExecute.length && !taints.some((t) => t.effect === "NoExecute")) {
            // cancelWorkWithEvent: pods whose eviction was scheduled keep running.
            for (const pod of podsOn(node.metadata.name!)) {
              if (pod.metadata.deletionTimestamp) continue;
              const p = pendingEviction(pod, stored, removedNoExecute);
              if (p.kind === "at" && p.atMs > ctx.nowMs) {
                client.event(podRef(pod), "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${pod.metadata.namespace}/${pod.metadata.name}`, { component: TAINT_EVICTION_COMPONENT });
              }
            }
          }
        }
      } catch (e) {
        // A node or pod write the API refused: leave this node for the next pass.
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed };
  },
};

/** tryUpdateNodeHealth once the grace period passed: every reported condition Unknown. */
function withUnknownConditions(node: KubeObject, nowMs: number): KubeObject | undefined {
  const next = clone(node);
  next.status = { ...(next.status ?? {}) };
  const conditions: J[] = [...((next.status.conditions ?? []) as J[])];
  let changed = false;
  for (const type of REPORTED_CONDITIONS) {
    const i = conditions.findIndex((c) => c.type === type);
    if (i < 0) {
      conditions.push({
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: rfc3339(nowMs),
        message: "Kubelet never posted node status.",
        reason: "NodeStatusNeverUpdated",
        status: "Unknown",
        type,
      });
      changed = true;
    } else if (conditions[i].status !== "Unknown") {
      conditions[i] = { ...conditions[i], status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: rfc3339(nowMs) };
      changed = true;
    }
  }
  if (!changed) return undefined;
  next.status.conditions = conditions;
  return next;
}

/** The kubelet posting status again: healthy values for the conditions the controller had set Unknown. */
function withHealthyConditions(node: KubeObject, nowMs: number): KubeObject | undefined {
  const next = clone(node);
  next.status = { ...(next.status ?? {}) };
  const conditions: J[] = [...((next.status.conditions ?? []) as J[])];
  let changed = false;
  conditions.forEach((c, i) => {
    const healthy = HEALTHY[c.type];
    if (!healthy || c.status !== "Unknown") return;
    conditions[i] = { ...c, ...healthy, lastHeartbeatTime: rfc3339(nowMs), lastTransitionTime: rfc3339(nowMs) };
    changed = true;
  });
  if (!changed) return undefined;
  next.status.conditions = conditions;
  return next;
}

/** nodeutil.RecordNodeStatusChange: the involved object is named by the node, with the name as uid. */
function nodeEvent(client: ControllerClient, node: KubeObject, status: string, source: { component: string; host?: string }): void {
  const ref: KubeObject = { apiVersion: "v1", kind: "Node", metadata: { name: node.metadata.name, uid: node.metadata.name } };
  client.event(ref, "Normal", status, `Node ${node.metadata.name} status is now: ${status}`, source);
}

/** NodeNotReady once per Ready transition (an event recorded since the transition means it was). */
function recordNodeNotReady(client: ControllerClient, node: KubeObject, ready: J, ctx: ControllerContext): boolean {
  const since = parseRfc3339(ready.lastTransitionTime ?? "");
  if (since === undefined || ctx.nowMs - since >= EVENT_TTL_MS) return false;
  const recorded = client.list("v1", "Event", "default").some((e) => {
    if (e.reason !== "NodeNotReady" || e.involvedObject?.kind !== "Node" || e.involvedObject?.name !== node.metadata.name) return false;
    const last = parseRfc3339(e.lastTimestamp ?? "");
    return last !== undefined && last >= since;
  });
  if (recorded) return false;
  nodeEvent(client, node, "NodeNotReady", { component: NODE_CONTROLLER });
  return true;
}

function podCondition(pod: KubeObject, type: string): J | undefined {
  return ((pod.status?.conditions ?? []) as J[]).find((c) => c.type === type);
}

function withPodCondition(pod: KubeObject, type: string, status: string, nowMs: number): KubeObject {
  const next = clone(pod);
  next.status = { ...(next.status ?? {}) };
  next.status.conditions = ((next.status.conditions ?? []) as J[]).map((c) => (c.type === type ? { ...c, status, lastTransitionTime: rfc3339(nowMs) } : c));
  return next;
}

/** MarkPodsNotReady: Ready turns False (and NodeNotReady is recorded on the pod). */
function markPodNotReady(client: ControllerClient, pod: KubeObject, nowMs: number): boolean {
  if (podCondition(pod, "Ready")?.status !== "True") return false;
  const updated = client.updateStatus(withPodCondition(pod, "Ready", "False", nowMs));
  client.event(updated, "Warning", "NodeNotReady", "Node is not ready", { component: NODE_CONTROLLER });
  return true;
}

/** The kubelet's status once it reports again: Ready follows ContainersReady. */
function markPodReady(client: ControllerClient, pod: KubeObject, nowMs: number): boolean {
  if (pod.metadata.deletionTimestamp) return false;
  if (podCondition(pod, "Ready")?.status !== "False" || podCondition(pod, "ContainersReady")?.status !== "True") return false;
  client.updateStatus(withPodCondition(pod, "Ready", "True", nowMs));
  return true;
}

/**
 * doNoScheduleTaintingPass and the NoExecute part of processTaintBaseEviction: the taints the
 * controller owns follow the conditions and spec.unschedulable; other taints are left alone, and
 * kept taints keep their timeAdded.
 */
export function desiredTaints(node: KubeObject, nowMs: number): J[] {
  const existing = ((node.spec?.taints ?? []) as J[]).filter((t) => t && typeof t === "object");
  const want: J[] = [];
  for (const c of (node.status?.conditions ?? []) as J[]) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) want.push({ key, effect: "NoSchedule" });
  }
  if (node.spec?.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: "NoSchedule" });
  const readyStatus = conditionOf(node, "Ready")?.status;
  if (readyStatus === "False") want.push({ key: TAINT_NOT_READY, effect: "NoExecute" });
  if (readyStatus === "Unknown") want.push({ key: TAINT_UNREACHABLE, effect: "NoExecute" });

  const owned = (t: J) =>
    (t.effect === "NoSchedule" && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key))) ||
    (t.effect === "NoExecute" && (t.key === TAINT_NOT_READY || t.key === TAINT_UNREACHABLE));
  const same = (a: J, b: J) => a.key === b.key && a.effect === b.effect;
  const kept = existing.filter((t) => !owned(t) || want.some((w) => same(w, t)));
  const added = want.filter((w) => !existing.some((t) => same(w, t))).map((w) => ({ effect: w.effect, key: w.key, timeAdded: rfc3339(nowMs) }));
  return [...kept, ...added];
}
