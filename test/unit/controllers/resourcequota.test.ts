// ResourceQuota: the controller's status (hard and used) and admission refusing creates that would
// exceed a quota or that leave out the requests and limits a quota tracks.
import { describe, expect, it } from "vitest";
import { create, pod, podPath, put, quotaPath, sandbox, svcPath, pvcPath, service, type Sandbox } from "./services-storage-support";

const NS = "quota-demo";

function quota(name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec: { hard, ...extra } };
}

/** A namespace of its own (with the default ServiceAccount and kube-root-ca.crt ConfigMap every namespace gets). */
function namespace(): Sandbox {
  const c = sandbox();
  create(c, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: NS } });
  c.tick();
  return c;
}

function container(name: string, resources: Record<string, Record<string, string>>) {
  return { name, image: "nginx:1.27", resources };
}

function podWith(name: string, containers: unknown[], spec: Record<string, unknown> = {}) {
  return { apiVersion: "v1", kind: "Pod", metadata: { name }, spec: { containers, ...spec } };
}

describe("ResourceQuota controller", () => {
  it("fills status.hard from spec.hard and status.used with zeros in an empty namespace", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("compute", { "requests.cpu": "1", "requests.memory": "1024Mi", pods: "4" }));
    c.step();
    expect(c.get(quotaPath("compute", NS)).status).toEqual({
      hard: { "requests.cpu": "1", "requests.memory": "1Gi", pods: "4" },
      used: { "requests.cpu": "0", "requests.memory": "0", pods: "0" },
    });
  });

  it("sums the requests and limits of the namespace's running pods", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("compute", { "requests.cpu": "2", "requests.memory": "1Gi", "limits.cpu": "4", "limits.memory": "2Gi", pods: "10", "count/pods": "10" }));
    create(c, podPath("", NS), podWith("a", [container("app", { requests: { cpu: "250m", memory: "64Mi" }, limits: { cpu: "500m", memory: "128Mi" } })]));
    create(c, podPath("", NS), podWith("b", [container("app", { requests: { cpu: "250m", memory: "128Mi" }, limits: { cpu: "1", memory: "256Mi" } }), container("side", { requests: { cpu: "100m", memory: "32Mi" }, limits: { cpu: "100m", memory: "32Mi" } })]));
    c.step();
    expect(c.get(quotaPath("compute", NS)).status.used).toEqual({
      "requests.cpu": "600m",
      "requests.memory": "224Mi",
      "limits.cpu": "1600m",
      "limits.memory": "416Mi",
      pods: "2",
      "count/pods": "2",
    });
  });

  it("stops counting pods that finished", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("pods", { pods: "5" }));
    create(c, podPath("", NS), pod("done"));
    create(c, podPath("", NS), pod("running"));
    const done = c.get(podPath("done", NS));
    put(c, `${podPath("done", NS)}/status`, { ...done, status: { ...done.status, phase: "Succeeded" } });
    c.step();
    expect(c.get(quotaPath("pods", NS)).status.used).toEqual({ pods: "1" });
  });

  it("counts objects: configmaps (kube-root-ca.crt too), secrets, services and node ports, claims and their storage", () => {
    const c = namespace();
    create(
      c,
      quotaPath("", NS),
      quota("objects", {
        configmaps: "10",
        secrets: "10",
        services: "10",
        "services.nodeports": "5",
        "services.loadbalancers": "1",
        persistentvolumeclaims: "5",
        "requests.storage": "10Gi",
        "standard.storageclass.storage.k8s.io/requests.storage": "5Gi",
        "count/deployments.apps": "3",
      }),
    );
    create(c, `/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, stringData: { a: "b" } });
    create(c, svcPath("", NS), service("np", { type: "NodePort", selector: { app: "x" }, ports: [{ name: "http", port: 80 }, { name: "https", port: 443 }] }));
    create(c, pvcPath("", NS), { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "d1" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
    create(c, pvcPath("", NS), { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "d2" }, spec: { storageClassName: "manual", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "512Mi" } } } });
    c.step();
    expect(c.get(quotaPath("objects", NS)).status.used).toEqual({
      configmaps: "1",
      secrets: "1",
      services: "1",
      "services.nodeports": "2",
      "services.loadbalancers": "0",
      persistentvolumeclaims: "2",
      "requests.storage": "1536Mi",
      "standard.storageclass.storage.k8s.io/requests.storage": "1Gi",
      "count/deployments.apps": "0",
    });
  });

  it("counts only the pods a scope selects", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("best-effort", { pods: "3" }, { scopes: ["BestEffort"] }));
    create(c, quotaPath("", NS), quota("critical", { pods: "3" }, { scopeSelector: { matchExpressions: [{ scopeName: "PriorityClass", operator: "In", values: ["system-cluster-critical"] }] } }));
    create(c, podPath("", NS), pod("plain"));
    create(c, podPath("", NS), podWith("sized", [container("app", { requests: { cpu: "100m" } })]));
    c.step();
    expect(c.get(quotaPath("best-effort", NS)).status.used).toEqual({ pods: "1" });
    expect(c.get(quotaPath("critical", NS)).status.used).toEqual({ pods: "0" });
  });

  it("writes nothing while usage stays the same", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("pods", { pods: "5" }));
    c.step();
    const rv = c.cluster.store.resourceVersion;
    c.step(60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });
});

describe("ResourceQuota admission", () => {
  it("refuses a pod that would exceed a quota, naming what was requested, used and allowed", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("compute-quota", { "requests.memory": "500Mi" }));
    c.step();
    const r = c.request("POST", podPath("", NS), podWith("mem-demo", [container("app", { requests: { memory: "600Mi" } })]));
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Forbidden",
      code: 403,
      message: 'pods "mem-demo" is forbidden: exceeded quota: compute-quota, requested: requests.memory=600Mi, used: requests.memory=0, limited: requests.memory=500Mi',
    });
    expect(c.request("GET", podPath("mem-demo", NS)).status).toBe(404);
  });

  it("counts what is already there", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("mem-cpu-demo", { "requests.memory": "1Gi", "requests.cpu": "1" }));
    create(c, podPath("", NS), podWith("first", [container("app", { requests: { memory: "600Mi", cpu: "400m" } })]));
    const r = c.request("POST", podPath("", NS), podWith("second", [container("app", { requests: { memory: "700Mi", cpu: "400m" } })]));
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('pods "second" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi');
  });

  it("lists every resource a pod exceeds, sorted", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("q", { pods: "1", "requests.cpu": "100m" }));
    create(c, podPath("", NS), podWith("one", [container("app", { requests: { cpu: "50m" } })]));
    const r = c.request("POST", podPath("", NS), podWith("two", [container("app", { requests: { cpu: "100m" } })]));
    expect(r.body.message).toBe('pods "two" is forbidden: exceeded quota: q, requested: pods=1,requests.cpu=100m, used: pods=1,requests.cpu=50m, limited: pods=1,requests.cpu=100m');
  });

  it("requires every container to state the cpu and memory limits a quota tracks", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("mem-cpu-demo", { "requests.cpu": "1", "requests.memory": "1Gi", "limits.cpu": "2", "limits.memory": "2Gi" }));
    const r = c.request("POST", podPath("", NS), podWith("nginx", [container("nginx", { requests: { cpu: "100m", memory: "64Mi" } })]));
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('pods "nginx" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: nginx; limits.memory for: nginx');
  });

  it("names every container that leaves a tracked resource out", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("mem", { "requests.memory": "1Gi" }));
    const r = c.request("POST", podPath("", NS), podWith("two", [container("b", {}), container("a", {})]));
    expect(r.body.message).toBe('pods "two" is forbidden: failed quota: mem: must specify requests.memory for: a,b');
  });

  it.each([
    ["configmaps", `/api/v1/namespaces/${NS}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "extra" } }, 'configmaps "extra" is forbidden: exceeded quota: objects, requested: configmaps=1, used: configmaps=1, limited: configmaps=1'],
    [
      "count/deployments.apps",
      `/apis/apps/v1/namespaces/${NS}/deployments`,
      { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" }, spec: { selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx" }] } } } },
      'deployments.apps "web" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=0, limited: count/deployments.apps=0',
    ],
    [
      "requests.storage",
      pvcPath("", NS),
      { apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "big" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } },
      'persistentvolumeclaims "big" is forbidden: exceeded quota: objects, requested: requests.storage=20Gi, used: requests.storage=0, limited: requests.storage=10Gi',
    ],
  ])("refuses objects past a %s quota", (key, path, body, message) => {
    const c = namespace();
    const hard: Record<string, string> = { configmaps: "1", "count/deployments.apps": "0", "requests.storage": "10Gi" };
    create(c, quotaPath("", NS), quota("objects", { [key]: hard[key] }));
    const r = c.request("POST", path, body);
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(message);
  });

  it("lets through what a quota does not track, and pods outside its scope", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("best-effort", { pods: "0" }, { scopes: ["BestEffort"] }));
    expect(c.request("POST", podPath("", NS), podWith("sized", [container("app", { requests: { cpu: "100m", memory: "10Mi" } })])).status).toBe(201);
    expect(c.request("POST", `/api/v1/namespaces/${NS}/configmaps`, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "free" } }).status).toBe(201);
    expect(c.request("POST", podPath("", NS), pod("plain")).status).toBe(403);
  });

  it("checks a dry run too, and refuses before the name is taken", () => {
    const c = namespace();
    create(c, quotaPath("", NS), quota("pods", { pods: "0" }));
    expect(c.request("POST", `${podPath("", NS)}?dryRun=All`, pod("p")).status).toBe(403);
  });
});
