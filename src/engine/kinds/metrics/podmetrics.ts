// metrics.k8s.io/v1beta1 PodMetrics, as metrics-server serves it (k8s.io/metrics types): read-only,
// computed on every get/list from the pods in the store. `kubectl top pod` reads these.
//
// Usage is deterministic: a stable fraction (per pod and container) of each container's requests, a
// small base when nothing is requested, and the pod annotations `kubeplay.dev/cpu-usage` /
// `kubeplay.dev/memory-usage` (quantities for the whole pod, split evenly over its containers)
// override it. Only Running pods have metrics. Also exports the usage model NodeMetrics sums.
import type { ColumnDefinition, KindDef, KubeObject } from "../types";
import { kindSchema, list, obj, quantityMap, str, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { newQuantity, tryParseQuantity } from "../../machinery/quantity";
import { parseRfc3339, rfc3339 } from "../../machinery/time";
import { throttledCpu, workloadUsage } from "../../kubelet/workloads";
import type { Container } from "../common/pod";
import { clientLoad } from "../../kubelet/traffic";
import { execCluster, type ObjectReader } from "../../kubelet/exec/cluster";

export const METRICS_GROUP = "metrics.k8s.io";
export const CPU_USAGE_ANNOTATION = "kubeplay.dev/cpu-usage";
export const MEMORY_USAGE_ANNOTATION = "kubeplay.dev/memory-usage";

/** metrics-server's scrape resolution: samples are timestamped on this grid. */
export const METRICS_RESOLUTION_MS = 15_000;
export const METRICS_WINDOW = "15s";

export interface ContainerUsage {
  name: string;
  /** CPU in nanocores. */
  cpuNanos: number;
  /** Memory working set in bytes. */
  memoryBytes: number;
}

export interface PodMetrics extends KubeObject {
  timestamp?: string;
  window?: string;
  containers?: Array<{ name: string; usage: Record<string, string> }>;
}

/** FNV-1a over a string, mapped to [0, 1): a stable per-object "random" number. */
export function stableFraction(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 0x100000000;
}

function requested(container: KubeObject, resource: "cpu" | "memory"): number | undefined {
  const r = container.resources ?? {};
  const raw = r.requests?.[resource] ?? r.limits?.[resource];
  if (raw === undefined || raw === null) return undefined;
  const q = tryParseQuantity(String(raw));
  if (!q) return undefined;
  return resource === "cpu" ? q.milliValue() * 1e6 : q.toNumber();
}

function annotationTotal(pod: KubeObject, key: string, cpu: boolean): number | undefined {
  const raw = pod.metadata.annotations?.[key];
  if (raw === undefined) return undefined;
  const q = tryParseQuantity(raw.trim());
  if (!q) return undefined;
  return cpu ? q.milliValue() * 1e6 : q.toNumber();
}

/**
 * Whether the kubelet reports a container as running (pods without container statuses count as running),
 * since `startedBy` at the latest when given.
 */
function containerRunning(pod: KubeObject, name: string, startedBy?: number): boolean {
  const statuses = pod.status?.containerStatuses as Array<{ name?: string; state?: { running?: { startedAt?: string } } }> | undefined;
  if (!statuses) return true;
  const running = statuses.find((s) => s.name === name)?.state?.running;
  if (!running) return false;
  const startedAt = running.startedAt ? parseRfc3339(running.startedAt) : undefined;
  return startedBy === undefined || startedAt === undefined || startedAt <= startedBy;
}

/**
 * When a container must have started to be in metrics-server's answer at `nowMs`: its CPU rate needs two
 * scrapes (METRICS_RESOLUTION_MS apart) of the running container, so a new pod has metrics 15–30 s after it
 * started (`kubectl top pod` reports them "not available yet" until then).
 */
export function measurableSince(nowMs: number): number {
  return Math.floor(nowMs / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS - METRICS_RESOLUTION_MS;
}

/**
 * What the cluster's client loops cost the pods they call, as a metrics sample at `nowMs` sees them
 * (clients whose container started by measurableSince): metrics.k8s.io and the HPA read the same.
 */
export function clientLoadNow(read: ObjectReader, nowMs: number): ReadonlyMap<string, number> {
  return clientLoad(execCluster(read, nowMs), measurableSince(nowMs));
}

/**
 * The usage of each running regular container of a Running pod (empty for pods in any other phase, and for
 * pods none of whose containers runs: a crash-looping or OOM-killed container has no cgroup to measure, so
 * metrics-server has nothing for it). A container's memory working set never exceeds its memory limit.
 * `startedBy`: leave out containers that started later (see `measurableSince`).
 */
export function podUsage(pod: KubeObject, opts: { startedBy?: number; clientLoad?: ReadonlyMap<string, number> } = {}): ContainerUsage[] {
  if (pod.status?.phase !== "Running") return [];
  const containers = ((pod.spec?.containers ?? []) as KubeObject[]).filter((c) => containerRunning(pod, String(c.name ?? ""), opts.startedBy));
  if (containers.length === 0) return [];
  const id = `${pod.metadata.namespace ?? ""}/${pod.metadata.name ?? ""}`;
  const cpuTotal = annotationTotal(pod, CPU_USAGE_ANNOTATION, true);
  const memTotal = annotationTotal(pod, MEMORY_USAGE_ANNOTATION, false);
  return containers.map((c) => {
    const name = String(c.name ?? "");
    const key = `${id}/${name}`;
    // What the simulated workload itself uses (stress, busy loops), from the kubelet's model.
    const sim = cpuTotal === undefined || memTotal === undefined ? workloadUsage(pod, name) : undefined;
    let cpu: number;
    if (cpuTotal !== undefined) cpu = cpuTotal / containers.length;
    else if (sim?.cpuNanos !== undefined) cpu = sim.cpuNanos;
    // An idle server (nginx waiting for requests) uses a millicore or a few, whatever it requested:
    // a share of the request would let an HPA scale it up with no load at all.
    else cpu = (1 + 3 * stableFraction(`cpu:${key}`)) * 1e6;
    // What clients' requests cost the container serving them (kubelet/traffic.ts), under its limit.
    const served = cpuTotal === undefined ? (opts.clientLoad?.get(key) ?? 0) : 0;
    if (served > 0) cpu = throttledCpu(c as Container, cpu + served);
    let mem: number;
    if (memTotal !== undefined) mem = memTotal / containers.length;
    else if (sim?.memoryBytes !== undefined) mem = sim.memoryBytes;
    else {
      const req = requested(c, "memory");
      mem = req !== undefined ? req * (0.35 + 0.4 * stableFraction(`mem:${key}`)) : (4 + 20 * stableFraction(`mem:${key}`)) * 1024 * 1024;
    }
    const memLimit = c.resources?.limits?.memory !== undefined ? tryParseQuantity(String(c.resources.limits.memory))?.toNumber() : undefined;
    if (memLimit !== undefined) mem = Math.min(mem, memLimit);
    return { name, cpuNanos: Math.max(0, Math.round(cpu)), memoryBytes: Math.max(0, Math.floor(mem / 1024) * 1024) };
  });
}

/** metrics-server's quantities: CPU as nanocores ("152371046n"), memory as BinarySI bytes ("1639676Ki"). */
export function cpuQuantity(nanos: number): string {
  return nanos === 0 ? "0" : `${Math.round(nanos)}n`;
}
export function memoryQuantity(bytes: number): string {
  return newQuantity(BigInt(Math.round(bytes)), "BinarySI").toString();
}

export function metricsTimestamp(nowMs: number): string {
  return rfc3339(Math.floor(nowMs / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS);
}

const USAGE_DESC = "The memory usage is the memory working set.";
const TIMESTAMP_DESC =
  "The following fields define time interval from which metrics were collected from the interval [Timestamp-Window, Timestamp].";

export const ContainerMetrics = obj(
  {
    name: str("Container name corresponding to the one from pod.spec.containers."),
    usage: quantityMap(USAGE_DESC),
  },
  { id: "io.k8s.metrics.pkg.apis.metrics.v1beta1.ContainerMetrics", desc: "ContainerMetrics sets resource usage metrics of a container.", required: ["name", "usage"] },
);

function sumCells(m: PodMetrics): [string, string] {
  let cpu = 0;
  let mem = 0;
  for (const c of m.containers ?? []) {
    const cq = tryParseQuantity(c.usage.cpu ?? "0");
    const mq = tryParseQuantity(c.usage.memory ?? "0");
    cpu += cq ? cq.toNumber() * 1e9 : 0;
    mem += mq ? mq.toNumber() : 0;
  }
  return [cpuQuantity(cpu), memoryQuantity(mem)];
}

/** metrics-server's table: Name, then one quantity column per resource (sorted: cpu, memory), then Window. */
export function metricsColumns(): ColumnDefinition[] {
  const c = (name: string, format: string, description = ""): ColumnDefinition =>
    ({ name, type: "string", format, description, priority: 0 }) as unknown as ColumnDefinition;
  return [c("Name", "name", "Name of the resource"), c("cpu", "quantity"), c("memory", "quantity"), c("Window", "duration")];
}

export const podMetrics: KindDef<PodMetrics> = {
  group: METRICS_GROUP,
  version: "v1beta1",
  kind: "PodMetrics",
  plural: "pods",
  singular: "pod",
  namespaced: true,
  verbs: ["get", "list"],
  schema: kindSchema(
    "io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics",
    "PodMetrics sets resource usage metrics of a pod.",
    {
      containers: list(ContainerMetrics, { listType: "atomic", desc: "Metrics for all containers are collected within the same time window." }),
      timestamp: time(TIMESTAMP_DESC),
      window: str(),
    },
    ObjectMeta,
  ),
  virtual: {
    list(namespace, ctx) {
      const out: PodMetrics[] = [];
      const startedBy = measurableSince(ctx.nowMs);
      const load = clientLoadNow(ctx, ctx.nowMs);
      for (const pod of ctx.list("pods", namespace)) {
        const usage = podUsage(pod, { startedBy, clientLoad: load });
        if (usage.length === 0) continue;
        const metadata: KubeObject["metadata"] = {
          name: pod.metadata.name,
          namespace: pod.metadata.namespace,
          creationTimestamp: rfc3339(ctx.nowMs),
        };
        if (pod.metadata.labels && Object.keys(pod.metadata.labels).length) metadata.labels = { ...pod.metadata.labels };
        out.push({
          kind: "PodMetrics",
          apiVersion: `${METRICS_GROUP}/v1beta1`,
          metadata,
          timestamp: metricsTimestamp(ctx.nowMs),
          window: METRICS_WINDOW,
          containers: usage.map((u) => ({ name: u.name, usage: { cpu: cpuQuantity(u.cpuNanos), memory: memoryQuantity(u.memoryBytes) } })),
        });
      }
      return out;
    },
    // metrics-server: the pod lister's NotFound for a missing pod, its own (podmetrics, "<namespace>/<name>")
    // for a pod it has no metrics for.
    notFound(namespace, name, ctx) {
      if (!ctx.get("pods", namespace ?? "", name)) return { group: "", resource: "pods", name };
      return { group: METRICS_GROUP, resource: "podmetrics", name: `${namespace ?? ""}/${name}` };
    },
  },
  columns: metricsColumns(),
  printRow: (m) => [m.metadata.name!, ...sumCells(m), m.window ?? ""],
};
