// Events as client-go's record package writes them (legacy core/v1 API): named
// `<object>.<hex unix nanos>`, and an identical event (same object, type, reason, message,
// source) within the TTL bumps count and lastTimestamp instead of creating a new one
// (EventCorrelator's EventLogger). events.k8s.io clients see the same objects.
import type { KubeObject } from "../kinds/types";
import type { ControllerContext } from "./types";
import { createObject, updateObject } from "../apiserver/writes";
import { controllerWriteOptions } from "./client";
import { rfc3339, rfc3339Micro } from "../machinery/time";
import { clone } from "../machinery/json";
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
}

export const EVENT_TTL_MS = 60 * 60 * 1000;

function involvedRef(o: KubeObject, fieldPath?: string) {
  const ref: Record<string, string> = {
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

/** What makes two events "the same" for aggregation (namespace, object, fieldPath, reason, message, type, source). */
function similarKey(namespace: string, uid: unknown, fieldPath: unknown, reason: unknown, message: unknown, type: unknown, component: unknown): string {
  return JSON.stringify([namespace, uid ?? "", fieldPath ?? "", reason ?? "", message ?? "", type ?? "", component ?? ""]);
}

function keyOfEvent(e: KubeObject): string {
  return similarKey(e.metadata.namespace ?? "", e.involvedObject?.uid, e.involvedObject?.fieldPath, e.reason, e.message, e.type, e.source?.component ?? e.reportingComponent);
}

/**
 * Similar events indexed per store and kept current from the store's change history, so that
 * recording an event does not scan (and sort) every event of the namespace: a controller creating
 * 1,000 pods records 1,000 events.
 */
const similarIndexes = new WeakMap<ObjectStore, { rv: number; byKey: Map<string, string> }>();

function findSimilar(store: ObjectStore, namespace: string, key: string): KubeObject | undefined {
  let idx = similarIndexes.get(store);
  const changes = idx ? store.changesSince(idx.rv) : undefined;
  if (!idx || !changes) {
    idx = { rv: store.resourceVersion, byKey: new Map() };
    for (const e of store.list("events")) {
      const k = keyOfEvent(e);
      if (!idx.byKey.has(k)) idx.byKey.set(k, e.metadata.name!);
    }
    similarIndexes.set(store, idx);
  } else {
    for (const c of changes) {
      if (c.resource !== "events") continue;
      const name = c.object.metadata.name!;
      if (c.prev) {
        const pk = keyOfEvent(c.prev);
        if (idx.byKey.get(pk) === name) idx.byKey.delete(pk);
      }
      if (c.type !== "DELETED") {
        const k = keyOfEvent(c.object);
        if (!idx.byKey.has(k)) idx.byKey.set(k, name);
      }
    }
    idx.rv = store.resourceVersion;
  }
  const name = idx.byKey.get(key);
  const e = name === undefined ? undefined : store.get("events", namespace, name);
  return e && keyOfEvent(e) === key ? e : undefined;
}

export function recordEvent(ctx: ControllerContext, involved: KubeObject, spec: EventSpec): KubeObject {
  const { state, nowMs } = ctx;
  const namespace = involved.metadata.namespace || "default";
  const eventDef = state.kinds.byKind("", "v1", "Event")!;
  const opts = controllerWriteOptions(ctx, spec.source.component);
  const existing = findSimilar(state.store, namespace, similarKey(namespace, involved.metadata.uid, spec.fieldPath, spec.reason, spec.message, spec.type, spec.source.component));
  if (existing) {
    const e = clone(existing);
    if (spec.api === "events.k8s.io") {
      e.series = { count: (e.series?.count ?? 1) + 1, lastObservedTime: rfc3339Micro(nowMs) };
    } else {
      e.count = (e.count ?? 1) + 1;
      e.lastTimestamp = rfc3339(nowMs);
    }
    return updateObject(state, { def: eventDef, namespace, name: e.metadata.name!, input: e, opts }).object;
  }
  const name = `${involved.metadata.name}.${(BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(state.store.resourceVersion % 1_000_000)).toString(16)}`;
  const event: KubeObject = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace },
    involvedObject: involvedRef(involved, spec.fieldPath),
    reason: spec.reason,
    message: spec.message,
    type: spec.type,
  };
  if (spec.api === "events.k8s.io") {
    Object.assign(event, {
      source: {},
      eventTime: rfc3339Micro(nowMs),
      reportingComponent: spec.source.component,
      reportingInstance: `${spec.source.component}-${spec.source.host ?? "controlplane"}`,
      action: spec.action ?? spec.reason,
    });
  } else {
    Object.assign(event, {
      source: spec.source.host ? { component: spec.source.component, host: spec.source.host } : { component: spec.source.component },
      firstTimestamp: rfc3339(nowMs),
      lastTimestamp: rfc3339(nowMs),
      count: 1,
      reportingComponent: spec.source.component,
      reportingInstance: spec.source.host ?? "",
    });
  }
  return createObject(state, eventDef, namespace, event, opts).object;
}
