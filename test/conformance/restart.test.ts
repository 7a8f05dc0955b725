// Restarting the dev server on the same state directory loses no object.
import { afterAll, describe, expect, test } from "vitest";
import { startDevServer, httpsJson, type DevServer } from "../support/dev-server";

describe("restarting the dev server", () => {
  let server: DevServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  test("keeps every object and the resourceVersion counter of a sandbox", async () => {
    server = await startDevServer();
    const created = await httpsJson(`${server.origin}/api/sessions`, { method: "POST", body: {} });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    const api = (path: string, opts: { method?: string; body?: unknown } = {}) => httpsJson(`${server!.origin}/clusters/${id}${path}`, { ...opts, token });

    expect((await api("/api/v1/namespaces", { method: "POST", body: { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } } })).status).toBe(201);
    const deploy = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web" } },
      spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
    };
    expect((await api("/apis/apps/v1/namespaces/shop/deployments", { method: "POST", body: deploy })).status).toBe(201);
    expect((await api("/api/v1/namespaces/shop/configmaps", { method: "POST", body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "settings" }, data: { mode: "dark" } } })).status).toBe(201);
    const before = await api("/apis/apps/v1/namespaces/shop/deployments/web");
    const everythingBefore = (await api("/api/v1/namespaces/shop/configmaps")).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);

    const stateDir = server.stateDir;
    await server.stop();
    server = await startDevServer({ stateDir });

    const after = await httpsJson(`${server.origin}/clusters/${id}/apis/apps/v1/namespaces/shop/deployments/web`, { token });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
    const everythingAfter = (await httpsJson(`${server.origin}/clusters/${id}/api/v1/namespaces/shop/configmaps`, { token })).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(everythingAfter).toEqual(everythingBefore);
    const next = await httpsJson(`${server.origin}/clusters/${id}/api/v1/namespaces/shop/configmaps`, { method: "POST", token, body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "later" } } });
    expect(Number(next.body.metadata.resourceVersion)).toBeGreaterThan(Number(before.body.metadata.resourceVersion));
  }, 120_000);
});
