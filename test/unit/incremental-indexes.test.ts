// Indexes kept current from the store's changes (ObjectStore.observe) answer exactly what a walk
// of every object answers: the event TTL controller's expiries, the garbage collector's view of
// what changed since it settled (more than the watch history holds), and the kubelet's events by pod.
import { describe, expect, test } from "vitest";
import { EVENTS_RESOURCE } from "../../src/engine/store/store";
import { eventTtl, lastWrittenMs } from "../../src/engine/controllers/event-ttl";
import { EVENT_TTL_MS } from "../../src/engine/controllers/events";
import { earliest } from "../../src/engine/controllers/types";
import { testCluster } from "../support/cluster";
import type { KubeObject } from "../../src/engine/kinds/types";
import { LIMITS } from "../../src/engine/limits";
import { garbageCollector } from "../../src/engine/controllers/garbage-collector";
import { kubeletEventsOf } from "../../src/engine/kubelet/kubelet";

describe("event TTL from kept expiries", () => {
  /** What the controller answered when it walked every event. */
  function walked(events: KubeObject[], nowMs: number): { expired: string[]; wakeAtMs?: number } {
    let wakeAtMs: number | undefined;
    const expired: string[] = [];
    for (const e of events) {
      const last = lastWrittenMs(e);
      if (last === undefined) continue;
      if (nowMs >= last + EVENT_TTL_MS) expired.push(e.metadata.name!);
      else wakeAtMs = earliest(wakeAtMs, last + EVENT_TTL_MS);
    }
    return { expired, wakeAtMs };
  }

  test("answers each pass as the walk does while events are created, bumped and deleted", () => {
    const c = testCluster();
    const store = c.cluster.store;
    const t0 = c.nowMs;
    const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
    const event = (name: string, lastMs: number): KubeObject =>
      ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default" }, involvedObject: { kind: "Pod", name: "p", namespace: "default" }, reason: "R", firstTimestamp: at(t0), lastTimestamp: at(lastMs), count: 1, type: "Normal" }) as KubeObject;
    const pass = (nowMs: number) => {
      const expect_ = walked(store.list(EVENTS_RESOURCE), nowMs);
      const r = eventTtl.reconcile({ state: c.cluster, nowMs });
      expect(r.wakeAtMs).toBe(expect_.wakeAtMs);
      expect(r.changed).toBe(expect_.expired.length > 0);
      for (const name of expect_.expired) expect(store.get(EVENTS_RESOURCE, "default", name)).toBeUndefined();
    };
    for (const e of store.list(EVENTS_RESOURCE)) store.delete(EVENTS_RESOURCE, e.metadata.namespace!, e.metadata.name!);
    pass(t0);
    store.create(EVENTS_RESOURCE, event("a", t0));
    store.create(EVENTS_RESOURCE, event("b", t0 + 60_000));
    pass(t0 + 1000);
    // The earliest one is bumped: the next expiry is the other one's.
    store.update(EVENTS_RESOURCE, event("a", t0 + 120_000));
    pass(t0 + 2000);
    store.create(EVENTS_RESOURCE, event("c", t0 + 30_000));
    pass(t0 + 3000);
    store.delete(EVENTS_RESOURCE, "default", "c");
    pass(t0 + 4000);
    pass(t0 + 60_000 + EVENT_TTL_MS);
    pass(t0 + 120_000 + EVENT_TTL_MS);
    expect(store.list(EVENTS_RESOURCE)).toEqual([]);
    pass(t0 + 2 * EVENT_TTL_MS);
  });
});

describe("garbage collector after more changes than the watch history holds", () => {
  test("still deletes a dependent whose owner went among them", () => {
    const c = testCluster();
    const store = c.cluster.store;
    const gc = () => garbageCollector.reconcile({ state: c.cluster, nowMs: c.nowMs });
    const cm = (name: string, owner?: KubeObject) =>
      c.request("POST", "/api/v1/namespaces/default/configmaps", {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name, ...(owner ? { ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: owner.metadata.name, uid: owner.metadata.uid }] } : {}) },
      }).body as KubeObject;
    const owner = cm("owner");
    cm("dependent", owner);
    gc();
    expect(gc().changed).toBe(false);
    // The owner goes, then more writes than the history keeps (the delete is no longer in it).
    expect(c.request("DELETE", "/api/v1/namespaces/default/configmaps/owner").status).toBe(200);
    const filler = cm("filler");
    for (let i = 0; i < LIMITS.watchHistoryEvents * 1.5; i++) store.update("configmaps", { ...store.get("configmaps", "default", "filler")!, data: { i: String(i) } });
    expect(store.changesSince(Number(filler.metadata.resourceVersion) - 1)).toBeUndefined();
    expect(gc().changed).toBe(true);
    expect(store.get("configmaps", "default", "dependent")).toBeUndefined();
  });
});

describe("the kubelet's events by pod", () => {
  test("hold what a walk of every event finds, while events are created, bumped and deleted", () => {
    const c = testCluster();
    const store = c.cluster.store;
    const event = (name: string, uid: string, component: string, count = 1): KubeObject =>
      ({ apiVersion: "v1", kind: "Event", metadata: { name, namespace: "default" }, involvedObject: { kind: "Pod", name: uid, namespace: "default", uid }, reason: "Pulled", source: { component }, count, type: "Normal" }) as KubeObject;
    const walked = () => {
      const out = new Map<string, string[]>();
      for (const e of store.list(EVENTS_RESOURCE)) {
        if (e.source?.component !== "kubelet" || !e.involvedObject?.uid) continue;
        out.set(e.involvedObject.uid, [...(out.get(e.involvedObject.uid) ?? []), e.metadata.name!].sort());
      }
      return out;
    };
    const indexed = () => new Map([...kubeletEventsOf(store)].map(([uid, list]) => [uid, list.map((e) => e.metadata.name!).sort()]));
    // Built from what is stored, then kept current.
    store.create(EVENTS_RESOURCE, event("p1.a", "u1", "kubelet"));
    expect(indexed()).toEqual(walked());
    store.create(EVENTS_RESOURCE, event("p1.b", "u1", "kubelet"));
    store.create(EVENTS_RESOURCE, event("p2.a", "u2", "kubelet"));
    store.create(EVENTS_RESOURCE, event("p2.s", "u2", "default-scheduler"));
    expect(indexed()).toEqual(walked());
    // A bumped event is the new object, not both.
    store.update(EVENTS_RESOURCE, event("p1.a", "u1", "kubelet", 2));
    expect(kubeletEventsOf(store).get("u1")!.find((e) => e.metadata.name === "p1.a")!.count).toBe(2);
    expect(indexed()).toEqual(walked());
    store.delete(EVENTS_RESOURCE, "default", "p2.a");
    store.delete(EVENTS_RESOURCE, "default", "p1.b");
    expect(indexed()).toEqual(walked());
    expect(kubeletEventsOf(store).has("u2")).toBe(false);
  });
});
