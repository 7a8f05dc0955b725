import { describe, expect, test } from "vitest";
import { endpointSlice, type EndpointSlice } from "../../../src/engine/kinds/discovery/endpointslice";
import { fieldErrorString } from "../../../src/engine/machinery/field-errors";

const NOW = Date.parse("2024-05-01T12:00:00Z");
const es = (fields: Partial<EndpointSlice>): EndpointSlice => ({
  apiVersion: "discovery.k8s.io/v1",
  kind: "EndpointSlice",
  metadata: { name: "web-abc12", namespace: "default", creationTimestamp: "2024-05-01T11:58:00Z" },
  ...fields,
});
const errors = (o: EndpointSlice, old?: EndpointSlice) => {
  endpointSlice.applyDefaults!(o, { nowMs: NOW });
  return endpointSlice.validate!(o, { nowMs: NOW, old }).map(fieldErrorString);
};

describe("EndpointSlice", () => {
  test("defaults port names to empty and protocols to TCP", () => {
    const o = es({ addressType: "IPv4", ports: [{ port: 80 }] });
    endpointSlice.applyDefaults!(o, { nowMs: NOW });
    expect(o.ports).toEqual([{ port: 80, name: "", protocol: "TCP" }]);
  });

  test("drops deprecatedTopology written through v1", () => {
    const o = es({ addressType: "IPv4", endpoints: [{ addresses: ["10.0.0.1"], deprecatedTopology: { zone: "a" } }] });
    endpointSlice.prepareForCreate!(o, undefined as never);
    expect(o.endpoints).toEqual([{ addresses: ["10.0.0.1"] }]);
  });

  test.each<[string, Partial<EndpointSlice>, string[]]>([
    ["accepts IPv4 endpoints", { addressType: "IPv4", endpoints: [{ addresses: ["10.244.0.5"] }], ports: [{ name: "http", port: 80 }] }, []],
    ["requires addressType", {}, ["addressType: Required value"]],
    ["rejects unknown address types", { addressType: "IP" }, ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"']],
    ["requires an address per endpoint", { addressType: "IPv4", endpoints: [{}] }, ["endpoints[0].addresses: Required value: must contain at least 1 address"]],
    [
      "validates addresses by type",
      { addressType: "IPv4", endpoints: [{ addresses: ["fe80::1", "127.0.0.1"] }] },
      [
        'endpoints[0].addresses[0]: Invalid value: "fe80::1": must be a valid IPv4 address',
        'endpoints[0].addresses[0]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
        'endpoints[0].addresses[1]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    ],
    ["validates FQDN addresses", { addressType: "FQDN", endpoints: [{ addresses: ["localhost"] }] }, ['endpoints[0].addresses[0]: Invalid value: "localhost": should be a domain with at least two segments separated by dots']],
    [
      "rejects duplicate port names",
      { addressType: "IPv4", ports: [{ name: "http", port: 80 }, { name: "http", port: 81 }] },
      ['ports[1].name: Duplicate value: "http"'],
    ],
  ])("%s", (_n, fields, expected) => {
    expect(errors(es(fields))).toEqual(expected);
  });

  test("makes addressType immutable", () => {
    expect(errors(es({ addressType: "IPv6" }), es({ addressType: "IPv4" }))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });

  test.each<[string, Partial<EndpointSlice>, unknown[]]>([
    ["prints <unset> for no ports or endpoints", { addressType: "IPv4" }, ["web-abc12", "IPv4", "<unset>", "<unset>", "2m"]],
    [
      "prints ports and up to three addresses",
      { addressType: "IPv4", ports: [{ port: 80 }, { name: "metrics" }, {}], endpoints: [{ addresses: ["10.0.0.1", "10.0.0.2"] }, { addresses: ["10.0.0.3"] }, { addresses: ["10.0.0.4", "10.0.0.5"] }] },
      ["web-abc12", "IPv4", "80,metrics,*", "10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...", "2m"],
    ],
  ])("%s", (_n, fields, row) => {
    expect(endpointSlice.columns.map((c) => c.name)).toEqual(["Name", "AddressType", "Ports", "Endpoints", "Age"]);
    expect(endpointSlice.printRow(es(fields), { nowMs: NOW })).toEqual(row);
  });
});
