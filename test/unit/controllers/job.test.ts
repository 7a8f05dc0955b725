// Job controller: completions and parallelism, pod tracking finalizers, backoff and backoffLimit,
// activeDeadlineSeconds, Indexed jobs, podFailurePolicy, suspend, and ttlSecondsAfterFinished.
import { describe, expect, it } from "vitest";
import { condition, container, create, del, events, finishTerminations, markFinished, markRunning, names, patch, path, podsOf, sandbox, type Sandbox } from "./apps-batch-support";
import { formatIndexes, parseIndexes } from "../../../src/engine/controllers/job";
import { rfc3339 } from "../../../src/engine/machinery/time";

const TRACKING = "batch.kubernetes.io/job-tracking";

function job(name: string, spec: Record<string, any> = {}, podSpec: Record<string, any> = {}) {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: { template: { spec: { containers: [container("busybox:1.36", { command: ["sh", "-c", "echo hi"] })], restartPolicy: "Never", ...podSpec } }, ...spec },
  };
}

const getJob = (c: Sandbox, name = "pi") => c.get(path.jobs(name));
const jobPods = (c: Sandbox, name = "pi") => podsOf(c, getJob(c, name));
const active = (c: Sandbox, name = "pi") => jobPods(c, name).filter((p) => !p.metadata.deletionTimestamp && p.status.phase !== "Succeeded" && p.status.phase !== "Failed");
const conditionTypes = (j: any) => (j.status.conditions ?? []).map((x: any) => `${x.type}=${x.status}`);

describe("Job: running to completion", () => {
  it("creates a tracked pod, counts its success and completes", () => {
    const c = sandbox();
    const created = create(c, path.jobs(), job("pi"));
    c.step(0);
    const [pod] = jobPods(c);
    const uid = created.metadata.uid;
    expect(pod.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toEqual({ "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi" });
    expect(pod.metadata.finalizers).toEqual([TRACKING]);
    expect(getJob(c).status).toEqual({ active: 1, ready: 0, startTime: rfc3339(c.nowMs), terminating: 0, uncountedTerminatedPods: {} });
    expect(events(c, "SuccessfulCreate")).toEqual([`Created pod: ${pod.metadata.name}`]);

    markRunning(c, pod);
    c.step(1000);
    expect(getJob(c).status).toMatchObject({ active: 1, ready: 1 });

    c.nowMs += 2000;
    markFinished(c, pod, "Succeeded");
    c.step(0);
    const done = getJob(c);
    const t = rfc3339(c.nowMs);
    expect(done.status).toEqual({
      completionTime: t,
      conditions: [
        { type: "SuccessCriteriaMet", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", lastProbeTime: t, lastTransitionTime: t },
        { type: "Complete", status: "True", reason: "CompletionsReached", message: "Reached expected number of succeeded pods", lastProbeTime: t, lastTransitionTime: t },
      ],
      ready: 0,
      startTime: done.status.startTime,
      succeeded: 1,
      terminating: 0,
      uncountedTerminatedPods: {},
    });
    expect(c.get(path.pods(pod.metadata.name)).metadata.finalizers, "counted: the finalizer is gone").toBeUndefined();
    expect(events(c, "Completed")).toEqual(["Job completed"]);
    const rv = c.cluster.store.resourceVersion;
    c.step(60_000);
    expect(c.cluster.store.resourceVersion, "a finished job is left alone").toBe(rv);
  });

  it("runs `parallelism` pods at a time until `completions` succeed", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { completions: 3, parallelism: 2 }));
    c.step(0);
    expect(active(c)).toHaveLength(2);
    markFinished(c, active(c)[0], "Succeeded");
    c.step(0);
    expect(active(c)).toHaveLength(2);
    expect(getJob(c).status).toMatchObject({ active: 2, succeeded: 1 });
    for (const p of active(c)) markFinished(c, p, "Succeeded");
    c.step(0);
    expect(active(c), "only the remaining completion gets a pod").toHaveLength(0);
    expect(getJob(c).status.succeeded).toBe(3);
    expect(conditionTypes(getJob(c))).toEqual(["SuccessCriteriaMet=True", "Complete=True"]);
    expect(events(c, "SuccessfulCreate")).toHaveLength(3);
  });
});

describe("Job: failures", () => {
  it("backs off 10 s, then 20 s, before replacing failed pods, and fails past backoffLimit", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { backoffLimit: 2 }));
    c.step(0);
    markFinished(c, active(c)[0], "Failed");
    const wake = c.step(0);
    expect(getJob(c).status).toMatchObject({ failed: 1 });
    expect(active(c), "no replacement during the backoff").toHaveLength(0);
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 10_000);
    c.step(wake! - c.nowMs);
    expect(active(c)).toHaveLength(1);

    markFinished(c, active(c)[0], "Failed");
    const wake2 = c.step(0);
    expect(wake2! - c.nowMs).toBeGreaterThan(10_000);
    expect(wake2! - c.nowMs).toBeLessThanOrEqual(20_000);
    c.step(wake2! - c.nowMs);
    markFinished(c, active(c)[0], "Failed");
    c.step(0);
    const failed = getJob(c);
    const t = rfc3339(c.nowMs);
    expect(failed.status.failed).toBe(3);
    expect(failed.status.conditions).toEqual([
      { type: "FailureTarget", status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", lastProbeTime: t, lastTransitionTime: t },
      { type: "Failed", status: "True", reason: "BackoffLimitExceeded", message: "Job has reached the specified backoff limit", lastProbeTime: t, lastTransitionTime: t },
    ]);
    expect(failed.status.completionTime).toBeUndefined();
    expect(events(c, "BackoffLimitExceeded")).toEqual(["Job has reached the specified backoff limit"]);
    expect(active(c)).toHaveLength(0);
  });

  it("fails at activeDeadlineSeconds, terminating the running pod first", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { activeDeadlineSeconds: 30 }));
    const wake = c.step(0);
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 30_000);
    markRunning(c, active(c)[0]);
    c.step(wake! - c.nowMs);
    expect(conditionTypes(getJob(c)), "FailureTarget while the pod terminates").toEqual(["FailureTarget=True"]);
    expect(getJob(c).status).toMatchObject({ terminating: 1 });
    expect(events(c, "SuccessfulDelete")).toHaveLength(1);
    finishTerminations(c);
    c.step(0);
    expect(conditionTypes(getJob(c))).toEqual(["FailureTarget=True", "Failed=True"]);
    expect(condition(getJob(c), "Failed")).toMatchObject({ reason: "DeadlineExceeded", message: "Job was active longer than specified deadline" });
    expect(getJob(c).status).toMatchObject({ failed: 1, terminating: 0 });
    expect(events(c, "DeadlineExceeded")).toEqual(["Job was active longer than specified deadline"]);
  });

  it.each([
    ["FailJob fails the job at once with the rule's message", "FailJob", 42, ["FailureTarget=True", "Failed=True"], 1],
    ["Ignore replaces the pod without counting the failure", "Ignore", 42, [], 0],
    ["a non-matching exit code counts as usual", "FailJob", 1, [], 1],
  ])("podFailurePolicy: %s", (_name, action, exitCode, conditions, failed) => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { podFailurePolicy: { rules: [{ action, onExitCodes: { operator: "In", values: [42] } }] } }));
    c.step(0);
    const pod = active(c)[0];
    markFinished(c, pod, "Failed", exitCode);
    c.step(0);
    expect(conditionTypes(getJob(c))).toEqual(conditions);
    expect(getJob(c).status.failed ?? 0).toBe(failed);
    if (action === "FailJob" && exitCode === 42) {
      expect(condition(getJob(c), "Failed")).toMatchObject({ reason: "PodFailurePolicy", message: `Container app for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0` });
    }
    if (action === "Ignore") {
      // 1.32 still backs off after an ignored failure before replacing the pod.
      c.step(10_000);
      expect(active(c)).toHaveLength(1);
      expect(getJob(c).status.failed).toBeUndefined();
    }
  });

  it("counts a deleted running pod as failed and replaces it after the backoff", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi"));
    c.step(0);
    const pod = active(c)[0];
    markRunning(c, pod);
    del(c, path.pods(pod.metadata.name));
    c.step(0);
    expect(getJob(c).status).toMatchObject({ failed: 1, terminating: 1 });
    expect(getJob(c).status.active, "active: 0 is omitted").toBeUndefined();
    expect(c.get(path.pods(pod.metadata.name)).metadata.finalizers).toBeUndefined();
    finishTerminations(c);
    c.step(10_000);
    expect(getJob(c).status).toMatchObject({ failed: 1, active: 1, terminating: 0 });
  });
});

describe("Job: Indexed", () => {
  it("gives each pod its completion index in name, annotation, label, hostname and environment", () => {
    const c = sandbox();
    create(c, path.jobs(), job("idx", { completions: 3, parallelism: 3, completionMode: "Indexed" }));
    c.step(0);
    const ps = jobPods(c, "idx");
    const byIndex = ps.sort((a, b) => Number(a.metadata.annotations["batch.kubernetes.io/job-completion-index"]) - Number(b.metadata.annotations["batch.kubernetes.io/job-completion-index"]));
    expect(byIndex.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, ""))).toEqual(["idx-0", "idx-1", "idx-2"]);
    expect(byIndex.map((p) => p.metadata.labels["batch.kubernetes.io/job-completion-index"])).toEqual(["0", "1", "2"]);
    expect(byIndex.map((p) => p.spec.hostname)).toEqual(["idx-0", "idx-1", "idx-2"]);
    expect(byIndex[0].spec.containers[0].env).toEqual([
      { name: "JOB_COMPLETION_INDEX", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    markFinished(c, byIndex[0], "Succeeded");
    markFinished(c, byIndex[2], "Succeeded");
    c.step(0);
    expect(getJob(c, "idx").status).toMatchObject({ completedIndexes: "0,2", succeeded: 2, active: 1 });
    markFinished(c, byIndex[1], "Succeeded");
    c.step(0);
    expect(getJob(c, "idx").status).toMatchObject({ completedIndexes: "0-2", succeeded: 3 });
    expect(conditionTypes(getJob(c, "idx"))).toEqual(["SuccessCriteriaMet=True", "Complete=True"]);
  });

  it("recreates a failed index under the same index", () => {
    const c = sandbox();
    create(c, path.jobs(), job("idx", { completions: 2, parallelism: 2, completionMode: "Indexed" }));
    c.step(0);
    const one = jobPods(c, "idx").find((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"] === "1");
    markFinished(c, one, "Failed");
    c.step(10_000);
    expect(active(c, "idx").map((p) => p.metadata.annotations["batch.kubernetes.io/job-completion-index"]).sort()).toEqual(["0", "1"]);
  });

  it.each([
    [[], ""],
    [[0], "0"],
    [[0, 1], "0,1"],
    [[0, 1, 2], "0-2"],
    [[1, 3, 4, 5, 7], "1,3-5,7"],
  ])("formats completed indexes %j as %j and parses them back", (indexes, text) => {
    expect(formatIndexes(indexes)).toBe(text);
    expect([...parseIndexes(text, 10)]).toEqual(indexes);
  });
});

describe("Job: suspend and cleanup", () => {
  it("a suspended job creates nothing until resumed", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { suspend: true }));
    c.step(0);
    expect(jobPods(c)).toEqual([]);
    expect(condition(getJob(c), "Suspended")).toMatchObject({ status: "True", reason: "JobSuspended", message: "Job suspended" });
    expect(getJob(c).status.startTime).toBeUndefined();
    c.nowMs += 5000;
    patch(c, path.jobs("pi"), { spec: { suspend: false } });
    c.step(0);
    expect(active(c)).toHaveLength(1);
    expect(condition(getJob(c), "Suspended")).toMatchObject({ status: "False", reason: "JobResumed", message: "Job resumed" });
    expect(getJob(c).status.startTime).toBe(rfc3339(c.nowMs));
    expect(events(c, "Suspended")).toEqual(["Job suspended"]);
    expect(events(c, "Resumed")).toEqual(["Job resumed"]);
  });

  it("suspending a running job deletes its pods without counting them as failed", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi"));
    c.step(0);
    markRunning(c, active(c)[0]);
    patch(c, path.jobs("pi"), { spec: { suspend: true } });
    c.step(0);
    expect(active(c)).toEqual([]);
    expect(getJob(c).status.failed).toBeUndefined();
  });

  it("deletes a finished job and its pods ttlSecondsAfterFinished later", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { ttlSecondsAfterFinished: 100 }));
    c.step(0);
    markFinished(c, active(c)[0], "Succeeded");
    const wake = c.step(0);
    expect(wake).toBe(c.nowMs - (c.nowMs % 1000) + 100_000);
    c.step(wake! - c.nowMs - 1);
    expect(getJob(c).metadata.deletionTimestamp).toBeUndefined();
    c.step(1);
    c.step(0);
    expect(c.request("GET", path.jobs("pi")).status).toBe(404);
    expect(names(c.get(path.pods()).items).filter((n) => n.startsWith("pi-"))).toEqual([]);
  });

  it("a deleted job leaves no pod stuck on its tracking finalizer", () => {
    const c = sandbox();
    create(c, path.jobs(), job("pi", { parallelism: 2, completions: 2 }));
    c.step(0);
    for (const p of active(c)) markRunning(c, p);
    // As kubectl deletes (batch/v1's own default, with no policy, orphans the pods).
    del(c, path.jobs("pi"), "?propagationPolicy=Background");
    c.step(0);
    finishTerminations(c);
    c.step(0);
    expect(c.get(path.pods()).items.filter((p: any) => p.metadata.name.startsWith("pi-"))).toEqual([]);
  });
});

describe("Job: refused pod creations", () => {
  it("records FailedCreate and retries with a growing delay instead of looping", () => {
    const c = sandbox();
    create(c, "/api/v1/namespaces/default/resourcequotas", { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "no-pods" }, spec: { hard: { pods: "0" } } });
    create(c, path.jobs(), job("pi"));
    const wake = c.step(0);
    const failures = c.get(path.events()).items.filter((e: any) => e.reason === "FailedCreate");
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/^Error creating: pods "pi-[a-z0-9]{5}" is forbidden: exceeded quota: no-pods/);
    expect(failures[0].count).toBe(1);
    expect(wake, "retry one second later").toBe(c.nowMs - (c.nowMs % 1000) + 1000);
    c.step(wake! - c.nowMs);
    const second = c.step(0);
    expect(second! - c.nowMs, "then two seconds").toBeGreaterThan(1000);
    expect(second! - c.nowMs).toBeLessThanOrEqual(2000);
    expect(jobPods(c)).toEqual([]);
  });
});

