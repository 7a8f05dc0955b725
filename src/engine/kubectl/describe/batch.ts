// Job and CronJob describers (describe.go's describeJob, describeCronJob, describeJobTemplate).
import { getJson, groupPath, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { controllerOf, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, rfc1123z, selectorString, timeMs, type Obj } from "./format";
import { humanDuration } from "../../machinery/duration";
import { describePodTemplate } from "./pod";
import { LEVEL_0, tabbedString, type PrefixWriter } from "./writer";

const set = (v: unknown) => v !== undefined && v !== null;

/** LabelSelectorAsSelector(...).String(), or kubectl's "Failed to get selector" line. */
function selectorLine(selector: unknown): string {
  try {
    return `Selector:\t${selectorString(selector)}\n`;
  } catch (e) {
    return `Selector:\tFailed to get selector: ${(e as Error).message}\n`;
  }
}

export const describeJob: Describer = async (ctx, ns, name) => {
  const job = await getJson(ctx, groupPath("batch/v1", "jobs", ns, name));
  const events = await eventsFor(ctx, refOf(job, "Job"));
  return renderJob(job, events, ctx.nowMs);
};

export function renderJob(job: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = job.spec ?? {};
    const status = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, selectorLine(spec.selector));
    printLabelsMultiline(w, "Labels", job.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", job.metadata?.annotations);
    const controlledBy = controllerOf(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (set(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, set(spec.completions) ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
    if (set(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (set(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (set(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (set(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(timeMs(status.completionTime) - timeMs(status.startTime))}\n`);
    if (set(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (!set(status.ready)) w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active (${status.ready} Ready) / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
    if (spec.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes ?? "", 50)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, nowMs);
  });
}

/** capIndexesListOrNone: the list cut after the first comma past `softLimit` characters. */
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return "<none>";
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ",") ix++;
  if (ix >= indexes.length) return indexes;
  return indexes.slice(0, ix + 1) + "...";
}

export const describeCronJob: Describer = async (ctx, ns, name) => {
  const cj = await getJson(ctx, groupPath("batch/v1", "cronjobs", ns, name));
  const events = await eventsFor(ctx, refOf(cj, "CronJob"));
  return renderCronJob(cj, events, ctx.nowMs);
};

export function renderCronJob(cj: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = cj.spec ?? {};
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", cj.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ""}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, set(spec.successfulJobsHistoryLimit) ? `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit}\n` : "Successful Job History Limit:\t<unset>\n");
    w.write(LEVEL_0, set(spec.failedJobsHistoryLimit) ? `Failed Job History Limit:\t${spec.failedJobsHistoryLimit}\n` : "Failed Job History Limit:\t<unset>\n");
    w.write(LEVEL_0, set(spec.startingDeadlineSeconds) ? `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds}s\n` : "Starting Deadline Seconds:\t<unset>\n");
    describeJobTemplate(spec.jobTemplate ?? {}, w);
    w.write(LEVEL_0, cj.status?.lastScheduleTime ? `Last Schedule Time:\t${rfc1123z(cj.status.lastScheduleTime)}\n` : "Last Schedule Time:\t<unset>\n");
    w.write(LEVEL_0, "Active Jobs:\t");
    const active: Obj[] = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine("<none>");
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ", ");
        w.write(LEVEL_0, j.name ?? "");
      });
      w.writeLine("");
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

function describeJobTemplate(t: Obj, w: PrefixWriter): void {
  const spec = t.spec ?? {};
  w.write(LEVEL_0, spec.selector ? selectorLine(spec.selector) : "Selector:\t<unset>\n");
  w.write(LEVEL_0, set(spec.parallelism) ? `Parallelism:\t${spec.parallelism}\n` : "Parallelism:\t<unset>\n");
  w.write(LEVEL_0, set(spec.completions) ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
  if (set(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(spec.template, w);
}
