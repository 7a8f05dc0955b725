// The pod garbage collector: pods bound to a deleted node are marked Failed with the PodGC
// DisruptionTarget condition and force-deleted, so their ReplicaSet replaces them elsewhere.
import { expect, it } from "vitest";
import { testCluster } from "../../support/cluster";

const deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: { replicas: 4, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
};

const webPods = (c: ReturnType<typeof testCluster>) => c.get("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb").items as any[];

it("pods on a deleted node are failed, deleted and replaced on the remaining nodes", () => {
  const c = testCluster({ nodes: 2 });
  expect(c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment).status).toBe(201);
  for (let i = 0; i < 60; i++) c.tick(1000);
  const before = webPods(c);
  const onNode01 = before.filter((p) => p.spec.nodeName === "node01").map((p) => p.metadata.name);
  expect(onNode01.length).toBeGreaterThan(0);
  const watched: any[] = [];
  const stop = c.cluster.store.subscribe((ch) => ch.resource === "pods" && onNode01.includes(ch.object.metadata.name) && watched.push(ch.object));

  expect(c.request("DELETE", "/api/v1/nodes/node01").status).toBe(200);
  c.tick(0);
  stop();

  const failed = watched.find((p) => p.status?.phase === "Failed");
  expect(failed.status.conditions).toContainEqual(expect.objectContaining({ type: "DisruptionTarget", status: "True", reason: "DeletionByPodGC", message: "PodGC: node no longer exists" }));
  for (let i = 0; i < 30; i++) c.tick(1000);
  const after = webPods(c);
  expect(after.map((p) => p.metadata.name)).not.toEqual(expect.arrayContaining(onNode01));
  expect(after).toHaveLength(4);
  expect(after.every((p) => p.spec.nodeName === "node02" && p.status.phase === "Running")).toBe(true);
});

it("a fresh cluster gives the pod garbage collector nothing to do", () => {
  const c = testCluster({ nodes: 2 });
  c.tick(0);
  expect(c.cluster.takeWrites()).toBeUndefined();
});

it("a pod created onto a node that does not exist stays Pending for the 40 s quarantine, then goes", () => {
  const c = testCluster({ nodes: 2 });
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "lost" }, spec: { nodeName: "node99", containers: [{ name: "nginx", image: "nginx:1.27" }] } };
  expect(c.request("POST", "/api/v1/namespaces/default/pods", pod).status).toBe(201);
  c.tick(0);
  c.tick(39_000);
  expect(c.get("/api/v1/namespaces/default/pods/lost").status.phase).toBe("Pending");
  c.tick(1_000);
  expect(c.request("GET", "/api/v1/namespaces/default/pods/lost").status).toBe(404);
});
