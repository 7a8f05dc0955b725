// What the HorizontalPodAutoscaler controller remembers between syncs: its recent recommendations
// (for the stabilisation windows) and its recent scale events (for the behaviour's rate policies).
// kube-controller-manager keeps these in memory; a sandbox's process does not outlive an alarm, so
// they live in one small internal record per HPA in the store, under a resource no API serves
// (never listed, watched or printed). It is written only when something in it changes: a
// recommendation that differs from the last one, or a rescale — never on an idle sync.
//
// Recommendations are run-length encoded: each entry is one value the controller recommended at
// every sync from `firstMs` to `lastMs`; the last entry, while `open`, is still being recommended
// (it stands for one sample per sync period up to the previous sync).
//
// This is the one place a controller writes the store directly instead of through the API: the
// record is the controller's private memory, not an API object.
import type { ClusterState } from "../apiserver/context";
import type { KubeObject } from "../kinds/types";
import { deepEqual } from "../machinery/json";

export const HPA_MEMORY_RESOURCE = "horizontalpodautoscalers.memory.internal.kubeplay.dev";

export interface Recommendation {
  replicas: number;
  firstMs: number;
  lastMs: number;
  /** Still the latest recommendation: also sampled at every sync after lastMs. */
  open?: boolean;
}

export interface ScaleEvent {
  /** Replicas added (scale-up list) or removed (scale-down list), as a positive number. */
  change: number;
  atMs: number;
}

export interface HpaMemory {
  /** recordInitialRecommendation ran. */
  initialized: boolean;
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}

interface MemoryRecord extends KubeObject {
  hpaUid: string;
  memory: HpaMemory;
}

export function emptyMemory(): HpaMemory {
  return { initialized: false, recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

export function loadMemory(state: ClusterState, hpa: KubeObject): HpaMemory {
  const rec = state.store.get(HPA_MEMORY_RESOURCE, hpa.metadata.namespace ?? "", hpa.metadata.name!) as MemoryRecord | undefined;
  if (!rec || rec.hpaUid !== hpa.metadata.uid) return emptyMemory();
  return JSON.parse(JSON.stringify(rec.memory)) as HpaMemory;
}

/** Writes the record when it differs from what is stored; returns whether it wrote. */
export function saveMemory(state: ClusterState, hpa: KubeObject, memory: HpaMemory): boolean {
  const ns = hpa.metadata.namespace ?? "";
  const name = hpa.metadata.name!;
  const existing = state.store.get(HPA_MEMORY_RESOURCE, ns, name) as MemoryRecord | undefined;
  if (existing && existing.hpaUid === hpa.metadata.uid && deepEqual(existing.memory, memory)) return false;
  const rec: MemoryRecord = {
    apiVersion: "internal.kubeplay.dev/v1",
    kind: "HorizontalPodAutoscalerMemory",
    metadata: { name, namespace: ns },
    hpaUid: hpa.metadata.uid!,
    memory,
  };
  if (existing) state.store.update(HPA_MEMORY_RESOURCE, rec);
  else state.store.create(HPA_MEMORY_RESOURCE, rec);
  return true;
}

/** Drops the records of HPAs that no longer exist (or were recreated under the same name). */
export function collectMemory(state: ClusterState, liveUids: ReadonlySet<string>): boolean {
  let changed = false;
  for (const rec of state.store.list(HPA_MEMORY_RESOURCE) as MemoryRecord[]) {
    if (liveUids.has(rec.hpaUid)) continue;
    state.store.delete(HPA_MEMORY_RESOURCE, rec.metadata.namespace ?? "", rec.metadata.name!);
    changed = true;
  }
  return changed;
}

/** The last sample time an entry stands for, seen from a sync at `atMs` with period `periodMs`. */
export function lastSampleMs(r: Recommendation, atMs: number, periodMs: number): number {
  return r.open ? Math.max(r.lastMs, atMs - periodMs) : r.lastMs;
}

/** recordInitialRecommendation: the first sync remembers the current size as a recommendation. */
export function recordInitial(memory: HpaMemory, replicas: number, atMs: number): void {
  if (memory.initialized) return;
  memory.initialized = true;
  memory.recommendations.push({ replicas, firstMs: atMs, lastMs: atMs });
}

/** Records this sync's (unstabilised) recommendation, and forgets samples older than `keepMs`. */
export function recordRecommendation(memory: HpaMemory, replicas: number, atMs: number, periodMs: number, keepMs: number): void {
  const last = memory.recommendations[memory.recommendations.length - 1];
  // Same value as the previous sync: nothing new to remember.
  if (last?.open && last.replicas === replicas) return;
  closeOpen(memory, atMs, periodMs);
  // Forget what no window can see any more, only when writing anyway.
  memory.recommendations = memory.recommendations.filter((r) => r.lastMs >= atMs - keepMs - periodMs);
  memory.recommendations.push({ replicas, firstMs: atMs, lastMs: atMs, open: true });
}

/** A sync that recommends nothing (an error, or a size outside min/max) ends the open run. */
export function closeOpen(memory: HpaMemory, atMs: number, periodMs: number): void {
  const last = memory.recommendations[memory.recommendations.length - 1];
  if (!last?.open) return;
  last.lastMs = Math.max(last.lastMs, atMs - periodMs);
  delete last.open;
}
