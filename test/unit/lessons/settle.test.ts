// clusterInFlight: whether a Check should wait a moment for the cluster to catch up.
import { describe, expect, test } from "vitest";
import { testCluster } from "../../support/cluster";
import { clusterInFlight } from "../../../src/engine/lessons/settle";

const deployment = (image: string, replicas = 2) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web" },
  spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image }] } } },
});

/** Lets simulated time pass in one-second ticks, as the alarm would run the controllers. */
const settle = (c: ReturnType<typeof testCluster>, seconds: number) => {
  for (let i = 0; i < seconds; i++) c.tick(1000);
};

describe("clusterInFlight", () => {
  test("a quiet cluster is not in flight", () => {
    const c = testCluster();
    settle(c, 30);
    expect(clusterInFlight(c.cluster)).toBe(false);
  });

  test("pods being created are in flight until they run", () => {
    const c = testCluster();
    settle(c, 30);
    expect(c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("nginx:1.27")).status).toBe(201);
    c.tick(0);
    expect(clusterInFlight(c.cluster)).toBe(true);
    settle(c, 30);
    expect(clusterInFlight(c.cluster)).toBe(false);
  });

  test("pods stuck on a bad image are not in flight: waiting would not change the answer", () => {
    const c = testCluster();
    settle(c, 30);
    c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("nginx:no-such-tag"));
    settle(c, 30);
    expect(c.get("/api/v1/namespaces/default/pods").items[0].status.containerStatuses[0].state.waiting.reason).toMatch(/ImagePullBackOff|ErrImagePull/);
    expect(clusterInFlight(c.cluster)).toBe(false);
  });

  test("terminating pods are in flight", () => {
    const c = testCluster();
    c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("nginx:1.27", 1));
    settle(c, 30);
    const pod = c.get("/api/v1/namespaces/default/pods").items[0];
    expect(c.request("DELETE", `/api/v1/namespaces/default/pods/${pod.metadata.name}`).status).toBe(200);
    expect(clusterInFlight(c.cluster)).toBe(true);
  });

  test("a workload whose controller has not seen its new spec is in flight", () => {
    const c = testCluster();
    c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("nginx:1.27", 1));
    settle(c, 30);
    expect(c.request("PATCH", "/apis/apps/v1/namespaces/default/deployments/web", { spec: { replicas: 3 } }, { "content-type": "application/merge-patch+json" }).status).toBe(200);
    expect(clusterInFlight(c.cluster)).toBe(true);
  });
});
