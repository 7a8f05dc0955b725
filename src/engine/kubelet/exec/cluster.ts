// The cluster as seen from inside a container (ExecCluster), read from stored objects: what
// `kubectl exec` and the simulated clients of Services (traffic.ts) look up.
import type { KubeObject } from "../../kinds/types";
import type { ExecCluster } from "./types";

/** Stored objects by resource (the object store, or an admission context over it). */
export interface ObjectReader {
  list(resource: string, namespace?: string): readonly KubeObject[];
  get(resource: string, namespace: string, name: string): KubeObject | undefined;
}

export function execCluster(read: ObjectReader, nowMs: number): ExecCluster {
  return {
    nowMs,
    configMap: (ns, n) => read.get("configmaps", ns, n),
    secret: (ns, n) => read.get("secrets", ns, n),
    service: (ns, n) => read.get("services", ns, n),
    services: (ns) => read.list("services", ns),
    allServices: () => read.list("services"),
    allPods: () => read.list("pods"),
    allNodes: () => read.list("nodes"),
    endpointSlices: (ns, svc) => read.list("endpointslices.discovery.k8s.io", ns).filter((s) => s.metadata.labels?.["kubernetes.io/service-name"] === svc),
  };
}
