// Builders and probes for scheduler tests: a bootstrapped sandbox (controlplane, node01, node02),
// pods and nodes shaped through the real API, and what the scheduler left on them.
import { expect } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { defaultScheduler } from "../../../src/engine/scheduler/index";

export const PODS = "/api/v1/namespaces/default/pods";
export const MERGE = { "content-type": "application/merge-patch+json" };
export const CONTROL_PLANE_TAINT = "1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }";

export function sandbox(nodes = 2): TestClient {
  return testCluster({ nodes });
}

export interface PodOptions {
  labels?: Record<string, string>;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  spec?: Record<string, unknown>;
  namespace?: string;
}

export function pod(name: string, o: PodOptions = {}): Record<string, any> {
  const resources: Record<string, unknown> = {};
  if (o.requests) resources.requests = o.requests;
  if (o.limits) resources.limits = o.limits;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: { containers: [{ name: "app", image: "nginx:1.27", ...(o.requests || o.limits ? { resources } : {}) }], ...(o.spec ?? {}) },
  };
}

export function create(c: TestClient, path: string, obj: unknown): any {
  const r = c.request("POST", path, obj);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export function createPod(c: TestClient, name: string, o: PodOptions = {}): any {
  return create(c, `/api/v1/namespaces/${o.namespace ?? "default"}/pods`, pod(name, o));
}

export function patch(c: TestClient, path: string, body: unknown): any {
  const r = c.request("PATCH", path, body, MERGE);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

export function getPod(c: TestClient, name: string, namespace = "default"): any {
  return c.get(`/api/v1/namespaces/${namespace}/pods/${name}`);
}

export function nodeOf(c: TestClient, name: string): string | undefined {
  return getPod(c, name).spec.nodeName;
}

export function scheduledCondition(c: TestClient, name: string): any {
  return (getPod(c, name).status.conditions ?? []).find((x: any) => x.type === "PodScheduled");
}

/** The PodScheduled=False message of a pod the scheduler gave up on (fails the test if it was placed). */
export function unschedulableMessage(c: TestClient, name: string): string {
  const cond = scheduledCondition(c, name);
  expect(cond, `${name} has no PodScheduled condition`).toBeDefined();
  expect(cond.status).toBe("False");
  expect(cond.reason).toBe("Unschedulable");
  return cond.message;
}

export function events(c: TestClient, reason: string, namespace = "default"): any[] {
  return c.get(`/api/v1/namespaces/${namespace}/events`).items.filter((e: any) => e.reason === reason);
}

export function labelNode(c: TestClient, node: string, labels: Record<string, string | null>): void {
  patch(c, `/api/v1/nodes/${node}`, { metadata: { labels } });
}

export function setAllocatable(c: TestClient, node: string, allocatable: Record<string, string>): void {
  patch(c, `/api/v1/nodes/${node}/status`, { status: { allocatable } });
}

/** Runs only the scheduler, once, at the client's current time. */
export function schedulerPass(c: TestClient) {
  return defaultScheduler.reconcile({ state: c.cluster, nowMs: c.nowMs });
}

/** The message of a fresh 3-node sandbox where both workers reject a pod for `reason`. */
export function workersRejected(reason: string, preemption = "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod"): string {
  return `0/3 nodes are available: ${CONTROL_PLANE_TAINT}, 2 ${reason}. preemption: 0/3 nodes are available: ${preemption}..`;
}
