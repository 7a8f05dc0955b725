// Restarting the dev server on the same state directory loses no object. Controllers keep writing
// status (and so resourceVersions), so the comparison is of what they do not change: a ConfigMap
// whole, the Deployment's identity and spec, and the names of the pods it runs once rolled out.
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
    const deadline = Date.now() + 60_000;
    for (;;) {
      const d = (await api("/apis/apps/v1/namespaces/shop/deployments/web")).body;
      if (d.status?.observedGeneration === d.metadata.generation && d.status?.availableReplicas === 2) break;
      if (Date.now() > deadline) throw new Error(`deployment web did not roll out: ${JSON.stringify(d.status)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const podNames = async (get: typeof api) => (await get("/api/v1/namespaces/shop/pods?labelSelector=app%3Dweb")).body.items.map((i: { metadata: { name: string } }) => i.metadata.name).sort();
    const podsBefore = await podNames(api);
    expect(podsBefore).toHaveLength(2);
    const settingsBefore = await api("/api/v1/namespaces/shop/configmaps/settings");
    const before = await api("/apis/apps/v1/namespaces/shop/deployments/web");
    const everythingBefore = (await api("/api/v1/namespaces/shop/configmaps")).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);

    const stateDir = server.stateDir;
    await server.stop();
    server = await startDevServer({ stateDir });

    const after = await api("/apis/apps/v1/namespaces/shop/deployments/web");
    expect(after.status).toBe(200);
    expect(after.body.metadata.uid).toBe(before.body.metadata.uid);
    expect(after.body.metadata.creationTimestamp).toBe(before.body.metadata.creationTimestamp);
    expect(after.body.metadata.generation).toBe(before.body.metadata.generation);
    expect(after.body.spec).toEqual(before.body.spec);
    expect(Number(after.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(before.body.metadata.resourceVersion));
    const settingsAfter = await api("/api/v1/namespaces/shop/configmaps/settings");
    expect(settingsAfter.status).toBe(200);
    expect(settingsAfter.body).toEqual(settingsBefore.body);
    expect(await podNames(api)).toEqual(podsBefore);
    const everythingAfter = (await httpsJson(`${server.origin}/clusters/${id}/api/v1/namespaces/shop/configmaps`, { token })).body.items.map((i: { metadata: { name: string } }) => i.metadata.name);
    expect(everythingAfter).toEqual(everythingBefore);
    const next = await httpsJson(`${server.origin}/clusters/${id}/api/v1/namespaces/shop/configmaps`, { method: "POST", token, body: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "later" } } });
    expect(Number(next.body.metadata.resourceVersion)).toBeGreaterThan(Number(before.body.metadata.resourceVersion));
  }, 120_000);
});
