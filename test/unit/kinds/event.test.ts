import { describe, expect, test } from "vitest";
import { event, type CoreEvent } from "../../../src/engine/kinds/core/event";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const mk = (extra: Partial<CoreEvent>): CoreEvent => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { name: "web-7d4.17c9a", namespace: "default", creationTimestamp: "2024-05-01T11:50:00Z" },
  involvedObject: { kind: "Pod", name: "web-7d4", namespace: "default", fieldPath: "spec.containers{nginx}" },
  reason: "Pulled",
  message: "Successfully pulled image \"nginx\"\n",
  type: "Normal",
  source: { component: "kubelet", host: "kind-worker" },
  ...extra,
});

describe("Event printer", () => {
  test("prints the wide printEvent cells", () => {
    const ev = mk({ firstTimestamp: "2024-05-01T11:50:00Z", lastTimestamp: "2024-05-01T11:58:00Z", count: 5 });
    expect(event.printRow(ev, { nowMs: NOW })).toEqual(["2m", "Normal", "Pulled", "pod/web-7d4", "spec.containers{nginx}", "kubelet, kind-worker", 'Successfully pulled image "nginx"', "10m", 5, "web-7d4.17c9a"]);
  });

  test("falls back to eventTime and to the reporting controller for new-style events", () => {
    const ev = mk({ source: undefined, eventTime: "2024-05-01T11:59:30.000000Z", reportingComponent: "default-scheduler", reportingInstance: "default-scheduler-kind-control-plane" });
    const row = event.printRow(ev, { nowMs: NOW });
    expect(row[0]).toBe("30s");
    expect(row[5]).toBe("default-scheduler, default-scheduler-kind-control-plane");
    expect(row[7]).toBe("30s");
    expect(row[8]).toBe(1);
  });

  test("a series supplies LAST SEEN and COUNT", () => {
    const ev = mk({ eventTime: "2024-05-01T11:00:00.000000Z", series: { count: 7, lastObservedTime: "2024-05-01T11:59:00.000000Z" } });
    const row = event.printRow(ev, { nowMs: NOW });
    expect([row[0], row[7], row[8]]).toEqual(["60s", "60m", 7]);
  });

  test("an object without a name prints the kind only and missing times print <unknown>", () => {
    const ev = mk({ involvedObject: { kind: "Node" }, source: {} });
    expect(event.printRow(ev, { nowMs: NOW }).slice(0, 4)).toEqual(["<unknown>", "Normal", "Pulled", "node"]);
  });

  test("has LAST SEEN TYPE REASON OBJECT MESSAGE, the rest wide", () => {
    expect(event.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Last Seen", "Type", "Reason", "Object", "Message"]);
    expect(event.columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(["Subobject", "Source", "First Seen", "Count", "Name"]);
  });
});

describe("Event validation and field selectors", () => {
  test("the involved object's namespace must match", () => {
    expect(event.validate!(mk({ involvedObject: { kind: "Pod", name: "x", namespace: "other" } }), { nowMs: NOW }).map(fieldErrorString)).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });

  test("new-style events need the reporting fields", () => {
    const ev = mk({ eventTime: "2024-05-01T11:59:30.000000Z", reason: "" });
    expect(event.validate!(ev, { nowMs: NOW }).map(fieldErrorString)).toEqual([
      "reportingController: Required value",
      // IsQualifiedName("") also reports, as in Go.
      "reportingController: Invalid value: \"\": name part must be non-empty",
      "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      "reportingInstance: Required value",
      "action: Required value",
      "reason: Required value",
    ]);
  });

  test("supports the core event field selectors", () => {
    const ev = mk({});
    const sel = event.fieldSelectors!;
    expect(Object.keys(sel).sort()).toEqual([
      "involvedObject.apiVersion", "involvedObject.fieldPath", "involvedObject.kind", "involvedObject.name", "involvedObject.namespace",
      "involvedObject.resourceVersion", "involvedObject.uid", "reason", "reportingComponent", "source", "type",
    ]);
    expect(sel["involvedObject.kind"](ev)).toBe("Pod");
    expect(sel.source(ev)).toBe("kubelet");
    expect(sel.type(ev)).toBe("Normal");
  });
});
