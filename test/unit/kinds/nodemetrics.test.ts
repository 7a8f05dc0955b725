import { describe, expect, test } from "vitest";
import { nodeMetrics, nodeBaseUsage } from "../../../src/engine/kinds/metrics/nodemetrics";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { Rng } from "../../../src/engine/machinery/rng";
import { parseQuantity } from "../../../src/engine/machinery/quantity";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const node = (name: string, ready = "True"): KubeObject => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name, labels: { "kubernetes.io/hostname": name } },
  status: { conditions: [{ type: "Ready", status: ready }] },
});
const pod = (name: string, nodeName: string, annotations: Record<string, string>): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default", annotations },
  spec: { nodeName, containers: [{ name: "c" }] },
  status: { phase: "Running" },
});
const objs = { nodes: [node("node-1"), node("node-2", "Unknown")], pods: [pod("a", "node-1", { "kubeplay.dev/cpu-usage": "250m", "kubeplay.dev/memory-usage": "100Mi" })] };
const ctx: AdmissionContext = { nowMs: NOW, rng: new Rng("n"), list: (r) => (objs as Record<string, KubeObject[]>)[r] ?? [], get: () => undefined };

describe("NodeMetrics", () => {
  test("is cluster-scoped metrics.k8s.io/v1beta1 nodes", () => {
    expect([nodeMetrics.plural, nodeMetrics.namespaced, nodeMetrics.verbs]).toEqual(["nodes", false, ["get", "list"]]);
  });

  test("sums the node's pods over a stable system base and skips nodes that are not Ready", () => {
    const list = nodeMetrics.virtual!.list!(undefined, ctx);
    expect(list.map((m) => m.metadata.name)).toEqual(["node-1"]);
    const base = nodeBaseUsage("node-1");
    const m = list[0];
    expect(parseQuantity(m.usage.cpu).toNumber()).toBeCloseTo(base.cpuNanos / 1e9 + 0.25, 9);
    expect(parseQuantity(m.usage.memory).toNumber()).toBe(base.memoryBytes + 100 * 1024 * 1024);
    expect(m.metadata.labels).toEqual({ "kubernetes.io/hostname": "node-1" });
    expect([m.timestamp, m.window]).toEqual(["2024-05-01T12:00:00Z", "15s"]);
    expect(nodeMetrics.printRow(m as never, { nowMs: NOW })).toEqual(["node-1", m.usage.cpu, m.usage.memory, "15s"]);
  });

  test("keeps the base usage of a node between 60m-140m CPU and 600-900Mi memory", () => {
    for (const n of ["a", "b", "kind-control-plane"]) {
      const u = nodeBaseUsage(n);
      expect(u.cpuNanos).toBeGreaterThanOrEqual(60e6);
      expect(u.cpuNanos).toBeLessThan(140e6);
      expect(u.memoryBytes).toBeGreaterThanOrEqual(600 * 1024 * 1024);
    }
  });
});
