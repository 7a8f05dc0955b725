// The garbage collector through whole deletions of a Deployment: the three propagation policies,
// with pods that take their grace period to go (so the collector must notice them leaving).
import { expect, it } from "vitest";
import { testCluster } from "../../support/cluster";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
};

function running() {
  const c = testCluster({ nodes: 2 });
  expect(c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment).status).toBe(201);
  for (let i = 0; i < 30; i++) c.tick(1000);
  return c;
}

const count = (c: ReturnType<typeof testCluster>, path: string) => c.get(path).items.length;
const PODS = "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb";
const RS = "/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb";

it("Foreground: the Deployment stays (with its finalizer) until its ReplicaSet and pods are gone, then goes", () => {
  const c = running();
  expect(c.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/web", { propagationPolicy: "Foreground" }).status).toBe(200);
  c.tick(0);
  expect(c.get("/apis/apps/v1/namespaces/default/deployments/web").metadata.finalizers).toEqual(["foregroundDeletion"]);
  for (let i = 0; i < 40 && c.request("GET", "/apis/apps/v1/namespaces/default/deployments/web").status === 200; i++) c.tick(1000);
  expect(count(c, PODS)).toBe(0);
  expect(count(c, RS)).toBe(0);
  expect(c.request("GET", "/apis/apps/v1/namespaces/default/deployments/web").status).toBe(404);
});

it("Background: the Deployment goes at once, then its ReplicaSet and pods", () => {
  const c = running();
  expect(c.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/web", { propagationPolicy: "Background" }).status).toBe(200);
  expect(c.request("GET", "/apis/apps/v1/namespaces/default/deployments/web").status).toBe(404);
  for (let i = 0; i < 40; i++) c.tick(1000);
  expect(count(c, RS)).toBe(0);
  expect(count(c, PODS)).toBe(0);
});

it("Orphan: the ReplicaSet and pods stay, without their owner reference", () => {
  const c = running();
  expect(c.request("DELETE", "/apis/apps/v1/namespaces/default/deployments/web", { propagationPolicy: "Orphan" }).status).toBe(200);
  for (let i = 0; i < 5; i++) c.tick(1000);
  expect(c.request("GET", "/apis/apps/v1/namespaces/default/deployments/web").status).toBe(404);
  const rs = c.get(RS).items;
  expect(rs).toHaveLength(1);
  expect(rs[0].metadata.ownerReferences).toBeUndefined();
  expect(count(c, PODS)).toBe(3);
});
