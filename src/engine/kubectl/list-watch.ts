// The list and watch steps `kubectl get` and `kubectl events` share: the error kubectl's resource
// helper wraps a failed list in, and the `--watch` loop over a watch stream.
import type { CommandRun } from "./command";
import { ServerError } from "./client";
import type { WatchEvent } from "../apiserver/request";

/** How long the watch loop lets simulated time pass between looks at the stream. */
const WATCH_POLL_MS = 500;

/**
 * A 400 or 404 from a list, as kubectl reports it: `Unable to list "pods": ...`, or with selectors
 * `Unable to find "pods" that match label selector "...", field selector "...": ...`. Other errors
 * pass unchanged.
 */
export function listError(e: unknown, resource: string, labelSelector: string, fieldSelector: string): unknown {
  if (!(e instanceof ServerError) || (e.code !== 400 && e.code !== 404)) return e;
  const message = !labelSelector && !fieldSelector ? `Unable to list ${JSON.stringify(resource)}: ${e.status.message ?? ""}` : `Unable to find ${JSON.stringify(resource)} that match label selector ${JSON.stringify(labelSelector)}, field selector ${JSON.stringify(fieldSelector)}: ${e.status.message ?? ""}`;
  return new ServerError(e.code, { ...e.status, message });
}

/**
 * Opens a watch (`query` carries watch=true) and hands every event to `handle` in order until
 * `handle` returns true (exit code 0), the server ends the stream (0) or the user interrupts (1).
 * A Status >= 400 instead of a stream is the server's error.
 */
export async function watchLoop(run: CommandRun, path: string, query: Record<string, string | undefined>, headers: Record<string, string> | undefined, handle: (e: WatchEvent) => boolean | void): Promise<number> {
  const { env, client } = run;
  const stream = await client.raw("GET", path, { query, headers });
  if (!("watch" in stream)) {
    if (stream.status >= 400) throw new ServerError(stream.status, stream.body as never);
    return 0;
  }
  const queue: WatchEvent[] = [...stream.watch.initial];
  let ended = false;
  const unsubscribe = stream.watch.subscribe(
    (e) => queue.push(e),
    () => (ended = true),
  );
  try {
    for (;;) {
      while (queue.length) if (handle(queue.shift()!) === true) return 0;
      if (ended) return 0;
      if (env.host.signal.aborted) return 1;
      await env.host.sleep(WATCH_POLL_MS);
    }
  } finally {
    unsubscribe();
  }
}
