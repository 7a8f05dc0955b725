// CronJob (batch/v1). Sources: pkg/apis/batch/v1/defaults.go (SetDefaults_CronJob),
// pkg/apis/batch/validation/validation.go (ValidateCronJobCreate/Update, validateScheduleFormat with
// robfig/cron's ParseStandard, validateTimeZone, ValidateJobTemplateSpec), pkg/registry/batch/cronjob/strategy.go,
// printers.go (printCronJob). The schedule parser lives in machinery/cron.ts for the controller too.
import type { Cell, KindDef } from "../types";
import { bool, int, int64, kindSchema, list, obj, str, strEnum, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn, since } from "../common/print";
import { dropDisabledTemplateFields, ObjectReference } from "../common/pod";
import { invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { cronScheduleError, isValidTimeZone } from "../../machinery/cron";
import {
  CONTAINERS_DESC,
  containerCells,
  defaultPodTemplate,
  embeddedMetaDefaults,
  formatSelectorCell,
  goLabelSelector,
  IMAGES_DESC,
  validateNonnegative,
  type WorkloadObject,
} from "../apps/deployment";
import { JobSpec, validateJobSpecCommon } from "./job";

export const JobTemplateSpec = obj(
  {
    metadata: ObjectMeta.describe("Standard object's metadata of the jobs created from this template. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
    spec: JobSpec.describe("Specification of the desired behavior of the job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
  },
  { id: "io.k8s.api.batch.v1.JobTemplateSpec", desc: "JobTemplateSpec describes the data a Job should have when created from a template" },
);

export const CronJobSpec = obj(
  {
    concurrencyPolicy: strEnum(["Allow", "Forbid", "Replace"], "Specifies how to treat concurrent executions of a Job. Valid values are:\n\n- \"Allow\" (default): allows CronJobs to run concurrently; - \"Forbid\": forbids concurrent runs, skipping next run if previous run hasn't finished yet; - \"Replace\": cancels currently running job and replaces it with a new one\n\nPossible enum values:\n - `\"Allow\"` allows CronJobs to run concurrently.\n - `\"Forbid\"` forbids concurrent runs, skipping next run if previous hasn't finished yet.\n - `\"Replace\"` cancels currently running job and replaces it with a new one."),
    failedJobsHistoryLimit: int("The number of failed finished jobs to retain. Value must be non-negative integer. Defaults to 1."),
    jobTemplate: JobTemplateSpec.describe("Specifies the job that will be created when executing a CronJob."),
    schedule: str("The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
    startingDeadlineSeconds: int64("Optional deadline in seconds for starting the job if it misses scheduled time for any reason.  Missed jobs executions will be counted as failed ones."),
    successfulJobsHistoryLimit: int("The number of successful finished jobs to retain. Value must be non-negative integer. Defaults to 3."),
    suspend: bool("This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."),
    timeZone: str("The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones"),
  },
  { id: "io.k8s.api.batch.v1.CronJobSpec", desc: "CronJobSpec describes how the job execution will look like and when it will actually run.", required: ["schedule", "jobTemplate"] },
);

export const CronJobStatus = obj(
  {
    active: list(ObjectReference, { listType: "atomic", desc: "A list of pointers to currently running jobs." }),
    lastScheduleTime: time("Information when was the last time the job was successfully scheduled."),
    lastSuccessfulTime: time("Information when was the last time the job successfully completed."),
  },
  { id: "io.k8s.api.batch.v1.CronJobStatus", desc: "CronJobStatus represents the current state of a cron job." },
);

export interface CronJob extends WorkloadObject {}

const VALID_TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateScheduleFormat(schedule: string, allowTZInSchedule: boolean, timeZone: string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const err = cronScheduleError(schedule);
  if (err !== undefined) errs.push(invalid("spec.schedule", schedule, err));
  if (allowTZInSchedule && schedule.includes("TZ") && timeZone != null) {
    errs.push(invalid("spec.schedule", schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule"));
  } else if (!allowTZInSchedule && schedule.includes("TZ")) {
    errs.push(invalid("spec.schedule", schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  return errs;
}

function validateTimeZone(timeZone: string | undefined): FieldError[] {
  if (timeZone == null) return [];
  const p = "spec.timeZone";
  if (timeZone.length === 0) return [invalid(p, timeZone, "timeZone must be nil or non-empty string")];
  for (const part of timeZone.split("/")) {
    if (part === "." || part === ".." || part.startsWith("-") || !VALID_TIME_ZONE_PART.test(part)) {
      return [invalid(p, timeZone, `unknown time zone ${timeZone}`)];
    }
  }
  const errs: FieldError[] = [];
  if (timeZone.toLowerCase() === "local") {
    errs.push(invalid(p, timeZone, "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
  }
  // time.LoadLocation: "Local" loads (the server's zone); other names need zone data.
  if (timeZone !== "Local" && !isValidTimeZone(timeZone)) errs.push(invalid(p, timeZone, `unknown time zone ${timeZone}`));
  return errs;
}

function validateConcurrencyPolicy(policy: string | undefined): FieldError[] {
  const p = policy ?? "";
  if (p === "Allow" || p === "Forbid" || p === "Replace") return [];
  if (p === "") return [required("spec.concurrencyPolicy", "")];
  return [notSupported("spec.concurrencyPolicy", p, ["Allow", "Forbid", "Replace"])];
}

/** ValidateJobTemplateSpec: the job spec without a selector, which the CronJob controller generates. */
function validateJobTemplateSpec(jt: Record<string, any> | undefined, path: string): FieldError[] {
  const spec = jt?.spec ?? {};
  const errs = validateJobSpecCommon(spec, `${path}.spec`);
  if (spec.selector != null) errs.push(invalid(`${path}.spec.selector`, goLabelSelector(spec.selector), "`selector` will be auto-generated"));
  if (spec.manualSelector === true) errs.push(notSupported(`${path}.spec.manualSelector`, true, ["nil", "false"]));
  return errs;
}

function validateCronJobSpec(spec: Record<string, any>, oldSpec: Record<string, any> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  const schedule: string = spec.schedule ?? "";
  if (schedule.length === 0) errs.push(required("spec.schedule", ""));
  else errs.push(...validateScheduleFormat(schedule, oldSpec ? String(oldSpec.schedule ?? "").includes("TZ") : false, spec.timeZone));
  if (spec.startingDeadlineSeconds != null) errs.push(...validateNonnegative(spec.startingDeadlineSeconds, "spec.startingDeadlineSeconds"));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone));
  errs.push(...validateConcurrencyPolicy(spec.concurrencyPolicy));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate, "spec.jobTemplate"));
  if (spec.successfulJobsHistoryLimit != null) errs.push(...validateNonnegative(spec.successfulJobsHistoryLimit, "spec.successfulJobsHistoryLimit"));
  if (spec.failedJobsHistoryLimit != null) errs.push(...validateNonnegative(spec.failedJobsHistoryLimit, "spec.failedJobsHistoryLimit"));
  return errs;
}

/** printBoolPtr. */
function boolPtrCell(v: boolean | undefined): string {
  if (v === undefined || v === null) return "<unset>";
  return v ? "True" : "False";
}

export const cronJob: KindDef<CronJob> = {
  group: "batch",
  version: "v1",
  kind: "CronJob",
  plural: "cronjobs",
  singular: "cronjob",
  shortNames: ["cj"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.batch.v1.CronJob",
    "CronJob represents the configuration of a single cron job.",
    {
      spec: CronJobSpec.describe("Specification of the desired behavior of a cron job, including the schedule. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: CronJobStatus.describe("Current status of a cron job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(cj, ctx) {
    const spec = (cj.spec ??= {});
    if (!spec.concurrencyPolicy) spec.concurrencyPolicy = "Allow";
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
    // The job template gets no Job defaults, only the pod template's (and Go's embedded-meta quirk).
    const jt = (spec.jobTemplate ??= {});
    embeddedMetaDefaults(jt);
    const js = (jt.spec ??= {});
    for (const rule of js.podFailurePolicy?.rules ?? []) {
      for (const pattern of rule.onPodConditions ?? []) if (!pattern.status) pattern.status = "True";
    }
    defaultPodTemplate((js.template ??= {}), ctx);
  },
  prepareForUpdate(cj, old) {
    dropDisabledTemplateFields(cj.spec?.jobTemplate?.spec?.template, old.spec?.jobTemplate?.spec?.template);
  },
  prepareForCreate(cj) {
    dropDisabledTemplateFields(cj.spec?.jobTemplate?.spec?.template);
    cj.status = {};
  },
  validate(cj, ctx) {
    const old = ctx.old as CronJob | undefined;
    if (ctx.subresource === "status") return [];
    const errs = validateCronJobSpec(cj.spec ?? {}, old?.spec);
    const name = cj.metadata.name ?? "";
    // The controller appends an 11-character suffix to Job names; update skips the check.
    if (!old && name.length > 63 - 11) errs.push(invalid("metadata.name", name, "must be no more than 52 characters"));
    return errs;
  },
  columns: [
    nameColumn(),
    col("Schedule", "string", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
    col("Timezone", "string", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones"),
    col("Suspend", "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false."),
    col("Active", "integer", "A list of pointers to currently running jobs."),
    col("Last Schedule", "string", "Information when was the last time the job was successfully scheduled."),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
    col("Selector", "string", "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
  ],
  printRow(cj, ctx): Cell[] {
    const spec = cj.spec ?? {};
    const status = cj.status ?? {};
    const last = status.lastScheduleTime ? since(status.lastScheduleTime, ctx.nowMs) : "<none>";
    const jobSpec = spec.jobTemplate?.spec ?? {};
    const [names, images] = containerCells(jobSpec.template?.spec);
    return [
      cj.metadata.name!,
      spec.schedule ?? "",
      spec.timeZone ?? "<none>",
      boolPtrCell(spec.suspend),
      (status.active ?? []).length,
      last,
      age(cj, ctx.nowMs),
      names,
      images,
      formatSelectorCell(jobSpec.selector),
    ];
  },
};
