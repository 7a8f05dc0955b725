// Scenarios through the Durable Object: StatefulSet ordered start and partitioned update, a
// DaemonSet pod on every schedulable node, a Job running to completion and a CronJob firing once
// the clock passes its schedule.
import { expect, test } from "vitest";
import { Sandboxed, condition, isRunningAndReady, SECOND } from "./scenario-support";

type J = Record<string, any>;

const STS = "/apis/apps/v1/namespaces/default/statefulsets";

function statefulSet(image: string): J {
  return {
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: { name: "web" },
    spec: {
      serviceName: "web",
      replicas: 3,
      selector: { matchLabels: { app: "web" } },
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 2 } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image }] } },
    },
  };
}

test("a StatefulSet starts its pods in order: web-0 is Running and Ready before web-1 is created", async () => {
  const sb = await Sandboxed.create();
  await sb.create("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web" }, spec: { clusterIP: "None", selector: { app: "web" }, ports: [{ port: 80 }] } });
  await sb.create(STS, statefulSet("nginx:1.25"));
  await sb.runAlarm();
  const seen: string[][] = [];
  await sb.advanceUntil(async () => {
    const pods = await sb.pods("default", "app=web");
    seen.push(pods.map((p) => p.metadata.name));
    const byName = new Map(pods.map((p) => [p.metadata.name, p]));
    // Whenever web-N exists, web-(N-1) is Running and Ready and became Ready no later than web-N was created.
    for (const n of [1, 2]) {
      const pod = byName.get(`web-${n}`);
      if (!pod) continue;
      const prev = byName.get(`web-${n - 1}`);
      expect(isRunningAndReady(prev), `web-${n - 1} when web-${n} exists`).toBe(true);
      expect(Date.parse(condition(prev, "Ready")!.lastTransitionTime)).toBeLessThanOrEqual(Date.parse(pod.metadata.creationTimestamp));
    }
    return pods.length === 3 && pods.every(isRunningAndReady);
  }, { maxSeconds: 90 });
  // The pods appeared one at a time.
  expect(seen[0]).toEqual(["web-0"]);
  expect(seen.some((names) => names.join() === "web-0,web-1")).toBe(true);
  const pods = await sb.pods("default", "app=web");
  expect(pods.map((p) => p.spec.hostname)).toEqual(["web-0", "web-1", "web-2"]);
  expect(pods.map((p) => p.spec.subdomain)).toEqual(["web", "web", "web"]);
  const sts = await sb.get(`${STS}/web`);
  expect(sts.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
  await sb.expectHealthy();
}, 120_000);

test("a partitioned rolling update changes only the ordinals at or above the partition", async () => {
  const sb = await Sandboxed.create();
  await sb.create(STS, statefulSet("nginx:1.25"));
  await sb.advanceUntil(async () => (await sb.pods("default", "app=web")).filter(isRunningAndReady).length === 3, { maxSeconds: 90 });
  const before = await sb.get(`${STS}/web`);
  const oldRevision = before.status.currentRevision;

  await sb.patch(`${STS}/web`, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.26" }] } } } }, "application/strategic-merge-patch+json");
  const sts = await sb.advanceUntil(async () => {
    const s = await sb.get(`${STS}/web`);
    const pods = await sb.pods("default", "app=web");
    const done = s.status.observedGeneration === s.metadata.generation && s.status.updatedReplicas === 1 && s.status.readyReplicas === 3 && pods.length === 3 && pods.every(isRunningAndReady);
    return done && s;
  }, { maxSeconds: 90 });
  const newRevision = sts.status.updateRevision;
  expect(newRevision).not.toBe(oldRevision);
  expect(sts.status).toMatchObject({ currentRevision: oldRevision, currentReplicas: 2, updatedReplicas: 1, replicas: 3 });
  // Only web-2 was deleted and created again.
  const events = await sb.eventsFor("web", "default", "StatefulSet");
  expect(events.filter((e) => e.includes("SuccessfulDelete"))).toEqual(["Normal SuccessfulDelete: delete Pod web-2 in StatefulSet web successful"]);
  const pods = await sb.pods("default", "app=web");
  expect(pods.map((p) => [p.metadata.name, p.spec.containers[0].image, p.metadata.labels["controller-revision-hash"]])).toEqual([
    ["web-0", "nginx:1.25", oldRevision],
    ["web-1", "nginx:1.25", oldRevision],
    ["web-2", "nginx:1.26", newRevision],
  ]);
  // Two ControllerRevisions: the old and the new template.
  const revisions = await sb.items("/apis/apps/v1/namespaces/default/controllerrevisions");
  expect(revisions.map((r) => [r.metadata.name, r.revision]).sort()).toEqual([[oldRevision, 1], [newRevision, 2]].sort());

  // Dropping the partition to 0 finishes the rollout, highest ordinal first.
  await sb.patch(`${STS}/web`, { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } }, "application/merge-patch+json");
  const done = await sb.advanceUntil(async () => {
    const s = await sb.get(`${STS}/web`);
    return s.status.currentRevision === newRevision && s.status.updatedReplicas === 3 && s.status.readyReplicas === 3 && s;
  }, { maxSeconds: 120 });
  expect(done.status.currentReplicas).toBe(3);
  expect((await sb.pods("default", "app=web")).map((p) => p.spec.containers[0].image)).toEqual(["nginx:1.26", "nginx:1.26", "nginx:1.26"]);
  await sb.expectHealthy();
}, 120_000);

const DS = "/apis/apps/v1/namespaces/default/daemonsets";

function daemonSet(name: string, tolerateControlPlane: boolean): J {
  return {
    apiVersion: "apps/v1",
    kind: "DaemonSet",
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          tolerations: tolerateControlPlane ? [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" }] : undefined,
          containers: [{ name: "agent", image: "busybox:1.36", command: ["sh", "-c", "while true; do sleep 3600; done"] }],
        },
      },
    },
  };
}

test("a DaemonSet runs one pod on every schedulable node, and on the tainted control plane only when it tolerates the taint", async () => {
  const sb = await Sandboxed.create({ nodes: 3 });
  await sb.create(DS, daemonSet("agent", false));
  await sb.create(DS, daemonSet("logs", true));
  await sb.runAlarm();
  // The DaemonSet controller pins each pod to its node with required node affinity on metadata.name.
  const pinnedTo = (p: J) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0];
  const agentPods = await sb.pods("default", "app=agent");
  expect(agentPods.map((p) => pinnedTo(p).values[0]).sort()).toEqual(["node01", "node02", "node03"]);
  expect(pinnedTo(agentPods[0])).toMatchObject({ key: "metadata.name", operator: "In" });

  await sb.advanceUntil(async () => {
    const a = await sb.get(`${DS}/agent`);
    const l = await sb.get(`${DS}/logs`);
    return a.status.numberReady === 3 && l.status.numberReady === 4;
  }, { maxSeconds: 60 });
  const nodesOf = async (app: string) => (await sb.pods("default", `app=${app}`)).map((p) => p.spec.nodeName).sort();
  expect(await nodesOf("agent")).toEqual(["node01", "node02", "node03"]);
  expect(await nodesOf("logs")).toEqual(["controlplane", "node01", "node02", "node03"]);
  expect((await sb.get(`${DS}/agent`)).status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 3, numberMisscheduled: 0 });
  expect((await sb.get(`${DS}/logs`)).status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4, numberMisscheduled: 0 });

  // Cordoning a node does not take its DaemonSet pod away: DaemonSet pods tolerate node.kubernetes.io/unschedulable.
  await sb.patch("/api/v1/nodes/node02", { spec: { unschedulable: true } }, "application/strategic-merge-patch+json");
  await sb.runAlarm();
  await sb.advance(30);
  expect(await nodesOf("agent")).toEqual(["node01", "node02", "node03"]);
  expect((await sb.get(`${DS}/agent`)).status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3 });
  await sb.expectHealthy();
}, 120_000);

const JOBS = "/apis/batch/v1/namespaces/default/jobs";

test("a Job runs its pods to completion: Complete condition, succeeded count and the Completed event", async () => {
  const sb = await Sandboxed.create();
  await sb.create(JOBS, {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi" },
    spec: {
      completions: 3,
      parallelism: 2,
      template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "busybox:1.36", command: ["sh", "-c", "echo computing; sleep 5; echo 3.14159"] }] } },
    },
  });
  await sb.runAlarm();
  expect((await sb.pods("default", "job-name=pi")).length).toBe(2);
  const job = await sb.advanceUntil(async () => {
    const j = await sb.get(`${JOBS}/pi`);
    return condition(j, "Complete")?.status === "True" && j;
  }, { maxSeconds: 120 });
  expect(job.status.succeeded).toBe(3);
  expect(job.status.failed ?? 0).toBe(0);
  expect(job.status.active ?? 0).toBe(0);
  expect(job.status.completionTime).toBeDefined();
  expect(condition(job, "SuccessCriteriaMet")?.status).toBe("True");
  const pods = await sb.pods("default", "job-name=pi");
  expect(pods.map((p) => p.status.phase)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);
  const events = await sb.eventsFor("pi");
  expect(events.filter((e) => e.startsWith("Normal SuccessfulCreate: Created pod: pi-"))).toHaveLength(3);
  expect(events.at(-1)).toBe("Normal Completed: Job completed");
  const logs = await sb.request("GET", `/api/v1/namespaces/default/pods/${pods[0].metadata.name}/log`);
  expect(logs.status).toBe(200);
  expect(logs.body.text ?? "").toContain("3.14159");
  await sb.expectHealthy();
}, 120_000);

test("a CronJob creates a Job once the clock passes its schedule, and sees it complete", async () => {
  const sb = await Sandboxed.create();
  await sb.create("/apis/batch/v1/namespaces/default/cronjobs", {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: "hello" },
    spec: {
      schedule: "*/5 * * * *",
      jobTemplate: { spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "hello", image: "busybox:1.28", command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"] }] } } } },
    },
  });
  await sb.runAlarm();
  expect(await sb.items(JOBS)).toEqual([]);
  // The next */5 minute is armed as the sandbox's alarm.
  const { nowMs } = await sb.clock();
  const due = Math.floor(nowMs / (300 * SECOND)) * 300 * SECOND + 300 * SECOND;
  const next = await sb.expectAlarmCoversTimedWork();
  expect(next).toBeDefined();
  expect(next!).toBeLessThanOrEqual(due);

  await sb.advance(Math.ceil((due - nowMs) / SECOND) + 1);
  const jobs = await sb.items(JOBS);
  expect(jobs.map((j) => j.metadata.name)).toEqual([`hello-${due / 60_000}`]);
  expect(jobs[0].metadata.ownerReferences[0]).toMatchObject({ kind: "CronJob", name: "hello", controller: true });
  expect(jobs[0].metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe(new Date(due).toISOString().replace(".000Z", "Z"));

  const cj = await sb.advanceUntil(async () => {
    const c = await sb.get("/apis/batch/v1/namespaces/default/cronjobs/hello");
    return c.status.lastSuccessfulTime && c;
  }, { maxSeconds: 60 });
  expect(cj.status.lastScheduleTime).toBe(new Date(due).toISOString().replace(".000Z", "Z"));
  expect(cj.status.active ?? []).toEqual([]);
  const events = await sb.eventsFor("hello");
  expect(events).toEqual(expect.arrayContaining([`Normal SuccessfulCreate: Created job hello-${due / 60_000}`, `Normal SawCompletedJob: Saw completed job: hello-${due / 60_000}, condition: Complete`]));
  await sb.expectHealthy();
}, 120_000);
