// The scheduler's events, written the way its events.k8s.io/v1 recorder writes them (eventTime,
// reportingController default-scheduler, reportingInstance default-scheduler-<host>, an action,
// series for repeats) and shaped like controllers/events.ts records them, but without scanning
// every event of the namespace per event: the pass supplies the isomorphic event when there is one.
import type { KubeObject } from "../kinds/types";
import { controllerWriteOptions } from "../controllers/client";
import type { ControllerContext } from "../controllers/types";
import { createObject, updateObject } from "../apiserver/writes";
import { rfc3339Micro } from "../machinery/time";
import { clone } from "../machinery/json";
import { ApiError } from "../machinery/status";

export const SCHEDULER_NAME = "default-scheduler";
export const REPORTING_INSTANCE = `${SCHEDULER_NAME}-controlplane`;
/** The scheduler's field manager (its user agent). */
export const FIELD_MANAGER = "kube-scheduler";

/** validation.NoteLengthLimit and the scheduler's truncateMessage. */
export const NOTE_LENGTH_LIMIT = 1024;

export function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message;
  const suffix = " ...";
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix;
}

function ref(o: KubeObject): Record<string, string> {
  const r: Record<string, string> = {
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name ?? "",
    resourceVersion: o.metadata.resourceVersion ?? "",
    uid: o.metadata.uid ?? "",
  };
  if (o.metadata.namespace) r.namespace = o.metadata.namespace;
  return r;
}

export interface SchedulerEvent {
  type: "Normal" | "Warning";
  reason: string;
  action: string;
  message: string;
  related?: KubeObject;
}

const opts = (ctx: ControllerContext) => controllerWriteOptions(ctx, FIELD_MANAGER);

/**
 * Records an event about `regarding`. `existing` is an identical earlier event (same object, reason,
 * message): its series count goes up instead of a new event being created.
 */
export function emitEvent(ctx: ControllerContext, regarding: KubeObject, ev: SchedulerEvent, existing?: KubeObject): KubeObject | undefined {
  const { state, nowMs } = ctx;
  const eventDef = state.kinds.byKind("", "v1", "Event");
  if (!eventDef) return undefined;
  const namespace = regarding.metadata.namespace || "default";
  if (existing) {
    const e = clone(existing);
    e.series = { count: (e.series?.count ?? 1) + 1, lastObservedTime: rfc3339Micro(nowMs) };
    return updateObject(state, { def: eventDef, namespace, name: e.metadata.name!, input: e, opts: opts(ctx) }).object;
  }
  const name = `${regarding.metadata.name}.${(BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(state.store.resourceVersion % 1_000_000)).toString(16)}`;
  const event: KubeObject = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name, namespace },
    involvedObject: ref(regarding),
    reason: ev.reason,
    message: truncateMessage(ev.message),
    type: ev.type,
    source: {},
    eventTime: rfc3339Micro(nowMs),
    action: ev.action,
    reportingComponent: SCHEDULER_NAME,
    reportingInstance: REPORTING_INSTANCE,
  };
  if (ev.related) event.related = ref(ev.related);
  try {
    return createObject(state, eventDef, namespace, event, opts(ctx)).object;
  } catch (e) {
    // Events are best effort, as in client-go: a full store or a clash never fails scheduling.
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
