// Each check type against a real in-process cluster: passing, and failing with the learner-facing
// message (the check's own, or a description when a nested check has none).
import { beforeAll, describe, expect, test } from "vitest";
import { testCluster, type TestClient } from "../../support/cluster";
import { evaluateCheck, resolvePath, type CommandLogEntry } from "../../../src/engine/lessons/checks";
import { checkSchema, parsePath, type Check } from "../../../src/engine/lessons/schema";

let c: TestClient;
let commands: CommandLogEntry[] = [];

function run(check: unknown) {
  const parsed = checkSchema.parse(check);
  return evaluateCheck(parsed, { cluster: c.cluster, nowMs: c.nowMs, commands });
}
const pass = (check: Record<string, unknown>) => expect(run({ message: "MISSING", ...check })).toMatchObject({ passed: true, message: "" });
const fail = (check: Record<string, unknown>) => expect(run({ message: "MISSING", ...check })).toEqual({ name: expect.any(String), passed: false, message: "MISSING" });

const deployment = (name: string, replicas: number, image: string) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          { name: "web", image, resources: { limits: { memory: "128Mi" } } },
          { name: "sidecar", image: "busybox:1.36", command: ["sleep", "3600"] },
        ],
      },
    },
  },
});

beforeAll(() => {
  c = testCluster({ nodes: 3 });
  expect(c.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3, "nginx:1.26")).status).toBe(201);
  for (let i = 0; i < 12; i++) c.tick(5_000);
  // A second revision.
  expect(c.request("PATCH", "/apis/apps/v1/namespaces/default/deployments/web", { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } } }, { "content-type": "application/strategic-merge-patch+json" }).status).toBe(200);
  for (let i = 0; i < 36; i++) c.tick(5_000);
  expect(c.request("POST", "/api/v1/namespaces", { metadata: { name: "team-a" } }).status).toBe(201);
  commands = [
    { command: "kubectl get pods", exitCode: 0 },
    { command: "kubectl scale deploy web --replicas=5", exitCode: 1 },
    { command: "echo hi\nkubectl rollout history deployment/web", exitCode: 0 },
  ];
});

describe("exists / notExists", () => {
  test("by name", () => {
    pass({ type: "exists", kind: "Deployment", name: "web" });
    pass({ type: "exists", kind: "deploy", name: "web", namespace: "default" });
    fail({ type: "exists", kind: "Deployment", name: "api" });
    pass({ type: "notExists", kind: "Deployment", name: "api" });
    fail({ type: "notExists", kind: "Deployment", name: "web" });
  });
  test("by selector, in a namespace, and cluster-scoped kinds", () => {
    pass({ type: "exists", kind: "pods", selector: "app=web" });
    fail({ type: "exists", kind: "Pod", selector: "app=web", namespace: "team-a" });
    pass({ type: "exists", kind: "Namespace", name: "team-a" });
    pass({ type: "exists", kind: "Pod", selector: "component=etcd", namespace: "kube-system" });
  });
  test("an unknown kind fails with the message instead of throwing", () => {
    fail({ type: "exists", kind: "Widget", name: "x" });
  });
});

describe("choosing objects by a name pattern", () => {
  test("namePrefix and nameRegex, alone or with a selector", () => {
    pass({ type: "count", kind: "Pod", namePrefix: "web-", equals: 3 });
    pass({ type: "count", kind: "Pod", nameRegex: "^web-[a-z0-9]+-[a-z0-9]{5}$", selector: "app=web", equals: 3 });
    pass({ type: "count", kind: "Pod", namePrefix: "web-", selector: "app=api", equals: 0 });
    fail({ type: "exists", kind: "Pod", namePrefix: "api-" });
    pass({ type: "notExists", kind: "Pod", nameRegex: "^api-" });
    pass({ type: "exists", kind: "Pod", namePrefix: "etcd-", namespace: "kube-system" });
    pass({ type: "fields", kind: "ReplicaSet", namePrefix: "web-", where: [{ path: "metadata.ownerReferences[0].name", op: "equals", value: "web" }] });
    fail({ type: "fields", kind: "Pod", namePrefix: "web-", where: [{ path: "spec.containers[name=web].image", op: "equals", value: "nginx:1.26" }] });
  });
  test("the pattern is named in the description; a name and a pattern together are rejected", () => {
    expect(run({ type: "count", kind: "Pod", namePrefix: "web-", selector: "app=web", equals: 5 }).message).toBe("found 3 Pod objects named web-* labelled app=web, expected 5");
    expect(() => checkSchema.parse({ type: "exists", kind: "Pod", name: "web", namePrefix: "web-" })).toThrow("give either name or namePrefix/nameRegex, not both");
    expect(() => checkSchema.parse({ type: "count", kind: "Pod", nameRegex: "(", min: 1 })).toThrow("is not a valid regular expression");
    expect(() => checkSchema.parse({ type: "fields", kind: "Pod", where: [{ path: "x", op: "exists" }] })).toThrow("give a name, a selector, namePrefix or nameRegex");
  });
});

describe("comparing two fields of the same object (valueFrom)", () => {
  const on = (where: unknown[]) => ({ type: "fields", kind: "Deployment", name: "web", where });
  test("equals, gte, lte and contains against another path", () => {
    pass(on([{ path: "status.readyReplicas", op: "equals", valueFrom: "spec.replicas" }]));
    pass(on([{ path: "status.availableReplicas", op: "gte", valueFrom: "spec.replicas" }]));
    pass(on([{ path: "status.replicas", op: "lte", valueFrom: "spec.replicas" }]));
    pass(on([{ path: "spec.template.metadata.labels.app", op: "equals", valueFrom: "metadata.name" }]));
    pass({ type: "fields", kind: "ReplicaSet", selector: "app=web", where: [{ path: "metadata.name", op: "contains", valueFrom: "metadata.ownerReferences[0].name" }] });
    fail(on([{ path: "spec.replicas", op: "equals", valueFrom: "metadata.generation" }]));
    fail(on([{ path: "spec.replicas", op: "equals", valueFrom: "status.unavailableReplicas" }]));
    fail(on([{ path: "spec.replicas", op: "equals", valueFrom: "spec.template.spec.containers[*].name" }]));
    pass({ type: "count", kind: "Pod", selector: "app=web", where: [{ path: "spec.containers[name=web].name", op: "equals", valueFrom: "spec.containers[0].name" }], equals: 3 });
  });
  test("valueFrom replaces value, and only for comparing ops", () => {
    expect(run({ type: "fields", kind: "Deployment", name: "web", where: [{ path: "status.readyReplicas", op: "equals", valueFrom: "spec.replicas" }] }).name).toBe("Deployment web: status.readyReplicas equals spec.replicas");
    expect(() => checkSchema.parse(on([{ path: "spec.replicas", op: "equals", value: 3, valueFrom: "status.replicas" }]))).toThrow("give either value or valueFrom, not both");
    expect(() => checkSchema.parse(on([{ path: "spec.replicas", op: "regex", valueFrom: "status.replicas" }]))).toThrow("valueFrom works with equals, gte, lte, contains, not regex");
    expect(() => checkSchema.parse(on([{ path: "spec.replicas", op: "equals", valueFrom: "spec..x" }]))).toThrow("is not a valid field path");
  });
});

describe("fields", () => {
  const on = (where: unknown[]) => ({ type: "fields", kind: "Deployment", name: "web", where });
  test("equals, with list filters and indexes", () => {
    pass(on([{ path: "spec.replicas", op: "equals", value: 3 }]));
    pass(on([{ path: "spec.replicas", op: "equals", value: "3" }]));
    pass(on([{ path: "spec.template.spec.containers[name=web].image", op: "equals", value: "nginx:1.27" }]));
    pass(on([{ path: "spec.template.spec.containers[1].name", op: "equals", value: "sidecar" }]));
    pass(on([{ path: 'metadata.labels["app"]', op: "equals", value: "web" }]));
    fail(on([{ path: "spec.template.spec.containers[name=web].image", op: "equals", value: "nginx:1.26" }]));
    fail(on([{ path: "spec.template.spec.containers[name=db].image", op: "equals", value: "nginx:1.27" }]));
  });
  test("regex, oneOf, contains", () => {
    pass(on([{ path: "spec.template.spec.containers[name=web].image", op: "regex", value: "^nginx:1\\.2[67]$" }]));
    fail(on([{ path: "spec.template.spec.containers[name=web].image", op: "regex", value: "^busybox" }]));
    pass(on([{ path: "spec.strategy.type", op: "oneOf", value: ["RollingUpdate", "Recreate"] }]));
    fail(on([{ path: "spec.strategy.type", op: "oneOf", value: ["Recreate"] }]));
    pass(on([{ path: "spec.template.spec.containers[name=sidecar].command", op: "contains", value: "sleep" }]));
    pass(on([{ path: "spec.template.spec.containers[name=web].image", op: "contains", value: "1.27" }]));
    pass(on([{ path: "metadata.labels", op: "contains", value: "app" }]));
    fail(on([{ path: "metadata.labels", op: "contains", value: "tier" }]));
  });
  test("gte and lte, on numbers and on quantities", () => {
    pass(on([{ path: "spec.replicas", op: "gte", value: 3 }]));
    fail(on([{ path: "spec.replicas", op: "gte", value: 4 }]));
    pass(on([{ path: "spec.replicas", op: "lte", value: 3 }]));
    fail(on([{ path: "spec.replicas", op: "lte", value: 2 }]));
    pass(on([{ path: "spec.template.spec.containers[name=web].resources.limits.memory", op: "gte", value: "100Mi" }]));
    fail(on([{ path: "spec.template.spec.containers[name=web].resources.limits.memory", op: "gte", value: "1Gi" }]));
    fail(on([{ path: "metadata.name", op: "gte", value: 1 }]));
  });
  test("exists and absent", () => {
    pass(on([{ path: "spec.template.spec.containers[name=web].resources.limits", op: "exists" }]));
    fail(on([{ path: "spec.template.spec.containers[name=sidecar].resources.limits", op: "exists" }]));
    pass(on([{ path: "spec.paused", op: "absent" }]));
    fail(on([{ path: "spec.replicas", op: "absent" }]));
  });
  test("every condition must hold on every selected object", () => {
    pass({ type: "fields", kind: "Pod", selector: "app=web", where: [{ path: "status.phase", op: "equals", value: "Running" }, { path: "spec.containers[name=web].image", op: "equals", value: "nginx:1.27" }] });
    fail({ type: "fields", kind: "Pod", selector: "app=nothing", where: [{ path: "status.phase", op: "equals", value: "Running" }] });
  });
});

describe("count", () => {
  const ready = [
    { path: "status.phase", op: "equals", value: "Running" },
    { path: "status.conditions[type=Ready].status", op: "equals", value: "True" },
  ];
  test("objects matching a selector and field conditions", () => {
    pass({ type: "count", kind: "Pod", selector: "app=web", where: ready, equals: 3 });
    fail({ type: "count", kind: "Pod", selector: "app=web", where: ready, equals: 4 });
    pass({ type: "count", kind: "Pod", selector: "app=web", min: 2, max: 3 });
    fail({ type: "count", kind: "Pod", selector: "app=web", max: 2 });
    pass({ type: "count", kind: "Pod", selector: "app=web", where: [{ path: "spec.containers[name=web].image", op: "equals", value: "nginx:1.26" }], equals: 0 });
  });
  test("distinct values: three pods on three different nodes", () => {
    pass({ type: "count", kind: "Pod", selector: "app=web", where: ready, distinct: "spec.nodeName", equals: 3 });
    fail({ type: "count", kind: "Pod", selector: "app=web", where: ready, distinct: "spec.nodeName", min: 4 });
    pass({ type: "count", kind: "ReplicaSet", selector: "app=web", distinct: "spec.template.spec.containers[name=web].image", equals: 2 });
  });
});

describe("condition", () => {
  test("type, status and reason", () => {
    pass({ type: "condition", kind: "Deployment", name: "web", condition: "Available" });
    pass({ type: "condition", kind: "Deployment", name: "web", condition: "Progressing", status: true, reason: "NewReplicaSetAvailable" });
    fail({ type: "condition", kind: "Deployment", name: "web", condition: "Progressing", reason: "ReplicaSetUpdated" });
    fail({ type: "condition", kind: "Deployment", name: "web", condition: "Available", status: "False" });
    fail({ type: "condition", kind: "Deployment", name: "web", condition: "ReplicaFailure" });
    pass({ type: "condition", kind: "Pod", selector: "app=web", condition: "Ready" });
    pass({ type: "condition", kind: "Node", name: "node01", condition: "Ready" });
  });
});

describe("event", () => {
  test("reason and involved object", () => {
    pass({ type: "event", reason: "ScalingReplicaSet", involvedObject: { kind: "Deployment", name: "web" } });
    pass({ type: "event", reason: "ScalingReplicaSet", messageRegex: "Scaled up replica set web-" });
    fail({ type: "event", reason: "ScalingReplicaSet", involvedObject: { kind: "Deployment", name: "api" } });
    fail({ type: "event", reason: "BackOff" });
    fail({ type: "event", reason: "ScalingReplicaSet", namespace: "team-a" });
  });
  test("an involved object with a generated name, by prefix or pattern", () => {
    pass({ type: "event", reason: "Scheduled", involvedObject: { kind: "Pod", namePrefix: "web-" } });
    pass({ type: "event", reason: "Pulled", involvedObject: { nameRegex: "^web-[a-z0-9]+-[a-z0-9]{5}$" }, messageRegex: "nginx" });
    fail({ type: "event", reason: "Scheduled", involvedObject: { kind: "Pod", namePrefix: "api-" } });
    fail({ type: "event", reason: "Scheduled", involvedObject: { kind: "Deployment", namePrefix: "web" } });
    expect(run({ type: "event", reason: "Scheduled", involvedObject: { kind: "Pod", namePrefix: "api-" } }).name).toBe("a Scheduled event for Pod named api-*");
    expect(() => checkSchema.parse({ type: "event", reason: "Scheduled", involvedObject: { name: "web", namePrefix: "web-" } })).toThrow("give one of name, namePrefix or nameRegex");
  });
});

describe("rollout", () => {
  test("revisions, image, paused, complete", () => {
    pass({ type: "rollout", deployment: "web", revisions: { equals: 2 }, image: "nginx:1.27", complete: true, paused: false });
    fail({ type: "rollout", deployment: "web", revisions: { min: 3 } });
    pass({ type: "rollout", deployment: "web", container: "sidecar", image: "busybox:1.36" });
    fail({ type: "rollout", deployment: "web", image: "nginx:1.26" });
    fail({ type: "rollout", deployment: "web", paused: true });
    fail({ type: "rollout", deployment: "gone", complete: true });
  });
});

describe("commandUsed", () => {
  test("a pattern over each line the learner ran, successful ones by default", () => {
    pass({ type: "commandUsed", pattern: "^kubectl get (pods|po)\\b" });
    pass({ type: "commandUsed", pattern: "^kubectl rollout history" });
    fail({ type: "commandUsed", pattern: "^kubectl scale" });
    pass({ type: "commandUsed", pattern: "^kubectl scale", succeeded: false });
    fail({ type: "commandUsed", pattern: "^kubectl delete" });
  });
});

describe("access (what RBAC allows a user, as kubectl auth can-i --as)", () => {
  beforeAll(() => {
    expect(c.request("POST", "/api/v1/namespaces/team-a/serviceaccounts", { metadata: { name: "ci" } }).status).toBe(201);
    const role = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] }] };
    expect(c.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/roles", role).status).toBe(201);
    const binding = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "read-pods" },
      subjects: [{ kind: "ServiceAccount", name: "ci", namespace: "team-a" }, { kind: "User", name: "jane", apiGroup: "rbac.authorization.k8s.io" }],
      roleRef: { kind: "Role", name: "pod-reader", apiGroup: "rbac.authorization.k8s.io" },
    };
    expect(c.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/team-a/rolebindings", binding).status).toBe(201);
  });
  test("users and service accounts, verbs, namespaces, groups of resources", () => {
    pass({ type: "access", as: "system:serviceaccount:team-a:ci", verb: "list", resource: "pods", namespace: "team-a" });
    pass({ type: "access", as: "jane", verb: "watch", resource: "pods", namespace: "team-a" });
    fail({ type: "access", as: "jane", verb: "delete", resource: "pods", namespace: "team-a" });
    fail({ type: "access", as: "jane", verb: "list", resource: "pods" });
    pass({ type: "access", as: "jane", verb: "list", resource: "pods", allowed: false });
    fail({ type: "access", as: "jane", verb: "list", resource: "deployments", namespace: "team-a" });
    fail({ type: "access", as: "jane", verb: "get", resource: "pods", subresource: "log", namespace: "team-a" });
    pass({ type: "access", as: "jane", verb: "get", resource: "pods", name: "anything", namespace: "team-a" });
    pass({ type: "access", as: "system:serviceaccount:team-a:ci", verb: "list", resource: "nodes", allowed: false });
    pass({ type: "access", as: "admin", groups: ["system:masters"], verb: "delete", resource: "deployments.apps", namespace: "team-a" });
  });
  test("asking stores nothing, and the answer is described", () => {
    const before = c.cluster.store.resourceVersion;
    run({ type: "access", as: "jane", verb: "list", resource: "pods", namespace: "team-a" });
    expect(c.cluster.store.resourceVersion).toBe(before);
    expect(run({ type: "access", as: "jane", verb: "delete", resource: "pods", namespace: "team-a" }).name).toBe("jane may delete pods in namespace team-a");
    expect(run({ type: "all", checks: [{ type: "access", as: "jane", verb: "delete", resource: "pods", namespace: "team-a" }] }).message).toBe("jane may not delete pods in namespace team-a");
  });
});

describe("all / any / not", () => {
  const yes = { type: "exists", kind: "Deployment", name: "web" };
  const no = { type: "exists", kind: "Deployment", name: "api", message: "There is no api Deployment yet." };
  test("composition", () => {
    pass({ type: "all", checks: [yes, yes] });
    fail({ type: "all", checks: [yes, no] });
    pass({ type: "any", checks: [no, yes] });
    fail({ type: "any", checks: [no, no] });
    pass({ type: "not", check: no });
    fail({ type: "not", check: yes });
  });
  test("a composite without its own message reports the first failing child's", () => {
    expect(run({ type: "all", checks: [yes, no] })).toEqual({ name: "Deployment web exists and Deployment api exists", passed: false, message: "There is no api Deployment yet." });
    expect(run({ type: "all", checks: [yes, { type: "count", kind: "Pod", selector: "app=web", equals: 5 }] }).message).toBe("found 3 Pod objects labelled app=web, expected 5");
  });
  test("a check's title is its name; otherwise a description", () => {
    expect(run({ type: "exists", kind: "Deployment", name: "web", title: "the web Deployment" }).name).toBe("the web Deployment");
    expect(run({ type: "fields", kind: "Deployment", name: "web", where: [{ path: "spec.replicas", op: "equals", value: 3 }] }).name).toBe("Deployment web: spec.replicas equals 3");
  });
});

describe("a deleted object", () => {
  test("checks on it simply fail with their message", () => {
    const d = testCluster({ nodes: 1 });
    expect(d.request("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "cfg" }, data: { a: "1" } }).status).toBe(201);
    const check = checkSchema.parse({ type: "fields", kind: "ConfigMap", name: "cfg", where: [{ path: "data.a", op: "equals", value: "1" }], message: "cfg has no a=1" }) as Check;
    expect(evaluateCheck(check, { cluster: d.cluster, nowMs: d.nowMs, commands: [] }).passed).toBe(true);
    expect(d.request("DELETE", "/api/v1/namespaces/default/configmaps/cfg").status).toBe(200);
    expect(evaluateCheck(check, { cluster: d.cluster, nowMs: d.nowMs, commands: [] })).toEqual({ name: "ConfigMap cfg: data.a equals \"1\"", passed: false, message: "cfg has no a=1" });
  });
});

describe("paths", () => {
  test("filters, indexes, quoted keys and wildcards", () => {
    const obj = { spec: { containers: [{ name: "a", image: "x" }, { name: "b", image: "y" }] }, metadata: { labels: { "app.kubernetes.io/name": "web" } } };
    expect(resolvePath(obj, parsePath("spec.containers[name=b].image"))).toEqual(["y"]);
    expect(resolvePath(obj, parsePath("spec.containers[0].image"))).toEqual(["x"]);
    expect(resolvePath(obj, parsePath("spec.containers[*].name"))).toEqual(["a", "b"]);
    expect(resolvePath(obj, parsePath('metadata.labels["app.kubernetes.io/name"]'))).toEqual(["web"]);
    expect(resolvePath(obj, parsePath("spec.containers[5].image"))).toEqual([]);
    expect(() => parsePath("spec..x")).toThrow("unexpected '.'");
    expect(() => parsePath("spec.containers[name")).toThrow("unclosed '['");
  });
});
