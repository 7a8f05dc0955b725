// The CronJob controller (pkg/controller/cronjob, ControllerV2 in 1.32): at each scheduled time it
// creates the Job `<cronjob>-<scheduled time in minutes since the epoch>` from the job template
// (annotated with batch.kubernetes.io/cronjob-scheduled-timestamp), honouring suspend,
// startingDeadlineSeconds (and the "too many missed start times" warning), concurrencyPolicy
// Allow/Forbid/Replace and the successful/failed history limits; status tracks active jobs and the
// last schedule and success times. It asks to run again exactly at the next scheduled time.
import type { KubeObject } from "../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { newControllerRef } from "./controller-utils";
import { isJobFinished } from "./job";
import { byNamespace, cachedList, errorMessage, failedCreateRetryAtMs, futureWake, KCM_MANAGER, timeMs } from "./workload-common";
import { clone, deepEqual } from "../machinery/json";
import { CronParseError, isValidTimeZone, nextCronTime, parseCronSchedule, zoneOffsetMs, type CronSchedule } from "../machinery/cron";
import { rfc3339 } from "../machinery/time";
import { ApiError } from "../machinery/status";

const COMPONENT = "cronjob-controller";
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
/** More missed start times than this only warns (TooManyMissedTimes). */
const MANY_MISSED = 100;

interface ObjectRef {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  resourceVersion?: string;
  uid?: string;
}

function finishedType(job: KubeObject): "Complete" | "Failed" | undefined {
  for (const c of (job.status?.conditions ?? []) as Array<{ type: string; status: string }>) {
    if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return c.type;
  }
  return undefined;
}

/**
 * Records an event unless the same one (object, reason, message) was already recorded at or after
 * `sinceMs`: the real controller emits these once per sync, and syncs happen on changes and at
 * schedule times, not on every pass of our level-based loop.
 */
function eventOncePer(client: ControllerClient, cj: KubeObject, type: "Normal" | "Warning", reason: string, message: string, sinceMs = -Infinity): void {
  const since = Math.floor(sinceMs / 1000) * 1000;
  for (const e of cachedList(client, "v1", "Event", cj.metadata.namespace)) {
    if (e.involvedObject?.uid !== cj.metadata.uid || e.reason !== reason || e.message !== message) continue;
    if ((timeMs(e.lastTimestamp) ?? -Infinity) >= since) return;
  }
  client.event(cj, type, reason, message, { component: COMPONENT });
}

function emit(client: ControllerClient, cj: KubeObject, type: "Normal" | "Warning", reason: string, message: string): void {
  client.event(cj, type, reason, message, { component: COMPONENT });
}

/** Go's time.RFC3339 of an instant in a zone: `Z` for UTC, else `+hh:mm`. */
function rfc3339In(ms: number, timeZone: string | undefined): string {
  const offset = timeZone && timeZone !== "UTC" ? zoneOffsetMs(timeZone, ms) : 0;
  if (!offset) return rfc3339(ms);
  const local = rfc3339(ms + offset).slice(0, -1);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Go's time.RFC1123Z in UTC: "Thu, 01 Jan 2026 10:05:00 +0000". */
function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** getJobName: the scheduled time in minutes since the epoch makes the name deterministic. */
export function jobNameFor(cj: KubeObject, scheduledMs: number): string {
  return `${cj.metadata.name}-${Math.floor(Math.floor(scheduledMs / 1000) / 60)}`;
}

class InvalidScheduleError extends Error {}

/**
 * mostRecentScheduleTime: from the last schedule time (or creation, or now minus the starting
 * deadline), the most recent time a Job should have started (undefined when none is due yet) and how
 * many were missed.
 */
function mostRecentScheduleTime(cj: KubeObject, nowMs: number, sched: CronSchedule, includeDeadline: boolean): { earliestMs: number; mostRecentMs?: number; missed: number } {
  let earliestMs = timeMs(cj.status?.lastScheduleTime) ?? timeMs(cj.metadata.creationTimestamp) ?? nowMs;
  const deadline = cj.spec?.startingDeadlineSeconds as number | undefined;
  if (includeDeadline && deadline != null) earliestMs = Math.max(earliestMs, nowMs - deadline * 1000);
  const t1 = nextCronTime(sched, earliestMs);
  const t2 = t1 === undefined ? undefined : nextCronTime(sched, t1);
  if (t1 !== undefined && nowMs < t1) return { earliestMs, missed: 0 };
  if (t1 !== undefined && t2 !== undefined && nowMs < t2) return { earliestMs, mostRecentMs: t1, missed: 1 };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) throw new InvalidScheduleError("time difference between two schedules is less than 1 second");
  const elapsed = Math.floor((nowMs - t1!) / 1000);
  const missed = Math.floor(elapsed / between) + 1;
  let mostRecentMs: number | undefined;
  const potentialEarliest = t1! + (missed - 2) * between * 1000;
  for (let t = nextCronTime(sched, potentialEarliest); t !== undefined && t <= nowMs; t = nextCronTime(sched, t)) mostRecentMs = t;
  return { earliestMs, mostRecentMs, missed };
}

export const cronJobController: Controller = {
  name: COMPONENT,
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const cronJobs = cachedList(client, "batch/v1", "CronJob");
    if (!cronJobs.length) return { changed: false };
    const rv0 = ctx.state.store.resourceVersion;
    const jobsByNs = byNamespace(cachedList(client, "batch/v1", "Job"));
    let wakeAtMs: number | undefined;
    for (const listed of cronJobs) {
      const cj = client.get("batch/v1", "CronJob", listed.metadata.namespace, listed.metadata.name!);
      if (!cj) continue;
      const jobs = (jobsByNs.get(cj.metadata.namespace ?? "") ?? []).filter((j) => j.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === cj.metadata.uid));
      try {
        wakeAtMs = earliest(wakeAtMs, syncCronJob(client, ctx, cj, jobs));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed: ctx.state.store.resourceVersion !== rv0, wakeAtMs };
  },
};

function syncCronJob(client: ControllerClient, ctx: ControllerContext, original: KubeObject, jobs: KubeObject[]): number | undefined {
  const now = ctx.nowMs;
  const cj = clone(original);
  const status = (cj.status ??= {}) as { active?: ObjectRef[]; lastScheduleTime?: string; lastSuccessfulTime?: string };
  const removeActive = (uid: string | undefined) => {
    status.active = (status.active ?? []).filter((r) => r.uid !== uid);
    if (!status.active.length) delete status.active;
  };
  const inActive = (uid: string | undefined) => (status.active ?? []).some((r) => r.uid === uid);

  // cleanupFinishedJobs: beyond the history limits, the jobs that started first go.
  const deleteJob = (job: KubeObject): boolean => {
    try {
      client.delete(job, { propagationPolicy: "Background" });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      emit(client, cj, "Warning", "FailedDelete", `Deleted job: ${errorMessage(e)}`);
      return false;
    }
    removeActive(job.metadata.uid);
    emit(client, cj, "Normal", "SuccessfulDelete", `Deleted job ${job.metadata.name}`);
    return true;
  };
  const removeOldest = (list: KubeObject[], limit: number | undefined) => {
    if (limit == null || list.length <= limit) return;
    const sorted = [...list].sort((a, b) => {
      const sa = timeMs(a.status?.startTime);
      const sb = timeMs(b.status?.startTime);
      if (sa === undefined && sb !== undefined) return 1;
      if (sa !== undefined && sb === undefined) return -1;
      if (sa !== sb) return (sa ?? 0) - (sb ?? 0);
      return (a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1;
    });
    for (const j of sorted.slice(0, list.length - limit)) if (deleteJob(j)) jobs = jobs.filter((x) => x !== j);
  };
  removeOldest(
    jobs.filter((j) => finishedType(j) === "Complete"),
    cj.spec?.successfulJobsHistoryLimit,
  );
  removeOldest(
    jobs.filter((j) => finishedType(j) === "Failed"),
    cj.spec?.failedJobsHistoryLimit,
  );

  for (const j of jobs) {
    const found = inActive(j.metadata.uid);
    if (!found && !isJobFinished(j)) {
      eventOncePer(client, cj, "Warning", "UnexpectedJob", `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
    } else if (found && isJobFinished(j)) {
      removeActive(j.metadata.uid);
      emit(client, cj, "Normal", "SawCompletedJob", `Saw completed job: ${j.metadata.name}, condition: ${finishedType(j)}`);
    } else if (finishedType(j) === "Complete") {
      const done = timeMs(j.status?.completionTime);
      const last = timeMs(status.lastSuccessfulTime);
      if (j.status?.completionTime && (last === undefined || (done !== undefined && done > last))) status.lastSuccessfulTime = j.status.completionTime;
    }
  }
  // Active jobs that no longer exist.
  const uids = new Set(jobs.map((j) => j.metadata.uid));
  for (const ref of [...(status.active ?? [])]) {
    if (uids.has(ref.uid)) continue;
    const live = ref.name ? client.get("batch/v1", "Job", ref.namespace ?? cj.metadata.namespace, ref.name) : undefined;
    if (live && live.metadata.uid === ref.uid) continue;
    emit(client, cj, "Normal", "MissingJob", `Active job went missing: ${ref.name}`);
    removeActive(ref.uid);
  }

  const wake = run(client, cj, status, jobs, now, deleteJob, inActive);
  writeStatus(client, original, cj);
  return wake;
}

/** The scheduling half of syncCronJob; mutates `status`, returns the next wake-up. */
function run(
  client: ControllerClient,
  cj: KubeObject,
  status: { active?: ObjectRef[]; lastScheduleTime?: string },
  jobs: KubeObject[],
  now: number,
  deleteJob: (job: KubeObject) => boolean,
  inActive: (uid: string | undefined) => boolean,
): number | undefined {
  if (cj.metadata.deletionTimestamp) return undefined;
  const timeZone = cj.spec?.timeZone as string | undefined;
  if (timeZone != null && !isValidTimeZone(timeZone)) {
    eventOncePer(client, cj, "Warning", "UnknownTimeZone", `invalid timeZone: ${JSON.stringify(timeZone)}: unknown time zone ${timeZone}`);
    return undefined;
  }
  if (cj.spec?.suspend === true) return undefined;
  const schedule = (cj.spec?.schedule as string | undefined) ?? "";
  let sched: CronSchedule;
  try {
    sched = parseCronSchedule(timeZone != null ? `TZ=${timeZone} ${schedule}` : schedule);
  } catch (e) {
    if (!(e instanceof CronParseError)) throw e;
    eventOncePer(client, cj, "Warning", "UnparseableSchedule", `unparseable schedule: ${JSON.stringify(schedule)} : ${e.message}`);
    return undefined;
  }
  const next = () => futureWake(nextCronTime(sched, now), now);

  let scheduled: number | undefined;
  let missed: number;
  try {
    const r = mostRecentScheduleTime(cj, now, sched, true);
    scheduled = r.mostRecentMs;
    missed = r.missed;
  } catch (e) {
    if (!(e instanceof InvalidScheduleError)) throw e;
    eventOncePer(client, cj, "Warning", "InvalidSchedule", `invalid schedule: ${schedule} : ${e.message}`);
    return undefined;
  }
  if (scheduled === undefined || scheduled > now) return next();
  if (missed > MANY_MISSED) {
    eventOncePer(client, cj, "Warning", "TooManyMissedTimes", "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew", scheduled);
  }
  const deadline = cj.spec?.startingDeadlineSeconds as number | undefined;
  if (deadline != null && scheduled + deadline * 1000 < now) {
    eventOncePer(client, cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
    return next();
  }
  const name = jobNameFor(cj, scheduled);
  if ((status.active ?? []).some((r) => r.name === name) || timeMs(status.lastScheduleTime) === Math.floor(scheduled / 1000) * 1000) return next();
  if (cj.spec?.concurrencyPolicy === "Forbid" && (status.active ?? []).length > 0) {
    eventOncePer(client, cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", scheduled);
    return next();
  }
  if (cj.spec?.concurrencyPolicy === "Replace") {
    for (const ref of [...(status.active ?? [])]) {
      const job = jobs.find((j) => j.metadata.uid === ref.uid) ?? (ref.name ? client.get("batch/v1", "Job", cj.metadata.namespace, ref.name) : undefined);
      if (!job) {
        emit(client, cj, "Warning", "FailedGet", `Get job: jobs.batch ${JSON.stringify(ref.name ?? "")} not found`);
        return next();
      }
      if (!deleteJob(job)) return next();
    }
  }

  const template = (cj.spec?.jobTemplate ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> };
  const job: KubeObject = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}), [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduled, timeZone) },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: clone(template.spec ?? {}),
  };
  if (!Object.keys(job.metadata.labels!).length) delete job.metadata.labels;
  // A refused creation retries after a growing delay rather than on every pass.
  const retryAt = futureWake(failedCreateRetryAtMs(client, cj), now);
  if (retryAt !== undefined) return earliest(retryAt, next());
  let created: KubeObject;
  try {
    created = client.create(job);
    emit(client, cj, "Normal", "SuccessfulCreate", `Created job ${created.metadata.name}`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code !== 409) {
      emit(client, cj, "Warning", "FailedCreate", `Error creating job: ${errorMessage(e)}`);
      return earliest(futureWake(failedCreateRetryAtMs(client, cj), now), next());
    }
    // Created in an earlier pass that did not record it: adopt it into the active list if ours.
    const existing = client.get("batch/v1", "Job", cj.metadata.namespace, name);
    if (!existing || !existing.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === cj.metadata.uid) || inActive(existing.metadata.uid)) return next();
    created = existing;
  }
  status.active = [
    ...(status.active ?? []),
    { apiVersion: "batch/v1", kind: "Job", name: created.metadata.name, namespace: created.metadata.namespace, resourceVersion: created.metadata.resourceVersion, uid: created.metadata.uid },
  ];
  status.lastScheduleTime = rfc3339(scheduled);
  return next();
}

function writeStatus(client: ControllerClient, original: KubeObject, cj: KubeObject): void {
  if (deepEqual(original.status ?? {}, cj.status ?? {})) return;
  const fresh = client.get("batch/v1", "CronJob", original.metadata.namespace, original.metadata.name!);
  if (!fresh || fresh.metadata.uid !== original.metadata.uid) return;
  const next = clone(fresh);
  next.status = cj.status;
  client.updateStatus(next);
}
