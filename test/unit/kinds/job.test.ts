import { describe, expect, it } from "vitest";
import { z } from "zod";
import { job } from "../../../src/engine/kinds/batch/job";
import type { KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const UID = "0f6b2c1e-1111-2222-3333-444455556666";

function pi(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "pi", namespace: "default", ...meta },
    spec: {
      template: { spec: { containers: [{ name: "pi", image: "perl:5.34", command: ["perl"] }], restartPolicy: "Never" } },
      ...spec,
    },
  };
}

/** Defaults, then what the API server does before prepareForCreate (uid, creationTimestamp), then prepareForCreate. */
function created(obj: KubeObject): KubeObject {
  job.applyDefaults!(obj, { nowMs: NOW });
  obj.metadata.uid = UID;
  obj.metadata.creationTimestamp = "2025-01-01T11:58:00Z";
  obj.metadata.generation = 1;
  delete obj.status;
  job.prepareForCreate!(obj, undefined as never);
  return obj;
}

const errors = (obj: KubeObject, old?: KubeObject) => job.validate!(obj, { nowMs: NOW, old }).map(fieldErrorString);

describe("Job defaults and generated selector", () => {
  it("defaults completions and parallelism to 1 when both are unset", () => {
    const j = created(pi());
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, podReplacementPolicy: "TerminatingOrFailed" });
    expect(j.spec.manualSelector).toBeUndefined();
    expect(j.status).toEqual({});
  });

  it("leaves completions unset when only parallelism is given", () => {
    const j = created(pi({ parallelism: 3 }));
    expect(j.spec.completions).toBeUndefined();
    expect(j.spec.parallelism).toBe(3);
  });

  it("uses Failed replacement when a pod failure policy is set", () => {
    const j = created(pi({ podFailurePolicy: { rules: [{ action: "FailJob", onPodConditions: [{ type: "DisruptionTarget" }] }] } }));
    expect(j.spec.podReplacementPolicy).toBe("Failed");
    expect(j.spec.podFailurePolicy.rules[0].onPodConditions[0].status).toBe("True");
  });

  it("generates the selector and the four labels from the uid and name, and labels the Job with them", () => {
    const j = created(pi());
    const labels = {
      "batch.kubernetes.io/controller-uid": UID,
      "batch.kubernetes.io/job-name": "pi",
      "controller-uid": UID,
      "job-name": "pi",
    };
    expect(j.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": UID } });
    expect(j.spec.template.metadata.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect(j.spec.template.metadata.creationTimestamp).toBeNull();
    expect(errors(j)).toEqual([]);
  });

  it("keeps the Job's own labels", () => {
    const j = created(pi({}, { labels: { team: "a" } }));
    expect(j.metadata.labels).toEqual({ team: "a" });
  });

  it("does not generate anything with manualSelector: true", () => {
    const j = created(pi({ manualSelector: true }));
    expect(j.spec.selector).toBeUndefined();
    expect(errors(j)).toEqual(["spec.selector: Required value", "spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`"]);
  });

  it("rejects a hand-written selector without manualSelector", () => {
    const j = created(pi({ selector: { matchLabels: { app: "pi" } } }));
    j.spec.template.metadata.labels.app = "pi";
    expect(errors(j)).toEqual([
      `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"pi", "batch.kubernetes.io/controller-uid":"${UID}"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: \`selector\` not auto-generated`,
    ]);
  });
});

describe("Job validation", () => {
  it("requires restartPolicy OnFailure or Never (the default Always is refused)", () => {
    const j = pi();
    delete j.spec.template.spec.restartPolicy;
    expect(errors(created(j))).toEqual(['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']);
  });

  it("requires Never with a pod failure policy", () => {
    const j = pi({ podFailurePolicy: { rules: [{ action: "Ignore", onExitCodes: { operator: "In", values: [42] } }] } });
    j.spec.template.spec.restartPolicy = "OnFailure";
    expect(errors(created(j))).toEqual(['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified']);
  });

  it("rejects negative counts", () => {
    expect(errors(created(pi({ backoffLimit: -1, completions: -2 })))).toEqual([
      "spec.completions: Invalid value: -2: must be greater than or equal to 0",
      "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });

  it("requires completions for Indexed jobs", () => {
    expect(errors(created(pi({ completionMode: "Indexed", parallelism: 2 })))).toEqual(["spec.completions: Required value: when completion mode is Indexed"]);
  });

  it("rejects an unknown completion mode", () => {
    expect(errors(created(pi({ completionMode: "Sometimes" })))).toEqual(['spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"']);
  });

  it("makes the template immutable", () => {
    const old = created(pi());
    const j = JSON.parse(JSON.stringify(old)) as KubeObject;
    j.spec.template.spec.containers[0].image = "perl:5.36";
    const errs = job.validate!(j, { nowMs: NOW, old });
    expect(errs.map((e) => `${e.field}: ${e.detail}`)).toEqual(["spec.template: field is immutable"]);
    expect(fieldErrorString(errs[0])).toMatch(/^spec\.template: Invalid value: core\.PodTemplateSpec\{/);
  });

  it("lets a suspended, never-started Job change its node selector", () => {
    const old = created(pi({ suspend: true }));
    const j = JSON.parse(JSON.stringify(old)) as KubeObject;
    j.spec.template.spec.nodeSelector = { zone: "a" };
    expect(errors(j, old)).toEqual([]);
  });

  it("makes completions immutable for NonIndexed jobs", () => {
    const old = created(pi());
    const j = JSON.parse(JSON.stringify(old)) as KubeObject;
    j.spec.completions = 3;
    expect(errors(j, old)).toEqual(["spec.completions: Invalid value: 3: field is immutable"]);
  });

  it("allows changing parallelism", () => {
    const old = created(pi());
    const j = JSON.parse(JSON.stringify(old)) as KubeObject;
    j.spec.parallelism = 4;
    expect(errors(j, old)).toEqual([]);
  });
});

describe("Job printer", () => {
  it("has STATUS COMPLETIONS DURATION", () => {
    expect(job.columns.map((c) => c.name)).toEqual(["Name", "Status", "Completions", "Duration", "Age", "Containers", "Images", "Selector"]);
  });

  const rows: Array<[string, Record<string, unknown>, Record<string, unknown> | undefined, unknown[]]> = [
    ["a fresh job is Running with no duration", {}, undefined, ["Running", "0/1", ""]],
    ["a running job counts time since start", {}, { startTime: "2025-01-01T11:59:00Z", succeeded: 0 }, ["Running", "0/1", "60s"]],
    [
      "a complete job shows its run time",
      {},
      { startTime: "2025-01-01T11:58:00Z", completionTime: "2025-01-01T11:58:09Z", succeeded: 1, conditions: [{ type: "Complete", status: "True" }] },
      ["Complete", "1/1", "9s"],
    ],
    ["a failed job", {}, { conditions: [{ type: "Failed", status: "True" }] }, ["Failed", "0/1", ""]],
    ["a suspended job", { suspend: true }, { conditions: [{ type: "Suspended", status: "True" }] }, ["Suspended", "0/1", ""]],
    ["a work queue job prints 1 of parallelism", { parallelism: 3 }, { succeeded: 1 }, ["Running", "1/1 of 3", ""]],
    ["explicit completions", { completions: 5, parallelism: 2 }, { succeeded: 2 }, ["Running", "2/5", ""]],
  ];
  for (const [name, spec, status, want] of rows) {
    it(name, () => {
      const j = created(pi(spec));
      if (status) j.status = status;
      expect(job.printRow(j, { nowMs: NOW }).slice(1, 4)).toEqual(want);
    });
  }

  it("prints Terminating for a job being deleted", () => {
    const j = created(pi());
    j.metadata.deletionTimestamp = "2025-01-01T12:00:00Z";
    expect(job.printRow(j, { nowMs: NOW })[1]).toBe("Terminating");
  });

  it("prints containers, images and the generated selector wide", () => {
    const j = created(pi());
    expect(job.printRow(j, { nowMs: NOW }).slice(4)).toEqual(["2m", "pi", "perl:5.34", `batch.kubernetes.io/controller-uid=${UID}`]);
  });
});

describe("Job registration", () => {
  it("is in all, has status, supports status.successful and its schema converts", () => {
    expect(job.shortNames).toBeUndefined();
    expect(job.categories).toEqual(["all"]);
    expect(job.statusSubresource).toBe(true);
    expect(job.fieldSelectors!["status.successful"](created(pi()))).toBe("0");
    expect(() => z.toJSONSchema(job.schema, { target: "openapi-3.0", io: "input", unrepresentable: "any" })).not.toThrow();
  });
});
