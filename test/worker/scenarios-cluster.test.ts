// Scenarios through the Durable Object that involve the whole cluster: the HorizontalPodAutoscaler
// under simulated load, PVC binding through the default StorageClass, a node that stops reporting
// (NotReady) and the eviction of its pods, and a drain that a PodDisruptionBudget holds back.
import { expect, test } from "vitest";
import { Sandboxed, condition, isRunningAndReady, SECOND } from "./scenario-support";

type J = Record<string, any>;

const DEPLOY = "/apis/apps/v1/namespaces/default/deployments";
const CPU_USAGE = "kubeplay.dev/cpu-usage";

function deployment(name: string, replicas: number, container: J, podAnnotations?: Record<string, string>): J {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name }, annotations: podAnnotations }, spec: { containers: [{ name, ...container }] } },
    },
  };
}

const readyPods = async (sb: Sandboxed, app: string) => (await sb.pods("default", `app=${app}`)).filter((p) => !p.metadata.deletionTimestamp && isRunningAndReady(p));

test("an HPA scales php-apache up under load and back down only after the 5 minute stabilisation window", async () => {
  const sb = await Sandboxed.create({ nodes: 3 });
  // The HPA walkthrough's php-apache: 200m CPU requested, 500m limit.
  await sb.create(DEPLOY, deployment("php-apache", 1, { image: "registry.k8s.io/hpa-example", ports: [{ containerPort: 80 }], resources: { requests: { cpu: "200m" }, limits: { cpu: "500m" } } }));
  await sb.advanceUntil(async () => (await readyPods(sb, "php-apache")).length === 1, { maxSeconds: 60 });
  // kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10
  await sb.create("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: "php-apache" },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" },
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }],
    },
  });
  const hpaPath = "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/php-apache";
  // Idle: php-apache uses about 1m of its 200m, the HPA reads 0% (`cpu: 0%/50%`) and keeps one replica.
  await sb.advance(31);
  let hpa = await sb.get(hpaPath);
  expect(hpa.status.currentMetrics[0].resource.current.averageUtilization).toBe(0);
  expect(hpa.status.desiredReplicas).toBe(1);
  expect(condition(hpa, "ScalingActive")).toMatchObject({ status: "True", reason: "ValidMetricFound" });

  // Load arrives: every php-apache pod uses 400m (200 % of its request).
  await sb.patch(`${DEPLOY}/php-apache`, { spec: { template: { metadata: { annotations: { [CPU_USAGE]: "400m" } } } } }, "application/strategic-merge-patch+json");
  const scaledUp = await sb.advanceUntil(async () => {
    const d = await sb.get(`${DEPLOY}/php-apache`);
    return d.spec.replicas >= 4 && d;
  }, { stepSeconds: 5, maxSeconds: 120 });
  expect(scaledUp.spec.replicas).toBe(4); // ceil(1 × 200/50), and at most max(2 × 1, 4) in one step
  const up = await sb.eventsFor("php-apache", "default", "HorizontalPodAutoscaler");
  expect(up).toContain("Normal SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target");
  // Under sustained load it keeps growing to maxReplicas.
  // (status.currentReplicas is what the target had at the last sync: 10 from the sync after the one that scaled to 10.)
  hpa = await sb.advanceUntil(async () => {
    const h = await sb.get(hpaPath);
    return h.status.currentReplicas === 10 && (await readyPods(sb, "php-apache")).length === 10 && h;
  }, { stepSeconds: 5, maxSeconds: 180 });
  expect((await sb.get(`${DEPLOY}/php-apache`)).spec.replicas).toBe(10);
  expect(hpa.status).toMatchObject({ currentReplicas: 10, desiredReplicas: 10 });
  expect(condition(hpa, "ScalingLimited")).toMatchObject({ status: "True", reason: "TooManyReplicas" });

  // Load stops. The recommendation drops at once, but the replica count holds for the 300 s window.
  await sb.patch(`${DEPLOY}/php-apache`, { spec: { template: { metadata: { annotations: { [CPU_USAGE]: "20m" } } } } }, "application/strategic-merge-patch+json");
  const loadEndedMs = (await sb.clock()).nowMs;
  let scaledDownAtS: number | undefined;
  await sb.advanceUntil(async () => {
    const d = await sb.get(`${DEPLOY}/php-apache`);
    if (d.spec.replicas < 10) scaledDownAtS = ((await sb.clock()).nowMs - loadEndedMs) / SECOND;
    return scaledDownAtS !== undefined;
  }, { stepSeconds: 10, maxSeconds: 600 });
  expect(scaledDownAtS!).toBeGreaterThanOrEqual(290);
  expect(scaledDownAtS!).toBeLessThanOrEqual(420);
  const down = await sb.eventsFor("php-apache", "default", "HorizontalPodAutoscaler");
  expect(down.at(-1)).toMatch(/^Normal SuccessfulRescale: New size: [1-9]; reason: All metrics below target$/);
  hpa = await sb.get(hpaPath);
  expect(condition(hpa, "AbleToScale")?.status).toBe("True");
  // The HPA syncs every 15 s: that is timed work the alarm stays armed for.
  const next = await sb.expectAlarmCoversTimedWork();
  expect(next! - (await sb.clock()).nowMs).toBeLessThanOrEqual(15 * SECOND);
  await sb.expectHealthy();
}, 120_000);

test("a PVC of the default StorageClass (WaitForFirstConsumer) stays Pending until a pod uses it, then is provisioned and Bound", async () => {
  const sb = await Sandboxed.create();
  await sb.create("/api/v1/namespaces/default/persistentvolumeclaims", {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: "data" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
  });
  await sb.runAlarm();
  await sb.advance(60);
  let pvc = await sb.get("/api/v1/namespaces/default/persistentvolumeclaims/data");
  expect(pvc.spec.storageClassName).toBe("standard");
  expect(pvc.status.phase).toBe("Pending");
  expect(await sb.items("/api/v1/persistentvolumes")).toEqual([]);
  expect(await sb.eventsFor("data")).toEqual(["Normal WaitForFirstConsumer: waiting for first consumer to be created before binding"]);

  await sb.create("/api/v1/namespaces/default/pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "writer" },
    spec: {
      containers: [{ name: "writer", image: "busybox:1.36", command: ["sh", "-c", "echo hi > /data/hi; sleep 3600"], volumeMounts: [{ name: "data", mountPath: "/data" }] }],
      volumes: [{ name: "data", persistentVolumeClaim: { claimName: "data" } }],
    },
  });
  pvc = await sb.advanceUntil(async () => {
    const c = await sb.get("/api/v1/namespaces/default/persistentvolumeclaims/data");
    return c.status.phase === "Bound" && c;
  }, { maxSeconds: 60 });
  const pod = await sb.advanceUntil(async () => {
    const p = await sb.get("/api/v1/namespaces/default/pods/writer");
    return isRunningAndReady(p) && p;
  }, { maxSeconds: 60 });
  const node = pod.spec.nodeName;
  expect(pvc.metadata.annotations["volume.kubernetes.io/selected-node"]).toBe(node);
  expect(pvc.status).toMatchObject({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } });
  const pv = await sb.get(`/api/v1/persistentvolumes/${pvc.spec.volumeName}`);
  expect(pv.metadata.name).toBe(`pvc-${pvc.metadata.uid}`);
  expect(pv.spec).toMatchObject({ storageClassName: "standard", persistentVolumeReclaimPolicy: "Delete", claimRef: { name: "data", namespace: "default", uid: pvc.metadata.uid } });
  expect(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]).toEqual({ key: "kubernetes.io/hostname", operator: "In", values: [node] });
  expect(pv.status.phase).toBe("Bound");
  const events = (await sb.eventsFor("data")).map((e) => e.split(":")[0]);
  expect(events).toEqual(["Normal WaitForFirstConsumer", "Normal ExternalProvisioning", "Normal Provisioning", "Normal ProvisioningSucceeded"]);
  await sb.expectHealthy();
}, 120_000);

test("a node that stops reporting goes NotReady and its pods are evicted after the default 300 s toleration", async () => {
  const sb = await Sandboxed.create({ nodes: 2 });
  // Two replicas, spread over both workers.
  await sb.create(DEPLOY, deployment("web", 2, { image: "nginx:1.27" }));
  await sb.advanceUntil(async () => (await readyPods(sb, "web")).length === 2, { maxSeconds: 60 });
  const before = await sb.pods("default", "app=web");
  expect(before.map((p) => p.spec.nodeName).sort()).toEqual(["node01", "node02"]);
  const victim = before.find((p) => p.spec.nodeName === "node01")!;
  // DefaultTolerationSeconds admission: 300 s for not-ready and unreachable.
  expect(victim.spec.tolerations).toEqual(
    expect.arrayContaining([
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]),
  );

  await sb.patch("/api/v1/nodes/node01", { metadata: { annotations: { "kubeplay.dev/simulate": "NotReady" } } }, "application/merge-patch+json");
  await sb.runAlarm();
  const node = await sb.get("/api/v1/nodes/node01");
  expect(condition(node, "Ready")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
  expect(node.spec.taints.map((t: J) => `${t.key}:${t.effect}`).sort()).toEqual(["node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/unreachable:NoSchedule"]);
  const tainted = Date.parse(node.spec.taints.find((t: J) => t.effect === "NoExecute").timeAdded);
  const notReady = await sb.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`);
  expect(condition(notReady, "Ready")?.status).toBe("False");
  expect(await sb.eventsFor(victim.metadata.name)).toContain("Warning NodeNotReady: Node is not ready");
  // The eviction at taint + 300 s is timed work the alarm is armed for.
  expect(await sb.expectAlarmCoversTimedWork()).toBeLessThanOrEqual(tainted + 300 * SECOND);

  // Just before the toleration runs out the pod is still there.
  const { nowMs } = await sb.clock();
  await sb.advance(Math.floor((tainted + 295 * SECOND - nowMs) / SECOND));
  expect((await sb.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`)).metadata.deletionTimestamp).toBeUndefined();
  await sb.advance(10);
  const evicted = await sb.get(`/api/v1/namespaces/default/pods/${victim.metadata.name}`);
  expect(evicted.metadata.deletionTimestamp).toBeDefined();
  expect(condition(evicted, "DisruptionTarget")).toMatchObject({ status: "True", reason: "DeletionByTaintManager" });
  expect(await sb.eventsFor(victim.metadata.name)).toContain(`Normal TaintManagerEviction: Marking for deletion Pod default/${victim.metadata.name}`);

  // The ReplicaSet replaces it on the healthy node; the evicted pod stays Terminating while its node is unreachable.
  await sb.advanceUntil(async () => (await readyPods(sb, "web")).length === 2, { maxSeconds: 60 });
  const after = await sb.pods("default", "app=web");
  expect(after.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName)).toEqual(["node02", "node02"]);
  expect(after.find((p) => p.metadata.name === victim.metadata.name)?.metadata.deletionTimestamp).toBeDefined();
  expect(await sb.eventsFor("node01")).toContain("Normal NodeNotReady: Node node01 status is now: NodeNotReady");
  await sb.expectHealthy();

  // The kubelet reports again: the node is Ready, the taints go, and the kubelet finishes deleting the evicted pod.
  await sb.patch("/api/v1/nodes/node01", { metadata: { annotations: { "kubeplay.dev/simulate": null } } }, "application/merge-patch+json");
  await sb.runAlarm();
  const back = await sb.get("/api/v1/nodes/node01");
  expect(condition(back, "Ready")).toMatchObject({ status: "True", reason: "KubeletReady" });
  expect(back.spec.taints ?? []).toEqual([]);
  expect(await sb.eventsFor("node01")).toContain("Normal NodeReady: Node node01 status is now: NodeReady");
  await sb.advanceUntil(async () => !(await sb.find(`/api/v1/namespaces/default/pods/${victim.metadata.name}`)), { maxSeconds: 60 });
  expect((await readyPods(sb, "web")).length).toBe(2);
  await sb.expectHealthy();
}, 120_000);

test("draining nodes: an eviction that would violate the PodDisruptionBudget answers 429 until a replacement is Ready elsewhere", async () => {
  const sb = await Sandboxed.create({ nodes: 2 });
  await sb.create(DEPLOY, deployment("web", 2, { image: "nginx:1.27" }));
  await sb.create("/apis/policy/v1/namespaces/default/poddisruptionbudgets", { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "web" }, spec: { minAvailable: 1, selector: { matchLabels: { app: "web" } } } });
  const PDB = "/apis/policy/v1/namespaces/default/poddisruptionbudgets/web";
  await sb.advanceUntil(async () => (await readyPods(sb, "web")).length === 2 && (await sb.get(PDB)).status?.disruptionsAllowed === 1, { maxSeconds: 60 });
  expect((await sb.get(PDB)).status).toMatchObject({ currentHealthy: 2, desiredHealthy: 1, expectedPods: 2, disruptionsAllowed: 1 });
  expect((await sb.pods("default", "app=web")).map((p) => p.spec.nodeName).sort()).toEqual(["node01", "node02"]);

  // What `kubectl drain <node> --ignore-daemonsets` does: cordon, then POST an Eviction for each pod.
  const cordon = (node: string, unschedulable: boolean) => sb.patch(`/api/v1/nodes/${node}`, { spec: { unschedulable } }, "application/strategic-merge-patch+json");
  const evict = (name: string) => sb.request("POST", `/api/v1/namespaces/default/pods/${name}/eviction`, { apiVersion: "policy/v1", kind: "Eviction", metadata: { name, namespace: "default" }, deleteOptions: {} });
  const podsOn = async (node: string) => (await sb.pods("default", "app=web")).filter((p) => p.spec.nodeName === node && !p.metadata.deletionTimestamp);

  // Draining node01: its pod may go (2 healthy, 1 needed); the replacement lands on node02.
  await cordon("node01", true);
  const [onNode01] = await podsOn("node01");
  expect((await evict(onNode01.metadata.name)).status).toBe(201);
  await sb.advanceUntil(async () => (await podsOn("node02")).filter(isRunningAndReady).length === 2 && (await sb.get(PDB)).status.disruptionsAllowed === 1, { maxSeconds: 60 });

  // Draining node02 as well: the first eviction is allowed, the second would leave no pod healthy.
  await cordon("node02", true);
  const [a, b] = await podsOn("node02");
  expect((await evict(a.metadata.name)).status).toBe(201);
  await sb.runAlarm();
  expect((await sb.get(PDB)).status).toMatchObject({ currentHealthy: 1, desiredHealthy: 1, disruptionsAllowed: 0 });
  const refused = await evict(b.metadata.name);
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({
    kind: "Status",
    apiVersion: "v1",
    status: "Failure",
    reason: "TooManyRequests",
    code: 429,
    message: "Cannot evict pod as it would violate the pod's disruption budget.",
    details: { causes: [{ reason: "DisruptionBudget", message: "The disruption budget web needs 1 healthy pods and has 1 currently" }] },
  });
  // The replacement has nowhere to go, so kubectl drain's retries keep being refused, and nothing changes.
  await sb.advance(60);
  const pending = (await sb.pods("default", "app=web")).find((p) => !p.spec.nodeName)!;
  expect(pending.status.phase).toBe("Pending");
  expect(condition(pending, "PodScheduled")).toMatchObject({ status: "False", reason: "Unschedulable" });
  expect(condition(pending, "PodScheduled")!.message).toMatch(/^0\/3 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 2 node\(s\) were unschedulable\./);
  expect((await evict(b.metadata.name)).status).toBe(429);
  expect((await sb.get(`/api/v1/namespaces/default/pods/${b.metadata.name}`)).metadata.deletionTimestamp).toBeUndefined();

  // Uncordoning node01 lets the replacement run there; once it is Ready the last eviction goes through.
  await cordon("node01", false);
  const evicted = await sb.advanceUntil(async () => (await evict(b.metadata.name)).status === 201, { stepSeconds: 5, maxSeconds: 60 });
  expect(evicted).toBe(true);
  await sb.advanceUntil(async () => (await readyPods(sb, "web")).length === 2, { maxSeconds: 60 });
  expect((await readyPods(sb, "web")).map((p) => p.spec.nodeName)).toEqual(["node01", "node01"]);
  await sb.expectHealthy();
}, 120_000);
