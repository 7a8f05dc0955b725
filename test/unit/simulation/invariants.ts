// What must hold of a simulated cluster: after every alarm (state invariants and whether timed work
// left the next alarm armed) and, at the end, once time has run with no further ops (convergence).
// Each check reads the store directly (cheap, and no request changes what it looks at) and returns
// the violations it finds as sentences; an empty list means the cluster is fine.
import type { Cluster } from "../../../src/engine/cluster/cluster";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { parseQuantity } from "../../../src/engine/machinery/quantity";
import { isGoodImage } from "./ops";

type Obj = KubeObject & { spec?: any; status?: any };

const SIMULATE_ANNOTATION = "kubeplay.dev/simulate";
const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
const EVENTS = "events";

export const ref = (o: Obj) => `${o.kind}/${o.metadata.name}`;

/** Every object of the cluster, indexed the ways the checks need, read once. */
export class Snapshot {
  readonly objects: Obj[] = [];
  readonly events: Obj[] = [];
  readonly byUid = new Map<string, Obj>();
  readonly byKind = new Map<string, Obj[]>();
  readonly podsByNode = new Map<string, Obj[]>();
  readonly resourceVersion: number;

  constructor(cluster: Cluster) {
    const store = cluster.store;
    this.resourceVersion = store.resourceVersion;
    for (const resource of store.resources()) {
      for (const o of store.list(resource) as Obj[]) {
        if (resource === EVENTS) {
          this.events.push(o);
          continue;
        }
        this.objects.push(o);
        if (o.metadata.uid) this.byUid.set(o.metadata.uid, o);
        let list = this.byKind.get(o.kind);
        if (!list) this.byKind.set(o.kind, (list = []));
        list.push(o);
        if (o.kind === "Pod" && o.spec?.nodeName) {
          let onNode = this.podsByNode.get(o.spec.nodeName);
          if (!onNode) this.podsByNode.set(o.spec.nodeName, (onNode = []));
          onNode.push(o);
        }
      }
    }
  }

  kind(kind: string): Obj[] {
    return this.byKind.get(kind) ?? [];
  }

  named(kind: string, name: string, namespace?: string): Obj | undefined {
    return this.kind(kind).find((o) => o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  }

  /** Objects whose controller reference points at `owner`. */
  controlledBy(owner: Obj, kind?: string): Obj[] {
    const uid = owner.metadata.uid;
    return (kind ? this.kind(kind) : this.objects).filter((o) => controllerOf(o)?.uid === uid);
  }

  node(name: string): Obj | undefined {
    return this.named("Node", name);
  }
}

export function controllerOf(o: Obj) {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export const isTerminal = (p: Obj) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
export const isDeleting = (o: Obj) => !!o.metadata.deletionTimestamp;
/** A pod that counts toward its controller's replicas: not being deleted and not finished. */
export const isLive = (p: Obj) => !isDeleting(p) && !isTerminal(p);

export function isReady(p: Obj): boolean {
  return (p.status?.conditions ?? []).some((c: any) => c.type === "Ready" && c.status === "True");
}

function conditionTrue(o: Obj, type: string): boolean {
  return (o.status?.conditions ?? []).some((c: any) => c.type === type && c.status === "True");
}

/** A node whose kubelet reports (not made NotReady on purpose) and whose Ready condition is True. */
export function isNodeHealthy(n: Obj): boolean {
  return n.metadata.annotations?.[SIMULATE_ANNOTATION] !== "NotReady" && conditionTrue(n, "Ready");
}

function isNodeSimulatedDown(n: Obj): boolean {
  return n.metadata.annotations?.[SIMULATE_ANNOTATION] === "NotReady";
}

function podImage(p: Obj): string {
  return p.spec?.containers?.[0]?.image ?? "";
}

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

function amount(resource: string, raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  const q = parseQuantity(String(raw));
  return resource === "cpu" ? q.milliValue() : q.value();
}

/** A pod's requests as the scheduler counts them: containers summed, the largest init container, plus overhead. */
export function podRequests(p: Obj): { cpu: number; memory: number } {
  const sum = (cs: any[] | undefined, r: string) => (cs ?? []).reduce((s, c) => s + amount(r, c?.resources?.requests?.[r]), 0);
  const maxInit = (r: string) => Math.max(0, ...(p.spec?.initContainers ?? []).map((c: any) => amount(r, c?.resources?.requests?.[r])));
  const out = { cpu: 0, memory: 0 };
  for (const r of ["cpu", "memory"] as const) out[r] = Math.max(sum(p.spec?.containers, r), maxInit(r)) + amount(r, p.spec?.overhead?.[r]);
  return out;
}

function nodeUse(snap: Snapshot, node: string): { cpu: number; memory: number; pods: number } {
  const used = { cpu: 0, memory: 0, pods: 0 };
  for (const p of snap.podsByNode.get(node) ?? []) {
    if (isTerminal(p)) continue;
    const r = podRequests(p);
    used.cpu += r.cpu;
    used.memory += r.memory;
    used.pods++;
  }
  return used;
}

function allocatable(n: Obj) {
  const a = n.status?.allocatable ?? {};
  return { cpu: amount("cpu", a.cpu), memory: amount("memory", a.memory), pods: amount("pods", a.pods) };
}

function tolerates(p: Obj, taint: any): boolean {
  return (p.spec?.tolerations ?? []).some((t: any) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if ((t.operator ?? "Equal") === "Exists") return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? "") === (taint.value ?? "");
  });
}

/**
 * A node this unbound pod certainly fits on (schedulable, healthy, taints tolerated, volumes
 * reachable, resources free), or undefined when none does or the check cannot tell (anything this
 * simple model does not follow counts as "cannot tell", so it never claims a pod fits wrongly).
 */
export function nodeThatFits(snap: Snapshot, p: Obj): string | undefined {
  let onlyNodes: string[] | undefined;
  const affinity = p.spec?.affinity;
  if (affinity) {
    // The only affinity these pods carry: the DaemonSet controller's matchFields metadata.name.
    const terms = affinity.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
    const fields = terms.flatMap((t: any) => t.matchFields ?? []);
    if (Object.keys(affinity).length !== 1 || terms.length !== 1 || terms[0].matchExpressions?.length || fields.length !== 1 || fields[0].key !== "metadata.name" || fields[0].operator !== "In") return undefined;
    onlyNodes = fields[0].values;
  }
  if (p.spec?.nodeSelector && Object.keys(p.spec.nodeSelector).length) return undefined;
  let pvNodes: string[] | undefined;
  for (const v of p.spec?.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const claim = snap.named("PersistentVolumeClaim", v.persistentVolumeClaim.claimName, p.metadata.namespace);
    if (!claim || isDeleting(claim)) return undefined;
    if (!claim.spec?.volumeName) {
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE]) return undefined;
      continue;
    }
    const pv = snap.named("PersistentVolume", claim.spec.volumeName);
    if (!pv || isDeleting(pv)) return undefined;
    const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (!terms) continue;
    const hostnames = terms.flatMap((t: any) => (t.matchExpressions ?? []).filter((e: any) => e.key === "kubernetes.io/hostname" && e.operator === "In").flatMap((e: any) => e.values));
    if (terms.length !== 1 || hostnames.length === 0) return undefined;
    pvNodes = pvNodes ? pvNodes.filter((n) => hostnames.includes(n)) : hostnames;
  }
  const req = podRequests(p);
  for (const n of snap.kind("Node")) {
    const name = n.metadata.name!;
    if (onlyNodes && !onlyNodes.includes(name)) continue;
    if (pvNodes && !pvNodes.includes(n.metadata.labels?.["kubernetes.io/hostname"] ?? name)) continue;
    if (n.spec?.unschedulable && !tolerates(p, { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" })) continue;
    if (!isNodeHealthy(n)) continue;
    if ((n.spec?.taints ?? []).some((t: any) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !tolerates(p, t))) continue;
    const used = nodeUse(snap, name);
    const alloc = allocatable(n);
    if (used.cpu + req.cpu <= alloc.cpu && used.memory + req.memory <= alloc.memory && used.pods + 1 <= alloc.pods) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// After every alarm
// ---------------------------------------------------------------------------------------------

/** resourceVersion only increases: the store's counter and every object's (tracked by uid). */
export class ResourceVersions {
  private storeRv = 0;
  private readonly byUid = new Map<string, number>();

  check(snap: Snapshot): string[] {
    const out: string[] = [];
    if (snap.resourceVersion < this.storeRv) out.push(`store resourceVersion went back from ${this.storeRv} to ${snap.resourceVersion}`);
    this.storeRv = snap.resourceVersion;
    for (const o of [...snap.objects, ...snap.events]) {
      const rv = Number(o.metadata.resourceVersion);
      const uid = o.metadata.uid ?? `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
      if (!Number.isInteger(rv) || rv <= 0) out.push(`${ref(o)} has resourceVersion ${JSON.stringify(o.metadata.resourceVersion)}`);
      else if (rv > snap.resourceVersion) out.push(`${ref(o)} has resourceVersion ${rv}, above the store's ${snap.resourceVersion}`);
      const before = this.byUid.get(uid);
      if (before !== undefined && rv < before) out.push(`${ref(o)} resourceVersion went back from ${before} to ${rv}`);
      this.byUid.set(uid, rv);
    }
    return out;
  }
}

/** Every owner reference points at an existing object of that kind and name, unless the dependent is being deleted. */
export function checkOwnerReferences(snap: Snapshot): string[] {
  const out: string[] = [];
  for (const o of snap.objects) {
    for (const r of o.metadata.ownerReferences ?? []) {
      const owner = snap.byUid.get(r.uid);
      if (!owner) {
        if (!isDeleting(o)) out.push(`${ref(o)} is orphaned: its owner ${r.kind}/${r.name} (uid ${r.uid}) is gone but the reference stayed`);
      } else if (owner.kind !== r.kind || owner.metadata.name !== r.name) {
        out.push(`${ref(o)} has an owner reference ${r.kind}/${r.name} whose uid belongs to ${ref(owner)}`);
      }
    }
    if ((o.metadata.ownerReferences ?? []).filter((r) => r.controller).length > 1) out.push(`${ref(o)} has more than one controller reference`);
  }
  return out;
}

/** No node holds more than its allocatable: requests of bound non-terminal pods, and the pod count. */
export function checkAllocatable(snap: Snapshot): string[] {
  const out: string[] = [];
  for (const n of snap.kind("Node")) {
    const name = n.metadata.name!;
    const used = nodeUse(snap, name);
    const alloc = allocatable(n);
    for (const r of ["cpu", "memory", "pods"] as const) {
      if (used[r] > alloc[r]) {
        const pods = (snap.podsByNode.get(name) ?? []).filter((p) => !isTerminal(p)).map((p) => p.metadata.name);
        out.push(`node ${name} holds ${used[r]} ${r} of ${alloc[r]} allocatable (pods: ${pods.join(", ")})`);
      }
    }
  }
  for (const p of snap.kind("Pod")) {
    if (p.spec?.nodeName && !snap.node(p.spec.nodeName)) out.push(`${ref(p)} is bound to missing node ${p.spec.nodeName}`);
  }
  return out;
}

/** StatefulSet pods: `<set>-<ordinal>`, the ordinal label and hostname agree, one pod per ordinal. */
export function checkStatefulSetOrdinals(snap: Snapshot): string[] {
  const out: string[] = [];
  for (const set of snap.kind("StatefulSet")) {
    const seen = new Map<number, string>();
    for (const p of snap.controlledBy(set, "Pod")) {
      const name = p.metadata.name!;
      const m = new RegExp(`^${set.metadata.name}-(0|[1-9][0-9]*)$`).exec(name);
      if (!m) {
        out.push(`StatefulSet ${set.metadata.name} owns ${name}, which is not <set>-<ordinal>`);
        continue;
      }
      const ordinal = Number(m[1]);
      const label = p.metadata.labels?.["apps.kubernetes.io/pod-index"];
      if (label !== undefined && label !== String(ordinal)) out.push(`${name} has pod-index label ${label}`);
      if (p.spec?.hostname !== undefined && p.spec.hostname !== name) out.push(`${name} has hostname ${p.spec.hostname}`);
      if (seen.has(ordinal)) out.push(`StatefulSet ${set.metadata.name} has two pods with ordinal ${ordinal}: ${seen.get(ordinal)} and ${name}`);
      seen.set(ordinal, name);
    }
  }
  return out;
}

/** The longest the kubelet may wait before its next step for a pod in transit: the 300 s maximum backoff, its display resync and the 1 s relist grid. */
export const KUBELET_MAX_STEP_MS = 330_000;
/** The scheduler retries an unschedulable pod within its 10 s maximum backoff. */
const SCHEDULER_MAX_BACKOFF_MS = 10_000;
/** The local-path provisioner creates a volume within seconds. */
const PROVISIONER_MAX_MS = 60_000;
/** The Job controller's pod failure backoff: 10 s doubling, capped at 6 minutes. */
const JOB_MAX_BACKOFF_MS = 360_000;
/** Slack for controllers that wake on whole seconds. */
const GRID_MS = 1000;

export interface TimedWork {
  reason: string;
  /** The latest simulated time the next alarm may fire for this work to happen on time. */
  dueByMs: number;
}

/**
 * Timed work the cluster still has, with the time the next alarm must come by (the earliest of
 * all), or undefined when there is none this model can see. Conservative: only states that
 * certainly change with time alone.
 */
export function pendingTimedWork(snap: Snapshot, nowMs: number): TimedWork | undefined {
  let first: TimedWork | undefined;
  const due = (reason: string, dueByMs: number) => {
    if (!first || dueByMs < first.dueByMs) first = { reason, dueByMs };
  };
  const kubeletStep = nowMs + KUBELET_MAX_STEP_MS;
  for (const p of snap.kind("Pod")) {
    const nodeName = p.spec?.nodeName;
    if (!nodeName) {
      if (isTerminal(p)) continue;
      if (isDeleting(p)) due(`${ref(p)} is unbound and Terminating`, nowMs);
      const fits = isDeleting(p) ? undefined : nodeThatFits(snap, p);
      if (fits) due(`${ref(p)} is Pending but fits ${fits}`, nowMs + SCHEDULER_MAX_BACKOFF_MS + GRID_MS);
      continue;
    }
    const node = snap.node(nodeName);
    if (!node) continue;
    if (isNodeSimulatedDown(node)) {
      if (isDeleting(p) || isTerminal(p)) continue;
      // Taint eviction: the pod goes when its toleration for the node's NoExecute taint runs out.
      for (const t of node.spec?.taints ?? []) {
        if (t.effect !== "NoExecute") continue;
        const tol = (p.spec?.tolerations ?? []).find((x: any) => (x.operator === "Exists" ? !x.key || x.key === t.key : x.key === t.key) && (!x.effect || x.effect === "NoExecute"));
        const added = Date.parse(t.timeAdded ?? "") || nowMs;
        if (!tol) due(`${ref(p)} on ${nodeName} does not tolerate ${t.key} and is not evicted yet`, nowMs);
        else if (tol.tolerationSeconds !== undefined) due(`${ref(p)} on ${nodeName} is evicted when its ${tol.tolerationSeconds}s toleration for ${t.key} runs out`, Math.max(nowMs, added + tol.tolerationSeconds * 1000) + GRID_MS);
      }
      continue;
    }
    if (!isNodeHealthy(node)) continue;
    if (isDeleting(p)) due(`${ref(p)} is Terminating on ${nodeName} (grace period ends ${p.metadata.deletionTimestamp})`, Math.max(nowMs, Date.parse(p.metadata.deletionTimestamp!)) + 2 * GRID_MS);
    else if (isTerminal(p)) continue;
    else if (p.status?.phase !== "Running") due(`${ref(p)} is ${p.status?.phase ?? "without a phase"} on ${nodeName}`, kubeletStep);
    else if (!isReady(p)) due(`${ref(p)} is Running but not Ready on ${nodeName}`, kubeletStep);
    else if (controllerOf(p)?.kind === "Job") due(`${ref(p)} runs a Job's script that ends`, kubeletStep);
  }
  for (const c of snap.kind("PersistentVolumeClaim")) {
    if (!c.spec?.volumeName && c.metadata.annotations?.[ANN_SELECTED_NODE] && !isDeleting(c)) due(`${ref(c)} waits for the provisioner`, nowMs + PROVISIONER_MAX_MS);
  }
  for (const j of snap.kind("Job")) {
    // SuccessCriteriaMet / FailureTarget: finished, waiting only for its pods to terminate (covered above).
    if (isDeleting(j) || j.spec?.suspend || ["Complete", "Failed", "SuccessCriteriaMet", "FailureTarget"].some((t) => conditionTrue(j, t))) continue;
    const live = snap.controlledBy(j, "Pod").filter(isLive);
    if (live.length === 0) due(`Job ${j.metadata.name} is unfinished with no running pod (waiting out its backoff)`, nowMs + JOB_MAX_BACKOFF_MS + GRID_MS);
  }
  return first;
}

export function alarmInvariants(snap: Snapshot, rvs: ResourceVersions): string[] {
  return [...rvs.check(snap), ...checkOwnerReferences(snap), ...checkAllocatable(snap), ...checkStatefulSetOrdinals(snap)];
}

// ---------------------------------------------------------------------------------------------
// At the end: convergence after time ran with no further ops and every node healthy
// ---------------------------------------------------------------------------------------------

/** Pods of a workload that cannot be placed anywhere (legitimately Pending). */
function unschedulable(snap: Snapshot, pods: Obj[]): Obj[] {
  return pods.filter((p) => isLive(p) && !p.spec?.nodeName && !nodeThatFits(snap, p));
}

function templateImage(o: Obj): string {
  return o.spec?.template?.spec?.containers?.[0]?.image ?? "";
}

const num = (v: unknown) => (typeof v === "number" ? v : 0);

export interface ConvergenceModel {
  /** StatefulSets that ever ran a bad image: a broken pod blocks OrderedReady updates for good (kubernetes#67250). */
  setsEverBroken: ReadonlySet<string>;
}

export function checkConverged(snap: Snapshot, model: ConvergenceModel): string[] {
  const out: string[] = [];
  const nodes = snap.kind("Node");
  for (const n of nodes) if (!isNodeHealthy(n)) out.push(`node ${n.metadata.name} is not healthy after healing`);

  // Nothing stays Terminating once every node reports again.
  for (const o of snap.objects) if (isDeleting(o) && o.kind !== "Namespace") out.push(`${ref(o)} is still being deleted (since ${o.metadata.deletionTimestamp}, finalizers ${JSON.stringify(o.metadata.finalizers ?? [])})`);

  // Every bound pod with a pullable image is Running and Ready (Job pods finish instead).
  for (const p of snap.kind("Pod")) {
    if (!isLive(p) || !p.spec?.nodeName) continue;
    if (controllerOf(p)?.kind === "Job") out.push(`${ref(p)} of a Job is still ${p.status?.phase}`);
    else if (isGoodImage(podImage(p)) && !(p.status?.phase === "Running" && isReady(p))) out.push(`${ref(p)} (${podImage(p)}) on ${p.spec.nodeName} is ${p.status?.phase} and ${isReady(p) ? "Ready" : "not Ready"}`);
  }

  // Unbound pods: only those that fit nowhere.
  for (const p of snap.kind("Pod")) {
    if (isLive(p) && !p.spec?.nodeName) {
      const fits = nodeThatFits(snap, p);
      if (fits) out.push(`${ref(p)} is still Pending although it fits ${fits}`);
    }
  }

  for (const rs of snap.kind("ReplicaSet")) {
    const want = num(rs.spec?.replicas);
    const pods = snap.controlledBy(rs, "Pod");
    const live = pods.filter(isLive);
    if (live.length !== want) out.push(`ReplicaSet ${rs.metadata.name} wants ${want} pods but has ${live.length} live (${pods.map((p) => p.metadata.name).join(", ")})`);
    if (num(rs.status?.replicas) !== live.length) out.push(`ReplicaSet ${rs.metadata.name} status.replicas ${num(rs.status?.replicas)} but ${live.length} live pods`);
    if (num(rs.status?.readyReplicas) !== live.filter(isReady).length) out.push(`ReplicaSet ${rs.metadata.name} status.readyReplicas ${num(rs.status?.readyReplicas)} but ${live.filter(isReady).length} ready pods`);
    if (rs.status?.observedGeneration !== rs.metadata.generation) out.push(`ReplicaSet ${rs.metadata.name} observedGeneration ${rs.status?.observedGeneration} of generation ${rs.metadata.generation}`);
  }

  for (const d of snap.kind("Deployment")) {
    const name = d.metadata.name!;
    const want = num(d.spec?.replicas);
    const sets = snap.controlledBy(d, "ReplicaSet");
    const current = sets.filter((rs) => sameTemplate(rs.spec?.template, d.spec?.template));
    if (current.length === 0 && recreateStuckOnScaling(d, sets)) continue;
    if (current.length !== 1) {
      out.push(`Deployment ${name} has ${current.length} ReplicaSets with its current template`);
      continue;
    }
    if (d.status?.observedGeneration !== d.metadata.generation) out.push(`Deployment ${name} observedGeneration ${d.status?.observedGeneration} of generation ${d.metadata.generation}`);
    const pods = sets.flatMap((rs) => snap.controlledBy(rs, "Pod"));
    const [rs] = current;
    const total = sets.reduce((sum, x) => sum + num(x.spec?.replicas), 0);
    if (d.spec?.strategy?.type === "Recreate") {
      // Recreate: whatever the new pods do, the old ReplicaSets end at zero and the new one at spec.
      for (const old of sets) if (old !== rs && num(old.spec?.replicas) !== 0) out.push(`Recreate Deployment ${name} kept old ReplicaSet ${old.metadata.name} at ${old.spec?.replicas} replicas`);
      if (num(rs.spec?.replicas) !== want) out.push(`Recreate Deployment ${name} wants ${want} replicas but its new ReplicaSet has ${num(rs.spec?.replicas)}`);
    } else if (total > want + maxSurge(d)) {
      out.push(`Deployment ${name} has ${total} replicas over its ReplicaSets, more than ${want} + maxSurge ${maxSurge(d)}`);
    }
    if (!isGoodImage(templateImage(d)) || unschedulable(snap, pods).length) continue;
    if (num(rs.spec?.replicas) !== want) out.push(`Deployment ${name} wants ${want} replicas but its new ReplicaSet ${rs.metadata.name} has ${num(rs.spec?.replicas)}`);
    for (const old of sets) if (old !== rs && num(old.spec?.replicas) !== 0) out.push(`Deployment ${name} kept old ReplicaSet ${old.metadata.name} at ${old.spec?.replicas} replicas`);
    const s = d.status ?? {};
    for (const f of ["replicas", "updatedReplicas", "readyReplicas", "availableReplicas"]) if (num(s[f]) !== want) out.push(`Deployment ${name} status.${f} is ${num(s[f])}, want ${want}`);
    if (num(s.unavailableReplicas) !== 0) out.push(`Deployment ${name} status.unavailableReplicas is ${s.unavailableReplicas}`);
    if (!conditionTrue(d, "Available")) out.push(`Deployment ${name} is not Available`);
  }

  for (const set of snap.kind("StatefulSet")) {
    const name = set.metadata.name!;
    const want = num(set.spec?.replicas);
    const pods = snap.controlledBy(set, "Pod");
    if (set.status?.observedGeneration !== set.metadata.generation) out.push(`StatefulSet ${name} observedGeneration ${set.status?.observedGeneration} of generation ${set.metadata.generation}`);
    const ordinals = (names: string[]) => names.sort().join(", ") || "(none)";
    const expected = Array.from({ length: want }, (_, i) => `${name}-${i}`);
    const live = pods.filter(isLive).map((p) => p.metadata.name!);
    // Parallel creates and deletes without waiting on pod health: the ordinals match spec even when pods are broken or Pending.
    if (set.spec?.podManagementPolicy === "Parallel" && ordinals(live) !== ordinals(expected)) out.push(`Parallel StatefulSet ${name} wants pods ${ordinals(expected)} but has ${ordinals(live)}`);
    if (model.setsEverBroken.has(name) || !isGoodImage(templateImage(set)) || unschedulable(snap, pods).length) continue;
    if (ordinals(live) !== ordinals(expected)) out.push(`StatefulSet ${name} wants pods ${ordinals(expected)} but has ${ordinals(live)}`);
    const s = set.status ?? {};
    for (const f of ["replicas", "readyReplicas", "currentReplicas", "updatedReplicas", "availableReplicas"]) if (num(s[f]) !== want) out.push(`StatefulSet ${name} status.${f} is ${num(s[f])}, want ${want}`);
    if (s.currentRevision !== s.updateRevision) out.push(`StatefulSet ${name} currentRevision ${s.currentRevision} is not updateRevision ${s.updateRevision}`);
    for (const t of set.spec?.volumeClaimTemplates ?? []) {
      for (let i = 0; i < want; i++) {
        const claim = snap.named("PersistentVolumeClaim", `${t.metadata.name}-${name}-${i}`, set.metadata.namespace);
        if (claim?.status?.phase !== "Bound") out.push(`StatefulSet ${name} claim ${t.metadata.name}-${name}-${i} is ${claim ? claim.status?.phase : "missing"}`);
      }
    }
  }

  for (const ds of snap.kind("DaemonSet")) {
    const name = ds.metadata.name!;
    const pods = snap.controlledBy(ds, "Pod").filter(isLive);
    const eligible = nodes.filter((n) => !(n.spec?.taints ?? []).some((t: any) => (t.effect === "NoSchedule" || t.effect === "NoExecute") && !tolerates({ spec: ds.spec?.template?.spec } as Obj, t) && t.key !== "node.kubernetes.io/unschedulable"));
    for (const n of eligible) {
      const on = pods.filter((p) => p.spec?.nodeName === n.metadata.name || daemonTarget(p) === n.metadata.name);
      if (on.length !== 1) out.push(`DaemonSet ${name} has ${on.length} pods for node ${n.metadata.name}`);
    }
    if (pods.length !== eligible.length) out.push(`DaemonSet ${name} has ${pods.length} live pods for ${eligible.length} eligible nodes`);
    const s = ds.status ?? {};
    if (num(s.desiredNumberScheduled) !== eligible.length || num(s.currentNumberScheduled) !== eligible.length) out.push(`DaemonSet ${name} status desired ${s.desiredNumberScheduled} current ${s.currentNumberScheduled}, want ${eligible.length}`);
    if (isGoodImage(templateImage(ds))) {
      if (num(s.numberReady) !== eligible.length || num(s.updatedNumberScheduled) !== eligible.length) out.push(`DaemonSet ${name} status numberReady ${s.numberReady} updated ${s.updatedNumberScheduled}, want ${eligible.length}`);
    }
  }

  for (const j of snap.kind("Job")) {
    if (!conditionTrue(j, "Complete") && !conditionTrue(j, "Failed")) out.push(`Job ${j.metadata.name} has not finished (status ${JSON.stringify(j.status ?? {})})`);
    else if (num(j.status?.active) !== 0) out.push(`Job ${j.metadata.name} finished with ${j.status?.active} active pods`);
  }
  return out;
}

/**
 * The real controller's dead end, which ours reproduces: a Recreate Deployment resized while two
 * or more old ReplicaSets are active (a RollingUpdate interrupted by the switch to Recreate) is a
 * scaling event forever — sync() → scale() does nothing for Recreate with several active
 * ReplicaSets, so their desired-replicas annotations never catch up and the rollout never starts
 * (pkg/controller/deployment/sync.go; the same family as kubernetes/kubernetes#138036).
 */
function recreateStuckOnScaling(d: Obj, sets: Obj[]): boolean {
  if (d.spec?.strategy?.type !== "Recreate") return false;
  const active = sets.filter((rs) => num(rs.spec?.replicas) > 0);
  return active.length > 1 && active.some((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"] !== String(num(d.spec?.replicas)));
}

/** The Deployment's maxSurge as a number of pods (percentages round up; the default is 25%). */
function maxSurge(d: Obj): number {
  const raw = d.spec?.strategy?.rollingUpdate?.maxSurge ?? "25%";
  const want = num(d.spec?.replicas);
  return typeof raw === "number" ? raw : Math.ceil((want * parseInt(String(raw), 10)) / 100);
}

function daemonTarget(p: Obj): string | undefined {
  return p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}

/** A ReplicaSet's template is its Deployment's plus the pod-template-hash label. */
function sameTemplate(rsTemplate: any, deployTemplate: any): boolean {
  const strip = (t: any) => {
    const c = JSON.parse(JSON.stringify(t ?? {}));
    if (c.metadata?.labels) delete c.metadata.labels["pod-template-hash"];
    return canonical(c);
  };
  return strip(rsTemplate) === strip(deployTemplate);
}

/** JSON with object keys sorted: equal objects give equal strings. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x));
}
