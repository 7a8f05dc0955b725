// metrics.k8s.io/v1beta1 NodeMetrics, as metrics-server serves it: read-only, computed on every
// get/list. A node's usage is the sum of its Running pods' usage (see podmetrics.ts) plus a stable
// base for the system daemons (kubelet, container runtime, OS). Nodes that are not Ready have no
// metrics (metrics-server cannot scrape them), so `kubectl top node` shows them as <unknown>.
import type { KindDef, KubeObject } from "../types";
import { kindSchema, quantityMap, str, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { rfc3339 } from "../../machinery/time";
import { cpuQuantity, memoryQuantity, metricsColumns, METRICS_GROUP, METRICS_WINDOW, metricsTimestamp, clientLoadNow, podUsage, stableFraction } from "./podmetrics";

export interface NodeMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  usage?: Record<string, string>;
}

/** The system usage of a node with nothing scheduled on it: 60–140m CPU, 600–900Mi memory. */
export function nodeBaseUsage(nodeName: string): { cpuNanos: number; memoryBytes: number } {
  const cpuMilli = 60 + 80 * stableFraction(`node-cpu:${nodeName}`);
  const memMi = 600 + 300 * stableFraction(`node-mem:${nodeName}`);
  return { cpuNanos: Math.round(cpuMilli * 1e6), memoryBytes: Math.floor((memMi * 1024 * 1024) / 1024) * 1024 };
}

function nodeReady(node: KubeObject): boolean {
  const conditions = (node.status?.conditions ?? []) as Array<{ type?: string; status?: string }>;
  const ready = conditions.find((c) => c.type === "Ready");
  return !ready || ready.status === "True";
}

export function nodeUsage(node: KubeObject, pods: readonly KubeObject[], load?: ReadonlyMap<string, number>): { cpuNanos: number; memoryBytes: number } {
  const name = node.metadata.name ?? "";
  const total = nodeBaseUsage(name);
  for (const pod of pods) {
    if (pod.spec?.nodeName !== name) continue;
    for (const c of podUsage(pod, { clientLoad: load })) {
      total.cpuNanos += c.cpuNanos;
      total.memoryBytes += c.memoryBytes;
    }
  }
  return total;
}

export const nodeMetrics: KindDef<NodeMetrics> = {
  group: METRICS_GROUP,
  version: "v1beta1",
  kind: "NodeMetrics",
  plural: "nodes",
  singular: "node",
  namespaced: false,
  verbs: ["get", "list"],
  schema: kindSchema(
    "io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics",
    "NodeMetrics sets resource usage metrics of a node.",
    {
      timestamp: time("The following fields define time interval from which metrics were collected from the interval [Timestamp-Window, Timestamp]."),
      usage: quantityMap("The memory usage is the memory working set."),
      window: str(),
    },
    ObjectMeta,
  ),
  virtual: {
    list(_namespace, ctx) {
      const pods = ctx.list("pods");
      const load = clientLoadNow(ctx, ctx.nowMs);
      const out: NodeMetrics[] = [];
      for (const node of ctx.list("nodes")) {
        if (!nodeReady(node)) continue;
        const u = nodeUsage(node, pods, load);
        const metadata: KubeObject["metadata"] = { name: node.metadata.name, creationTimestamp: rfc3339(ctx.nowMs) };
        if (node.metadata.labels && Object.keys(node.metadata.labels).length) metadata.labels = { ...node.metadata.labels };
        out.push({
          kind: "NodeMetrics",
          apiVersion: `${METRICS_GROUP}/v1beta1`,
          metadata,
          timestamp: metricsTimestamp(ctx.nowMs),
          window: METRICS_WINDOW,
          usage: { cpu: cpuQuantity(u.cpuNanos), memory: memoryQuantity(u.memoryBytes) },
        });
      }
      return out;
    },
    // metrics-server: the node lister's NotFound (resource "node") for a missing node, its own
    // (nodemetrics) for a node it has no metrics for.
    notFound(_namespace, name, ctx) {
      if (!ctx.get("nodes", "", name)) return { group: "", resource: "node", name };
      return { group: METRICS_GROUP, resource: "nodemetrics", name };
    },
  },
  columns: metricsColumns(),
  printRow: (m) => [m.metadata.name!, m.usage?.cpu ?? "", m.usage?.memory ?? "", m.window ?? ""],
};
