// Builders and drivers for the StatefulSet, DaemonSet, Job and CronJob controller tests. The tests run
// only these controllers and the garbage collector (no scheduler, no kubelet): they play the scheduler
// and the kubelet themselves, binding pods and reporting their phases through the status subresource.
import { expect } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { runControllers } from "../../../src/engine/controllers";
import { APPS_BATCH_CONTROLLERS } from "../../../src/engine/controllers/apps-batch";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { rfc3339 } from "../../../src/engine/machinery/time";

export const NS = "default";
const CONTROLLERS = [...APPS_BATCH_CONTROLLERS, garbageCollector];

export interface Sandbox extends TestClient {
  /** Advances simulated time, runs these controllers until quiescent, returns their next wake-up. */
  step(ms?: number): number | undefined;
  /** Runs the controllers at each wake-up up to `ms` from now, like the clock endpoint does. */
  advance(ms: number): void;
}

export function sandbox(opts: { nodes?: number } = {}): Sandbox {
  const c = testCluster({ nodes: opts.nodes ?? 2 }) as Sandbox;
  c.step = (ms = 0) => {
    c.nowMs += ms;
    return runControllers({ state: c.cluster, nowMs: c.nowMs }, CONTROLLERS).nextWakeMs;
  };
  c.advance = (ms) => {
    const target = c.nowMs + ms;
    let wake = c.step(0);
    while (wake !== undefined && wake <= target) {
      expect(wake).toBeGreaterThan(c.nowMs);
      wake = c.step(wake - c.nowMs);
    }
    c.step(target - c.nowMs);
  };
  return c;
}

export const path = {
  pods: (name = "", ns = NS) => `/api/v1/namespaces/${ns}/pods${name ? `/${name}` : ""}`,
  pvcs: (name = "", ns = NS) => `/api/v1/namespaces/${ns}/persistentvolumeclaims${name ? `/${name}` : ""}`,
  statefulSets: (name = "", ns = NS) => `/apis/apps/v1/namespaces/${ns}/statefulsets${name ? `/${name}` : ""}`,
  daemonSets: (name = "", ns = NS) => `/apis/apps/v1/namespaces/${ns}/daemonsets${name ? `/${name}` : ""}`,
  revisions: (ns = NS) => `/apis/apps/v1/namespaces/${ns}/controllerrevisions`,
  jobs: (name = "", ns = NS) => `/apis/batch/v1/namespaces/${ns}/jobs${name ? `/${name}` : ""}`,
  cronJobs: (name = "", ns = NS) => `/apis/batch/v1/namespaces/${ns}/cronjobs${name ? `/${name}` : ""}`,
  events: (ns = NS) => `/api/v1/namespaces/${ns}/events`,
};

export function container(image = "nginx:1.27", extra: Record<string, any> = {}) {
  return { name: "app", image, ...extra };
}

export function create(c: TestClient, p: string, body: unknown) {
  const r = c.request("POST", p, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export function patch(c: TestClient, p: string, body: unknown, type = "application/merge-patch+json") {
  const r = c.request("PATCH", p, body, { "content-type": type });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

export function del(c: TestClient, p: string, query = "") {
  const r = c.request("DELETE", `${p}${query}`);
  expect([200, 202], JSON.stringify(r.body)).toContain(r.status);
  return r.body;
}

/** Pods in a namespace, by name. */
export function pods(c: TestClient, ns = NS): any[] {
  return c
    .get(path.pods("", ns))
    .items.sort((a: any, b: any) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export function podsOf(c: TestClient, owner: any, ns = NS): any[] {
  return pods(c, ns).filter((p) => p.metadata.ownerReferences?.some((r: any) => r.controller && r.uid === owner.metadata.uid));
}

export const names = (objs: any[]) => objs.map((o) => o.metadata.name as string);

/** Binds a pod to a node, as the scheduler would. */
export function bind(c: TestClient, pod: any, node: string) {
  const r = c.request("POST", `${path.pods(pod.metadata.name, pod.metadata.namespace)}/binding`, {
    apiVersion: "v1",
    kind: "Binding",
    metadata: { name: pod.metadata.name },
    target: { apiVersion: "v1", kind: "Node", name: node },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

function putStatus(c: TestClient, pod: any, status: Record<string, any>) {
  const current = c.get(path.pods(pod.metadata.name, pod.metadata.namespace));
  current.status = { ...current.status, ...status };
  const r = c.request("PUT", `${path.pods(pod.metadata.name, pod.metadata.namespace)}/status`, current);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const cond = (type: string, status: string, t: string) => ({ type, status, lastProbeTime: null, lastTransitionTime: t });

/** Reports the pod Running (and Ready unless told otherwise), binding it first if it is unscheduled. */
export function markRunning(c: TestClient, pod: any, opts: { ready?: boolean; node?: string; restarts?: number } = {}) {
  const fresh = c.get(path.pods(pod.metadata.name, pod.metadata.namespace));
  if (!fresh.spec.nodeName) bind(c, fresh, opts.node ?? targetNode(fresh) ?? "node01");
  const t = rfc3339(c.nowMs);
  const ready = opts.ready ?? true;
  return putStatus(c, pod, {
    phase: "Running",
    conditions: [cond("Initialized", "True", t), cond("Ready", ready ? "True" : "False", t), cond("ContainersReady", ready ? "True" : "False", t), cond("PodScheduled", "True", t)],
    containerStatuses: fresh.spec.containers.map((ct: any) => ({ name: ct.name, image: ct.image, imageID: "", ready, restartCount: opts.restarts ?? 0, started: true, state: { running: { startedAt: t } } })),
    startTime: t,
  });
}

/** Reports the pod finished: Succeeded with exit code 0, or Failed with the given exit code. */
export function markFinished(c: TestClient, pod: any, outcome: "Succeeded" | "Failed", exitCode = outcome === "Succeeded" ? 0 : 1) {
  const fresh = c.get(path.pods(pod.metadata.name, pod.metadata.namespace));
  if (!fresh.spec.nodeName) bind(c, fresh, targetNode(fresh) ?? "node01");
  const t = rfc3339(c.nowMs);
  const reason = outcome === "Succeeded" ? "Completed" : "Error";
  return putStatus(c, pod, {
    phase: outcome,
    conditions: [cond("Initialized", "True", t), cond("Ready", "False", t), cond("ContainersReady", "False", t), cond("PodScheduled", "True", t)],
    containerStatuses: fresh.spec.containers.map((ct: any) => ({ name: ct.name, image: ct.image, imageID: "", ready: false, restartCount: 0, started: false, state: { terminated: { exitCode, reason, startedAt: t, finishedAt: t } } })),
  });
}

/** The node a daemon pod's matchFields affinity pins it to. */
export function targetNode(pod: any): string | undefined {
  return pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}

/** Removes pods whose deletion was requested and whose finalizers are gone, as the kubelet would. */
export function finishTerminations(c: TestClient, ns = NS) {
  for (const p of pods(c, ns)) {
    if (p.metadata.deletionTimestamp && !(p.metadata.finalizers ?? []).length) c.cluster.store.delete("pods", ns, p.metadata.name);
  }
}

/** Event messages with a reason (all reasons when omitted), oldest first. */
export function events(c: TestClient, reason?: string, ns = NS): string[] {
  return c
    .get(path.events(ns))
    .items.filter((e: any) => !reason || e.reason === reason)
    .sort((a: any, b: any) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e: any) => e.message);
}

export function condition(obj: any, type: string) {
  return obj.status?.conditions?.find((x: any) => x.type === type);
}
