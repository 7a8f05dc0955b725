// Job (batch/v1). Sources: pkg/apis/batch/v1/defaults.go (SetDefaults_Job), pkg/registry/batch/job/strategy.go
// (PrepareForCreate generates the selector and the job-name/controller-uid labels; the status.successful
// field selector), pkg/apis/batch/validation/validation.go (ValidateJob*), printers.go (printJob).
import { z } from "zod";
import type { Cell, DefaultContext, KindDef } from "../types";
import { bool, int, int64, kindSchema, list, obj, str, strEnum, strList, time } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { dropDisabledTemplateFields, PodTemplateSpec } from "../common/pod";
import { duplicate, GoValue, goQuote, goStringMap, invalid, notSupported, required, tooMany, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Label, isQualifiedName } from "../../machinery/names";
import { humanDuration } from "../../machinery/duration";
import { parseRfc3339 } from "../../machinery/time";
import {
  CONTAINERS_DESC,
  containerCells,
  defaultPodTemplate,
  formatSelectorCell,
  goLabelSelector,
  IMAGES_DESC,
  selectorOrUndefined,
  semanticEqual,
  validateImmutable,
  validateLabelSelector,
  validateNonnegative,
  validateTemplate,
  type PodTemplate,
  type WorkloadObject,
} from "../apps/deployment";
import { matches } from "../../machinery/labels";

export const PodFailurePolicyOnExitCodesRequirement = obj(
  {
    containerName: str("Restricts the check for exit codes to the container with the specified name. When null, the rule applies to all containers. When specified, it should match one the container or initContainer names in the pod template."),
    operator: strEnum(["In", "NotIn"], "Represents the relationship between the container exit code(s) and the specified values. Containers completed with success (exit code 0) are excluded from the requirement check. Possible values are:\n\n- In: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is in the set of specified values.\n- NotIn: the requirement is satisfied if at least one container exit code\n  (might be multiple if there are multiple containers not restricted\n  by the 'containerName' field) is not in the set of specified values.\nAdditional values are considered to be added in the future. Clients should react to an unknown operator by assuming the requirement is not satisfied.\n\nPossible enum values:\n - `\"In\"`\n - `\"NotIn\"`"),
    values: list(z.number().int(), { listType: "set", desc: "Specifies the set of values. Each returned container exit code (might be multiple in case of multiple containers) is checked against this set of values with respect to the operator. The list of values must be ordered and must not contain duplicates. Value '0' cannot be used for the In operator. At least one element is required. At most 255 elements are allowed." }),
  },
  { id: "io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement", desc: "PodFailurePolicyOnExitCodesRequirement describes the requirement for handling a failed pod based on its container exit codes. In particular, it lookups the .state.terminated.exitCode for each app container and init container status, represented by the .status.containerStatuses and .status.initContainerStatuses fields in the Pod status, respectively. Containers completed with success (exit code 0) are excluded from the requirement check.", required: ["operator", "values"] },
);

export const PodFailurePolicyOnPodConditionsPattern = obj(
  {
    status: str("Specifies the required Pod condition status. To match a pod condition it is required that the specified status equals the pod condition status. Defaults to True."),
    type: str("Specifies the required Pod condition type. To match a pod condition it is required that specified type equals the pod condition type."),
  },
  { id: "io.k8s.api.batch.v1.PodFailurePolicyOnPodConditionsPattern", desc: "PodFailurePolicyOnPodConditionsPattern describes a pattern for matching an actual pod condition type.", required: ["type", "status"] },
);

export const PodFailurePolicyRule = obj(
  {
    action: strEnum(["Count", "FailIndex", "FailJob", "Ignore"], "Specifies the action taken on a pod failure when the requirements are satisfied. Possible values are:\n\n- FailJob: indicates that the pod's job is marked as Failed and all\n  running pods are terminated.\n- FailIndex: indicates that the pod's index is marked as Failed and will\n  not be restarted.\n  This value is beta-level. It can be used when the\n  `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default).\n- Ignore: indicates that the counter towards the .backoffLimit is not\n  incremented and a replacement pod is created.\n- Count: indicates that the pod is handled in the default way - the\n  counter towards the .backoffLimit is incremented.\nAdditional values are considered to be added in the future. Clients should react to an unknown action by skipping the rule.\n\nPossible enum values:\n - `\"Count\"` This is an action which might be taken on a pod failure - the pod failure is handled in the default way - the counter towards .backoffLimit, represented by the job's .status.failed field, is incremented.\n - `\"FailIndex\"` This is an action which might be taken on a pod failure - mark the Job's index as failed to avoid restarts within this index. This action can only be used when backoffLimitPerIndex is set. This value is beta-level.\n - `\"FailJob\"` This is an action which might be taken on a pod failure - mark the pod's job as Failed and terminate all running pods.\n - `\"Ignore\"` This is an action which might be taken on a pod failure - the counter towards .backoffLimit, represented by the job's .status.failed field, is not incremented and a replacement pod is created."),
    onExitCodes: PodFailurePolicyOnExitCodesRequirement.describe("Represents the requirement on the container exit codes."),
    onPodConditions: list(PodFailurePolicyOnPodConditionsPattern, { listType: "atomic", desc: "Represents the requirement on the pod conditions. The requirement is represented as a list of pod condition patterns. The requirement is satisfied if at least one pattern matches an actual pod condition. At most 20 elements are allowed." }),
  },
  { id: "io.k8s.api.batch.v1.PodFailurePolicyRule", desc: "PodFailurePolicyRule describes how a pod failure is handled when the requirements are met. One of onExitCodes and onPodConditions, but not both, can be used in each rule.", required: ["action"] },
);

export const PodFailurePolicy = obj(
  {
    rules: list(PodFailurePolicyRule, { listType: "atomic", desc: "A list of pod failure policy rules. The rules are evaluated in order. Once a rule matches a Pod failure, the remaining of the rules are ignored. When no rule matches the Pod failure, the default handling applies - the counter of pod failures is incremented and it is checked against the backoffLimit. At most 20 elements are allowed." }),
  },
  { id: "io.k8s.api.batch.v1.PodFailurePolicy", desc: "PodFailurePolicy describes how failed pods influence the backoffLimit.", required: ["rules"] },
);

export const SuccessPolicyRule = obj(
  {
    succeededCount: int("succeededCount specifies the minimal required size of the actual set of the succeeded indexes for the Job. When succeededCount is used along with succeededIndexes, the check is constrained only to the set of indexes specified by succeededIndexes. For example, given that succeededIndexes is \"1-4\", succeededCount is \"3\", and completed indexes are \"1\", \"3\", and \"5\", the Job isn't declared as succeeded because only \"1\" and \"3\" indexes are considered in that rules. When this field is null, this doesn't default to any value and is never evaluated at any time. When specified it needs to be a positive integer."),
    succeededIndexes: str("succeededIndexes specifies the set of indexes which need to be contained in the actual set of the succeeded indexes for the Job. The list of indexes must be within 0 to \".spec.completions-1\" and must not contain duplicates. At least one element is required. The indexes are represented as intervals separated by commas. The intervals can be a decimal integer or a pair of decimal integers separated by a hyphen. The number are listed in represented by the first and last element of the series, separated by a hyphen. For example, if the completed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\". When this field is null, this field doesn't default to any value and is never evaluated at any time."),
  },
  { id: "io.k8s.api.batch.v1.SuccessPolicyRule", desc: "SuccessPolicyRule describes rule for declaring a Job as succeeded. Each rule must have at least one of the \"succeededIndexes\" or \"succeededCount\" specified." },
);

export const SuccessPolicy = obj(
  {
    rules: list(SuccessPolicyRule, { listType: "atomic", desc: "rules represents the list of alternative rules for the declaring the Jobs as successful before `.status.succeeded >= .spec.completions`. Once any of the rules are met, the \"SucceededCriteriaMet\" condition is added, and the lingering pods are removed. The terminal state for such a Job has the \"Complete\" condition. Additionally, these rules are evaluated in order; Once the Job meets one of the rules, other rules are ignored. At most 20 elements are allowed." }),
  },
  { id: "io.k8s.api.batch.v1.SuccessPolicy", desc: "SuccessPolicy describes when a Job can be declared as succeeded based on the success of some indexes.", required: ["rules"] },
);

export const JobSpec = obj(
  {
    activeDeadlineSeconds: int64("Specifies the duration in seconds relative to the startTime that the job may be continuously active before the system tries to terminate it; value must be positive integer. If a Job is suspended (at creation or through an update), this timer will effectively be stopped and reset when the Job is resumed again."),
    backoffLimit: int("Specifies the number of retries before marking this job failed. Defaults to 6"),
    backoffLimitPerIndex: int("Specifies the limit for the number of retries within an index before marking this index as failed. When enabled the number of failures per index is kept in the pod's batch.kubernetes.io/job-index-failure-count annotation. It can only be set when Job's completionMode=Indexed, and the Pod's restart policy is Never. The field is immutable. This field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)."),
    completionMode: strEnum(["Indexed", "NonIndexed"], "completionMode specifies how Pod completions are tracked. It can be `NonIndexed` (default) or `Indexed`.\n\n`NonIndexed` means that the Job is considered complete when there have been .spec.completions successfully completed Pods. Each Pod completion is homologous to each other.\n\n`Indexed` means that the Pods of a Job get an associated completion index from 0 to (.spec.completions - 1), available in the annotation batch.kubernetes.io/job-completion-index. The Job is considered complete when there is one successfully completed Pod for each index. When value is `Indexed`, .spec.completions must be specified and `.spec.parallelism` must be less than or equal to 10^5. In addition, The Pod name takes the form `$(job-name)-$(index)-$(random-string)`, the Pod hostname takes the form `$(job-name)-$(index)`.\n\nMore completion modes can be added in the future. If the Job controller observes a mode that it doesn't recognize, which is possible during upgrades due to version skew, the controller skips updates for the Job.\n\nPossible enum values:\n - `\"Indexed\"` is a Job completion mode. In this mode, the Pods of a Job get an associated completion index from 0 to (.spec.completions - 1). The Job is considered complete when a Pod completes for each completion index.\n - `\"NonIndexed\"` is a Job completion mode. In this mode, the Job is considered complete when there have been .spec.completions successfully completed Pods. Pod completions are homologous to each other."),
    completions: int("Specifies the desired number of successfully finished pods the job should be run with.  Setting to null means that the success of any pod signals the success of all pods, and allows parallelism to have any positive value.  Setting to 1 means that parallelism is limited to 1 and the success of that pod signals the success of the job. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/"),
    managedBy: str("ManagedBy field indicates the controller that manages a Job. The k8s Job controller reconciles jobs which don't have this field at all or the field value is the reserved string `kubernetes.io/job-controller`, but skips reconciling Jobs with a custom value for this field. The value must be a valid domain-prefixed path (e.g. acme.io/foo) - all characters before the first \"/\" must be a valid subdomain as defined by RFC 1123. All characters trailing the first \"/\" must be valid HTTP Path characters as defined by RFC 3986. The value cannot exceed 63 characters. This field is immutable.\n\nThis field is beta-level. The job controller accepts setting the field when the feature gate JobManagedBy is enabled (enabled by default)."),
    manualSelector: bool("manualSelector controls generation of pod labels and pod selectors. Leave `manualSelector` unset unless you are certain what you are doing. When false or unset, the system pick labels unique to this job and appends those labels to the pod template.  When true, the user is responsible for picking unique labels and specifying the selector.  Failure to pick a unique label may cause this and other jobs to not function correctly.  However, You may see `manualSelector=true` in jobs that were created with the old `extensions/v1beta1` API. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/#specifying-your-own-pod-selector"),
    maxFailedIndexes: int("Specifies the maximal number of failed indexes before marking the Job as failed, when backoffLimitPerIndex is set. Once the number of failed indexes exceeds this number the entire Job is marked as Failed and its execution is terminated. When left as null the job continues execution of all of its indexes and is marked with the `Complete` Job condition. It can only be specified when backoffLimitPerIndex is set. It can be null or up to completions. It is required and must be less than or equal to 10^4 when is completions greater than 10^5. This field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)."),
    parallelism: int("Specifies the maximum desired number of pods the job should run at any given time. The actual number of pods running in steady state will be less than this number when ((.spec.completions - .status.successful) < .spec.parallelism), i.e. when the work left to do is less than max parallelism. More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/"),
    podFailurePolicy: PodFailurePolicy.describe("Specifies the policy of handling failed pods. In particular, it allows to specify the set of actions and conditions which need to be satisfied to take the associated action. If empty, the default behaviour applies - the counter of failed pods, represented by the jobs's .status.failed field, is incremented and it is checked against the backoffLimit. This field cannot be used in combination with restartPolicy=OnFailure."),
    podReplacementPolicy: strEnum(["Failed", "TerminatingOrFailed"], "podReplacementPolicy specifies when to create replacement Pods. Possible values are: - TerminatingOrFailed means that we recreate pods\n  when they are terminating (has a metadata.deletionTimestamp) or failed.\n- Failed means to wait until a previously created Pod is fully terminated (has phase\n  Failed or Succeeded) before creating a replacement Pod.\n\nWhen using podFailurePolicy, Failed is the the only allowed value. TerminatingOrFailed and Failed are allowed values when podFailurePolicy is not in use. This is an beta field. To use this, enable the JobPodReplacementPolicy feature toggle. This is on by default.\n\nPossible enum values:\n - `\"Failed\"` means to wait until a previously created Pod is fully terminated (has phase Failed or Succeeded) before creating a replacement Pod.\n - `\"TerminatingOrFailed\"` means that we recreate pods when they are terminating (has a metadata.deletionTimestamp) or failed."),
    selector: LabelSelector.describe("A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors"),
    successPolicy: SuccessPolicy.describe("successPolicy specifies the policy when the Job can be declared as succeeded. If empty, the default behavior applies - the Job is declared as succeeded only when the number of succeeded pods equals to the completions. When the field is specified, it must be immutable and works only for the Indexed Jobs. Once the Job meets the SuccessPolicy, the lingering pods are terminated.\n\nThis field is beta-level. To use this field, you must enable the `JobSuccessPolicy` feature gate (enabled by default)."),
    suspend: bool("suspend specifies whether the Job controller should create Pods or not. If a Job is created with suspend set to true, no Pods are created by the Job controller. If a Job is suspended after creation (i.e. the flag goes from false to true), the Job controller will delete all active Pods associated with this Job. Users must design their workload to gracefully handle this. Suspending a Job will reset the StartTime field of the Job, effectively resetting the ActiveDeadlineSeconds timer too. Defaults to false."),
    template: PodTemplateSpec.describe("Describes the pod that will be created when executing a job. The only allowed template.spec.restartPolicy values are \"Never\" or \"OnFailure\". More info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/"),
    ttlSecondsAfterFinished: int("ttlSecondsAfterFinished limits the lifetime of a Job that has finished execution (either Complete or Failed). If this field is set, ttlSecondsAfterFinished after the Job finishes, it is eligible to be automatically deleted. When the Job is being deleted, its lifecycle guarantees (e.g. finalizers) will be honored. If this field is unset, the Job won't be automatically deleted. If this field is set to zero, the Job becomes eligible to be deleted immediately after it finishes."),
  },
  { id: "io.k8s.api.batch.v1.JobSpec", desc: "JobSpec describes how the job execution will look like.", required: ["template"] },
);

export const JobCondition = obj(
  {
    lastProbeTime: time("Last time the condition was checked."),
    lastTransitionTime: time("Last time the condition transit from one status to another."),
    message: str("Human readable message indicating details about last transition."),
    reason: str("(brief) reason for the condition's last transition."),
    status: str("Status of the condition, one of True, False, Unknown."),
    type: str("Type of job condition, Complete or Failed."),
  },
  { id: "io.k8s.api.batch.v1.JobCondition", desc: "JobCondition describes current state of a job.", required: ["type", "status"] },
);

export const UncountedTerminatedPods = obj(
  {
    failed: strList({ listType: "set", desc: "failed holds UIDs of failed Pods." }),
    succeeded: strList({ listType: "set", desc: "succeeded holds UIDs of succeeded Pods." }),
  },
  { id: "io.k8s.api.batch.v1.UncountedTerminatedPods", desc: "UncountedTerminatedPods holds UIDs of Pods that have terminated but haven't been accounted in Job status counters." },
);

export const JobStatus = obj(
  {
    active: int("The number of pending and running pods which are not terminating (without a deletionTimestamp). The value is zero for finished jobs."),
    completedIndexes: str("completedIndexes holds the completed indexes when .spec.completionMode = \"Indexed\" in a text format. The indexes are represented as decimal integers separated by commas. The numbers are listed in increasing order. Three or more consecutive numbers are compressed and represented by the first and last element of the series, separated by a hyphen. For example, if the completed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\"."),
    completionTime: time("Represents time when the job was completed. It is not guaranteed to be set in happens-before order across separate operations. It is represented in RFC3339 form and is in UTC. The completion time is set when the job finishes successfully, and only then. The value cannot be updated or removed. The value indicates the same or later point in time as the startTime field."),
    conditions: list(JobCondition, { mergeKey: "type", strategy: "merge", listType: "atomic", desc: "The latest available observations of an object's current state. When a Job fails, one of the conditions will have type \"Failed\" and status true. When a Job is suspended, one of the conditions will have type \"Suspended\" and status true; when the Job is resumed, the status of this condition will become false. When a Job is completed, one of the conditions will have type \"Complete\" and status true.\n\nA job is considered finished when it is in a terminal condition, either \"Complete\" or \"Failed\". A Job cannot have both the \"Complete\" and \"Failed\" conditions. Additionally, it cannot be in the \"Complete\" and \"FailureTarget\" conditions. The \"Complete\", \"Failed\" and \"FailureTarget\" conditions cannot be disabled.\n\nMore info: https://kubernetes.io/docs/concepts/workloads/controllers/jobs-run-to-completion/" }),
    failed: int("The number of pods which reached phase Failed. The value increases monotonically."),
    failedIndexes: str("FailedIndexes holds the failed indexes when spec.backoffLimitPerIndex is set. The indexes are represented in the text format analogous as for the `completedIndexes` field, ie. they are kept as decimal integers separated by commas. The numbers are listed in increasing order. Three or more consecutive numbers are compressed and represented by the first and last element of the series, separated by a hyphen. For example, if the failed indexes are 1, 3, 4, 5 and 7, they are represented as \"1,3-5,7\". The set of failed indexes cannot overlap with the set of completed indexes.\n\nThis field is beta-level. It can be used when the `JobBackoffLimitPerIndex` feature gate is enabled (enabled by default)."),
    ready: int("The number of active pods which have a Ready condition and are not terminating (without a deletionTimestamp)."),
    startTime: time("Represents time when the job controller started processing a job. When a Job is created in the suspended state, this field is not set until the first time it is resumed. This field is reset every time a Job is resumed from suspension. It is represented in RFC3339 form and is in UTC.\n\nOnce set, the field can only be removed when the job is suspended. The field cannot be modified while the job is unsuspended or finished."),
    succeeded: int("The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs."),
    terminating: int("The number of pods which are terminating (in phase Pending or Running and have a deletionTimestamp).\n\nThis field is beta-level. The job controller populates the field when the feature gate JobPodReplacementPolicy is enabled (enabled by default)."),
    uncountedTerminatedPods: UncountedTerminatedPods.describe("uncountedTerminatedPods holds the UIDs of Pods that have terminated but the job controller hasn't yet accounted for in the status counters.\n\nThe job controller creates pods with a finalizer. When a pod terminates (succeeded or failed), the controller does three steps to account for it in the job status:\n\n1. Add the pod UID to the arrays in this field. 2. Remove the pod finalizer. 3. Remove the pod UID from the arrays while increasing the corresponding\n    counter.\n\nOld jobs might not be tracked using this field, in which case the field remains null. The structure is empty for finished jobs."),
  },
  { id: "io.k8s.api.batch.v1.JobStatus", desc: "JobStatus represents the current state of a Job." },
);


export interface Job extends WorkloadObject {}

export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
export const LEGACY_JOB_NAME_LABEL = "job-name";
export const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS = 20;
const MAX_SUCCESS_POLICY_RULES = 20;

/** Go's %#v-ish rendering of a JSON value as the internal struct it decodes to (approximate field set). */
export function goish(v: unknown, typeName: string): GoValue {
  const render = (x: unknown, t: string): string => {
    if (x === undefined || x === null) return `(${t})(nil)`;
    if (typeof x === "string") return goQuote(x);
    if (typeof x === "number" || typeof x === "boolean") return String(x);
    if (Array.isArray(x)) {
      const el = t.startsWith("[]") ? t.slice(2) : "interface {}";
      return `${t.startsWith("[]") ? t : "[]interface {}"}{${x.map((e) => render(e, el)).join(", ")}}`;
    }
    const o = x as Record<string, unknown>;
    const fields = Object.keys(o).map((k) => {
      const child = o[k];
      const fieldType = Array.isArray(child) ? "[]interface {}" : child && typeof child === "object" ? "struct" : "";
      const name = k.charAt(0).toUpperCase() + k.slice(1);
      if (child && typeof child === "object" && !Array.isArray(child) && Object.values(child).every((c) => typeof c === "string")) {
        return `${name}:${goStringMap(child as Record<string, string>).text}`;
      }
      return `${name}:${render(child, fieldType)}`;
    });
    return `${t === "struct" ? "" : t}{${fields.join(", ")}}`;
  };
  return new GoValue(render(v, typeName));
}

function isIndexed(spec: Record<string, any>): boolean {
  return (spec.completionMode ?? "NonIndexed") === "Indexed";
}

/** Job spec defaults (SetDefaults_Job without the metadata part); also used for CronJob job templates' pattern defaults. */
function defaultPodFailurePolicy(spec: Record<string, any>): void {
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) if (!pattern.status) pattern.status = "True";
  }
}

function validateIndexesFormat(indexes: string, completions: number): { total: number; error?: string } {
  if (indexes.length === 0) return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of indexes.split(",")) {
    const limits = interval.split("-");
    if (limits.length > 2) return { total: 0, error: `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    const parse = (s: string) => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined);
    const x = parse(limits[0]);
    if (x === undefined) return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[0])}` };
    if (x >= completions) return { total: 0, error: `too large index: ${goQuote(limits[0])}` };
    let y = x;
    if (limits.length > 1) {
      const yy = parse(limits[1]);
      if (yy === undefined) return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[1])}` };
      if (yy >= completions) return { total: 0, error: `too large index: ${goQuote(limits[1])}` };
      if (x >= yy) return { total: 0, error: `non-increasing order, previous: ${x}, current: ${yy}` };
      y = yy;
    }
    if (last !== undefined && last >= x) return { total: 0, error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += y - x + 1;
    last = y;
  }
  return { total };
}

function validatePodFailurePolicy(spec: Record<string, any>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules: Array<Record<string, any>> = spec.podFailurePolicy?.rules ?? [];
  const rulesPath = `${path}.rules`;
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const containerNames = new Set<string>();
  for (const c of [...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])]) containerNames.add(c.name);
  const actions = ["Count", "FailIndex", "FailJob", "Ignore"];
  rules.forEach((rule, i) => {
    const rp = `${rulesPath}[${i}]`;
    const action = rule.action ?? "";
    if (action === "") errs.push(required(`${rp}.action`, `valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`));
    else if (action === "FailIndex") {
      if (spec.backoffLimitPerIndex == null) errs.push(invalid(`${rp}.action`, action, "requires the backoffLimitPerIndex to be set"));
    } else if (!actions.includes(action)) errs.push(notSupported(`${rp}.action`, action, actions));
    const onExit = rule.onExitCodes;
    const onConds: Array<Record<string, any>> = rule.onPodConditions ?? [];
    if (onExit != null) {
      const ep = `${rp}.onExitCodes`;
      const op = onExit.operator ?? "";
      if (op === "") errs.push(required(`${ep}.operator`, `valid values: ["In" "NotIn"]`));
      else if (op !== "In" && op !== "NotIn") errs.push(notSupported(`${ep}.operator`, op, ["In", "NotIn"]));
      if (onExit.containerName != null && !containerNames.has(onExit.containerName)) {
        errs.push(invalid(`${ep}.containerName`, onExit.containerName, "must be one of the container or initContainer names in the pod template"));
      }
      const values: number[] = onExit.values ?? [];
      const vp = `${ep}.values`;
      if (values.length === 0) errs.push(invalid(vp, new GoValue(onExit.values == null ? "[]int32(nil)" : "[]int32{}"), "at least one value is required"));
      else if (values.length > MAX_ON_EXIT_CODES_VALUES) errs.push(tooMany(vp, values.length, MAX_ON_EXIT_CODES_VALUES));
      let ordered = true;
      const seen = new Set<number>();
      values.forEach((v, j) => {
        if (op === "In" && v === 0) errs.push(invalid(`${vp}[${j}]`, v, "must not be 0 for the In operator"));
        if (seen.has(v)) errs.push(duplicate(`${vp}[${j}]`, v));
        else seen.add(v);
        if (j > 0 && values[j - 1] > v) ordered = false;
      });
      if (!ordered) errs.push(invalid(vp, new GoValue(`[]int32{${values.join(", ")}}`), "must be ordered"));
    }
    if (onConds.length > 0) {
      const cp = `${rp}.onPodConditions`;
      if (onConds.length > MAX_ON_POD_CONDITIONS_PATTERNS) errs.push(tooMany(cp, onConds.length, MAX_ON_POD_CONDITIONS_PATTERNS));
      onConds.forEach((pattern, j) => {
        for (const msg of isQualifiedName(pattern.type ?? "")) errs.push(invalid(`${cp}[${j}].type`, pattern.type ?? "", msg));
        const st = pattern.status ?? "";
        if (st === "") errs.push(required(`${cp}[${j}].status`, `valid values: ["False" "True" "Unknown"]`));
        else if (!["False", "True", "Unknown"].includes(st)) errs.push(notSupported(`${cp}[${j}].status`, st, ["False", "True", "Unknown"]));
      });
    }
    if (onExit != null && onConds.length > 0) errs.push({ type: "FieldValueInvalid", field: rp, detail: "specifying both OnExitCodes and OnPodConditions is not supported", hasValue: false });
    if (onExit == null && onConds.length === 0) errs.push({ type: "FieldValueInvalid", field: rp, detail: "specifying one of OnExitCodes and OnPodConditions is required", hasValue: false });
  });
  return errs;
}

function validateSuccessPolicy(spec: Record<string, any>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules: Array<Record<string, any>> = spec.successPolicy?.rules ?? [];
  const rulesPath = `${path}.rules`;
  if (rules.length === 0) errs.push(required(rulesPath, "at least one rules must be specified when the successPolicy is specified"));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_SUCCESS_POLICY_RULES));
  const completions = spec.completions ?? 0;
  rules.forEach((rule, i) => {
    const rp = `${rulesPath}[${i}]`;
    if (rule.succeededCount == null && rule.succeededIndexes == null) errs.push(required(rp, "at least one of succeededCount or succeededIndexes must be specified"));
    let total = 0;
    if (rule.succeededIndexes != null) {
      const r = validateIndexesFormat(rule.succeededIndexes, completions);
      total = r.total;
      if (r.error) errs.push(invalid(`${rp}.succeededIndexes`, rule.succeededIndexes, `error parsing succeededIndexes: ${r.error}`));
    }
    if (rule.succeededCount != null) {
      const cp = `${rp}.succeededCount`;
      errs.push(...validateNonnegative(rule.succeededCount, cp));
      if (rule.succeededCount > completions) errs.push(invalid(cp, rule.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
      if (rule.succeededIndexes != null && rule.succeededCount > total) {
        errs.push(invalid(cp, rule.succeededCount, `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`));
      }
    }
  });
  return errs;
}

/** validateJobSpec: everything but the selector (shared with CronJob job templates). */
export function validateJobSpecCommon(spec: Record<string, any>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.parallelism != null) errs.push(...validateNonnegative(spec.parallelism, `${path}.parallelism`));
  if (spec.completions != null) errs.push(...validateNonnegative(spec.completions, `${path}.completions`));
  if (spec.activeDeadlineSeconds != null) errs.push(...validateNonnegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  if (spec.backoffLimit != null) errs.push(...validateNonnegative(spec.backoffLimit, `${path}.backoffLimit`));
  if (spec.ttlSecondsAfterFinished != null) errs.push(...validateNonnegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  if (spec.backoffLimitPerIndex != null) errs.push(...validateNonnegative(spec.backoffLimitPerIndex, `${path}.backoffLimitPerIndex`));
  if (spec.maxFailedIndexes != null) {
    errs.push(...validateNonnegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex == null) errs.push(required(`${path}.backoffLimitPerIndex`, "when maxFailedIndexes is specified"));
  }
  if (spec.managedBy != null && spec.managedBy.length > 63) {
    errs.push({ type: "FieldValueTooLong", field: `${path}.managedBy`, detail: "may not be more than 63 bytes", hasValue: false });
  }
  if (spec.completionMode != null) {
    if (spec.completionMode !== "NonIndexed" && spec.completionMode !== "Indexed") {
      errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ["NonIndexed", "Indexed"]));
    }
    if (spec.completionMode === "Indexed") {
      if (spec.completions == null) errs.push(required(`${path}.completions`, "when completion mode is Indexed"));
      if (spec.parallelism != null && spec.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        errs.push(invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
      }
      if (spec.completions != null && spec.maxFailedIndexes != null && spec.maxFailedIndexes > spec.completions) {
        errs.push(invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, "must be less than or equal to completions"));
      }
      if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
        errs.push(invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`));
      }
      if (spec.completions != null && spec.completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex != null) {
        if (spec.maxFailedIndexes == null) errs.push(required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
        if (spec.parallelism != null && spec.parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
          errs.push(invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`));
        }
        if (spec.maxFailedIndexes != null && spec.maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
          errs.push(invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`));
        }
      }
    }
  }
  if ((spec.completionMode ?? "NonIndexed") === "NonIndexed") {
    if (spec.backoffLimitPerIndex != null) errs.push(invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, "requires indexed completion mode"));
    if (spec.maxFailedIndexes != null) errs.push(invalid(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, "requires indexed completion mode"));
  }
  if (spec.podFailurePolicy != null) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy != null) {
    if (!isIndexed(spec)) errs.push(invalid(`${path}.successPolicy`, goish(spec.successPolicy, "batch.SuccessPolicy"), "requires indexed completion mode"));
    else errs.push(...validateSuccessPolicy(spec, `${path}.successPolicy`));
  }
  if (spec.podReplacementPolicy != null) {
    if (spec.podFailurePolicy != null) {
      if (spec.podReplacementPolicy !== "Failed") errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ["Failed"]));
    } else if (spec.podReplacementPolicy !== "Failed" && spec.podReplacementPolicy !== "TerminatingOrFailed") {
      errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ["Failed", "TerminatingOrFailed"]));
    }
  }
  errs.push(...validateTemplate(spec.template, `${path}.template`));
  const rp = spec.template?.spec?.restartPolicy ?? "";
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === "Always" || rp === "") errs.push(required(rpPath, `valid values: "OnFailure", "Never"`));
  else if (rp !== "OnFailure" && rp !== "Never") errs.push(notSupported(rpPath, rp, ["OnFailure", "Never"]));
  else if (spec.podFailurePolicy != null && rp !== "Never") errs.push(invalid(rpPath, rp, `only "Never" is supported when podFailurePolicy is specified`));
  return errs;
}

/** ValidateJobSpec: the common part plus the selector. */
function validateJobSpec(spec: Record<string, any>): FieldError[] {
  const errs = validateJobSpecCommon(spec, "spec");
  if (spec.selector == null) errs.push(required("spec.selector", ""));
  else errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  // No "empty selector" exemption for Jobs: an empty selector selects everything.
  const sel = selectorOrUndefined(spec.selector);
  if (sel !== undefined && !matches(sel, spec.template?.metadata?.labels ?? {})) {
    errs.push(invalid("spec.template.metadata.labels", goStringMap(spec.template?.metadata?.labels), "`selector` does not match template `labels`"));
  }
  return errs;
}

/** apivalidation.ValidateHasLabel. */
function validateHasLabel(tmpl: PodTemplate | undefined, key: string, expected: string): FieldError[] {
  const path = `spec.template.metadata.labels[${key}]`;
  const labels = tmpl?.metadata?.labels;
  if (!labels || !(key in labels)) return [required(path, `must be '${expected}'`)];
  if (labels[key] !== expected) return [invalid(path, goStringMap(labels), `must be '${expected}'`)];
  return [];
}

function validateGeneratedSelector(job: Job, requirePrefixedLabels: boolean): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || spec.selector == null) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? "";
  const name = job.metadata.name ?? "";
  if (uid === "") errs.push(required("metadata.uid", ""));
  errs.push(...validateHasLabel(spec.template, LEGACY_CONTROLLER_UID_LABEL, uid));
  errs.push(...validateHasLabel(spec.template, LEGACY_JOB_NAME_LABEL, name));
  const expected: Record<string, string> = {};
  if (requirePrefixedLabels) {
    errs.push(...validateHasLabel(spec.template, CONTROLLER_UID_LABEL, uid));
    errs.push(...validateHasLabel(spec.template, JOB_NAME_LABEL, name));
    expected[CONTROLLER_UID_LABEL] = uid;
    expected[JOB_NAME_LABEL] = name;
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid;
  expected[LEGACY_JOB_NAME_LABEL] = name;
  const sel = selectorOrUndefined(spec.selector);
  if (sel !== undefined && !matches(sel, expected)) errs.push(invalid("spec.selector", goLabelSelector(spec.selector), "`selector` not auto-generated"));
  return errs;
}

function validateJob(job: Job, requirePrefixedLabels: boolean): FieldError[] {
  const spec = job.spec ?? {};
  const errs = validateGeneratedSelector(job, requirePrefixedLabels);
  errs.push(...validateJobSpec(spec));
  if (spec.completionMode === "Indexed" && spec.completions != null && spec.completions > 0) {
    const hostname = `${job.metadata.name ?? ""}-${spec.completions - 1}`;
    if (isDNS1123Label(hostname).length) {
      errs.push(invalid("metadata.name", job.metadata.name ?? "", `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** The template with the scheduling directives a suspended, never-started Job may change taken from `tmpl`. */
function withMutableSchedulingDirectives(oldTmpl: PodTemplate | undefined, tmpl: PodTemplate | undefined): PodTemplate {
  const o = JSON.parse(JSON.stringify(oldTmpl ?? {})) as PodTemplate;
  const n = tmpl ?? {};
  o.metadata ??= {};
  o.spec ??= {};
  const na = n.spec?.affinity;
  const oa = o.spec.affinity;
  if (na == null && oa != null) {
    delete oa.nodeAffinity;
    if (Object.keys(oa).length === 0) delete o.spec.affinity;
  } else if (na != null && oa == null) {
    o.spec.affinity = na.nodeAffinity != null ? { nodeAffinity: na.nodeAffinity } : {};
  } else if (na != null && oa != null) {
    if (na.nodeAffinity != null) oa.nodeAffinity = na.nodeAffinity;
    else delete oa.nodeAffinity;
  }
  for (const f of ["nodeSelector", "tolerations", "schedulingGates"]) {
    if (n.spec?.[f] !== undefined) o.spec[f] = n.spec[f];
    else delete o.spec[f];
  }
  for (const f of ["annotations", "labels"] as const) {
    if (n.metadata?.[f] !== undefined) o.metadata[f] = n.metadata[f];
    else delete o.metadata[f];
  }
  return o;
}

function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const spec = job.spec ?? {};
  const oldSpec = old.spec ?? {};
  const errs: FieldError[] = [];
  // Completions: mutable only for Indexed Jobs, in tandem with parallelism (ElasticIndexedJob, GA).
  if (!isIndexed(spec)) {
    errs.push(...validateImmutable(spec.completions, oldSpec.completions, "spec.completions", spec.completions ?? null));
  } else if (!semanticEqual(spec.completions, oldSpec.completions) && spec.completions != null && spec.completions !== spec.parallelism) {
    errs.push(invalid("spec.completions", spec.completions, "can only be modified in tandem with spec.parallelism"));
  }
  errs.push(...validateImmutable(spec.selector, oldSpec.selector, "spec.selector", goLabelSelector(spec.selector)));
  const suspendedNotStarted = oldSpec.suspend === true && old.status?.startTime == null;
  const oldTmpl = suspendedNotStarted ? withMutableSchedulingDirectives(oldSpec.template, spec.template) : oldSpec.template;
  errs.push(...validateImmutable(spec.template, oldTmpl, "spec.template", goish(spec.template, "core.PodTemplateSpec")));
  errs.push(...validateImmutable(spec.completionMode, oldSpec.completionMode, "spec.completionMode", spec.completionMode ?? null));
  errs.push(...validateImmutable(spec.podFailurePolicy, oldSpec.podFailurePolicy, "spec.podFailurePolicy", goish(spec.podFailurePolicy, "batch.PodFailurePolicy")));
  errs.push(...validateImmutable(spec.backoffLimitPerIndex, oldSpec.backoffLimitPerIndex, "spec.backoffLimitPerIndex", spec.backoffLimitPerIndex ?? null));
  errs.push(...validateImmutable(spec.managedBy, oldSpec.managedBy, "spec.managedBy", spec.managedBy ?? null));
  errs.push(...validateImmutable(spec.successPolicy, oldSpec.successPolicy, "spec.successPolicy", goish(spec.successPolicy, "batch.SuccessPolicy")));
  return errs;
}

function validateJobStatus(status: Record<string, any>, old: Record<string, any> | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["active", "succeeded", "failed"]) errs.push(...validateNonnegative(status[f] ?? 0, `status.${f}`));
  for (const f of ["ready", "terminating"]) if (status[f] != null) errs.push(...validateNonnegative(status[f], `status.${f}`));
  if (old && (status.failed ?? 0) < (old.failed ?? 0)) errs.push(invalid("status.failed", status.failed ?? 0, "cannot decrease the failed counter"));
  return errs;
}

/** Copies the template's labels to an unlabelled Job (SetDefaults_Job; the real server applies it when reading back from storage too). */
function copyTemplateLabels(job: Job): void {
  const tl = job.spec?.template?.metadata?.labels;
  if (tl != null && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...tl };
}

/** SetDefaults_Job's spec part. */
export function applyJobSpecDefaults(spec: Record<string, any>, ctx: DefaultContext): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  spec.completionMode ??= "NonIndexed";
  spec.suspend ??= false;
  defaultPodFailurePolicy(spec);
  spec.podReplacementPolicy ??= spec.podFailurePolicy != null ? "Failed" : "TerminatingOrFailed";
  defaultPodTemplate((spec.template ??= {}), ctx);
}

function jobStatusCell(job: Job): string {
  const conds: Array<{ type?: string; status?: string }> = job.status?.conditions ?? [];
  const has = (t: string) => {
    const c = conds.find((x) => x.type === t);
    return c !== undefined && c.status === "True";
  };
  if (has("Complete")) return "Complete";
  if (has("Failed")) return "Failed";
  if (job.metadata.deletionTimestamp) return "Terminating";
  if (has("Suspended")) return "Suspended";
  if (has("FailureTarget")) return "FailureTarget";
  return "Running";
}

function jobDurationCell(job: Job, nowMs: number): string {
  const start = job.status?.startTime ? parseRfc3339(job.status.startTime) : undefined;
  if (start === undefined) return "";
  const end = job.status?.completionTime ? parseRfc3339(job.status.completionTime) : undefined;
  return humanDuration((end ?? nowMs) - start);
}

export const job: KindDef<Job> = {
  group: "batch",
  version: "v1",
  kind: "Job",
  plural: "jobs",
  singular: "job",
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  defaultPropagationPolicy: "Orphan",
  schema: kindSchema(
    "io.k8s.api.batch.v1.Job",
    "Job represents the configuration of a single job.",
    {
      spec: JobSpec.describe("Specification of the desired behavior of a job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: JobStatus.describe("Current status of a job. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta.describe("Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
  ),
  applyDefaults(j, ctx) {
    const spec = (j.spec ??= {});
    applyJobSpecDefaults(spec, ctx);
    copyTemplateLabels(j);
  },
  prepareForCreate(j) {
    const spec = (j.spec ??= {});
    dropDisabledTemplateFields(spec.template);
    if (spec.manualSelector !== true) {
      // generateSelector: the uid is set by the API server before this hook.
      const tmpl = (spec.template ??= {});
      const md = (tmpl.metadata ??= {});
      const labels = (md.labels ??= {});
      const name = j.metadata.name ?? "";
      const uid = j.metadata.uid ?? "";
      for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = name;
      for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = uid;
      const sel = (spec.selector ??= {});
      const ml = (sel.matchLabels ??= {});
      if (!(CONTROLLER_UID_LABEL in ml)) ml[CONTROLLER_UID_LABEL] = uid;
    }
    j.status = {};
    copyTemplateLabels(j);
  },
  prepareForUpdate(j, old) {
    dropDisabledTemplateFields(j.spec?.template, old.spec?.template);
    copyTemplateLabels(j);
  },
  validate(j, ctx) {
    const old = ctx.old as Job | undefined;
    if (ctx.subresource === "status") return validateJobStatus(j.status ?? {}, old?.status);
    if (!old) return validateJob(j, true);
    const oldLabels = old.spec?.template?.metadata?.labels ?? {};
    const requirePrefixed = JOB_NAME_LABEL in oldLabels && CONTROLLER_UID_LABEL in oldLabels;
    return [...validateJob(j, requirePrefixed), ...validateJobUpdate(j, old)];
  },
  columns: [
    nameColumn(),
    col("Status", "string", "Status of the job."),
    col("Completions", "string", "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs."),
    col("Duration", "string", "Time required to complete the job."),
    ageColumn(),
    col("Containers", "string", CONTAINERS_DESC, 1),
    col("Images", "string", IMAGES_DESC, 1),
    col("Selector", "string", "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
  ],
  printRow(j, ctx): Cell[] {
    const spec = j.spec ?? {};
    const succeeded = j.status?.succeeded ?? 0;
    let completions: string;
    if (spec.completions != null) completions = `${succeeded}/${spec.completions}`;
    else if ((spec.parallelism ?? 0) > 1) completions = `${succeeded}/1 of ${spec.parallelism}`;
    else completions = `${succeeded}/1`;
    const [names, images] = containerCells(spec.template?.spec);
    return [j.metadata.name!, jobStatusCell(j), completions, jobDurationCell(j, ctx.nowMs), age(j, ctx.nowMs), names, images, formatSelectorCell(spec.selector)];
  },
  fieldSelectors: {
    "status.successful": (j) => String(j.status?.succeeded ?? 0),
  },
};
