// The scheduler's events, written the way its events.k8s.io/v1 recorder writes them (eventTime,
// reportingController default-scheduler, reportingInstance default-scheduler-<host>, an action,
// series for isomorphic repeats), through controllers/events.ts recordSeriesEvent.
import type { KubeObject } from "../kinds/types";
import type { ControllerContext } from "../controllers/types";
import { recordSeriesEvent } from "../controllers/events";

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

export interface SchedulerEvent {
  type: "Normal" | "Warning";
  reason: string;
  action: string;
  message: string;
  related?: KubeObject;
}

/**
 * Records an event about `regarding` through the events.k8s.io recorder (controllers/events.ts
 * recordSeriesEvent): an isomorphic event observed in the last 6 minutes (same reason and action,
 * same pod at the same resourceVersion, same related object) becomes a series; anything else is a
 * new event. So a FailedScheduling that comes back after the pod's condition changed in between is
 * a new event, as kube-scheduler's recorder keys its cache on the whole object reference.
 * `_existing` is no longer needed (the recorder finds the isomorphic event itself) and is ignored.
 */
export function emitEvent(ctx: ControllerContext, regarding: KubeObject, ev: SchedulerEvent, _existing?: KubeObject): KubeObject | undefined {
  return recordSeriesEvent(ctx, regarding, {
    type: ev.type,
    reason: ev.reason,
    action: ev.action,
    message: truncateMessage(ev.message),
    reportingController: SCHEDULER_NAME,
    reportingInstance: REPORTING_INSTANCE,
    related: ev.related,
    fieldManager: FIELD_MANAGER,
  });
}
