// Builders and drivers for the ReplicaSet / Deployment controller tests. The tests run only the
// workload controllers (no scheduler, no kubelet): they play the kubelet themselves by binding pods
// and marking them Ready through the status subresource, and by finishing pod terminations.
import { expect } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { runControllers } from "../../../src/engine/controllers";
import { deploymentController } from "../../../src/engine/controllers/deployment/index";
import { replicaSetController, replicationControllerController } from "../../../src/engine/controllers/replicaset";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { rfc3339 } from "../../../src/engine/machinery/time";

export const NS = "default";
export const WORKLOAD_CONTROLLERS = [deploymentController, replicaSetController, replicationControllerController, garbageCollector];

export interface Sandbox extends TestClient {
  /** Advances time and runs the workload controllers until quiescent; returns their next wake-up. */
  step(ms?: number): number | undefined;
}

export function sandbox(opts: { nodes?: number } = {}): Sandbox {
  const c = testCluster({ nodes: opts.nodes ?? 2 }) as Sandbox;
  c.step = (ms = 0) => {
    c.nowMs += ms;
    return runControllers({ state: c.cluster, nowMs: c.nowMs }, WORKLOAD_CONTROLLERS).nextWakeMs;
  };
  return c;
}

export function podTemplate(labels: Record<string, string>, image = "nginx:1.27", extra: Record<string, any> = {}) {
  return { metadata: { labels }, spec: { containers: [{ name: "app", image }], ...extra } };
}

export function deployment(name: string, opts: { replicas?: number; image?: string; strategy?: Record<string, any>; spec?: Record<string, any>; annotations?: Record<string, string> } = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, ...(opts.annotations ? { annotations: opts.annotations } : {}) },
    spec: {
      replicas: opts.replicas ?? 3,
      selector: { matchLabels: { app: name } },
      template: podTemplate({ app: name }, opts.image),
      ...(opts.strategy ? { strategy: opts.strategy } : {}),
      ...(opts.spec ?? {}),
    },
  };
}

export function replicaSet(name: string, opts: { replicas?: number; labels?: Record<string, string>; spec?: Record<string, any> } = {}) {
  const labels = opts.labels ?? { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name },
    spec: { replicas: opts.replicas ?? 3, selector: { matchLabels: { ...labels } }, template: podTemplate({ ...labels }), ...(opts.spec ?? {}) },
  };
}

export const deployPath = (name = "", ns = NS) => `/apis/apps/v1/namespaces/${ns}/deployments${name ? `/${name}` : ""}`;
export const rsPath = (name = "", ns = NS) => `/apis/apps/v1/namespaces/${ns}/replicasets${name ? `/${name}` : ""}`;
export const podPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/pods${name ? `/${name}` : ""}`;

export function create(c: TestClient, path: string, body: unknown) {
  const r = c.request("POST", path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export function patch(c: TestClient, path: string, body: unknown, type = "application/merge-patch+json") {
  const r = c.request("PATCH", path, body, { "content-type": type });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

export function getDeploy(c: TestClient, name: string) {
  return c.get(deployPath(name));
}

/** ReplicaSets of a Deployment, oldest revision first. */
export function replicaSetsOf(c: TestClient, deployName: string): any[] {
  const d = getDeploy(c, deployName);
  return c
    .get(rsPath())
    .items.filter((rs: any) => rs.metadata.ownerReferences?.some((r: any) => r.uid === d.metadata.uid))
    .sort((a: any, b: any) => Number(a.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0) - Number(b.metadata.annotations?.["deployment.kubernetes.io/revision"] ?? 0));
}

/** `name=spec/ready` per ReplicaSet of a Deployment, oldest revision first. */
export function rsSizes(c: TestClient, deployName: string): string[] {
  return replicaSetsOf(c, deployName).map((rs) => `${rs.spec.replicas}/${rs.status?.availableReplicas ?? 0}`);
}

export function pods(c: TestClient, ns = NS): any[] {
  return c.get(podPath("", ns)).items;
}

export function activePods(c: TestClient, ns = NS): any[] {
  return pods(c, ns).filter((p) => !p.metadata.deletionTimestamp);
}

export function podsOwnedBy(c: TestClient, owner: any, ns = NS): any[] {
  return pods(c, ns).filter((p) => p.metadata.ownerReferences?.some((r: any) => r.uid === owner.metadata.uid && r.controller));
}

/** Binds a pod to a node (as the scheduler would). */
export function bind(c: TestClient, pod: any, node: string) {
  const r = c.request("POST", `${podPath(pod.metadata.name, pod.metadata.namespace)}/binding`, {
    apiVersion: "v1",
    kind: "Binding",
    metadata: { name: pod.metadata.name },
    target: { apiVersion: "v1", kind: "Node", name: node },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

/** Reports a pod Running and Ready now (as the kubelet would). */
export function markReady(c: TestClient, pod: any, ready = true) {
  const current = c.get(podPath(pod.metadata.name, pod.metadata.namespace));
  const t = rfc3339(c.nowMs);
  const cond = (type: string, status: string) => ({ type, status, lastProbeTime: null, lastTransitionTime: t });
  current.status = {
    phase: "Running",
    conditions: [cond("Initialized", "True"), cond("Ready", ready ? "True" : "False"), cond("ContainersReady", ready ? "True" : "False"), cond("PodScheduled", "True")],
    startTime: t,
  };
  const r = c.request("PUT", `${podPath(pod.metadata.name, pod.metadata.namespace)}/status`, current);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

const NODE_NAMES = (c: TestClient) => c.get("/api/v1/nodes").items.map((n: any) => n.metadata.name as string);

/** Schedules and readies every pending pod of the namespace, spreading them over the nodes. */
export function readyAll(c: TestClient, ns = NS) {
  const nodes = NODE_NAMES(c);
  let i = 0;
  for (const p of activePods(c, ns)) {
    if (p.status?.conditions?.some((x: any) => x.type === "Ready" && x.status === "True")) continue;
    if (!p.spec.nodeName) bind(c, p, nodes[i++ % nodes.length]);
    markReady(c, p);
  }
}

/** Removes pods whose deletion was requested (as the kubelet does once containers stop). */
export function finishTerminations(c: TestClient, ns = NS) {
  for (const p of pods(c, ns)) {
    if (p.metadata.deletionTimestamp) c.cluster.store.delete("pods", ns, p.metadata.name);
  }
}

/** Kubelet stand-in: ready everything, finish terminations, run controllers; until nothing changes. */
export function converge(c: Sandbox, ns = NS, rounds = 50) {
  for (let i = 0; i < rounds; i++) {
    const before = c.cluster.store.resourceVersion;
    readyAll(c, ns);
    finishTerminations(c, ns);
    c.step(0);
    if (c.cluster.store.resourceVersion === before) return;
  }
  throw new Error("did not converge");
}

/** Event messages of one reason, oldest first. */
export function events(c: TestClient, reason?: string, ns = NS): string[] {
  return c
    .get(`/api/v1/namespaces/${ns}/events`)
    .items.filter((e: any) => !reason || e.reason === reason)
    .sort((a: any, b: any) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e: any) => e.message);
}

export function condition(obj: any, type: string) {
  return obj.status?.conditions?.find((x: any) => x.type === type);
}
