// Resource arithmetic as the scheduler does it: every quantity as an integer (cpu in millicores, the
// rest in units), a pod's requests as component-helpers' PodRequests computes them (regular and
// restartable init containers summed, the largest init container step, plus pod overhead), and the
// "non-zero" variant scoring uses (100m cpu / 200Mi memory for containers that ask for nothing;
// pkg/scheduler/util DefaultMilliCPURequest / DefaultMemoryRequest).
import type { KubeObject } from "../kinds/types";
import { parseQuantity } from "../machinery/quantity";

export const CPU = "cpu";
export const MEMORY = "memory";
export const EPHEMERAL_STORAGE = "ephemeral-storage";
export const PODS = "pods";
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A resource list as scheduler integers: cpu in millicores, everything else in units (bytes, counts). */
export type Amounts = Map<string, number>;

/** One quantity as the scheduler holds it; an unparseable value counts as zero (validation rejects those anyway). */
export function amountOf(resource: string, raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  try {
    const q = parseQuantity(String(raw));
    return resource === CPU ? q.milliValue() : q.value();
  } catch {
    return 0;
  }
}

/** A ResourceList (`{cpu: "500m", memory: "1Gi"}`) as amounts. */
export function amountsOf(list: unknown): Amounts {
  const out: Amounts = new Map();
  if (!list || typeof list !== "object") return out;
  for (const [k, v] of Object.entries(list as Record<string, unknown>)) out.set(k, amountOf(k, v));
  return out;
}

function add(acc: Amounts, x: Amounts): void {
  for (const [k, v] of x) acc.set(k, (acc.get(k) ?? 0) + v);
}

function max(acc: Amounts, x: Amounts): void {
  for (const [k, v] of x) acc.set(k, acc.has(k) ? Math.max(acc.get(k)!, v) : v);
}

interface ContainerLike {
  resources?: { requests?: Record<string, unknown> };
  restartPolicy?: string;
}

function containerRequests(c: ContainerLike, nonMissing: boolean): Amounts {
  const reqs = amountsOf(c?.resources?.requests);
  if (nonMissing) {
    if (!reqs.has(CPU)) reqs.set(CPU, DEFAULT_MILLI_CPU_REQUEST);
    if (!reqs.has(MEMORY)) reqs.set(MEMORY, DEFAULT_MEMORY_REQUEST);
  }
  return reqs;
}

/**
 * resourcehelper.PodRequests: containers and sidecars (restartable init containers) run together;
 * each init container runs alongside the sidecars started before it; the pod needs the larger of
 * the two, plus its overhead.
 */
export function computePodRequests(spec: Record<string, any> | undefined, nonMissing = false): Amounts {
  const reqs: Amounts = new Map();
  const containers: ContainerLike[] = Array.isArray(spec?.containers) ? spec!.containers : [];
  const initContainers: ContainerLike[] = Array.isArray(spec?.initContainers) ? spec!.initContainers : [];
  for (const c of containers) add(reqs, containerRequests(c, nonMissing));
  const sidecars: Amounts = new Map();
  const initMax: Amounts = new Map();
  for (const c of initContainers) {
    const r = containerRequests(c, nonMissing);
    let step: Amounts;
    if (c?.restartPolicy === "Always") {
      add(reqs, r);
      add(sidecars, r);
      step = new Map(sidecars);
    } else {
      step = new Map(r);
      add(step, sidecars);
    }
    max(initMax, step);
  }
  max(reqs, initMax);
  if (spec?.overhead) add(reqs, amountsOf(spec.overhead));
  return reqs;
}

export interface PodResources {
  /** Requests as NodeResourcesFit counts them. */
  requests: Amounts;
  /** cpu/memory with the non-zero defaults, as least-allocated scoring and NodeInfo.NonZeroRequested count them. */
  nonZeroCPU: number;
  nonZeroMemory: number;
}

// Stored objects are replaced, never mutated, on every write: caching by identity is safe. Keyed by
// the spec, which a pod's status writes share from one version to the next (requests are the spec's).
const cache = new WeakMap<object, PodResources>();

export function podResources(pod: KubeObject): PodResources {
  const key = pod.spec ?? pod;
  let r = cache.get(key);
  if (!r) {
    const requests = computePodRequests(pod.spec);
    const nonZero = computePodRequests(pod.spec, true);
    r = { requests, nonZeroCPU: nonZero.get(CPU) ?? 0, nonZeroMemory: nonZero.get(MEMORY) ?? 0 };
    cache.set(key, r);
  }
  return r;
}
