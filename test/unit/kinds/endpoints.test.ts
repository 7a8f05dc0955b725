import { describe, expect, test } from "vitest";
import { endpoints, formatEndpoints, type Endpoints } from "../../../src/engine/kinds/core/endpoints";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const ep = (subsets: Endpoints["subsets"]): Endpoints => ({ apiVersion: "v1", kind: "Endpoints", metadata: { name: "web", namespace: "default", creationTimestamp: "2024-05-01T11:00:00Z" }, subsets });
const errors = (e: Endpoints) => endpoints.validate!(e, { nowMs: NOW }).map(fieldErrorString);

describe("Endpoints printer", () => {
  test.each<[string, Endpoints["subsets"], string]>([
    ["no subsets", undefined, "<none>"],
    ["one address and port", [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }], "10.0.0.1:80"],
    [
      "more than three endpoints",
      [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }, { ip: "10.0.0.3" }, { ip: "10.0.0.4" }], ports: [{ port: 80 }] }],
      "10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...",
    ],
    [
      "every port of every address, counting the ones not listed",
      [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }], ports: [{ name: "http", port: 80 }, { name: "https", port: 443 }] }],
      "10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...",
    ],
    ["headless subsets without ports list bare IPs", [{ addresses: [{ ip: "10.0.0.1" }, { ip: "10.0.0.2" }] }], "10.0.0.1,10.0.0.2"],
    ["IPv6 addresses are bracketed", [{ addresses: [{ ip: "fd00::1" }], ports: [{ port: 80 }] }], "[fd00::1]:80"],
    ["only not-ready addresses print nothing", [{ notReadyAddresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }], ""],
  ])("formats %s", (_, subsets, expected) => {
    expect(formatEndpoints(ep(subsets))).toBe(expected);
  });

  test("prints NAME ENDPOINTS AGE", () => {
    expect(endpoints.columns.map((c) => c.name)).toEqual(["Name", "Endpoints", "Age"]);
    expect(endpoints.printRow(ep([{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }] }]), { nowMs: NOW })).toEqual(["web", "10.0.0.1:80", "60m"]);
  });
});

describe("Endpoints defaulting and validation", () => {
  test("defaults port protocols to TCP", () => {
    const e = ep([{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80 }, { port: 53, protocol: "UDP" }] }]);
    endpoints.applyDefaults!(e, { nowMs: NOW });
    expect(e.subsets![0].ports!.map((p) => p.protocol)).toEqual(["TCP", "UDP"]);
  });

  test.each<[string, Endpoints["subsets"], string[]]>([
    ["a subset needs addresses", [{ ports: [{ port: 80, protocol: "TCP" }] }], ["subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`"]],
    [
      "addresses must be valid and not loopback",
      [{ addresses: [{ ip: "127.0.0.1" }, { ip: "nope" }], ports: [{ port: 80, protocol: "TCP" }] }],
      [
        'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
        'subsets[0].addresses[1].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'subsets[0].addresses[1].ip: Invalid value: "nope": must be a valid IP address',
      ],
    ],
    [
      "ports need names when there are several",
      [{ addresses: [{ ip: "10.0.0.1" }], ports: [{ port: 80, protocol: "TCP" }, { name: "b", port: 0, protocol: "TCP" }] }],
      ["subsets[0].ports[0].name: Required value", "subsets[0].ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
    ],
  ])("%s", (_, subsets, expected) => {
    expect(errors(ep(subsets))).toEqual(expected);
  });
});
