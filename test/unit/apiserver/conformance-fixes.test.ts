// Engine fixes found by the kubectl conformance suite (test/conformance), pinned in-process.
import { describe, expect, it } from "vitest";
import { testCluster } from "../../support/cluster";

describe("field selectors the kind does not support", () => {
  const c = testCluster();
  const fail = (path: string) => {
    const r = c.request("GET", path);
    return { code: r.status, reason: r.body.reason, message: r.body.message };
  };

  it("answer the conversion's own message; kubectl adds the 'Unable to find' prefix itself", () => {
    expect(fail("/api/v1/namespaces/default/pods?fieldSelector=foo%3Dbar")).toEqual({ code: 400, reason: "BadRequest", message: "field label not supported: foo" });
    expect(fail("/api/v1/nodes?fieldSelector=spec.foo%3Dx")).toEqual({ code: 400, reason: "BadRequest", message: "field label not supported: spec.foo" });
  });

  it("Nodes and Namespaces do not select on metadata.namespace", () => {
    expect(fail("/api/v1/nodes?fieldSelector=metadata.namespace%3Dx").message).toBe("field label not supported: metadata.namespace");
    expect(fail("/api/v1/namespaces?fieldSelector=metadata.namespace%3Dx").message).toBe("field label not supported: metadata.namespace");
    expect(c.request("GET", "/api/v1/namespaces?fieldSelector=metadata.name%3Ddefault").body.items).toHaveLength(1);
  });

  it("batch/v1 Jobs name the kind", () => {
    expect(fail("/apis/batch/v1/namespaces/default/jobs?fieldSelector=spec.foo%3Dx").message).toBe('field label "spec.foo" not supported for batchv1.Job');
  });

  it("kinds without a field label conversion list the two metadata fields", () => {
    expect(fail("/api/v1/namespaces/default/configmaps?fieldSelector=foo%3Dbar").message).toBe('"foo" is not a known field selector: only "metadata.name", "metadata.namespace"');
    expect(fail("/apis/apps/v1/namespaces/default/deployments?fieldSelector=spec.replicas%3D1").message).toBe(
      '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );
  });
});

describe("ObjectMeta maps emptied by a patch", () => {
  it("are omitted like Go's omitempty, not returned as {}", () => {
    const c = testCluster();
    c.request("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "lab", labels: { tier: "web" }, annotations: { owner: "a" } } });
    const r = c.request("PATCH", "/api/v1/namespaces/default/configmaps/lab", { metadata: { labels: { tier: null }, annotations: { owner: null } } }, { "content-type": "application/merge-patch+json" });
    expect(r.status).toBe(200);
    expect(r.body.metadata).not.toHaveProperty("labels");
    expect(r.body.metadata).not.toHaveProperty("annotations");
    expect(c.get("/api/v1/namespaces/default/configmaps/lab").metadata).not.toHaveProperty("labels");
  });
});

describe("impersonation (kubectl --as)", () => {
  const c = testCluster();
  c.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }] });
  c.request("POST", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: "jane-reads" },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" },
    subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" }],
  });
  const asJane = { "impersonate-user": "jane" };

  it("self access reviews answer for the impersonated user", () => {
    const review = (verb: string) =>
      c.request("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb, resource: "pods", namespace: "default" } } }, asJane).body.status.allowed;
    expect(review("list")).toBe(true);
    expect(review("delete")).toBe(false);
  });

  it("requests RBAC does not allow are 403 with the apiserver's wording", () => {
    expect(c.request("GET", "/api/v1/namespaces/default/pods", undefined, asJane).status).toBe(200);
    const r = c.request("GET", "/apis/apps/v1/namespaces/default/deployments", undefined, asJane);
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ reason: "Forbidden", message: 'deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "default"' });
    const del = c.request("DELETE", "/api/v1/namespaces/default/pods/x", undefined, asJane);
    expect(del.body.message).toBe('pods "x" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "default"');
    expect(c.request("GET", "/api/v1/nodes", undefined, asJane).body.message).toBe('nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
  });

  it("the sandbox's own identity is not re-checked, and groups need a user", () => {
    expect(c.request("GET", "/apis/apps/v1/namespaces/default/deployments").status).toBe(200);
    expect(c.request("GET", "/api/v1/pods", undefined, { "impersonate-group": "ops" }).status).toBe(400);
  });
});

describe("bootstrap static pods", () => {
  it("carry kubernetes.io/config.seen in time.RFC3339Nano form (no trailing zeros)", () => {
    const c = testCluster();
    const pods = c.get("/api/v1/namespaces/kube-system/pods").items.filter((p: any) => p.metadata.annotations?.["kubernetes.io/config.seen"]);
    expect(pods.length).toBeGreaterThanOrEqual(4);
    for (const p of pods) expect(p.metadata.annotations["kubernetes.io/config.seen"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,8}[1-9])?Z$/);
  });
});

describe("GET /openapi/v2", () => {
  const c = testCluster();
  it("answers the protobuf kubectl asks for: a Swagger 2.0 document without definitions", () => {
    const r = c.request("GET", "/openapi/v2", undefined, { accept: "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" });
    expect(r.status).toBe(200);
    const bytes = r.body as Uint8Array;
    // field 1 (swagger) = "2.0", field 2 (info) = { title: "Kubernetes", version: "v1.32.2" }
    expect(Array.from(bytes.slice(0, 5))).toEqual([0x0a, 3, ...Buffer.from("2.0")]);
    expect(Buffer.from(bytes).toString("latin1")).toContain("Kubernetes");
    expect(Buffer.from(bytes).toString("latin1")).toContain("v1.32.2");
  });
  it("and JSON otherwise", () => {
    expect(c.get("/openapi/v2")).toEqual({ swagger: "2.0", info: { title: "Kubernetes", version: "v1.32.2" }, paths: {}, definitions: {} });
  });
});

describe("unknown fields", () => {
  const c = testCluster();
  const cm = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, bogus: 1 });
  it("are warned about under fieldValidation=Warn (the default)", () => {
    expect(c.request("POST", "/api/v1/namespaces/default/configmaps", cm("warned")).headers?.warning).toBe('299 - "unknown field \\"bogus\\""');
    expect(c.request("POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Warn", cm("warned2")).headers?.warning).toBe('299 - "unknown field \\"bogus\\""');
  });
  it("are dropped silently under fieldValidation=Ignore (kubectl --validate=false)", () => {
    const r = c.request("POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Ignore", cm("ignored"));
    expect(r.status).toBe(201);
    expect(r.headers?.warning).toBeUndefined();
    expect(r.body).not.toHaveProperty("bogus");
  });
});

describe("SelfSubjectReview (kubectl auth whoami)", () => {
  it("answers with the requesting user, or the impersonated one", () => {
    const c = testCluster();
    const body = { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" };
    const admin = c.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", body);
    expect(admin.status).toBe(201);
    expect(admin.body.status).toEqual({ userInfo: { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] } });
    expect(admin.body.metadata.creationTimestamp).toBe("2026-01-01T00:00:00Z");
    const jane = c.request("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews", body, { "impersonate-user": "jane" });
    expect(jane.body.status.userInfo).toEqual({ username: "jane", groups: ["system:authenticated"] });
    expect(c.get("/apis/authentication.k8s.io/v1").resources.map((r: any) => [r.name, r.verbs])).toEqual([["selfsubjectreviews", ["create"]]]);
  });
});
