import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cronJob } from "../../../src/engine/kinds/batch/cronjob";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

function cj(spec: Record<string, unknown> = {}, name = "hello"): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: "default", creationTimestamp: "2025-01-01T10:00:00Z" },
    spec: {
      schedule: "*/1 * * * *",
      jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox" }], restartPolicy: "OnFailure" } } } },
      ...spec,
    },
  };
}

function created(obj: KubeObject): KubeObject {
  cronJob.applyDefaults!(obj, { nowMs: NOW });
  delete obj.status;
  cronJob.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject, old?: KubeObject) => cronJob.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

describe("CronJob defaults", () => {
  it("fills the policy, suspend and history limits, and only pod defaults in the job template", () => {
    const c = created(cj());
    expect(c.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    expect(c.spec.jobTemplate.metadata).toEqual({ creationTimestamp: null });
    expect(c.spec.jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(c.spec.jobTemplate.spec.template.metadata).toEqual({ creationTimestamp: null });
    expect(c.spec.jobTemplate.spec.template.spec.dnsPolicy).toBe("ClusterFirst");
    expect(c.status).toEqual({});
  });
});

describe("CronJob validation", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["accepts a valid cronjob", {}, []],
    ["requires a schedule", { schedule: "" }, ["spec.schedule: Required value"]],
    ["rejects a schedule with the wrong number of fields", { schedule: "* * *" }, ['spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]']],
    ["rejects an out-of-range minute", { schedule: "61 * * * *" }, ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ["accepts @hourly", { schedule: "@hourly" }, []],
    [
      "rejects TZ in the schedule",
      { schedule: "TZ=UTC 0 * * * *" },
      ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'],
    ],
    ["accepts an IANA time zone", { timeZone: "Europe/Berlin" }, []],
    ["rejects an unknown time zone", { timeZone: "Mars/Olympus" }, ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']],
    ["rejects Local", { timeZone: "Local" }, ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones']],
    ["rejects an empty time zone", { timeZone: "" }, ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']],
    [
      "rejects an unknown concurrency policy",
      { concurrencyPolicy: "Sometimes" },
      ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'],
    ],
    [
      "rejects a selector in the job template",
      { jobTemplate: { spec: { selector: { matchLabels: { a: "b" } }, template: { spec: { containers: [{ name: "c", image: "busybox" }], restartPolicy: "Never" } } } } },
      ['spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated'],
    ],
    [
      "requires OnFailure or Never in the job's pod template",
      { jobTemplate: { spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } } },
      ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'],
    ],
    ["rejects negative history limits", { failedJobsHistoryLimit: -1 }, ["spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0"]],
  ];
  for (const [name, spec, want] of cases) it(name, () => expect(errors(created(cj(spec)))).toEqual(want));

  it("limits names to 52 characters on create only", () => {
    const long = "a".repeat(53);
    expect(errors(created(cj({}, long)))).toEqual([`metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
    const old = created(cj({}, long));
    expect(errors(created(cj({}, long)), old)).toEqual([]);
  });
});

describe("CronJob printer", () => {
  it("has the 1.32 columns", () => {
    expect(cronJob.columns.map((c) => [c.name, c.type, c.priority])).toEqual([
      ["Name", "string", 0],
      ["Schedule", "string", 0],
      ["Timezone", "string", 0],
      ["Suspend", "boolean", 0],
      ["Active", "integer", 0],
      ["Last Schedule", "string", 0],
      ["Age", "string", 0],
      ["Containers", "string", 1],
      ["Images", "string", 1],
      ["Selector", "string", 1],
    ]);
  });

  it("prints a fresh cronjob", () => {
    expect(cronJob.printRow(created(cj()), { nowMs: NOW })).toEqual(["hello", "*/1 * * * *", "<none>", "False", 0, "<none>", "120m", "hello", "busybox", "<none>"]);
  });

  it("prints the zone, active jobs and the last schedule", () => {
    const c = created(cj({ timeZone: "Etc/UTC", suspend: true }));
    c.status = { active: [{ kind: "Job", name: "hello-1" }], lastScheduleTime: "2025-01-01T11:59:00Z" };
    expect(cronJob.printRow(c, { nowMs: NOW }).slice(2, 6)).toEqual(["Etc/UTC", "True", 1, "60s"]);
  });
});

describe("CronJob registration", () => {
  it("is cj, in all, and its schema converts", () => {
    expect(cronJob.shortNames).toEqual(["cj"]);
    expect(cronJob.categories).toEqual(["all"]);
    expect(() => z.toJSONSchema(cronJob.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
  });
});
