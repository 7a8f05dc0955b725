// Small pieces the StatefulSet, DaemonSet, Job and CronJob controllers share: the field manager and
// event sources they write as, per-namespace indexes, pod writes that record the events RealPodControl
// records, intstr scaling, a growing retry delay after refused creations, list caching between writes
// and a gate that skips passes in which nothing a controller watches changed.
import type { KubeObject } from "../kinds/types";
import type { ControllerClient } from "./client";
import { ApiError } from "../machinery/status";
import { parseRfc3339 } from "../machinery/time";

/** kube-controller-manager writes as one field manager; each controller has its own event source. */
export const KCM_MANAGER = "kube-controller-manager";

export function event(client: ControllerClient, component: string, involved: KubeObject, type: "Normal" | "Warning", reason: string, message: string): void {
  client.event(involved, type, reason, message, { component });
}

/** Groups objects by namespace (one pass over the list). */
export function byNamespace(objs: readonly KubeObject[]): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const o of objs) {
    const ns = o.metadata.namespace ?? "";
    let list = m.get(ns);
    if (!list) m.set(ns, (list = []));
    list.push(o);
  }
  return m;
}

/** The message an API error carries into "Error creating: ..." events (StatusError.Error()). */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * RealPodControl.CreatePods: creates the pod and records SuccessfulCreate (`Created pod: <name>`) or
 * FailedCreate (`Error creating: <error>`) on the owner. Returns the pod, or undefined on an API error.
 */
export function createPod(client: ControllerClient, component: string, owner: KubeObject, pod: KubeObject): KubeObject | undefined {
  try {
    const created = client.create(pod);
    event(client, component, owner, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`);
    return created;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code !== 409) event(client, component, owner, "Warning", "FailedCreate", `Error creating: ${errorMessage(e)}`);
    return undefined;
  }
}

/** RealPodControl.DeletePod: deletes and records SuccessfulDelete (`Deleted pod: <name>`). */
export function deletePod(client: ControllerClient, component: string, owner: KubeObject, pod: KubeObject): boolean {
  try {
    if (!client.delete(pod)) return false;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    event(client, component, owner, "Warning", "FailedDelete", `Error deleting: ${errorMessage(e)}`);
    return false;
  }
  event(client, component, owner, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
  return true;
}

/** intstr.GetScaledValueFromIntOrPercent (a malformed value counts as 0). */
export function scaledValue(v: number | string | undefined | null, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

export function timeMs(s: unknown): number | undefined {
  return typeof s === "string" ? parseRfc3339(s) : undefined;
}

/** A wake-up strictly in the future, or undefined (never ask to run again at or before now). */
export function futureWake(atMs: number | undefined, nowMs: number): number | undefined {
  return atMs !== undefined && atMs > nowMs ? atMs : undefined;
}

/**
 * When an owner whose pod creations keep failing may try again: the real controllers requeue with an
 * exponential rate limit; here the delay doubles with each aggregated FailedCreate event on the owner
 * (1 s, 2 s, 4 s, ... at most 1000 s) from the last one. Undefined when no failure.
 */
export function failedCreateRetryAtMs(client: ControllerClient, owner: KubeObject, reason = "FailedCreate"): number | undefined {
  // Each refused create has its own message (the generated pod name): count them all.
  let latest: number | undefined;
  let failures = 0;
  for (const e of cachedList(client, "v1", "Event", owner.metadata.namespace)) {
    if (e.involvedObject?.uid !== owner.metadata.uid || e.reason !== reason) continue;
    const at = timeMs(e.lastTimestamp) ?? timeMs(e.eventTime);
    if (at === undefined) continue;
    latest = Math.max(latest ?? at, at);
    failures += (e.count as number | undefined) ?? 1;
  }
  if (latest === undefined) return undefined;
  return latest + Math.min(1000 * 2 ** Math.min(failures - 1, 20), 1_000_000);
}

const listCache = new WeakMap<object, { rv: number; lists: Map<string, readonly KubeObject[]> }>();

/**
 * client.list, remembered until the store changes: passes that write nothing (most of them) do not
 * re-list and re-sort thousands of pods. Treat the result as read-only.
 */
export function cachedList(client: ControllerClient, apiVersion: string, kind: string, namespace?: string): readonly KubeObject[] {
  const store = client.ctx.state.store;
  let entry = listCache.get(store);
  if (!entry || entry.rv !== store.resourceVersion) {
    entry = { rv: store.resourceVersion, lists: new Map() };
    listCache.set(store, entry);
  }
  const key = `${apiVersion}/${kind}/${namespace ?? "*"}`;
  let list = entry.lists.get(key);
  if (!list) {
    list = client.list(apiVersion, kind, namespace);
    entry.lists.set(key, list);
  }
  return list;
}

/**
 * Lets a controller skip a pass when nothing it watches changed since its last full sync and no timed
 * work is due: the informer-driven controllers it models only sync on events. `relevant` says whether
 * a change (to a resource, in a namespace) concerns the controller, given the namespaces it manages.
 */
export class SyncGate {
  private readonly last = new WeakMap<object, { rv: number; wake?: number; namespaces: Set<string> }>();

  constructor(private readonly relevant: (resource: string, namespace: string, namespaces: Set<string>) => boolean) {}

  /** The previous result when this pass can be skipped, else undefined. */
  skip(ctx: { state: { store: ObjectStoreLike }; nowMs: number }): { wakeAtMs?: number } | undefined {
    const store = ctx.state.store;
    const prev = this.last.get(store);
    if (!prev || (prev.wake !== undefined && ctx.nowMs >= prev.wake)) return undefined;
    const changes = store.changesSince(prev.rv);
    if (!changes) return undefined;
    for (const ch of changes) if (this.relevant(ch.resource, ch.object.metadata.namespace ?? "", prev.namespaces)) return undefined;
    prev.rv = store.resourceVersion;
    return { wakeAtMs: prev.wake };
  }

  /**
   * Remembers a full sync that started at resourceVersion `startRv`: its own writes count as changes,
   * so the next pass syncs again (as the real controller reacts to the events of its own writes).
   */
  synced(ctx: { state: { store: ObjectStoreLike } }, startRv: number, namespaces: Iterable<string>, wake: number | undefined): void {
    this.last.set(ctx.state.store, { rv: startRv, wake, namespaces: new Set(namespaces) });
  }
}

interface ObjectStoreLike {
  readonly resourceVersion: number;
  changesSince(since: number): Array<{ resource: string; object: KubeObject }> | undefined;
}
