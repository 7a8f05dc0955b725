// core/v1 Event: schema, legacy event validation (ValidateEventCreate/Update for the v1 API),
// printEvent (LAST SEEN from lastTimestamp, else firstTimestamp, else eventTime; a series' last
// observation and count win) and the Event field selectors of pkg/registry/core/event.
import type { KindDef, KubeObject } from "../types";
import { int, kindSchema, obj, str, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { ObjectReference } from "../common/pod";
import { col, since } from "../common/print";
import { invalid, required, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Subdomain, isQualifiedName } from "../../machinery/names";
import { parseRfc3339 } from "../../machinery/time";

export interface EventObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface CoreEvent extends KubeObject {
  involvedObject?: EventObjectReference;
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string;
  lastTimestamp?: string;
  count?: number;
  type?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  action?: string;
  related?: EventObjectReference;
  reportingComponent?: string;
  reportingInstance?: string;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const EventSeries = obj(
  {
    count: int("Number of occurrences in this series up to the last heartbeat time"),
    lastObservedTime: time("Time of the last occurrence observed"),
  },
  { id: "io.k8s.api.core.v1.EventSeries", desc: "EventSeries contain information on series of events, i.e. thing that was/is happening continuously for some time." },
);

export const EventSource = obj(
  {
    component: str("Component from which the event is generated."),
    host: str("Node name on which the event is generated."),
  },
  { id: "io.k8s.api.core.v1.EventSource", desc: "EventSource contains information for an event." },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

const isZeroTime = (t: string | undefined) => !t || parseRfc3339(t) === undefined;

/** legacyValidateEvent: what every Event write must pass, in any API version. */
export function legacyValidateEvent(ev: CoreEvent): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata.namespace ?? "";
  const involvedNs = ev.involvedObject?.namespace ?? "";
  if (isZeroTime(ev.eventTime)) {
    if (!involvedNs) {
      if (ns !== "" && ns !== "default") errs.push(invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
    } else if (ns !== involvedNs) {
      errs.push(invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
    }
  } else {
    if (!involvedNs && ns !== "default" && ns !== "kube-system") errs.push(invalid("involvedObject.namespace", involvedNs, "does not match event.namespace"));
    const rc = ev.reportingComponent ?? "";
    if (!rc) errs.push(required("reportingController"));
    for (const msg of isQualifiedName(rc)) errs.push(invalid("reportingController", rc, msg));
    const ri = ev.reportingInstance ?? "";
    if (!ri) errs.push(required("reportingInstance"));
    if (ri.length > REPORTING_INSTANCE_LIMIT) errs.push(invalid("reportingInstance", "", `can have at most ${REPORTING_INSTANCE_LIMIT} characters`));
    const action = ev.action ?? "";
    if (!action) errs.push(required("action"));
    if (action.length > ACTION_LIMIT) errs.push(invalid("action", "", `can have at most ${ACTION_LIMIT} characters`));
    const reason = ev.reason ?? "";
    if (!reason) errs.push(required("reason"));
    if (reason.length > REASON_LIMIT) errs.push(invalid("reason", "", `can have at most ${REASON_LIMIT} characters`));
    if ((ev.message ?? "").length > NOTE_LIMIT) errs.push(invalid("message", "", `can have at most ${NOTE_LIMIT} characters`));
  }
  for (const msg of isDNS1123Subdomain(ns)) errs.push(invalid("namespace", ns, msg));
  return errs;
}

/**
 * ValidateEventCreate/Update for events.k8s.io/v1 requests: the legacy checks plus the strict ones.
 * Runs on the core form of the event, so field paths use core names (eventTime, count, source...).
 */
export function strictValidateEvent(ev: CoreEvent, old: CoreEvent | undefined): FieldError[] {
  const errs = legacyValidateEvent(ev);
  const series = () => {
    const e: FieldError[] = [];
    if (ev.series) {
      if ((ev.series.count ?? 0) < 2) e.push(invalid("series.count", "", "should be at least 2"));
      if (isZeroTime(ev.series.lastObservedTime)) e.push(required("series.lastObservedTime"));
    }
    return e;
  };
  if (!old) {
    errs.push(...series());
    if (isZeroTime(ev.eventTime)) errs.push(required("eventTime"));
    if (ev.type !== "Normal" && ev.type !== "Warning") errs.push(invalid("type", "", `has invalid value: ${ev.type ?? ""}`));
    if (!isZeroTime(ev.firstTimestamp)) errs.push(invalid("firstTimestamp", "", "needs to be unset"));
    if (!isZeroTime(ev.lastTimestamp)) errs.push(invalid("lastTimestamp", "", "needs to be unset"));
    if (ev.count) errs.push(invalid("count", "", "needs to be unset"));
    if (ev.source?.component || ev.source?.host) errs.push(invalid("source", "", "needs to be unset"));
    return errs;
  }
  if (JSON.stringify(ev.series ?? null) !== JSON.stringify(old.series ?? null)) errs.push(...series());
  const immutable: Array<keyof CoreEvent> = [
    "involvedObject", "reason", "message", "source", "firstTimestamp", "lastTimestamp", "count", "reason", "type", "eventTime", "action", "related",
    "reportingComponent", "reportingInstance",
  ];
  for (const f of immutable) {
    if (JSON.stringify(ev[f] ?? null) !== JSON.stringify(old[f] ?? null)) {
      const path = f === "reportingComponent" ? "reportingController" : (f as string);
      errs.push(invalid(path, ev[f] ?? null, "field is immutable"));
    }
  }
  return errs;
}

/** translateMicroTimestampSince / translateTimestampSince: "<unknown>" for a missing time. */
const sinceOrUnknown = (t: string | undefined, nowMs: number) => (isZeroTime(t) ? "<unknown>" : since(t, nowMs));

/** formatEventSource: component (or reportingController), then ", host" (or reportingInstance). */
function eventSource(ev: CoreEvent): string {
  const component = ev.source?.component || ev.reportingComponent || "";
  const host = ev.source?.host || ev.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}

/** printEvent's cells (the server always prints the wide set). */
export function eventRow(ev: CoreEvent, nowMs: number): Array<string | number> {
  let first = sinceOrUnknown(ev.firstTimestamp, nowMs);
  if (isZeroTime(ev.firstTimestamp)) first = sinceOrUnknown(ev.eventTime, nowMs);
  let last = sinceOrUnknown(ev.lastTimestamp, nowMs);
  if (isZeroTime(ev.lastTimestamp)) last = first;
  let count = ev.count ?? 0;
  if (ev.series) {
    last = sinceOrUnknown(ev.series.lastObservedTime, nowMs);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events of the new API have no count
  }
  const io = ev.involvedObject ?? {};
  const target = io.name ? `${(io.kind ?? "").toLowerCase()}/${io.name}` : (io.kind ?? "").toLowerCase();
  return [last, ev.type ?? "", ev.reason ?? "", target, io.fieldPath ?? "", eventSource(ev), (ev.message ?? "").trim(), first, count, ev.metadata.name ?? ""];
}

export const EVENT_COLUMNS = [
  col("Last Seen", "string", "The time at which the most recent occurrence of this event was recorded."),
  col("Type", "string", "Type of this event (Normal, Warning), new types could be added in the future"),
  col("Reason", "string", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  col("Object", "string", "The object that this event is about."),
  col(
    "Subobject",
    "string",
    'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
    1,
  ),
  col("Source", "string", "The component reporting this event. Should be a short machine understandable string.", 1),
  col("Message", "string", "A human-readable description of the status of this operation."),
  col("First Seen", "string", "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1),
  col("Count", "string", "The number of times this event has occurred.", 1),
  col(
    "Name",
    "string",
    "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
    1,
    "name",
  ),
];

/** ToSelectableFields of pkg/registry/core/event (the field labels the v1 API accepts). */
export const CORE_EVENT_FIELD_SELECTORS: Record<string, (ev: CoreEvent) => string> = {
  "involvedObject.kind": (ev) => ev.involvedObject?.kind ?? "",
  "involvedObject.namespace": (ev) => ev.involvedObject?.namespace ?? "",
  "involvedObject.name": (ev) => ev.involvedObject?.name ?? "",
  "involvedObject.uid": (ev) => ev.involvedObject?.uid ?? "",
  "involvedObject.apiVersion": (ev) => ev.involvedObject?.apiVersion ?? "",
  "involvedObject.resourceVersion": (ev) => ev.involvedObject?.resourceVersion ?? "",
  "involvedObject.fieldPath": (ev) => ev.involvedObject?.fieldPath ?? "",
  reason: (ev) => ev.reason ?? "",
  reportingComponent: (ev) => ev.reportingComponent ?? "",
  source: (ev) => ev.source?.component || ev.reportingComponent || "",
  type: (ev) => ev.type ?? "",
};

export const event: KindDef<CoreEvent> = {
  group: "",
  version: "v1",
  kind: "Event",
  plural: "events",
  singular: "event",
  shortNames: ["ev"],
  namespaced: true,
  // v1 event writes skip ValidateObjectMeta (only legacyValidateEvent runs); only the REST path rules apply.
  nameValidation: "path-segment",
  schema: kindSchema(
    "io.k8s.api.core.v1.Event",
    "Event is a report of an event somewhere in the cluster.  Events have a limited retention time and triggers and messages may evolve with time.  Event consumers should not rely on the timing of an event with a given Reason reflecting a consistent underlying trigger, or the continued existence of events with that Reason.  Events should be treated as informative, best-effort, supplemental data.",
    {
      action: str("What action was taken/failed regarding to the Regarding object."),
      count: int("The number of times this event has occurred."),
      eventTime: time("Time when this Event was first observed."),
      firstTimestamp: time("The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
      involvedObject: ObjectReference.describe("The object that this event is about."),
      lastTimestamp: time("The time at which the most recent occurrence of this event was recorded."),
      message: str("A human-readable description of the status of this operation."),
      reason: str("This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
      related: ObjectReference.describe("Optional secondary object for more complex actions."),
      reportingComponent: str("Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`."),
      reportingInstance: str("ID of the controller instance, e.g. `kubelet-xyzf`."),
      series: EventSeries.describe("Data about the Event series this event represents or nil if it's a singleton Event."),
      source: EventSource.describe("The component reporting this event. Should be a short machine understandable string."),
      type: str("Type of this event (Normal, Warning), new types could be added in the future"),
    },
    ObjectMeta,
  ),
  validate: (ev) => legacyValidateEvent(ev),
  columns: EVENT_COLUMNS,
  printRow: (ev, ctx) => eventRow(ev, ctx.nowMs),
  fieldSelectors: CORE_EVENT_FIELD_SELECTORS,
};

