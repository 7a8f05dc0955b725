// Event expiry: the API server stores events with a one-hour TTL (--event-ttl) that restarts with
// every write, so an event disappears an hour after it was last recorded or bumped.
import type { Controller, ReconcileResult } from "./types";
import { earliest } from "./types";
import type { KubeObject } from "../kinds/types";
import { EVENT_TTL_MS } from "./events";
import { parseRfc3339 } from "../machinery/time";
import { ControllerClient } from "./client";

const written = new WeakMap<KubeObject, number | undefined>();

/** When an event was last written: the latest of its timestamps. */
export function lastWrittenMs(e: KubeObject): number | undefined {
  if (written.has(e)) return written.get(e);
  const ms = latestTimestamp(e);
  written.set(e, ms);
  return ms;
}

function latestTimestamp(e: KubeObject): number | undefined {
  const times = [e.series?.lastObservedTime, e.lastTimestamp, e.eventTime, e.firstTimestamp, e.metadata.creationTimestamp]
    .map((t) => (typeof t === "string" ? parseRfc3339(t) : undefined))
    .filter((t): t is number => t !== undefined);
  return times.length ? Math.max(...times) : undefined;
}

export const eventTtl: Controller = {
  name: "event-ttl",
  reconcile(ctx): ReconcileResult {
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
