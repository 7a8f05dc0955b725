// Event expiry: an event goes one hour after it was last recorded (etcd's --event-ttl), whether it
// is a core/v1 event (lastTimestamp) or an events.k8s.io one (eventTime, series), and the
// controller asks to be woken for the next expiry.
import { describe, expect, it } from "vitest";
import { create, sandbox, type Sandbox } from "./services-storage-support";
import { recordEvent } from "../../../src/engine/controllers/events";
import { eventTtl } from "../../../src/engine/controllers/event-ttl";
import { runControllers } from "../../../src/engine/controllers";

const HOUR = 60 * 60 * 1000;

function record(c: Sandbox, involvedName: string, reason: string, api?: "events.k8s.io") {
  const involved = c.get(`/api/v1/namespaces/default/configmaps/${involvedName}`);
  return recordEvent({ state: c.cluster, nowMs: c.nowMs }, involved, { type: "Normal", reason, message: `${reason} happened`, source: { component: "test" }, api });
}

function setup(): Sandbox {
  const c = sandbox();
  create(c, "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "thing" } });
  return c;
}

const eventReasons = (c: Sandbox) => c.get("/api/v1/namespaces/default/events").items.map((e: any) => e.reason).sort();
const ttlOnly = (c: Sandbox) => runControllers({ state: c.cluster, nowMs: c.nowMs }, [eventTtl]);

describe("event TTL", () => {
  it.each([
    ["core/v1 (lastTimestamp)", undefined],
    ["events.k8s.io (eventTime)", "events.k8s.io" as const],
  ])("deletes a %s event one hour after it was recorded, and wakes for it", (_what, api) => {
    const c = setup();
    record(c, "thing", "Started", api);
    expect(ttlOnly(c).nextWakeMs).toBe(c.nowMs + HOUR);
    c.nowMs += HOUR - 1000;
    ttlOnly(c);
    expect(eventReasons(c)).toEqual(["Started"]);
    c.nowMs += 1000;
    const r = ttlOnly(c);
    expect(eventReasons(c)).toEqual([]);
    expect(r.nextWakeMs).toBeUndefined();
  });

  it("gives an event that repeats another hour from its last occurrence", () => {
    const c = setup();
    const start = c.nowMs;
    record(c, "thing", "BackOff");
    c.nowMs += 40 * 60 * 1000;
    record(c, "thing", "BackOff");
    expect(c.get("/api/v1/namespaces/default/events").items[0].count).toBe(2);
    c.nowMs = start + HOUR;
    expect(ttlOnly(c).nextWakeMs).toBe(start + 40 * 60 * 1000 + HOUR);
    expect(eventReasons(c)).toEqual(["BackOff"]);
  });

  it("expires events one by one, waking for the earliest", () => {
    const c = setup();
    const start = c.nowMs;
    record(c, "thing", "First");
    c.nowMs += 10 * 60 * 1000;
    record(c, "thing", "Second");
    expect(ttlOnly(c).nextWakeMs).toBe(start + HOUR);
    c.nowMs = start + HOUR;
    expect(ttlOnly(c).nextWakeMs).toBe(start + 10 * 60 * 1000 + HOUR);
    expect(eventReasons(c)).toEqual(["Second"]);
  });

  it("runs with the other controllers when time moves on", () => {
    const c = setup();
    record(c, "thing", "Old");
    c.step(HOUR);
    expect(eventReasons(c)).toEqual([]);
  });
});
