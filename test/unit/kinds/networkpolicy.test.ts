import { describe, expect, test } from "vitest";
import { networkPolicy, parseCIDRSloppy, validateLabelSelector, type NetworkPolicy } from "../../../src/engine/kinds/networking/networkpolicy";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";
import { kindSchemaOf } from "../../../src/engine/apiserver/schemas";

const NOW = Date.parse("2024-05-01T12:00:00Z");

function np(spec: NetworkPolicy["spec"]): NetworkPolicy {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "deny", namespace: "default", creationTimestamp: "2024-05-01T11:59:30Z" }, spec } as NetworkPolicy;
}

const defaulted = (p: NetworkPolicy) => {
  networkPolicy.applyDefaults!(p, { nowMs: NOW });
  return p;
};
const errors = (p: NetworkPolicy, old?: NetworkPolicy) => networkPolicy.validate!(defaulted(p), { nowMs: NOW, old }).map(fieldErrorString);

describe("NetworkPolicy description", () => {
  test("is networking.k8s.io/v1 networkpolicies (netpol) with generations", () => {
    expect([networkPolicy.plural, networkPolicy.shortNames, networkPolicy.namespaced, networkPolicy.tracksGeneration]).toEqual(["networkpolicies", ["netpol"], true, true]);
    expect(kindSchemaOf(networkPolicy as never).definitions["io.k8s.api.networking.v1.NetworkPolicySpec"]?.required).toEqual(["podSelector"]);
  });
});

describe("NetworkPolicy defaulting", () => {
  test.each<[string, NetworkPolicy["spec"], string[]]>([
    ["defaults policyTypes to Ingress without egress rules", { podSelector: {} }, ["Ingress"]],
    ["defaults policyTypes to Ingress and Egress with egress rules", { podSelector: {}, egress: [{}] }, ["Ingress", "Egress"]],
    ["keeps explicit policyTypes", { podSelector: {}, policyTypes: ["Egress"] }, ["Egress"]],
  ])("%s", (_n, spec, types) => {
    expect(defaulted(np(spec)).spec!.policyTypes).toEqual(types);
  });

  test("defaults port protocols to TCP and fills an absent podSelector", () => {
    const p = defaulted(np({ ingress: [{ ports: [{ port: 80 }] }] }));
    expect(p.spec).toEqual({ podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: "TCP" }] }], policyTypes: ["Ingress"] });
  });
});

describe("NetworkPolicy validation", () => {
  test.each<[string, NetworkPolicy["spec"], string[]]>([
    ["accepts a typical allow rule", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }], ports: [{ port: 5432 }] }] }, []],
    ["requires a peer", { podSelector: {}, ingress: [{ from: [{}] }] }, ["spec.ingress[0].from[0]: Required value: must specify a peer"]],
    [
      "forbids ipBlock together with another peer",
      { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/8" }, podSelector: {} }] }] },
      ["spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer"],
    ],
    [
      "validates CIDRs and except ranges",
      { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["192.168.0.0/16", "10.1.0.0/16", "nope"] } }] }] },
      [
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "192.168.0.0/16": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0].ipBlock.except[2]: Invalid value: "nope": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
      ],
    ],
    ["requires the ipBlock cidr", { podSelector: {}, ingress: [{ from: [{ ipBlock: {} }] }] }, ["spec.ingress[0].from[0].ipBlock.cidr: Required value"]],
    [
      "validates ports and endPort",
      { podSelector: {}, ingress: [{ ports: [{ port: 0 }, { port: "http", endPort: 90 }, { port: 100, endPort: 90 }, { endPort: 5 }] }] },
      [
        "spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        "spec.ingress[0].ports[1].endPort: Invalid value: 90: may not be specified when `port` is non-numeric",
        "spec.ingress[0].ports[2].endPort: Invalid value: 90: must be greater than or equal to `port`",
        "spec.ingress[0].ports[3].endPort: Invalid value: 5: may not be specified when `port` is not specified",
      ],
    ],
    ["rejects unknown protocols", { podSelector: {}, ingress: [{ ports: [{ protocol: "ICMP" }] }] }, ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']],
    ["rejects unknown policy types", { podSelector: {}, policyTypes: ["Both"] }, ['spec.policyTypes[0]: Unsupported value: "Both": supported values: "Ingress", "Egress"']],
    [
      "validates selector operators and values",
      { podSelector: { matchExpressions: [{ key: "app", operator: "In" }, { key: "tier", operator: "Exists", values: ["x"] }, { key: "x", operator: "Has" }] } },
      [
        "spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        "spec.podSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'spec.podSelector.matchExpressions[2].operator: Invalid value: "Has": not a valid selector operator',
      ],
    ],
  ])("%s", (_n, spec, expected) => {
    expect(errors(np(spec))).toEqual(expected);
  });

  test("keeps accepting an invalid CIDR that was already stored", () => {
    const spec = { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "bad" } }] }] };
    expect(errors(np(spec))).toHaveLength(1);
    expect(errors(np(spec), np(spec))).toEqual([]);
  });
});

describe("label selector and CIDR helpers", () => {
  test("label selector validation reports invalid keys and values", () => {
    expect(validateLabelSelector({ matchLabels: { "bad key": "v!" } }, "sel").map(fieldErrorString)).toHaveLength(2);
  });

  test.each([
    ["10.0.0.0/8", { v6: false, network: 0x0a000000n, prefix: 8 }],
    ["010.1.2.3/16", { v6: false, network: 0x0a010000n, prefix: 16 }],
    ["2001:db8::1/64", { v6: true, network: 0x20010db8000000000000000000000000n, prefix: 64 }],
    ["10.0.0.0", undefined],
    ["10.0.0.0/33", undefined],
  ])("parses %s", (s, expected) => {
    expect(parseCIDRSloppy(s)).toEqual(expected);
  });
});

describe("NetworkPolicy printer", () => {
  test.each<[string, NetworkPolicy["spec"], string]>([
    ["prints <none> for an empty pod selector", { podSelector: {} }, "<none>"],
    ["prints the selector", { podSelector: { matchLabels: { app: "db" }, matchExpressions: [{ key: "tier", operator: "In", values: ["a", "b"] }] } }, "app=db,tier in (a,b)"],
  ])("%s", (_n, spec, cell) => {
    expect(networkPolicy.columns.map((c) => c.name)).toEqual(["Name", "Pod-Selector", "Age"]);
    expect(networkPolicy.printRow(np(spec), { nowMs: NOW })).toEqual(["deny", cell, "30s"]);
  });
});
