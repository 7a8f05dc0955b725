// What each simulated op sends: manifests and API paths for the workload kinds the simulation drives.
import type { Size, Strategy, WorkloadKind } from "./ops";

export const NS = "default";
export const FIELD_MANAGER = "kubectl";

const KIND_PATHS: Record<WorkloadKind, { prefix: string; plural: string; apiVersion: string }> = {
  Deployment: { prefix: "/apis/apps/v1", plural: "deployments", apiVersion: "apps/v1" },
  ReplicaSet: { prefix: "/apis/apps/v1", plural: "replicasets", apiVersion: "apps/v1" },
  StatefulSet: { prefix: "/apis/apps/v1", plural: "statefulsets", apiVersion: "apps/v1" },
  DaemonSet: { prefix: "/apis/apps/v1", plural: "daemonsets", apiVersion: "apps/v1" },
  Job: { prefix: "/apis/batch/v1", plural: "jobs", apiVersion: "batch/v1" },
};

export function workloadPath(kind: WorkloadKind, name: string, sub?: string): string {
  const k = KIND_PATHS[kind];
  return `${k.prefix}/namespaces/${NS}/${k.plural}/${name}${sub ? `/${sub}` : ""}`;
}

export const podPath = (name = "") => `/api/v1/namespaces/${NS}/pods${name ? `/${name}` : ""}`;
export const nodePath = (name: string) => `/api/v1/nodes/${name}`;

export const REQUESTS: Record<Size, Record<string, string> | undefined> = {
  none: undefined,
  small: { cpu: "100m", memory: "64Mi" },
  // Two of these do not fit one 2-CPU worker: some replicas stay Pending.
  big: { cpu: "1200m", memory: "1Gi" },
};

export function container(image: string, size: Size, extra: Record<string, unknown> = {}) {
  const requests = REQUESTS[size];
  return { name: "app", image, ...(requests ? { resources: { requests } } : {}), ...extra };
}

export interface WorkloadSpec {
  kind: WorkloadKind;
  name: string;
  image: string;
  replicas: number;
  size: Size;
  strategy?: Strategy;
  script?: string;
  completions?: number;
  parallelism?: number;
}

/** The StatefulSet with volumeClaimTemplates (OrderedReady); the other one has none (Parallel). */
export const SET_WITH_CLAIMS = "db";

export function manifest(w: WorkloadSpec): Record<string, unknown> {
  const { apiVersion } = KIND_PATHS[w.kind];
  const labels = { app: w.name };
  const metadata = { name: w.name, namespace: NS };
  switch (w.kind) {
    case "Deployment":
      return {
        apiVersion,
        kind: w.kind,
        metadata,
        spec: {
          replicas: w.replicas,
          selector: { matchLabels: labels },
          ...(w.strategy ? { strategy: deploymentStrategy(w.strategy) } : {}),
          template: { metadata: { labels }, spec: { containers: [container(w.image, w.size)] } },
        },
      };
    case "ReplicaSet":
      return { apiVersion, kind: w.kind, metadata, spec: { replicas: w.replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container(w.image, w.size)] } } } };
    case "StatefulSet": {
      const claims = w.name === SET_WITH_CLAIMS;
      return {
        apiVersion,
        kind: w.kind,
        metadata,
        spec: {
          serviceName: w.name,
          replicas: w.replicas,
          podManagementPolicy: claims ? "OrderedReady" : "Parallel",
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: { containers: [container(w.image, w.size, claims ? { volumeMounts: [{ name: "data", mountPath: "/usr/share/nginx/html" }] } : {})] },
          },
          ...(claims ? { volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }] } : {}),
        },
      };
    }
    case "DaemonSet":
      return { apiVersion, kind: w.kind, metadata, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container(w.image, w.size)] } } } };
    case "Job":
      return {
        apiVersion,
        kind: w.kind,
        metadata,
        spec: {
          completions: w.completions,
          parallelism: w.parallelism,
          backoffLimit: 1,
          template: {
            metadata: { labels },
            spec: { restartPolicy: "Never", containers: [container(w.image, w.size, { command: ["sh", "-c", w.script] })] },
          },
        },
      };
  }
}

function deploymentStrategy(s: Strategy): Record<string, unknown> {
  const m = /^RollingUpdate\(maxSurge=(\d+),maxUnavailable=(\d+)\)$/.exec(s);
  return m ? { type: "RollingUpdate", rollingUpdate: { maxSurge: Number(m[1]), maxUnavailable: Number(m[2]) } } : { type: s };
}

export function barePod(name: string, app: string, image: string, size: Size): Record<string, unknown> {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: NS, labels: { app } }, spec: { containers: [container(image, size)] } };
}
