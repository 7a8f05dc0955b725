import { describe, expect, it } from "vitest";
import { applyStrategicMergePatch, PatchError } from "../../../src/engine/machinery/patch";
import { deepFreeze, deployment, metaFor, pod, service, type TestKind } from "./fixtures";

type Obj = Record<string, any>;

interface Case {
  name: string;
  kind: TestKind;
  original: () => unknown;
  patch: unknown;
  /** The part of the result to compare (the whole result when omitted). */
  pick?: (out: Obj) => unknown;
  want: unknown;
}

const podSpecOf = (o: Obj) => o.spec.template.spec;
const containersOf = (o: Obj) => o.spec.template.spec.containers;
const nginxOf = (o: Obj) => o.spec.template.spec.containers[0];
const templateSpec = (spec: Obj) => ({ spec: { template: { spec } } });

const NGINX = deployment().spec.template.spec.containers[0];
const SIDECAR = deployment().spec.template.spec.containers[1];

const cases: Case[] = [
  // ---- containers merged by name ----
  {
    name: "kubectl set image: the container is merged by name, $setElementOrder keeps the order",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }], containers: [{ image: "nginx:1.25", name: "nginx" }] }),
    pick: containersOf,
    want: [{ ...NGINX, image: "nginx:1.25" }, SIDECAR],
  },
  {
    name: "hand-written patch of the second container keeps the live order",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "sidecar", image: "busybox:1.37" }] }),
    pick: containersOf,
    want: [NGINX, { ...SIDECAR, image: "busybox:1.37" }],
  },
  {
    name: "hand-written patch adding a container puts it first (patch items lead server-only items)",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "logger", image: "fluent-bit:3" }] }),
    pick: containersOf,
    want: [{ name: "logger", image: "fluent-bit:3" }, NGINX, SIDECAR],
  },
  {
    name: "kubectl apply adding a container in the middle ($setElementOrder/containers)",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({
      "$setElementOrder/containers": [{ name: "nginx" }, { name: "logger" }, { name: "sidecar" }],
      containers: [{ image: "fluent-bit:3", name: "logger" }],
    }),
    pick: (o) => containersOf(o).map((c: Obj) => c.name),
    want: ["nginx", "logger", "sidecar"],
  },
  {
    name: "kubectl apply removing a container ($patch: delete)",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ "$setElementOrder/containers": [{ name: "nginx" }], containers: [{ $patch: "delete", name: "sidecar" }] }),
    pick: containersOf,
    want: [NGINX],
  },
  {
    // Go's deletion shifts the live list in place and the new item fills the freed slot, so the
    // live order seen when placing server-only items is [a, istio-proxy, c] (as in apimachinery's
    // "add map and delete map from merging list" test).
    name: "kubectl apply replacing one container by another: the new one lands after a server-only container",
    kind: "Pod",
    original: () => deepFreeze({ spec: { containers: [{ name: "a" }, { name: "b" }, { name: "istio-proxy" }] } }),
    patch: { spec: { "$setElementOrder/containers": [{ name: "a" }, { name: "c" }], containers: [{ name: "c", image: "c:1" }, { $patch: "delete", name: "b" }] } },
    pick: (o) => o.spec.containers.map((c: Obj) => c.name),
    want: ["a", "istio-proxy", "c"],
  },
  {
    name: "a server-injected sidecar survives kubectl apply of the app container",
    kind: "Pod",
    original: pod,
    patch: { spec: { "$setElementOrder/containers": [{ name: "app" }], containers: [{ image: "app:1.1", name: "app" }] } },
    pick: (o) => o.spec.containers,
    want: [{ ...pod().spec.containers[0], image: "app:1.1" }, pod().spec.containers[1]],
  },
  {
    name: "$patch: replace on the containers list replaces it",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "only", image: "only:1" }, { $patch: "replace" }] }),
    pick: containersOf,
    want: [{ name: "only", image: "only:1" }],
  },
  {
    name: "initContainers merged by name",
    kind: "Pod",
    original: pod,
    patch: { spec: { initContainers: [{ name: "init", command: ["sh", "-c", "true"] }] } },
    pick: (o) => o.spec.initContainers,
    want: [{ name: "init", image: "busybox:1.36", command: ["sh", "-c", "true"] }],
  },
  // ---- nested merge lists inside a container ----
  {
    name: "env merged by name, ordered by $setElementOrder/env",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({
      "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }],
      containers: [{ "$setElementOrder/env": [{ name: "MODE" }, { name: "LOG" }, { name: "NEW" }], env: [{ name: "LOG", value: "debug" }, { name: "NEW", value: "x" }], name: "nginx" }],
    }),
    pick: (o) => nginxOf(o).env,
    want: [{ name: "MODE", value: "prod" }, { name: "LOG", value: "debug" }, { name: "NEW", value: "x" }],
  },
  {
    name: "env item deleted with $patch: delete",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "nginx", env: [{ $patch: "delete", name: "MODE" }] }] }),
    pick: (o) => nginxOf(o).env,
    want: [{ name: "LOG", value: "info" }],
  },
  {
    name: "null inside a merged env item deletes that field",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "nginx", env: [{ name: "MODE", value: null, valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }] }] }),
    pick: (o) => nginxOf(o).env,
    want: [{ name: "MODE", valueFrom: { fieldRef: { fieldPath: "metadata.name" } } }, { name: "LOG", value: "info" }],
  },
  {
    name: "ports merged by containerPort",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({
      containers: [{ "$setElementOrder/ports": [{ containerPort: 80 }, { containerPort: 443 }], name: "nginx", ports: [{ containerPort: 80, name: "http" }, { containerPort: 443, name: "https" }] }],
    }),
    pick: (o) => nginxOf(o).ports,
    want: [{ containerPort: 80, protocol: "TCP", name: "http" }, { containerPort: 443, name: "https" }],
  },
  {
    name: "volumeMounts merged by mountPath",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "nginx", volumeMounts: [{ mountPath: "/data", readOnly: true, name: "data" }] }] }),
    pick: (o) => nginxOf(o).volumeMounts,
    want: [{ name: "data", mountPath: "/data", readOnly: true }],
  },
  // ---- volumes: merge by name + retainKeys ----
  {
    name: "kubectl apply switching a volume's source: $retainKeys drops emptyDir",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ "$setElementOrder/volumes": [{ name: "data" }], volumes: [{ $retainKeys: ["configMap", "name"], configMap: { name: "cfg" }, name: "data" }] }),
    pick: (o) => podSpecOf(o).volumes,
    want: [{ name: "data", configMap: { name: "cfg" } }],
  },
  {
    name: "without $retainKeys both volume sources remain (validation then rejects it)",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ volumes: [{ configMap: { name: "cfg" }, name: "data" }] }),
    pick: (o) => podSpecOf(o).volumes,
    want: [{ name: "data", emptyDir: {}, configMap: { name: "cfg" } }],
  },
  {
    name: "a new volume is appended by kubectl apply order",
    kind: "Pod",
    original: pod,
    patch: { spec: { "$setElementOrder/volumes": [{ name: "cfg" }, { name: "tmp" }], volumes: [{ emptyDir: {}, name: "tmp" }] } },
    pick: (o) => o.spec.volumes,
    want: [{ name: "cfg", configMap: { name: "app-config" } }, { name: "tmp", emptyDir: {} }],
  },
  // ---- Deployment strategy: retainKeys ----
  {
    name: "kubectl apply RollingUpdate -> Recreate: $retainKeys removes rollingUpdate",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } },
    pick: (o) => o.spec.strategy,
    want: { type: "Recreate" },
  },
  {
    name: "kubectl patch strategy type only: rollingUpdate is kept (the server then rejects it)",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { strategy: { type: "Recreate" } } },
    pick: (o) => o.spec.strategy,
    want: { type: "Recreate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
  },
  {
    name: "kubectl patch strategy type with rollingUpdate: null",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { strategy: { type: "Recreate", rollingUpdate: null } } },
    pick: (o) => o.spec.strategy,
    want: { type: "Recreate" },
  },
  {
    name: "$retainKeys listing the merged keys merges rollingUpdate",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { strategy: { $retainKeys: ["rollingUpdate", "type"], rollingUpdate: { maxSurge: 1 }, type: "RollingUpdate" } } },
    pick: (o) => o.spec.strategy,
    want: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: "25%" } },
  },
  // ---- replaced lists ----
  {
    name: "tolerations have no merge key: the list is replaced",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ tolerations: [{ key: "gpu", operator: "Exists" }] }),
    pick: (o) => podSpecOf(o).tolerations,
    want: [{ key: "gpu", operator: "Exists" }],
  },
  {
    name: "container args (no strategy) are replaced",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "sidecar", args: ["sleep", "60"] }] }),
    pick: (o) => containersOf(o)[1].args,
    want: ["sleep", "60"],
  },
  {
    name: "imagePullSecrets merged by name",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ imagePullSecrets: [{ name: "other" }] }),
    pick: (o) => podSpecOf(o).imagePullSecrets,
    want: [{ name: "other" }, { name: "regcred" }],
  },
  // ---- metadata ----
  {
    name: "finalizers merge as a set (a new one goes first)",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { finalizers: ["example.com/c", "example.com/a"] } },
    pick: (o) => o.metadata.finalizers,
    want: ["example.com/c", "example.com/a", "example.com/b"],
  },
  {
    name: "finalizers: $deleteFromPrimitiveList removes one",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["example.com/a"] } },
    pick: (o) => o.metadata.finalizers,
    want: ["example.com/b"],
  },
  {
    name: "finalizers: kubectl apply removing one and adding one, keeping a server-added one",
    kind: "Deployment",
    original: () => deepFreeze({ metadata: { finalizers: ["a", "b", "x"] } }),
    patch: { metadata: { "$deleteFromPrimitiveList/finalizers": ["b"], "$setElementOrder/finalizers": ["a", "c"], finalizers: ["c"] } },
    pick: (o) => o.metadata.finalizers,
    want: ["a", "c", "x"],
  },
  {
    name: "finalizers: null removes the list",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { finalizers: null } },
    pick: (o) => o.metadata,
    want: { name: "web", namespace: "default", labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "2" } },
  },
  {
    name: "ownerReferences merged by uid",
    kind: "Pod",
    original: pod,
    patch: { metadata: { ownerReferences: [{ uid: "uid-1", blockOwnerDeletion: true }, { apiVersion: "v1", kind: "Node", name: "n1", uid: "uid-2" }] } },
    pick: (o) => o.metadata.ownerReferences,
    want: [
      { apiVersion: "apps/v1", kind: "ReplicaSet", name: "app-5d4f", uid: "uid-1", controller: true, blockOwnerDeletion: true },
      { apiVersion: "v1", kind: "Node", name: "n1", uid: "uid-2" },
    ],
  },
  {
    name: "labels: a strategic patch merges maps, null deletes",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { labels: { app: null, tier: "web" } } },
    pick: (o) => o.metadata.labels,
    want: { tier: "web" },
  },
  {
    name: "$patch: replace on a map replaces it",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { labels: { $patch: "replace", team: "a" } } },
    pick: (o) => o.metadata.labels,
    want: { team: "a" },
  },
  {
    name: "$patch: delete on a map leaves it empty",
    kind: "Deployment",
    original: deployment,
    patch: { metadata: { annotations: { $patch: "delete" } } },
    pick: (o) => o.metadata.annotations,
    want: {},
  },
  // ---- status conditions, Service ports ----
  {
    name: "conditions merged by type",
    kind: "Deployment",
    original: deployment,
    patch: { status: { conditions: [{ type: "Available", status: "False", reason: "MinimumReplicasUnavailable" }] } },
    pick: (o) => o.status.conditions,
    want: [
      { type: "Available", status: "False", reason: "MinimumReplicasUnavailable" },
      { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
    ],
  },
  {
    name: "Service ports merged by port",
    kind: "Service",
    original: service,
    patch: { spec: { ports: [{ port: 9153, targetPort: 9154 }] } },
    pick: (o) => o.spec.ports,
    want: [
      { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
      { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9154 },
    ],
  },
  {
    name: "Service ports: the merge key is port alone, so a UDP port 53 merges into the TCP one",
    kind: "Service",
    original: service,
    patch: { spec: { ports: [{ name: "dns-udp", port: 53, protocol: "UDP" }] } },
    pick: (o) => o.spec.ports,
    want: [
      { name: "dns-udp", port: 53, protocol: "UDP", targetPort: 53 },
      { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
    ],
  },
  // ---- scalars, nulls, new values ----
  {
    name: "kubectl rollout pause",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { paused: true } },
    pick: (o) => [o.spec.paused, o.spec.replicas],
    want: [true, 2],
  },
  {
    name: "kubectl rollout resume (paused: null)",
    kind: "Deployment",
    original: () => deepFreeze({ spec: { paused: true, replicas: 2 } }),
    patch: { spec: { paused: null } },
    want: { spec: { replicas: 2 } },
  },
  {
    name: "kubectl rollout restart annotates the template",
    kind: "Deployment",
    original: deployment,
    patch: { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" } } } } },
    pick: (o) => o.spec.template.metadata,
    want: { labels: { app: "web" }, annotations: { "kubectl.kubernetes.io/restartedAt": "2025-01-01T00:00:00Z" } },
  },
  {
    name: "a new map field has its nulls discarded",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ securityContext: { runAsUser: 1000, fsGroup: null } }),
    pick: (o) => podSpecOf(o).securityContext,
    want: { runAsUser: 1000 },
  },
  {
    name: "a new list item is taken as is, nulls included (the typed decode drops them)",
    kind: "Deployment",
    original: deployment,
    patch: templateSpec({ containers: [{ name: "x", image: "x:1", resources: null }] }),
    pick: (o) => containersOf(o)[0],
    want: { name: "x", image: "x:1", resources: null },
  },
  {
    name: "a value of another type replaces (map over scalar)",
    kind: "Deployment",
    original: () => deepFreeze({ spec: { x: 1 } }),
    patch: { spec: { x: { a: 1, b: null } } },
    want: { spec: { x: { a: 1 } } },
  },
  {
    name: "a null patch changes nothing",
    kind: "Deployment",
    original: deployment,
    patch: null,
    want: deployment(),
  },
  {
    name: "an empty patch changes nothing",
    kind: "Deployment",
    original: deployment,
    patch: {},
    want: deployment(),
  },
];

describe("strategic merge patch: server-side StrategicMergeMapPatch semantics", () => {
  it.each(cases)("$name", ({ kind, original, patch, pick, want }) => {
    const out = applyStrategicMergePatch(original(), deepFreeze(patch), metaFor(kind)) as Obj;
    expect(pick ? pick(out) : out).toEqual(want);
  });

  it("never mutates its inputs and shares nothing with the patch", () => {
    const patch = deepFreeze(templateSpec({ containers: [{ name: "new", args: ["a"] }] }));
    const original = deployment();
    const out = applyStrategicMergePatch(original, patch, metaFor("Deployment")) as Obj;
    containersOf(out)[0].args.push("b");
    expect(patch.spec.template.spec.containers[0].args).toEqual(["a"]);
    expect(original).toEqual(deployment());
  });

  it("keeps a __proto__ key as data", () => {
    const out = applyStrategicMergePatch({}, JSON.parse('{"__proto__":{"polluted":true}}'), () => undefined) as Obj;
    expect(Object.prototype.hasOwnProperty.call(out, "__proto__")).toBe(true);
    expect(({} as Obj).polluted).toBeUndefined();
  });

  it("$patch: replace at the root replaces the whole object", () => {
    expect(applyStrategicMergePatch(deployment(), { $patch: "replace", kind: "Deployment" }, metaFor("Deployment"))).toEqual({ kind: "Deployment" });
  });

  it("large lists merge without quadratic blow-up (10k live items, 10k patch items)", () => {
    const n = 10_000;
    const live = deepFreeze({ spec: { containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: "x" })) } });
    const patch = deepFreeze({
      spec: {
        "$setElementOrder/containers": Array.from({ length: 2 * n }, (_, i) => ({ name: `c${i}` })),
        containers: Array.from({ length: n }, (_, i) => ({ name: `c${n + i}`, image: "y" })),
      },
    });
    const out = applyStrategicMergePatch(live, patch, metaFor("Pod")) as Obj;
    expect(out.spec.containers.length).toBe(2 * n);
    expect(out.spec.containers[n]).toEqual({ name: `c${n}`, image: "y" });
  });

  it("asks the lookup with field paths from the root, array steps omitted", () => {
    const asked: string[] = [];
    const meta = metaFor("Deployment");
    applyStrategicMergePatch(deployment(), templateSpec({ containers: [{ name: "nginx", env: [{ name: "LOG", value: "x" }] }] }), (p) => {
      asked.push(p.join("."));
      return meta(p);
    });
    expect(asked).toEqual(["spec", "spec.template", "spec.template.spec", "spec.template.spec.containers", "spec.template.spec.containers.env"]);
  });
});

interface ErrCase {
  name: string;
  kind?: TestKind;
  original?: () => unknown;
  patch: unknown;
  code: number;
  message: string;
  detail?: string;
}

const G422 = "the server rejected our request due to an error in our request";
const errors: ErrCase[] = [
  // 400 BadRequest: the mergepatch sentinels
  { name: "$retainKeys that is not a list", patch: { spec: { strategy: { $retainKeys: "type", type: "Recreate" } } }, code: 400, message: "invalid patch format of retainKeys" },
  { name: "$retainKeys not listing a key the patch sets", patch: { spec: { strategy: { $retainKeys: ["type"], type: "Recreate", rollingUpdate: { maxSurge: 1 } } } }, code: 400, message: "invalid patch format of retainKeys" },
  { name: "$setElementOrder without /<list>", patch: templateSpec({ $setElementOrder: [{ name: "nginx" }] }), code: 400, message: "invalid patch format of setElementOrder list" },
  { name: "$setElementOrderX/containers", patch: templateSpec({ "$setElementOrderX/containers": [{ name: "nginx" }] }), code: 400, message: "invalid patch format of setElementOrder list" },
  { name: "$deleteFromPrimitiveList without /<list>", patch: { metadata: { $deleteFromPrimitiveList: ["a"] } }, code: 400, message: "invalid patch format of primitive list" },
  { name: "a list body", patch: [{ spec: {} }], code: 400, message: "json: cannot unmarshal array into Go value of type map[string]interface {}" },
  { name: "a string body", patch: "spec", code: 400, message: "json: cannot unmarshal string into Go value of type map[string]interface {}" },
  // 422 Invalid: ErrNoListOfLists, with the generic message
  { name: "a list of lists in a merge list", original: () => deepFreeze({ metadata: { finalizers: [] } }), patch: { metadata: { finalizers: [["a"]] } }, code: 422, message: G422, detail: "lists of lists are not supported" },
  // 500: every other error, with its Go text
  { name: "a list item without its merge key", patch: templateSpec({ containers: [{ image: "nginx:1.25" }] }), code: 500, message: "map: map[image:nginx:1.25] does not contain declared merge key: name" },
  { name: "a volume without its name", patch: templateSpec({ volumes: [{ hostPath: { path: "/var/lib/kubelet/pods" } }] }), code: 500, message: "map: map[hostPath:map[path:/var/lib/kubelet/pods]] does not contain declared merge key: name" },
  { name: "$patch: delete without the merge key", patch: templateSpec({ containers: [{ $patch: "delete" }] }), code: 500, message: "map: map[$patch:delete] does not contain declared merge key: name" },
  { name: "$patch: merge in a list", patch: templateSpec({ containers: [{ $patch: "merge" }] }), code: 500, message: "merging lists cannot yet be specified in the patch" },
  { name: "an unknown $patch in a list item", patch: templateSpec({ containers: [{ $patch: "foo", name: "nginx" }] }), code: 500, message: "unknown patch type: foo in map: map[$patch:foo name:nginx]" },
  { name: "$patch: merge in a map", patch: { metadata: { labels: { $patch: "merge", app: "x" } } }, code: 500, message: "unknown patch type: merge in map: map[$patch:merge app:x]" },
  {
    name: "a patch list out of the $setElementOrder order",
    patch: templateSpec({ "$setElementOrder/containers": [{ name: "nginx" }, { name: "sidecar" }], containers: [{ name: "sidecar", image: "a" }, { name: "nginx", image: "b" }] }),
    code: 500,
    message: "The order in patch list:\n[map[image:a name:sidecar] map[image:b name:nginx]]\n doesn't match $setElementOrder list:\n[map[name:nginx] map[name:sidecar]]\n",
  },
  { name: "$setElementOrder that is not a list", patch: templateSpec({ "$setElementOrder/containers": "nginx" }), code: 500, message: "expected a []interface {}, but received a string" },
  { name: "list items of different types", patch: { metadata: { finalizers: [1] } }, code: 500, message: "list element types are not identical: [[example.com/a example.com/b] [1]]" },
];

describe("strategic merge patch errors: codes and messages of the real server", () => {
  it.each(errors)("$name -> $code", ({ kind, original, patch, code, message, detail }) => {
    let err: unknown;
    try {
      applyStrategicMergePatch((original ?? deployment)(), deepFreeze(patch), metaFor(kind ?? "Deployment"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PatchError);
    const pe = err as PatchError;
    expect([pe.code, pe.message]).toEqual([code, message]);
    if (detail !== undefined) expect(pe.detail).toBe(detail);
  });

  it("a 500 renders as a Status without a reason (kubectl: 'Error from server: ...')", () => {
    try {
      applyStrategicMergePatch(deployment(), templateSpec({ containers: [{ image: "x" }] }), metaFor("Deployment"));
      expect.unreachable();
    } catch (e) {
      expect((e as PatchError).toStatus()).toEqual({
        kind: "Status",
        apiVersion: "v1",
        metadata: {},
        status: "Failure",
        message: "map: map[image:x] does not contain declared merge key: name",
        code: 500,
      });
    }
  });

  it("a patch nested deeper than the depth limit is 400", () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) deep = { x: deep };
    expect(() => applyStrategicMergePatch({}, deep, () => undefined)).toThrowError(expect.objectContaining({ code: 400, message: "the patch is nested too deeply" }));
  });
});
