// "Nothing lost, nothing crashes": whatever a client sends, the API server answers with a
// Kubernetes Status and a 4xx (never a 5xx, never a throw), and a failed request leaves the
// sandbox exactly as it was. Table-driven cases pin the real 1.32 server's code and message where
// the apiserver sources establish them (staging/src/k8s.io/apiserver/pkg/endpoints/handlers);
// a seeded property test throws thousands of mutated requests at a bootstrapped cluster.
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { stringify as toYaml } from "yaml";
import { testCluster, type TestClient } from "../support/cluster";
import { KUBERNETES_ADMIN } from "../../src/engine/cluster/users";
import { LIMITS } from "../../src/engine/limits";
import type { ApiResponse, WatchEvent, WatchStream } from "../../src/engine/apiserver/request";

// ---------------------------------------------------------------------------------------------
// Raw requests: any method, path, query, headers and body bytes, straight into cluster.handle().

interface RawRequest {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

interface RawResult {
  status: number;
  body: any;
  watch: boolean;
  stream?: WatchStream;
  threw?: unknown;
}

const enc = new TextEncoder();

function send(c: TestClient, r: RawRequest): RawResult {
  const body = r.body === undefined ? undefined : typeof r.body === "string" ? enc.encode(r.body) : r.body;
  let res: ApiResponse;
  try {
    res = c.cluster.handle({
      method: r.method,
      path: r.path,
      query: new URLSearchParams(r.query ?? ""),
      headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
      body,
      user: KUBERNETES_ADMIN,
      nowMs: c.nowMs,
    });
  } catch (e) {
    return { status: -1, body: undefined, watch: false, threw: e };
  }
  if ("watch" in res) return { status: res.status, body: res.watch.initial, watch: true, stream: res.watch };
  return { status: res.status, body: res.body, watch: false };
}

const JSON_CT = { "content-type": "application/json" };

/** A "billion laughs": each level refers to the previous one ten times. */
const YAML_ALIAS_BOMB = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n") + "\n";

/** resourceVersion plus a hash of every stored object: equal fingerprints, equal sandboxes. */
function fingerprint(c: TestClient): string {
  const store = c.cluster.store;
  const h = createHash("sha1");
  for (const r of store.resources().sort()) h.update(r).update(JSON.stringify(store.list(r)));
  return `rv=${store.resourceVersion} n=${store.size} sha1=${h.digest("hex")}`;
}

function deepFreeze(v: unknown): void {
  if (!v || typeof v !== "object" || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}

/**
 * The same fingerprint, fast enough to take after every request of the property test: stored
 * objects are frozen when first seen (the store's contract is that nobody changes them in place;
 * a write that tries throws), so each one is serialized once.
 */
const jsonOf = new WeakMap<object, string>();
function fastFingerprint(c: TestClient): string {
  const store = c.cluster.store;
  const h = createHash("sha1");
  for (const r of store.resources().sort()) {
    h.update(r);
    for (const o of store.list(r)) {
      let j = jsonOf.get(o);
      if (j === undefined) {
        deepFreeze(o);
        jsonOf.set(o, (j = JSON.stringify(o)));
      }
      h.update(j);
    }
  }
  return `rv=${store.resourceVersion} n=${store.size} sha1=${h.digest("hex")}`;
}

/** Sends a request that must fail, and checks it is a well-formed Status that changed nothing. */
function failing(c: TestClient, r: RawRequest): { code: number; reason?: string; message: string; details?: any } {
  c.cluster.takeWrites();
  const before = fingerprint(c);
  const res = send(c, r);
  if (res.threw) throw res.threw;
  expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.body).toMatchObject({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", code: res.status });
  expect(typeof res.body.message).toBe("string");
  expect(res.body.message.length).toBeGreaterThan(0);
  expect(fingerprint(c)).toBe(before);
  expect(c.cluster.store.hasPendingWrites()).toBe(false);
  return res.body;
}

// ---------------------------------------------------------------------------------------------
// One valid object of every kind: the property test mutates these.

const podSpec = { containers: [{ name: "app", image: "nginx:1.27", ports: [{ containerPort: 80 }], resources: { requests: { cpu: "100m", memory: "64Mi" } } }] };
const template = { metadata: { labels: { app: "web" } }, spec: podSpec };
const selector = { matchLabels: { app: "web" } };

/** [collection path, object] for each kind a client can create. */
export const VALID: Array<[string, Record<string, any>]> = [
  ["/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cm", labels: { a: "b" } }, data: { k: "v" } }],
  ["/api/v1/namespaces/default/endpoints", { apiVersion: "v1", kind: "Endpoints", metadata: { name: "ep" }, subsets: [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80, protocol: "TCP" }] }] }],
  ["/api/v1/namespaces/default/events", { apiVersion: "v1", kind: "Event", metadata: { name: "ev" }, involvedObject: { kind: "Pod", name: "p", namespace: "default" }, reason: "Test", message: "m", type: "Normal" }],
  ["/api/v1/namespaces/default/limitranges", { apiVersion: "v1", kind: "LimitRange", metadata: { name: "lr" }, spec: { limits: [{ type: "Container", default: { cpu: "500m" } }] } }],
  ["/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } }],
  ["/api/v1/nodes", { apiVersion: "v1", kind: "Node", metadata: { name: "node99", labels: { "kubernetes.io/hostname": "node99" } }, spec: { podCIDR: "10.244.99.0/24" } }],
  ["/api/v1/namespaces/default/persistentvolumeclaims", { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "pvc" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
  ["/api/v1/persistentvolumes", { apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv" }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/data" } } }],
  ["/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "pod", labels: { app: "web" } }, spec: podSpec }],
  ["/api/v1/namespaces/default/podtemplates", { apiVersion: "v1", kind: "PodTemplate", metadata: { name: "pt" }, template }],
  ["/api/v1/namespaces/default/replicationcontrollers", { apiVersion: "v1", kind: "ReplicationController", metadata: { name: "rc" }, spec: { replicas: 1, selector: { app: "web" }, template } }],
  ["/api/v1/namespaces/default/resourcequotas", { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "rq" }, spec: { hard: { pods: "10" } } }],
  ["/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "sec" }, type: "Opaque", data: { k: "dmFsdWU=" }, stringData: { s: "x" } }],
  ["/api/v1/namespaces/default/serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "sa" } }],
  ["/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "svc" }, spec: { selector: { app: "web" }, ports: [{ port: 80, targetPort: 8080 }] } }],
  ["/apis/apps/v1/namespaces/default/controllerrevisions", { apiVersion: "apps/v1", kind: "ControllerRevision", metadata: { name: "cr" }, revision: 1, data: { a: 1 } }],
  ["/apis/apps/v1/namespaces/default/daemonsets", { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "ds" }, spec: { selector, template } }],
  ["/apis/apps/v1/namespaces/default/deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { replicas: 2, selector, template } }],
  ["/apis/apps/v1/namespaces/default/replicasets", { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "rs" }, spec: { replicas: 1, selector, template } }],
  ["/apis/apps/v1/namespaces/default/statefulsets", { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "sts" }, spec: { replicas: 1, serviceName: "svc", selector, template } }],
  ["/apis/events.k8s.io/v1/namespaces/default/events", { apiVersion: "events.k8s.io/v1", kind: "Event", metadata: { name: "ev2" }, eventTime: "2026-01-01T00:00:00.000000Z", reportingController: "x.io/c", reportingInstance: "i", action: "Do", reason: "Did", type: "Normal", regarding: { kind: "Pod", name: "p", namespace: "default" } }],
  ["/apis/authorization.k8s.io/v1/namespaces/default/localsubjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "LocalSubjectAccessReview", metadata: { namespace: "default" }, spec: { user: "jane", resourceAttributes: { namespace: "default", verb: "get", resource: "pods" } } }],
  ["/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: { verb: "get", resource: "pods" } } }],
  ["/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectRulesReview", spec: { namespace: "default" } }],
  ["/apis/authorization.k8s.io/v1/subjectaccessreviews", { apiVersion: "authorization.k8s.io/v1", kind: "SubjectAccessReview", spec: { user: "jane", resourceAttributes: { verb: "get", resource: "pods" } } }],
  ["/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "hpa" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] } }],
  ["/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers", { apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "hpa1" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 3, targetCPUUtilizationPercentage: 80 } }],
  ["/apis/batch/v1/namespaces/default/cronjobs", { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "cj" }, spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: "OnFailure" } } } } } }],
  ["/apis/batch/v1/namespaces/default/jobs", { apiVersion: "batch/v1", kind: "Job", metadata: { name: "job" }, spec: { template: { spec: { ...podSpec, restartPolicy: "Never" } } } }],
  ["/apis/networking.k8s.io/v1/ingressclasses", { apiVersion: "networking.k8s.io/v1", kind: "IngressClass", metadata: { name: "nginx" }, spec: { controller: "k8s.io/ingress-nginx" } }],
  ["/apis/networking.k8s.io/v1/namespaces/default/ingresses", { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata: { name: "ing" }, spec: { rules: [{ host: "a.example.com", http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: "svc", port: { number: 80 } } } }] } }] } }],
  ["/apis/networking.k8s.io/v1/namespaces/default/networkpolicies", { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "np" }, spec: { podSelector: selector, policyTypes: ["Ingress"], ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 80 }] }] } }],
  ["/apis/policy/v1/namespaces/default/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "pdb" }, spec: { minAvailable: 1, selector } }],
  ["/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "crb" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, subjects: [{ kind: "User", name: "jane", apiGroup: "rbac.authorization.k8s.io" }] }],
  ["/apis/rbac.authorization.k8s.io/v1/clusterroles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }] }],
  ["/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "rb" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "role" }, subjects: [{ kind: "ServiceAccount", name: "default", namespace: "default" }] }],
  ["/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles", { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "role" }, rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["*"] }] }],
  ["/apis/storage.k8s.io/v1/storageclasses", { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "fast" }, provisioner: "example.com/fast", reclaimPolicy: "Delete" }],
  ["/apis/apiextensions.k8s.io/v1/customresourcedefinitions", { apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", metadata: { name: "widgets.example.com" }, spec: { group: "example.com", scope: "Namespaced", names: { plural: "widgets", singular: "widget", kind: "Widget" }, versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { size: { type: "integer", minimum: 0 }, color: { type: "string" } } } } } }, subresources: { status: {}, scale: { specReplicasPath: ".spec.size", statusReplicasPath: ".status.size" } } }] } }],
  ["/apis/scheduling.k8s.io/v1/priorityclasses", { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000, description: "d" }],
  ["/apis/coordination.k8s.io/v1/namespaces/default/leases", { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: "lease" }, spec: { holderIdentity: "me", leaseDurationSeconds: 15 } }],
  ["/apis/discovery.k8s.io/v1/namespaces/default/endpointslices", { apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice", metadata: { name: "es" }, addressType: "IPv4", endpoints: [{ addresses: ["10.0.0.1"] }], ports: [{ port: 80, protocol: "TCP" }] }],
];
/** A custom resource of the Widget CRD above (served once the CRD is created). */
const WIDGET: [string, Record<string, any>] = ["/apis/example.com/v1/namespaces/default/widgets", { apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" }, spec: { size: 2, color: "red" } }];

describe("the seed objects", () => {
  test("every one is valid: the property test mutates real objects of every kind", () => {
    const c = testCluster();
    for (const [path, obj] of [...VALID, WIDGET]) {
      const r = c.request("POST", path, obj);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real server's answers. Messages quoted from the 1.32 sources are compared exactly; the
// others (where the real wording comes from Go's JSON/YAML parsers or does not exist) by code,
// reason and what they must tell the client.

interface Case {
  name: string;
  req: RawRequest;
  code: number;
  reason: string;
  message: string | RegExp;
  /** Expected details.causes entries (subset). */
  causes?: Array<Record<string, string>>;
}

const cm = (extra: Record<string, unknown> = {}) => JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" }, ...extra });
const deployment = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "d" }, spec: { selector, template, ...spec }, ...extra });
const CMS = "/api/v1/namespaces/default/configmaps";
const ROOT_CA = `${CMS}/kube-root-ca.crt`;
const COREDNS = "/apis/apps/v1/namespaces/kube-system/deployments/coredns";
const PATCH_415 = "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml";

const CASES: Case[] = [
  // --- bodies (handlers/create.go, rest.go limitedReadBody, negotiation/errors.go) ---
  {
    name: "a body over the limit is 413 before it is decoded",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: new Uint8Array(LIMITS.maxRequestBodyBytes + 1).fill(0x20) },
    code: 413,
    reason: "RequestEntityTooLarge",
    message: `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`,
  },
  {
    name: "an unknown content type is 415 naming the accepted ones",
    req: { method: "POST", path: CMS, headers: { "content-type": "text/plain" }, body: cm() },
    code: 415,
    reason: "UnsupportedMediaType",
    message: "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf",
  },
  {
    name: "malformed JSON is 400 from the version/kind sniffing",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: '{"apiVersion": "v1", "kind": ' },
    code: 400,
    reason: "BadRequest",
    message: /^couldn't get version\/kind; json parse error: .+/,
  },
  {
    name: "malformed YAML is 400 from the YAML to JSON conversion",
    req: { method: "POST", path: CMS, headers: { "content-type": "application/yaml" }, body: "metadata:\n  name: [unclosed\n" },
    code: 400,
    reason: "BadRequest",
    message: /^error converting YAML to JSON: yaml: .+/,
  },
  {
    name: "a YAML alias bomb is refused, not expanded",
    req: { method: "POST", path: CMS, headers: { "content-type": "application/yaml" }, body: YAML_ALIAS_BOMB },
    code: 400,
    reason: "BadRequest",
    message: "error converting YAML to JSON: yaml: document contains excessive aliasing",
  },
  {
    name: "an empty body says a body is needed",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: "" },
    code: 400,
    reason: "BadRequest",
    message: /request body is empty/,
  },
  {
    name: "a JSON array is not an object",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: "[]" },
    code: 400,
    reason: "BadRequest",
    message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go value of type v1.ConfigMap',
  },
  {
    name: "a wrong field type names the Go field and type (transformDecodeError)",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: cm({ data: { a: 1 } }) },
    code: 400,
    reason: "BadRequest",
    message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
  },
  {
    name: "replicas as a string",
    req: { method: "POST", path: "/apis/apps/v1/namespaces/default/deployments", headers: JSON_CT, body: deployment({ replicas: "3" }) },
    code: 400,
    reason: "BadRequest",
    message: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: "an apiVersion the scheme does not know",
    req: { method: "POST", path: "/apis/apps/v1/namespaces/default/deployments", headers: JSON_CT, body: deployment({}, { apiVersion: "apps/v1beta1" }) },
    code: 400,
    reason: "BadRequest",
    message: 'Deployment in version "v1beta1" cannot be handled as a Deployment: no kind "Deployment" is registered for version "apps/v1beta1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
  },
  {
    name: "another served version of the resource is refused by the endpoint (AcceptsGroupVersion)",
    req: {
      method: "POST",
      path: "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers",
      headers: JSON_CT,
      body: JSON.stringify({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { scaleTargetRef: { kind: "Deployment", name: "d" }, maxReplicas: 2 } }),
    },
    code: 400,
    reason: "BadRequest",
    message: "the API version in the data (autoscaling/v1) does not match the expected API version (autoscaling/v2)",
  },
  {
    name: "a body of another kind",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "Secret", metadata: { name: "x" } }) },
    code: 400,
    reason: "BadRequest",
    message: /Secret.*ConfigMap/,
  },
  {
    name: "protobuf without the k8s magic",
    req: { method: "POST", path: CMS, headers: { "content-type": "application/vnd.kubernetes.protobuf" }, body: "\u0001\u0002garbage" },
    code: 400,
    reason: "BadRequest",
    message: /protobuf/,
  },
  {
    name: "protobuf with the magic and garbage after it",
    req: { method: "POST", path: CMS, headers: { "content-type": "application/vnd.kubernetes.protobuf" }, body: "k8s\u0000\u00ff\u00ff\u00ff\u00ff" },
    code: 400,
    reason: "BadRequest",
    message: /protobuf/,
  },
  {
    name: "the namespace in the body disagrees with the URL (EnsureObjectNamespaceMatchesRequestNamespace)",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x", namespace: "other" } }) },
    code: 400,
    reason: "BadRequest",
    message: "the namespace of the provided object does not match the namespace sent on the request",
  },
  {
    name: "the name in the body disagrees with the URL (checkName)",
    req: { method: "PUT", path: ROOT_CA, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "other" } }) },
    code: 400,
    reason: "BadRequest",
    message: "the name of the object (other) does not match the name on the URL (kube-root-ca.crt)",
  },
  {
    name: "an unknown field with fieldValidation=Strict",
    req: { method: "POST", path: CMS, query: "fieldValidation=Strict", headers: JSON_CT, body: cm({ bogus: 1 }) },
    code: 400,
    reason: "BadRequest",
    message: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "bogus"',
  },

  // --- names (ValidateObjectMeta) ---
  {
    name: "a name that breaks RFC 1123 subdomain rules",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "Bad_Name" } }) },
    code: 422,
    reason: "Invalid",
    message:
      "ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    causes: [{ reason: "FieldValueInvalid", field: "metadata.name" }],
  },
  {
    name: "a Service name that is not a DNS-1035 label",
    req: { method: "POST", path: "/api/v1/namespaces/default/services", headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "Service", metadata: { name: "1abc" }, spec: { ports: [{ port: 80 }] } }) },
    code: 422,
    reason: "Invalid",
    message:
      "Service \"1abc\" is invalid: metadata.name: Invalid value: \"1abc\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  },
  {
    name: "a name over 253 characters",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x".repeat(254) } }) },
    code: 422,
    reason: "Invalid",
    message: `ConfigMap "${"x".repeat(254)}" is invalid: metadata.name: Invalid value: "${"x".repeat(254)}": must be no more than 253 characters`,
  },
  {
    name: "no name at all",
    req: { method: "POST", path: CMS, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: {} }) },
    code: 422,
    reason: "Invalid",
    message: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
  },

  // --- options in the query (meta/v1/validation: ValidateCreateOptions, ...) ---
  {
    name: "dryRun=foo on create",
    req: { method: "POST", path: CMS, query: "dryRun=foo", headers: JSON_CT, body: cm() },
    code: 422,
    reason: "Invalid",
    message: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"foo"}: supported values: "All"',
    causes: [{ reason: "FieldValueNotSupported", field: "dryRun" }],
  },
  {
    name: "fieldValidation=foo on update",
    req: { method: "PUT", path: ROOT_CA, query: "fieldValidation=foo", headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt" } }) },
    code: 422,
    reason: "Invalid",
    message: 'UpdateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "foo": supported values: "", "Ignore", "Strict", "Warn"',
  },
  {
    name: "a fieldManager over 128 bytes",
    req: { method: "POST", path: CMS, query: `fieldManager=${"m".repeat(129)}`, headers: JSON_CT, body: cm() },
    code: 422,
    reason: "Invalid",
    message: /^CreateOptions\.meta\.k8s\.io "" is invalid: fieldManager: Too long: .*128/,
  },
  {
    name: "server-side apply without a fieldManager",
    req: { method: "PATCH", path: ROOT_CA, headers: { "content-type": "application/apply-patch+yaml" }, body: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-root-ca.crt\n" },
    code: 422,
    reason: "Invalid",
    message: 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
  },
  {
    name: "force on a patch that is not an apply",
    req: { method: "PATCH", path: ROOT_CA, query: "force=true", headers: { "content-type": "application/merge-patch+json" }, body: '{"data":{"a":"b"}}' },
    code: 422,
    reason: "Invalid",
    message: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch',
  },
  {
    name: "limit=abc (strconv.ParseInt through the parameter codec)",
    req: { method: "GET", path: "/api/v1/pods", query: "limit=abc" },
    code: 400,
    reason: "BadRequest",
    message: 'strconv.ParseInt: parsing "abc": invalid syntax',
  },
  {
    name: "timeoutSeconds beyond int64",
    req: { method: "GET", path: "/api/v1/pods", query: "watch=true&timeoutSeconds=99999999999999999999" },
    code: 400,
    reason: "BadRequest",
    message: 'strconv.ParseInt: parsing "99999999999999999999": value out of range',
  },
  {
    // The real server answers this with a 500 (kubernetes#113939); it is the client's mistake, so 400 here.
    name: "resourceVersion=abc on a list",
    req: { method: "GET", path: "/api/v1/pods", query: "resourceVersion=abc" },
    code: 400,
    reason: "BadRequest",
    message: 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
  },
  {
    name: "resourceVersion=-1 on a watch",
    req: { method: "GET", path: "/api/v1/pods", query: "watch=1&resourceVersion=-1" },
    code: 400,
    reason: "BadRequest",
    message: 'resourceVersion: Invalid value: "-1": strconv.ParseUint: parsing "-1": invalid syntax',
  },
  {
    name: "resourceVersion=abc on a get",
    req: { method: "GET", path: ROOT_CA, query: "resourceVersion=abc" },
    code: 400,
    reason: "BadRequest",
    message: 'resourceVersion: Invalid value: "abc": strconv.ParseUint: parsing "abc": invalid syntax',
  },
  {
    name: "resourceVersionMatch without a resourceVersion (ValidateListOptions)",
    req: { method: "GET", path: "/api/v1/pods", query: "resourceVersionMatch=Exact" },
    code: 422,
    reason: "Invalid",
    message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
  },
  {
    name: "an unknown resourceVersionMatch",
    req: { method: "GET", path: "/api/v1/pods", query: "resourceVersion=1&resourceVersionMatch=Nope" },
    code: 422,
    reason: "Invalid",
    message: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Nope": supported values: "Exact", "NotOlderThan", ""',
  },
  {
    name: "sendInitialEvents on a list",
    req: { method: "GET", path: "/api/v1/pods", query: "sendInitialEvents=true" },
    code: 422,
    reason: "Invalid",
    message: 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list',
  },
  {
    name: "includeObject=Nope for a Table (ValidateTableOptions)",
    req: { method: "GET", path: "/api/v1/pods", query: "includeObject=Nope", headers: { accept: "application/json;as=Table;v=v1;g=meta.k8s.io" } },
    code: 400,
    reason: "BadRequest",
    message: "Unable to convert to Table as requested: includeObject: Invalid value: \"Nope\": must be 'Metadata', 'Object', 'None', or empty",
  },
  {
    name: "a field selector that is not one",
    req: { method: "GET", path: "/api/v1/pods", query: "fieldSelector=garbage" },
    code: 400,
    reason: "BadRequest",
    message: "invalid selector: 'garbage'; can't understand 'garbage'",
  },
  {
    name: "a field label the kind does not support",
    req: { method: "GET", path: CMS, query: "fieldSelector=status.phase%3DRunning" },
    code: 400,
    reason: "BadRequest",
    message: '"status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"',
  },
  {
    name: "a label selector that does not parse",
    req: { method: "GET", path: "/api/v1/pods", query: "labelSelector=a%20b" },
    code: 400,
    reason: "BadRequest",
    message: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
  },
  {
    name: "propagationPolicy=Nope (ValidateDeleteOptions)",
    req: { method: "DELETE", path: ROOT_CA, query: "propagationPolicy=Nope" },
    code: 422,
    reason: "Invalid",
    message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Nope": supported values: "Foreground", "Background", "Orphan", "nil"',
  },
  {
    name: "orphanDependents and propagationPolicy together",
    req: { method: "DELETE", path: ROOT_CA, headers: JSON_CT, body: JSON.stringify({ kind: "DeleteOptions", apiVersion: "v1", orphanDependents: true, propagationPolicy: "Foreground" }) },
    code: 422,
    reason: "Invalid",
    message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Foreground": orphanDependents and deletionPropagation cannot be both set',
  },
  {
    name: "dryRun=foo on delete",
    req: { method: "DELETE", path: ROOT_CA, query: "dryRun=foo" },
    code: 422,
    reason: "Invalid",
    message: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"foo"}: supported values: "All"',
  },
  {
    name: "gracePeriodSeconds=abc",
    req: { method: "DELETE", path: ROOT_CA, query: "gracePeriodSeconds=abc" },
    code: 400,
    reason: "BadRequest",
    message: 'strconv.ParseInt: parsing "abc": invalid syntax',
  },
  {
    name: "a DeleteOptions body with a string grace period",
    req: { method: "DELETE", path: ROOT_CA, headers: JSON_CT, body: '{"gracePeriodSeconds":"soon"}' },
    code: 400,
    reason: "BadRequest",
    message: "json: cannot unmarshal string into Go struct field DeleteOptions.gracePeriodSeconds of type int64",
  },
  {
    name: "a uid precondition that does not hold",
    req: { method: "DELETE", path: ROOT_CA, headers: JSON_CT, body: '{"preconditions":{"uid":"nope"}}' },
    code: 409,
    reason: "Conflict",
    message: /^Operation cannot be fulfilled on configmaps "kube-root-ca.crt": Precondition failed: UID in precondition: nope, UID in object meta: /,
  },

  // --- patches (handlers/patch.go) ---
  {
    name: "a patch content type that is no patch type",
    req: { method: "PATCH", path: ROOT_CA, headers: { "content-type": "application/json" }, body: '{"data":{"a":"b"}}' },
    code: 415,
    reason: "UnsupportedMediaType",
    message: PATCH_415,
  },
  {
    name: "strategic merge patch on a custom resource (the CRD handler offers none)",
    req: { method: "PATCH", path: "/apis/example.com/v1/namespaces/default/widgets/w", headers: { "content-type": "application/strategic-merge-patch+json" }, body: '{"spec":{"size":3}}' },
    code: 415,
    reason: "UnsupportedMediaType",
    message: "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
  },
  {
    // NewGenericServerResponse(422, ...) without isUnexpectedResponse: the real server hides json-patch's own text too.
    name: "a JSON patch that does not apply is the generic 422",
    req: { method: "PATCH", path: ROOT_CA, headers: { "content-type": "application/json-patch+json" }, body: '[{"op":"replace","path":"/spec/nope","value":1}]' },
    code: 422,
    reason: "Invalid",
    message: "the server rejected our request due to an error in our request",
  },
  {
    name: "a merge patch that is not JSON",
    req: { method: "PATCH", path: ROOT_CA, headers: { "content-type": "application/merge-patch+json" }, body: '{"data":' },
    code: 400,
    reason: "BadRequest",
    message: /json parse error/,
  },
  {
    name: "a patch that makes the object invalid",
    req: { method: "PATCH", path: COREDNS, headers: { "content-type": "application/merge-patch+json" }, body: '{"spec":{"replicas":-3}}' },
    code: 422,
    reason: "Invalid",
    message: /^Deployment\.apps "coredns" is invalid: spec\.replicas: Invalid value: -3: must be greater than or equal to 0/,
  },
  {
    name: "a patch of an object that does not exist",
    req: { method: "PATCH", path: `${CMS}/nope`, headers: { "content-type": "application/merge-patch+json" }, body: '{"data":{"a":"b"}}' },
    code: 404,
    reason: "NotFound",
    message: 'configmaps "nope" not found',
  },

  // --- paths (RequestInfo, routing) ---
  { name: "an unknown group", req: { method: "GET", path: "/apis/nope.example.com/v1/things" }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "an unknown version", req: { method: "GET", path: "/api/v2/pods" }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "an unknown resource", req: { method: "GET", path: "/api/v1/namespaces/default/nopes" }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "an empty namespace segment", req: { method: "GET", path: "/api/v1/namespaces//pods" }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "a namespaced path for a cluster-scoped kind", req: { method: "GET", path: "/api/v1/namespaces/default/nodes/node01" }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "a bad percent escape", req: { method: "GET", path: `${CMS}/%zz` }, code: 400, reason: "BadRequest", message: 'invalid URL escape "%zz"' },
  { name: "an escaped slash in a name", req: { method: "GET", path: `${CMS}/a%2Fb` }, code: 404, reason: "NotFound", message: /not found/ },
  { name: "a very long name", req: { method: "GET", path: `${CMS}/${"n".repeat(5000)}` }, code: 404, reason: "NotFound", message: `configmaps "${"n".repeat(5000)}" not found` },
  { name: "a unicode name", req: { method: "GET", path: `${CMS}/${encodeURIComponent("名前")}` }, code: 404, reason: "NotFound", message: 'configmaps "名前" not found' },
  { name: "bytes that are not UTF-8", req: { method: "GET", path: `${CMS}/%E2%82` }, code: 404, reason: "NotFound", message: /not found/ },
  { name: "too many segments", req: { method: "GET", path: `${ROOT_CA}/status/extra/more` }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "a body-less response type nobody serves", req: { method: "GET", path: ROOT_CA, headers: { accept: "text/html" } }, code: 406, reason: "NotAcceptable", message: "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf" },

  // --- verbs on resources and subresources ---
  { name: "OPTIONS on a collection", req: { method: "OPTIONS", path: "/api/v1/namespaces/default/pods" }, code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource" },
  { name: "POST to a named object", req: { method: "POST", path: ROOT_CA, headers: JSON_CT, body: cm() }, code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource" },
  { name: "watch on a kind that cannot be watched", req: { method: "GET", path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", query: "watch=true" }, code: 405, reason: "MethodNotAllowed", message: 'watch is not supported on resources of kind "selfsubjectaccessreviews.authorization.k8s.io"' },
  { name: "deletecollection on namespaces", req: { method: "DELETE", path: "/api/v1/namespaces" }, code: 405, reason: "MethodNotAllowed", message: 'deletecollection is not supported on resources of kind "namespaces"' },
  { name: "status of a kind without a status subresource", req: { method: "PUT", path: `${ROOT_CA}/status`, headers: JSON_CT, body: cm() }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  { name: "scale of a kind without a scale subresource", req: { method: "GET", path: `${ROOT_CA}/scale` }, code: 404, reason: "NotFound", message: "the server could not find the requested resource" },
  {
    name: "scale with replicas as a string",
    req: { method: "PUT", path: `${COREDNS}/scale`, headers: JSON_CT, body: JSON.stringify({ apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: "coredns" }, spec: { replicas: "3" } }) },
    code: 400,
    reason: "BadRequest",
    message: 'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal string into Go struct field ScaleSpec.spec.replicas of type int32',
  },
  {
    name: "scale to -1",
    req: { method: "PUT", path: `${COREDNS}/scale`, headers: JSON_CT, body: JSON.stringify({ apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: "coredns" }, spec: { replicas: -1 } }) },
    code: 422,
    reason: "Invalid",
    message: 'Scale.autoscaling "coredns" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: "eviction of a pod that does not exist",
    req: { method: "POST", path: "/api/v1/namespaces/default/pods/nope/eviction", headers: JSON_CT, body: JSON.stringify({ apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "nope" } }) },
    code: 404,
    reason: "NotFound",
    message: 'pods "nope" not found',
  },
  {
    name: "an eviction body that is not an Eviction",
    req: { method: "POST", path: "/api/v1/namespaces/default/pods/guarded/eviction", headers: JSON_CT, body: "42" },
    code: 400,
    reason: "BadRequest",
    message: 'Eviction in version "v1" cannot be handled as a Eviction: json: cannot unmarshal number into Go value of type v1.Eviction',
  },
  {
    name: "eviction of a pod under two disruption budgets spends neither",
    req: { method: "POST", path: "/api/v1/namespaces/default/pods/guarded/eviction", headers: JSON_CT, body: JSON.stringify({ apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "guarded" } }) },
    code: 400,
    reason: "BadRequest",
    message: "Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.",
  },
  {
    name: "a binding without a target",
    req: { method: "POST", path: "/api/v1/namespaces/default/pods/guarded/binding", headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "Binding", metadata: { name: "guarded" }, target: {} }) },
    code: 422,
    reason: "Invalid",
    message: 'Binding "guarded" is invalid: target.name: Required value',
  },
  {
    name: "a binding body that is a string",
    req: { method: "POST", path: "/api/v1/namespaces/default/pods/guarded/binding", headers: JSON_CT, body: '"node01"' },
    code: 400,
    reason: "BadRequest",
    message: /cannot unmarshal string/,
  },
  { name: "finalize of a namespace that does not exist", req: { method: "PUT", path: "/api/v1/namespaces/nope/finalize", headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: "nope" } }) }, code: 404, reason: "NotFound", message: 'namespaces "nope" not found' },
  { name: "a write into a namespace that does not exist", req: { method: "POST", path: "/api/v1/namespaces/nope/configmaps", headers: JSON_CT, body: cm() }, code: 404, reason: "NotFound", message: 'namespaces "nope" not found' },
  { name: "deleting the default namespace", req: { method: "DELETE", path: "/api/v1/namespaces/default" }, code: 403, reason: "Forbidden", message: 'namespaces "default" is forbidden: this namespace may not be deleted' },
  {
    name: "an update with a stale resourceVersion",
    req: { method: "PUT", path: ROOT_CA, headers: JSON_CT, body: JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", resourceVersion: "1" } }) },
    code: 409,
    reason: "Conflict",
    message: 'Operation cannot be fulfilled on configmaps "kube-root-ca.crt": the object has been modified; please apply your changes to the latest version and try again',
  },
];

describe("bad input gets the real server's Status, and changes nothing", () => {
  const c = testCluster({ nodes: 1 });
  for (const [path, obj] of [VALID.find(([, o]) => o.kind === "CustomResourceDefinition")!, WIDGET]) c.request("POST", path, obj);
  // A pod two disruption budgets select, each with a disruption to spare.
  c.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "guarded", labels: { app: "guarded" } }, spec: podSpec });
  for (const n of ["pdb-a", "pdb-b"]) {
    c.request("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: n }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "guarded" } } } });
  }
  c.tick(1000);

  test.each(CASES.map((k) => [k.name, k] as const))("%s", (_name, k) => {
    const status = failing(c, k.req);
    expect(status.code).toBe(k.code);
    expect(status.reason).toBe(k.reason);
    if (typeof k.message === "string") expect(status.message).toBe(k.message);
    else expect(status.message).toMatch(k.message);
    for (const cause of k.causes ?? []) expect(status.details?.causes).toContainEqual(expect.objectContaining(cause));
  });

  test("odd but valid query values are accepted: limit=-1 lists everything, a huge timeout is capped", () => {
    const all = c.get("/api/v1/pods");
    const r = c.request("GET", "/api/v1/pods?limit=-1");
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(all.items.length);
    expect(r.body.metadata.continue).toBeUndefined();
    const w = send(c, { method: "GET", path: "/api/v1/pods", query: "watch=true&timeoutSeconds=999999999" });
    expect(w.status).toBe(200);
    expect(w.stream!.timeoutMs).toBe(LIMITS.maxWatchSeconds * 1000);
  });

  test("paging works across names beyond Latin-1 (the continue token is base64 of UTF-8)", () => {
    const p = testCluster({ nodes: 1 });
    for (const name of ["ünï-1", "名前-2", "😀-3"]) {
      const r = p.request("POST", "/api/v1/namespaces/default/events", { apiVersion: "v1", kind: "Event", metadata: { name }, involvedObject: { kind: "Pod", name: "p", namespace: "default" }, reason: "R", message: "m", type: "Normal" });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const seen: string[] = [];
    let token = "";
    do {
      const page = p.get(`/api/v1/namespaces/default/events?limit=1${token ? `&continue=${encodeURIComponent(token)}` : ""}`);
      seen.push(...page.items.map((e: any) => e.metadata.name));
      token = page.metadata.continue ?? "";
    } while (token);
    expect(seen.sort()).toEqual(["ünï-1", "名前-2", "😀-3"].sort());
  });

  test("a dry-run eviction (kubectl drain --dry-run=server) checks everything and writes nothing", () => {
    const e = testCluster({ nodes: 1 });
    e.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "solo", labels: { app: "solo" } }, spec: podSpec });
    e.tick(1000);
    e.cluster.takeWrites();
    const before = fingerprint(e);
    const eviction = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: "solo" } };
    expect(e.request("POST", "/api/v1/namespaces/default/pods/solo/eviction?dryRun=All", eviction).status).toBe(201);
    expect(e.request("POST", "/api/v1/namespaces/default/pods/solo/eviction", { ...eviction, deleteOptions: { dryRun: ["All"] } }).status).toBe(201);
    expect(fingerprint(e)).toBe(before);
    expect(e.request("POST", "/api/v1/namespaces/default/pods/solo/eviction", eviction).status).toBe(201);
    expect(fingerprint(e)).not.toBe(before);
  });

  test("watch=yes is a watch, as the parameter codec reads any value but false and 0 as true", () => {
    expect(send(c, { method: "GET", path: "/api/v1/pods", query: "watch=yes" }).watch).toBe(true);
    expect(send(c, { method: "GET", path: "/api/v1/pods", query: "watch=0" }).watch).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Every verb on every resource and subresource: whatever is not served is a 4xx Status, and
// nothing that fails leaves a trace.

describe("every verb on every resource and subresource", () => {
  test("answers a Status for each refusal and keeps the store intact", () => {
    const c = testCluster({ nodes: 1 });
    for (const [path, obj] of VALID) c.request("POST", path, obj);
    c.tick(1000);
    const subresources = ["", "status", "scale", "eviction", "binding", "log", "exec", "attach", "portforward", "proxy", "ephemeralcontainers", "token", "finalize", "nope"];
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
    const problems: string[] = [];
    let requests = 0;
    for (const def of c.cluster.kinds.all()) {
      const base = `${def.group ? `/apis/${def.group}` : "/api"}/${def.version}${def.namespaced ? "/namespaces/default" : ""}/${def.plural}`;
      const stored = c.cluster.store.list(def.group ? `${def.plural}.${def.group}` : def.plural, def.namespaced ? "default" : undefined)[0];
      const name = stored?.metadata.name ?? "x";
      for (const method of methods) {
        for (const sub of ["(collection)", ...subresources]) {
          const path = sub === "(collection)" ? base : sub ? `${base}/${name}/${sub}` : `${base}/${name}`;
          const headers = { "content-type": method === "PATCH" ? "application/merge-patch+json" : "application/json" };
          c.cluster.takeWrites();
          const before = fastFingerprint(c);
          const res = send(c, { method, path, headers, body: method === "GET" || method === "OPTIONS" ? undefined : "{}" });
          requests++;
          const where = `${method} ${path}`;
          if (res.threw) problems.push(`${where}: threw ${(res.threw as Error).message}`);
          else if (res.status >= 500) problems.push(`${where}: ${res.status}`);
          else if (res.status >= 400) {
            const b = res.body;
            if (!(b?.kind === "Status" && b.status === "Failure" && b.code === res.status && b.message)) problems.push(`${where}: no Status`);
            if (fastFingerprint(c) !== before || c.cluster.store.hasPendingWrites()) problems.push(`${where}: failed (${res.status} ${b?.message}) but changed the store`);
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(3000);
    expect(problems).toEqual([]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The property test: thousands of mutated requests, derived from valid ones.

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rand = ReturnType<typeof prng>;

const WEIRD_STRINGS = [
  "",
  " ",
  "-",
  "a".repeat(254),
  "A_B",
  "UPPER",
  "ünïcödé",
  "名前",
  "😀",
  "a/b",
  "..",
  ".",
  "%",
  "%2F",
  "null",
  "true",
  "0",
  "-1",
  "1e309",
  "NaN",
  "\u0000",
  "line\nbreak",
  "$patch",
  "{{}}",
  "'",
  '"',
  "x".repeat(70_000),
];
/** uids of objects the property test's cluster really holds get appended here, so owner references can point at them. */
const UIDS: string[] = ["", "not-a-uid", "00000000-0000-0000-0000-000000000000"];
const WEIRD_NUMBERS = [0, -1, 1.5, -0.000001, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MAX_SAFE_INTEGER];

function deep(r: Rand, depth: number): unknown {
  let v: unknown = r.pick(["leaf", 1, null, true]);
  for (let i = 0; i < depth; i++) v = r.chance(0.5) ? [v] : { [r.pick(["a", "spec", "metadata", "items", "$patch"])]: v };
  return v;
}

function randomValue(r: Rand, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return r.pick(WEIRD_STRINGS);
    case 1:
      return r.pick(WEIRD_NUMBERS);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    case 4:
      return "s" + r.int(1000);
    case 5:
      return r.int(100);
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 7:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(["name", "value", "key", "x", "spec", "kind", "apiVersion", "$patch", "$retainKeys"]), randomValue(r, depth + 1)]));
    default:
      return deep(r, 20 + r.int(200));
  }
}

/** Every (parent, key) slot in a JSON value. */
function slots(v: unknown, out: Array<[any, string | number]> = []): Array<[any, string | number]> {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), slots(x, out)));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push([v, k]), slots(x, out);
  return out;
}

/** Swaps a value for one of another JSON type. */
function typeSwap(r: Rand, v: unknown): unknown {
  if (typeof v === "string") return r.pick([1, true, null, [v], { v }]);
  if (typeof v === "number") return r.pick([String(v), !v, [v], { v }, v + 0.5, -v]);
  if (typeof v === "boolean") return r.pick([String(v), Number(v), [v], {}]);
  if (Array.isArray(v)) return r.pick([{ ...v }, v.length, "list", v[0] ?? null]);
  if (v && typeof v === "object") return r.pick([[v], "object", 7, Object.values(v)]);
  return randomValue(r);
}

/** One to a few random mutations of a valid object. */
function mutate(r: Rand, obj: Record<string, any>): unknown {
  let root: any = structuredClone(obj);
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    if (!root || typeof root !== "object" || Array.isArray(root)) return root;
    const all = slots(root);
    const [parent, k] = all.length ? r.pick(all) : [undefined, ""];
    const op = r.int(16);
    if (op >= 12 && parent) {
      // Same type, odd value: gets past decoding into defaulting, validation and the strategies.
      const v = parent[k];
      if (typeof v === "string") parent[k] = r.pick(WEIRD_STRINGS);
      else if (typeof v === "number") parent[k] = r.pick(WEIRD_NUMBERS);
      else if (typeof v === "boolean") parent[k] = !v;
      else if (Array.isArray(v)) parent[k] = r.chance(0.5) ? [] : [...v, ...v];
      else if (v && typeof v === "object") parent[k] = {};
      continue;
    }
    switch (op) {
      case 0:
        if (parent) Array.isArray(parent) ? parent.splice(Number(k), 1) : delete parent[k];
        break;
      case 1:
        if (parent) parent[k] = null;
        break;
      case 2:
      case 3:
        if (parent) parent[k] = typeSwap(r, parent[k]);
        break;
      case 4:
        if (parent) parent[k] = r.pick(WEIRD_STRINGS);
        break;
      case 5:
        if (parent) parent[k] = r.pick(WEIRD_NUMBERS);
        break;
      case 6:
        if (parent) parent[k] = deep(r, 50 + r.int(150));
        break;
      case 7:
        root.apiVersion = r.pick(["v1", "apps/v1", "v2", "", "nope/v1", "apps/v1beta1", 5, null, "batch/v1", "example.com/v1"]);
        break;
      case 8:
        root.kind = r.pick(["Pod", "Deployment", "", "Nope", "Status", "List", 3, null, "ConfigMap", "Widget"]);
        break;
      case 9:
        if (r.chance(0.5)) {
          root.metadata = { ...(root.metadata && typeof root.metadata === "object" ? root.metadata : {}) };
          const m = root.metadata;
          switch (r.int(7)) {
            case 0:
              m.ownerReferences = Array.from({ length: 1 + r.int(2) }, () => ({ apiVersion: r.pick(["v1", "apps/v1", ""]), kind: r.pick(["ReplicaSet", "Deployment", "Pod", "Nope"]), name: r.pick(["web", "rs", "x", ""]), uid: r.pick(UIDS), controller: r.chance(0.5), blockOwnerDeletion: r.chance(0.5) }));
              break;
            case 1:
              m.finalizers = Array.from({ length: 1 + r.int(2) }, () => r.pick(["kubernetes", "foregroundDeletion", "orphan", "example.com/hold", "bad finalizer", "", "a/b/c"]));
              break;
            case 2:
              m.labels = { [r.pick(["app", "a/b", "-x", "x".repeat(70), "", "app.kubernetes.io/name"])]: r.pick(["web", "", "-", "x".repeat(70), "ok"]) };
              break;
            case 3:
              m.annotations = { [r.pick(["a", "kubectl.kubernetes.io/last-applied-configuration", "bad key!", "deployment.kubernetes.io/revision"])]: r.pick(["1", "{}", "x".repeat(300_000), "{not json"]) };
              break;
            case 4:
              m.deletionTimestamp = r.pick(["2026-01-01T00:00:00Z", "yesterday", "0001-01-01T00:00:00Z"]);
              m.deletionGracePeriodSeconds = r.pick([0, 30, -1]);
              break;
            case 5:
              m.managedFields = r.pick([[], [{ manager: "x", operation: "Apply", fieldsType: "FieldsV1", fieldsV1: { "f:spec": {} } }], [{ operation: "Nope" }], [{ manager: "m", operation: "Update", fieldsType: "FieldsV2", fieldsV1: { bad: 1 } }]]);
              break;
            default:
              m.generateName = r.pick(["web-", "UPPER-", "", "x".repeat(80)]);
              delete m.name;
          }
          break;
        }
        root.metadata = r.pick([null, "m", [], { name: r.pick(WEIRD_STRINGS) }, { generateName: r.pick(WEIRD_STRINGS) }, { ...(root.metadata ?? {}), namespace: r.pick(WEIRD_STRINGS) }, { ...(root.metadata ?? {}), resourceVersion: r.pick(["abc", "1", "-1", "999999"]) }]);
        break;
      case 10:
        if (parent && parent[k] && typeof parent[k] === "object" && !Array.isArray(parent[k])) parent[k][r.pick(["unknownField", "$patch", "x-y"])] = randomValue(r);
        break;
      default:
        if (r.chance(0.2)) root = randomValue(r);
        else if (parent) parent[k] = randomValue(r);
    }
  }
  return root;
}

const CONTENT_TYPES = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf", "text/plain", "", "application/json; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml", ";;;", "application/*"];
const PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml", "application/json", "text/plain"];
const ACCEPTS = [undefined, "application/json", "application/json;as=Table;v=v1;g=meta.k8s.io", "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json", "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io", "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io", "text/html", "image/png", "*/*", "application/json;as=Nope", "application/vnd.kubernetes.protobuf"];
const SUBRESOURCES = ["status", "scale", "eviction", "binding", "log", "exec", "finalize", "proxy", "token", "attach", "ephemeralcontainers", "nope", "", "%2F", "status/extra"];
const QUERY_VALUES: Record<string, string[]> = {
  limit: ["-1", "0", "1", "abc", "1e3", "99999999999999999999", "2.5", ""],
  resourceVersion: ["abc", "0", "1", "-1", "999999999", "", "1.5"],
  resourceVersionMatch: ["NotOlderThan", "Exact", "nope", ""],
  timeoutSeconds: ["-1", "0", "abc", "99999999999", "99999999999999999999", "1.5", "1"],
  fieldSelector: ["metadata.name=x", "spec.nodeName=node01", "status.phase!=Running", "garbage", "a==b==c", "=", "metadata.name in (a)", "nope.field=1", ",", "metadata.name=" + "x".repeat(300)],
  labelSelector: ["app=web", "app in (web,db)", "!app", "app notin ()", "===", "a b", "app in (", "x".repeat(70) + "=y", "app=web,", "a,b,,c", "🙂=1", "app>1", "app gt 1"],
  watch: ["true", "1", "false", "0", "yes", ""],
  dryRun: ["All", "foo", "", "all"],
  fieldValidation: ["Strict", "Warn", "Ignore", "strict", "foo", ""],
  fieldManager: ["kubectl", "", "x".repeat(200), "bad\u0001char"],
  force: ["true", "false", "maybe"],
  propagationPolicy: ["Foreground", "Background", "Orphan", "Nope", ""],
  gracePeriodSeconds: ["0", "-1", "30", "abc", "1.5", "99999999999999999999"],
  orphanDependents: ["true", "false", "x"],
  continue: ["abc", "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiJ4In0=", "%%%", ""],
  includeObject: ["None", "Metadata", "Object", "Nope"],
  allowWatchBookmarks: ["true", "x"],
  sendInitialEvents: ["true", "false"],
  pretty: ["true", "one-armed"],
};

interface Target {
  collection: string;
  valid: Record<string, any>;
}

/** Paths: the kind's collection and objects, with odd segments and names mixed in. */
function randomPath(r: Rand, c: TestClient, t: Target): string {
  const name = r.chance(0.6) ? (t.valid.metadata?.name ?? "x") : r.pick([...WEIRD_STRINGS.slice(0, 20).map(encodeURIComponent), "x".repeat(300), "%zz", "%", "a%2Fb", "%E2%82", "default"]);
  let base = t.collection;
  if (r.chance(0.15)) base = base.replace("/namespaces/default/", r.pick(["/namespaces//", "/namespaces/kube-system/", "/namespaces/missing/", "/namespaces/Bad_NS/", "/namespaces/%2F/", "/namespaces/default/x/"]));
  switch (r.int(10)) {
    case 0:
      return base;
    case 1:
    case 2:
    case 3:
      return `${base}/${name}`;
    case 4:
    case 5:
      return `${base}/${name}/${r.pick(SUBRESOURCES)}`;
    case 6:
      return r.pick(["/api/v1/namespaces/default/pods/pod/eviction", "/api/v1/namespaces/default/pods/pod/binding", "/api/v1/namespaces/team-a/finalize", "/api/v1/namespaces/default/status", "/apis/apps/v1/namespaces/default/deployments/web/scale", "/api/v1/namespaces/default/replicationcontrollers/rc/scale", "/apis/example.com/v1/namespaces/default/widgets/w/scale", "/apis/example.com/v1/namespaces/default/widgets/w/status"]);
    case 7: {
      // An object the bootstrap made (real names, real resourceVersions).
      const res = r.pick(c.cluster.store.resources());
      const o = r.pick(c.cluster.store.list(res));
      return o ? `${base.replace(/\/[^/]+$/, "")}/${o.metadata.name}` : base;
    }
    case 8:
      return r.pick(["/", "/api", "/apis", "/api/v1", "/api/v2", "/apis/apps", "/apis/nope/v1/things", "/api/v1/nope", "/api/v1/namespaces/default/nope/x", "/apis/apps/v1/namespaces/default/deployments/web/scale/x/y", "/version", "/openapi/v3", "/openapi/v3/nope", "/api/v1/watch/pods", "/api//v1", "//", "/api/v1/namespaces/default/pods/" + "y".repeat(5000), "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope", "/apis/metrics.k8s.io/v1beta1/nodes"]);
    default:
      return `${base}/${name}/${r.pick(SUBRESOURCES)}/${r.pick(SUBRESOURCES)}`;
  }
}

function randomQuery(r: Rand): string {
  const q = new URLSearchParams();
  const keys = Object.keys(QUERY_VALUES);
  const n = r.chance(0.4) ? 0 : 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const k = r.pick(keys);
    q.append(k, r.pick(QUERY_VALUES[k]));
  }
  return q.toString();
}

/** Real kubectl protobuf bodies (test/unit/fixtures/protobuf), to be damaged bit by bit. */
const PROTOBUF = readdirSync(new URL("./fixtures/protobuf/", import.meta.url))
  .filter((f) => f.endsWith(".b64"))
  .map((f) => Uint8Array.from(Buffer.from(readFileSync(new URL(`./fixtures/protobuf/${f}`, import.meta.url), "utf8").trim(), "base64")));

function protobufMutant(r: Rand): Uint8Array {
  const bytes = [...r.pick(PROTOBUF)];
  for (let n = 1 + r.int(4); n > 0; n--) {
    const i = 4 + r.int(Math.max(1, bytes.length - 4));
    switch (r.int(4)) {
      case 0:
        bytes[i] ^= 1 << r.int(8);
        break;
      case 1:
        bytes.splice(i, 1 + r.int(8));
        break;
      case 2:
        bytes.splice(i, 0, ...Array.from({ length: 1 + r.int(8) }, () => r.int(256)));
        break;
      default:
        bytes[i] = r.pick([0x00, 0x7f, 0x80, 0xff]);
    }
  }
  return Uint8Array.from(bytes);
}

function protobufGarbage(r: Rand): Uint8Array {
  if (r.chance(0.6)) return protobufMutant(r);
  const len = r.int(64);
  const bytes = new Uint8Array(len + (r.chance(0.5) ? 4 : 0));
  let off = 0;
  if (bytes.length > len) bytes.set([0x6b, 0x38, 0x73, 0x00], (off = 4) - 4); // "k8s\0"
  for (let i = off; i < bytes.length; i++) bytes[i] = r.int(256);
  return bytes;
}

/** Serializes a body the way a client might (or might mangle it). */
function encodeBody(r: Rand, value: unknown, ct: string): string | Uint8Array {
  if (ct === "application/vnd.kubernetes.protobuf") return protobufGarbage(r);
  let text: string;
  if (ct.includes("yaml") && r.chance(0.8)) text = toYaml(value, { aliasDuplicateObjects: false });
  else text = JSON.stringify(value) ?? "null";
  switch (r.int(12)) {
    case 0:
      return text.slice(0, r.int(text.length + 1)); // truncated
    case 1:
      return text + r.pick(["}", "]", ",", "\u0000", "garbage"]);
    case 2:
      return r.pick(["", "{", "[]", "null", "42", '"s"', "a: b: c", "- - -", "&a [*a, *a]", "{{{", "\uFFFD\uFFFE", YAML_ALIAS_BOMB, "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Secret\n", "kind: !!binary aGVsbG8=\n", "metadata: !!set {a, b}\n", "? [a]\n: b\n", "a: &x 1\nb: *y\n", "%YAML 1.1\n---\na: yes\n", "metadata:\n  name: *anchor\n", "<<: {a: 1}\n", "\t- tab"]);
    default:
      return text;
  }
}

/** A patch body for a patch content type, derived from the object. */
function patchBody(r: Rand, ct: string, valid: Record<string, any>): unknown {
  if (ct === "application/json-patch+json") {
    const ops = ["add", "remove", "replace", "move", "copy", "test", "nope", 5];
    const paths = ["/metadata/labels/x", "/spec/replicas", "/metadata/name", "/spec", "", "/", "/a/b/c/d", "/metadata/labels/~2", "/spec/template/spec/containers/-", "/spec/template/spec/containers/99", "/metadata/finalizers/0", "/status"];
    return Array.from({ length: 1 + r.int(3) }, () => {
      const op: Record<string, unknown> = { op: r.pick(ops), path: r.pick(paths) };
      if (r.chance(0.7)) op.value = randomValue(r);
      if (r.chance(0.3)) op.from = r.pick(paths);
      return r.chance(0.9) ? op : randomValue(r);
    });
  }
  if (ct === "application/apply-patch+yaml") return mutate(r, valid);
  const partial = mutate(r, valid);
  if (r.chance(0.4) && partial && typeof partial === "object") {
    const spots = slots(partial).filter(([p, k]) => p[k] && typeof p[k] === "object");
    const target: any = spots.length && r.chance(0.7) ? (([p, k]) => p[k])(r.pick(spots)) : partial;
    const directive = r.pick(["$patch", "$retainKeys", "$setElementOrder/containers", "$deleteFromPrimitiveList/finalizers", "$setElementOrder/ports"]);
    const value = directive === "$patch" ? r.pick(["replace", "delete", "merge", "nope", 1]) : r.pick([[], ["a"], [{ name: "app" }], "x", [null], [{ port: 80 }]]);
    if (Array.isArray(target)) target.push({ [directive]: value });
    else target[directive] = value;
  }
  return partial;
}

/** The stored object a target names, as a client would GET it (undefined when it is gone). */
function current(c: TestClient, t: Target): Record<string, any> | undefined {
  const r = c.request("GET", `${t.collection}/${t.valid.metadata?.name}`);
  return r.status === 200 ? r.body : undefined;
}

function randomRequest(r: Rand, c: TestClient, targets: Target[]): RawRequest {
  const t = r.pick(targets);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (r.chance(0.1)) headers.accept = r.pick(ACCEPTS)!;
  const query = r.chance(0.35) ? randomQuery(r) : "";
  const named = `${t.collection}/${t.valid.metadata?.name ?? "x"}`;
  // Updates start from the stored object (with its resourceVersion) so mutations get past the early checks.
  const stored = () => {
    let o = current(c, t);
    if (!o && !t.collection.includes("subjectaccessreview") && !t.collection.includes("rulesreview")) {
      c.request("POST", t.collection, t.valid);
      o = current(c, t);
    }
    return o ?? t.valid;
  };
  const body = (v: unknown, ct = headers["content-type"]) => encodeBody(r, v, ct);
  const roll = r.next();
  if (roll < 0.3) {
    if (r.chance(0.2)) headers["content-type"] = r.pick(CONTENT_TYPES);
    const big = r.chance(0.02);
    const fresh = structuredClone(t.valid);
    if (fresh.metadata?.name && r.chance(0.5)) fresh.metadata.name += `-${r.int(1000)}`;
    return { method: "POST", path: t.collection, query, headers, body: big ? new Uint8Array(LIMITS.maxRequestBodyBytes + 1).fill(0x20) : body(mutate(r, fresh)) };
  }
  if (roll < 0.5) {
    if (r.chance(0.1)) headers["content-type"] = r.pick(CONTENT_TYPES);
    return { method: "PUT", path: named, query, headers, body: body(mutate(r, stored())) };
  }
  if (roll < 0.7) {
    const ct = r.chance(0.95) ? r.pick(PATCH_TYPES) : r.pick(CONTENT_TYPES);
    headers["content-type"] = ct;
    const q = ct === "application/apply-patch+yaml" && r.chance(0.8) ? `fieldManager=fuzz${query ? "&" + query : ""}` : query;
    return { method: "PATCH", path: named, query: q, headers, body: body(patchBody(r, ct, r.chance(0.5) ? stored() : t.valid), ct) };
  }
  if (roll < 0.85) {
    // Subresources, with bodies derived from the stored object or from their own kinds.
    const o = stored();
    const sub = r.pick(["status", "status", "scale", "scale", "eviction", "binding", "finalize", "log", "exec", "token", "proxy"]);
    const scale = { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: o.metadata?.name, resourceVersion: o.metadata?.resourceVersion }, spec: { replicas: 3 } };
    const eviction = { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: o.metadata?.name }, deleteOptions: { gracePeriodSeconds: 0 } };
    const binding = { apiVersion: "v1", kind: "Binding", metadata: { name: o.metadata?.name }, target: { kind: "Node", name: "node01" } };
    const subject: Record<string, unknown> = sub === "scale" ? scale : sub === "eviction" ? eviction : sub === "binding" ? binding : o;
    const method = r.pick(sub === "eviction" || sub === "binding" || sub === "token" ? ["POST", "POST", "GET", "PUT"] : ["PUT", "PUT", "PATCH", "GET", "POST", "DELETE"]);
    const podPath = `/api/v1/namespaces/default/pods/pod`;
    const path = (sub === "eviction" || sub === "binding" || sub === "log" || sub === "exec") && r.chance(0.7) ? `${podPath}/${sub}` : sub === "finalize" && r.chance(0.7) ? "/api/v1/namespaces/team-a/finalize" : `${named}/${sub}`;
    if (method === "PATCH") {
      const ct = r.pick(PATCH_TYPES);
      headers["content-type"] = ct;
      return { method, path, query, headers, body: body(patchBody(r, ct, subject), ct) };
    }
    return { method, path, query, headers, body: method === "GET" || method === "DELETE" ? undefined : body(mutate(r, subject)) };
  }
  if (roll < 0.9) {
    const b = r.chance(0.5) ? undefined : body({ kind: "DeleteOptions", apiVersion: "v1", ...(mutate(r, { propagationPolicy: "Foreground", gracePeriodSeconds: 0, preconditions: { resourceVersion: "1" }, dryRun: ["All"] }) as object) });
    return { method: "DELETE", path: r.chance(0.8) ? named : t.collection, query: r.chance(0.5) ? randomQuery(r) : query, headers, body: b };
  }
  if (roll < 0.95) {
    const rv = c.cluster.store.resourceVersion;
    const q = randomQuery(r) + (r.chance(0.4) ? `&watch=true${r.chance(0.5) ? `&resourceVersion=${r.pick([0, rv, rv - 5, rv - 3000, 1])}` : ""}` : "");
    return { method: "GET", path: r.chance(0.7) ? t.collection : named, query: q, headers: r.chance(0.3) ? { accept: r.pick(ACCEPTS.filter(Boolean)) as string } : {}, body: undefined };
  }
  // Anything at all: odd methods, paths, headers and bodies.
  const method = r.pick(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "get", "FOO"]);
  headers["content-type"] = r.pick(CONTENT_TYPES);
  return { method, path: randomPath(r, c, t), query: randomQuery(r), headers, body: r.chance(0.3) ? protobufGarbage(r) : body(mutate(r, t.valid)) };
}

function describeRequest(req: RawRequest): string {
  const body = req.body === undefined ? "" : typeof req.body === "string" ? req.body.slice(0, 400) : `<${req.body.length} bytes>`;
  return `${req.method} ${req.path.slice(0, 200)}${req.query ? "?" + req.query : ""} ${JSON.stringify(req.headers)} ${body}`;
}

/** BAD_INPUT_STATS=1 prints how the requests were answered (to check the generator reaches deep code). */
const STATS = new Map<string, number>();
/** Exploration mode (BAD_INPUT_EXPLORE=1): collect every distinct failure instead of stopping at the first. */
const FOUND = new Map<string, { n: number; example: string }>();
const explore = !!process.env.BAD_INPUT_EXPLORE;
function fail(message: string, signature: string) {
  if (!explore) throw new Error(message);
  const f = FOUND.get(signature);
  if (f) f.n++;
  else FOUND.set(signature, { n: 1, example: message });
}
const srcFrame = (e: unknown) => String((e as Error)?.stack ?? e).split("\n").find((l) => l.includes("/src/")) ?? String(e);

function runProperty(seed: number, requests: number) {
  const r = prng(seed);
  const c = testCluster({ nodes: 1 });
  for (const [path, obj] of [...VALID, WIDGET]) c.request("POST", path, obj);
  c.tick(1000);
  const targets: Target[] = [...VALID, WIDGET].map(([collection, valid]) => ({ collection, valid }));
  c.cluster.takeWrites();
  for (const res of c.cluster.store.resources()) for (const o of c.cluster.store.list(res).slice(0, 3)) UIDS.push(o.metadata.uid!);
  // Open watches stay subscribed while later requests write: a listener that throws would break those writes.
  const watches: Array<() => void> = [];
  const watchEvents: WatchEvent[] = [];
  let before = fastFingerprint(c);
  for (let i = 0; i < requests; i++) {
    const req = randomRequest(r, c, targets);
    // Building the request may have re-created a deleted seed object: that is setup, not the request.
    if (c.cluster.store.hasPendingWrites()) {
      c.cluster.takeWrites();
      before = fastFingerprint(c);
    }
    const where = `seed ${seed}, request #${i}: ${describeRequest(req)}`;
    const res = send(c, req);
    if (process.env.BAD_INPUT_STATS) {
      const k = `${res.status} ${req.method.toUpperCase()} ${res.status >= 400 ? String(res.body?.message).slice(0, 60) : ""}`;
      STATS.set(k, (STATS.get(k) ?? 0) + 1);
    }
    if (res.threw) fail(`handle() threw (${where}): ${(res.threw as Error).stack ?? res.threw}`, `throw ${(res.threw as Error).message?.slice(0, 60)} ${srcFrame(res.threw)}`);
    else if (res.status >= 500 || res.status < 100) fail(`status ${res.status} (${where}): ${JSON.stringify(res.body).slice(0, 500)}`, `5xx ${String(res.body?.message).slice(0, 50)}`);
    if (res.stream && r.chance(0.5)) {
      try {
        watches.push(res.stream.subscribe((e) => watchEvents.push(e), () => {}));
      } catch (e) {
        fail(`watch subscribe threw (${where}): ${(e as Error).stack}`, `watch ${srcFrame(e)}`);
      }
      if (watches.length > 8) watches.shift()!();
    }
    for (const e of watchEvents.splice(0)) {
      if (!["ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"].includes(e.type) || !e.object) fail(`bad watch event (${where}): ${JSON.stringify(e).slice(0, 300)}`, `watch event ${e.type}`);
    }
    const after = fastFingerprint(c);
    if (res.status >= 400) {
      const b = res.body;
      const ok = b && b.kind === "Status" && b.apiVersion === "v1" && b.status === "Failure" && b.code === res.status && typeof b.message === "string" && b.message.length > 0;
      if (!ok) fail(`error without a proper Status (${where}): ${JSON.stringify(b).slice(0, 500)}`, `nostatus ${res.status}`);
      if (after !== before || c.cluster.store.hasPendingWrites()) fail(`failed request changed the store (${where}): ${res.status} ${b?.message}`, `write ${req.method} ${req.path.split("/").slice(0, 6).join("/")} ${res.status} ${String(b?.message).slice(0, 40)}`);
    }
    c.cluster.takeWrites();
    if (i % 100 === 99) {
      try {
        c.tick(r.int(120_000));
      } catch (e) {
        fail(`controllers threw after the requests up to #${i} of seed ${seed}: ${(e as Error).stack}`, `controller ${srcFrame(e)}`);
      }
      c.cluster.takeWrites();
      before = fastFingerprint(c);
    } else before = after;
  }
  for (const stop of watches) stop();
}

// BAD_INPUT_SEED=7,8 or BAD_INPUT_SEED=random replays or explores other seeds; BAD_INPUT_REQUESTS sets the length of a run.
const envSeed = process.env.BAD_INPUT_SEED;
const SEEDS = envSeed ? envSeed.split(",").map((s) => (s === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(s))) : [1, 2, 3];
const REQUESTS = Number(process.env.BAD_INPUT_REQUESTS ?? 1200);

describe("property: mutated requests never crash, never 5xx, never write on failure", () => {
  test.each(SEEDS)("seed %i", (seed) => {
    try {
      runProperty(seed, REQUESTS);
    } catch (e) {
      console.error(`bad-input property test failed; replay with BAD_INPUT_SEED=${seed}`);
      throw e;
    }
    if (explore) console.log([...FOUND].map(([k, f]) => `${f.n}x ${k}\n    ${f.example.slice(0, 1500)}`).join("\n"));
    if (process.env.BAD_INPUT_STATS) console.log([...STATS].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join("\n"));
  }, 60_000);
});
