// @kubernetes/client-node 1.x (the official JavaScript client) against a sandbox served by the
// conformance run's TLS dev server. Needs no kubectl, so it runs even where no kubectl exists.
//
// client-node 1.x picks a PATCH's Content-Type from the operation's list of media types and takes
// the first JSON-like one: application/json-patch+json. Any other patch type has to be set with
// setHeaderOptions("Content-Type", PatchStrategy.X); KubernetesObjectApi.patch defaults to
// strategic merge.
import { beforeAll, describe, expect, it } from "vitest";
import {
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type V1ConfigMap,
  type V1Deployment,
} from "@kubernetes/client-node";
import { newSession } from "./sandbox";

const NS = "client-node";
const SUITE = { suite: "client-node" };

function deployment(name: string, replicas: number): V1Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels: { app: name, ...SUITE } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name: "web", image: "nginx:1.27", ports: [{ containerPort: 80 }] },
            { name: "sidecar", image: "busybox:1.36", command: ["sleep", "infinity"] },
          ],
        },
      },
    },
  };
}

/** The Status body of a failed call (client-node hands it over as the raw response text). */
async function failure(p: Promise<unknown>): Promise<{ code: number; status: any }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof ApiException)) throw e;
    const body = e.body as unknown;
    return { code: e.code, status: typeof body === "string" ? JSON.parse(body) : body };
  }
  throw new Error("expected the call to fail");
}

async function until<T>(what: string, f: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("@kubernetes/client-node 1.4 against a sandbox", () => {
  let kc: KubeConfig;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let objects: KubernetesObjectApi;

  beforeAll(async () => {
    const session = await newSession();
    kc = new KubeConfig();
    kc.loadFromString(session.kubeconfig);
    core = kc.makeApiClient(CoreV1Api);
    apps = kc.makeApiClient(AppsV1Api);
    objects = KubernetesObjectApi.makeApiClient(kc);
    const created = await core.createNamespace({ body: { metadata: { name: NS, labels: SUITE } } });
    expect(created.metadata?.name).toBe(NS);
    expect(created.status?.phase).toBe("Active");
  });

  it("creates a ConfigMap and a Deployment and lists them with a label selector", async () => {
    const cm = await core.createNamespacedConfigMap({ namespace: NS, body: { metadata: { name: "settings", labels: SUITE }, data: { mode: "dev" } } });
    expect(cm.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(cm.metadata?.creationTimestamp).toBeInstanceOf(Date);
    await core.createNamespacedConfigMap({ namespace: NS, body: { metadata: { name: "unlabelled" }, data: { a: "b" } } });

    const d = await apps.createNamespacedDeployment({ namespace: NS, body: deployment("web", 3) });
    expect(d.metadata?.generation).toBe(1);
    // Defaults the API server fills in.
    expect(d.spec?.strategy?.type).toBe("RollingUpdate");
    expect(d.spec?.revisionHistoryLimit).toBe(10);
    expect(d.spec?.template.spec?.containers[0].imagePullPolicy).toBe("IfNotPresent");

    const cms = await core.listNamespacedConfigMap({ namespace: NS, labelSelector: "suite=client-node" });
    expect(cms.items.map((c) => c.metadata?.name)).toEqual(["settings"]);
    const all = await core.listNamespacedConfigMap({ namespace: NS });
    expect(all.items.map((c) => c.metadata?.name)).toEqual(expect.arrayContaining(["settings", "unlabelled"]));

    const deps = await apps.listDeploymentForAllNamespaces({ labelSelector: "suite=client-node,app in (web)" });
    expect(deps.items.map((x) => `${x.metadata?.namespace}/${x.metadata?.name}`)).toEqual([`${NS}/web`]);
    expect(Number(deps.metadata?.resourceVersion)).toBeGreaterThan(0);
    const none = await apps.listDeploymentForAllNamespaces({ labelSelector: "suite!=client-node,app=web" });
    expect(none.items).toEqual([]);

    const nss = await core.listNamespace({ labelSelector: "suite" });
    expect(nss.items.map((n) => n.metadata?.name)).toEqual([NS]);

    // The generic client finds the resource through discovery.
    const read = await objects.read({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: NS } });
    expect(read.metadata?.uid).toBe(d.metadata?.uid);
  });

  it("streams ADDED, MODIFIED and DELETED watch events as they happen, unbuffered", async () => {
    const events: Array<{ type: string; name?: string; value?: string; rv?: string; at: number }> = [];
    let ended: unknown = "open";
    const start = await core.listNamespacedConfigMap({ namespace: NS });
    const watch = new Watch(kc);
    const controller = await watch.watch(
      `/api/v1/namespaces/${NS}/configmaps`,
      // A long server timeout: a buffered stream would deliver nothing until it ends.
      { resourceVersion: start.metadata?.resourceVersion, labelSelector: "watched=yes", timeoutSeconds: 50 },
      (type, obj: V1ConfigMap) => events.push({ type, name: obj.metadata?.name, value: obj.data?.v, rv: obj.metadata?.resourceVersion, at: Date.now() }),
      (err) => (ended = err),
    );
    try {
      const arrived = async (n: number, since: number) => {
        const e = await until(`watch event #${n}`, async () => events[n - 1], 5_000);
        // Prompt delivery: within 1.5 s of sending the write (it takes milliseconds when streamed).
        expect(e.at - since).toBeLessThan(1_500);
        return e;
      };

      let t = Date.now();
      const created = await core.createNamespacedConfigMap({ namespace: NS, body: { metadata: { name: "watched", labels: { watched: "yes" } }, data: { v: "1" } } });
      expect(await arrived(1, t)).toMatchObject({ type: "ADDED", name: "watched", value: "1", rv: created.metadata?.resourceVersion });

      // Not selected: no event.
      await core.createNamespacedConfigMap({ namespace: NS, body: { metadata: { name: "quiet" }, data: { v: "0" } } });

      t = Date.now();
      const replaced = await core.replaceNamespacedConfigMap({ name: "watched", namespace: NS, body: { ...created, data: { v: "2" } } });
      expect(await arrived(2, t)).toMatchObject({ type: "MODIFIED", name: "watched", value: "2", rv: replaced.metadata?.resourceVersion });

      t = Date.now();
      await core.deleteNamespacedConfigMap({ name: "watched", namespace: NS });
      expect(await arrived(3, t)).toMatchObject({ type: "DELETED", name: "watched" });

      await new Promise((r) => setTimeout(r, 200));
      expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED", "DELETED"]);
      expect(ended).toBe("open");
    } finally {
      controller.abort();
    }
  });

  it("lists current objects as ADDED and ends the watch after timeoutSeconds", async () => {
    const t = Date.now();
    const types: string[] = [];
    const ended = new Promise<unknown>((resolve) => {
      void new Watch(kc).watch(`/api/v1/namespaces/${NS}/configmaps`, { labelSelector: "suite=client-node", timeoutSeconds: 1 }, (type, obj: V1ConfigMap) => types.push(`${type} ${obj.metadata?.name}`), resolve);
    });
    const err = await Promise.race([ended, new Promise((r) => setTimeout(() => r("still open after 5 s"), 5_000))]);
    expect(err).toBeNull();
    expect(Date.now() - t).toBeGreaterThanOrEqual(900);
    expect(types).toEqual(["ADDED settings"]);
  });

  it("patches with strategic merge, merge patch and JSON patch", async () => {
    // Strategic merge: containers merge by name, so the other container stays.
    const smp = await apps.patchNamespacedDeployment(
      { name: "web", namespace: NS, body: { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.28" }] } } } } },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
    );
    expect(smp.spec?.template.spec?.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["web=nginx:1.28", "sidecar=busybox:1.36"]);
    expect(smp.spec?.template.spec?.containers[0].ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
    expect(smp.metadata?.generation).toBe(2);

    // The generic client defaults to strategic merge as well. (It serializes through the typed
    // model, so directives such as $patch are dropped; those go through the typed APIs below.)
    const generic = (await objects.patch({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: NS, annotations: { owner: "team-a" } },
      spec: { template: { spec: { containers: [{ name: "sidecar", image: "busybox:1.37" }] } } },
    } as KubernetesObject)) as V1Deployment;
    expect(generic.spec?.template.spec?.containers.map((c) => `${c.name}=${c.image}`)).toEqual(["web=nginx:1.28", "sidecar=busybox:1.37"]);
    expect(generic.metadata?.annotations?.owner).toBe("team-a");

    // $patch: delete removes one element of a merged list.
    const removed = await apps.patchNamespacedDeployment(
      { name: "web", namespace: NS, body: { spec: { template: { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } } } } },
      setHeaderOptions("Content-Type", PatchStrategy.StrategicMergePatch),
    );
    expect(removed.spec?.template.spec?.containers.map((c) => c.name)).toEqual(["web"]);

    // A JSON merge patch replaces lists wholesale.
    const merge = await core.patchNamespacedConfigMap(
      { name: "settings", namespace: NS, body: { metadata: { labels: { tier: "backend" } }, data: { extra: "yes" } } },
      setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
    );
    expect(merge.metadata?.labels).toEqual({ ...SUITE, tier: "backend" });
    expect(merge.data).toEqual({ mode: "dev", extra: "yes" });

    // Without a header option the generated client sends application/json-patch+json.
    const jp = await core.patchNamespacedConfigMap({
      name: "settings",
      namespace: NS,
      body: [
        { op: "test", path: "/data/mode", value: "dev" },
        { op: "replace", path: "/data/mode", value: "prod" },
        { op: "remove", path: "/data/extra" },
      ],
    });
    expect(jp.data).toEqual({ mode: "prod" });

    // A failing test operation changes nothing and is a 422 Status.
    const failed = await failure(core.patchNamespacedConfigMap({ name: "settings", namespace: NS, body: [{ op: "test", path: "/data/mode", value: "dev" }, { op: "remove", path: "/data/mode" }] }));
    expect(failed.code).toBe(422);
    expect(failed.status).toMatchObject({ kind: "Status", status: "Failure", code: 422 });
    expect((await core.readNamespacedConfigMap({ name: "settings", namespace: NS })).data).toEqual({ mode: "prod" });
  });

  it("applies server-side and lists through the generic client", async () => {
    const spec = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "applied", namespace: NS, labels: SUITE }, data: { a: "1" } };
    const first: V1ConfigMap = await objects.patch(spec as V1ConfigMap, undefined, undefined, "client-node-test", true, PatchStrategy.ServerSideApply);
    expect(first.data).toEqual({ a: "1" });
    expect(first.metadata?.managedFields?.map((f) => `${f.manager}/${f.operation}`)).toEqual(["client-node-test/Apply"]);
    // Applying again without a field drops it: the manager owned it.
    const second = await objects.patch({ ...spec, data: { b: "2" } }, undefined, undefined, "client-node-test", true, PatchStrategy.ServerSideApply);
    expect((second as V1ConfigMap).data).toEqual({ b: "2" });

    const list = await objects.list("v1", "ConfigMap", NS, undefined, undefined, undefined, undefined, "suite=client-node");
    expect(list.items.map((o) => o.metadata?.name).sort()).toEqual(["applied", "settings"]);
  });

  it("reads and replaces the scale subresource", async () => {
    const scale = await apps.readNamespacedDeploymentScale({ name: "web", namespace: NS });
    expect(scale.apiVersion).toBe("autoscaling/v1");
    expect(scale.kind).toBe("Scale");
    expect(scale.spec?.replicas).toBe(3);
    expect(scale.status?.selector).toBe("app=web");

    const replaced = await apps.replaceNamespacedDeploymentScale({
      name: "web",
      namespace: NS,
      body: { apiVersion: "autoscaling/v1", kind: "Scale", metadata: { name: "web", namespace: NS, resourceVersion: scale.metadata?.resourceVersion }, spec: { replicas: 5 } },
    });
    expect(replaced.spec?.replicas).toBe(5);
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(scale.metadata?.resourceVersion));
    expect((await apps.readNamespacedDeployment({ name: "web", namespace: NS })).spec?.replicas).toBe(5);

    // A stale resourceVersion is a conflict.
    const stale = await failure(
      apps.replaceNamespacedDeploymentScale({ name: "web", namespace: NS, body: { metadata: { name: "web", namespace: NS, resourceVersion: scale.metadata?.resourceVersion }, spec: { replicas: 1 } } }),
    );
    expect(stale.code).toBe(409);
    expect(stale.status).toMatchObject({ kind: "Status", reason: "Conflict", code: 409 });
  });

  it("deletes with propagationPolicy Foreground and the object goes", async () => {
    // The sidecar's `sleep infinity` (PID 1) ignores SIGTERM, so each pod takes its whole grace
    // period to stop; keep that, and so the foreground deletion, short.
    const body = deployment("doomed", 1);
    body.spec!.template.spec!.terminationGracePeriodSeconds = 2;
    await apps.createNamespacedDeployment({ namespace: NS, body });
    // Let the controllers roll it out first, so the watch sees (almost only) the deletion.
    const doomed = await until(
      "the rollout of doomed",
      async () => {
        const d = await apps.readNamespacedDeployment({ name: "doomed", namespace: NS });
        return d.status?.observedGeneration === d.metadata?.generation && d.status?.availableReplicas === 1 ? d : undefined;
      },
      60_000,
    );
    const seen: Array<{ type: string; finalizers?: string[]; deleting: boolean }> = [];
    const controller = await new Watch(kc).watch(
      `/apis/apps/v1/namespaces/${NS}/deployments`,
      { resourceVersion: doomed.metadata?.resourceVersion, fieldSelector: "metadata.name=doomed", timeoutSeconds: 30 },
      (type, obj: V1Deployment) => seen.push({ type, finalizers: obj.metadata?.finalizers, deleting: !!obj.metadata?.deletionTimestamp }),
      () => {},
    );
    try {
      const r = await apps.deleteNamespacedDeployment({ name: "doomed", namespace: NS, propagationPolicy: "Foreground" });
      // Foreground deletion answers with the object itself, not a Success Status (client-node
      // types the answer as V1Status, so only kind and apiVersion survive its deserializer).
      expect(r.kind).toBe("Deployment");

      // First marked and held by the foregroundDeletion finalizer while the garbage collector
      // deletes its ReplicaSet and pods (the deployment controller keeps syncing its status
      // meanwhile: more MODIFIED events, still held); once it has no dependents the finalizer is
      // removed, which deletes it (the DELETED event carries the last stored state).
      await until("the DELETED event", async () => (seen.some((e) => e.type === "DELETED") ? true : undefined), 30_000);
      const marked = seen.findIndex((e) => e.deleting);
      // Anything before the mark is a late status update of the live object.
      expect(seen.slice(0, marked)).toEqual(seen.slice(0, marked).map(() => ({ type: "MODIFIED", finalizers: undefined, deleting: false })));
      const deletion = seen.slice(marked);
      expect(deletion[0]).toEqual({ type: "MODIFIED", finalizers: ["foregroundDeletion"], deleting: true });
      expect(deletion.at(-1)).toEqual({ type: "DELETED", finalizers: ["foregroundDeletion"], deleting: true });
      expect(deletion.slice(1, -1)).toEqual(deletion.slice(1, -1).map(() => ({ type: "MODIFIED", finalizers: ["foregroundDeletion"], deleting: true })));
    } finally {
      controller.abort();
    }
    const gone = await failure(apps.readNamespacedDeployment({ name: "doomed", namespace: NS }));
    expect(gone.code).toBe(404);
    const left = await apps.listNamespacedDeployment({ namespace: NS });
    expect(left.items.map((x) => x.metadata?.name)).toEqual(["web"]);
    // Foreground: nothing the Deployment owned outlives it.
    const rs = await apps.listNamespacedReplicaSet({ namespace: NS, labelSelector: "app=doomed" });
    expect(rs.items).toEqual([]);
  }, 90_000);

  it("fails a read of a missing object with a 404 ApiException carrying the Status", async () => {
    const missing = await failure(core.readNamespacedConfigMap({ name: "missing", namespace: NS }));
    expect(missing.code).toBe(404);
    expect(missing.status).toEqual({
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: 'configmaps "missing" not found',
      reason: "NotFound",
      details: { name: "missing", kind: "configmaps" },
      code: 404,
    });

    const noDeployment = await failure(apps.readNamespacedDeployment({ name: "missing", namespace: NS }));
    expect(noDeployment.status).toMatchObject({ reason: "NotFound", message: 'deployments.apps "missing" not found', details: { name: "missing", group: "apps", kind: "deployments" } });
  });
});
