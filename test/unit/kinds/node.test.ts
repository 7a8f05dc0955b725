import { describe, expect, test } from "vitest";
import { node, type Node } from "../../../src/engine/kinds/core/node";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function mk(opts: { labels?: Record<string, string>; ready?: string | null; unschedulable?: boolean; info?: Record<string, string>; addresses?: Array<{ type: string; address: string }> } = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name: "kind-worker", labels: opts.labels, creationTimestamp: "2024-04-01T12:00:00Z" },
    spec: { unschedulable: opts.unschedulable },
    status: {
      conditions: opts.ready === null ? [] : [{ type: "MemoryPressure", status: "False" }, { type: "Ready", status: opts.ready ?? "True" }],
      nodeInfo: { kubeletVersion: "v1.32.2", ...(opts.info ?? {}) },
      addresses: opts.addresses,
    },
  };
}

describe("Node printer", () => {
  test.each<[string, Parameters<typeof mk>[0], string]>([
    ["a Ready node", {}, "Ready"],
    ["a node whose Ready condition is False", { ready: "False" }, "NotReady"],
    ["a node whose Ready condition is Unknown", { ready: "Unknown" }, "NotReady"],
    ["a node with no Ready condition", { ready: null }, "Unknown"],
    ["a cordoned node", { unschedulable: true }, "Ready,SchedulingDisabled"],
    ["a cordoned node without conditions", { ready: null, unschedulable: true }, "Unknown,SchedulingDisabled"],
  ])("STATUS of %s is %s", (_, opts, expected) => {
    expect(node.printRow(mk(opts), { nowMs: NOW })[1]).toBe(expected);
  });

  test.each<[Record<string, string> | undefined, string]>([
    [undefined, "<none>"],
    [{ "node-role.kubernetes.io/control-plane": "" }, "control-plane"],
    [{ "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/infra": "true", "kubernetes.io/role": "master" }, "infra,master,worker"],
    [{ "node-role.kubernetes.io/": "", "kubernetes.io/role": "" }, "<none>"],
  ])("ROLES for labels %j is %s", (labels, expected) => {
    expect(node.printRow(mk({ labels }), { nowMs: NOW })[2]).toBe(expected);
  });

  test("prints the wide columns with <none> and <unknown> placeholders", () => {
    const full = mk({
      info: { osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.8.0-1008", containerRuntimeVersion: "containerd://1.7.24" },
      addresses: [{ type: "InternalIP", address: "172.18.0.2" }, { type: "Hostname", address: "kind-worker" }],
    });
    expect(node.printRow(full, { nowMs: NOW })).toEqual([
      "kind-worker", "Ready", "<none>", "30d", "v1.32.2", "172.18.0.2", "<none>", "Debian GNU/Linux 12 (bookworm)", "6.8.0-1008", "containerd://1.7.24",
    ]);
    expect(node.printRow(mk(), { nowMs: NOW }).slice(5)).toEqual(["<none>", "<none>", "<unknown>", "<unknown>", "<unknown>"]);
    expect(node.columns.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(["Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"]);
  });

  test("selects on spec.unschedulable", () => {
    expect(node.fieldSelectors!["spec.unschedulable"](mk())).toBe("false");
    expect(node.fieldSelectors!["spec.unschedulable"](mk({ unschedulable: true }))).toBe("true");
  });
});

describe("Node defaulting and validation", () => {
  test("allocatable defaults to capacity", () => {
    const n = mk();
    n.status!.capacity = { cpu: "4", memory: "8Gi", pods: "110" };
    node.applyDefaults!(n, { nowMs: NOW });
    expect(n.status!.allocatable).toEqual({ cpu: "4", memory: "8Gi", pods: "110" });
  });

  test("taints are checked (reported under metadata.taints, like the real server)", () => {
    const n = mk();
    n.spec!.taints = [
      { key: "dedicated", value: "gpu", effect: "NoSchedule" },
      { key: "dedicated", value: "other", effect: "NoSchedule" },
      { key: "bad key", effect: "Sometimes" },
    ];
    expect(node.validate!(n, { nowMs: NOW }).map(fieldErrorString)).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"dedicated", Value:"other", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      "metadata.taints[2].key: Invalid value: \"bad key\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'metadata.taints[2].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  test("podCIDRs may not change once set, providerID neither", () => {
    const old = mk();
    old.spec = { podCIDR: "10.244.1.0/24", podCIDRs: ["10.244.1.0/24"], providerID: "kind://docker/kind/kind-worker" };
    const next = structuredClone(old);
    next.spec!.podCIDRs = ["10.244.2.0/24"];
    next.spec!.providerID = "other";
    expect(node.validate!(next, { nowMs: NOW, old }).map(fieldErrorString)).toEqual([
      'spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
      'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
    ]);
  });

  test("capacity quantities may not be negative or fractional for integer resources", () => {
    const n = mk();
    n.status!.capacity = { cpu: "-1", pods: "1500m" };
    expect(node.validate!(n, { nowMs: NOW }).map(fieldErrorString)).toEqual([
      'status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0',
      'status.capacity.pods: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer',
    ]);
  });
});
