// CronJob controller: schedules (macros, time zones), deterministic job names and the scheduled-time
// annotation, concurrency policies, suspend, starting deadlines, history limits, status and events.
import { describe, expect, it } from "vitest";
import { condition, container, create, events, markFinished, names, patch, path, podsOf, sandbox, type Sandbox } from "./apps-batch-support";
import { EPOCH_MS } from "../../support/cluster";
import { rfc3339 } from "../../../src/engine/machinery/time";

const MIN = 60_000;

function cronJob(name: string, schedule: string, spec: Record<string, any> = {}) {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name },
    spec: {
      schedule,
      jobTemplate: { spec: { template: { spec: { containers: [container("busybox:1.36", { command: ["date"] })], restartPolicy: "OnFailure" } } } },
      ...spec,
    },
  };
}

const getCj = (c: Sandbox, name = "hello") => c.get(path.cronJobs(name));
const jobsOf = (c: Sandbox, name = "hello") => podsOfKind(c, getCj(c, name));
function podsOfKind(c: Sandbox, owner: any): any[] {
  return c
    .get(path.jobs())
    .items.filter((j: any) => j.metadata.ownerReferences?.some((r: any) => r.controller && r.uid === owner.metadata.uid))
    .sort((a: any, b: any) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
const jobName = (name: string, atMs: number) => `${name}-${Math.floor(atMs / MIN)}`;

/** Finishes the pods of every unfinished job of the CronJob (Succeeded unless told), then runs the controllers. */
function finishJobs(c: Sandbox, outcome: "Succeeded" | "Failed" = "Succeeded", name = "hello") {
  for (const j of jobsOf(c, name)) {
    for (const p of podsOf(c, j)) if (p.status.phase !== "Succeeded" && p.status.phase !== "Failed") markFinished(c, p, outcome);
  }
  c.step(0);
}

describe("CronJob: scheduling", () => {
  it("wakes exactly at the next scheduled minute and creates the job named after it", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "*/5 * * * *"));
    const wake = c.step(0);
    expect(wake).toBe(EPOCH_MS + 5 * MIN);
    expect(jobsOf(c)).toEqual([]);
    c.step(wake! - c.nowMs);
    const [job] = jobsOf(c);
    const cj = getCj(c);
    expect(job.metadata.name).toBe(jobName("hello", EPOCH_MS + 5 * MIN));
    expect(job.metadata.annotations).toEqual({ "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-01T00:05:00Z" });
    expect(job.metadata.ownerReferences).toEqual([{ apiVersion: "batch/v1", kind: "CronJob", name: "hello", uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(cj.status).toEqual({
      active: [{ apiVersion: "batch/v1", kind: "Job", name: job.metadata.name, namespace: "default", resourceVersion: cj.status.active[0].resourceVersion, uid: job.metadata.uid }],
      lastScheduleTime: "2026-01-01T00:05:00Z",
    });
    expect(events(c, "SuccessfulCreate").filter((m) => m.startsWith("Created job"))).toEqual([`Created job ${job.metadata.name}`]);
    expect(podsOf(c, job), "the job controller ran its pod in the same pass").toHaveLength(1);
  });

  it("records the finished job, its success time, and keeps successfulJobsHistoryLimit jobs", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { successfulJobsHistoryLimit: 2 }));
    c.advance(MIN);
    finishJobs(c);
    const first = jobName("hello", EPOCH_MS + MIN);
    expect(events(c, "SawCompletedJob")).toEqual([`Saw completed job: ${first}, condition: Complete`]);
    const cj = getCj(c);
    expect(cj.status.active).toBeUndefined();
    expect(cj.status.lastSuccessfulTime).toBe(rfc3339(c.nowMs));
    for (let i = 0; i < 3; i++) {
      c.advance(MIN);
      finishJobs(c);
    }
    expect(names(jobsOf(c))).toEqual([jobName("hello", EPOCH_MS + 3 * MIN), jobName("hello", EPOCH_MS + 4 * MIN)]);
    expect(events(c, "SuccessfulDelete")).toEqual([`Deleted job ${first}`, `Deleted job ${jobName("hello", EPOCH_MS + 2 * MIN)}`]);
  });

  it("keeps failedJobsHistoryLimit failed jobs", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { failedJobsHistoryLimit: 1, jobTemplate: { spec: { backoffLimit: 0, template: { spec: { containers: [container("busybox:1.36")], restartPolicy: "Never" } } } } }));
    for (let i = 0; i < 3; i++) {
      c.advance(MIN);
      finishJobs(c, "Failed");
    }
    const left = jobsOf(c);
    expect(names(left)).toEqual([jobName("hello", EPOCH_MS + 3 * MIN)]);
    expect(condition(left[0], "Failed")?.status).toBe("True");
  });

  it.each([
    ["@hourly", EPOCH_MS + 60 * MIN],
    ["@daily", EPOCH_MS + 24 * 60 * MIN],
    ["30 6 * * 1-5", Date.UTC(2026, 0, 1, 6, 30)],
    ["@every 90s", EPOCH_MS + 90_000],
  ])("%s first fires at the right time", (schedule, at) => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", schedule));
    expect(c.step(0)).toBe(at);
  });

  it("honours spec.timeZone and writes the scheduled time in that zone", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "0 9 * * *", { timeZone: "Asia/Tokyo" }));
    const wake = c.step(0);
    expect(wake, "09:00 in Tokyo is 00:00 UTC").toBe(EPOCH_MS + 24 * 60 * MIN);
    c.step(wake! - c.nowMs);
    expect(jobsOf(c)[0].metadata.annotations["batch.kubernetes.io/cronjob-scheduled-timestamp"]).toBe("2026-01-02T09:00:00+09:00");
  });

  it("a clock fast-forward runs each schedule in order", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "*/10 * * * *"));
    c.advance(35 * MIN);
    expect(names(jobsOf(c))).toEqual([10, 20, 30].map((m) => jobName("hello", EPOCH_MS + m * MIN)));
    expect(getCj(c).status.lastScheduleTime).toBe("2026-01-01T00:30:00Z");
  });
});

describe("CronJob: concurrency", () => {
  it("Allow runs overlapping jobs", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *"));
    c.advance(2 * MIN);
    expect(getCj(c).status.active).toHaveLength(2);
  });

  it("Forbid skips a run while the previous job is active", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { concurrencyPolicy: "Forbid" }));
    c.advance(2 * MIN);
    expect(jobsOf(c)).toHaveLength(1);
    expect(events(c, "JobAlreadyActive")).toEqual(["Not starting job because prior execution is running and concurrency policy is Forbid"]);
  });

  it("Replace deletes the running job and starts the new one", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { concurrencyPolicy: "Replace" }));
    c.advance(2 * MIN);
    const cj = getCj(c);
    expect(cj.status.active.map((r: any) => r.name)).toEqual([jobName("hello", EPOCH_MS + 2 * MIN)]);
    expect(events(c, "SuccessfulDelete")).toEqual([`Deleted job ${jobName("hello", EPOCH_MS + MIN)}`]);
  });
});

describe("CronJob: missed schedules", () => {
  it("a suspended CronJob creates nothing and asks for no wake-up", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { suspend: true }));
    expect(c.step(0)).toBeUndefined();
    c.advance(10 * MIN);
    expect(jobsOf(c)).toEqual([]);
  });

  it("after downtime it starts only the most recent missed run", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *"));
    c.step(0);
    c.step(30 * MIN + 20_000);
    expect(names(jobsOf(c))).toEqual([jobName("hello", EPOCH_MS + 30 * MIN)]);
  });

  it.each([
    ["within startingDeadlineSeconds the missed run still starts", 20_000, 1],
    ["past startingDeadlineSeconds the missed run is not started", 45_000, 0],
  ])("%s", (_name, lateMs, started) => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "*/5 * * * *", { startingDeadlineSeconds: 30 }));
    c.step(0);
    c.step(5 * MIN + lateMs);
    expect(jobsOf(c)).toHaveLength(started);
    const wake = c.step(0);
    expect(wake).toBe(EPOCH_MS + 10 * MIN);
  });

  it("more than 100 missed times warns, then still starts the most recent", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *"));
    c.step(0);
    c.step(200 * MIN);
    expect(events(c, "TooManyMissedTimes")).toEqual(["too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"]);
    expect(names(jobsOf(c))).toEqual([jobName("hello", EPOCH_MS + 200 * MIN)]);
  });

  it("an active job that disappears is dropped from status", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "*/5 * * * *"));
    c.advance(5 * MIN);
    const [job] = jobsOf(c);
    c.cluster.store.delete("jobs.batch", "default", job.metadata.name);
    c.step(0);
    expect(getCj(c).status.active).toBeUndefined();
    expect(events(c, "MissingJob")).toEqual([`Active job went missing: ${job.metadata.name}`]);
  });

  it("is quiet between schedules: no writes, one wake-up", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "0 * * * *"));
    c.step(0);
    const rv = c.cluster.store.resourceVersion;
    expect(c.step(10 * MIN)).toBe(EPOCH_MS + 60 * MIN);
    expect(c.cluster.store.resourceVersion).toBe(rv);
  });

  it("resuming does not start runs missed while suspended beyond the most recent one", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "* * * * *", { suspend: true }));
    c.advance(5 * MIN + 10_000);
    patch(c, path.cronJobs("hello"), { spec: { suspend: false } });
    c.step(0);
    expect(names(jobsOf(c))).toEqual([jobName("hello", EPOCH_MS + 5 * MIN)]);
  });
});

describe("CronJob: bad schedules", () => {
  it("a schedule that never fires (February 31st) warns once and asks for no wake-up", () => {
    const c = sandbox();
    create(c, path.cronJobs(), cronJob("hello", "0 0 31 2 *"));
    expect(c.step(0)).toBeUndefined();
    expect(c.step(60 * MIN)).toBeUndefined();
    expect(events(c, "InvalidSchedule")).toEqual(["invalid schedule: 0 0 31 2 * : time difference between two schedules is less than 1 second"]);
    expect(c.get(path.events()).items.find((e: any) => e.reason === "InvalidSchedule").count).toBe(1);
  });
});

