// Events as client-go's record package writes them (legacy core/v1 API), through its
// EventCorrelator (k8s.io/client-go/tools/record/events_cache.go), in the same order:
//
// 1. EventAggregator: events that differ only by message (same source, involved object, type,
//    reason, reporting controller and instance) are counted per aggregate key; once 10 distinct
//    messages were seen without a pause longer than 10 minutes, the event becomes the aggregate
//    "(combined from similar events): <message>" (named `<object>.<hex nanos>`, no reporting
//    controller or instance, like the copy EventAggregate makes).
// 2. EventLogger: an identical earlier event (getEventKey; for an aggregate, the aggregate key) is
//    patched instead: count + 1, lastTimestamp now and, for the aggregate, the latest message.
// 3. EventSourceObjectSpamFilter: a token bucket per source and object and type (getSpamKey): 25
//    events at once, then one more every 5 minutes. An event without a token is not written at all.
//
// events.k8s.io recorders (tools/events: the scheduler) have none of this: an isomorphic event
// (same type, action, reason, reporting controller and instance, regarding and related objects,
// resourceVersions included) seen in the last 6 minutes becomes a series (recordSeriesEvent).
//
// Restart-proof by construction: every decision is a function of the stored Events alone (their
// keys, messages, counts, firstTimestamp and lastTimestamp), never of process memory, so a Durable
// Object that reloads its rows correlates exactly as the one that wrote them. The index below is
// only a cache of the stored Events, kept current from store.changesSince. Where client-go's caches
// remember more than the Events show, we approximate (see aggregates() and tokenAvailable()):
// - A dropped event leaves no trace. client-go bumps its EventLogger count (and the aggregator's
//   clock) before the spam filter drops an event, so a real throttled event's count jumps by the
//   drops at its next accepted write; here count is the number of occurrences written.
// - An event deleted by the one-hour TTL is forgotten: a later identical one is new (count 1),
//   where the real recorder's cache would patch, fail with 404 and re-create it with count n + 1.
//   Its writes leave the spam filter's reckoning too, so an object throttled for over an hour gets
//   tokens back for the events that were crowded out (they reappear), where client-go's bucket
//   would still be empty.
// - The aggregator's set is "pop the event just inserted" (Go's PopAny is random): once an
//   aggregate exists, the 9 messages recorded on their own keep counting on their own events and
//   every other message goes to the aggregate.
// - The LRU bound of the caches (4096 keys) is not modelled: the event TTL bounds what we keep.
import type { KubeObject } from "../kinds/types";
import type { ControllerContext } from "./types";
import { createObject, updateObject, type WriteOptions } from "../apiserver/writes";
import { controllerWriteOptions } from "./client";
import { parseRfc3339, rfc3339, rfc3339Micro } from "../machinery/time";
import { clone } from "../machinery/json";
import { ApiError } from "../machinery/status";
import type { ObjectStore } from "../store/store";

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventSpec {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  source: EventSource;
  /** e.g. spec.containers{nginx} for kubelet container events. */
  fieldPath?: string;
  /** Scheduler events come through events.k8s.io (eventTime, reportingController, no source). */
  api?: "core" | "events.k8s.io";
  action?: string;
  /**
   * The caller reads this event back as its own memory (the kubelet's image pull backoff counts its
   * "Failed to pull image" events): it is always written, never dropped by the spam filter nor
   * folded into an aggregate, or the simulation reading it would lose its place. Its writes still
   * spend the object's tokens.
   */
  memory?: boolean;
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

/** defaultAggregateMaxEvents: the 10th distinct message is aggregated. */
export const AGGREGATE_MAX_EVENTS = 10;
/** defaultAggregateIntervalInSeconds: a pause longer than this starts counting messages afresh. */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** EventAggregatorByReasonMessageFunc's prefix. */
export const COMBINED_PREFIX = "(combined from similar events): ";
/** defaultSpamBurst and defaultSpamQPS (1/300): 25 events at once, then one every 5 minutes. */
export const SPAM_BURST = 25;
export const SPAM_REFILL_MS = 300_000;
/** tools/events finishTime: a series (or singleton) leaves the recorder's cache 6 minutes after its last observation. */
export const SERIES_FINISH_MS = 6 * 60_000;

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

type Ref = Record<string, string>;

function involvedRef(o: KubeObject, fieldPath?: string): Ref {
  const ref: Ref = {
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name ?? "",
    resourceVersion: o.metadata.resourceVersion ?? "",
    uid: o.metadata.uid ?? "",
  };
  if (o.metadata.namespace) ref.namespace = o.metadata.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

const str = (x: unknown) => (typeof x === "string" ? x : "");

/**
 * One member of a key: length-prefixed, so that a key (a fixed number of members) is read back
 * one way only whatever characters the members hold; a member that is not a string (its JSON)
 * cannot be taken for one. Keys are only compared in memory, never stored.
 */
function part(v: unknown): string {
  if (typeof v === "string") return `${v.length}:${v}`;
  const json = JSON.stringify(v ?? null) ?? "null";
  return `~${json.length}:${json}`;
}

/** Source and involved object without fieldPath: what getSpamKey and the aggregate key share. */
function objectKey(component: string, host: string, io: Ref | undefined, type: string): string {
  return part(component) + part(host) + part(str(io?.kind)) + part(str(io?.namespace)) + part(str(io?.name)) + part(str(io?.uid)) + part(str(io?.apiVersion)) + part(type);
}

/**
 * getSpamKey: source, involved object, type. The last key is kept: a component records several
 * events about one object in a row (a kubelet's Pulled, Created, Started), and a key built once is
 * hashed once.
 */
let lastSpam: { component: string; host: string; kind: string; namespace: string; name: string; uid: string; apiVersion: string; type: string; key: string } | undefined;
function spamKeyOf(component: string, host: string, io: Ref | undefined, type: string): string {
  const kind = str(io?.kind);
  const namespace = str(io?.namespace);
  const name = str(io?.name);
  const uid = str(io?.uid);
  const apiVersion = str(io?.apiVersion);
  const l = lastSpam;
  if (l && l.uid === uid && l.name === name && l.namespace === namespace && l.kind === kind && l.apiVersion === apiVersion && l.component === component && l.host === host && l.type === type) return l.key;
  const key = objectKey(component, host, io, type);
  lastSpam = { component, host, kind, namespace, name, uid, apiVersion, type, key };
  return key;
}

/**
 * EventAggregatorByReasonFunc's aggregate key is the spam key (source, object, type) and the
 * reason: the index keeps it as the reason's part under the spam key (see Index). It also holds
 * reportingController and reportingInstance, which this recorder always derives from the source
 * (generateEvent), so they add nothing here; the aggregate event itself is written without them.
 */
const groupKeyFrom = (reason: string) => part(reason);

/** getEventKey: source, involved object with fieldPath, type, reason, message: the spam key's, then this part. */
const eventKeyFrom = (io: Ref | undefined, reason: string, message: string) => part(str(io?.fieldPath)) + part(reason) + part(message);

/** tools/events getKey: type, action, reason, reporting controller and instance, regarding and related (whole references). */
function seriesKeyOf(type: string, action: string, reason: string, controller: string, instance: string, regarding: Ref | undefined, related: Ref | undefined): string {
  const ref = (r: Ref | undefined) => part(str(r?.kind)) + part(str(r?.namespace)) + part(str(r?.name)) + part(str(r?.uid)) + part(str(r?.apiVersion)) + part(str(r?.resourceVersion)) + part(str(r?.fieldPath));
  return part(type) + part(action) + part(reason) + part(controller) + part(instance) + ref(regarding) + ref(related);
}

// ---------------------------------------------------------------------------------------------
// What the stored Events say, indexed
// ---------------------------------------------------------------------------------------------

/** A stored Event as the correlator sees it. */
interface Recorded {
  /** "namespace/name" in the store. */
  ref: string;
  name: string;
  /** Core events written through a source (the correlated ones). */
  /** eventKey and groupKey are their parts after spamKey (see Index). */
  core?: { eventKey: string; groupKey: string; spamKey: string; combined: boolean; message: string; firstMs: number; lastMs: number; count: number };
  /** events.k8s.io events (eventTime, no source). */
  series?: { key: string; lastMs: number };
}

const described = new WeakMap<KubeObject, Recorded>();

/** The keys recordEvent computed for an event it is writing, and what they were computed from. */
interface KnownKeys {
  component: string;
  host: string;
  io: Ref;
  type: string;
  reason: string;
  message: string;
  eventKey: string;
  groupKey: string;
  spamKey: string;
}

const sameRef = (a: Ref | undefined, b: Ref) =>
  !!a && str(a.kind) === b.kind && str(a.namespace) === str(b.namespace) && str(a.name) === b.name && str(a.uid) === b.uid && str(a.apiVersion) === b.apiVersion && str(a.fieldPath) === str(b.fieldPath);

/**
 * What the correlator knows of a stored event. `known`: the keys recordEvent already built for the
 * event just written, used when the stored event still has exactly the inputs they were built from.
 */
function recordedOf(e: KubeObject, known?: KnownKeys): Recorded {
  let d = described.get(e);
  if (d) return d;
  const ns = e.metadata.namespace ?? "";
  const name = e.metadata.name ?? "";
  d = { ref: `${ns}/${name}`, name };
  const component = str(e.source?.component);
  const io = e.involvedObject as Ref | undefined;
  const type = str(e.type);
  const reason = str(e.reason);
  if (component) {
    const host = str(e.source?.host);
    const message = str(e.message);
    const firstMs = parseRfc3339(str(e.firstTimestamp)) ?? parseRfc3339(str(e.metadata.creationTimestamp)) ?? 0;
    const lastMs = parseRfc3339(str(e.lastTimestamp)) ?? firstMs;
    const count = typeof e.count === "number" && e.count > 0 ? Math.floor(e.count) : 1;
    const reuse = !!known && known.component === component && known.host === host && known.type === type && known.reason === reason && known.message === message && sameRef(io, known.io);
    const spamKey = reuse ? known!.spamKey : spamKeyOf(component, host, io, type);
    d.core = {
      eventKey: reuse ? known!.eventKey : eventKeyFrom(io, reason, message),
      groupKey: reuse ? known!.groupKey : groupKeyFrom(reason),
      spamKey,
      combined: message.startsWith(COMBINED_PREFIX),
      message,
      firstMs,
      lastMs,
      count,
    };
  } else if (e.eventTime) {
    const key = seriesKeyOf(type, str(e.action), reason, str(e.reportingComponent), str(e.reportingInstance), io, e.related as Ref | undefined);
    const lastMs = parseRfc3339(str(e.series?.lastObservedTime)) ?? parseRfc3339(str(e.eventTime)) ?? 0;
    d.series = { key, lastMs };
  }
  described.set(e, d);
  return d;
}

/** Refs by key: most keys have one event, held as its ref alone (a Set per event weighs more than the event's keys). */
type Keyed = Map<string, string | Set<string>>;

/**
 * getEventKey and the aggregate key both begin with the spam key: they are kept under it, by the
 * rest of the key (a key is then hashed as its short rest, not as one long string per event).
 */
interface Index {
  rv: number;
  byEventKey: Map<string, Keyed>;
  byGroup: Map<string, Keyed>;
  bySpam: Keyed;
  bySeries: Keyed;
}

function addUnder(m: Map<string, Keyed>, outer: string, key: string, ref: string) {
  let k = m.get(outer);
  if (!k) m.set(outer, (k = new Map()));
  add(k, key, ref);
}

function removeUnder(m: Map<string, Keyed>, outer: string, key: string, ref: string) {
  const k = m.get(outer);
  if (!k) return;
  remove(k, key, ref);
  if (!k.size) m.delete(outer);
}

function add(m: Keyed, key: string, ref: string) {
  const s = m.get(key);
  if (s === undefined) m.set(key, ref);
  else if (typeof s === "string") {
    if (s !== ref) m.set(key, new Set([s, ref]));
  } else s.add(ref);
}

function remove(m: Keyed, key: string, ref: string) {
  const s = m.get(key);
  if (s === undefined) return;
  if (typeof s === "string") {
    if (s === ref) m.delete(key);
    return;
  }
  s.delete(ref);
  if (s.size === 1) m.set(key, s.values().next().value!);
  else if (s.size === 0) m.delete(key);
}

function indexEvent(idx: Index, e: KubeObject, adding: boolean) {
  const d = recordedOf(e);
  const put = adding ? add : remove;
  if (d.core) {
    (adding ? addUnder : removeUnder)(idx.byEventKey, d.core.spamKey, d.core.eventKey, d.ref);
    (adding ? addUnder : removeUnder)(idx.byGroup, d.core.spamKey, d.core.groupKey, d.ref);
    put(idx.bySpam, d.core.spamKey, d.ref);
  } else if (d.series) put(idx.bySeries, d.series.key, d.ref);
}

/**
 * Stored Events by correlation key, per store, kept current from the store's change history so
 * that recording an event does not scan every event (a Deployment of 1,000 pods records thousands).
 * Sets of "namespace/name": which events a key has, whatever order they were written in.
 */
const indexes = new WeakMap<ObjectStore, Index>();

function indexOf(store: ObjectStore): Index {
  let idx = indexes.get(store);
  const changes = idx ? store.changesSince(idx.rv) : undefined;
  if (!idx || !changes) {
    idx = { rv: store.resourceVersion, byEventKey: new Map(), byGroup: new Map(), bySpam: new Map(), bySeries: new Map() };
    for (const e of store.list("events")) indexEvent(idx, e, true);
    indexes.set(store, idx);
    return idx;
  }
  for (const c of changes) {
    if (c.resource !== "events") continue;
    if (c.prev) indexEvent(idx, c.prev, false);
    if (c.type !== "DELETED") indexEvent(idx, c.object, true);
  }
  idx.rv = store.resourceVersion;
  return idx;
}

function members(store: ObjectStore, m: Keyed | undefined, key: string): { e: KubeObject; d: Recorded }[] {
  const out: { e: KubeObject; d: Recorded }[] = [];
  const refs = m?.get(key);
  if (refs === undefined) return out;
  for (const ref of typeof refs === "string" ? [refs] : refs) {
    // A ref is the event's store key ("namespace/name").
    const e = store.getByKey("events", ref);
    if (e) out.push({ e, d: recordedOf(e) });
  }
  return out;
}

/** The one a recorder's cache would hold when several events share a key: the last written (then the greatest name). */
function latest<T extends { d: Recorded }>(list: T[], lastMs: (d: Recorded) => number): T | undefined {
  let best: T | undefined;
  for (const x of list) {
    if (!best) best = x;
    else {
      const a = lastMs(x.d);
      const b = lastMs(best.d);
      if (a > b || (a === b && x.d.name > best.d.name)) best = x;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The correlator's decisions, from the stored events
// ---------------------------------------------------------------------------------------------

type CoreRecorded = NonNullable<Recorded["core"]>;

/**
 * EventAggregator: whether `message` becomes the aggregate event, given the stored events of its
 * aggregate key. client-go keeps the distinct messages seen since the last pause longer than 10
 * minutes. We rebuild that run of activity from the events' spans: walking back from now through
 * the events by last occurrence, an event belongs to the run while its last occurrence is at most
 * 10 minutes before the earliest start seen so far (an event on its own spans firstTimestamp to
 * lastTimestamp; the aggregate counts only at its lastTimestamp, as it outlives its runs).
 * Approximation: a repeated event is taken to have been active throughout its span.
 */
function aggregates(group: CoreRecorded[], message: string, nowMs: number): boolean {
  if (group.length === 0) return false;
  const byLast = [...group].sort((a, b) => b.lastMs - a.lastMs);
  let runStart = nowMs;
  const messages = new Set<string>();
  let combinedInRun = false;
  for (const r of byLast) {
    if (runStart - r.lastMs > AGGREGATE_INTERVAL_MS) break;
    if (r.combined) {
      combinedInRun = true;
      runStart = Math.min(runStart, r.lastMs);
    } else {
      messages.add(r.message);
      runStart = Math.min(runStart, r.firstMs);
    }
  }
  // A message already in the set leaves it at most 9 (it was inserted before): recorded on its own.
  if (messages.has(message)) return false;
  return combinedInRun || messages.size + 1 >= AGGREGATE_MAX_EVENTS;
}

/** Writes older than this are summarised rather than replayed (twice the time an empty bucket takes to fill). */
const SPAM_HORIZON_MS = 2 * SPAM_BURST * SPAM_REFILL_MS;

/**
 * EventSourceObjectSpamFilter: whether the spam key has a token now. The bucket (25 tokens, one
 * back every 300 s, one spent by every event written) is replayed over the writes that the stored
 * events of the key account for: each was created at firstTimestamp and written count - 1 more
 * times, the last at lastTimestamp. When the writes in between happened is not stored, so:
 * - an event on its own had them one refill apart back from lastTimestamp (the cadence of a
 *   throttled repeat), the rest at firstTimestamp. Whatever the placement, the bucket's level after
 *   all the writes since firstTimestamp is exact when it never filled up in between, which covers a
 *   warning repeated every 15 s (25, then one per 5 minutes) and a crash-looping container;
 * - the aggregate had them all at lastTimestamp: its writes come in bursts (a ReplicaSet creating
 *   pods), and a burst after a quiet spell must be throttled like a burst, not spread thin.
 * Tokens never go below zero (every write was accepted, so the bucket had it). Writes older than
 * SPAM_HORIZON_MS are not replayed: the bucket starts the horizon at the level their count and
 * age allow. Whole tokens are SPAM_REFILL_MS units, so the arithmetic is in exact integers.
 */
function tokenAvailable(writers: CoreRecorded[], nowMs: number): boolean {
  if (writers.length === 0) return true;
  const full = SPAM_BURST * SPAM_REFILL_MS;
  const from = nowMs - SPAM_HORIZON_MS;
  const writes: Array<[number, number]> = [];
  let before = 0;
  let earliest = Infinity;
  const put = (at: number, n: number) => {
    if (n <= 0) return;
    earliest = Math.min(earliest, at);
    if (at < from) before += n;
    else writes.push([at, n]);
  };
  for (const r of writers) {
    put(r.firstMs, 1);
    if (r.count < 2) continue;
    if (r.combined) {
      put(r.lastMs, r.count - 1);
      continue;
    }
    put(r.lastMs, 1);
    let middle = r.count - 2;
    for (let at = r.lastMs - SPAM_REFILL_MS; middle > 0 && at > r.firstMs && at >= from; at -= SPAM_REFILL_MS, middle--) put(at, 1);
    put(r.firstMs, middle);
  }
  if (writes.length > 1) writes.sort((a, b) => a[0] - b[0]);
  let tokens = full;
  let at = writes.length ? writes[0][0] : nowMs;
  if (before > 0) {
    tokens = Math.max(0, Math.min(full, full - before * SPAM_REFILL_MS + (from - earliest)));
    at = from;
  }
  for (const [t, n] of writes) {
    tokens = Math.min(full, tokens + Math.max(0, t - at));
    tokens = Math.max(0, tokens - n * SPAM_REFILL_MS);
    at = t;
  }
  tokens = Math.min(full, tokens + Math.max(0, nowMs - at));
  return tokens >= SPAM_REFILL_MS;
}

// ---------------------------------------------------------------------------------------------
// Recording
// ---------------------------------------------------------------------------------------------

/**
 * Records an event about `involved` as a client-go recorder with `spec.source` would: possibly as
 * (or into) the aggregate event, possibly not at all (spam filter). Returns the written event, or
 * undefined when it was dropped or the API server refused it (events are best effort).
 */
export function recordEvent(ctx: ControllerContext, involved: KubeObject, spec: EventSpec): KubeObject | undefined {
  if (spec.api === "events.k8s.io") {
    const component = spec.source.component;
    return recordSeriesEvent(ctx, involved, {
      type: spec.type,
      reason: spec.reason,
      action: spec.action ?? spec.reason,
      message: spec.message,
      reportingController: component,
      reportingInstance: `${component}-${spec.source.host ?? "controlplane"}`,
      fieldManager: component,
    });
  }
  const { state, nowMs } = ctx;
  const eventDef = state.kinds.byKind("", "v1", "Event");
  if (!eventDef) return undefined;
  const store = state.store;
  const namespace = involved.metadata.namespace || "default";
  const component = spec.source.component;
  const host = spec.source.host ?? "";
  const io = involvedRef(involved, spec.fieldPath);
  const idx = indexOf(store);

  const spamKey = spamKeyOf(component, host, io, spec.type);
  // EventAggregator.
  const groupKey = groupKeyFrom(spec.reason);
  const group = members(store, idx.byGroup.get(spamKey), groupKey);
  const combined = !spec.memory && aggregates(group.map((x) => x.d.core!), spec.message, nowMs);
  const message = combined ? COMBINED_PREFIX + spec.message : spec.message;
  // EventLogger: the aggregate is found by its aggregate key, any other event by getEventKey.
  const eventKey = eventKeyFrom(io, spec.reason, message);
  const same = combined ? group.filter((x) => x.d.core!.combined) : members(store, idx.byEventKey.get(spamKey), eventKey);
  const existing = latest(same, (d) => d.core!.lastMs)?.e;
  // EventSourceObjectSpamFilter.
  const writers = members(store, idx.bySpam, spamKey).map((x) => x.d.core!);
  if (!spec.memory && !tokenAvailable(writers, nowMs)) return undefined;

  const opts = controllerWriteOptions(ctx, component);
  try {
    if (existing) {
      const e = clone(existing);
      e.count = (typeof e.count === "number" && e.count > 0 ? e.count : 1) + 1;
      e.lastTimestamp = rfc3339(nowMs);
      e.message = message;
      return updateObject(state, { def: eventDef, namespace: existing.metadata.namespace, name: existing.metadata.name!, input: e, opts }).object;
    }
    const now = rfc3339(nowMs);
    const event: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName(ctx, involved), namespace },
      involvedObject: io,
      reason: spec.reason,
      message,
      source: spec.source.host ? { component, host: spec.source.host } : { component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type: spec.type,
      // generateEvent sets them from the source; the aggregate copy EventAggregate makes has neither.
      reportingComponent: combined ? "" : component,
      reportingInstance: combined ? "" : host,
    };
    const shaped = allStrings(component, spec.reason, message, spec.type) ? (host ? "core|host" : "core|") : undefined;
    const created = createObject(state, eventDef, namespace, event, createOptions(ctx, component, shaped)).object;
    // The index reads the new event back (indexOf): with the keys just built (checked against it).
    recordedOf(created, { component, host, io, type: spec.type, reason: spec.reason, message, eventKey, groupKey, spamKey });
    return created;
  } catch (e) {
    // Events are best effort, as in client-go: a refused event never fails the component.
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

/**
 * How the recorder creates an Event it just built: handed over (not copied: it keeps no reference
 * but the involved object's, which it only reads) and with its shape named, so the managedFields
 * set is the one every event of that shape owns (see ManagedFieldsWriteOptions.shape). The event
 * literals above set the same fields every time, but for the optional ones the shape names; a
 * member that is not a string (which would leave its field out) gets no shape.
 */
function createOptions(ctx: ControllerContext, manager: string, shape: string | undefined): WriteOptions {
  const opts = controllerWriteOptions(ctx, manager);
  opts.handover = true;
  if (shape !== undefined) opts.shape = shape;
  return opts;
}

function allStrings(...members: unknown[]): boolean {
  for (const m of members) if (typeof m !== "string") return false;
  return true;
}

/** `<object>.<hex unix nanos>`; the nanoseconds below the millisecond come from the resourceVersion, so names never clash. */
function eventName(ctx: ControllerContext, involved: KubeObject): string {
  const nanos = BigInt(Math.floor(ctx.nowMs)) * 1_000_000n + BigInt(ctx.state.store.resourceVersion % 1_000_000);
  return `${involved.metadata.name}.${nanos.toString(16)}`;
}

export interface SeriesEventSpec {
  type: "Normal" | "Warning";
  reason: string;
  action: string;
  message: string;
  reportingController: string;
  reportingInstance: string;
  related?: KubeObject;
  /** Who writes it (the component's user agent). */
  fieldManager: string;
}

/**
 * An event as a tools/events (events.k8s.io) recorder writes it: eventTime, reportingController and
 * instance, an action, no source and no count. An isomorphic event still in the recorder's cache
 * (observed in the last 6 minutes) gains a series instead. The real recorder writes a series' count
 * when it starts and then every 6 to 30 minutes; we write every observation, so the count shown is
 * never behind.
 */
export function recordSeriesEvent(ctx: ControllerContext, regarding: KubeObject, spec: SeriesEventSpec): KubeObject | undefined {
  const { state, nowMs } = ctx;
  const eventDef = state.kinds.byKind("", "v1", "Event");
  if (!eventDef) return undefined;
  const namespace = regarding.metadata.namespace || "default";
  const reg = involvedRef(regarding);
  const related = spec.related ? involvedRef(spec.related) : undefined;
  const idx = indexOf(state.store);
  const key = seriesKeyOf(spec.type, spec.action, spec.reason, spec.reportingController, spec.reportingInstance, reg, related);
  const cached = latest(members(state.store, idx.bySeries, key), (d) => d.series!.lastMs);
  const opts = controllerWriteOptions(ctx, spec.fieldManager);
  try {
    if (cached && nowMs - cached.d.series!.lastMs <= SERIES_FINISH_MS) {
      const e = clone(cached.e);
      e.series = { count: (e.series?.count ?? 1) + 1, lastObservedTime: rfc3339Micro(nowMs) };
      return updateObject(state, { def: eventDef, namespace: cached.e.metadata.namespace, name: cached.e.metadata.name!, input: e, opts }).object;
    }
    const event: KubeObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: eventName(ctx, regarding), namespace },
      involvedObject: reg,
      reason: spec.reason,
      message: spec.message,
      type: spec.type,
      source: {},
      eventTime: rfc3339Micro(nowMs),
      action: spec.action,
      reportingComponent: spec.reportingController,
      reportingInstance: spec.reportingInstance,
    };
    if (related) event.related = related;
    const shaped = allStrings(spec.reason, spec.message, spec.type, spec.action, spec.reportingController, spec.reportingInstance) ? (related ? "series|related" : "series|") : undefined;
    return createObject(state, eventDef, namespace, event, createOptions(ctx, spec.fieldManager, shaped)).object;
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
