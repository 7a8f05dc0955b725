// Builders and drivers for the Endpoints / EndpointSlice / PersistentVolume / ResourceQuota / event
// TTL controller tests. They run only these controllers and the garbage collector (and, on request,
// the scheduler; never the kubelet): tests play the kubelet themselves by creating pods with
// spec.nodeName and writing their status through the status subresource.
import { expect } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { runControllers } from "../../../src/engine/controllers";
import { SERVICE_AND_STORAGE_CONTROLLERS } from "../../../src/engine/controllers/services-storage";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { defaultScheduler } from "../../../src/engine/scheduler/index";
import { rfc3339 } from "../../../src/engine/machinery/time";

export const NS = "default";
export const CONTROLLERS = [...SERVICE_AND_STORAGE_CONTROLLERS, garbageCollector];

export interface Sandbox extends TestClient {
  /** Advances time and runs the controllers under test until quiescent; returns their next wake-up. */
  step(ms?: number): number | undefined;
}

export function sandbox(opts: { nodes?: number; scheduler?: boolean } = {}): Sandbox {
  const c = testCluster({ nodes: opts.nodes ?? 2 }) as Sandbox;
  const controllers = opts.scheduler ? [...CONTROLLERS, defaultScheduler] : CONTROLLERS;
  c.step = (ms = 0) => {
    c.nowMs += ms;
    return runControllers({ state: c.cluster, nowMs: c.nowMs }, controllers).nextWakeMs;
  };
  return c;
}

export function create(c: TestClient, path: string, body: unknown): any {
  const r = c.request("POST", path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

export function put(c: TestClient, path: string, body: unknown): any {
  const r = c.request("PUT", path, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

export const podPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/pods${name ? `/${name}` : ""}`;
export const svcPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/services${name ? `/${name}` : ""}`;
export const epPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/endpoints${name ? `/${name}` : ""}`;
export const slicePath = (name = "", ns = NS) => `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices${name ? `/${name}` : ""}`;
export const pvcPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/persistentvolumeclaims${name ? `/${name}` : ""}`;
export const pvPath = (name = "") => `/api/v1/persistentvolumes${name ? `/${name}` : ""}`;
export const scPath = (name = "") => `/apis/storage.k8s.io/v1/storageclasses${name ? `/${name}` : ""}`;
export const quotaPath = (name = "", ns = NS) => `/api/v1/namespaces/${ns}/resourcequotas${name ? `/${name}` : ""}`;

export interface PodOptions {
  labels?: Record<string, string>;
  node?: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  claims?: string[];
  spec?: Record<string, unknown>;
}

export function pod(name: string, o: PodOptions = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: o.labels ?? { app: "web" } },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      containers: [{ name: "app", image: "nginx:1.27", ...(o.ports ? { ports: o.ports } : {}), ...(o.resources ? { resources: o.resources } : {}) }],
      ...(o.claims ? { volumes: o.claims.map((claimName, i) => ({ name: `data${i}`, persistentVolumeClaim: { claimName } })) } : {}),
      ...(o.spec ?? {}),
    },
  };
}

/** Plays the kubelet: the pod runs with this IP; Ready (or not) since `readySinceMs`. */
export function run(c: TestClient, name: string, ip: string, opts: { ready?: boolean; readySinceMs?: number; ns?: string } = {}) {
  const cur = c.get(podPath(name, opts.ns));
  const since = rfc3339(opts.readySinceMs ?? c.nowMs);
  const status = opts.ready === false ? "False" : "True";
  cur.status = {
    ...cur.status,
    phase: "Running",
    podIP: ip,
    podIPs: [{ ip }],
    conditions: [
      { type: "Ready", status, lastProbeTime: null, lastTransitionTime: since },
      { type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: since },
    ],
  };
  return put(c, `${podPath(name, opts.ns)}/status`, cur);
}

export function service(name: string, spec: Record<string, unknown>, labels?: Record<string, string>) {
  return { apiVersion: "v1", kind: "Service", metadata: { name, ...(labels ? { labels } : {}) }, spec };
}

export function slicesOf(c: TestClient, svc: string, ns = NS): any[] {
  return c.get(`${slicePath("", ns)}?labelSelector=kubernetes.io/service-name=${svc}`).items;
}

export function eventsFor(c: TestClient, name: string, ns = NS): Array<{ reason: string; message: string; type: string; source: any }> {
  return c
    .get(`/api/v1/namespaces/${ns}/events`)
    .items.filter((e: any) => e.involvedObject.name === name)
    .map((e: any) => ({ reason: e.reason, message: e.message, type: e.type, source: e.source }));
}
