// Event recording as client-go's EventCorrelator does it (tools/record/events_cache.go): identical
// events counted on one Event, the 10th distinct message of a kind within 10 minutes folded into a
// "(combined from similar events)" Event, and at most 25 events per source and object at once, then
// one more every 5 minutes. Also the events.k8s.io recorder's series, the ReplicaSet and kubelet
// events that go through all this, and the correlator's state surviving a reload from storage.
import { describe, expect, test } from "vitest";
import { EPOCH_MS, testCluster } from "../../support/cluster";
import { Cluster } from "../../../src/engine/cluster/cluster";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { recordEvent, recordSeriesEvent, type EventSpec } from "../../../src/engine/controllers/events";
import { advance, createPod, kubeletCluster } from "../kubelet/support";

const MIN = 60;

/** A bootstrapped cluster with two ConfigMaps to record events about ("web" and "db"). */
function world(): Cluster {
  const c = testCluster();
  for (const name of ["web", "db"]) {
    const r = c.request("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name } });
    expect(r.status).toBe(201);
  }
  return c.cluster;
}

const about = (cluster: Cluster, name: string) => cluster.store.get("configmaps", "default", name)!;

const CREATED: Omit<EventSpec, "message"> = { type: "Normal", reason: "SuccessfulCreate", source: { component: "replicaset-controller" } };

/** Records an event about ConfigMap `object` at `seconds` after the epoch. */
function record(cluster: Cluster, seconds: number, object: string, spec: Partial<EventSpec> & { message: string }): KubeObject | undefined {
  return recordEvent({ state: cluster, nowMs: EPOCH_MS + seconds * 1000 }, about(cluster, object), { ...CREATED, ...spec });
}

interface Shown {
  message: string;
  count: number;
  first: string;
  last: string;
}

/** The core Events about `object`, oldest first, as `kubectl describe` lists them. */
function eventsAbout(cluster: Cluster, object: string): Array<KubeObject & Record<string, any>> {
  return cluster.store
    .list("events", "default")
    .filter((e) => e.involvedObject?.name === object && e.involvedObject?.kind === "ConfigMap")
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion)) as Array<KubeObject & Record<string, any>>;
}

const shown = (cluster: Cluster, object: string): Shown[] =>
  eventsAbout(cluster, object).map((e) => ({ message: e.message, count: e.count, first: e.firstTimestamp.slice(11, 19), last: e.lastTimestamp.slice(11, 19) }));

/** Occurrences written about `object` (each Event's count). */
const written = (cluster: Cluster, object: string) => eventsAbout(cluster, object).reduce((n, e) => n + e.count, 0);

const at = (seconds: number) => new Date(EPOCH_MS + seconds * 1000).toISOString().slice(11, 19);
const createdPod = (i: number) => ({ message: `Created pod: web-${i}` });

describe("EventLogger: an identical event is counted, not repeated", () => {
  test("the same message again bumps count and lastTimestamp of the first event", () => {
    const c = world();
    record(c, 0, "web", { message: "Scaled up" });
    record(c, 30, "web", { message: "Scaled up" });
    expect(shown(c, "web")).toEqual([{ message: "Scaled up", count: 2, first: at(0), last: at(30) }]);
  });

  test.each([
    { what: "another reason", other: { reason: "SuccessfulDelete" } },
    { what: "another type", other: { type: "Warning" as const } },
    { what: "another field path", other: { fieldPath: "spec.containers{nginx}" } },
    { what: "another source host", other: { source: { component: "replicaset-controller", host: "node01" } } },
  ])("$what is a separate event", ({ other }) => {
    const c = world();
    record(c, 0, "web", { message: "m" });
    record(c, 1, "web", { message: "m", ...other });
    expect(shown(c, "web").map((e) => e.count)).toEqual([1, 1]);
  });
});

describe("EventAggregator: similar events that differ only by message", () => {
  test("the 10th distinct message within 10 minutes becomes a combined event", () => {
    const c = world();
    for (let i = 0; i < 10; i++) record(c, i, "web", createdPod(i));
    const evs = eventsAbout(c, "web");
    expect(evs.map((e) => e.message)).toEqual([...Array.from({ length: 9 }, (_, i) => `Created pod: web-${i}`), "(combined from similar events): Created pod: web-9"]);
    const combined = evs[9];
    expect(combined).toMatchObject({
      reason: "SuccessfulCreate",
      type: "Normal",
      count: 1,
      source: { component: "replicaset-controller" },
      firstTimestamp: "2026-01-01T00:00:09Z",
      lastTimestamp: "2026-01-01T00:00:09Z",
      // The aggregate is a copy without the reporting controller and instance (EventAggregate).
      reportingComponent: "",
      reportingInstance: "",
    });
    expect(combined.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
  });

  test("further distinct messages count on the combined event, which shows the latest", () => {
    const c = world();
    for (let i = 0; i < 15; i++) record(c, i, "web", createdPod(i));
    expect(shown(c, "web").slice(9)).toEqual([{ message: "(combined from similar events): Created pod: web-14", count: 6, first: at(9), last: at(14) }]);
  });

  test("a message that has an event of its own keeps counting there", () => {
    const c = world();
    for (let i = 0; i < 10; i++) record(c, i, "web", createdPod(i));
    record(c, 20, "web", createdPod(3));
    expect(shown(c, "web").map((e) => [e.message, e.count])).toContainEqual(["Created pod: web-3", 2]);
    expect(shown(c, "web").find((e) => e.message.startsWith("(combined"))).toMatchObject({ message: "(combined from similar events): Created pod: web-9", count: 1 });
  });

  test.each([
    { what: "a pause of exactly 10 minutes still counts on", pause: 10 * MIN, combined: true },
    { what: "a pause longer than 10 minutes starts counting afresh", pause: 10 * MIN + 1, combined: false },
  ])("$what", ({ pause, combined }) => {
    const c = world();
    for (let i = 0; i < 9; i++) record(c, i, "web", createdPod(i));
    record(c, 8 + pause, "web", createdPod(9));
    expect(shown(c, "web").some((e) => e.message.startsWith("(combined from similar events)"))).toBe(combined);
  });

  test("messages that never pause for 10 minutes aggregate however long they take (the window is not sliding)", () => {
    const c = world();
    for (let i = 0; i < 10; i++) record(c, i * 5 * MIN, "web", createdPod(i));
    expect(shown(c, "web")[9]).toEqual({ message: "(combined from similar events): Created pod: web-9", count: 1, first: at(45 * MIN), last: at(45 * MIN) });
  });

  test("after a pause the 10th new message counts on the same combined event again", () => {
    const c = world();
    for (let i = 0; i < 12; i++) record(c, i, "web", createdPod(i));
    for (let i = 100; i < 110; i++) record(c, 20 * MIN + i, "web", createdPod(i));
    const combined = shown(c, "web").filter((e) => e.message.startsWith("(combined"));
    expect(combined).toEqual([{ message: "(combined from similar events): Created pod: web-109", count: 4, first: at(9), last: at(20 * MIN + 109) }]);
    expect(shown(c, "web")).toHaveLength(9 + 9 + 1);
  });

  test("other reasons, objects, types and sources are aggregated separately", () => {
    const c = world();
    for (let i = 0; i < 9; i++) {
      record(c, i, "web", createdPod(i));
      record(c, i, "web", { reason: "SuccessfulDelete", message: `Deleted pod: web-${i}` });
      record(c, i, "web", { type: "Warning", message: `Created pod: web-${i}` });
      record(c, i, "web", { source: { component: "job-controller" }, message: `Created pod: web-${i}` });
      record(c, i, "db", createdPod(i));
    }
    expect(shown(c, "web").filter((e) => e.message.startsWith("(combined"))).toEqual([]);
    expect(shown(c, "db")).toHaveLength(9);
  });
});

describe("EventSourceObjectSpamFilter: 25 events per source and object, then one every 5 minutes", () => {
  const kinds = [
    { what: "distinct reasons", nth: (i: number) => ({ reason: `Reason${i}`, message: "m" }) },
    { what: "one repeated message", nth: (_i: number) => ({ message: "Created pod: web-0" }) },
    { what: "distinct messages (aggregated)", nth: (i: number) => createdPod(i) },
  ];

  test.each(kinds)("the 26th event about one object within a minute is dropped: $what", ({ nth }) => {
    const c = world();
    for (let i = 0; i < 25; i++) expect(record(c, 2 * i, "web", nth(i))).toBeDefined();
    const rv = c.store.resourceVersion;
    expect(record(c, 50, "web", nth(25))).toBeUndefined();
    // Dropped: nothing written at all.
    expect(c.store.resourceVersion).toBe(rv);
    expect(written(c, "web")).toBe(25);
  });

  test.each(kinds)("a token returns after 5 minutes: $what", ({ nth }) => {
    const c = world();
    for (let i = 0; i < 25; i++) record(c, i, "web", nth(i));
    const tries = [299, 300, 301, 599, 600].map((t, k) => [t, record(c, t, "web", nth(25 + k)) !== undefined]);
    expect(tries).toEqual([
      [299, false],
      [300, true],
      [301, false],
      [599, false],
      [600, true],
    ]);
    expect(written(c, "web")).toBe(27);
  });

  test("a warning repeated every 15 s is written 25 times, then once every 5 minutes", () => {
    const c = world();
    const bumps: number[] = [];
    for (let t = 0; t <= 20 * MIN; t += 15) if (record(c, t, "web", { type: "Warning", reason: "FailedGetScale", message: "not found" })) bumps.push(t);
    expect(bumps.slice(0, 25)).toEqual(Array.from({ length: 25 }, (_, i) => 15 * i));
    expect(bumps.slice(25)).toEqual([375, 600, 900, 1200]);
    expect(shown(c, "web")).toEqual([{ message: "not found", count: 29, first: at(0), last: at(1200) }]);
  });

  test("each type, object and source host has a bucket of its own", () => {
    const c = world();
    for (let i = 0; i < 25; i++) record(c, 0, "web", { reason: `Reason${i}`, message: "m" });
    expect(record(c, 1, "web", { reason: "Another", message: "m" })).toBeUndefined();
    expect(record(c, 1, "web", { type: "Warning", reason: "Another", message: "m" })).toBeDefined();
    expect(record(c, 1, "db", { reason: "Another", message: "m" })).toBeDefined();
    expect(record(c, 1, "web", { reason: "Another", message: "m", source: { component: "replicaset-controller", host: "node01" } })).toBeDefined();
  });

  test("an event the recorder reads back as its memory is never dropped nor aggregated, but spends tokens", () => {
    const c = world();
    for (let i = 0; i < 30; i++) expect(record(c, i, "web", { ...createdPod(i), memory: true })).toBeDefined();
    expect(shown(c, "web")).toHaveLength(30);
    expect(record(c, 31, "web", { reason: "Other", message: "m" })).toBeUndefined();
  });
});

describe("what kubectl describe shows", () => {
  test("a ReplicaSet creating 100 pods: 9 Created pod events and a combined one counted 16 times", () => {
    const c = testCluster();
    const r = c.request("POST", "/apis/apps/v1/namespaces/default/replicasets", {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "web" },
      spec: { replicas: 100, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    });
    expect(r.status).toBe(201);
    c.tick();
    const evs = c
      .get("/api/v1/namespaces/default/events")
      .items.filter((e: any) => e.involvedObject.kind === "ReplicaSet" && e.reason === "SuccessfulCreate")
      .map((e: any) => [e.message.replace(/web-[a-z0-9]{5}$/, "web-*"), e.count]);
    expect(evs.sort()).toEqual([...Array(9).fill(["Created pod: web-*", 1]), ["(combined from similar events): Created pod: web-*", 16]].sort());
    expect(c.get("/api/v1/namespaces/default/pods").items).toHaveLength(100);
  });

  test("a crash-looping container: BackOff keeps counting once a cycle while Created and Started are throttled", () => {
    const c = kubeletCluster();
    createPod(c, "crash", { containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] });
    const count = (reason: string) => c.get("/api/v1/namespaces/default/events").items.find((e: any) => e.involvedObject.name === "crash" && e.reason === reason)?.count ?? 0;
    advance(c, 2 * MIN * 1000);
    // "Back-off restarting failed container" (x4 over 2m), as on a real cluster.
    expect(count("BackOff")).toBeGreaterThanOrEqual(3);
    expect(count("BackOff")).toBeLessThanOrEqual(5);
    advance(c, 28 * MIN * 1000);
    const [backOff, started] = [count("BackOff"), count("Started")];
    advance(c, 30 * MIN * 1000);
    // Restarts every 5 minutes: one BackOff each; the pod's Normal events get one token per 5 minutes.
    expect(count("BackOff") - backOff).toBe(6);
    expect(count("Started") - started).toBeLessThanOrEqual(1);
  }, 60_000);

  test("an image that never pulls is still retried every 5 minutes when the pod's warnings are throttled", () => {
    const c = kubeletCluster();
    createPod(c, "pull", { containers: [{ name: "a", image: "nginx:nope-a" }, { name: "b", image: "nginx:nope-b" }] });
    const pulls = () =>
      c
        .get("/api/v1/namespaces/default/events")
        .items.filter((e: any) => e.involvedObject.name === "pull" && e.message.startsWith("Failed to pull image"))
        .map((e: any) => e.count);
    advance(c, 60 * MIN * 1000);
    const before = pulls();
    advance(c, 60 * MIN * 1000);
    expect(pulls().map((n: number, i: number) => n - before[i])).toEqual([12, 12]);
    // ...while the other warnings about it ("Error: ErrImagePull", "Error: ImagePullBackOff") are throttled.
    const others = c.get("/api/v1/namespaces/default/events").items.filter((e: any) => e.involvedObject.name === "pull" && e.type === "Warning" && !e.message.startsWith("Failed to pull"));
    expect(others.every((e: any) => e.count < 12)).toBe(true);
  }, 60_000);
});

describe("events.k8s.io recorders (the scheduler's): series instead of new events", () => {
  const failed = (cluster: Cluster, seconds: number, regarding: KubeObject) =>
    recordSeriesEvent(
      { state: cluster, nowMs: EPOCH_MS + seconds * 1000 },
      regarding,
      { type: "Warning", reason: "FailedScheduling", action: "Scheduling", message: "0/3 nodes are available", reportingController: "default-scheduler", reportingInstance: "default-scheduler-controlplane", fieldManager: "kube-scheduler" },
    );
  const series = (cluster: Cluster) => eventsAbout(cluster, "web").map((e) => e.series ?? null);

  test("an isomorphic event within 6 minutes of the last becomes a series", () => {
    const c = world();
    const web = about(c, "web");
    failed(c, 0, web);
    failed(c, 60, web);
    failed(c, 60 + 6 * MIN, web);
    expect(series(c)).toEqual([{ count: 3, lastObservedTime: "2026-01-01T00:07:00.000000Z" }]);
  });

  test.each([
    { what: "more than 6 minutes after the last", later: 6 * MIN + 1, change: false },
    { what: "about the object at another resourceVersion", later: 1, change: true },
  ])("is a new event $what", ({ later, change }) => {
    const c = world();
    failed(c, 0, about(c, "web"));
    const web = about(c, "web");
    failed(c, later, change ? { ...web, metadata: { ...web.metadata, resourceVersion: "999" } } : web);
    expect(series(c)).toEqual([null, null]);
  });
});

describe("restart-proof: the correlator's state is the stored Events", () => {
  /** The same cluster as a new Durable Object loads it from its rows. */
  function reload(cluster: Cluster): Cluster {
    const store = cluster.store;
    const rows = store.resources().flatMap((resource) => store.list(resource).map((o) => ({ resource, body: JSON.stringify(o) })));
    return new Cluster({ resourceVersion: store.resourceVersion, seed: "test-seed" }, rows);
  }

  /** Bursts, repeats, pauses and refills on two objects over an hour and a half. */
  function script(): Array<[number, string, Partial<EventSpec> & { message: string }]> {
    const steps: Array<[number, string, Partial<EventSpec> & { message: string }]> = [];
    for (let i = 0; i < 40; i++) steps.push([i, "web", createdPod(i)]);
    for (let t = 0; t < 40 * MIN; t += 15) steps.push([t, "db", { type: "Warning", reason: "BackOff", message: "Back-off restarting failed container" }]);
    for (let i = 0; i < 12; i++) steps.push([5 * MIN + 30 * i, "web", { reason: "SuccessfulDelete", message: `Deleted pod: web-${i}` }]);
    for (let i = 40; i < 60; i++) steps.push([30 * MIN + i, "web", createdPod(i)]);
    for (let i = 0; i < 30; i++) steps.push([45 * MIN + 20 * i, "db", { reason: `Reason${i % 7}`, message: `step ${i % 3}` }]);
    for (let i = 60; i < 75; i++) steps.push([90 * MIN + i, "web", createdPod(i)]);
    return steps.sort((a, b) => a[0] - b[0]);
  }

  const visible = (cluster: Cluster) =>
    cluster.store
      .list("events", "default")
      .filter((e) => e.involvedObject?.kind === "ConfigMap")
      .map((e: any) => [e.metadata.name, e.reason, e.type, e.message, e.count, e.firstTimestamp, e.lastTimestamp, e.metadata.resourceVersion]);

  test("a cluster reloaded from its persisted rows correlates the same way", () => {
    const kept = world();
    let reloaded = reload(kept);
    const decisions: boolean[][] = [[], []];
    script().forEach(([t, object, spec], i) => {
      decisions[0].push(record(kept, t, object, spec) !== undefined);
      // A fresh process now and then, and for the second half before every single event.
      if (i % 17 === 0 || i > 150) reloaded = reload(reloaded);
      decisions[1].push(record(reloaded, t, object, spec) !== undefined);
    });
    expect(decisions[1]).toEqual(decisions[0]);
    expect(visible(reloaded)).toEqual(visible(kept));
    // The script exercised all three: counted, aggregated and dropped.
    expect(decisions[0].filter((d) => !d).length).toBeGreaterThan(50);
    expect(visible(kept).some((e) => String(e[3]).startsWith("(combined from similar events)"))).toBe(true);
    expect(visible(kept).some((e) => Number(e[4]) > 1)).toBe(true);
  });
});
