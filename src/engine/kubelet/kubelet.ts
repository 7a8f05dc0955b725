// The kubelets of all nodes as one controller. For each pod bound to a Ready node it runs the pod's
// lifecycle stages (lifecycle.ts) and writes what changed: the pod status, the kubelet's events, the
// node's image list, the final delete of a terminated pod. Mirror pods of static pods come back when
// deleted. Nothing is written while nothing happens: no heartbeats, no lease renewals.
import type { Controller, ControllerContext, ReconcileResult } from "../controllers/types";
import { earliest } from "../controllers/types";
import { ControllerClient } from "../controllers/client";
import { recordEvent } from "../controllers/events";
import { isNodeSimulatedDown } from "../controllers/node-lifecycle";
import type { KubeObject } from "../kinds/types";
import type { Container, PodSpec } from "../kinds/common/pod";
import { EVENTS_RESOURCE, type ObjectStore } from "../store/store";
import { ApiError } from "../machinery/status";
import { hex } from "../machinery/rng";
import type { Rng } from "../machinery/rng";
import { clone } from "../machinery/json";
import { parseRfc3339 } from "../machinery/time";
import { tryParseQuantity } from "../machinery/quantity";
import { syncPod, type KubeletEnv, type PlannedEvent } from "./lifecycle";
import { nodeHasImage, NODE_STATUS_MAX_IMAGES, parseImage, type ImageRef, type PullableImage } from "./images";
import type { ClusterView } from "./workloads";
import { isTerminalPhase } from "./status";
import { floorSecond } from "./timing";

export const KUBELET = "kubelet";
/** Timed work is due on this grid (the PLEG relist period). */
export const SYNC_GRID_MS = 1000;
const MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

/** Whether a node's kubelet is up (Ready=True, not made to fail by a lesson): pods on other nodes are frozen. */
export function nodeIsReady(node: KubeObject): boolean {
  if (isNodeSimulatedDown(node)) return false;
  const ready = ((node.status?.conditions ?? []) as Array<{ type?: string; status?: string }>).find((c) => c.type === "Ready");
  return ready?.status === "True";
}

function internalIP(node: KubeObject): string {
  const addrs = (node.status?.addresses ?? []) as Array<{ type?: string; address?: string }>;
  return addrs.find((a) => a.type === "InternalIP")?.address ?? addrs[0]?.address ?? "";
}

/** writeTimes by managedFields list (stored objects' lists are never changed in place). */
const writeTimesOf = new WeakMap<object, { user: number; kubelet: number }>();

/** managedFields times: last write by a client (spec/metadata) and last status write by the kubelet. */
function writeTimes(pod: KubeObject): { user: number; kubelet: number } {
  const entries = pod.metadata.managedFields;
  if (!entries) return readWriteTimes(pod);
  let times = writeTimesOf.get(entries);
  if (!times) writeTimesOf.set(entries, (times = readWriteTimes(pod)));
  return times;
}

function readWriteTimes(pod: KubeObject): { user: number; kubelet: number } {
  let user = 0;
  let kubelet = 0;
  for (const e of (pod.metadata.managedFields ?? []) as Array<{ manager?: string; subresource?: string; time?: string }>) {
    const ms = e.time ? parseRfc3339(e.time) ?? 0 : 0;
    if (e.manager === KUBELET && e.subresource === "status") kubelet = Math.max(kubelet, ms);
    else if (!e.subresource) user = Math.max(user, ms);
  }
  return { user, kubelet };
}

// ---------------------------------------------------------------------------------------------
// Per-node facts, built lazily once per reconcile.
// ---------------------------------------------------------------------------------------------

class NodeFacts {
  private ipsInUse?: Set<string>;
  private imageUsers?: Map<string, number>;
  private used?: { cpu: number; memory: number; pods: number };
  /** Offsets below this are taken (addresses are only ever added to ipsInUse): the search starts here. */
  private ipCursor = 2;

  constructor(
    readonly node: KubeObject,
    private readonly pods: KubeObject[],
  ) {}

  allocateIP(): string | undefined {
    if (!this.ipsInUse) {
      this.ipsInUse = new Set();
      for (const p of this.pods) {
        if (p.spec?.hostNetwork || isTerminalPhase(p.status?.phase)) continue;
        if (p.status?.podIP) this.ipsInUse.add(p.status.podIP);
      }
    }
    const cidr = String(this.node.spec?.podCIDR ?? "");
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    if (!m) return undefined;
    const base = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    const bits = Number(m[5]);
    const size = bits >= 31 ? 0 : 2 ** (32 - bits);
    // .0 is the network, .1 the bridge (cni0), the last address the broadcast: pods get the lowest free one above.
    for (let i = this.ipCursor; i < size - 1; i++) {
      const n = (base + i) >>> 0;
      const ip = `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
      if (!this.ipsInUse.has(ip)) {
        this.ipsInUse.add(ip);
        this.ipCursor = i + 1;
        return ip;
      }
    }
    return undefined;
  }

  /**
   * Whether the node had `ref` at `atMs`. The node's image list says it has it now; when every pod on the node
   * that uses it first started after `atMs`, one of them pulled it after that moment.
   */
  imagePresent(ref: ImageRef, atMs: number): boolean {
    if (!nodeHasImage(this.node.status?.images, ref).present) return false;
    if (!this.imageUsers) {
      this.imageUsers = new Map();
      for (const p of this.pods) {
        for (const cs of [...((p.status?.initContainerStatuses ?? []) as KubeObject[]), ...((p.status?.containerStatuses ?? []) as KubeObject[])]) {
          if (!cs.imageID) continue;
          const r = cs.restartCount ?? 0;
          const first =
            r === 0 ? parseRfc3339(cs.state?.running?.startedAt ?? cs.state?.terminated?.startedAt ?? "") ?? -Infinity
            : r === 1 ? parseRfc3339(cs.lastState?.terminated?.startedAt ?? "") ?? -Infinity
            : -Infinity;
          const key = String(cs.image);
          this.imageUsers.set(key, Math.min(this.imageUsers.get(key) ?? Infinity, first));
        }
      }
    }
    const key = ref.digest && !ref.tag ? `${ref.repo}@${ref.digest}` : `${ref.repo}:${ref.tag ?? "latest"}`;
    const firstUse = this.imageUsers.get(key);
    return firstUse === undefined || firstUse <= atMs;
  }

  /** Kubelet admission (lifecycle predicate NodeResourcesFit): requests of admitted pods plus this one. */
  admit(pod: KubeObject): { reason: string; message: string } | undefined {
    if (!this.used) {
      this.used = { cpu: 0, memory: 0, pods: 0 };
      for (const p of this.pods) {
        if (p === pod || !p.status?.startTime || isTerminalPhase(p.status?.phase)) continue;
        const r = podRequests(p.spec ?? {});
        this.used.cpu += r.cpu;
        this.used.memory += r.memory;
        this.used.pods++;
      }
    }
    const alloc = (this.node.status?.allocatable ?? {}) as Record<string, string>;
    const q = (v: string | undefined, milli: boolean) => {
      const x = v ? tryParseQuantity(v) : undefined;
      return x ? (milli ? x.milliValue() : x.toNumber()) : Infinity;
    };
    const want = podRequests(pod.spec ?? {});
    const checks: Array<[string, number, number, number]> = [
      ["pods", 1, this.used.pods, q(alloc.pods, false)],
      ["cpu", want.cpu, this.used.cpu, q(alloc.cpu, true)],
      ["memory", want.memory, this.used.memory, q(alloc.memory, false)],
    ];
    for (const [name, requested, used, capacity] of checks) {
      if (requested > 0 && used + requested > capacity) {
        return { reason: `OutOf${name}`, message: `Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}` };
      }
    }
    this.used.cpu += want.cpu;
    this.used.memory += want.memory;
    this.used.pods++;
    return undefined;
  }
}

/** A pod's effective requests: max(any init container, sum of containers) + overhead (cpu in millicores). */
export function podRequests(spec: PodSpec): { cpu: number; memory: number } {
  const req = (c: Container, r: "cpu" | "memory") => {
    const raw = c.resources?.requests?.[r] ?? c.resources?.limits?.[r];
    const x = raw !== undefined ? tryParseQuantity(String(raw)) : undefined;
    return x ? (r === "cpu" ? x.milliValue() : x.toNumber()) : 0;
  };
  let cpu = 0;
  let memory = 0;
  for (const c of spec.containers ?? []) {
    cpu += req(c, "cpu");
    memory += req(c, "memory");
  }
  for (const c of spec.initContainers ?? []) {
    cpu = Math.max(cpu, req(c, "cpu"));
    memory = Math.max(memory, req(c, "memory"));
  }
  return { cpu, memory };
}

// ---------------------------------------------------------------------------------------------
// The controller.
// ---------------------------------------------------------------------------------------------

/**
 * The kubelet's own events (source kubelet) per involved object uid, per store: kept current from
 * the store's changes (observe) instead of a walk of every event at each reconcile. The kubelet
 * reads them back for its image pull backoff and to write each planned event once.
 */
const kubeletEventIndexes = new WeakMap<ObjectStore, Map<string, KubeObject[]>>();

function kubeletEventUid(e: KubeObject): string | undefined {
  const u = e.involvedObject?.uid;
  return u && (e.source?.component ?? e.reportingComponent) === KUBELET ? String(u) : undefined;
}

export function kubeletEventsOf(store: ObjectStore): Map<string, KubeObject[]> {
  let index = kubeletEventIndexes.get(store);
  if (index) return index;
  const byUid = new Map<string, KubeObject[]>();
  const add = (e: KubeObject) => {
    const u = kubeletEventUid(e);
    if (u === undefined) return;
    const l = byUid.get(u);
    if (l) l.push(e);
    else byUid.set(u, [e]);
  };
  for (const e of store.list(EVENTS_RESOURCE)) add(e);
  store.observe((c) => {
    if (c.resource !== EVENTS_RESOURCE) return;
    // The object a change replaces or deletes is the very one indexed.
    const u = c.prev && kubeletEventUid(c.prev);
    if (u !== undefined) {
      const l = byUid.get(u);
      const i = l ? l.indexOf(c.prev!) : -1;
      if (i >= 0) {
        l!.splice(i, 1);
        if (!l!.length) byUid.delete(u);
      }
    }
    if (c.type !== "DELETED") add(c.object);
  });
  kubeletEventIndexes.set(store, (index = byUid));
  return index;
}

/** Per store: pods whose next stage is known not to be due (same resourceVersions, wake in the future). */
/** `seen`: the reconcile that last saw the pod (entries of pods no longer seen are dropped at its end). */
/** `dueMs`: when the pod's next stage falls due, before rounding to the sync grid (orders pods synced together). */
const CACHE = new WeakMap<ObjectStore, Map<string, { podRv: string; nodeRv: string; wakeAtMs?: number; dueMs?: number; seen: number }>>();
let reconciles = 0;

export const kubelet: Controller = {
  name: KUBELET,
  reconcile(ctx: ControllerContext): ReconcileResult {
    const store = ctx.state.store;
    const nowMs = ctx.nowMs;
    let cache = CACHE.get(store);
    if (!cache) CACHE.set(store, (cache = new Map()));
    const client = new ControllerClient(ctx, KUBELET);
    const nodes = new Map<string, KubeObject>();
    for (const n of store.list("nodes")) nodes.set(n.metadata.name!, n);
    const allPods = store.list("pods");
    // The pods of each node as this reconcile started, grouped the first time a pod is synced.
    let podsByNode: Map<string, KubeObject[]> | undefined;
    const podsOn = (nodeName: string) => {
      if (!podsByNode) {
        podsByNode = new Map();
        for (const p of allPods) {
          const nn = p.spec?.nodeName;
          if (!nn) continue;
          let l = podsByNode.get(nn);
          if (!l) podsByNode.set(nn, (l = []));
          l.push(p);
        }
      }
      return podsByNode.get(nodeName) ?? [];
    };
    const facts = new Map<string, NodeFacts>();
    const factsOf = (nodeName: string) => {
      let f = facts.get(nodeName);
      if (!f) facts.set(nodeName, (f = new NodeFacts(nodes.get(nodeName)!, podsOn(nodeName))));
      return f;
    };
    const kubeletEvents = kubeletEventsOf(store);
    const eventsOf = (uid: string): readonly KubeObject[] => kubeletEvents.get(uid) ?? [];
    const view: ClusterView = {
      nowMs,
      configMap: (ns, name) => store.get("configmaps", ns, name),
      secret: (ns, name) => store.get("secrets", ns, name),
      service: (ns, name) => store.get("services", ns, name),
    };
    /** Readiness per node object (a node written this pass is a new object, asked again). */
    const readiness = new Map<KubeObject, boolean>();
    const ready = (node: KubeObject) => {
      let r = readiness.get(node);
      if (r === undefined) readiness.set(node, (r = nodeIsReady(node)));
      return r;
    };
    const thisReconcile = ++reconciles;
    let changed = false;
    let wakeAtMs: number | undefined;

    const toSync: { pod: KubeObject; nodeName: string; node: KubeObject; uid: string; dueMs: number }[] = [];
    for (const pod of allPods) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName) continue;
      const node = nodes.get(nodeName);
      // No kubelet reports for a node that does not exist: its pods are the pod garbage collector's.
      if (!node) continue;
      if (!ready(node)) continue;
      const uid = String(pod.metadata.uid ?? "");
      const cached = cache.get(uid);
      if (cached) cached.seen = thisReconcile;
      if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) {
        if (pod.metadata.deletionTimestamp) changed = recreateMirrorPod(client, pod) || changed;
        continue;
      }
      if (isTerminalPhase(pod.status?.phase)) continue;
      if (cached && cached.podRv === pod.metadata.resourceVersion && cached.nodeRv === node.metadata.resourceVersion && (cached.wakeAtMs === undefined || cached.wakeAtMs > nowMs)) {
        wakeAtMs = earliest(wakeAtMs, cached.wakeAtMs);
        continue;
      }
      toSync.push({ pod, nodeName, node, uid, dueMs: cached?.dueMs ?? -Infinity });
    }
    // Pods are synced in the order their stages fell due, not in list order: whether two pods' sandboxes came
    // up in one alarm or in two must not change which gets the lower IP (same inputs, same cluster).
    toSync.sort((a, b) => (a.dueMs === b.dueMs ? 0 : a.dueMs < b.dueMs ? -1 : 1));

    for (const { pod, nodeName, node, uid } of toSync) {
      const times = writeTimes(pod);
      const nodeFacts = factsOf(nodeName);
      const env: KubeletEnv = {
        nowMs,
        node,
        nodeIP: internalIP(node),
        view,
        newContainerID: () => `containerd://${hex(ctx.state.rng as Rng, 32)}`,
        imagePresent: (ref, atMs) => nodeFacts.imagePresent(ref, atMs),
        nodeImage: (ref) => {
          const h = nodeHasImage(node.status?.images, ref);
          return h.present ? { imageID: h.imageID, sizeBytes: h.sizeBytes } : undefined;
        },
        recorded: (fieldPath, reason, message) => {
          // Of several (rare), the first by name, as in a list of the events.
          let e: KubeObject | undefined;
          for (const x of eventsOf(uid)) {
            if ((x.involvedObject?.fieldPath ?? undefined) !== fieldPath || x.reason !== reason || x.message !== message) continue;
            if (!e || x.metadata.name! < e.metadata.name!) e = x;
          }
          if (!e) return undefined;
          return { count: e.count ?? 1, lastMs: parseRfc3339(e.lastTimestamp ?? e.eventTime ?? "") ?? 0 };
        },
        allocatePodIP: () => nodeFacts.allocateIP(),
        admit: () => nodeFacts.admit(pod),
        lastUserWriteMs: times.user,
        lastKubeletWriteMs: times.kubelet,
      };
      let result;
      try {
        result = syncPod(pod, env);
      } catch (e) {
        // A pod the simulation cannot follow must not stop the node: leave it as it is.
        if (e instanceof ApiError) continue;
        throw e;
      }
      // Events first (they describe how the pod got to its new status), deduplicated against what is recorded.
      for (const ev of result.events) {
        if (!ev.fresh) {
          const rec = env.recorded(ev.fieldPath, ev.reason, ev.message);
          if (rec && rec.lastMs >= floorSecond(ev.at)) continue;
        }
        // The index sees the event written (kubeletEventsOf).
        if (writeEvent(ctx, pod, node, ev)) changed = true;
      }
      let latest = pod;
      if (result.status) {
        // A status write keeps the stored metadata and spec: send only what it reads.
        const next = statusWrite(pod, result.status);
        try {
          latest = client.updateStatus(next, { handover: true });
          changed = true;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      }
      if (result.pulled.length) changed = addNodeImages(client, node, result.pulled, nodes) || changed;
      if (result.remove) {
        changed = client.delete(latest, { gracePeriodSeconds: 0 }) || changed;
        cache.delete(uid);
        continue;
      }
      // The kubelet relists every second: timed work is picked up on whole seconds, so pods due close
      // together share one alarm (statuses and events only carry whole seconds anyway).
      const wake = result.wakeAtMs !== undefined ? Math.max(Math.ceil(result.wakeAtMs / SYNC_GRID_MS) * SYNC_GRID_MS, nowMs + 1) : undefined;
      wakeAtMs = earliest(wakeAtMs, wake);
      if (result.volatile) cache.delete(uid);
      else cache.set(uid, { podRv: String(latest.metadata.resourceVersion), nodeRv: String(nodes.get(nodeName)?.metadata.resourceVersion), wakeAtMs: wake, dueMs: result.wakeAtMs, seen: thisReconcile });
    }
    for (const [uid, entry] of cache) if (entry.seen !== thisReconcile) cache.delete(uid);
    return { changed, wakeAtMs };
  },
};

/** The body of a status update: identity, resourceVersion (optimistic concurrency) and the new status. */
function statusWrite(obj: KubeObject, status: unknown): KubeObject {
  const m = obj.metadata;
  const metadata: KubeObject["metadata"] = { name: m.name, resourceVersion: m.resourceVersion, uid: m.uid };
  if (m.namespace) metadata.namespace = m.namespace;
  return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, status } as KubeObject;
}

function writeEvent(ctx: ControllerContext, pod: KubeObject, node: KubeObject, ev: PlannedEvent): KubeObject | undefined {
  // The image pull backoff is read back from the "Failed to pull image" events (their count and last time):
  // the event correlator must never drop or aggregate them, or the retries would stall.
  const memory = ev.reason === "Failed" && ev.message.startsWith("Failed to pull image ");
  try {
    return recordEvent(ctx, pod, { type: ev.type, reason: ev.reason, message: ev.message, source: { component: KUBELET, host: node.metadata.name }, fieldPath: ev.fieldPath, memory });
  } catch {
    // Events are best effort (a full sandbox refuses new objects).
    return undefined;
  }
}

/** node.status.images gains what was pulled: biggest first, at most 50 (kubelet's nodeStatusMaxImages). */
function addNodeImages(client: ControllerClient, node: KubeObject, pulled: PullableImage[], nodes: Map<string, KubeObject>): boolean {
  const current = nodes.get(node.metadata.name!) ?? node;
  const images = [...((current.status?.images ?? []) as Array<{ names: string[]; sizeBytes: number }>)];
  let added = false;
  for (const p of pulled) {
    const parsed = parseImage(p.image);
    if (parsed.ok && nodeHasImage(images, parsed.ref).present) continue;
    images.push({ names: p.names, sizeBytes: p.sizeBytes });
    added = true;
  }
  if (!added) return false;
  images.sort((a, b) => b.sizeBytes - a.sizeBytes);
  const next = statusWrite(current, { ...(current.status ?? {}), images: images.slice(0, NODE_STATUS_MAX_IMAGES) });
  try {
    const written = client.updateStatus(next);
    nodes.set(node.metadata.name!, written);
    return true;
  } catch (e) {
    if (e instanceof ApiError) return false;
    throw e;
  }
}

/** A deleted mirror pod: the kubelet deletes it for good and creates it again (its static pod keeps running). */
function recreateMirrorPod(client: ControllerClient, pod: KubeObject): boolean {
  const status = clone(pod.status);
  if (!client.delete(pod, { gracePeriodSeconds: 0 })) return false;
  const m = pod.metadata;
  const fresh: KubeObject = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: m.name, namespace: m.namespace, labels: clone(m.labels), annotations: clone(m.annotations), ownerReferences: clone(m.ownerReferences) },
    spec: clone(pod.spec),
  };
  for (const k of ["labels", "annotations", "ownerReferences"] as const) if (fresh.metadata[k] === undefined) delete fresh.metadata[k];
  try {
    const created = client.create(fresh);
    const withStatus = clone(created);
    withStatus.status = { ...status, qosClass: created.status?.qosClass ?? status?.qosClass };
    client.updateStatus(withStatus);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
  return true;
}
