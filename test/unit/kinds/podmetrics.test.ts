import { describe, expect, test } from "vitest";
import { podMetrics, podUsage, cpuQuantity, memoryQuantity } from "../../../src/engine/kinds/metrics/podmetrics";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";

const NOW = Date.parse("2024-05-01T12:00:07Z");

function pod(name: string, phase: string, containers: KubeObject[], annotations?: Record<string, string>, ns = "default"): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, labels: { app: name }, ...(annotations ? { annotations } : {}) },
    spec: { nodeName: "node-1", containers },
    status: { phase },
  };
}
const c = (name: string, requests?: Record<string, string>) => ({ name, image: "nginx", ...(requests ? { resources: { requests } } : {}) }) as unknown as KubeObject;

const pods = [
  pod("web", "Running", [c("nginx", { cpu: "100m", memory: "128Mi" }), c("sidecar")]),
  pod("pending", "Pending", [c("x", { cpu: "1" })]),
  pod("hot", "Running", [c("a"), c("b")], { "kubeplay.dev/cpu-usage": "500m", "kubeplay.dev/memory-usage": "256Mi" }),
  pod("other", "Running", [c("x")], undefined, "kube-system"),
];
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("m"), list: (r, ns) => (r === "pods" ? pods.filter((p) => !ns || p.metadata.namespace === ns) : []), get: () => undefined };

describe("PodMetrics", () => {
  test("is metrics.k8s.io/v1beta1 pods, get and list only", () => {
    expect([podMetrics.group, podMetrics.version, podMetrics.plural, podMetrics.singular, podMetrics.verbs]).toEqual(["metrics.k8s.io", "v1beta1", "pods", "pod", ["get", "list"]]);
  });

  test("reports only Running pods of the namespace", () => {
    expect(podMetrics.virtual!.list!("default", ctx).map((m) => m.metadata.name)).toEqual(["web", "hot"]);
    expect(podMetrics.virtual!.list!(undefined, ctx).map((m) => m.metadata.name)).toEqual(["web", "hot", "other"]);
  });

  test("an idle server uses a few millicores whatever it requested (an HPA on it stays put), and memory within a fraction of its request", () => {
    const [nginx, sidecar] = podUsage(pods[0]);
    expect(nginx.cpuNanos).toBeGreaterThanOrEqual(1e6);
    expect(nginx.cpuNanos).toBeLessThanOrEqual(4e6);
    expect(nginx.memoryBytes).toBeGreaterThan(0.35 * 128 * 1024 * 1024 - 1024);
    expect(nginx.memoryBytes).toBeLessThanOrEqual(0.75 * 128 * 1024 * 1024);
    expect(sidecar.cpuNanos).toBeGreaterThanOrEqual(1e6);
    expect(podUsage(pods[0])).toEqual(podUsage(pods[0]));
  });

  test("splits annotated pod usage over the containers", () => {
    expect(podUsage(pods[2])).toEqual([
      { name: "a", cpuNanos: 250e6, memoryBytes: 128 * 1024 * 1024 },
      { name: "b", cpuNanos: 250e6, memoryBytes: 128 * 1024 * 1024 },
    ]);
  });

  test("serves metrics-server's object shape and quantities", () => {
    const hot = podMetrics.virtual!.list!("default", ctx).find((m) => m.metadata.name === "hot")!;
    expect(hot).toEqual({
      kind: "PodMetrics",
      apiVersion: "metrics.k8s.io/v1beta1",
      metadata: { name: "hot", namespace: "default", creationTimestamp: "2024-05-01T12:00:07Z", labels: { app: "hot" } },
      timestamp: "2024-05-01T12:00:00Z",
      window: "15s",
      containers: [
        { name: "a", usage: { cpu: "250000000n", memory: "128Mi" } },
        { name: "b", usage: { cpu: "250000000n", memory: "128Mi" } },
      ],
    });
    expect(podMetrics.columns.map((col) => col.name)).toEqual(["Name", "cpu", "memory", "Window"]);
    expect(podMetrics.printRow(hot as never, { nowMs: NOW })).toEqual(["hot", "500000000n", "256Mi", "15s"]);
  });

  test.each([
    [0, "0"],
    [1234567, "1234567n"],
  ])("formats %d nanocores as %s", (n, s) => {
    expect(cpuQuantity(n)).toBe(s);
  });

  test.each([
    [1024 * 1024 * 3, "3Mi"],
    [1639676 * 1024, "1639676Ki"],
  ])("formats %d bytes as %s", (n, s) => {
    expect(memoryQuantity(n)).toBe(s);
  });
});
