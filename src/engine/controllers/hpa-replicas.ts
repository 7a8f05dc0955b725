// The HorizontalPodAutoscaler's replica calculator (pkg/controller/podautoscaler/replica_calculator.go
// and metrics/utilization.go, metrics/client.go) over the simulated resource metrics API.
//
// Pod usage comes from the same model metrics.k8s.io serves (`podUsage` in kinds/metrics/podmetrics.ts),
// so `kubectl top pods` and the HPA agree: Running pods only, the `kubeplay.dev/cpu-usage` /
// `kubeplay.dev/memory-usage` annotations when set, else the workload's own figure plus what clients'
// requests cost it (`clientLoad`, kubelet/traffic.ts).
//
// Missing and not-ready pods are handled as the real calculator does (groupPods): pods being deleted
// or Failed are ignored; Pending pods are unready; pods without metrics are "missing" (counted at 100%
// of their request on a scale-down, 0% on a scale-up); for CPU, pods in their first five minutes
// that are not Ready, or whose readiness changed less than one metrics window before the sample,
// are unready (0% on a scale-up, left out otherwise). Custom (Pods, Object) and External metrics
// have no metrics API in a sandbox and fail as a cluster without those adapters fails.
import type { KubeObject } from "../kinds/types";
import { METRICS_RESOLUTION_MS, podUsage } from "../kinds/metrics/podmetrics";
import { tryParseQuantity } from "../machinery/quantity";
import { parseRfc3339 } from "../machinery/time";

/** --horizontal-pod-autoscaler-tolerance. */
export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;
/** The window metrics-server reports with each sample (PodMetrics.window). */
const METRIC_WINDOW_MS = 15_000;

/** An error the controller turns into events and conditions; `message` is the Go error text. */
export class MetricError extends Error {}

interface PodMetric {
  /** Milli-units: millicores for cpu, milli-bytes for memory (Quantity.MilliValue()). */
  value: number;
  timestampMs: number;
  windowMs: number;
}
type PodMetricsInfo = Map<string, PodMetric>;

/** The resource metrics API's answer for the pods a selector matched (metrics client GetResourceMetric). */
function getResourceMetric(pods: readonly KubeObject[], resource: string, container: string, nowMs: number, clientLoad?: ReadonlyMap<string, number>): PodMetricsInfo {
  const timestampMs = Math.floor(nowMs / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS;
  const reported = pods.map((p) => ({ pod: p, usage: podUsage(p, { clientLoad }) })).filter((m) => m.usage.length > 0);
  if (reported.length === 0) {
    throw new MetricError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  }
  const milli = (u: { cpuNanos: number; memoryBytes: number }): number | undefined => {
    if (resource === "cpu") return Math.ceil(u.cpuNanos / 1e6);
    if (resource === "memory") return u.memoryBytes * 1000;
    return undefined;
  };
  const res: PodMetricsInfo = new Map();
  for (const { pod, usage } of reported) {
    const name = pod.metadata.name!;
    if (container) {
      const c = usage.find((u) => u.name === container);
      if (!c) {
        throw new MetricError(
          `unable to get metrics for resource ${resource}: failed to get container metrics: container ${container} not present in metrics for pod ${pod.metadata.namespace}/${name}`,
        );
      }
      const v = milli(c);
      if (v !== undefined) res.set(name, { value: v, timestampMs, windowMs: METRIC_WINDOW_MS });
      continue;
    }
    let sum = 0;
    let missing = false;
    for (const u of usage) {
      const v = milli(u);
      if (v === undefined) {
        missing = true;
        break;
      }
      sum += v;
    }
    if (!missing) res.set(name, { value: sum, timestampMs, windowMs: METRIC_WINDOW_MS });
  }
  return res;
}

function condition(pod: KubeObject, type: string): { status?: string; lastTransitionTime?: string } | undefined {
  return (pod.status?.conditions as Array<{ type: string; status?: string; lastTransitionTime?: string }> | undefined)?.find((c) => c.type === type);
}

interface Groups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods. */
function groupPods(pods: readonly KubeObject[], metrics: PodMetricsInfo, resource: string, nowMs: number): Groups {
  const g: Groups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name!;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === "Failed") {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === "Pending") {
      g.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missing.add(name);
      continue;
    }
    if (resource === "cpu") {
      const ready = condition(pod, "Ready");
      const startMs = typeof pod.status?.startTime === "string" ? parseRfc3339(pod.status.startTime) : undefined;
      let unready: boolean;
      if (!ready || startMs === undefined) unready = true;
      else {
        const transitionMs = (ready.lastTransitionTime ? parseRfc3339(ready.lastTransitionTime) : undefined) ?? 0;
        if (startMs + CPU_INITIALIZATION_PERIOD_MS > nowMs) {
          // Still initialising: ignore the sample if unready, or if no full window passed since the last transition.
          unready = ready.status === "False" || metric.timestampMs < transitionMs + metric.windowMs;
        } else {
          // Ignore the metric if the pod is unready and has never been ready.
          unready = ready.status === "False" && startMs + DELAY_OF_INITIAL_READINESS_STATUS_MS > transitionMs;
        }
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** calculatePodRequests: regular and restartable init containers, in milli-units. */
function calculatePodRequests(pods: readonly KubeObject[], container: string, resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    const containers = [...((pod.spec?.containers ?? []) as KubeObject[])];
    for (const c of (pod.spec?.initContainers ?? []) as KubeObject[]) if (c.restartPolicy === "Always") containers.push(c);
    for (const c of containers) {
      if (container !== "" && container !== c.name) continue;
      const raw = c.resources?.requests?.[resource];
      const q = raw === undefined || raw === null ? undefined : tryParseQuantity(String(raw));
      if (!q) throw new MetricError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += q.milliValue();
    }
    requests.set(pod.metadata.name!, sum);
  }
  return requests;
}

/** metricsclient.GetResourceUtilizationRatio. */
function utilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, targetUtilization: number) {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [pod, m] of metrics) {
    const req = requests.get(pod);
    if (req === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += req;
    entries++;
  }
  if (requestsTotal === 0) throw new MetricError("no metrics returned matched known pods");
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

/** metricsclient.GetMetricUsageRatio. */
function usageRatio(metrics: PodMetricsInfo, targetUsage: number) {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

const withinTolerance = (ratio: number) => Math.abs(1 - ratio) <= TOLERANCE;

export interface UtilizationProposal {
  replicas: number;
  /** Percent of request. */
  utilization: number;
  /** Average usage in milli-units. */
  rawAverage: number;
}

/** ReplicaCalculator.GetResourceReplicas: a target utilization (percent of request). */
export function resourceReplicas(
  pods: readonly KubeObject[],
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  container: string,
  nowMs: number,
  clientLoad?: ReadonlyMap<string, number>,
): UtilizationProposal {
  const { metrics, groups } = readyPodMetrics(pods, resource, container, nowMs, clientLoad);
  const requests = calculatePodRequests(pods, container, resource);
  const ratio = () => utilizationRatio(metrics, requests, targetUtilization);
  const first = ratio();
  // On a scale-down, missing pods count as using their whole request (or the target when above 100%).
  const fallback = Math.max(100, targetUtilization);
  const replicas = proposeReplicas(metrics, groups, currentReplicas, first.ratio, () => ratio().ratio, (n) => Math.trunc(((requests.get(n) ?? 0) * fallback) / 100));
  return { replicas, utilization: first.utilization, rawAverage: first.rawAverage };
}

export interface ValueProposal {
  replicas: number;
  /** Average usage in milli-units. */
  usage: number;
}

/** ReplicaCalculator.GetRawResourceReplicas (calcPlainMetricReplicas): a target average value. */
export function rawResourceReplicas(
  pods: readonly KubeObject[],
  currentReplicas: number,
  targetUsage: number,
  resource: string,
  container: string,
  nowMs: number,
  clientLoad?: ReadonlyMap<string, number>,
): ValueProposal {
  const { metrics, groups } = readyPodMetrics(pods, resource, container, nowMs, clientLoad);
  const first = usageRatio(metrics, targetUsage);
  const replicas = proposeReplicas(metrics, groups, currentReplicas, first.ratio, () => usageRatio(metrics, targetUsage).ratio, () => targetUsage);
  return { replicas, usage: first.usage };
}

/** The pods' metrics without ignored and unready pods (the first steps of both calculations). */
function readyPodMetrics(pods: readonly KubeObject[], resource: string, container: string, nowMs: number, clientLoad?: ReadonlyMap<string, number>) {
  const metrics = getResourceMetric(pods, resource, container, nowMs, clientLoad);
  if (pods.length === 0) throw new MetricError("no pods returned by selector while calculating replica count");
  const groups = groupPods(pods, metrics, resource, nowMs);
  for (const n of groups.ignored) metrics.delete(n);
  for (const n of groups.unready) metrics.delete(n);
  if (metrics.size === 0) throw new MetricError("did not receive metrics for targeted pods (pods might be unready)");
  return { metrics, groups };
}

/**
 * The rest of GetResourceReplicas and calcPlainMetricReplicas, the same in both: within tolerance
 * nothing changes; otherwise missing pods are assumed at `missingOnScaleDown` (scale-down) or 0
 * (scale-up), unready pods at 0 on a scale-up, and the ratio is recomputed; a proposal that would
 * reverse the direction or stays within tolerance keeps the current count.
 */
function proposeReplicas(
  metrics: Map<string, { value: number; timestampMs: number; windowMs: number }>,
  g: ReturnType<typeof groupPods>,
  currentReplicas: number,
  firstRatio: number,
  recomputeRatio: () => number,
  missingOnScaleDown: (pod: string) => number,
): number {
  const scaleUpWithUnready = g.unready.size > 0 && firstRatio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(firstRatio)) return currentReplicas;
    return Math.ceil(firstRatio * g.readyPodCount);
  }
  if (g.missing.size > 0) {
    if (firstRatio < 1) for (const n of g.missing) metrics.set(n, { value: missingOnScaleDown(n), timestampMs: 0, windowMs: 0 });
    else if (firstRatio > 1) for (const n of g.missing) metrics.set(n, { value: 0, timestampMs: 0, windowMs: 0 });
  }
  if (scaleUpWithUnready) for (const n of g.unready) metrics.set(n, { value: 0, timestampMs: 0, windowMs: 0 });
  const next = recomputeRatio();
  if (withinTolerance(next) || (firstRatio < 1 && next > 1) || (firstRatio > 1 && next < 1)) return currentReplicas;
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return currentReplicas;
  return replicas;
}
