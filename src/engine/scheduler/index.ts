// kube-scheduler's default profile as a level-based controller. Each pass takes every pod waiting
// for default-scheduler (no nodeName, not being deleted, no scheduling gates), highest priority
// first, and either binds it through the pods/binding path (PodScheduled=True, a Scheduled event)
// or records why it cannot run (PodScheduled=False/Unschedulable with the real FitError message and
// a FailedScheduling event). A pod whose verdict has not changed causes no write and no wake-up;
// a pod that failed before is retried no sooner than its backoff (1 s doubling to 10 s) allows.
import type { Controller, ControllerContext, ReconcileResult } from "../controllers/types";
import { earliest } from "../controllers/types";
import type { KubeObject } from "../kinds/types";
import { ControllerClient } from "../controllers/client";
import { bindPod } from "../apiserver/pod-subresources";
import { clone } from "../machinery/json";
import { parseRfc3339, rfc3339 } from "../machinery/time";
import { isTerminal, Snapshot, type NodeInfo } from "./snapshot";
import { Cycle, type CycleResult, type PassLookups, type PassState } from "./cycle";
import { MatchCounter } from "./spread";
import { budgetsOf, type Budget, type Candidate } from "./preemption";
import { ANN_SELECTED_NODE, assumedNodeOf, matchingVolume, podVolumes, type PodVolumes } from "./volumes";
import { emitEvent, FIELD_MANAGER, SCHEDULER_NAME } from "./events";
import type { ObjectStore } from "../store/store";

export const INITIAL_BACKOFF_MS = 1000;
export const MAX_BACKOFF_MS = 10_000;

/** The backoff after `attempts` failed attempts: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffMs(attempts: number): number {
  let d = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts && d < MAX_BACKOFF_MS; i++) d *= 2;
  return Math.min(d, MAX_BACKOFF_MS);
}

/** A pod this scheduler should place now. */
export function waitsForScheduling(pod: KubeObject): boolean {
  const spec = pod.spec ?? {};
  if (spec.nodeName || pod.metadata.deletionTimestamp || isTerminal(pod)) return false;
  if ((spec.schedulerName || SCHEDULER_NAME) !== SCHEDULER_NAME) return false;
  return !(Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0);
}

function scheduledCondition(pod: KubeObject): Record<string, any> | undefined {
  const conds = pod.status?.conditions;
  return Array.isArray(conds) ? conds.find((c: any) => c?.type === "PodScheduled") : undefined;
}

function isUnschedulable(pod: KubeObject): boolean {
  const c = scheduledCondition(pod);
  return c?.status === "False" && c.reason === "Unschedulable";
}

/** podutil.UpdatePodCondition for PodScheduled=False/Unschedulable; lastTransitionTime moves only when the status does. */
function withUnschedulableCondition(pod: KubeObject, message: string, nowMs: number, nominatedNodeName?: string): KubeObject {
  const out = clone(pod);
  const status = (out.status ??= {});
  const conds: any[] = Array.isArray(status.conditions) ? status.conditions : (status.conditions = []);
  const i = conds.findIndex((c) => c?.type === "PodScheduled");
  const old = i >= 0 ? conds[i] : undefined;
  const cond = {
    type: "PodScheduled",
    status: "False",
    lastProbeTime: null,
    lastTransitionTime: old?.status === "False" && old.lastTransitionTime ? old.lastTransitionTime : rfc3339(nowMs),
    reason: "Unschedulable",
    message,
  };
  if (i >= 0) conds[i] = cond;
  else conds.push(cond);
  if (nominatedNodeName !== undefined) status.nominatedNodeName = nominatedNodeName;
  return out;
}

interface Failures {
  attempts: number;
  lastMs: number;
  /** FailedScheduling events by message, for series aggregation. */
  byMessage: Map<string, KubeObject>;
}

/**
 * Per store: the keys of the pods that wait for this scheduler, kept current from the store's
 * change history (waitsForScheduling reads the pod alone), so that a pass with nothing to place
 * answers without going through every pod.
 */
const waitingPods = new WeakMap<ObjectStore, { rv: number; keys: Set<string> }>();

function anyWaiting(store: ObjectStore): boolean {
  let w = waitingPods.get(store);
  const changes = w ? store.changesSince(w.rv) : undefined;
  if (!w || !changes) {
    w = { rv: store.resourceVersion, keys: new Set() };
    for (const p of store.list("pods")) if (waitsForScheduling(p)) w.keys.add(`${p.metadata.namespace ?? ""}/${p.metadata.name ?? ""}`);
    waitingPods.set(store, w);
    return w.keys.size > 0;
  }
  for (const c of changes) {
    if (c.resource !== "pods") continue;
    const key = `${c.object.metadata.namespace ?? ""}/${c.object.metadata.name ?? ""}`;
    if (c.type !== "DELETED" && waitsForScheduling(c.object)) w.keys.add(key);
    else w.keys.delete(key);
  }
  w.rv = store.resourceVersion;
  return w.keys.size > 0;
}

class SchedulingPass implements PassLookups {
  private readonly client: ControllerClient;
  private changed = false;
  private wakeAtMs: number | undefined;
  private snapshot!: Snapshot;
  private state!: PassState;
  private failureIndex?: Map<string, Failures>;
  private readonly servicesByNs = new Map<string, readonly KubeObject[]>();
  private pvList?: readonly KubeObject[];
  private budgetList?: readonly Budget[];

  constructor(private readonly ctx: ControllerContext) {
    this.client = new ControllerClient(ctx, FIELD_MANAGER);
  }

  run(): ReconcileResult {
    const { store } = this.ctx.state;
    if (!anyWaiting(store)) return { changed: false };
    const pods = store.list("pods");
    const pending = pods.filter(waitsForScheduling);
    if (pending.length === 0) return { changed: false };
    this.snapshot = new Snapshot(store.list("nodes"), pods);
    this.state = { snapshot: this.snapshot, lookups: this, counter: new MatchCounter(this.snapshot), rng: this.ctx.state.rng };
    for (const p of pending) if (p.status?.nominatedNodeName) this.snapshot.nominate(p, p.status.nominatedNodeName);
    // Pods waiting for their volumes hold their node (the scheduler cache's assumed pods) and are not
    // scheduled again: they are bound once the claims are.
    const waiting: { pod: KubeObject; node: NodeInfo }[] = [];
    const others: KubeObject[] = [];
    for (const p of pending) {
      const node = Array.isArray(p.spec?.volumes) && p.spec!.volumes.length ? this.snapshot.byName.get(assumedNodeOf(p, this) ?? "") : undefined;
      if (node) {
        waiting.push({ pod: p, node });
        this.snapshot.addPod(p, node);
      } else others.push(p);
    }
    for (const { pod, node } of waiting) {
      try {
        this.finishBinding(pod, node);
      } catch {
        // Retried next pass.
      }
    }
    // PrioritySort: higher priority first, then queue order. A pod joins the queue when it is created
    // and again after a failed attempt or an update, so its resourceVersion orders it the same way.
    const order = others.map((p, i) => ({ p, i, rv: Number(p.metadata.resourceVersion ?? 0) || 0 }));
    order.sort((a, b) => Number(b.p.spec?.priority ?? 0) - Number(a.p.spec?.priority ?? 0) || a.rv - b.rv || a.i - b.i);
    for (const { p } of order) {
      try {
        this.schedule(p);
      } catch {
        // A pod the API refuses to update this pass (a conflict, an odd object) waits for the next pass.
      }
    }
    return { changed: this.changed, wakeAtMs: this.wakeAtMs };
  }

  // ------------------------------------------------------------ lookups (cached for the pass)

  services(ns: string): readonly KubeObject[] {
    let s = this.servicesByNs.get(ns);
    if (!s) this.servicesByNs.set(ns, (s = this.ctx.state.store.list("services", ns)));
    return s;
  }
  get(resource: string, ns: string, name: string): KubeObject | undefined {
    return this.ctx.state.store.get(resource, ns, name);
  }
  pvc(ns: string, name: string): KubeObject | undefined {
    return this.ctx.state.store.get("persistentvolumeclaims", ns, name);
  }
  pv(name: string): KubeObject | undefined {
    return this.ctx.state.store.get("persistentvolumes", "", name);
  }
  pvs(): readonly KubeObject[] {
    return (this.pvList ??= this.ctx.state.store.list("persistentvolumes"));
  }
  storageClass(name: string): KubeObject | undefined {
    return this.ctx.state.store.get("storageclasses.storage.k8s.io", "", name);
  }
  budgets(): readonly Budget[] {
    return (this.budgetList ??= budgetsOf(this.ctx.state.store.list("poddisruptionbudgets.policy")));
  }
  readonly nsLabels = (ns: string): Record<string, string> | undefined => this.ctx.state.store.get("namespaces", "", ns)?.metadata.labels;

  // ------------------------------------------------------------ one pod

  /**
   * Pods that look the same to the scheduler (namespace, labels, spec, nomination) get the same
   * verdict until something is bound or preempted: a thousand identical pending replicas cost one cycle.
   */
  private readonly verdicts = new Map<string, CycleResult>();

  private signature(pod: KubeObject): string {
    const ephemeral = Array.isArray(pod.spec?.volumes) && pod.spec!.volumes.some((v: any) => v?.ephemeral);
    return [pod.metadata.namespace, ephemeral ? `${pod.metadata.name}/${pod.metadata.uid}` : "", pod.status?.nominatedNodeName ?? "", JSON.stringify(pod.metadata.labels ?? {}), JSON.stringify(pod.spec ?? {})].join("\u0000");
  }

  private schedule(pod: KubeObject): void {
    let result = this.verdicts.size ? this.verdicts.get(this.signature(pod)) : undefined;
    if (!result) {
      result = new Cycle(pod, this.state).run();
      if ("message" in result && !result.preempt) this.verdicts.set(this.signature(pod), result);
    }
    if ("node" in result) {
      if (this.inBackoff(pod)) return;
      this.bind(pod, result.node, result.volumes);
      this.verdicts.clear();
      return;
    }
    const cond = scheduledCondition(pod);
    const nominate = result.preempt?.node.name;
    const sameNomination = nominate === undefined || pod.status?.nominatedNodeName === nominate;
    if (isUnschedulable(pod) && cond?.message === result.message && sameNomination) return;
    if (this.inBackoff(pod)) return;
    if (result.preempt) {
      this.preempt(pod, result.preempt);
      this.snapshot.unnominate(pod.metadata.uid);
      this.snapshot.nominate(pod, result.preempt.node.name);
      this.verdicts.clear();
    }
    this.recordFailure(pod, result.message);
    this.client.updateStatus(withUnschedulableCondition(pod, result.message, this.ctx.nowMs, nominate));
    this.changed = true;
  }

  /** Whether a pod that failed before must still wait; arms the wake-up for the end of its backoff. */
  private inBackoff(pod: KubeObject): boolean {
    if (!isUnschedulable(pod)) return false;
    const f = this.failures().get(pod.metadata.uid ?? "");
    if (!f) return false;
    const until = f.lastMs + backoffMs(f.attempts);
    if (this.ctx.nowMs >= until) return false;
    this.wakeAtMs = earliest(this.wakeAtMs, until);
    return true;
  }

  /** FailedScheduling events of every pod, built once per pass and only when a failure needs them. */
  private failures(): Map<string, Failures> {
    if (this.failureIndex) return this.failureIndex;
    const index = new Map<string, Failures>();
    for (const e of this.ctx.state.store.list("events")) {
      if (e.reason !== "FailedScheduling" || e.reportingComponent !== SCHEDULER_NAME) continue;
      const uid = e.involvedObject?.uid;
      if (!uid) continue;
      let f = index.get(uid);
      if (!f) index.set(uid, (f = { attempts: 0, lastMs: 0, byMessage: new Map() }));
      f.attempts += Number(e.series?.count ?? e.count ?? 1) || 1;
      const at = parseRfc3339(String(e.series?.lastObservedTime ?? e.eventTime ?? e.lastTimestamp ?? "")) ?? 0;
      f.lastMs = Math.max(f.lastMs, at);
      f.byMessage.set(String(e.message ?? ""), e);
    }
    return (this.failureIndex = index);
  }

  private recordFailure(pod: KubeObject, message: string): void {
    const uid = pod.metadata.uid ?? "";
    const index = this.failures();
    let f = index.get(uid);
    if (!f) index.set(uid, (f = { attempts: 0, lastMs: 0, byMessage: new Map() }));
    const ev = emitEvent(this.ctx, pod, { type: "Warning", reason: "FailedScheduling", action: "Scheduling", message }, f.byMessage.get(message));
    f.attempts++;
    f.lastMs = this.ctx.nowMs;
    if (ev) f.byMessage.set(String(ev.message ?? ""), ev);
  }

  /**
   * Binds a pod that has a node: at once when its volumes are ready, else after pre-binding or asking
   * for them (PreBind) — the pod then waits, assumed on the node, until its claims are bound.
   */
  private bind(pod: KubeObject, node: NodeInfo, volumes: PodVolumes | undefined): void {
    if (volumes?.delayed.length) {
      this.bindVolumes(node, volumes);
      this.snapshot.addPod(pod, node);
      this.verdicts.clear();
      return;
    }
    this.bindToNode(pod, node);
  }

  /** The binding cycle of a pod assumed on a node: bind once none of its claims waits any more. */
  private finishBinding(pod: KubeObject, node: NodeInfo): void {
    const vol = podVolumes(pod, this);
    if (vol.reject || vol.volumes?.delayed.length) return;
    this.snapshot.unnominate(pod.metadata.uid);
    this.bindToNode(pod, node, false);
  }

  private bindToNode(pod: KubeObject, node: NodeInfo, account = true): void {
    const { state, nowMs } = this.ctx;
    const podDef = this.client.def("v1", "Pod");
    const ns = pod.metadata.namespace ?? "";
    const name = pod.metadata.name ?? "";
    bindPod(state, podDef, ns, name, { apiVersion: "v1", kind: "Binding", metadata: { name, namespace: ns, uid: pod.metadata.uid }, target: { kind: "Node", name: node.name } }, nowMs);
    this.changed = true;
    const bound = state.store.get("pods", ns, name);
    this.snapshot.unnominate(pod.metadata.uid);
    if (bound && account) this.snapshot.addPod(bound, node);
    emitEvent(this.ctx, pod, { type: "Normal", reason: "Scheduled", action: "Binding", message: `Successfully assigned ${ns}/${name} to ${node.name}` });
  }

  /**
   * PreBind for WaitForFirstConsumer claims: pre-bind a matching Available volume to its claim, or
   * ask the provisioner for one on the chosen node (volume.kubernetes.io/selected-node).
   */
  private bindVolumes(node: NodeInfo, volumes: PodVolumes): void {
    const taken = new Set<string>();
    for (const pvc of volumes.delayed) {
      const pv = matchingVolume(pvc, node, this, taken);
      if (pv) {
        taken.add(pv.metadata.name ?? "");
        if (pv.spec?.claimRef?.uid === pvc.metadata.uid) continue;
        const updated = clone(pv);
        updated.spec = { ...(updated.spec ?? {}), claimRef: { kind: "PersistentVolumeClaim", namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: "v1", resourceVersion: pvc.metadata.resourceVersion } };
        updated.metadata.annotations = { ...(updated.metadata.annotations ?? {}), "pv.kubernetes.io/bound-by-controller": "yes" };
        this.client.update(updated);
        this.changed = true;
      } else if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] !== node.name) {
        const updated = clone(pvc);
        updated.metadata.annotations = { ...(updated.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node.name };
        this.client.update(updated);
        this.changed = true;
      }
    }
    this.pvList = undefined;
  }

  /** prepareCandidate: mark and delete the victims, each with a Preempted event. */
  private preempt(pod: KubeObject, c: Candidate): void {
    for (const victim of c.victims) {
      const current = this.ctx.state.store.get("pods", victim.metadata.namespace ?? "", victim.metadata.name ?? "");
      if (!current || current.metadata.uid !== victim.metadata.uid) continue;
      const conds: any[] = Array.isArray(current.status?.conditions) ? current.status!.conditions : [];
      const message = `${pod.spec?.schedulerName || SCHEDULER_NAME}: preempting to accommodate a higher priority pod`;
      if (!conds.some((x) => x?.type === "DisruptionTarget" && x.status === "True" && x.reason === "PreemptionByScheduler" && x.message === message)) {
        const marked = clone(current);
        const list: any[] = (marked.status ??= {}).conditions ?? [];
        const i = list.findIndex((x) => x?.type === "DisruptionTarget");
        const cond = { type: "DisruptionTarget", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.nowMs), reason: "PreemptionByScheduler", message };
        if (i >= 0) list[i] = cond;
        else list.push(cond);
        marked.status.conditions = list;
        this.client.updateStatus(marked);
      }
      this.client.delete(current);
      emitEvent(this.ctx, victim, { type: "Normal", reason: "Preempted", action: "Preempting", message: `Preempted by pod ${pod.metadata.uid} on node ${c.node.name}`, related: pod });
      this.changed = true;
    }
  }
}

export const defaultScheduler: Controller = {
  name: SCHEDULER_NAME,
  reconcile(ctx: ControllerContext): ReconcileResult {
    return new SchedulingPass(ctx).run();
  },
};
