// The one generic object store of a sandbox. Keys are (resource, namespace, name) where resource
// is the qualified plural ("pods", "deployments.apps"). It assigns resourceVersions from one
// increasing counter, remembers recent changes for watches, and tracks what a request changed
// so the Durable Object can persist exactly those rows in one transaction.
import type { KubeObject } from "../kinds/types";
import { LIMITS } from "../limits";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface Change {
  type: WatchEventType;
  resource: string;
  /** The object after the change (for DELETED: the last state, with the deletion's resourceVersion). */
  object: KubeObject;
  /** The object before the change (MODIFIED and DELETED), for watches that filter by selector. */
  prev?: KubeObject;
  rv: number;
}

export interface PersistedRow {
  key: string;
  resource: string;
  namespace: string;
  name: string;
  body: string;
}

export interface PendingWrites {
  puts: PersistedRow[];
  deletes: string[];
  resourceVersion: number;
}

/** The resource Events are stored under (core/v1 and events.k8s.io/v1 alike); capped by LIMITS.maxEvents. */
export const EVENTS_RESOURCE = "events";

export const storeKey = (resource: string, namespace: string, name: string) => `${resource}/${namespace}/${name}`;

export class ObjectStore {
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  private readonly history: Change[] = [];
  /** Oldest resourceVersion a watch may start from without missing events. */
  private historyFloor: number;
  private readonly dirty = new Map<string, { resource: string; obj: KubeObject | null }>();
  private readonly listeners = new Set<(c: Change) => void>();
  /**
   * In-process indexes kept current change by change (observe): unlike watches they are not
   * counted against the watch limit, never ended by endWatches, and see every change (the
   * history is trimmed; a pass can write more than it holds).
   */
  private readonly observers: Array<(c: Change) => void> = [];
  /** The watches among the listeners, with how each one ends. */
  private readonly enders = new Map<(c: Change) => void, () => void>();
  /** Sorted keys per resource; dropped whenever an object of the resource is added or removed. */
  private readonly sortedCache = new Map<string, string[]>();
  /** All objects per resource in key order (list() hands out copies); dropped on any write of the resource. */
  private readonly listCache = new Map<string, KubeObject[]>();
  private count = 0;
  private rv: number;

  constructor(resourceVersion = 1) {
    this.rv = resourceVersion;
    this.historyFloor = resourceVersion;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get size(): number {
    return this.count;
  }

  /** Rebuilds memory from persisted rows (Durable Object start). Emits nothing, marks nothing dirty. */
  load(rows: Iterable<{ resource: string; body: string }>, resourceVersion: number): void {
    for (const row of rows) {
      const obj = JSON.parse(row.body) as KubeObject;
      this.bucket(row.resource).set(this.nsName(obj), obj);
      this.sortedCache.delete(row.resource);
      this.listCache.delete(row.resource);
      this.count++;
    }
    this.rv = resourceVersion;
    this.historyFloor = resourceVersion;
  }

  /** The stored object. Treat as read-only: clone before changing it. */
  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(`${namespace}/${name}`);
  }

  /** The stored object under its "namespace/name" key (cluster-scoped: "/name"). Treat as read-only. */
  getByKey(resource: string, nsName: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(nsName);
  }

  /** Objects of a resource, optionally in one namespace, ordered by namespace then name like etcd keys. */
  list(resource: string, namespace?: string): KubeObject[] {
    const sorted = this.sortedKeys(resource);
    if (!sorted) return [];
    const bucket = this.byResource.get(resource)!;
    if (namespace === undefined) {
      let all = this.listCache.get(resource);
      if (!all) {
        all = [];
        for (const k of sorted) all.push(bucket.get(k)!);
        this.listCache.set(resource, all);
      }
      return all.slice();
    }
    const out: KubeObject[] = [];
    const prefix = `${namespace}/`;
    for (const k of sorted) if (k.startsWith(prefix)) out.push(bucket.get(k)!);
    return out;
  }

  /** Keys of a resource in byte order (etcd's order), cached until the resource's key set changes. */
  private sortedKeys(resource: string): string[] | undefined {
    const bucket = this.byResource.get(resource);
    if (!bucket) return undefined;
    let keys = this.sortedCache.get(resource);
    if (!keys) {
      keys = [...bucket.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sortedCache.set(resource, keys);
    }
    return keys;
  }

  resources(): string[] {
    return [...this.byResource.keys()].filter((r) => this.byResource.get(r)!.size > 0);
  }

  countByResource(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [r, b] of this.byResource) if (b.size) out[r] = b.size;
    return out;
  }

  /** Inserts a new object, stamping the next resourceVersion. The caller checked it does not exist. */
  create(resource: string, obj: KubeObject): KubeObject {
    if (resource === EVENTS_RESOURCE) this.makeRoomForEvent();
    else if (this.count - (this.byResource.get(EVENTS_RESOURCE)?.size ?? 0) >= LIMITS.maxObjects) throw new StoreFullError();
    const stored = this.stamp(obj);
    this.bucket(resource).set(this.nsName(stored), stored);
    this.sortedCache.delete(resource);
    this.listCache.delete(resource);
    this.count++;
    this.record("ADDED", resource, stored);
    return stored;
  }

  /** Replaces an existing object, stamping the next resourceVersion. */
  update(resource: string, obj: KubeObject): KubeObject {
    const stored = this.stamp(obj);
    const bucket = this.bucket(resource);
    const prev = bucket.get(this.nsName(stored));
    bucket.set(this.nsName(stored), stored);
    this.listCache.delete(resource);
    this.record("MODIFIED", resource, stored, prev);
    return stored;
  }

  /**
   * At LIMITS.maxEvents the oldest Event goes (a Map iterates in insertion order: the first key is
   * the Event created longest ago in this process; after a restart, the first in key order).
   */
  private makeRoomForEvent() {
    const events = this.byResource.get(EVENTS_RESOURCE);
    if (!events) return;
    for (const key of events.keys()) {
      if (events.size < LIMITS.maxEvents) return;
      const slash = key.indexOf("/");
      this.delete(EVENTS_RESOURCE, key.slice(0, slash), key.slice(slash + 1));
    }
  }

  /** Removes an object; the DELETED event carries a fresh resourceVersion like etcd's delete revision. */
  delete(resource: string, namespace: string, name: string): KubeObject | undefined {
    const bucket = this.byResource.get(resource);
    const existing = bucket?.get(`${namespace}/${name}`);
    if (!bucket || !existing) return undefined;
    bucket.delete(`${namespace}/${name}`);
    this.sortedCache.delete(resource);
    this.listCache.delete(resource);
    this.count--;
    const last = this.stamp(existing);
    this.record("DELETED", resource, last, existing);
    return last;
  }

  /** Changes after resourceVersion `since`, or undefined when they are no longer remembered (410). */
  changesSince(since: number): Change[] | undefined {
    if (since < this.historyFloor) return undefined;
    // The history is in resourceVersion order: binary-search the first change after `since`.
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.history[mid].rv > since) hi = mid;
      else lo = mid + 1;
    }
    return this.history.slice(lo);
  }

  /** `onEnd` is called if the store ends every watch (endWatches). */
  subscribe(listener: (c: Change) => void, onEnd?: () => void): () => void {
    this.listeners.add(listener);
    if (onEnd) this.enders.set(listener, onEnd);
    return () => {
      this.listeners.delete(listener);
      this.enders.delete(listener);
    };
  }

  /**
   * Calls `observer` with every change from now on, before the watches. For the engine's own
   * indexes (see `observers`): an observer must neither throw nor write to the store.
   */
  observe(observer: (c: Change) => void): void {
    this.observers.push(observer);
  }

  /** Ends every watch (the sandbox replaced this cluster with a new one: a lesson reset). */
  endWatches(): void {
    const watches = [...this.enders];
    this.enders.clear();
    for (const [listener] of watches) this.listeners.delete(listener);
    for (const [, end] of watches) end();
  }

  get watcherCount(): number {
    return this.listeners.size;
  }

  /** What changed since the last call, for the Durable Object to write in one transaction. */
  takePendingWrites(): PendingWrites | undefined {
    if (this.dirty.size === 0) return undefined;
    const puts: PersistedRow[] = [];
    const deletes: string[] = [];
    for (const [key, { resource, obj }] of this.dirty) {
      if (obj) {
        puts.push({ key, resource, namespace: obj.metadata.namespace ?? "", name: obj.metadata.name ?? "", body: JSON.stringify(obj) });
      } else deletes.push(key);
    }
    this.dirty.clear();
    return { puts, deletes, resourceVersion: this.rv };
  }

  /** Drops unpersisted changes: memory goes back to what was loaded (used when a request fails mid-way). */
  hasPendingWrites(): boolean {
    return this.dirty.size > 0;
  }

  private stamp(obj: KubeObject): KubeObject {
    this.rv++;
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rv) } };
  }

  private record(type: WatchEventType, resource: string, object: KubeObject, prev?: KubeObject) {
    const key = storeKey(resource, object.metadata.namespace ?? "", object.metadata.name ?? "");
    this.dirty.set(key, { resource, obj: type === "DELETED" ? null : object });
    const change: Change = { type, resource, object, prev, rv: this.rv };
    this.history.push(change);
    // Trimmed in chunks of a quarter: dropping one change per write would shift the array every time.
    if (this.history.length > LIMITS.watchHistoryEvents * 1.25) {
      const dropped = this.history.splice(0, this.history.length - LIMITS.watchHistoryEvents);
      this.historyFloor = dropped[dropped.length - 1].rv;
    }
    for (const o of this.observers) o(change);
    for (const l of this.listeners) l(change);
  }

  private bucket(resource: string): Map<string, KubeObject> {
    let b = this.byResource.get(resource);
    if (!b) this.byResource.set(resource, (b = new Map()));
    return b;
  }

  private nsName(obj: KubeObject): string {
    return `${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}`;
  }
}

export class StoreFullError extends Error {
  constructor() {
    super(`this sandbox holds the most objects it may (${LIMITS.maxObjects}); delete some first`);
  }
}
