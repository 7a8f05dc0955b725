// discovery.k8s.io/v1 EndpointSlice (Kubernetes 1.32): types.go schema, SetDefaults_EndpointPort,
// ValidateEndpointSliceCreate/Update of pkg/apis/discovery/validation, the strategy (generation,
// deprecatedTopology dropped on v1 writes) and the printer of printers.go
// (NAME ADDRESSTYPE PORTS ENDPOINTS AGE).
import type { KindDef, KubeObject } from "../types";
import { bool, int, kindSchema, list, obj, str, strEnum, stringMap, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { ObjectReference } from "../common/pod";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, duplicate, index, invalid, notSupported, required, tooMany, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from "../../machinery/names";
import { parseIPSloppy } from "../networking/networkpolicy";

export interface EndpointT {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  hostname?: string;
  targetRef?: Record<string, unknown>;
  deprecatedTopology?: Record<string, string>;
  nodeName?: string;
  zone?: string;
  hints?: { forZones?: Array<{ name?: string }> };
}
export interface EndpointPortT {
  name?: string;
  protocol?: string;
  port?: number;
  appProtocol?: string;
}
export interface EndpointSlice extends KubeObject {
  addressType?: string;
  endpoints?: EndpointT[];
  ports?: EndpointPortT[];
}

export const EndpointConditions = obj(
  {
    ready: bool("ready indicates that this endpoint is prepared to receive traffic, according to whatever system is managing the endpoint. A nil value indicates an unknown state. In most cases consumers should interpret this unknown state as ready. For compatibility reasons, ready should never be \"true\" for terminating endpoints, except when the normal readiness behavior is being explicitly overridden, for example when the associated Service has set the publishNotReadyAddresses flag."),
    serving: bool("serving is identical to ready except that it is set regardless of the terminating state of endpoints. This condition should be set to true for a ready endpoint that is terminating. If nil, consumers should defer to the ready condition."),
    terminating: bool("terminating indicates that this endpoint is terminating. A nil value indicates an unknown state. Consumers should interpret this unknown state to mean that the endpoint is not terminating."),
  },
  { id: "io.k8s.api.discovery.v1.EndpointConditions", desc: "EndpointConditions represents the current condition of an endpoint." },
);

export const ForZone = obj(
  {
    name: str("name represents the name of the zone."),
  },
  { id: "io.k8s.api.discovery.v1.ForZone", desc: "ForZone provides information about which zones should consume this endpoint.", required: ["name"] },
);

export const EndpointHints = obj(
  {
    forZones: list(ForZone, { listType: "atomic", desc: "forZones indicates the zone(s) this endpoint should be consumed by to enable topology aware routing." }),
  },
  { id: "io.k8s.api.discovery.v1.EndpointHints", desc: "EndpointHints provides hints describing how an endpoint should be consumed." },
);

export const Endpoint = obj(
  {
    addresses: strList({ listType: "set", desc: "addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field. Consumers must handle different types of addresses in the context of their own capabilities. This must contain at least one address but no more than 100. These are all assumed to be fungible and clients may choose to only use the first element. Refer to: https://issue.k8s.io/106267" }),
    conditions: EndpointConditions,
    deprecatedTopology: stringMap("deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated, and will be removed when the v1beta1 API is removed (no sooner than kubernetes v1.24).  While this field can hold values, it is not writable through the v1 API, and any attempts to write to it will be silently ignored. Topology information can be found in the zone and nodeName fields instead."),
    hints: EndpointHints,
    hostname: str("hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Multiple endpoints which use the same hostname should be considered fungible (e.g. multiple A values in DNS). Must be lowercase and pass DNS Label (RFC 1123) validation."),
    nodeName: str("nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node."),
    targetRef: ObjectReference,
    zone: str("zone is the name of the Zone this endpoint exists in."),
  },
  { id: "io.k8s.api.discovery.v1.Endpoint", desc: "Endpoint represents a single logical \"backend\" implementing a service.", required: ["addresses"] },
);

export const EndpointPort = obj(
  {
    appProtocol: str("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol."),
    name: str("name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name. Name must either be an empty string or pass DNS_LABEL validation: * must be no more than 63 characters long. * must consist of lower case alphanumeric characters or '-'. * must start and end with an alphanumeric character. Default is empty string."),
    port: int("port represents the port number of the endpoint. If this is not specified, ports are not restricted and must be interpreted in the context of the specific consumer."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
  },
  { id: "io.k8s.api.discovery.v1.EndpointPort", desc: "EndpointPort represents a Port used by an EndpointSlice" },
);

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;
const MAX_ENDPOINTS = 1000;

function ipBytes(ip: { v6: boolean; value: bigint }): number[] {
  const n = ip.v6 ? 16 : 4;
  const out: number[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(Number((ip.value >> BigInt(8 * i)) & 0xffn));
  return out;
}

/** apivalidation.ValidateNonSpecialIP. */
function validateNonSpecialIP(value: string, path: string): FieldError[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(path, value, "must be a valid IP address")];
  const errs: FieldError[] = [];
  const b = ipBytes(ip);
  // IPv4-mapped IPv6 addresses behave as their IPv4 address in Go.
  const v4 = !ip.v6 ? b : b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff ? b.slice(12) : undefined;
  if (v4 ? v4.every((x) => x === 0) : b.every((x) => x === 0)) errs.push(invalid(path, value, `may not be unspecified (${value})`));
  if (v4 ? v4[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1) errs.push(invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (v4 ? v4[0] === 169 && v4[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80) errs.push(invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02) errs.push(invalid(path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errs;
}

/** validation.IsFullyQualifiedDomainName. */
function validateFQDN(path: string, value: string): FieldError[] {
  if (value.length === 0) return [required(path, "")];
  const name = value.endsWith(".") ? value.slice(0, -1) : value;
  const sub = isDNS1123Subdomain(name);
  if (sub.length) return [invalid(path, name, sub.join(","))];
  const labels = name.split(".");
  if (labels.length < 2) return [invalid(path, name, "should be a domain with at least two segments separated by dots")];
  for (const l of labels) {
    const e = isDNS1123Label(l);
    if (e.length) return [invalid(path, l, e.join(","))];
  }
  return [];
}

function validateAddress(addressType: string, address: string, path: string): FieldError[] {
  switch (addressType) {
    case "IPv4": {
      const ip = parseIPSloppy(address);
      const errs = !ip || ip.v6 ? [invalid(path, address, "must be a valid IPv4 address")] : [];
      return [...errs, ...validateNonSpecialIP(address, path)];
    }
    case "IPv6": {
      const ip = parseIPSloppy(address);
      const errs = !ip || !ip.v6 ? [invalid(path, address, "must be a valid IPv6 address")] : [];
      return [...errs, ...validateNonSpecialIP(address, path)];
    }
    case "FQDN":
      return validateFQDN(path, address);
    default:
      return [];
  }
}

export function validateEndpointSlice(es: EndpointSlice, old?: EndpointSlice): FieldError[] {
  const errs: FieldError[] = [];
  const addressType = es.addressType ?? "";
  const valid = old ? [...ADDRESS_TYPES, "IP"].sort() : ADDRESS_TYPES;
  if (addressType === "") errs.push(required("addressType", ""));
  else if (!valid.includes(addressType)) errs.push(notSupported("addressType", addressType, valid));

  const endpoints = es.endpoints ?? [];
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany("endpoints", endpoints.length, MAX_ENDPOINTS));
  else {
    endpoints.forEach((ep, i) => {
      const p = index("endpoints", i);
      const ap = child(p, "addresses");
      const addresses = ep.addresses ?? [];
      if (addresses.length === 0) errs.push(required(ap, "must contain at least 1 address"));
      else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(ap, addresses.length, MAX_ADDRESSES));
      addresses.forEach((a, j) => errs.push(...validateAddress(addressType, a, index(ap, j))));
      if (ep.hostname !== undefined && ep.hostname !== null) {
        for (const msg of isDNS1123Label(ep.hostname)) errs.push(invalid(child(p, "hostname"), ep.hostname, msg));
      }
    });
  }

  const ports = es.ports ?? [];
  if (ports.length > MAX_PORTS) errs.push(tooMany("ports", ports.length, MAX_PORTS));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = index("ports", i);
      const name = port.name ?? "";
      if (name.length > 0) for (const msg of isDNS1123Label(name)) errs.push(invalid(child(p, "name"), name, msg));
      if (names.has(name)) errs.push(duplicate(child(p, "name"), name));
      else names.add(name);
      if (port.protocol === undefined || port.protocol === null) errs.push(required(child(p, "protocol"), ""));
      else if (!["SCTP", "TCP", "UDP"].includes(port.protocol)) errs.push(notSupported(child(p, "protocol"), port.protocol, ["SCTP", "TCP", "UDP"]));
      if (port.appProtocol !== undefined && port.appProtocol !== null) {
        for (const msg of isQualifiedName(port.appProtocol)) errs.push(invalid(child(p, "appProtocol"), port.appProtocol, msg));
      }
    });
  }
  if (old && addressType !== (old.addressType ?? "")) errs.push(invalid("addressType", addressType, "field is immutable"));
  return errs;
}

/** listWithMoreString: up to three entries, "<unset>" when empty. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}

export function formatDiscoveryPorts(ports: EndpointPortT[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const port of ports ?? []) {
    if (list.length < max) {
      let s = "*";
      if (port.port !== undefined && port.port !== null) s = String(port.port);
      else if (port.name !== undefined && port.name !== null) s = port.name;
      list.push(s);
    } else if (list.length === max) more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

export function formatDiscoveryEndpoints(endpoints: EndpointT[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ep of endpoints ?? []) {
    for (const a of ep.addresses ?? []) {
      if (list.length < max) list.push(a);
      else if (list.length === max) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

function dropTopology(es: EndpointSlice, old?: EndpointSlice): void {
  (es.endpoints ?? []).forEach((ep, i) => {
    const prev = old?.endpoints?.[i]?.deprecatedTopology;
    if (prev) ep.deprecatedTopology = prev;
    else delete ep.deprecatedTopology;
  });
}

export const endpointSlice: KindDef<EndpointSlice> = {
  group: "discovery.k8s.io",
  version: "v1",
  kind: "EndpointSlice",
  plural: "endpointslices",
  singular: "endpointslice",
  namespaced: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.discovery.v1.EndpointSlice",
    "EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.",
    {
      addressType: strEnum(["FQDN", "IPv4", "IPv6"], "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name." + "\n\nPossible enum values:\n - `\"FQDN\"` represents a FQDN.\n - `\"IPv4\"` represents an IPv4 Address.\n - `\"IPv6\"` represents an IPv6 Address."),
    endpoints: list(Endpoint, { listType: "atomic", desc: "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints." }),
    ports: list(EndpointPort, { listType: "atomic", desc: "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports." }),
    },
    ObjectMeta,
  ),
  applyDefaults(es) {
    for (const p of es.ports ?? []) {
      p.name ??= "";
      p.protocol ??= "TCP";
    }
  },
  prepareForCreate(es) {
    dropTopology(es);
  },
  prepareForUpdate(es, old) {
    dropTopology(es, old);
  },
  validate: (es, ctx) => validateEndpointSlice(es, ctx.old as EndpointSlice | undefined),
  columns: [
    nameColumn(),
    col("AddressType", "string", "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name."),
    col("Ports", "string", "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports."),
    col("Endpoints", "string", "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints."),
    ageColumn(),
  ],
  printRow: (es, ctx) => [es.metadata.name!, es.addressType ?? "", formatDiscoveryPorts(es.ports), formatDiscoveryEndpoints(es.endpoints), age(es, ctx.nowMs)],
};
