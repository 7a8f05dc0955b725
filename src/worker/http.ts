// Turning the engine's ApiResponse into a Fetch Response, including never-buffered watch streams.
import type { ApiResponse, WatchEvent, WatchStream } from "../engine/apiserver/request";

export function toResponse(r: ApiResponse): Response {
  const headers = new Headers(r.headers);
  if ("watch" in r) return streamWatch(r.watch, headers, r.contentType);
  if (r.body instanceof Uint8Array) {
    headers.set("content-type", r.contentType ?? "application/octet-stream");
    return new Response(r.body, { status: r.status, headers });
  }
  if (typeof r.body === "string") {
    headers.set("content-type", r.contentType ?? "text/plain; charset=utf-8");
    return new Response(r.body, { status: r.status, headers });
  }
  headers.set("content-type", r.contentType ?? "application/json");
  return new Response(JSON.stringify(r.body), { status: r.status, headers });
}

/**
 * Newline-delimited watch events over a stream. Content-Encoding: identity stops the runtime from
 * gzipping (which would hold every event until the stream ends).
 */
function streamWatch(w: WatchStream, headers: Headers, contentType: string): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const enc = new TextEncoder();
  let closed = false;
  let unsubscribe = () => {};
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    writer.close().catch(() => {});
  };
  const send = (e: WatchEvent) => {
    if (closed) return;
    writer.write(enc.encode(JSON.stringify(e) + "\n")).catch(close);
  };
  for (const e of w.initial) send(e);
  unsubscribe = w.subscribe(send, close);
  if (w.timeoutMs <= 0) close();
  else {
    timers.push(setTimeout(close, w.timeoutMs));
    if (w.bookmarkEveryMs && w.bookmark) {
      const tick = () => {
        if (closed) return;
        send(w.bookmark!());
        timers.push(setTimeout(tick, w.bookmarkEveryMs));
      };
      timers.push(setTimeout(tick, w.bookmarkEveryMs));
    }
  }
  headers.set("content-type", contentType);
  headers.set("content-encoding", "identity");
  headers.set("cache-control", "no-cache, private");
  headers.set("transfer-encoding", "chunked");
  return new Response(readable, { status: 200, headers, encodeBody: "manual" } as ResponseInit);
}

export function statusResponse(code: number, reason: string, message: string): Response {
  return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code }), {
    status: code,
    headers: { "content-type": "application/json" },
  });
}
