// Support for scenario tests through the Durable Object: a learner's sandbox driven over the HTTP
// API, its alarm run with runDurableObjectAlarm and simulated time moved with the clock endpoint.
// Every response is recorded so a scenario can end by checking that none was a 5xx, and
// `expectAlarmCoversTimedWork` checks the one alarm is armed no later than the earliest timed work
// the cluster still has (computed on a copy of the cluster loaded from the Durable Object's SQLite).
import { expect } from "vitest";
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { call, kube, newSession, type Session } from "./helpers";
import { Cluster } from "../../src/engine/cluster/cluster";
import type { Sandbox } from "../../src/worker/sandbox";

type J = Record<string, any>;

export interface Answer {
  status: number;
  body: J;
}

export const SECOND = 1000;

export class Sandboxed {
  /** Every request this scenario sent, with the status it got. */
  readonly answers: Array<{ method: string; path: string; status: number }> = [];

  private constructor(readonly session: Session) {}

  static async create(body: unknown = {}): Promise<Sandboxed> {
    return new Sandboxed(await newSession(body));
  }

  get stub(): DurableObjectStub<Sandbox> {
    return env.SANDBOX.get(env.SANDBOX.idFromName(this.session.id)) as DurableObjectStub<Sandbox>;
  }

  async request(method: string, path: string, body?: unknown, contentType = "application/json"): Promise<Answer> {
    const r = await kube(this.session, path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { "content-type": contentType } });
    this.answers.push({ method, path, status: r.status });
    const text = await r.text();
    let parsed: J = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: r.status, body: parsed };
  }

  /** GET that must succeed. */
  async get(path: string): Promise<J> {
    const r = await this.request("GET", path);
    expect(r.status, `GET ${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  /** GET answering undefined for 404. */
  async find(path: string): Promise<J | undefined> {
    const r = await this.request("GET", path);
    if (r.status === 404) return undefined;
    expect(r.status, `GET ${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  /** POST that must create (201). */
  async create(path: string, body: unknown): Promise<J> {
    const r = await this.request("POST", path, body);
    expect(r.status, `POST ${path}: ${JSON.stringify(r.body)}`).toBe(201);
    return r.body;
  }

  async patch(path: string, body: unknown, contentType: "application/merge-patch+json" | "application/json-patch+json" | "application/strategic-merge-patch+json"): Promise<J> {
    const r = await this.request("PATCH", path, body, contentType);
    expect(r.status, `PATCH ${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  }

  async items(path: string): Promise<J[]> {
    return (await this.get(path)).items as J[];
  }

  async pods(namespace = "default", labelSelector?: string): Promise<J[]> {
    const q = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : "";
    const pods = await this.items(`/api/v1/namespaces/${namespace}/pods${q}`);
    return pods.sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  }

  async events(namespace = "default"): Promise<J[]> {
    return this.items(`/api/v1/namespaces/${namespace}/events`);
  }

  /** Events about one object (of `kind`, when given), as "Type Reason: message" lines in the order they were first seen. */
  async eventsFor(name: string, namespace = "default", kind?: string): Promise<string[]> {
    const events = (await this.events(namespace)).filter((e) => e.involvedObject?.name === name && (kind === undefined || e.involvedObject?.kind === kind));
    events.sort((a, b) => String(a.firstTimestamp ?? a.eventTime).localeCompare(String(b.firstTimestamp ?? b.eventTime)) || Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    return events.map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Runs the Durable Object's pending alarm now (controller work due at the current simulated time). */
  async runAlarm(): Promise<boolean> {
    return runDurableObjectAlarm(this.stub);
  }

  /** Fast-forwards simulated time by `seconds` through the clock endpoint, running what falls due. */
  async advance(seconds: number): Promise<void> {
    const r = await call(`/api/sessions/${this.session.id}/clock`, { method: "POST", token: this.session.token, body: JSON.stringify({ advanceSeconds: seconds }) });
    this.answers.push({ method: "POST", path: `/api/sessions/${this.session.id}/clock`, status: r.status });
    expect(r.status, await r.clone().text()).toBe(200);
    await r.body?.cancel();
  }

  /** Advances in steps of `stepSeconds` until `check` passes (at most `maxSeconds` of simulated time). */
  async advanceUntil<T>(check: () => Promise<T | undefined | false>, { stepSeconds = 1, maxSeconds = 120 } = {}): Promise<T> {
    await this.runAlarm();
    for (let waited = 0; ; waited += stepSeconds) {
      const v = await check();
      if (v) return v;
      if (waited >= maxSeconds) throw new Error(`condition not reached within ${maxSeconds} simulated seconds`);
      await this.advance(stepSeconds);
    }
  }

  /** The sandbox's simulated time (wall clock plus offset) and alarm, read inside the Durable Object. */
  async clock(): Promise<{ nowMs: number; offsetMs: number; alarmMs: number | null }> {
    return runInDurableObject(this.stub, async (_instance, state) => {
      const offset = state.storage.sql.exec("SELECT value FROM meta WHERE key = 'clockOffsetMs'").toArray()[0]?.value;
      const offsetMs = Number(offset ?? 0);
      return { nowMs: Date.now() + offsetMs, offsetMs, alarmMs: await state.storage.getAlarm() };
    });
  }

  /**
   * The one alarm is armed whenever timed work remains: a copy of the cluster, loaded from the
   * Durable Object's rows, is reconciled at the current simulated time; if it reports timed work
   * (nextWakeMs) the alarm must be set for that moment or earlier (in wall time: minus the offset).
   * Returns the copy's next wake-up in simulated ms (undefined: nothing timed is pending).
   */
  async expectAlarmCoversTimedWork(): Promise<number | undefined> {
    const r = await runInDurableObject(this.stub, async (_instance, state) => {
      const meta = new Map(state.storage.sql.exec("SELECT key, value FROM meta").toArray().map((row) => [String(row.key), String(row.value)]));
      const rows = state.storage.sql.exec("SELECT resource, body FROM objects").toArray() as Array<{ resource: string; body: string }>;
      const offsetMs = Number(meta.get("clockOffsetMs") ?? 0);
      const wallMs = Date.now();
      const copy = new Cluster({ resourceVersion: Number(meta.get("resourceVersion")), seed: String(meta.get("seed")) }, rows);
      const result = copy.reconcile(wallMs + offsetMs);
      const pendingWrites = copy.takeWrites();
      return {
        wallMs,
        offsetMs,
        alarmMs: await state.storage.getAlarm(),
        nextWakeMs: result.nextWakeMs ?? null,
        unreconciled: !!(pendingWrites?.puts.length || pendingWrites?.deletes.length),
      };
    });
    if (r.unreconciled) {
      // Work not yet done: the alarm must be due now.
      expect(r.alarmMs, "an alarm is armed while controller work is outstanding").not.toBeNull();
      expect(r.alarmMs!).toBeLessThanOrEqual(r.wallMs + 1000);
    }
    if (r.nextWakeMs !== null) {
      expect(r.alarmMs, `an alarm is armed for timed work due at ${new Date(r.nextWakeMs).toISOString()}`).not.toBeNull();
      // Simulated due time in wall time; one second of slack for the real time the check itself takes.
      expect(r.alarmMs! + r.offsetMs, `alarm at ${new Date(r.alarmMs! + r.offsetMs).toISOString()} (simulated) covers work due at ${new Date(r.nextWakeMs).toISOString()}`).toBeLessThanOrEqual(Math.max(r.nextWakeMs, r.wallMs + r.offsetMs) + 1000);
    }
    return r.nextWakeMs ?? undefined;
  }

  /** The checks every scenario ends with: no 5xx answer, and the alarm covers any timed work left. */
  async expectHealthy(): Promise<void> {
    expect(this.answers.filter((a) => a.status >= 500)).toEqual([]);
    await this.expectAlarmCoversTimedWork();
  }
}

export const condition = (obj: J | undefined, type: string): J | undefined => ((obj?.status?.conditions ?? []) as J[]).find((c) => c.type === type);

export const containerStatus = (pod: J, name?: string): J | undefined => ((pod.status?.containerStatuses ?? []) as J[]).find((c) => name === undefined || c.name === name);

/** A short readable form of a pod: "name phase ready [waiting reason | terminated reason]". */
export function podSummary(pod: J): string {
  const cs = containerStatus(pod);
  const state = cs?.state?.waiting?.reason ?? cs?.state?.terminated?.reason ?? (cs?.state?.running ? "running" : "none");
  return `${pod.metadata.name} ${pod.status?.phase} ${condition(pod, "Ready")?.status ?? "-"} ${state}`;
}

export const isRunningAndReady = (pod: J | undefined): boolean => pod?.status?.phase === "Running" && condition(pod, "Ready")?.status === "True";
