import { expect, test } from "vitest";
import { call, kube, newSession } from "./helpers";

test("advancing the clock runs the timed work that falls due: a gracefully deleted pod is gone", async () => {
  const s = await newSession();
  const pods = await (await kube(s, "/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-proxy")).json<any>();
  const name = pods.items[0].metadata.name;
  const deleted = await kube(s, `/api/v1/namespaces/kube-system/pods/${name}`, { method: "DELETE", body: JSON.stringify({ gracePeriodSeconds: 30 }) });
  expect((await deleted.json<any>()).metadata.deletionTimestamp).toBeDefined();
  const r = await call(`/api/sessions/${s.id}/clock`, { method: "POST", token: s.token, body: JSON.stringify({ advanceSeconds: 60 }) });
  expect(r.status).toBe(200);
  const body = await r.json<any>();
  expect(body.clockOffsetSeconds).toBe(60);
  expect(Date.parse(body.now) - Date.now()).toBeGreaterThan(55_000);
  expect((await kube(s, `/api/v1/namespaces/kube-system/pods/${name}`)).status).toBe(404);
});

test.each([[{}], [{ advanceSeconds: -5 }], [{ advanceSeconds: "60" }], [{ advanceSeconds: 1e12 }]])("rejects a clock body of %j with 400", async (body) => {
  const s = await newSession();
  const r = await call(`/api/sessions/${s.id}/clock`, { method: "POST", token: s.token, body: JSON.stringify(body) });
  expect(r.status).toBe(400);
  expect((await r.json<any>()).kind).toBe("Status");
});

test("the clock endpoint needs the sandbox's token", async () => {
  const s = await newSession();
  expect((await call(`/api/sessions/${s.id}/clock`, { method: "POST", body: JSON.stringify({ advanceSeconds: 1 }) })).status).toBe(401);
});
