// The Cloudflare shell under bad input: every refusal is a Kubernetes Status with a 4xx, huge
// bodies are refused before they are read, and a refused request leaves the sandbox as it was.
import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { call, kube, newSession, type Session } from "./helpers";
import { LIMITS } from "../../src/engine/limits";
import type { Sandbox } from "../../src/worker/sandbox";

async function expectStatus(r: Response, code: number, reason: string, message?: string | RegExp): Promise<any> {
  expect(r.status).toBe(code);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  const body = await r.json<any>();
  expect(body).toMatchObject({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason, code });
  expect(typeof body.message).toBe("string");
  if (typeof message === "string") expect(body.message).toBe(message);
  else if (message) expect(body.message).toMatch(message);
  return body;
}

/** A body stream that counts what was pulled from it and would go on for `totalBytes`. */
function countingStream(totalBytes: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunk, totalBytes - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { stream, pulled: () => sent };
}

/** Everything the sandbox stores, as the Durable Object's SQLite has it. */
async function storedRows(s: Session): Promise<string> {
  return runInDurableObject(env.SANDBOX.get(env.SANDBOX.idFromName(s.id)) as DurableObjectStub<Sandbox>, (_i, state) => {
    const objects = state.storage.sql.exec("SELECT key, body FROM objects ORDER BY key").toArray();
    const meta = state.storage.sql.exec("SELECT key, value FROM meta WHERE key != 'lastUsedMs' ORDER BY key").toArray();
    return JSON.stringify({ objects, meta });
  });
}

describe("POST /api/sessions with bad input", () => {
  test.each([
    ["not JSON", "{nodes: 2", 'the body must be JSON, for example {"nodes": 2}'],
    ["a JSON array", "[1]", 'the body must be a JSON object, for example {"nodes": 2}'],
    ["JSON null", "null", 'the body must be a JSON object, for example {"nodes": 2}'],
    ["a string", '"two"', 'the body must be a JSON object, for example {"nodes": 2}'],
    ["nodes as a string", '{"nodes":"2"}', /^nodes must be a whole number from 1 to 10/],
    ["nodes as a fraction", '{"nodes":1.5}', /^nodes must be a whole number from 1 to 10/],
    ["too many nodes", '{"nodes":1000000}', /^nodes must be a whole number from 1 to 10/],
  ])("%s is a 400 that says what to send", async (_name, body, message) => {
    await expectStatus(await call("/api/sessions", { method: "POST", body, headers: { "content-type": "application/json" } }), 400, "BadRequest", message);
  });

  test("a declared body over the limit is refused with 413 without reading it", async () => {
    const { stream, pulled } = countingStream(64 * 1024 * 1024);
    const r = await call("/api/sessions", { method: "POST", body: stream, headers: { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) }, duplex: "half" } as RequestInit);
    await expectStatus(r, 413, "RequestEntityTooLarge", "Request entity too large: limit is 4096");
    expect(pulled()).toBeLessThan(1024 * 1024);
  });

  test("an undeclared (chunked) body over the limit is cut off at the limit", async () => {
    const { stream, pulled } = countingStream(64 * 1024 * 1024, 1024);
    const r = await call("/api/sessions", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    await expectStatus(r, 413, "RequestEntityTooLarge", "Request entity too large: limit is 4096");
    expect(pulled()).toBeLessThan(1024 * 1024);
  });

  test.each([
    ["GET", "/api/sessions", "POST"],
    ["PUT", "/api/sessions", "POST"],
    ["DELETE", "/api/sessions", "POST"],
    ["POST", "/api/sessions/0123456789abcdef0123456789abcdef", "GET, DELETE"],
    ["PATCH", "/api/sessions/0123456789abcdef0123456789abcdef", "GET, DELETE"],
  ])("%s %s is 405 with the methods that are allowed", async (method, path, allow) => {
    const r = await call(path, { method, body: method === "GET" ? undefined : "{}" });
    await expectStatus(r, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    expect(r.headers.get("allow")).toBe(allow);
  });
});

describe("unknown routes", () => {
  test.each(["/api", "/api/", "/api/nope", "/api/sessions/x/y", "/clusters/", "/api/sessions/%zz"])("%s is a 404 Status", async (path) => {
    const r = await call(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const body = await r.json<any>();
    expect(body).toMatchObject({ kind: "Status", status: "Failure", code: r.status });
  });

  test("a cluster path of a sandbox that was never created is 401, not a crash", async () => {
    await expectStatus(await call("/clusters/not-an-id/api/v1/pods", { token: "kp.whatever" }), 401, "Unauthorized", "Unauthorized");
  });
});

describe("the Kubernetes API of a sandbox under bad input", () => {
  test("a declared body over the limit is 413 before the Durable Object reads it, and nothing changes", async () => {
    const s = await newSession({ nodes: 1 });
    const before = await storedRows(s);
    const { stream, pulled } = countingStream(64 * 1024 * 1024);
    const r = await kube(s, "/api/v1/namespaces/default/configmaps", {
      method: "POST",
      body: stream,
      headers: { "content-length": String(64 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    await expectStatus(r, 413, "RequestEntityTooLarge", `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`);
    expect(pulled()).toBeLessThan(LIMITS.maxRequestBodyBytes);
    expect(await storedRows(s)).toBe(before);
  });

  test("an undeclared body over the limit is cut off at the limit", async () => {
    const s = await newSession({ nodes: 1 });
    const { stream, pulled } = countingStream(64 * 1024 * 1024, 16 * 1024);
    const r = await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expectStatus(r, 413, "RequestEntityTooLarge", `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`);
    expect(pulled()).toBeLessThan(LIMITS.maxRequestBodyBytes + 256 * 1024);
  });

  test("garbage of every sort is a 4xx Status and leaves the stored sandbox exactly as it was", async () => {
    const s = await newSession({ nodes: 1 });
    const before = await storedRows(s);
    const cases: Array<[string, string, RequestInit]> = [
      ["POST", "/api/v1/namespaces/default/configmaps", { body: "{not json" }],
      ["POST", "/api/v1/namespaces/default/configmaps", { body: "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n", headers: { "content-type": "application/yaml" } }],
      ["POST", "/api/v1/namespaces/default/configmaps", { body: "k8s\u0000\u00ff\u00ff", headers: { "content-type": "application/vnd.kubernetes.protobuf" } }],
      ["POST", "/api/v1/namespaces/default/configmaps", { body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Bad_Name" } }) }],
      ["POST", "/api/v1/namespaces/default/configmaps?dryRun=foo", { body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ok" } }) }],
      ["POST", "/api/v1/namespaces/default/configmaps", { body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "ok" } }), headers: { "content-type": "text/csv" } }],
      ["PATCH", "/api/v1/namespaces/default/configmaps/kube-root-ca.crt", { body: '[{"op":"replace","path":"/nope/x","value":1}]', headers: { "content-type": "application/json-patch+json" } }],
      ["PATCH", "/apis/apps/v1/namespaces/kube-system/deployments/coredns", { body: '{"spec":{"replicas":-1}}', headers: { "content-type": "application/merge-patch+json" } }],
      ["PUT", "/apis/apps/v1/namespaces/kube-system/deployments/coredns/scale", { body: '{"spec":{"replicas":"many"}}' }],
      ["GET", "/api/v1/pods?limit=abc", {}],
      ["GET", "/api/v1/pods?resourceVersion=abc", {}],
      ["GET", "/api/v1/pods?watch=true&timeoutSeconds=99999999999999999999", {}],
      ["GET", "/api/v1/pods?fieldSelector=garbage", {}],
      ["GET", "/api/v1/pods?labelSelector=a%20b", {}],
      ["GET", "/api/v1/namespaces//pods", {}],
      ["GET", "/api/v1/namespaces/default/configmaps/%zz", {}],
      ["GET", "/apis/nope.example.com/v1/things", {}],
      ["DELETE", "/api/v1/namespaces/default", {}],
      ["DELETE", "/api/v1/namespaces/default/configmaps/kube-root-ca.crt?propagationPolicy=Sideways", {}],
      ["OPTIONS", "/api/v1/namespaces/default/pods", {}],
      ["GET", "/api/v1/namespaces/default/configmaps/kube-root-ca.crt", { headers: { accept: "text/html" } }],
    ];
    for (const [method, path, init] of cases) {
      const r = await kube(s, path, { method, ...init });
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
      const body = await r.json<any>();
      expect(body, `${method} ${path}`).toMatchObject({ kind: "Status", apiVersion: "v1", status: "Failure", code: r.status });
      expect(body.message.length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(await storedRows(s)).toBe(before);
  });

  test("after all that, the sandbox still serves", async () => {
    const s = await newSession({ nodes: 1 });
    await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: "{" });
    const r = await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "fine" } }) });
    expect(r.status).toBe(201);
  });
});
