// The API machinery every kind shares: resourceVersions, generation, preconditions, dry-run,
// no-op writes, subresources, paging, garbage collection and namespace deletion.
import { describe, expect, test } from "vitest";
import { testCluster } from "../../support/cluster";
import { Cluster } from "../../../src/engine/cluster/cluster";

const deployment = (name: string, replicas = 2, image = "nginx:1.27") => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image }] } } },
});
const configMap = (name: string, data: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });
const DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";
const CMS = "/api/v1/namespaces/default/configmaps";

describe("writes", () => {
  test("a create sets uid, creationTimestamp, resourceVersion and generation 1 for kinds that track it", () => {
    const c = testCluster();
    const r = c.request("POST", DEPLOYS, deployment("web"));
    expect(r.status).toBe(201);
    const m = r.body.metadata;
    expect(m.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.creationTimestamp).toBe("2026-01-01T00:00:00Z");
    expect(Number(m.resourceVersion)).toBe(c.cluster.store.resourceVersion);
    expect(m.generation).toBe(1);
    expect(c.request("POST", CMS, configMap("c")).body.metadata.generation).toBeUndefined();
  });

  test("a spec change bumps generation; a metadata-only change does not", () => {
    const c = testCluster();
    c.request("POST", DEPLOYS, deployment("web"));
    const labelled = c.request("PATCH", `${DEPLOYS}/web`, { metadata: { labels: { tier: "fe" } } }, { "content-type": "application/merge-patch+json" });
    expect(labelled.body.metadata.generation).toBe(1);
    const scaled = c.request("PATCH", `${DEPLOYS}/web`, { spec: { replicas: 5 } }, { "content-type": "application/merge-patch+json" });
    expect(scaled.body.metadata.generation).toBe(2);
  });

  test("a write that changes nothing keeps the resourceVersion", () => {
    const c = testCluster();
    const created = c.request("POST", CMS, configMap("c", { a: "1" })).body;
    const again = c.request("PATCH", `${CMS}/c`, { data: { a: "1" } }, { "content-type": "application/merge-patch+json" });
    expect(again.status).toBe(200);
    expect(again.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
    const put = c.request("PUT", `${CMS}/c`, created);
    expect(put.body.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  test("a stale resourceVersion is a 409 Conflict", () => {
    const c = testCluster();
    const created = c.request("POST", CMS, configMap("c", { a: "1" })).body;
    c.request("PATCH", `${CMS}/c`, { data: { a: "2" } }, { "content-type": "application/merge-patch+json" });
    const stale = c.request("PUT", `${CMS}/c`, { ...created, data: { a: "3" } });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe("Conflict");
    expect(stale.body.message).toBe('Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again');
  });

  test("creating an existing name is 409 AlreadyExists", () => {
    const c = testCluster();
    c.request("POST", CMS, configMap("c"));
    const r = c.request("POST", CMS, configMap("c"));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ reason: "AlreadyExists", message: 'configmaps "c" already exists', details: { name: "c", kind: "configmaps" } });
  });

  test("generateName appends five random characters", () => {
    const c = testCluster();
    const r = c.request("POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { generateName: "job-" } });
    expect(r.body.metadata.name).toMatch(/^job-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  test("dryRun=All validates and answers without storing", () => {
    const c = testCluster();
    const rv = c.cluster.store.resourceVersion;
    const r = c.request("POST", `${CMS}?dryRun=All`, configMap("c"));
    expect(r.status).toBe(201);
    expect(c.request("GET", `${CMS}/c`).status).toBe(404);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });

  test("a Deployment whose selector does not match its template is rejected with the real message", () => {
    const c = testCluster();
    const bad = deployment("web");
    bad.spec.template.metadata.labels = { app: "x" };
    const r = c.request("POST", DEPLOYS, bad);
    expect(r.status).toBe(422);
    expect(r.body.message).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`');
    expect(r.body.details.causes).toEqual([{ reason: "FieldValueInvalid", message: 'Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`', field: "spec.template.metadata.labels" }]);
  });

  test("fieldValidation=Strict rejects unknown fields; the default drops them with a warning", () => {
    const c = testCluster();
    const withExtra = { ...configMap("c"), spec: { foo: 1 } };
    const strict = c.request("POST", `${CMS}?fieldValidation=Strict`, withExtra);
    expect(strict.status).toBe(400);
    expect(strict.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"');
    const warn = c.request("POST", CMS, withExtra);
    expect(warn.status).toBe(201);
    expect(warn.body.spec).toBeUndefined();
    expect(warn.headers?.warning).toBe('299 - "unknown field \\"spec\\""');
  });

  test("a label value that is a number fails decoding like the real server", () => {
    const c = testCluster();
    const r = c.request("POST", CMS, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", labels: { version: 1 } } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
  });
});

describe("subresources", () => {
  test("the status subresource changes only status, and the main resource keeps status", () => {
    const c = testCluster();
    c.request("POST", DEPLOYS, deployment("web"));
    const current = c.get(`${DEPLOYS}/web`);
    const viaStatus = c.request("PUT", `${DEPLOYS}/web/status`, { ...current, spec: { ...current.spec, replicas: 9 }, status: { replicas: 2 } }).body;
    expect(viaStatus.spec.replicas).toBe(2);
    expect(viaStatus.status.replicas).toBe(2);
    const viaMain = c.request("PUT", `${DEPLOYS}/web`, { ...viaStatus, status: { replicas: 7 } }).body;
    expect(viaMain.status.replicas).toBe(2);
  });

  test("scale reads and writes spec.replicas as an autoscaling/v1 Scale", () => {
    const c = testCluster();
    c.request("POST", DEPLOYS, deployment("web", 3));
    const scale = c.get(`${DEPLOYS}/web/scale`);
    expect(scale).toMatchObject({ kind: "Scale", apiVersion: "autoscaling/v1", spec: { replicas: 3 }, status: { replicas: 0, selector: "app=web" } });
    const patched = c.request("PATCH", `${DEPLOYS}/web/scale`, { spec: { replicas: 5 } }, { "content-type": "application/merge-patch+json" });
    expect(patched.body.spec.replicas).toBe(5);
    expect(c.get(`${DEPLOYS}/web`).spec.replicas).toBe(5);
  });
});

describe("lists", () => {
  test("limit and continue page through a list in key order", () => {
    const c = testCluster();
    for (const n of ["a", "b", "c", "d", "e"]) c.request("POST", CMS, configMap(n));
    const first = c.get(`${CMS}?limit=2`);
    expect(first.items.map((i: any) => i.metadata.name)).toEqual(["a", "b"]);
    expect(first.metadata.remainingItemCount).toBe(4);
    const second = c.get(`${CMS}?limit=2&continue=${encodeURIComponent(first.metadata.continue)}`);
    expect(second.items.map((i: any) => i.metadata.name)).toEqual(["c", "d"]);
  });

  test("label and field selectors filter; unsupported field labels are a 400", () => {
    const c = testCluster();
    c.request("POST", CMS, { ...configMap("a"), metadata: { name: "a", labels: { tier: "fe" } } });
    c.request("POST", CMS, { ...configMap("b"), metadata: { name: "b", labels: { tier: "be" } } });
    expect(c.get(`${CMS}?labelSelector=tier%20in%20(fe)`).items.map((i: any) => i.metadata.name)).toEqual(["a"]);
    expect(c.get(`${CMS}?fieldSelector=metadata.name%3Db`).items.map((i: any) => i.metadata.name)).toEqual(["b"]);
    const bad = c.request("GET", "/api/v1/pods?fieldSelector=spec.foo%3Dx");
    expect(bad.status).toBe(400);
    // kubectl prefixes this with `Unable to find "/v1, Resource=pods" that match label selector ...`.
    expect(bad.body.message).toBe("field label not supported: spec.foo");
    expect(c.get("/api/v1/pods?fieldSelector=spec.nodeName%3Dnode01").items.map((p: any) => p.metadata.name)).toEqual([expect.stringMatching(/^kube-proxy-/)]);
  });

  test("a Table carries the kind's columns and one row per object", () => {
    const c = testCluster();
    const t = c.get("/api/v1/nodes", { accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json" });
    expect(t.kind).toBe("Table");
    expect(t.columnDefinitions.map((d: any) => [d.name, d.priority])).toEqual([
      ["Name", 0], ["Status", 0], ["Roles", 0], ["Age", 0], ["Version", 0],
      ["Internal-IP", 1], ["External-IP", 1], ["OS-Image", 1], ["Kernel-Version", 1], ["Container-Runtime", 1],
    ]);
    expect(t.rows.map((r: any) => r.cells.slice(0, 3))).toEqual([
      ["controlplane", "Ready", "control-plane"],
      ["node01", "Ready", "<none>"],
      ["node02", "Ready", "<none>"],
    ]);
    expect(t.rows[0].object.kind).toBe("PartialObjectMetadata");
  });
});

describe("deletion and garbage collection", () => {
  function ownedChain(c: ReturnType<typeof testCluster>) {
    const owner = c.request("POST", CMS, configMap("owner")).body;
    const ref = { apiVersion: "v1", kind: "ConfigMap", name: "owner", uid: owner.metadata.uid, blockOwnerDeletion: true };
    c.request("POST", CMS, { ...configMap("dependent"), metadata: { name: "dependent", ownerReferences: [ref] } });
  }

  test("Background: the owner goes at once and its dependents when the collector runs", () => {
    const c = testCluster();
    ownedChain(c);
    const r = c.request("DELETE", `${CMS}/owner`, { propagationPolicy: "Background" });
    expect(r.body).toMatchObject({ kind: "Status", status: "Success" });
    expect(c.request("GET", `${CMS}/dependent`).status).toBe(200);
    c.tick();
    expect(c.request("GET", `${CMS}/dependent`).status).toBe(404);
  });

  test("Foreground: the owner waits with a deletionTimestamp until its dependents are gone", () => {
    const c = testCluster();
    ownedChain(c);
    const r = c.request("DELETE", `${CMS}/owner`, { propagationPolicy: "Foreground" });
    expect(r.body.metadata.deletionTimestamp).toBeDefined();
    expect(r.body.metadata.finalizers).toEqual(["foregroundDeletion"]);
    c.tick();
    expect(c.request("GET", `${CMS}/dependent`).status).toBe(404);
    expect(c.request("GET", `${CMS}/owner`).status).toBe(404);
  });

  test("Orphan: dependents stay and lose their owner reference", () => {
    const c = testCluster();
    ownedChain(c);
    c.request("DELETE", `${CMS}/owner`, { propagationPolicy: "Orphan" });
    c.tick();
    expect(c.request("GET", `${CMS}/owner`).status).toBe(404);
    expect(c.get(`${CMS}/dependent`).metadata.ownerReferences).toBeUndefined();
  });

  test("a batch/v1 Job deleted without a policy orphans its pods (the version's default); Background deletes them", () => {
    // Found by the seeded simulation. kubectl always sends a policy; raw API clients get the default.
    const jobs = "/apis/batch/v1/namespaces/default/jobs";
    const job = (name: string) => ({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name },
      spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36", command: ["sleep", "100"] }] } } },
    });
    const podsOf = (c: ReturnType<typeof testCluster>, name: string) => c.get("/api/v1/namespaces/default/pods").items.filter((p: any) => p.metadata.labels?.["job-name"] === name);
    const c = testCluster();
    c.request("POST", jobs, job("plain"));
    c.request("POST", jobs, job("cascade"));
    c.tick(5000);
    expect(podsOf(c, "plain")).toHaveLength(1);
    const r = c.request("DELETE", `${jobs}/plain`);
    expect(r.body.metadata.finalizers).toEqual(["orphan"]);
    c.request("DELETE", `${jobs}/cascade`, { propagationPolicy: "Background" });
    c.tick();
    expect(c.request("GET", `${jobs}/plain`).status).toBe(404);
    const [orphan] = podsOf(c, "plain");
    expect(orphan.metadata.deletionTimestamp).toBeUndefined();
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    expect(podsOf(c, "cascade").every((p: any) => p.metadata.deletionTimestamp)).toBe(true);
  });

  test("a namespace is Terminating until everything in it is gone, then it is gone too", () => {
    const c = testCluster();
    c.request("POST", "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    c.tick();
    expect(c.get("/api/v1/namespaces/team/serviceaccounts/default").metadata.name).toBe("default");
    c.request("POST", "/api/v1/namespaces/team/configmaps", configMap("x"));
    expect(c.request("DELETE", "/api/v1/namespaces/team").body.status.phase).toBe("Terminating");
    const blocked = c.request("POST", "/api/v1/namespaces/team/configmaps", configMap("y"));
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('configmaps "y" is forbidden: unable to create new content in namespace team because it is being terminated');
    c.tick();
    expect(c.request("GET", "/api/v1/namespaces/team").status).toBe(404);
    expect(c.cluster.store.list("configmaps", "team")).toEqual([]);
  });

  test("the namespaces kubeadm creates may not be deleted", () => {
    const c = testCluster();
    const r = c.request("DELETE", "/api/v1/namespaces/kube-system");
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('namespaces "kube-system" is forbidden: this namespace may not be deleted');
  });

  test("a scheduled pod is deleted gracefully; --grace-period=0 deletes it at once", () => {
    const c = testCluster();
    const pods = c.get("/api/v1/namespaces/kube-system/pods").items;
    const proxy = pods.find((p: any) => p.metadata.name.startsWith("kube-proxy-"));
    const r = c.request("DELETE", `/api/v1/namespaces/kube-system/pods/${proxy.metadata.name}`);
    expect(r.body.metadata.deletionGracePeriodSeconds).toBe(30);
    const dns = pods.find((p: any) => p.metadata.name.startsWith("coredns-"));
    c.request("DELETE", `/api/v1/namespaces/kube-system/pods/${dns.metadata.name}`, { gracePeriodSeconds: 0 });
    expect(c.request("GET", `/api/v1/namespaces/kube-system/pods/${dns.metadata.name}`).status).toBe(404);
  });
});

describe("watch", () => {
  test("replays changes after a resourceVersion and answers 410 Expired for one too old", () => {
    const c = testCluster();
    const rv = c.cluster.store.resourceVersion;
    c.request("POST", CMS, configMap("a"));
    c.request("DELETE", `${CMS}/a`);
    const r = c.cluster.handle({ method: "GET", path: CMS, query: new URLSearchParams(`watch=true&resourceVersion=${rv}`), headers: {}, user: { username: "u", groups: [] }, nowMs: c.nowMs });
    if (!("watch" in r)) throw new Error("expected a watch");
    expect(r.watch.initial.map((e) => e.type)).toEqual(["ADDED", "DELETED"]);
    // A restarted sandbox remembers no history: watching from before its current resourceVersion is too old.
    const rows = c.cluster.store.resources().flatMap((res) => c.cluster.store.list(res).map((o) => ({ resource: res, body: JSON.stringify(o) })));
    const restarted = new Cluster({ resourceVersion: c.cluster.store.resourceVersion, seed: "test-seed" }, rows);
    const old = restarted.handle({ method: "GET", path: CMS, query: new URLSearchParams("watch=true&resourceVersion=1"), headers: {}, user: { username: "u", groups: [] }, nowMs: c.nowMs });
    if (!("watch" in old)) throw new Error("expected a watch");
    expect(old.watch.initial).toEqual([{ type: "ERROR", object: expect.objectContaining({ code: 410, reason: "Expired" }) }]);
  });

  test("an object leaving a label selector is sent as DELETED", () => {
    const c = testCluster();
    c.request("POST", CMS, { ...configMap("a"), metadata: { name: "a", labels: { keep: "yes" } } });
    const r = c.cluster.handle({ method: "GET", path: CMS, query: new URLSearchParams("watch=true&labelSelector=keep%3Dyes"), headers: {}, user: { username: "u", groups: [] }, nowMs: c.nowMs });
    if (!("watch" in r)) throw new Error("expected a watch");
    const seen: string[] = [];
    const stop = r.watch.subscribe((e) => seen.push(e.type), () => {});
    c.request("PATCH", `${CMS}/a`, { metadata: { labels: { keep: "no" } } }, { "content-type": "application/merge-patch+json" });
    stop();
    expect(r.watch.initial.map((e) => e.type)).toEqual(["ADDED"]);
    expect(seen).toEqual(["DELETED"]);
  });
});
