// The DaemonSet controller (pkg/controller/daemon, 1.32): one pod per eligible node. Pods are created
// unscheduled with a required node affinity on `metadata.name` that the default scheduler honours
// (util.ReplaceDaemonSetPodNodeNameNodeAffinity), labelled with controller-revision-hash and
// pod-template-generation; ControllerRevisions snapshot the template; RollingUpdate replaces old pods
// within maxUnavailable (or surges within maxSurge); OnDelete waits for the user; status counts nodes.
import type { KubeObject } from "../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { claimObjects } from "./controller-ref";
import { isPodAvailable, isPodReady, podAvailableAtMs, podFromTemplate } from "./controller-utils";
import { CONTROLLER_REVISION_HASH_LABEL, isSnapshotOf, newRevisionObject, sortRevisions, templatePatch } from "./history";
import { computeHash } from "./hash";
import { addDaemonPodTolerations, nodeShouldRunDaemonPod, replaceNodeNameAffinity, targetNodeName } from "./daemon-node-match";
import { cachedList, createPod, deletePod, event, failedCreateRetryAtMs, futureWake, KCM_MANAGER, scaledValue, SyncGate, timeMs } from "./workload-common";
import { clone } from "../machinery/json";
import { matches, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../machinery/labels";
import { ApiError } from "../machinery/status";

const COMPONENT = "daemonset-controller";
const TEMPLATE_GENERATION_LABEL = "pod-template-generation";
const TEMPLATE_GENERATION_ANNOTATION = "deprecated.daemonset.template.generation";
/** The controller creates or deletes at most this many pods per sync (burstReplicas). */
const BURST_REPLICAS = 250;

function templateGeneration(ds: KubeObject): string | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return v !== undefined && /^-?\d+$/.test(v) ? String(Number(v)) : undefined;
}

/** util.IsPodUpdated: the pod carries the current revision hash or template generation. */
function isPodUpdated(pod: KubeObject, hash: string, generation: string | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === generation) || (hash !== "" && labels[CONTROLLER_REVISION_HASH_LABEL] === hash);
}

function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** podByCreationTimestampAndPhase: running pods before pending ones, then oldest first, then name. */
function byCreationAndPhase(a: KubeObject, b: KubeObject): number {
  const ra = a.status?.phase === "Running" ? 0 : 1;
  const rb = b.status?.phase === "Running" ? 0 : 1;
  if (ra !== rb) return ra - rb;
  const ta = timeMs(a.metadata.creationTimestamp) ?? 0;
  const tb = timeMs(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
}

interface SyncState {
  /** Timed work this sync asks for (create retries). */
  wake?: number;
  /** nodeShouldRunDaemonPod per node name, computed once per sync. */
  placement?: Map<string, { shouldRun: boolean; shouldContinueRunning: boolean }>;
  client: ControllerClient;
  ctx: ControllerContext;
  nodes: readonly KubeObject[];
  nodesByName: Map<string, KubeObject>;
  podsInNs: readonly KubeObject[];
  revisionsInNs: readonly KubeObject[];
}

/** A DaemonSet syncs when DaemonSets, nodes, revisions or pods in its namespace change. */
const gate = new SyncGate((resource, ns, namespaces) => resource === "daemonsets.apps" || resource === "nodes" || ((resource === "pods" || resource === "controllerrevisions.apps") && namespaces.has(ns)));

export const daemonSetController: Controller = {
  name: COMPONENT,
  reconcile(ctx): ReconcileResult {
    const skipped = gate.skip(ctx);
    if (skipped) return { changed: false, wakeAtMs: skipped.wakeAtMs };
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const rv0 = ctx.state.store.resourceVersion;
    const sets = cachedList(client, "apps/v1", "DaemonSet");
    const nodes = cachedList(client, "v1", "Node");
    const nodesByName = new Map(nodes.map((n) => [n.metadata.name!, n]));
    let wakeAtMs: number | undefined;
    for (const listed of sets) {
      const ds = client.get("apps/v1", "DaemonSet", listed.metadata.namespace, listed.metadata.name!);
      if (!ds) continue;
      const ns = ds.metadata.namespace ?? "";
      const podsInNs = cachedList(client, "v1", "Pod", ns);
      const revisionsInNs = cachedList(client, "apps/v1", "ControllerRevision", ns);
      try {
        const s: SyncState = { client, ctx, nodes, nodesByName, podsInNs, revisionsInNs };
        wakeAtMs = earliest(wakeAtMs, syncDaemonSet(ds, s));
        wakeAtMs = earliest(wakeAtMs, s.wake);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        // A write the API refused (a conflict, a terminating namespace): the next pass retries.
      }
    }
    gate.synced(ctx, rv0, sets.map((d) => d.metadata.namespace ?? ""), wakeAtMs);
    return { changed: ctx.state.store.resourceVersion !== rv0, wakeAtMs };
  },
};

function syncDaemonSet(ds: KubeObject, s: SyncState): number | undefined {
  const { client } = s;
  s.placement = new Map(s.nodes.map((n) => [n.metadata.name!, nodeShouldRunDaemonPod(n, ds)]));
  const sel = ds.spec?.selector;
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    event(client, COMPONENT, ds, "Warning", "SelectingAll", "This daemon set is selecting all pods. A non-empty selector is required.");
    return undefined;
  }
  let selector: LabelSelectorRequirementSet;
  try {
    selector = selectorFromLabelSelector(sel);
  } catch {
    return undefined;
  }
  const match = (o: KubeObject) => matches(selector, o.metadata.labels);
  const candidates = s.podsInNs.filter((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller === true);
    return ref ? ref.uid === ds.metadata.uid : true;
  });
  let pods = claimObjects(client, ds, candidates, match).claimed;
  // A DaemonSet being deleted leaves its pods and history to the garbage collector, status too.
  if (ds.metadata.deletionTimestamp) return undefined;

  const history = constructHistory(ds, s, match);
  if (!history) return undefined; // a hash collision bumped status.collisionCount; next pass retries
  const { cur, old } = history;
  const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? cur.metadata.name!.slice(ds.metadata.name!.length + 1);
  const generation = templateGeneration(ds);

  const rvBefore = s.ctx.state.store.resourceVersion;
  manage(ds, pods, hash, generation, s);
  const managed = s.ctx.state.store.resourceVersion !== rvBefore;
  pods = ownedPods(ds, s);
  // The real controller waits for its creations and deletions to be observed before rolling.
  if (!managed && ds.spec?.updateStrategy?.type !== "OnDelete") {
    rollingUpdate(ds, pods, hash, generation, s);
    pods = ownedPods(ds, s);
  }
  cleanupHistory(ds, pods, old, s);
  return updateStatus(ds, pods, hash, generation, s);
}

function placementOf(node: KubeObject, ds: KubeObject, s: SyncState): { shouldRun: boolean; shouldContinueRunning: boolean } {
  return s.placement?.get(node.metadata.name!) ?? nodeShouldRunDaemonPod(node, ds);
}

/** The pods the DaemonSet controls, as stored now. */
function ownedPods(ds: KubeObject, s: SyncState): KubeObject[] {
  return cachedList(s.client, "v1", "Pod", ds.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === ds.metadata.uid));
}

/** getNodesToDaemonPods: pods by the node they run on or are pinned to (deleted terminal pods left out unless asked). */
function nodeToDaemonPods(pods: readonly KubeObject[], includeDeletedTerminal: boolean): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const p of pods) {
    if (!includeDeletedTerminal && isTerminal(p) && p.metadata.deletionTimestamp) continue;
    const node = targetNodeName(p);
    if (node === undefined) continue;
    let list = m.get(node);
    if (!list) m.set(node, (list = []));
    list.push(p);
  }
  return m;
}

/** constructHistory: finds or snapshots the current revision, bumping its number past the old ones. */
function constructHistory(ds: KubeObject, s: SyncState, match: (o: KubeObject) => boolean): { cur: KubeObject; old: KubeObject[] } | undefined {
  const { client } = s;
  const candidates = s.revisionsInNs.filter((r) => {
    const ref = r.metadata.ownerReferences?.find((o) => o.controller === true);
    return ref ? ref.uid === ds.metadata.uid : true;
  });
  const histories = claimObjects(client, ds, candidates, match).claimed;
  const current: KubeObject[] = [];
  const old: KubeObject[] = [];
  for (let h of histories) {
    // Older revisions may lack the hash label: the controller labels them with their name.
    if (h.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === undefined) {
      const labelled = clone(h);
      labelled.metadata.labels = { ...(labelled.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: labelled.metadata.name! };
      h = client.update(labelled);
    }
    (isSnapshotOf(h.data, ds.spec?.template) ? current : old).push(h);
  }
  const currRevision = old.reduce((max, h) => Math.max(max, (h.revision as number | undefined) ?? 0), 0) + 1;
  let cur: KubeObject;
  if (current.length === 0) {
    const collisionCount = (ds.status?.collisionCount as number | undefined) ?? 0;
    const hash = computeHash(ds.spec?.template, collisionCount || undefined);
    const name = `${ds.metadata.name}-${hash}`;
    const existing = client.get("apps/v1", "ControllerRevision", ds.metadata.namespace, name);
    if (existing) {
      if (isSnapshotOf(existing.data, ds.spec?.template)) return { cur: existing, old };
      const st = clone(ds);
      st.status = { ...(st.status ?? {}), collisionCount: collisionCount + 1 };
      client.updateStatus(st);
      return undefined;
    }
    const labels = { ...((ds.spec?.template?.metadata?.labels ?? {}) as Record<string, string>), [CONTROLLER_REVISION_HASH_LABEL]: hash };
    cur = client.create(newRevisionObject(ds, name, labels, ds.metadata.annotations, templatePatch(ds.spec?.template), currRevision));
  } else {
    cur = dedupCurHistories(ds, current, s);
    if (((cur.revision as number | undefined) ?? 0) < currRevision) {
      const bumped = clone(cur);
      bumped.revision = currRevision;
      cur = client.update(bumped);
    }
  }
  return { cur, old };
}

/** dedupCurHistories: keeps the highest revision of equal snapshots, relabels pods, deletes the rest. */
function dedupCurHistories(ds: KubeObject, current: KubeObject[], s: SyncState): KubeObject {
  if (current.length === 1) return current[0];
  const sorted = sortRevisions(current);
  const keep = sorted[sorted.length - 1];
  const keepHash = keep.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? keep.metadata.name!;
  for (const dup of sorted.slice(0, -1)) {
    const dupHash = dup.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    for (const pod of ownedPods(ds, s)) {
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] !== dupHash) continue;
      const relabelled = clone(pod);
      relabelled.metadata.labels = { ...(relabelled.metadata.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: keepHash };
      s.client.update(relabelled);
    }
    s.client.delete(dup);
  }
  return keep;
}

/** manage + syncNodes: create a pod on each node that needs one, delete pods that must go. */
function manage(ds: KubeObject, pods: readonly KubeObject[], hash: string, generation: string | undefined, s: SyncState): void {
  const byNode = nodeToDaemonPods(pods, false);
  const surge = allowsSurge(ds);
  const nodesNeeding: string[] = [];
  const toDelete: KubeObject[] = [];
  for (const node of s.nodes) {
    const nodeName = node.metadata.name!;
    const { shouldRun, shouldContinueRunning } = placementOf(node, ds, s);
    const daemonPods = byNode.get(nodeName);
    if (shouldRun && !daemonPods) {
      nodesNeeding.push(nodeName);
    } else if (shouldContinueRunning && daemonPods) {
      const running: KubeObject[] = [];
      for (const pod of daemonPods) {
        if (pod.metadata.deletionTimestamp) continue;
        if (pod.status?.phase === "Failed") {
          event(s.client, COMPONENT, ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`);
          toDelete.push(pod);
        } else if (pod.status?.phase === "Succeeded") {
          toDelete.push(pod);
        } else running.push(pod);
      }
      if (!surge) {
        if (running.length > 1) toDelete.push(...running.sort(byCreationAndPhase).slice(1));
        continue;
      }
      if (running.length <= 1) {
        if (running.length === 0 && shouldRun) nodesNeeding.push(nodeName);
        continue;
      }
      // Surging: keep the oldest new pod, and the oldest old pod while the new one is not yet available.
      let oldestNew: KubeObject | undefined;
      let oldestOld: KubeObject | undefined;
      for (const pod of running.sort(byCreationAndPhase)) {
        if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) {
          if (!oldestNew) {
            oldestNew = pod;
            continue;
          }
        } else if (!oldestOld) {
          oldestOld = pod;
          continue;
        }
        toDelete.push(pod);
      }
      if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, s.ctx.nowMs))) toDelete.push(oldestOld);
    } else if (!shouldContinueRunning && daemonPods) {
      for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) toDelete.push(pod);
    }
  }
  // Unscheduled pods pinned to nodes that no longer exist would never be scheduled: delete them.
  for (const [nodeName, daemonPods] of byNode) {
    if (s.nodesByName.has(nodeName)) continue;
    for (const pod of daemonPods) if (!pod.spec?.nodeName) toDelete.push(pod);
  }
  syncNodes(ds, toDelete, nodesNeeding, hash, generation, s);
}

function allowsSurge(ds: KubeObject): boolean {
  const us = ds.spec?.updateStrategy;
  return us?.type === "RollingUpdate" && scaledValue(us.rollingUpdate?.maxSurge, 1, true) > 0;
}

/** util.CreatePodTemplate: the daemon tolerations, the template generation and revision hash labels. */
function daemonPodTemplate(ds: KubeObject, generation: string | undefined, hash: string): Record<string, any> {
  const template = clone(ds.spec?.template ?? {}) as Record<string, any>;
  template.spec = addDaemonPodTolerations(template.spec ?? {});
  const md = (template.metadata ??= {});
  md.labels = { ...(md.labels ?? {}) };
  if (generation !== undefined) md.labels[TEMPLATE_GENERATION_LABEL] = generation;
  if (hash) md.labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  return template;
}

function syncNodes(ds: KubeObject, toDelete: readonly KubeObject[], nodesNeeding: readonly string[], hash: string, generation: string | undefined, s: SyncState): void {
  if (nodesNeeding.length) {
    // Refused creations (quota, a terminating namespace) retry after a growing delay.
    const retryAt = futureWake(failedCreateRetryAtMs(s.client, ds), s.ctx.nowMs);
    if (retryAt !== undefined) s.wake = earliest(s.wake, retryAt);
    else {
      const template = daemonPodTemplate(ds, generation, hash);
      for (const nodeName of nodesNeeding.slice(0, BURST_REPLICAS)) {
        const pod = podFromTemplate(template, ds);
        pod.spec.affinity = replaceNodeNameAffinity(pod.spec.affinity, nodeName);
        if (!createPod(s.client, COMPONENT, ds, pod)) {
          s.wake = earliest(s.wake, futureWake(failedCreateRetryAtMs(s.client, ds), s.ctx.nowMs));
          break;
        }
      }
    }
  }
  const seen = new Set<string>();
  for (const pod of toDelete.slice(0, BURST_REPLICAS)) {
    if (seen.has(pod.metadata.name!)) continue;
    seen.add(pod.metadata.name!);
    deletePod(s.client, COMPONENT, ds, pod);
  }
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok (the manage loop cleans up). */
function findUpdatedPodsOnNode(podsOnNode: readonly KubeObject[], hash: string, generation: string | undefined): { newPod?: KubeObject; oldPod?: KubeObject; ok: boolean } {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of podsOnNode) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** rollingUpdate (pkg/controller/daemon/update.go). */
function rollingUpdate(ds: KubeObject, pods: readonly KubeObject[], hash: string, generation: string | undefined, s: SyncState): void {
  const byNode = nodeToDaemonPods(pods, false);
  const minReady = (ds.spec?.minReadySeconds as number | undefined) ?? 0;
  const now = s.ctx.nowMs;
  const available = (p: KubeObject) => isPodAvailable(p, minReady, now);
  let desired = 0;
  for (const node of s.nodes) {
    if (!placementOf(node, ds, s).shouldRun) continue;
    desired++;
    if (!byNode.has(node.metadata.name!)) byNode.set(node.metadata.name!, []);
  }
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  let maxUnavailable = scaledValue(ru.maxUnavailable, desired, true);
  const maxSurge = scaledValue(ru.maxSurge, desired, true);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacement: KubeObject[] = [];
    const candidates: KubeObject[] = [];
    for (const [, podsOnNode] of byNode) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(podsOnNode, hash, generation);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          allowedReplacement.push(oldPod);
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    syncNodes(ds, [...allowedReplacement, ...candidates.slice(0, remaining)], [], hash, generation, s);
    return;
  }

  const oldPodsToDelete: KubeObject[] = [];
  const shouldNotRunToDelete: KubeObject[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [nodeName, podsOnNode] of byNode) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(podsOnNode, hash, generation);
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    const node = s.nodesByName.get(nodeName);
    const shouldRun = node ? placementOf(node, ds, s).shouldRun : false;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun) oldPodsToDelete.push(oldPod);
        else allowedNewNodes.push(nodeName);
      } else if (!shouldRun) shouldNotRunToDelete.push(oldPod);
      else if (numSurge < maxSurge) candidateNewNodes.push(nodeName);
    } else if (!available(newPod)) numSurge++;
    else oldPodsToDelete.push(oldPod);
  }
  const deletable = Math.min(numAvailable - desired, shouldNotRunToDelete.length);
  for (const p of shouldNotRunToDelete.slice(0, Math.max(0, deletable))) if (!p.metadata.deletionTimestamp) oldPodsToDelete.push(p);
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  syncNodes(ds, oldPodsToDelete, [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)], hash, generation, s);
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit whose hash no pod carries, oldest first. */
function cleanupHistory(ds: KubeObject, pods: readonly KubeObject[], old: KubeObject[], s: SyncState): void {
  const limit = (ds.spec?.revisionHistoryLimit as number | undefined) ?? 10;
  let toKill = old.length - limit;
  if (toKill <= 0) return;
  const live = new Set<string>();
  for (const p of pods) {
    const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
    if (h) live.add(h);
  }
  for (const h of sortRevisions(old)) {
    if (toKill <= 0) break;
    if (live.has(h.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? "")) continue;
    s.client.delete(h);
    toKill--;
  }
}

/** updateDaemonSetStatus + storeDaemonSetStatus; returns when minReadySeconds makes a pod available. */
function updateStatus(ds: KubeObject, pods: readonly KubeObject[], hash: string, generation: string | undefined, s: SyncState): number | undefined {
  const byNode = nodeToDaemonPods(pods, false);
  const minReady = (ds.spec?.minReadySeconds as number | undefined) ?? 0;
  const now = s.ctx.nowMs;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let availableCount = 0;
  let wake: number | undefined;
  for (const node of s.nodes) {
    const { shouldRun } = placementOf(node, ds, s);
    const daemonPods = byNode.get(node.metadata.name!) ?? [];
    const scheduled = daemonPods.length > 0;
    if (!shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...daemonPods].sort(byCreationAndPhase)[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) availableCount++;
      else wake = earliest(wake, futureWake(podAvailableAtMs(pod, minReady), now));
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const unavailable = desired - availableCount;
  const st = ds.status ?? {};
  const generationObserved = (st.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0);
  if (
    st.desiredNumberScheduled === desired &&
    st.currentNumberScheduled === current &&
    st.numberMisscheduled === misscheduled &&
    st.numberReady === ready &&
    (st.updatedNumberScheduled ?? 0) === updated &&
    (st.numberAvailable ?? 0) === availableCount &&
    (st.numberUnavailable ?? 0) === unavailable &&
    generationObserved
  ) {
    return wake;
  }
  const fresh = s.client.get("apps/v1", "DaemonSet", ds.metadata.namespace, ds.metadata.name!) ?? ds;
  const next = clone(fresh);
  const status: Record<string, unknown> = { ...(next.status ?? {}) };
  status.observedGeneration = fresh.metadata.generation;
  status.desiredNumberScheduled = desired;
  status.currentNumberScheduled = current;
  status.numberMisscheduled = misscheduled;
  status.numberReady = ready;
  // omitempty counters disappear at zero, as the Go struct serialises them.
  for (const [k, v] of [
    ["updatedNumberScheduled", updated],
    ["numberAvailable", availableCount],
    ["numberUnavailable", unavailable],
  ] as const) {
    if (v) status[k] = v;
    else delete status[k];
  }
  next.status = status;
  s.client.updateStatus(next);
  return wake;
}
