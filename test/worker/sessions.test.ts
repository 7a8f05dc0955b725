import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { parse } from "yaml";
import { call, kube, newSession } from "./helpers";
import type { Sandbox } from "../../src/worker/sandbox";

async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const stubOf = (id: string) => env.SANDBOX.get(env.SANDBOX.idFromName(id));

describe("POST /api/sessions", () => {
  test("creates a sandbox with a 128-bit id, a token and a kubeconfig for its server", async () => {
    const s = await newSession();
    expect(s.id).toMatch(/^[0-9a-f]{32}$/);
    expect(s.server).toBe(`http://127.0.0.1:8787/clusters/${s.id}`);
    const kc = parse(s.kubeconfig);
    expect(kc.clusters[0].cluster).toEqual({ server: s.server, "insecure-skip-tls-verify": true });
    expect(kc.users[0].user.token).toBe(s.token);
    expect(kc["current-context"]).toBe(kc.contexts[0].name);
    expect(Date.parse(s.expiresAt) - Date.now()).toBeGreaterThan(3.9 * 3600_000);
  });

  test("starts one control-plane node plus the requested workers", async () => {
    const s = await newSession({ nodes: 3 });
    const nodes = await (await kube(s, "/api/v1/nodes")).json<any>();
    expect(nodes.items.map((n: any) => n.metadata.name)).toEqual(["controlplane", "node01", "node02", "node03"]);
  });

  test.each([[{ nodes: 0 }], [{ nodes: 11 }], [{ nodes: "2" }], ["not json"], [[1]]])("rejects %j with a 400 Status", async (body) => {
    const r = await call("/api/sessions", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ kind: "Status", status: "Failure", reason: "BadRequest", code: 400 });
  });
});

describe("authentication", () => {
  test("the Kubernetes API and the session API need the sandbox's own bearer token", async () => {
    const a = await newSession();
    const b = await newSession();
    for (const path of [`/clusters/${a.id}/api/v1/namespaces`, `/api/sessions/${a.id}`]) {
      const none = await call(path);
      expect(none.status).toBe(401);
      expect(await none.json()).toEqual({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 });
      expect((await call(path, { token: b.token })).status).toBe(401);
      expect((await call(path, { token: "kp.garbage" })).status).toBe(401);
      expect((await call(path, { token: a.token })).status).toBe(200);
    }
  });
});

describe("GET and DELETE /api/sessions/:id", () => {
  test("reports expiry and object counts, and deletes every row", async () => {
    const s = await newSession();
    const info = await (await call(`/api/sessions/${s.id}`, { token: s.token })).json<any>();
    expect(info.objectCounts.nodes).toBe(3);
    expect(info.objectCounts.namespaces).toBe(4);
    expect(info.expiresAt).toBe(s.expiresAt);
    const del = await call(`/api/sessions/${s.id}`, { method: "DELETE", token: s.token });
    expect(del.status).toBe(200);
    expect((await call(`/api/sessions/${s.id}`, { token: s.token })).status).toBe(404);
    const tables = await runInDurableObject(stubOf(s.id), (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('objects', 'meta')").one().n);
    expect(tables).toBe(0);
  });

  test("reading a deleted sandbox after its object was evicted creates nothing: no tables, no rows", async () => {
    const s = await newSession();
    expect((await call(`/api/sessions/${s.id}`, { method: "DELETE", token: s.token })).status).toBe(200);
    const stub = stubOf(s.id);
    await evictDurableObject(stub);
    // What an instructor's look at an expired sandbox does, and a stale link.
    expect(await stub.commandLog()).toBeNull();
    expect((await call(`/api/sessions/${s.id}`, { token: s.token })).status).toBe(404);
    const tables = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").one().n);
    expect(tables).toBe(0);
  });
});

describe("persistence", () => {
  test("an acknowledged write survives eviction of the Durable Object", async () => {
    const s = await newSession();
    const created = await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kept" }, data: { k: "v" } }) });
    expect(created.status).toBe(201);
    const rv = (await created.json<any>()).metadata.resourceVersion;
    await evictDurableObject(stubOf(s.id));
    const got = await (await kube(s, "/api/v1/namespaces/default/configmaps/kept")).json<any>();
    expect(got.data).toEqual({ k: "v" });
    expect(got.metadata.resourceVersion).toBe(rv);
    // The resourceVersion counter carries on from where it was.
    const next = await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "after" } }) });
    expect(Number((await next.json<any>()).metadata.resourceVersion)).toBeGreaterThan(Number(rv));
  });

  test("a rejected write leaves storage as it was", async () => {
    const s = await newSession();
    const before = await runInDurableObject(stubOf(s.id), (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM objects").one().n);
    const bad = await kube(s, "/api/v1/namespaces/default/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Bad_Name" } }) });
    expect(bad.status).toBe(422);
    const after = await runInDurableObject(stubOf(s.id), (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM objects").one().n);
    expect(after).toBe(before);
  });

  test("a request's writes commit together: a namespace and everything it held go in one alarm", async () => {
    const s = await newSession();
    await kube(s, "/api/v1/namespaces", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } }) });
    for (const name of ["a", "b", "c"]) {
      await kube(s, "/api/v1/namespaces/team/configmaps", { method: "POST", body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name } }) });
    }
    const del = await kube(s, "/api/v1/namespaces/team", { method: "DELETE" });
    expect((await del.json<any>()).status.phase).toBe("Terminating");
    // The write armed the alarm for "now"; run it if it has not fired on its own yet.
    await runDurableObjectAlarm(stubOf(s.id));
    await eventually(async () => expect((await kube(s, "/api/v1/namespaces/team")).status).toBe(404));
    const left = await runInDurableObject(stubOf(s.id), (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM objects WHERE namespace = 'team'").one().n);
    expect(left).toBe(0);
  });
});

describe("expiry", () => {
  test("the alarm deletes all storage once the sandbox has been idle past its time to live", async () => {
    const s = await newSession();
    const stub = stubOf(s.id);
    // Pretend the last use was 5 hours ago, then let the alarm fire.
    const fiveHoursAgo = String(Date.now() - 5 * 3600_000);
    await runInDurableObject(stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'lastUsedMs'", fiveHoursAgo);
    });
    await evictDurableObject(stub);
    await runInDurableObject(stub, async (instance: Sandbox) => {
      await instance.alarm();
    });
    const tables = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'objects'").one().n);
    expect(tables).toBe(0);
    expect((await call(`/api/sessions/${s.id}`, { token: s.token })).status).toBe(404);
  });
});
