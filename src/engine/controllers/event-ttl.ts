// Event expiry: the API server stores events with a one-hour TTL (--event-ttl) that restarts with
// every write, so an event disappears an hour after it was last recorded or bumped.
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import type { KubeObject } from "../kinds/types";
import { EVENT_TTL_MS } from "./events";
import { parseRfc3339 } from "../machinery/time";
import { ControllerClient } from "./client";
import { EVENTS_RESOURCE, type ObjectStore } from "../store/store";

const written = new WeakMap<KubeObject, number | undefined>();

/**
 * When an event was last written: the latest of its timestamps. `remember: false` for an event just
 * written, rarely asked again (a WeakMap entry per event costs more than reading it twice).
 */
export function lastWrittenMs(e: KubeObject, remember = true): number | undefined {
  if (written.has(e)) return written.get(e);
  const ms = latestTimestamp(e);
  if (remember) written.set(e, ms);
  return ms;
}

// parseRfc3339 keeps the last timestamp it parsed: the events of one pass carry the same few.
const parsed = (t: unknown): number | undefined => (typeof t === "string" ? parseRfc3339(t) : undefined);

function latestTimestamp(e: KubeObject): number | undefined {
  let latest: number | undefined;
  const later = (t: unknown) => {
    const ms = parsed(t);
    if (ms !== undefined) latest = latest === undefined ? ms : Math.max(latest, ms);
  };
  later(e.series?.lastObservedTime);
  later(e.lastTimestamp);
  later(e.eventTime);
  later(e.firstTimestamp);
  later(e.metadata.creationTimestamp);
  return latest;
}

const expiryOf = (e: KubeObject, remember = true) => {
  const last = lastWrittenMs(e, remember);
  return last === undefined ? undefined : last + EVENT_TTL_MS;
};

/**
 * The earliest expiry of the stored events, per store, kept current from the store's changes
 * (observe), so that a pass in which nothing expires needs no walk of thousands of events. Only
 * when the event that held it changes or goes is it looked for again (a walk of the events; their
 * expiries are remembered per object).
 */
interface Earliest {
  at: number | undefined;
  stale: boolean;
}

const earliestOf = new WeakMap<ObjectStore, Earliest>();

function earliestExpiry(store: ObjectStore): number | undefined {
  let x = earliestOf.get(store);
  if (!x) {
    const kept: Earliest = { at: undefined, stale: true };
    store.observe((c) => {
      if (c.resource !== EVENTS_RESOURCE || kept.stale) return;
      if (c.prev && expiryOf(c.prev) === kept.at) kept.stale = true;
      else if (c.type !== "DELETED") kept.at = earliest(kept.at, expiryOf(c.object, false));
    });
    earliestOf.set(store, (x = kept));
  }
  if (x.stale) {
    x.at = undefined;
    for (const e of store.list(EVENTS_RESOURCE)) x.at = earliest(x.at, expiryOf(e));
    x.stale = false;
  }
  return x.at;
}

export const eventTtl: Controller = {
  name: "event-ttl",
  reconcile(ctx): ReconcileResult {
    // Nothing due: the answer of the walk below without it (no deletes; the earliest expiry).
    const due = earliestExpiry(ctx.state.store);
    if (due === undefined || ctx.nowMs < due) return { changed: false, wakeAtMs: due };
    const client = new ControllerClient(ctx, "kube-apiserver");
    let changed = false;
    let wakeAtMs: number | undefined;
    for (const e of client.list("v1", "Event")) {
      const last = lastWrittenMs(e);
      if (last === undefined) continue;
      const expires = last + EVENT_TTL_MS;
      if (ctx.nowMs >= expires) {
        changed = client.delete(e) || changed;
      } else wakeAtMs = earliest(wakeAtMs, expires);
    }
    return { changed, wakeAtMs };
  },
};
