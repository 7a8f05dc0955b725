// The HorizontalPodAutoscaler controller: the 15 s sync, the replica formula and its tolerance, the
// scale-up limit and the 300 s scale-down stabilisation, behaviour policies, status, conditions and
// events, and the failures a real cluster reports (missing target, missing requests, no metrics).
// Pod usage comes from the `kubeplay.dev/cpu-usage` / `kubeplay.dev/memory-usage` annotations.
import { describe, expect, it } from "vitest";
import { EPOCH_MS } from "../../support/cluster";
import { create, eventsOf, patch, sandbox, tableRow, type Sandbox } from "./nodes-autoscaling-support";
import { NS, activePods, podPath } from "./workloads";
import { deploymentController } from "../../../src/engine/controllers/deployment/index";
import { replicaSetController } from "../../../src/engine/controllers/replicaset";
import { garbageCollector } from "../../../src/engine/controllers/garbage-collector";
import { horizontalPodAutoscalerController } from "../../../src/engine/controllers/hpa";
import { HPA_MEMORY_RESOURCE } from "../../../src/engine/controllers/hpa-memory";
import { rfc3339 } from "../../../src/engine/machinery/time";
import { testCluster } from "../../support/cluster";
import { runControllers } from "../../../src/engine/controllers";

const CONTROLLERS = [deploymentController, replicaSetController, garbageCollector, horizontalPodAutoscalerController];
const SYNC = 15_000;
const deployPath = (name = "") => `/apis/apps/v1/namespaces/${NS}/deployments${name ? `/${name}` : ""}`;
const hpaPath = (name = "", version = "v2") => `/apis/autoscaling/${version}/namespaces/${NS}/horizontalpodautoscalers${name ? `/${name}` : ""}`;

function deployment(name: string, opts: { replicas?: number; resources?: Record<string, any> | null } = {}) {
  const resources = opts.resources === undefined ? { requests: { cpu: "100m", memory: "64Mi" } } : opts.resources;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name },
    spec: {
      replicas: opts.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27", ...(resources ? { resources } : {}) }] } },
    },
  };
}

function hpa(name: string, opts: { target?: string; min?: number; max?: number; metrics?: any[]; behavior?: any } = {}) {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: opts.target ?? name },
      minReplicas: opts.min ?? 1,
      maxReplicas: opts.max ?? 10,
      metrics: opts.metrics ?? [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }],
      ...(opts.behavior ? { behavior: opts.behavior } : {}),
    },
  };
}

/** Sets the simulated usage of every live pod of the namespace (what a load generator would cause). */
function load(c: Sandbox, usage: { cpu?: string; memory?: string }) {
  for (const p of activePods(c)) {
    const annotations: Record<string, string> = {};
    if (usage.cpu) annotations["kubeplay.dev/cpu-usage"] = usage.cpu;
    if (usage.memory) annotations["kubeplay.dev/memory-usage"] = usage.memory;
    patch(c, podPath(p.metadata.name), { metadata: { annotations } });
  }
}

const replicas = (c: Sandbox, name = "web") => c.get(deployPath(name)).spec.replicas;
const status = (c: Sandbox, name = "web") => c.get(hpaPath(name)).status;
const cond = (c: Sandbox, type: string, name = "web") => {
  const x = status(c, name).conditions.find((k: any) => k.type === type);
  return x && `${x.status} ${x.reason}: ${x.message}`;
};

/** A Deployment "web" (2 × 100m CPU requested) running under an HPA "web" created at EPOCH. */
function webUnderHpa(opts: Parameters<typeof hpa>[1] & { replicas?: number; cpu?: string } = {}): Sandbox {
  const c = sandbox(CONTROLLERS);
  create(c, deployPath(), deployment("web", { replicas: opts.replicas }));
  c.settle();
  load(c, { cpu: opts.cpu ?? "30m" });
  create(c, hpaPath(), hpa("web", opts));
  c.settle();
  return c;
}

describe("HPA: the sync period", () => {
  it("shows <unknown> until its first sync 15 s after creation, then the current utilization", () => {
    const c = webUnderHpa();
    c.advance(SYNC - 1000);
    expect(status(c).currentMetrics).toBeNull();
    expect(tableRow(c, hpaPath("web"))).toMatchObject({ Targets: "cpu: <unknown>/50%", Replicas: 0 });
    c.advance(1000);
    expect(status(c)).toEqual({
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [{ type: "Resource", resource: { name: "cpu", current: { averageUtilization: 30, averageValue: "30m" } } }],
      conditions: [
        { type: "AbleToScale", status: "True", lastTransitionTime: rfc3339(EPOCH_MS + SYNC), reason: "ReadyForNewScale", message: "recommended size matches current size" },
        {
          type: "ScalingActive",
          status: "True",
          lastTransitionTime: rfc3339(EPOCH_MS + SYNC),
          reason: "ValidMetricFound",
          message: "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
        },
        { type: "ScalingLimited", status: "False", lastTransitionTime: rfc3339(EPOCH_MS + SYNC), reason: "DesiredWithinRange", message: "the desired count is within the acceptable range" },
      ],
    });
    expect(tableRow(c, hpaPath("web"))).toMatchObject({ Reference: "Deployment/web", Targets: "cpu: 30%/50%", MinPods: "1", MaxPods: 10, Replicas: 2 });
  });

  it("asks to be woken every 15 s and writes nothing while nothing changes", () => {
    const c = webUnderHpa();
    c.advance(SYNC);
    const rv = c.cluster.store.resourceVersion;
    expect(c.run()).toBe(EPOCH_MS + 2 * SYNC);
    c.advance(10 * 60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });

  it("reacts to a change of load at the next sync, not before", () => {
    const c = webUnderHpa();
    c.advance(SYNC + 2000);
    load(c, { cpu: "100m" });
    c.settle();
    expect(replicas(c)).toBe(2);
    c.advance(SYNC - 2000 - 1);
    expect(replicas(c)).toBe(2);
    c.advance(1);
    expect(replicas(c)).toBe(4);
  });
});

describe("HPA: scaling", () => {
  it("scales up under load: desired = ceil(current × utilization / target), with the real event and conditions", () => {
    const c = webUnderHpa();
    c.advance(SYNC + 1000);
    load(c, { cpu: "100m" }); // 100 % of the request against a 50 % target
    c.advance(SYNC);
    expect(replicas(c)).toBe(4);
    expect(eventsOf(c, "SuccessfulRescale").map((e) => [e.type, e.message, e.source.component])).toEqual([
      ["Normal", "New size: 4; reason: cpu resource utilization (percentage of request) above target", "horizontal-pod-autoscaler"],
    ]);
    const s = status(c);
    expect(s).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, lastScaleTime: rfc3339(EPOCH_MS + 2 * SYNC) });
    expect(s.currentMetrics[0].resource.current).toEqual({ averageUtilization: 100, averageValue: "100m" });
    expect(cond(c, "AbleToScale")).toBe("True SucceededRescale: the HPA controller was able to update the target scale to 4");
    // The next sync sees the new size.
    c.advance(SYNC);
    expect(status(c)).toMatchObject({ currentReplicas: 4 });
  });

  it.each([
    { name: "within the 10 % tolerance", cpu: "54m", want: 2 },
    { name: "just outside the tolerance", cpu: "56m", want: 3 },
    { name: "far below the target", cpu: "5m", want: 2 /* the scale-down waits for the stabilisation window */ },
  ])("keeps or changes the size: $name", ({ cpu, want }) => {
    const c = webUnderHpa({ cpu });
    c.advance(SYNC);
    expect(replicas(c)).toBe(want);
  });

  it("grows by at most max(2 × current, 4) per sync without spec.behavior (ScalingLimited ScaleUpLimit)", () => {
    const c = webUnderHpa({ replicas: 1, cpu: "500m", max: 20 });
    c.advance(SYNC);
    expect(replicas(c)).toBe(4);
    expect(cond(c, "ScalingLimited")).toBe("True ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate");
  });

  it("stops at maxReplicas (ScalingLimited TooManyReplicas)", () => {
    const c = webUnderHpa({ cpu: "100m", max: 3 });
    c.advance(SYNC);
    expect(replicas(c)).toBe(3);
    expect(cond(c, "ScalingLimited")).toBe("True TooManyReplicas: the desired replica count is more than the maximum replica count");
  });

  it("brings a target below minReplicas up to it without reading metrics", () => {
    const c = webUnderHpa({ replicas: 1, min: 3 });
    c.advance(SYNC);
    expect(replicas(c)).toBe(3);
    expect(eventsOf(c, "SuccessfulRescale").map((e) => e.message)).toEqual(["New size: 3; reason: Current number of replicas below Spec.MinReplicas"]);
    expect(status(c).currentMetrics ?? null).toBeNull();
  });

  it("scales down only after 300 s of lower recommendations (the stabilisation window)", () => {
    const c = webUnderHpa();
    c.advance(SYNC + 1000);
    load(c, { cpu: "100m" });
    c.advance(SYNC); // t = 31 s: scaled to 4 at t = 30 s
    load(c, { cpu: "50m" }); // exactly on target: 4 stays
    c.advance(60_000 - 31_000 + 1000); // t = 61 s
    load(c, { cpu: "10m" }); // the load goes away
    const dropSyncMs = EPOCH_MS + 75_000; // the first sync that sees it
    c.advance(dropSyncMs - c.nowMs);
    expect(replicas(c)).toBe(4);
    expect(cond(c, "AbleToScale")).toBe("True ScaleDownStabilized: recent recommendations were higher than current one, applying the highest recent recommendation");
    c.advance(300_000 - SYNC);
    expect(replicas(c)).toBe(4);
    c.advance(SYNC);
    expect(replicas(c)).toBe(1);
    expect(eventsOf(c, "SuccessfulRescale").map((e) => e.message)).toEqual([
      "New size: 4; reason: cpu resource utilization (percentage of request) above target",
      "New size: 1; reason: All metrics below target",
    ]);
    expect(cond(c, "ScalingLimited")).toBe("False DesiredWithinRange: the desired count is within the acceptable range");
  });

  it("does not scale down a fresh HPA's target until its first sync is older than 300 s", () => {
    // The first sync (t = 15 s) remembers the current size as a recommendation.
    const c = webUnderHpa({ replicas: 4, cpu: "10m" });
    c.advance(SYNC + 300_000);
    expect(replicas(c)).toBe(4);
    c.advance(SYNC);
    expect(replicas(c)).toBe(1);
  });

  it("follows spec.behavior: its stabilisation window and rate policies", () => {
    const behavior = {
      scaleDown: { stabilizationWindowSeconds: 30, policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] },
      scaleUp: { policies: [{ type: "Pods", value: 1, periodSeconds: 60 }] },
    };
    const c = webUnderHpa({ cpu: "200m", behavior });
    c.advance(SYNC);
    expect(replicas(c)).toBe(3);
    expect(cond(c, "ScalingLimited")).toBe("True ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate");
    c.advance(SYNC); // one pod per 60 s
    expect(replicas(c)).toBe(3);
    c.advance(60_000);
    expect(replicas(c)).toBe(4);

    load(c, { cpu: "50m" }); // on target
    c.advance(2 * 60_000); // the scale-up events leave the policies' 60 s period
    expect(replicas(c)).toBe(4);
    load(c, { cpu: "1m" });
    c.advance(SYNC);
    expect(replicas(c)).toBe(4);
    expect(cond(c, "AbleToScale")).toMatch(/^True ScaleDownStabilized/);
    c.advance(SYNC); // past the 30 s window: one pod per 60 s
    expect(replicas(c)).toBe(3);
    expect(cond(c, "ScalingLimited")).toBe("True ScaleDownLimit: the desired replica count is decreasing faster than the maximum scale rate");
    c.advance(60_000);
    expect(replicas(c)).toBe(2);
  });

  it("scales on memory with an AverageValue target", () => {
    const c = webUnderHpa({ metrics: [{ type: "Resource", resource: { name: "memory", target: { type: "AverageValue", averageValue: "50Mi" } } }] });
    load(c, { memory: "100Mi" });
    c.advance(SYNC);
    expect(replicas(c)).toBe(4);
    expect(status(c).currentMetrics).toEqual([{ type: "Resource", resource: { name: "memory", current: { averageValue: "104857600" } } }]);
    expect(eventsOf(c, "SuccessfulRescale").map((e) => e.message)).toEqual(["New size: 4; reason: memory resource above target"]);
  });

  it("counts pods that are not yet Ready as idle on a scale-up", () => {
    const c = webUnderHpa({ cpu: "100m" });
    // A third pod that started but is not Ready: it counts at 0 % on a scale-up.
    patch(c, deployPath("web"), { spec: { replicas: 3 } });
    c.run();
    const fresh = activePods(c).find((p) => !p.status?.conditions?.some((k: any) => k.type === "Ready"));
    const cur = c.get(podPath(fresh.metadata.name));
    cur.status = { phase: "Running", startTime: rfc3339(c.nowMs), conditions: [{ type: "Ready", status: "False", lastTransitionTime: rfc3339(c.nowMs) }] };
    expect(c.request("PUT", `${podPath(fresh.metadata.name)}/status`, cur).status).toBe(200);
    patch(c, podPath(fresh.metadata.name), { metadata: { annotations: { "kubeplay.dev/cpu-usage": "100m" } } });
    c.nowMs += SYNC;
    c.run();
    // Ready pods alone: 100 % ⇒ ratio 2; with the unready pod at 0 %: 200m / 300m = 66 % ⇒ ceil(1.33 × 3) = 4.
    expect(replicas(c)).toBe(4);
  });

  it("works the same for an autoscaling/v1 HPA (kubectl autoscale)", () => {
    const c = sandbox(CONTROLLERS);
    create(c, deployPath(), deployment("web"));
    c.settle();
    load(c, { cpu: "100m" });
    create(c, hpaPath("", "v1"), {
      apiVersion: "autoscaling/v1",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "web" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
    });
    c.advance(SYNC);
    expect(replicas(c)).toBe(4);
    expect(c.get(hpaPath("web", "v1")).status).toMatchObject({ currentReplicas: 2, desiredReplicas: 4, currentCPUUtilizationPercentage: 100 });
  });
});

describe("HPA: failures", () => {
  it("reports a missing target as FailedGetScale and shows <unknown>", () => {
    const c = sandbox(CONTROLLERS);
    create(c, hpaPath(), hpa("web", { target: "nope" }));
    c.advance(SYNC);
    expect(eventsOf(c, "FailedGetScale").map((e) => [e.type, e.message])).toEqual([["Warning", 'deployments/scale.apps "nope" not found']]);
    expect(cond(c, "AbleToScale")).toBe('False FailedGetScale: the HPA controller was unable to get the target\'s current scale: deployments/scale.apps "nope" not found');
    expect(tableRow(c, hpaPath("web"))).toMatchObject({ Targets: "cpu: <unknown>/50%", Replicas: 0 });
  });

  it.each([
    { ref: { apiVersion: "extensions/v1beta1", kind: "Deployment", name: "web" }, message: 'no matches for kind "Deployment" in group "extensions"' },
    { ref: { apiVersion: "apps/v1/x", kind: "Deployment", name: "web" }, message: "unexpected GroupVersion string: apps/v1/x" },
    { ref: { apiVersion: "v1", kind: "ConfigMap", name: "web" }, message: "the server could not find the requested resource" },
    { ref: { apiVersion: "apps/v1", kind: "StatefulSet", name: "db" }, message: 'statefulsets/scale.apps "db" not found' },
    { ref: { apiVersion: "v1", kind: "ReplicationController", name: "rc" }, message: 'replicationcontrollers/scale "rc" not found' },
  ])("reports a target it cannot scale: $message", ({ ref, message }) => {
    const c = sandbox(CONTROLLERS);
    const body = hpa("web");
    body.spec.scaleTargetRef = ref;
    create(c, hpaPath(), body);
    c.advance(SYNC);
    expect(eventsOf(c, "FailedGetScale").map((e) => e.message)).toEqual([message]);
  });

  it("repeats a warning no faster than client-go's spam filter allows (25, then one per 5 minutes)", () => {
    const c = sandbox(CONTROLLERS);
    create(c, hpaPath(), hpa("web", { target: "nope" }));
    const count = () => eventsOf(c, "FailedGetScale")[0].count;
    // Syncs every 15 s from t = 15 s; a token comes back at 15 s + k × 300 s.
    c.advance(24 * SYNC);
    expect(count()).toBe(24);
    c.advance(10 * 60_000); // t = 960 s: tokens back at 315, 615 and 915 s
    expect(count()).toBe(25 + 3);
    c.advance(EPOCH_MS + 2_115_000 - c.nowMs);
    expect(count()).toBe(25 + 7);
    const rv = c.cluster.store.resourceVersion;
    c.advance(300_000 - 1000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
    c.advance(1000);
    expect(count()).toBe(25 + 8);
  });

  it("reports pods without a CPU request as FailedGetResourceMetric, with currentMetrics of an empty type", () => {
    const c = sandbox(CONTROLLERS);
    create(c, deployPath(), deployment("web", { resources: null }));
    c.settle();
    create(c, hpaPath(), hpa("web"));
    c.advance(SYNC);
    const missing = /^failed to get cpu utilization: missing request for cpu in container nginx of Pod web-[a-z0-9]+-[a-z0-9]{5}$/;
    const [metricEvent] = eventsOf(c, "FailedGetResourceMetric");
    expect(metricEvent.message).toMatch(missing);
    expect(eventsOf(c, "FailedComputeMetricsReplicas").map((e) => e.message)).toEqual([
      `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${metricEvent.message}`,
    ]);
    expect(cond(c, "ScalingActive")).toBe(`False FailedGetResourceMetric: the HPA was unable to compute the replica count: ${metricEvent.message}`);
    expect(status(c)).toMatchObject({ currentReplicas: 2, desiredReplicas: 0, currentMetrics: [{ type: "" }] });
    expect(tableRow(c, hpaPath("web"))).toMatchObject({ Targets: "cpu: <unknown>/50%", Replicas: 2 });
    expect(replicas(c)).toBe(2);
  });

  it("reports pods that are not running yet as having no metrics", () => {
    const c = sandbox(CONTROLLERS, { kubelet: false });
    create(c, deployPath(), deployment("web"));
    c.settle();
    create(c, hpaPath(), hpa("web"));
    c.advance(SYNC);
    expect(eventsOf(c, "FailedGetResourceMetric").map((e) => e.message)).toEqual([
      "failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API",
    ]);
  });

  it("reports custom metrics as unavailable (no custom metrics adapter)", () => {
    const c = webUnderHpa({ metrics: [{ type: "Pods", pods: { metric: { name: "packets-per-second" }, target: { type: "AverageValue", averageValue: "1k" } } }] });
    c.advance(SYNC);
    expect(eventsOf(c, "FailedGetPodsMetric").map((e) => e.message)).toEqual([
      "unable to get metric packets-per-second: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered",
    ]);
  });

  it("refuses to act when two HPAs control the same pods (AmbiguousSelector)", () => {
    const c = webUnderHpa({ cpu: "100m" });
    create(c, hpaPath(), hpa("web-2", { target: "web" }));
    c.advance(SYNC);
    const msg = "pods by selector app=web are controlled by multiple HPAs: [{web default} {web-2 default}]";
    expect(cond(c, "ScalingActive")).toBe(`False AmbiguousSelector: ${msg}`);
    expect(eventsOf(c, "AmbiguousSelector").map((e) => [e.involvedObject.name, e.message])).toEqual([
      ["web", msg],
      ["web-2", msg],
    ]);
    expect(replicas(c)).toBe(2);
  });

  it("disables scaling while the target is scaled to zero", () => {
    const c = webUnderHpa();
    patch(c, deployPath("web"), { spec: { replicas: 0 } });
    c.advance(SYNC);
    expect(cond(c, "ScalingActive")).toBe("False ScalingDisabled: scaling is disabled since the replica count of the target is zero");
    expect(replicas(c)).toBe(0);
    const rv = c.cluster.store.resourceVersion;
    c.advance(5 * 60_000);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });
});

describe("HPA: housekeeping", () => {
  it("leaves a fresh cluster unchanged", () => {
    const c = testCluster();
    const rv = c.cluster.store.resourceVersion;
    const r = runControllers({ state: c.cluster, nowMs: c.nowMs }, [horizontalPodAutoscalerController]);
    expect(c.cluster.store.resourceVersion).toBe(rv);
    expect(r.nextWakeMs).toBeUndefined();
  });

  it("forgets an HPA's recommendations when it is deleted", () => {
    const c = webUnderHpa();
    c.advance(SYNC);
    expect(c.cluster.store.list(HPA_MEMORY_RESOURCE)).toHaveLength(1);
    expect(c.request("DELETE", hpaPath("web")).status).toBe(200);
    c.settle();
    expect(c.cluster.store.list(HPA_MEMORY_RESOURCE)).toHaveLength(0);
    expect(c.run()).toBeUndefined();
  });
});
