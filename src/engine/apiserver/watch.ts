// Watch (k8s.io/apiserver endpoints/handlers/watch.go): ADDED for the current state when asked
// from resourceVersion 0/"", then live changes filtered by namespace and selectors; an object
// leaving a selector is sent as DELETED and one entering as ADDED, like the watch cache does.
import type { KindDef, KubeObject } from "../kinds/types";
import { storageOf, toRequestedVersion, type ClusterState } from "./context";
import type { WatchEvent, WatchStream } from "./request";
import type { Change } from "../store/store";
import { objectMatches, type ListQuery } from "./reads";
import { expired } from "../machinery/status";
import { LIMITS } from "../limits";

export interface WatchOptions {
  namespace?: string;
  query: ListQuery;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
  /** Turns each object into what the client asked for (a one-row Table, or the object). */
  render: (obj: KubeObject, first: boolean) => unknown;
}

export function watchObjects(state: ClusterState, def: KindDef, opts: WatchOptions): WatchStream {
  const resource = storageOf(def);
  const inScope = (o: KubeObject) => !def.namespaced || opts.namespace === undefined || o.metadata.namespace === opts.namespace;
  const selected = (o: KubeObject | undefined) => !!o && inScope(o) && objectMatches(def, toRequestedVersion(def, o), opts.query);
  let first = true;
  const event = (type: WatchEvent["type"], o: KubeObject): WatchEvent => {
    const e = { type, object: opts.render(toRequestedVersion(def, o), first) };
    first = false;
    return e;
  };
  const initial: WatchEvent[] = [];
  const rv = opts.resourceVersion;
  if (!rv || rv === "0") {
    for (const o of state.store.list(resource, def.namespaced ? opts.namespace : undefined)) if (selected(o)) initial.push(event("ADDED", o));
  } else {
    const since = Number(rv);
    const changes = Number.isFinite(since) ? state.store.changesSince(since) : undefined;
    if (!changes) {
      const oldest = state.store.resourceVersion;
      const err = expired(`too old resource version: ${rv} (${oldest})`).toStatus();
      return { initial: [{ type: "ERROR", object: err }], subscribe: (_s, end) => (end(), () => {}), timeoutMs: 0 };
    }
    for (const c of changes) if (c.resource === resource) {
      const e = translate(c);
      if (e) initial.push(e);
    }
  }

  function translate(c: Change): WatchEvent | undefined {
    const now = c.type !== "DELETED" && selected(c.object);
    const before = c.type === "ADDED" ? false : selected(c.prev ?? c.object);
    if (c.type === "DELETED") return before ? event("DELETED", c.object) : undefined;
    if (now && before) return event("MODIFIED", c.object);
    if (now) return event("ADDED", c.object);
    if (before) return event("DELETED", c.object);
    return undefined;
  }

  const timeoutMs = Math.min(opts.timeoutSeconds ?? LIMITS.maxWatchSeconds, LIMITS.maxWatchSeconds) * 1000;
  return {
    initial,
    timeoutMs,
    subscribe(send, end) {
      if (state.store.watcherCount >= LIMITS.maxWatches) {
        end();
        return () => {};
      }
      return state.store.subscribe((c) => {
        if (c.resource !== resource) return;
        const e = translate(c);
        if (e) send(e);
      }, end);
    },
    bookmarkEveryMs: opts.allowBookmarks ? LIMITS.watchBookmarkIntervalMs : undefined,
    bookmark: () => ({
      type: "BOOKMARK",
      object: { kind: def.kind, apiVersion: def.group ? `${def.group}/${def.version}` : def.version, metadata: { resourceVersion: String(state.store.resourceVersion) } },
    }),
  };
}
