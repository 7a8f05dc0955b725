// The Job controller (pkg/controller/job, 1.32): runs pods until `completions` succeed (parallelism at a
// time), counts finished pods through the batch.kubernetes.io/job-tracking finalizer (removed once a
// pod is counted), backs off after failures (10 s, doubling, at most 10 min), fails the Job past backoffLimit or
// activeDeadlineSeconds or on a podFailurePolicy FailJob rule, supports Indexed completion and suspend.
// As in 1.31+, the terminal Complete/Failed condition follows the interim SuccessCriteriaMet /
// FailureTarget condition once no pod is left terminating.
import type { KubeObject } from "../kinds/types";
import type { Controller, ControllerContext, ReconcileResult } from "./types";
import { earliest } from "./types";
import { ControllerClient } from "./client";
import { claimObjects } from "./controller-ref";
import { isPodActive, isPodReady, podFromTemplate, sortPodsForDeletion } from "./controller-utils";
import { cachedList, createPod, deletePod, event, failedCreateRetryAtMs, futureWake, KCM_MANAGER, timeMs } from "./workload-common";
import { clone, deepEqual } from "../machinery/json";
import { matches, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../machinery/labels";
import { rfc3339 } from "../machinery/time";
import { ApiError } from "../machinery/status";

const COMPONENT = "job-controller";
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const JOB_COMPLETION_INDEX = "batch.kubernetes.io/job-completion-index";
const JOB_COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";
const JOB_CONTROLLER_NAME = "kubernetes.io/job-controller";
const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
const MAX_UNCOUNTED_PODS = 500;

interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

const hasFinalizer = (p: KubeObject) => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
const phaseOf = (p: KubeObject) => p.status?.phase as string | undefined;
const isIndexed = (job: KubeObject) => job.spec?.completionMode === "Indexed";
const isSuspended = (job: KubeObject) => job.spec?.suspend === true;

function conditionOf(job: KubeObject, type: string): JobCondition | undefined {
  return ((job.status?.conditions ?? []) as JobCondition[]).find((c) => c.type === type);
}

function conditionTrue(job: KubeObject, type: string): boolean {
  return conditionOf(job, type)?.status === "True";
}

/** util.IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(job: KubeObject): boolean {
  return conditionTrue(job, "Complete") || conditionTrue(job, "Failed");
}

function newCondition(type: string, reason: string, message: string, nowMs: number): JobCondition {
  const t = rfc3339(nowMs);
  return { type, status: "True", lastProbeTime: t, lastTransitionTime: t, reason, message };
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed, or a podFailurePolicy. */
function onlyReplaceFailedPods(job: KubeObject): boolean {
  return job.spec?.podReplacementPolicy === "Failed" || job.spec?.podFailurePolicy != null;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
function isPodFailed(p: KubeObject, job: KubeObject): boolean {
  if (phaseOf(p) === "Failed") return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata.deletionTimestamp && phaseOf(p) !== "Succeeded";
}

/** getCompletionIndex: the pod's completion index annotation, -1 when missing or malformed. */
export function completionIndexOf(p: KubeObject): number {
  const v = p.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return -1;
  const n = Number(v);
  return n <= 2147483647 ? n : -1;
}

// ---------------------------------------------------------------------------------------------
// Completed indexes as intervals ("1,3-5,7")

/** orderedIntervals.String: runs of three or more as first-last, pairs as "a,b". */
export function formatIndexes(sorted: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j === i) parts.push(String(sorted[i]));
    else if (j === i + 1) parts.push(`${sorted[i]},${sorted[j]}`);
    else parts.push(`${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** parseIndexesFromString: indexes below `completions`; malformed parts are skipped. */
export function parseIndexes(s: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  if (!s) return out;
  for (const part of s.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    const first = Number(m[1]);
    const last = Math.min(m[2] !== undefined ? Number(m[2]) : first, completions - 1);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pod failure policy (pod_failure_policy.go), without FailIndex (backoffLimitPerIndex)

interface PolicyMatch {
  /** FailJob: the message of the Job's FailureTarget condition. */
  failJobMessage?: string;
  /** Whether the failure counts towards backoffLimit. */
  countFailed: boolean;
}

function matchPodFailurePolicy(job: KubeObject, pod: KubeObject): PolicyMatch {
  const rules = (job.spec?.podFailurePolicy?.rules ?? []) as Array<Record<string, any>>;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index];
    let matched: string | undefined;
    if (rule.onExitCodes) {
      const req = rule.onExitCodes;
      const statuses = [...((pod.status?.containerStatuses ?? []) as Array<Record<string, any>>), ...((pod.status?.initContainerStatuses ?? []) as Array<Record<string, any>>)];
      for (const cs of statuses) {
        const code = cs.state?.terminated?.exitCode as number | undefined;
        if (code === undefined || code === 0) continue;
        if (req.containerName && req.containerName !== cs.name) continue;
        const inValues = ((req.values ?? []) as number[]).includes(code);
        if ((req.operator === "In" && inValues) || (req.operator === "NotIn" && !inValues)) {
          matched = `Container ${cs.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching FailJob rule at index ${index}`;
          break;
        }
      }
    } else if (rule.onPodConditions) {
      const conds = (pod.status?.conditions ?? []) as Array<{ type: string; status: string }>;
      for (const pattern of rule.onPodConditions as Array<{ type: string; status?: string }>) {
        const c = conds.find((x) => x.type === pattern.type && x.status === (pattern.status ?? "True"));
        if (c) {
          matched = `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${c.type} matching FailJob rule at index ${index}`;
          break;
        }
      }
    }
    if (matched === undefined) continue;
    switch (rule.action) {
      case "Ignore":
        return { countFailed: false };
      case "Count":
        return { countFailed: true };
      case "FailJob":
        return { countFailed: true, failJobMessage: matched };
      default:
        continue; // FailIndex needs backoffLimitPerIndex; unknown actions are skipped
    }
  }
  return { countFailed: true };
}

// ---------------------------------------------------------------------------------------------
// Backoff between pod creations after failures (backoff_utils.go), derived from the pods' finish times

/** getFinishedTime: last container termination, the Ready=False transition, deletion, or creation. */
function finishedTimeMs(p: KubeObject): number {
  const statuses = (p.status?.containerStatuses ?? []) as Array<Record<string, any>>;
  if (statuses.length && statuses.every((s) => s.state?.terminated)) {
    const t = Math.max(...statuses.map((s) => timeMs(s.state.terminated.finishedAt) ?? -Infinity));
    if (Number.isFinite(t)) return t;
  }
  const ready = ((p.status?.conditions ?? []) as JobCondition[]).find((c) => c.type === "Ready" && c.status === "False");
  const rt = timeMs(ready?.lastTransitionTime);
  if (rt !== undefined) return rt;
  const deleted = timeMs(p.metadata.deletionTimestamp);
  if (deleted !== undefined) return deleted - ((p.metadata.deletionGracePeriodSeconds as number | undefined) ?? 0) * 1000;
  return timeMs(p.metadata.creationTimestamp) ?? 0;
}

/** When pod creation may resume: 10 s after the first failure since the last success, doubling, at most 10 min. */
function backoffUntilMs(job: KubeObject, pods: readonly KubeObject[]): number | undefined {
  const succeeded = pods.filter((p) => phaseOf(p) === "Succeeded").map(finishedTimeMs);
  const lastSuccess = succeeded.length ? Math.max(...succeeded) : -Infinity;
  const failures = pods
    .filter((p) => isPodFailed(p, job))
    .map(finishedTimeMs)
    .filter((t) => t > lastSuccess);
  if (!failures.length) return undefined;
  let delay = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures.length && delay < MAX_POD_FAILURE_BACKOFF_MS; i++) delay = Math.min(delay * 2, MAX_POD_FAILURE_BACKOFF_MS);
  return Math.max(...failures) + delay;
}

// ---------------------------------------------------------------------------------------------

interface SyncCtx {
  client: ControllerClient;
  ctx: ControllerContext;
  job: KubeObject;
  pods: KubeObject[];
  activePods: KubeObject[];
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Set<number>;
  succeededIndexes: Set<number>;
  finishedCondition?: JobCondition;
  wake?: number;
}

export const jobController: Controller = {
  name: COMPONENT,
  reconcile(ctx): ReconcileResult {
    const client = new ControllerClient(ctx, KCM_MANAGER);
    const jobs = cachedList(client, "batch/v1", "Job");
    const rv0 = ctx.state.store.resourceVersion;
    const jobsByUid = new Map(jobs.map((j) => [j.metadata.uid!, j]));
    cleanupOrphanFinalizers(client, podsToCheckForOrphans(ctx), jobsByUid);
    let wakeAtMs: number | undefined;
    for (const listed of jobs) {
      const job = client.get("batch/v1", "Job", listed.metadata.namespace, listed.metadata.name!);
      if (!job) continue;
      try {
        wakeAtMs = earliest(wakeAtMs, syncJob(client, ctx, job, cachedList(client, "v1", "Pod", job.metadata.namespace)));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    return { changed: ctx.state.store.resourceVersion !== rv0, wakeAtMs };
  },
};

const orphanScanRv = new WeakMap<object, number>();

/**
 * The pods that may hold an orphaned tracking finalizer: all of them the first time (or when the
 * change history no longer reaches back), afterwards only those changed since the last look (a Job's
 * deletion reaches its pods through the garbage collector, which changes them).
 */
function podsToCheckForOrphans(ctx: ControllerContext): KubeObject[] {
  const store = ctx.state.store;
  const last = orphanScanRv.get(store);
  orphanScanRv.set(store, store.resourceVersion);
  const changes = last === undefined ? undefined : store.changesSince(last);
  if (!changes) return store.list("pods");
  const out = new Map<string, KubeObject>();
  for (const ch of changes) {
    if (ch.resource !== "pods" || ch.type === "DELETED") continue;
    const ns = ch.object.metadata.namespace ?? "";
    const pod = store.get("pods", ns, ch.object.metadata.name!);
    if (pod) out.set(`${ns}/${pod.metadata.name}`, pod);
  }
  return [...out.values()];
}

/** syncOrphanPod: tracking finalizers of pods whose Job is gone or finished (or that lost their owner) go. */
function cleanupOrphanFinalizers(client: ControllerClient, pods: readonly KubeObject[], jobsByUid: Map<string, KubeObject>): void {
  for (const pod of pods) {
    if (!hasFinalizer(pod)) continue;
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (ref) {
      if (ref.kind !== "Job" || ref.apiVersion !== "batch/v1") continue;
      const job = jobsByUid.get(ref.uid);
      if (job && (job.spec?.managedBy ?? JOB_CONTROLLER_NAME) !== JOB_CONTROLLER_NAME) continue;
      if (job && !isJobFinished(job)) continue;
    }
    removeFinalizer(client, pod);
  }
}

function removeFinalizer(client: ControllerClient, pod: KubeObject): boolean {
  const fresh = client.get("v1", "Pod", pod.metadata.namespace, pod.metadata.name!);
  if (!fresh || fresh.metadata.uid !== pod.metadata.uid) return true;
  if (!hasFinalizer(fresh)) return true;
  const next = clone(fresh);
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  try {
    client.update(next);
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return e.code === 404;
  }
}

function syncJob(client: ControllerClient, ctx: ControllerContext, job: KubeObject, podsInNs: readonly KubeObject[]): number | undefined {
  if ((job.spec?.managedBy ?? JOB_CONTROLLER_NAME) !== JOB_CONTROLLER_NAME) return undefined;
  if (isJobFinished(job)) return undefined;
  let selector: LabelSelectorRequirementSet;
  try {
    selector = selectorFromLabelSelector(job.spec?.selector);
  } catch {
    return undefined;
  }
  const now = ctx.nowMs;
  const candidates = podsInNs.filter((p) => {
    const ref = p.metadata.ownerReferences?.find((r) => r.controller === true);
    return ref ? ref.uid === job.metadata.uid : true;
  });
  const ownedBefore = new Set(candidates.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller === true && r.uid === job.metadata.uid)).map((p) => p.metadata.uid));
  const pods = claimObjects(client, job, candidates, (p) => matches(selector, p.metadata.labels)).claimed.map((p) => {
    // Adopted pods get the tracking finalizer with their owner reference.
    if (ownedBefore.has(p.metadata.uid) || hasFinalizer(p) || p.metadata.deletionTimestamp || phaseOf(p) === "Succeeded" || phaseOf(p) === "Failed") return p;
    const next = clone(p);
    next.metadata.finalizers = [...(next.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
    try {
      return client.update(next);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return p;
    }
  });
  const status = clone(job.status ?? {}) as Record<string, any>;
  const uncounted = { succeeded: new Set<string>(status.uncountedTerminatedPods?.succeeded ?? []), failed: new Set<string>(status.uncountedTerminatedPods?.failed ?? []) };
  const activePods = pods.filter(isPodActive);
  const s: SyncCtx = {
    client,
    ctx,
    job,
    pods,
    activePods,
    ready: activePods.filter(isPodReady).length,
    terminating: pods.filter((p) => p.metadata.deletionTimestamp && phaseOf(p) !== "Succeeded" && phaseOf(p) !== "Failed").length,
    succeeded: 0,
    failed: 0,
    prevSucceededIndexes: new Set(),
    succeededIndexes: new Set(),
  };
  const completions = job.spec?.completions as number | undefined;
  const indexValid = (p: KubeObject) => !isIndexed(job) || (completionIndexOf(p) >= 0 && completionIndexOf(p) < (completions ?? 0));
  const fresh = (p: KubeObject) => hasFinalizer(p) && !uncounted.succeeded.has(p.metadata.uid!) && !uncounted.failed.has(p.metadata.uid!) && indexValid(p);
  const newSucceeded = pods.filter((p) => fresh(p) && phaseOf(p) === "Succeeded");
  const newFailed = pods.filter((p) => fresh(p) && isPodFailed(p, job));
  const countedNewFailed = job.spec?.podFailurePolicy ? newFailed.filter((p) => matchPodFailurePolicy(job, p).countFailed).length : newFailed.length;
  s.succeeded = (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size;
  s.failed = (status.failed ?? 0) + countedNewFailed + uncounted.failed.size;

  if (!status.startTime && !isSuspended(job)) status.startTime = rfc3339(now);

  const backoffLimit = (job.spec?.backoffLimit as number | undefined) ?? 6;
  const successCriteria = conditionOf(job, "SuccessCriteriaMet");
  if (successCriteria?.status === "True") s.finishedCondition = successCriteria;
  if (!s.finishedCondition) {
    const failureTarget = conditionOf(job, "FailureTarget");
    if (failureTarget?.status === "True") s.finishedCondition = failureTarget;
    else if (job.spec?.podFailurePolicy) {
      for (const p of pods) {
        if (!isPodFailed(p, job)) continue;
        const msg = matchPodFailurePolicy(job, p).failJobMessage;
        if (msg) {
          s.finishedCondition = newCondition("FailureTarget", "PodFailurePolicy", msg, now);
          break;
        }
      }
    }
  }
  if (!s.finishedCondition) {
    const startMs = timeMs(status.startTime);
    const deadline = job.spec?.activeDeadlineSeconds as number | undefined;
    if (s.failed > backoffLimit || pastBackoffLimitOnFailure(job, pods, backoffLimit)) {
      s.finishedCondition = newCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
    } else if (deadline != null && startMs !== undefined && !isSuspended(job)) {
      if (now - startMs >= deadline * 1000) s.finishedCondition = newCondition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline", now);
      else s.wake = earliest(s.wake, startMs + deadline * 1000);
    }
  }

  if (isIndexed(job)) {
    s.prevSucceededIndexes = parseIndexes(status.completedIndexes, completions ?? 0);
    s.succeededIndexes = new Set(s.prevSucceededIndexes);
    for (const p of pods) if (hasFinalizer(p) && phaseOf(p) === "Succeeded" && indexValid(p)) s.succeededIndexes.add(completionIndexOf(p));
    s.succeeded = s.succeededIndexes.size;
    if (!s.finishedCondition) {
      const msg = matchSuccessPolicy(job, completions ?? 0, s.succeededIndexes);
      if (msg) s.finishedCondition = newCondition("SuccessCriteriaMet", "SuccessPolicy", msg, now);
    }
  }

  let active = activePods.length;
  let suspendCondChanged = false;
  if (s.finishedCondition) {
    // Terminate what still runs; the Job finishes once nothing is left running.
    let deleted = 0;
    for (const p of activePods) {
      if (deletePod(client, COMPONENT, job, p)) {
        deleted++;
        if (isPodReady(p)) s.ready--;
      }
    }
    if (deleted !== active) s.finishedCondition = undefined;
    active -= deleted;
    s.terminating += deleted;
  } else {
    let manageCalled = false;
    if (!job.metadata.deletionTimestamp) {
      active = manageJob(s, active);
      manageCalled = true;
    }
    const complete = completions == null ? s.succeeded > 0 && active === 0 : s.succeeded >= completions && active === 0;
    if (complete) {
      s.finishedCondition = newCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now);
    } else if (manageCalled) {
      const conds = ((status.conditions ?? []) as JobCondition[]).map((c) => ({ ...c }));
      const susp = conds.find((c) => c.type === "Suspended");
      if (isSuspended(job)) {
        if (!susp || susp.status !== "True" || susp.reason !== "JobSuspended" || susp.message !== "Job suspended") {
          const c = newCondition("Suspended", "JobSuspended", "Job suspended", now);
          if (susp) Object.assign(susp, c);
          else conds.push(c);
          suspendCondChanged = true;
          event(client, COMPONENT, job, "Normal", "Suspended", "Job suspended");
        }
      } else if (susp && (susp.status !== "False" || susp.reason !== "JobResumed" || susp.message !== "Job resumed")) {
        Object.assign(susp, { ...newCondition("Suspended", "JobResumed", "Job resumed", now), status: "False" });
        suspendCondChanged = true;
        event(client, COMPONENT, job, "Normal", "Resumed", "Job resumed");
        // Resuming restarts the activeDeadlineSeconds clock.
        status.startTime = rfc3339(now);
      }
      if (suspendCondChanged) status.conditions = conds;
    }
  }
  status.active = active;
  status.ready = Math.max(0, s.ready);
  status.terminating = s.terminating;
  trackJobStatusAndRemoveFinalizers(s, status, uncounted);
  return s.wake;
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
function pastBackoffLimitOnFailure(job: KubeObject, pods: readonly KubeObject[], backoffLimit: number): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of pods) {
    if (phaseOf(p) !== "Running" && phaseOf(p) !== "Pending") continue;
    for (const cs of [...((p.status?.initContainerStatuses ?? []) as Array<{ restartCount?: number }>), ...((p.status?.containerStatuses ?? []) as Array<{ restartCount?: number }>)]) {
      restarts += cs.restartCount ?? 0;
    }
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}

/** matchSuccessPolicy: the first rule whose succeededIndexes/succeededCount the completed indexes satisfy. */
function matchSuccessPolicy(job: KubeObject, completions: number, succeeded: Set<number>): string | undefined {
  const rules = (job.spec?.successPolicy?.rules ?? []) as Array<{ succeededIndexes?: string; succeededCount?: number }>;
  if (!rules.length || !succeeded.size) return undefined;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (r.succeededIndexes != null) {
      const required = parseIndexes(r.succeededIndexes, completions);
      if (!required.size) continue;
      let n = 0;
      for (const ix of required) if (succeeded.has(ix)) n++;
      if (r.succeededCount == null ? n === required.size : n >= r.succeededCount) return `Matched rules at index ${i}`;
    } else if (r.succeededCount != null && succeeded.size >= r.succeededCount) {
      return `Matched rules at index ${i}`;
    }
  }
  return undefined;
}

/** deleteJobPods: the tracking finalizer goes first so these deletions are not counted as failures. */
function deleteJobPods(s: SyncCtx, pods: readonly KubeObject[]): number {
  let removed = 0;
  for (const p of pods) {
    if (!removeFinalizer(s.client, p)) continue;
    if (deletePod(s.client, COMPONENT, s.job, p)) {
      removed++;
      if (isPodReady(p)) s.ready--;
    }
  }
  return removed;
}

/** activePodsForRemoval: duplicate or out-of-range indexes first, then the least valuable pods. */
function activePodsForRemoval(s: SyncCtx, rmAtLeast: number): KubeObject[] {
  const rm: KubeObject[] = [];
  let left = s.activePods;
  if (isIndexed(s.job)) {
    const completions = (s.job.spec?.completions as number | undefined) ?? 0;
    const seen = new Set<number>();
    left = [];
    const byIndex = [...s.activePods].sort((a, b) => completionIndexOf(a) - completionIndexOf(b));
    for (const p of byIndex) {
      const ix = completionIndexOf(p);
      if (ix < 0 || ix >= completions || seen.has(ix)) rm.push(p);
      else {
        seen.add(ix);
        left.push(p);
      }
    }
  }
  if (rm.length < rmAtLeast) rm.push(...sortPodsForDeletion(left, new Map(), s.ctx.nowMs).slice(0, rmAtLeast - rm.length));
  return rm;
}

/** firstPendingIndexes: the lowest indexes neither succeeded nor running. */
function firstPendingIndexes(s: SyncCtx, count: number, completions: number): number[] {
  const taken = new Set<number>(s.succeededIndexes);
  for (const p of s.activePods) taken.add(completionIndexOf(p));
  if (onlyReplaceFailedPods(s.job)) {
    for (const p of s.pods) if (p.metadata.deletionTimestamp && phaseOf(p) !== "Succeeded" && phaseOf(p) !== "Failed") taken.add(completionIndexOf(p));
  }
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!taken.has(i)) out.push(i);
  return out;
}

/** manageJob: deletes pods beyond what is wanted, or creates the missing ones after any backoff. */
function manageJob(s: SyncCtx, active: number): number {
  const { job, client } = s;
  const now = s.ctx.nowMs;
  if (isSuspended(job)) {
    const removed = deleteJobPods(s, activePodsForRemoval(s, active));
    s.terminating += removed;
    return active - removed;
  }
  const parallelism = (job.spec?.parallelism as number | undefined) ?? 1;
  const completions = job.spec?.completions as number | undefined;
  let wantActive: number;
  if (completions == null) wantActive = s.succeeded > 0 ? active : parallelism;
  else wantActive = Math.max(0, Math.min(completions - s.succeeded, parallelism));

  const toDelete = activePodsForRemoval(s, Math.max(0, active - wantActive)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (toDelete.length) {
    const removed = deleteJobPods(s, toDelete);
    s.terminating += removed;
    return active - removed;
  }

  const terminating = onlyReplaceFailedPods(job) ? s.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;
  const backoff = futureWake(backoffUntilMs(job, s.pods), now);
  if (backoff !== undefined) {
    s.wake = earliest(s.wake, backoff);
    return active;
  }
  const retryAt = futureWake(failedCreateRetryAtMs(client, job), now);
  if (retryAt !== undefined) {
    s.wake = earliest(s.wake, retryAt);
    return active;
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] | undefined;
  if (isIndexed(job)) {
    indexes = firstPendingIndexes(s, diff, completions ?? 0);
    diff = indexes.length;
  }
  const template = clone(job.spec?.template ?? {}) as Record<string, any>;
  if (isIndexed(job)) addCompletionIndexEnv(template.spec ?? {});
  const md = (template.metadata ??= {});
  if (!(md.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) md.finalizers = [...(md.finalizers ?? []), JOB_TRACKING_FINALIZER];
  for (let i = 0; i < diff; i++) {
    const pod = podFromTemplate(template, job);
    if (indexes) {
      const ix = indexes[i];
      pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX]: String(ix) };
      pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [JOB_COMPLETION_INDEX]: String(ix) };
      pod.spec.hostname = `${job.metadata.name}-${ix}`;
      pod.metadata.generateName = indexedGenerateName(job.metadata.name!, ix);
    }
    if (createPod(client, COMPONENT, job, pod)) active++;
    else break; // slow start: stop at the first failure
  }
  return active;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix fits a label. */
function indexedGenerateName(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > 63 ? jobName.slice(0, 63 - suffix.length) + suffix : prefix;
}

/** addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the annotation in every (init) container. */
function addCompletionIndexEnv(spec: Record<string, any>): void {
  for (const c of [...((spec.initContainers ?? []) as Array<Record<string, any>>), ...((spec.containers ?? []) as Array<Record<string, any>>)]) {
    const env = (c.env ?? []) as Array<{ name: string }>;
    if (env.some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) continue;
    c.env = [...env, { name: JOB_COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } } }];
  }
}

/**
 * trackJobStatusAndRemoveFinalizers: counts finished pods (succeeded, failed, or every unfinished one when
 * the Job failed), removes their tracking finalizers, records the interim condition and, once nothing
 * is uncounted or terminating, the terminal one. Writes the status once if it differs.
 */
function trackJobStatusAndRemoveFinalizers(s: SyncCtx, status: Record<string, any>, uncounted: { succeeded: Set<string>; failed: Set<string> }): void {
  const { job, client } = s;
  const now = s.ctx.nowMs;
  const completions = (job.spec?.completions as number | undefined) ?? 0;
  const finishedIsFailure = s.finishedCondition !== undefined && s.finishedCondition.type !== "SuccessCriteriaMet" && s.finishedCondition.type !== "Complete";
  const newIndexes: number[] = [];
  let considered = 0;
  for (const pod of s.pods) {
    if (!hasFinalizer(pod)) continue;
    const failed = isPodFailed(pod, job);
    const removable = !!job.metadata.deletionTimestamp || s.finishedCondition !== undefined || phaseOf(pod) === "Succeeded" || failed;
    if (!removable) continue;
    const uid = pod.metadata.uid!;
    if (phaseOf(pod) === "Succeeded" && !uncounted.failed.has(uid)) {
      if (isIndexed(job)) {
        const ix = completionIndexOf(pod);
        if (ix >= 0 && ix < completions && !s.prevSucceededIndexes.has(ix)) newIndexes.push(ix);
      } else uncounted.succeeded.add(uid);
    } else if (failed || finishedIsFailure) {
      const ix = completionIndexOf(pod);
      if (!uncounted.failed.has(uid) && (!isIndexed(job) || (ix >= 0 && ix < completions))) {
        if (!job.spec?.podFailurePolicy || matchPodFailurePolicy(job, pod).countFailed) uncounted.failed.add(uid);
      }
    }
    // The finalizer goes now; a pod whose removal fails stays uncounted until a later pass.
    if (removeFinalizer(client, pod)) {
      if (uncounted.succeeded.delete(uid)) status.succeeded = (status.succeeded ?? 0) + 1;
      if (uncounted.failed.delete(uid)) status.failed = (status.failed ?? 0) + 1;
    }
    if (++considered >= MAX_UNCOUNTED_PODS) break;
  }
  // Pods counted in an earlier pass whose finalizer is gone by now.
  const nameByUid = new Map(s.pods.map((p) => [p.metadata.uid!, p.metadata.name!]));
  const stillTracked = (uid: string) => {
    const name = nameByUid.get(uid);
    const p = name === undefined ? undefined : client.get("v1", "Pod", job.metadata.namespace, name);
    return !!p && p.metadata.uid === uid && hasFinalizer(p);
  };
  for (const [set, key] of [
    [uncounted.succeeded, "succeeded"],
    [uncounted.failed, "failed"],
  ] as const) {
    for (const uid of [...set]) {
      if (stillTracked(uid)) continue;
      set.delete(uid);
      status[key] = (status[key] ?? 0) + 1;
    }
  }
  if (isIndexed(job)) {
    const all = [...new Set([...s.succeededIndexes, ...newIndexes])].sort((a, b) => a - b);
    status.completedIndexes = formatIndexes(all);
    status.succeeded = all.length;
  }
  status.uncountedTerminatedPods = {};
  if (uncounted.succeeded.size) status.uncountedTerminatedPods.succeeded = [...uncounted.succeeded];
  if (uncounted.failed.size) status.uncountedTerminatedPods.failed = [...uncounted.failed];

  // Interim conditions, then the terminal one once every pod is counted and none is terminating.
  const conds = ((status.conditions ?? []) as JobCondition[]).map((c) => ({ ...c }));
  let finished: JobCondition | undefined;
  if (s.finishedCondition) {
    const fc = s.finishedCondition;
    if (fc.type === "FailureTarget") {
      if (!conds.some((c) => c.type === "FailureTarget" && c.status === "True")) conds.push(fc);
      finished = newCondition("Failed", fc.reason ?? "", fc.message ?? "", now);
    } else if (fc.type === "SuccessCriteriaMet") {
      if (!conds.some((c) => c.type === "SuccessCriteriaMet" && c.status === "True")) conds.push(fc);
      finished = newCondition("Complete", fc.reason ?? "", fc.message ?? "", now);
    }
  }
  const uncountedLeft = uncounted.succeeded.size + uncounted.failed.size;
  let jobFinished = false;
  if (finished && uncountedLeft === 0 && s.terminating === 0) {
    const i = conds.findIndex((c) => c.type === finished!.type);
    if (i >= 0) conds[i] = finished;
    else conds.push(finished);
    if (finished.type === "Complete") status.completionTime = finished.lastTransitionTime;
    jobFinished = true;
  }
  if (conds.length) status.conditions = conds;
  for (const k of ["active", "succeeded", "failed"] as const) if (!status[k]) delete status[k];
  if (!status.completedIndexes && !isIndexed(job)) delete status.completedIndexes;

  const fresh = client.get("batch/v1", "Job", job.metadata.namespace, job.metadata.name!);
  if (!fresh || fresh.metadata.uid !== job.metadata.uid) return;
  if (!deepEqual(fresh.status ?? {}, status)) {
    const next = clone(fresh);
    next.status = status;
    client.updateStatus(next);
  }
  if (jobFinished) {
    if (finished!.type === "Complete") {
      if (job.spec?.completions != null && (status.succeeded ?? 0) > job.spec.completions) {
        event(client, COMPONENT, job, "Warning", "TooManySucceededPods", "Too many succeeded pods running after completion count reached");
      }
      event(client, COMPONENT, job, "Normal", "Completed", "Job completed");
    } else {
      event(client, COMPONENT, job, "Warning", finished!.reason ?? "", finished!.message ?? "");
    }
  }
}
