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

/** Reads a body up to `limit` bytes; undefined (and the rest of the stream cancelled) when it is longer. */
export async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

/**
 * Reads a small JSON object body (at most `limit` bytes; an empty body is `{}`). On bad input the
 * answer is a Status response saying what to send instead, using `example`.
 */
export async function readJsonObject(request: Request, limit: number, example: string): Promise<{ body: Record<string, unknown> } | { error: Response }> {
  const tooLarge = () => ({ error: statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${limit}`) });
  if (Number(request.headers.get("content-length") ?? "0") > limit) {
    await request.body?.cancel().catch(() => {});
    return tooLarge();
  }
  const bytes = request.body ? await readLimited(request.body, limit) : new Uint8Array();
  if (!bytes) return tooLarge();
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return { body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: statusResponse(400, "BadRequest", `the body must be JSON, for example ${example}`) };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { error: statusResponse(400, "BadRequest", `the body must be a JSON object, for example ${example}`) };
  return { body: body as Record<string, unknown> };
}
