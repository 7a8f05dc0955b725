// Shared test data for the patch tests: a patch-meta table for Pod / Deployment / Service fields
// (the patchStrategy/patchMergeKey tags of k8s.io/api core/v1, apps/v1 and meta/v1 types.go),
// and frozen sample objects, so any mutation of an input throws.
import type { PatchMeta, PatchMetaLookup } from "../../../src/engine/machinery/patch";

const MERGE_BY = (mergeKey: string): PatchMeta => ({ mergeKey, strategy: "merge" });

/** ObjectMeta (meta/v1 types.go). */
const OBJECT_META: Record<string, PatchMeta> = {
  ownerReferences: MERGE_BY("uid"),
  finalizers: { strategy: "merge" }, // a primitive list: merged as a set
};

/** PodSpec and Container fields, relative to the PodSpec (core/v1 types.go). */
const POD_SPEC: Record<string, PatchMeta> = {
  containers: MERGE_BY("name"),
  initContainers: MERGE_BY("name"),
  ephemeralContainers: MERGE_BY("name"),
  "containers.env": MERGE_BY("name"),
  "initContainers.env": MERGE_BY("name"),
  "containers.ports": MERGE_BY("containerPort"),
  "initContainers.ports": MERGE_BY("containerPort"),
  "containers.volumeMounts": MERGE_BY("mountPath"),
  "initContainers.volumeMounts": MERGE_BY("mountPath"),
  volumes: { mergeKey: "name", strategy: "merge,retainKeys" },
  imagePullSecrets: MERGE_BY("name"),
  hostAliases: MERGE_BY("ip"),
  topologySpreadConstraints: MERGE_BY("topologyKey"),
  // tolerations: no patchStrategy tag -> the list is replaced
};

function objectMeta(rest: readonly string[]): PatchMeta | undefined {
  return rest.length === 1 ? OBJECT_META[rest[0]] : undefined;
}

function podSpec(rest: readonly string[]): PatchMeta | undefined {
  return POD_SPEC[rest.join(".")];
}

function conditions(path: readonly string[]): PatchMeta | undefined {
  return path.length === 2 && path[0] === "status" && path[1] === "conditions" ? MERGE_BY("type") : undefined;
}

export type TestKind = "Pod" | "Deployment" | "Service";

/** The PatchMetaLookup of a kind, from the table above. */
export function metaFor(kind: TestKind): PatchMetaLookup {
  return (path) => {
    if (path[0] === "metadata") return objectMeta(path.slice(1));
    if (path[0] === "status") return conditions(path);
    if (path[0] !== "spec") return undefined;
    switch (kind) {
      case "Pod":
        return podSpec(path.slice(1));
      case "Deployment":
        if (path.length === 2 && path[1] === "strategy") return { strategy: "retainKeys" };
        if (path[1] === "template" && path[2] === "metadata") return objectMeta(path.slice(3));
        if (path[1] === "template" && path[2] === "spec") return podSpec(path.slice(3));
        return undefined;
      case "Service":
        return path.length === 2 && path[1] === "ports" ? MERGE_BY("port") : undefined;
    }
  };
}

/** Freezes a JSON value recursively: patch functions must never mutate their inputs. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null) {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

export const deployment = () =>
  deepFreeze({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "web",
      namespace: "default",
      labels: { app: "web" },
      annotations: { "deployment.kubernetes.io/revision": "2" },
      finalizers: ["example.com/a", "example.com/b"],
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [
            {
              name: "nginx",
              image: "nginx:1.24",
              ports: [{ containerPort: 80, protocol: "TCP" }],
              env: [
                { name: "MODE", value: "prod" },
                { name: "LOG", value: "info" },
              ],
              volumeMounts: [{ name: "data", mountPath: "/data" }],
            },
            { name: "sidecar", image: "busybox:1.36", args: ["sleep", "3600"] },
          ],
          volumes: [{ name: "data", emptyDir: {} }],
          tolerations: [{ key: "dedicated", operator: "Equal", value: "web", effect: "NoSchedule" }],
          imagePullSecrets: [{ name: "regcred" }],
        },
      },
    },
    status: {
      conditions: [
        { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
        { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
      ],
    },
  });

export const pod = () =>
  deepFreeze({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "app",
      namespace: "default",
      labels: { app: "app" },
      ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "app-5d4f", uid: "uid-1", controller: true }],
    },
    spec: {
      initContainers: [{ name: "init", image: "busybox:1.36" }],
      containers: [
        { name: "app", image: "app:1.0", volumeMounts: [{ name: "cfg", mountPath: "/etc/app" }] },
        { name: "istio-proxy", image: "istio/proxyv2:1.22" },
      ],
      volumes: [{ name: "cfg", configMap: { name: "app-config" } }],
    },
  });

export const service = () =>
  deepFreeze({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "dns", namespace: "default" },
    spec: {
      selector: { app: "dns" },
      ports: [
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
    },
  });
