// core/v1 Endpoints: schema, SetDefaults_Endpoints, ValidateEndpoints and printEndpoints
// (formatEndpoints: the first three ip:port pairs, then "+ N more...").
import type { KindDef, KubeObject } from "../types";
import { int, kindSchema, list, obj, str, strEnum } from "../schema";
import { ObjectMeta } from "../common/meta";
import { ObjectReference } from "../common/pod";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, index, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from "../../machinery/names";
import { validateIP, validateNonSpecialIP } from "./service";

export interface EndpointAddress {
  ip?: string;
  hostname?: string;
  nodeName?: string;
  targetRef?: Record<string, unknown>;
}

export interface EndpointPort {
  name?: string;
  port?: number;
  protocol?: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints extends KubeObject {
  subsets?: EndpointSubset[];
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const EndpointAddress = obj(
  {
    hostname: str("The Hostname of this endpoint"),
    ip: str("The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16)."),
    nodeName: str("Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node."),
    targetRef: ObjectReference.describe("Reference to object providing the endpoint."),
  },
  { id: "io.k8s.api.core.v1.EndpointAddress", desc: "EndpointAddress is a tuple that describes single IP address.", required: ["ip"] },
);

export const EndpointPort = obj(
  {
    appProtocol: str("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol."),
    name: str("The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined."),
    port: int("The port number of the endpoint."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
  },
  { id: "io.k8s.api.core.v1.EndpointPort", desc: "EndpointPort is a tuple that describes a single port.", required: ["port"] },
);

export const EndpointSubset = obj(
  {
    addresses: list(EndpointAddress, { listType: "atomic", desc: "IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize." }),
    notReadyAddresses: list(EndpointAddress, { listType: "atomic", desc: "IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check." }),
    ports: list(EndpointPort, { listType: "atomic", desc: "Port numbers available on the related IP addresses." }),
  },
  { id: "io.k8s.api.core.v1.EndpointSubset", desc: "EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports. For example, given:\n\n\t{\n\t  Addresses: [{\"ip\": \"10.10.1.1\"}, {\"ip\": \"10.10.2.2\"}],\n\t  Ports:     [{\"name\": \"a\", \"port\": 8675}, {\"name\": \"b\", \"port\": 309}]\n\t}\n\nThe resulting set of endpoints can be viewed as:\n\n\ta: [ 10.10.1.1:8675, 10.10.2.2:8675 ],\n\tb: [ 10.10.1.1:309, 10.10.2.2:309 ]" },
);

// ---------------------------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------------------------

const SUPPORTED_PROTOCOLS = ["SCTP", "TCP", "UDP"];

function validateAddress(a: EndpointAddress, path: string): FieldError[] {
  const errs: FieldError[] = [...validateIP(child(path, "ip"), a.ip ?? "")];
  if (a.hostname) for (const msg of isDNS1123Label(a.hostname)) errs.push(invalid(child(path, "hostname"), a.hostname, msg));
  if (a.nodeName !== undefined) for (const msg of isDNS1123Subdomain(a.nodeName)) errs.push(invalid(child(path, "nodeName"), a.nodeName, msg));
  errs.push(...validateNonSpecialIP(child(path, "ip"), a.ip ?? ""));
  return errs;
}

function validatePort(p: EndpointPort, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(child(path, "name")));
  else if (p.name) for (const msg of isDNS1123Label(p.name)) errs.push(invalid(child(path, "name"), p.name, msg));
  for (const msg of isValidPortNum(p.port ?? 0)) errs.push(invalid(child(path, "port"), p.port ?? 0, msg));
  if (!p.protocol) errs.push(required(child(path, "protocol")));
  else if (!SUPPORTED_PROTOCOLS.includes(p.protocol)) errs.push(notSupported(child(path, "protocol"), p.protocol, SUPPORTED_PROTOCOLS));
  if (p.appProtocol !== undefined) for (const msg of isQualifiedName(p.appProtocol)) errs.push(invalid(child(path, "appProtocol"), p.appProtocol, msg));
  return errs;
}

/** validateEndpointSubsets */
export function validateEndpoints(ep: Endpoints): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = index("subsets", i);
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) errs.push(required(p, "must specify `addresses` or `notReadyAddresses`"));
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, index(child(p, "addresses"), j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateAddress(a, index(child(p, "notReadyAddresses"), j))));
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => errs.push(...validatePort(port, ports.length > 1, index(child(p, "ports"), j))));
  });
  return errs;
}

/** net.JoinHostPort: IPv6 hosts are bracketed. */
const joinHostPort = (host: string, port: number) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpoints(endpoints, nil): at most three entries, then " + N more...". */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (!subsets.length) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports?.length) {
      // Headless services may have no ports.
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip ?? "");
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip ?? "", port.port ?? 0));
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpoints: KindDef<Endpoints> = {
  group: "",
  version: "v1",
  kind: "Endpoints",
  plural: "endpoints",
  singular: "endpoints",
  shortNames: ["ep"],
  namespaced: true,
  schema: kindSchema(
    "io.k8s.api.core.v1.Endpoints",
    "Endpoints is a collection of endpoints that implement the actual service. Example:\n\n\t Name: \"mysvc\",\n\t Subsets: [\n\t   {\n\t     Addresses: [{\"ip\": \"10.10.1.1\"}, {\"ip\": \"10.10.2.2\"}],\n\t     Ports: [{\"name\": \"a\", \"port\": 8675}, {\"name\": \"b\", \"port\": 309}]\n\t   },\n\t   {\n\t     Addresses: [{\"ip\": \"10.10.3.3\"}],\n\t     Ports: [{\"name\": \"a\", \"port\": 93}, {\"name\": \"b\", \"port\": 76}]\n\t   },\n\t]",
    {
      subsets: list(EndpointSubset, { listType: "atomic", desc: "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service." }),
    },
    ObjectMeta,
  ),
  applyDefaults(ep) {
    for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) if (!p.protocol) p.protocol = "TCP";
  },
  validate: (ep) => validateEndpoints(ep),
  columns: [
    nameColumn(),
    col(
      "Endpoints",
      "string",
      "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.",
    ),
    ageColumn(),
  ],
  printRow: (ep, ctx) => [ep.metadata.name ?? "", formatEndpoints(ep), age(ep, ctx.nowMs)],
};
