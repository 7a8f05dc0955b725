import { describe, expect, test } from "vitest";
import { resourceQuota, type ResourceQuota } from "../../../src/engine/kinds/core/resourcequota";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const mk = (spec: ResourceQuota["spec"], status?: ResourceQuota["status"]): ResourceQuota => ({
  apiVersion: "v1",
  kind: "ResourceQuota",
  metadata: { name: "compute", namespace: "default", creationTimestamp: "2024-05-01T11:50:00Z" },
  spec,
  status,
});
const errors = (rq: ResourceQuota, old?: ResourceQuota) => resourceQuota.validate!(rq, { nowMs: NOW, old }).map(fieldErrorString);

describe("ResourceQuota printer", () => {
  test("splits requests and limits, sorted, with used/hard", () => {
    const rq = mk(
      { hard: {} },
      { hard: { pods: "10", "requests.cpu": "1", "limits.memory": "2Gi", "requests.memory": "1Gi", "limits.cpu": "2" }, used: { pods: "1", "requests.cpu": "250m" } },
    );
    expect(resourceQuota.printRow(rq, { nowMs: NOW })).toEqual([
      "compute",
      "10m",
      "pods: 1/10, requests.cpu: 250m/1, requests.memory: 0/1Gi",
      "limits.cpu: 0/2, limits.memory: 0/2Gi",
    ]);
  });

  test("has the 1.32 columns NAME AGE REQUEST LIMIT", () => {
    expect(resourceQuota.columns.map((c) => c.name)).toEqual(["Name", "Age", "Request", "Limit"]);
    expect(resourceQuota.printRow(mk({}), { nowMs: NOW })).toEqual(["compute", "10m", "", ""]);
  });
});

describe("ResourceQuota validation", () => {
  test.each<[string, ResourceQuota["spec"], string[]]>([
    ["standard resources", { hard: { pods: "10", "requests.cpu": "1", "count/deployments.apps": "5" } }, []],
    ["an unknown resource", { hard: { cpus: "1" } }, ['spec.hard[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified', 'spec.hard[cpus]: Invalid value: "cpus": must be a standard resource for quota']],
    ["a fractional pod count", { hard: { pods: "1.5" } }, ['spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:15, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer']],
    ["conflicting scopes", { hard: { pods: "1" }, scopes: ["BestEffort", "NotBestEffort"] }, ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort"}: conflicting scopes']],
    ["a scope that does not fit a resource", { hard: { "requests.storage": "1Gi" }, scopes: ["BestEffort"] }, ['spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: unsupported scope applied to resource']],
  ])("%s", (_, spec, expected) => {
    expect(errors(mk(spec))).toEqual(expected);
  });

  test("scopes are immutable", () => {
    expect(errors(mk({ hard: { pods: "1" }, scopes: ["Terminating"] }), mk({ hard: { pods: "1" } }))).toEqual([
      'spec.scopes: Invalid value: []core.ResourceQuotaScope{"Terminating"}: field is immutable',
    ]);
  });
});
