// events.k8s.io/v1 Event. A real API server keeps one storage for core/v1 and events.k8s.io/v1
// events (the internal type is core.Event): this kind converts to the core form for validation,
// printing and field selection. Field mapping (events.k8s.io/v1 <-> core/v1):
//   regarding <-> involvedObject, note <-> message, reportingController <-> reportingComponent,
//   deprecatedSource <-> source, deprecatedFirstTimestamp <-> firstTimestamp,
//   deprecatedLastTimestamp <-> lastTimestamp, deprecatedCount <-> count; eventTime, series
//   (count, lastObservedTime), action, reason, type, related, reportingInstance keep their names.
import type { KindDef, KubeObject } from "../types";
import { int, kindSchema, obj, str, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { ObjectReference } from "../common/pod";
import { EVENT_COLUMNS, EventSource, eventRow, strictValidateEvent, type CoreEvent, type EventObjectReference } from "../core/event";

export interface EventsV1Event extends KubeObject {
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  reportingController?: string;
  reportingInstance?: string;
  action?: string;
  reason?: string;
  regarding?: EventObjectReference;
  related?: EventObjectReference;
  note?: string;
  type?: string;
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string;
  deprecatedLastTimestamp?: string;
  deprecatedCount?: number;
}

/** [events.k8s.io/v1 field, core/v1 field] */
const FIELD_MAP: ReadonlyArray<[string, string]> = [
  ["eventTime", "eventTime"],
  ["series", "series"],
  ["reportingController", "reportingComponent"],
  ["reportingInstance", "reportingInstance"],
  ["action", "action"],
  ["reason", "reason"],
  ["regarding", "involvedObject"],
  ["related", "related"],
  ["note", "message"],
  ["type", "type"],
  ["deprecatedSource", "source"],
  ["deprecatedFirstTimestamp", "firstTimestamp"],
  ["deprecatedLastTimestamp", "lastTimestamp"],
  ["deprecatedCount", "count"],
];

/** An events.k8s.io/v1 Event in its core/v1 form (the storage form of a real server). */
export function eventsV1ToCore(ev: EventsV1Event): CoreEvent {
  const out: CoreEvent = { apiVersion: "v1", kind: "Event", metadata: ev.metadata };
  for (const [v1, core] of FIELD_MAP) if (ev[v1] !== undefined) out[core] = ev[v1];
  return out;
}

/** A core/v1 Event as events.k8s.io/v1 serves it. */
export function coreToEventsV1(ev: CoreEvent): EventsV1Event {
  const out: EventsV1Event = { apiVersion: "events.k8s.io/v1", kind: "Event", metadata: ev.metadata };
  for (const [v1, core] of FIELD_MAP) if (ev[core] !== undefined) out[v1] = ev[core];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const EventSeries = obj(
  {
    count: int("count is the number of occurrences in this series up to the last heartbeat time."),
    lastObservedTime: time("lastObservedTime is the time when last Event from the series was seen before last heartbeat."),
  },
  { id: "io.k8s.api.events.v1.EventSeries", desc: "EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time. How often to update the EventSeries is up to the event reporters. The default event reporter in \"k8s.io/client-go/tools/events/event_broadcaster.go\" shows how this struct is updated on heartbeats and can guide customized reporter implementations.", required: ["count", "lastObservedTime"] },
);

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

const regarding = (ev: EventsV1Event) => ev.regarding ?? {};

export const eventsV1Event: KindDef<EventsV1Event> = {
  group: "events.k8s.io",
  version: "v1",
  kind: "Event",
  plural: "events",
  singular: "event",
  shortNames: ["ev"],
  namespaced: true,
  // One object, two APIs: events.k8s.io Events are stored as core/v1 Events, as in a real server.
  conversion: {
    storageVersion: "v1",
    storageResource: "events",
    toStorage: (ev) => eventsV1ToCore(ev as EventsV1Event) as unknown as KubeObject,
    fromStorage: (ev) => coreToEventsV1(ev as never) as unknown as KubeObject,
  },
  schema: kindSchema(
    "io.k8s.api.events.v1.Event",
    "Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system. Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.",
    {
      action: str("action is what action was taken/failed regarding to the regarding object. It is machine-readable. This field cannot be empty for new Events and it can have at most 128 characters."),
      deprecatedCount: int("deprecatedCount is the deprecated field assuring backward compatibility with core.v1 Event type."),
      deprecatedFirstTimestamp: time("deprecatedFirstTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type."),
      deprecatedLastTimestamp: time("deprecatedLastTimestamp is the deprecated field assuring backward compatibility with core.v1 Event type."),
      deprecatedSource: EventSource.describe("deprecatedSource is the deprecated field assuring backward compatibility with core.v1 Event type."),
      eventTime: time("eventTime is the time when this Event was first observed. It is required."),
      note: str("note is a human-readable description of the status of this operation. Maximal length of the note is 1kB, but libraries should be prepared to handle values up to 64kB."),
      reason: str("reason is why the action was taken. It is human-readable. This field cannot be empty for new Events and it can have at most 128 characters."),
      regarding: ObjectReference.describe("regarding contains the object this Event is about. In most cases it's an Object reporting controller implements, e.g. ReplicaSetController implements ReplicaSets and this event is emitted because it acts on some changes in a ReplicaSet object."),
      related: ObjectReference.describe("related is the optional secondary object for more complex actions. E.g. when regarding object triggers a creation or deletion of related object."),
      reportingController: str("reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`. This field cannot be empty for new Events."),
      reportingInstance: str("reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`. This field cannot be empty for new Events and it can have at most 128 characters."),
      series: EventSeries.describe("series is data about the Event series this event represents or nil if it's a singleton Event."),
      type: str("type is the type of this event (Normal, Warning), new types could be added in the future. It is machine-readable. This field cannot be empty for new Events."),
    },
    ObjectMeta,
  ),
  validate: (ev, ctx) => strictValidateEvent(eventsV1ToCore(ev), ctx.old ? eventsV1ToCore(ctx.old as EventsV1Event) : undefined),
  // The events.k8s.io storage prints with printEvent on the internal (core) event.
  columns: EVENT_COLUMNS,
  printRow: (ev, ctx) => eventRow(eventsV1ToCore(ev), ctx.nowMs),
  // pkg/apis/events/v1 AddFieldLabelConversionsForEvent: the wire names, mapped onto the core fields.
  fieldSelectors: {
    "regarding.kind": (ev) => regarding(ev).kind ?? "",
    "regarding.namespace": (ev) => regarding(ev).namespace ?? "",
    "regarding.name": (ev) => regarding(ev).name ?? "",
    "regarding.uid": (ev) => regarding(ev).uid ?? "",
    "regarding.apiVersion": (ev) => regarding(ev).apiVersion ?? "",
    "regarding.resourceVersion": (ev) => regarding(ev).resourceVersion ?? "",
    "regarding.fieldPath": (ev) => regarding(ev).fieldPath ?? "",
    reason: (ev) => ev.reason ?? "",
    reportingController: (ev) => ev.reportingController ?? "",
    source: (ev) => ev.deprecatedSource?.component || ev.reportingController || "",
    type: (ev) => ev.type ?? "",
  },
};
