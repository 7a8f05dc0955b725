// Events as client-go's record package writes them (legacy core/v1 API): named
// `<object>.<hex unix nanos>`, and an identical event (same object, type, reason, message,
// source) within the TTL bumps count and lastTimestamp instead of creating a new one
// (EventCorrelator's EventLogger). events.k8s.io clients see the same objects.
import type { KubeObject } from "../kinds/types";
import type { ControllerContext } from "./types";
import { createObject, updateObject } from "../apiserver/writes";
import { rfc3339, rfc3339Micro } from "../machinery/time";
import { clone } from "../machinery/json";

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

export function recordEvent(ctx: ControllerContext, involved: KubeObject, spec: EventSpec): KubeObject {
  const { state, nowMs } = ctx;
  const namespace = involved.metadata.namespace || "default";
  const eventDef = state.kinds.byKind("", "v1", "Event")!;
  const opts = { dryRun: false, fieldValidation: "Ignore" as const, nowMs, fieldManager: spec.source.component };
  const existing = state.store.list("events", namespace).find(
    (e) =>
      e.involvedObject?.uid === involved.metadata.uid &&
      (e.involvedObject?.fieldPath ?? "") === (spec.fieldPath ?? "") &&
      e.reason === spec.reason &&
      e.message === spec.message &&
      e.type === spec.type &&
      (e.source?.component ?? e.reportingComponent ?? "") === spec.source.component,
  );
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
