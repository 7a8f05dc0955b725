import { describe, expect, test } from "vitest";
import { coreToEventsV1, eventsV1Event, eventsV1ToCore, type EventsV1Event } from "../../../src/engine/kinds/events/event";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const mk = (extra: Partial<EventsV1Event> = {}): EventsV1Event => ({
  apiVersion: "events.k8s.io/v1",
  kind: "Event",
  metadata: { name: "web.1", namespace: "default" },
  eventTime: "2024-05-01T11:59:00.000000Z",
  reportingController: "example.com/controller",
  reportingInstance: "controller-0",
  action: "Reconcile",
  reason: "Synced",
  regarding: { kind: "Deployment", name: "web", namespace: "default" },
  note: "synced",
  type: "Normal",
  ...extra,
});
const errors = (ev: EventsV1Event, old?: EventsV1Event) => eventsV1Event.validate!(ev, { nowMs: NOW, old }).map(fieldErrorString);

describe("events.k8s.io/v1 Event", () => {
  test("maps to and from the core event", () => {
    const ev = mk({ deprecatedCount: 3, deprecatedSource: { component: "c" } });
    const core = eventsV1ToCore(ev);
    expect(core).toMatchObject({ involvedObject: ev.regarding, message: "synced", reportingComponent: "example.com/controller", count: 3, source: { component: "c" } });
    expect(coreToEventsV1(core)).toEqual(ev);
  });

  test("a well-formed event validates", () => {
    expect(errors(mk())).toEqual([]);
  });

  test.each<[string, Partial<EventsV1Event>, string[]]>([
    ["eventTime is required", { eventTime: undefined }, ["eventTime: Required value"]],
    ["type must be Normal or Warning", { type: "Info" }, ['type: Invalid value: "": has invalid value: Info']],
    ["deprecated fields must be unset (named as the core fields)", { deprecatedCount: 2 }, ['count: Invalid value: "": needs to be unset']],
    [
      "the reporting controller is required",
      { reportingController: undefined },
      [
        "reportingController: Required value",
        "reportingController: Invalid value: \"\": name part must be non-empty",
        "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
  ])("%s", (_, extra, expected) => {
    expect(errors(mk(extra))).toEqual(expected);
  });

  test("prints like a core event", () => {
    expect(eventsV1Event.printRow(mk(), { nowMs: NOW }).slice(0, 7)).toEqual(["60s", "Normal", "Synced", "deployment/web", "", "example.com/controller, controller-0", "synced"]);
  });

  test("selects with the events.k8s.io field names", () => {
    const ev = mk();
    expect(eventsV1Event.fieldSelectors!["regarding.kind"](ev)).toBe("Deployment");
    expect(eventsV1Event.fieldSelectors!.reportingController(ev)).toBe("example.com/controller");
  });
});
