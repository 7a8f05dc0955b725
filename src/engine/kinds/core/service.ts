// core/v1 Service: schema (k8s.io/api core/v1 types.go), defaulting (SetDefaults_Service), the
// registry's ClusterIP / NodePort allocation (pkg/registry/core/service/storage: alloc.go,
// normalizeClusterIPs, patchAllocatedValues; strategy.go dropTypeDependentFields), validation
// (ValidateService / ValidateServiceUpdate) and the server-side printer (printService).
// The simulated cluster is single-stack IPv4 with --service-cluster-ip-range=10.96.0.0/12 and
// --service-node-port-range=30000-32767, like kind and kubeadm defaults.
import type { AdmissionContext, KindDef, KubeObject, RandomSource } from "../types";
import { bool, int, intOrString, kindSchema, list, obj, str, strEnum, stringMap, strList } from "../schema";
import { Condition, ObjectMeta } from "../common/meta";
import { age, col, formatLabels, nameColumn, ageColumn } from "../common/print";
import {
  child,
  duplicate,
  forbidden,
  GoValue,
  goQuote,
  index,
  invalid,
  notSupported,
  required,
  type FieldError,
} from "../../machinery/field-errors";
import { invalid as invalidObject, ApiError } from "../../machinery/status";
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from "../../machinery/names";

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface ServicePort {
  name?: string;
  protocol?: string;
  appProtocol?: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

export interface ServiceSpec {
  ports?: ServicePort[];
  selector?: Record<string, string>;
  clusterIP?: string;
  clusterIPs?: string[];
  type?: string;
  externalIPs?: string[];
  sessionAffinity?: string;
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  externalName?: string;
  externalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
  loadBalancerClass?: string;
  internalTrafficPolicy?: string;
  trafficDistribution?: string;
}

export interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
  ipMode?: string;
  ports?: Array<{ port?: number; protocol?: string; error?: string }>;
}

export interface Service extends KubeObject {
  spec?: ServiceSpec;
  status?: { loadBalancer?: { ingress?: LoadBalancerIngress[] }; conditions?: unknown[] };
}

// ---------------------------------------------------------------------------------------------
// Cluster configuration
// ---------------------------------------------------------------------------------------------

/** --service-cluster-ip-range of the simulated cluster. */
export const SERVICE_CIDR = "10.96.0.0/12";
/** --service-node-port-range of the simulated cluster. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const NODE_PORT_RANGE = `${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
const PRIMARY_FAMILY = "IPv4";
const CONFIGURED_FAMILIES = new Set(["IPv4"]);
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
const SUPPORTED_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const SUPPORTED_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];

// ---------------------------------------------------------------------------------------------
// IP helpers (k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy, validation.IsValidIP ...)
// ---------------------------------------------------------------------------------------------

/** Parses an IPv4 address the way net.ParseIP does (ParseIPSloppy also accepts leading zeros). */
export function parseIPv4(s: string): number | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** net.ParseIP for IPv6 text: 8 groups of hex, one "::", optionally an embedded IPv4 tail. */
export function parseIPv6(s: string): number[] | undefined {
  if (!s.includes(":")) return undefined;
  let head = s;
  let tail4: number | undefined;
  const lastColon = s.lastIndexOf(":");
  if (s.slice(lastColon + 1).includes(".")) {
    tail4 = parseIPv4(s.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    head = s.slice(0, lastColon + 1) + "0:0";
  }
  const dbl = head.indexOf("::");
  if (dbl !== head.lastIndexOf("::")) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === "") return [];
    const out: number[] = [];
    for (const g of part.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const a = parse(head.slice(0, dbl));
    const b = parse(head.slice(dbl + 2));
    if (!a || !b || a.length + b.length > 7) return undefined;
    groups = [...a, ...new Array(8 - a.length - b.length).fill(0), ...b];
  } else {
    const all = parse(head);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  if (tail4 !== undefined) {
    groups[6] = Math.floor(tail4 / 65536);
    groups[7] = tail4 % 65536;
  }
  return groups;
}

export const isIPv4 = (s: string) => parseIPv4(s) !== undefined;
export const isIPv6 = (s: string) => parseIPv4(s) === undefined && parseIPv6(s) !== undefined;
export const isIP = (s: string) => isIPv4(s) || parseIPv6(s) !== undefined;

const ipv4Text = (n: number) => [24, 16, 8, 0].map((sh) => Math.floor(n / 2 ** sh) % 256).join(".");

/** validation.IsValidIP */
export function validateIP(field: string, value: string): FieldError[] {
  return isIP(value) ? [] : [invalid(field, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")];
}

/** validation.IsValidCIDR */
export function validateCIDR(field: string, value: string): FieldError[] {
  const slash = value.indexOf("/");
  const ok = (() => {
    if (slash < 0) return false;
    const ip = value.slice(0, slash);
    const bits = value.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(bits)) return false;
    if (isIPv4(ip)) return Number(bits) <= 32;
    return parseIPv6(ip) !== undefined && Number(bits) <= 128;
  })();
  return ok ? [] : [invalid(field, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")];
}

/** ValidateNonSpecialIP: no unspecified, loopback, link-local or link-local multicast addresses. */
export function validateNonSpecialIP(field: string, value: string): FieldError[] {
  const v4 = parseIPv4(value);
  const v6 = v4 === undefined ? parseIPv6(value) : undefined;
  if (v4 === undefined && !v6) return [invalid(field, value, "must be a valid IP address")];
  const errs: FieldError[] = [];
  let unspecified: boolean, loopback: boolean, linkLocal: boolean, llMulticast: boolean;
  if (v4 !== undefined) {
    unspecified = v4 === 0;
    loopback = Math.floor(v4 / 2 ** 24) === 127;
    linkLocal = Math.floor(v4 / 2 ** 16) === 169 * 256 + 254;
    llMulticast = Math.floor(v4 / 2 ** 8) === 224 * 65536;
  } else {
    const g = v6!;
    // IPv4-mapped addresses (::ffff:a.b.c.d) behave as their IPv4 form in Go.
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return validateNonSpecialIP(field, ipv4Text(g[6] * 65536 + g[7]));
    unspecified = g.every((x) => x === 0);
    loopback = g.slice(0, 7).every((x) => x === 0) && g[7] === 1;
    linkLocal = (g[0] & 0xffc0) === 0xfe80;
    llMulticast = (g[0] & 0xff0f) === 0xff02;
  }
  if (unspecified) errs.push(invalid(field, value, `may not be unspecified (${value})`));
  if (loopback) errs.push(invalid(field, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  if (linkLocal) errs.push(invalid(field, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  if (llMulticast) errs.push(invalid(field, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  return errs;
}

/** unversionedvalidation.ValidateLabels: label keys and values of a map (keys sorted for stable output). */
export function validateLabelMap(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels ?? {}).sort()) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(field, k, msg));
    for (const msg of isValidLabelValue(labels![k])) errs.push(invalid(field, labels![k], msg));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------

export const ServicePort = obj(
  {
    appProtocol: str("The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax. Valid values are either:\n\n* Un-prefixed protocol names - reserved for IANA standard service names (as per RFC-6335 and https://www.iana.org/assignments/service-names).\n\n* Kubernetes-defined prefixed names:\n  * 'kubernetes.io/h2c' - HTTP/2 prior knowledge over cleartext as described in https://www.rfc-editor.org/rfc/rfc9113.html#name-starting-http-2-with-prior-\n  * 'kubernetes.io/ws'  - WebSocket over cleartext as described in https://www.rfc-editor.org/rfc/rfc6455\n  * 'kubernetes.io/wss' - WebSocket over TLS as described in https://www.rfc-editor.org/rfc/rfc6455\n\n* Other protocols should use implementation-defined prefixed names such as mycompany.com/my-custom-protocol."),
    name: str("The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service."),
    nodePort: int("The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. If a value is specified, in-range, and not in use it will be used, otherwise the operation will fail.  If not specified, a port will be allocated if this Service requires one.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type from NodePort to ClusterIP). More info: https://kubernetes.io/docs/concepts/services-networking/service/#type-nodeport"),
    port: int("The port that will be exposed by this service."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "The IP protocol for this port. Supports \"TCP\", \"UDP\", and \"SCTP\". Default is TCP.\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
    targetPort: intOrString("Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). This field is ignored for services with clusterIP=None, and should be omitted or set equal to the 'port' field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service"),
  },
  { id: "io.k8s.api.core.v1.ServicePort", desc: "ServicePort contains information on service's port.", required: ["port"] },
);

export const ClientIPConfig = obj(
  {
    timeoutSeconds: int("timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == \"ClientIP\". Default value is 10800(for 3 hours)."),
  },
  { id: "io.k8s.api.core.v1.ClientIPConfig", desc: "ClientIPConfig represents the configurations of Client IP based session affinity." },
);

export const SessionAffinityConfig = obj(
  {
    clientIP: ClientIPConfig.describe("clientIP contains the configurations of Client IP based session affinity."),
  },
  { id: "io.k8s.api.core.v1.SessionAffinityConfig", desc: "SessionAffinityConfig represents the configurations of session affinity." },
);

export const ServiceSpec = obj(
  {
    allocateLoadBalancerNodePorts: bool("allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.  Default is \"true\". It may be set to \"false\" if the cluster load-balancer does not rely on NodePorts.  If the caller requests specific NodePorts (by specifying a value), those requests will be respected, regardless of this field. This field may only be set for services with type LoadBalancer and will be cleared if the type is changed to any other type."),
    clusterIP: str("clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
    clusterIPs: strList({ listType: "atomic", desc: "ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.  If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be empty) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address.  Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName.  If this field is not specified, it will be initialized from the clusterIP field.  If this field is specified, clients must ensure that clusterIPs[0] and clusterIP have the same value.\n\nThis field may hold a maximum of two entries (dual-stack IPs, in either order). These IPs must correspond to the values of the ipFamilies field. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies" }),
    externalIPs: strList({ listType: "atomic", desc: "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system." }),
    externalName: str("externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.  Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be \"ExternalName\"."),
    externalTrafficPolicy: strEnum(["Cluster", "Local"], "externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service's \"externally-facing\" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs). If set to \"Local\", the proxy will configure the service in a way that assumes that external load balancers will take care of balancing the service traffic between nodes, and so each node will deliver traffic only to the node-local endpoints of the service, without masquerading the client source IP. (Traffic mistakenly sent to a node with no endpoints will be dropped.) The default value, \"Cluster\", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features). Note that traffic sent to an External IP or LoadBalancer IP from within the cluster will always get \"Cluster\" semantics, but clients sending to a NodePort from within the cluster may need to take traffic policy into account when picking a node.\n\nPossible enum values:\n - `\"Cluster\"` routes traffic to all endpoints.\n - `\"Local\"` preserves the source IP of the traffic by routing only to endpoints on the same node as the traffic was received on (dropping the traffic if there are no local endpoints)."),
    healthCheckNodePort: int("healthCheckNodePort specifies the healthcheck nodePort for the service. This only applies when type is set to LoadBalancer and externalTrafficPolicy is set to Local. If a value is specified, is in-range, and is not in use, it will be used.  If not specified, a value will be automatically allocated.  External systems (e.g. load-balancers) can use this port to determine if a given node holds endpoints for this service or not.  If this field is specified when creating a Service which does not need it, creation will fail. This field will be wiped when updating a Service to no longer need it (e.g. changing type). This field cannot be updated once set."),
    internalTrafficPolicy: strEnum(["Cluster", "Local"], "InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP. If set to \"Local\", the proxy will assume that pods only want to talk to endpoints of the service on the same node as the pod, dropping the traffic if there are no local endpoints. The default value, \"Cluster\", uses the standard behavior of routing to all endpoints evenly (possibly modified by topology and other features).\n\nPossible enum values:\n - `\"Cluster\"` routes traffic to all endpoints.\n - `\"Local\"` routes traffic only to endpoints on the same node as the client pod (dropping the traffic if there are no local endpoints)."),
    ipFamilies: strList({ listType: "atomic", desc: "IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service. This field is usually assigned automatically based on cluster configuration and the ipFamilyPolicy field. If this field is specified manually, the requested family is available in the cluster, and ipFamilyPolicy allows it, it will be used; otherwise creation of the service will fail. This field is conditionally mutable: it allows for adding or removing a secondary IP family, but it does not allow changing the primary IP family of the Service. Valid values are \"IPv4\" and \"IPv6\".  This field only applies to Services of types ClusterIP, NodePort, and LoadBalancer, and does apply to \"headless\" services. This field will be wiped when updating a Service to type ExternalName.\n\nThis field may hold a maximum of two entries (dual-stack families, in either order).  These families must correspond to the values of the clusterIPs field, if specified. Both clusterIPs and ipFamilies are governed by the ipFamilyPolicy field." }),
    ipFamilyPolicy: strEnum(["PreferDualStack", "RequireDualStack", "SingleStack"], "IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack. Services can be \"SingleStack\" (a single IP family), \"PreferDualStack\" (two IP families on dual-stack configured clusters or a single IP family on single-stack clusters), or \"RequireDualStack\" (two IP families on dual-stack configured clusters, otherwise fail). The ipFamilies and clusterIPs fields depend on the value of this field. This field will be wiped when updating a service to type ExternalName.\n\nPossible enum values:\n - `\"PreferDualStack\"` indicates that this service prefers dual-stack when the cluster is configured for dual-stack. If the cluster is not configured for dual-stack the service will be assigned a single IPFamily. If the IPFamily is not set in service.spec.ipFamilies then the service will be assigned the default IPFamily configured on the cluster\n - `\"RequireDualStack\"` indicates that this service requires dual-stack. Using IPFamilyPolicyRequireDualStack on a single stack cluster will result in validation errors. The IPFamilies (and their order) assigned to this service is based on service.spec.ipFamilies. If service.spec.ipFamilies was not provided then it will be assigned according to how they are configured on the cluster. If service.spec.ipFamilies has only one entry then the alternative IPFamily will be added by apiserver\n - `\"SingleStack\"` indicates that this service is required to have a single IPFamily. The IPFamily assigned is based on the default IPFamily used by the cluster or as identified by service.spec.ipFamilies field"),
    loadBalancerClass: str("loadBalancerClass is the class of the load balancer implementation this Service belongs to. If specified, the value of this field must be a label-style identifier, with an optional prefix, e.g. \"internal-vip\" or \"example.com/internal-vip\". Unprefixed names are reserved for end-users. This field can only be set when the Service type is 'LoadBalancer'. If not set, the default load balancer implementation is used, today this is typically done through the cloud provider integration, but should apply for any default implementation. If set, it is assumed that a load balancer implementation is watching for Services with a matching class. Any default load balancer implementation (e.g. cloud providers) should ignore Services that set this field. This field can only be set when creating or updating a Service to type 'LoadBalancer'. Once set, it can not be changed. This field will be wiped when a service is updated to a non 'LoadBalancer' type."),
    loadBalancerIP: str("Only applies to Service Type: LoadBalancer. This feature depends on whether the underlying cloud-provider supports specifying the loadBalancerIP when a load balancer is created. This field will be ignored if the cloud-provider does not support the feature. Deprecated: This field was under-specified and its meaning varies across implementations. Using it is non-portable and it may not support dual-stack. Users are encouraged to use implementation-specific annotations when available."),
    loadBalancerSourceRanges: strList({ listType: "atomic", desc: "If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs. This field will be ignored if the cloud-provider does not support the feature.\" More info: https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/" }),
    ports: list(ServicePort, { mergeKey: "port", strategy: "merge", listType: "map", listMapKeys: ["port", "protocol"], desc: "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies" }),
    publishNotReadyAddresses: bool("publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready. The primary use case for setting this field is for a StatefulSet's Headless Service to propagate SRV DNS records for its Pods for the purpose of peer discovery. The Kubernetes controllers that generate Endpoints and EndpointSlice resources for Services interpret this to mean that all endpoints are considered \"ready\" even if the Pods themselves are not. Agents which consume only Kubernetes generated endpoints through the Endpoints or EndpointSlice resources can safely assume this behavior."),
    selector: stringMap("Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/"),
    sessionAffinity: strEnum(["ClientIP", "None"], "Supports \"ClientIP\" and \"None\". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies\n\nPossible enum values:\n - `\"ClientIP\"` is the Client IP based.\n - `\"None\"` - no session affinity."),
    sessionAffinityConfig: SessionAffinityConfig.describe("sessionAffinityConfig contains the configurations of session affinity."),
    trafficDistribution: str("TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints. Implementations can use this field as a hint, but are not required to guarantee strict adherence. If the field is not set, the implementation will apply its default routing strategy. If set to \"PreferClose\", implementations should prioritize endpoints that are topologically close (e.g., same zone). This is a beta field and requires enabling ServiceTrafficDistribution feature."),
    type: strEnum(["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"], "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types\n\nPossible enum values:\n - `\"ClusterIP\"` means a service will only be accessible inside the cluster, via the cluster IP.\n - `\"ExternalName\"` means a service consists of only a reference to an external name that kubedns or equivalent will return as a CNAME record, with no exposing or proxying of any pods involved.\n - `\"LoadBalancer\"` means a service will be exposed via an external load balancer (if the cloud provider supports it), in addition to 'NodePort' type.\n - `\"NodePort\"` means a service will be exposed on one port of every node, in addition to 'ClusterIP' type."),
  },
  { id: "io.k8s.api.core.v1.ServiceSpec", desc: "ServiceSpec describes the attributes that a user creates on a service." },
);

export const PortStatus = obj(
  {
    error: str("Error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use\n  CamelCase names\n- cloud provider specific error values must have names that comply with the\n  format foo.example.com/CamelCase."),
    port: int("Port is the port number of the service port of which status is recorded here"),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "Protocol is the protocol of the service port of which status is recorded here The supported values are: \"TCP\", \"UDP\", \"SCTP\"\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
  },
  { id: "io.k8s.api.core.v1.PortStatus", desc: "PortStatus represents the error condition of a service port", required: ["port", "protocol"] },
);

export const LoadBalancerIngress = obj(
  {
    hostname: str("Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)"),
    ip: str("IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)"),
    ipMode: str("IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified. Setting this to \"VIP\" indicates that traffic is delivered to the node with the destination set to the load-balancer's IP and port. Setting this to \"Proxy\" indicates that traffic is delivered to the node or pod with the destination set to the node's IP and node port or the pod's IP and port. Service implementations may use this information to adjust traffic routing."),
    ports: list(PortStatus, { listType: "atomic", desc: "Ports is a list of records of service ports If used, every port defined in the service should have an entry in it" }),
  },
  { id: "io.k8s.api.core.v1.LoadBalancerIngress", desc: "LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point." },
);

export const LoadBalancerStatus = obj(
  {
    ingress: list(LoadBalancerIngress, { listType: "atomic", desc: "Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points." }),
  },
  { id: "io.k8s.api.core.v1.LoadBalancerStatus", desc: "LoadBalancerStatus represents the status of a load-balancer." },
);

export const ServiceStatus = obj(
  {
    conditions: list(Condition, { mergeKey: "type", strategy: "merge", listType: "map", listMapKeys: ["type"], desc: "Current service state" }),
    loadBalancer: LoadBalancerStatus.describe("LoadBalancer contains the current status of the load-balancer, if one is present."),
  },
  { id: "io.k8s.api.core.v1.ServiceStatus", desc: "ServiceStatus represents the current status of a service." },
);


// ---------------------------------------------------------------------------------------------
// Helpers shared by defaulting, allocation and validation (pkg/api/service/util.go)
// ---------------------------------------------------------------------------------------------

const specOf = (svc: Service): ServiceSpec => (svc.spec ??= {});

/** ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with externalIPs. */
export function externallyAccessible(spec: ServiceSpec): boolean {
  return spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && (spec.externalIPs?.length ?? 0) > 0);
}

/** NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
export function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

const needsClusterIP = (spec: ServiceSpec) => spec.type !== "ExternalName";
const needsNodePort = (spec: ServiceSpec) => spec.type === "NodePort" || spec.type === "LoadBalancer";
const isHeadless = (spec: ServiceSpec) => spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === "None";

function shouldAllocateNodePorts(spec: ServiceSpec): boolean {
  if (spec.type === "NodePort") return true;
  if (spec.type === "LoadBalancer") return spec.allocateLoadBalancerNodePorts !== false;
  return false;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  (a?.length ?? 0) === (b?.length ?? 0) && (a ?? []).every((x, i) => x === b![i]);

function familyOf(ip: string): string {
  return isIPv6(ip) ? "IPv6" : "IPv4";
}

// ---------------------------------------------------------------------------------------------
// Defaulting (SetDefaults_Service)
// ---------------------------------------------------------------------------------------------

export function defaultService(svc: Service): void {
  const spec = specOf(svc);
  if (!spec.sessionAffinity) spec.sessionAffinity = "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    if (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
    }
  }
  if (!spec.type) spec.type = "ClusterIP";
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port ?? 0;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (spec.internalTrafficPolicy === undefined && (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP")) {
    spec.internalTrafficPolicy = "Cluster";
  }
  if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (spec.type === "LoadBalancer") {
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = "VIP";
  }
}

// ---------------------------------------------------------------------------------------------
// Allocation (bitmap allocators with the random-scan-with-offset strategy)
// ---------------------------------------------------------------------------------------------

/**
 * randomScanStrategyWithOffset.AllocateBit: a random free slot in the upper band [offset, max),
 * else in the lower band [0, offset) that is kept for static assignments.
 */
function allocateSlot(max: number, offset: number, used: (i: number) => boolean, rng: RandomSource): number | undefined {
  const upper = max - offset;
  if (upper > 0) {
    const start = rng.int(upper);
    for (let i = 0; i < upper; i++) {
      const at = offset + ((start + i) % upper);
      if (!used(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.int(offset);
    for (let i = 0; i < offset; i++) {
      const at = (start + i) % offset;
      if (!used(at)) return at;
    }
  }
  return undefined;
}

/** calculateRangeOffset: min(max(lo, size/step), hi). */
function rangeOffset(size: number, lo: number, hi: number, step: number): number {
  if (size <= lo) return 0;
  return Math.min(Math.max(lo, Math.floor(size / step)), hi);
}

const [cidrBase, cidrBits] = SERVICE_CIDR.split("/");
const IP_BASE = parseIPv4(cidrBase)!;
/** Addresses the bitmap holds: the range without its network and broadcast addresses. */
const IP_MAX = 2 ** (32 - Number(cidrBits)) - 2;
const IP_OFFSET = rangeOffset(IP_MAX, 16, 256, 16);
const PORT_MAX = NODE_PORT_MAX - NODE_PORT_MIN + 1;
const PORT_OFFSET = rangeOffset(PORT_MAX, 16, 128, 32);

interface Usage {
  ips: Set<string>;
  ports: Set<number>;
}

/** IPs and node ports held by the stored Services, except `self` (the Service being updated). */
function usage(ctx: AdmissionContext, self?: { namespace?: string; name?: string }): Usage {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const o of ctx.list("services") as Service[]) {
    if (self && o.metadata.namespace === self.namespace && o.metadata.name === self.name) continue;
    const s = o.spec ?? {};
    for (const ip of s.clusterIPs ?? (s.clusterIP ? [s.clusterIP] : [])) if (ip && ip !== "None") ips.add(canonicalIP(ip));
    for (const p of s.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    if (s.healthCheckNodePort) ports.add(s.healthCheckNodePort);
  }
  return { ips, ports };
}

function canonicalIP(ip: string): string {
  const v4 = parseIPv4(ip);
  return v4 !== undefined ? ipv4Text(v4) : ip.toLowerCase();
}

class NodePortOp {
  readonly taken = new Set<number>();
  constructor(
    private readonly used: Set<number>,
    private readonly rng: RandomSource,
  ) {}
  /** Allocate(port): an error message or undefined. */
  allocate(port: number): string | undefined {
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE}`;
    if (this.used.has(port) || this.taken.has(port)) return "provided port is already allocated";
    this.taken.add(port);
    return undefined;
  }
  allocateNext(): number {
    const i = allocateSlot(PORT_MAX, PORT_OFFSET, (k) => this.used.has(NODE_PORT_MIN + k) || this.taken.has(NODE_PORT_MIN + k), this.rng);
    if (i === undefined) throw new ApiError(500, "InternalError", "Internal error occurred: failed to allocate a nodePort: range is full");
    this.taken.add(NODE_PORT_MIN + i);
    return NODE_PORT_MIN + i;
  }
}

const invalidService = (svc: Service, errs: FieldError[]) => invalidObject("", "Service", svc.metadata.name ?? "", errs);

/** initIPFamilyFields: ipFamilyPolicy and ipFamilies from the request, the old object and the cluster. */
function initIPFamilyFields(svc: Service, old: Service | undefined): void {
  const spec = specOf(svc);
  if (spec.type === "ExternalName") return;
  const oldSpec = old?.spec;
  if (
    oldSpec &&
    oldSpec.ipFamilyPolicy === "PreferDualStack" &&
    spec.ipFamilyPolicy === "PreferDualStack" &&
    sameList(oldSpec.clusterIPs, spec.clusterIPs) &&
    sameList(oldSpec.ipFamilies, spec.ipFamilies)
  ) {
    return;
  }
  if (spec.ipFamilyPolicy === undefined) {
    if (oldSpec?.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
    else if (spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0) spec.ipFamilyPolicy = "RequireDualStack";
    else spec.ipFamilyPolicy = "SingleStack";
  }
  const pre = validateClusterIPsRelatedFields(spec);
  if (pre.length) throw invalidService(svc, pre);

  const errs: FieldError[] = [];
  if (oldSpec) {
    if (spec.ipFamilyPolicy === "SingleStack") {
      if (sameList(oldSpec.clusterIPs, spec.clusterIPs) && (spec.clusterIPs?.length ?? 0) > 1) spec.clusterIPs = spec.clusterIPs!.slice(0, 1);
      if (sameList(oldSpec.ipFamilies, spec.ipFamilies) && (spec.ipFamilies?.length ?? 0) > 1) spec.ipFamilies = spec.ipFamilies!.slice(0, 1);
    } else {
      if ((oldSpec.clusterIPs?.length ?? 0) > (spec.clusterIPs?.length ?? 0) && (spec.clusterIPs?.length ?? 0) > 0) {
        errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary cluster IP"));
      }
      if ((oldSpec.ipFamilies?.length ?? 0) > (spec.ipFamilies?.length ?? 0) && (spec.ipFamilies?.length ?? 0) > 0) {
        errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy, "must be 'SingleStack' to release the secondary IP family"));
      }
    }
  }
  if (spec.ipFamilyPolicy === "SingleStack") {
    if (spec.clusterIPs?.length === 2) {
      errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    }
    if (spec.ipFamilies?.length === 2) {
      errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
    }
  }
  const ips = spec.clusterIPs ?? [];
  for (let i = 0; i < ips.length; i++) {
    if (ips[i] === "None") break;
    const fam = familyOf(ips[i]);
    if (i >= (spec.ipFamilies?.length ?? 0)) {
      if (!CONFIGURED_FAMILIES.has(fam)) errs.push(invalid(index("spec.clusterIPs", i), [...ips], `${fam} is not configured on this cluster`));
      else (spec.ipFamilies ??= []).push(fam);
    }
  }
  if (errs.length) throw invalidService(svc, errs);

  if (spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0) {
    if (!spec.ipFamilies?.length) spec.ipFamilies = [PRIMARY_FAMILY];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== "SingleStack") {
      spec.ipFamilies.push(spec.ipFamilies[0] === "IPv4" ? "IPv6" : "IPv4");
    }
    return;
  }
  if (spec.ipFamilyPolicy === "RequireDualStack" && CONFIGURED_FAMILIES.size < 2) {
    errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy, "this cluster is not configured for dual-stack services"));
  }
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (!CONFIGURED_FAMILIES.has(f)) errs.push(invalid(index("spec.ipFamilies", i), f, "not configured on this cluster"));
  });
  if (errs.length) throw invalidService(svc, errs);
  if (!spec.ipFamilies?.length) spec.ipFamilies = [PRIMARY_FAMILY];
}

/** allocClusterIPs: fills clusterIPs (and clusterIP) per family; headless and ExternalName get none. */
function allocClusterIPs(svc: Service, use: Usage, rng: RandomSource): void {
  const spec = specOf(svc);
  if (spec.type === "ExternalName") return;
  if ((spec.clusterIPs?.length ?? 0) > 0 && spec.clusterIPs![0] === "None") return;
  const ips = (spec.clusterIPs ??= []);
  const fams = spec.ipFamilies ?? [PRIMARY_FAMILY];
  fams.forEach((_, i) => {
    if (i > ips.length - 1) ips.push("");
  });
  for (let i = 0; i < fams.length; i++) {
    const ip = ips[i];
    let got: string;
    if (ip === "") {
      const slot = allocateSlot(IP_MAX, IP_OFFSET, (k) => use.ips.has(ipv4Text(IP_BASE + 1 + k)), rng);
      if (slot === undefined) throw new ApiError(500, "InternalError", "Internal error occurred: failed to allocate a serviceIP: range is full");
      got = ipv4Text(IP_BASE + 1 + slot);
    } else {
      const v4 = parseIPv4(ip);
      let why: string | undefined;
      if (v4 === undefined || v4 <= IP_BASE || v4 > IP_BASE + IP_MAX) {
        why = `the provided IP (${v4 === undefined ? ip : ipv4Text(v4)}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
      } else if (use.ips.has(ipv4Text(v4))) {
        why = "provided IP is already allocated";
      }
      if (why) throw invalidService(svc, [invalid("spec.clusterIPs", [...ips], `failed to allocate IP ${ip}: ${why}`)]);
      got = ip;
    }
    use.ips.add(canonicalIP(got));
    ips[i] = got;
    if (i === 0) spec.clusterIP = got;
  }
}

/** findRequestedNodePort: the first nodePort a user asked for on any port with this port number. */
function requestedNodePort(port: number | undefined, ports: ServicePort[]): number {
  for (const p of ports) if (p.port === port && p.nodePort) return p.nodePort;
  return 0;
}

/** initNodePorts (create): ports sharing a port number (e.g. TCP and UDP) share one nodePort. */
function initNodePorts(svc: Service, op: NodePortOp): void {
  const spec = specOf(svc);
  const byPort = new Map<number, number>();
  const ports = spec.ports ?? [];
  ports.forEach((p, i) => {
    if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
    const already = byPort.get(p.port ?? 0) ?? 0;
    if (already === 0) {
      const np = requestedNodePort(p.port, ports);
      if (np !== 0) {
        const err = op.allocate(np);
        if (err) throw invalidService(svc, [invalid(`spec.ports[${i}].nodePort`, np, err)]);
        p.nodePort = np;
      } else {
        p.nodePort = op.allocateNext();
      }
      byPort.set(p.port ?? 0, p.nodePort);
    } else if (p.nodePort !== already) {
      if (!p.nodePort) p.nodePort = already;
      else {
        const err = op.allocate(p.nodePort);
        if (err) throw invalidService(svc, [invalid(`spec.ports[${i}].nodePort`, p.nodePort, err)]);
      }
    }
  });
}

/** updateNodePorts: keep the old ones, allocate what is new. */
function updateNodePorts(svc: Service, old: Service, op: NodePortOp): void {
  const spec = specOf(svc);
  const oldPorts = new Set((old.spec?.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
  (spec.ports ?? []).forEach((p, i) => {
    if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
    if (p.nodePort) {
      if (!oldPorts.has(p.nodePort) && !op.taken.has(p.nodePort)) {
        const err = op.allocate(p.nodePort);
        if (err) throw invalidService(svc, [invalid(`spec.ports[${i}].nodePort`, p.nodePort, err)]);
      }
    } else {
      p.nodePort = op.allocateNext();
    }
  });
}

function allocHealthCheckNodePort(svc: Service, op: NodePortOp): void {
  const spec = specOf(svc);
  if (spec.healthCheckNodePort) {
    const err = op.allocate(spec.healthCheckNodePort);
    if (err) throw new ApiError(500, "InternalError", `Internal error occurred: failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${err}`);
  } else {
    spec.healthCheckNodePort = op.allocateNext();
  }
}

/** normalizeClusterIPs: keep clusterIP and clusterIPs in step for clients that only set one. */
function normalizeClusterIPs(spec: ServiceSpec, oldSpec: ServiceSpec | undefined): void {
  if (!oldSpec) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((oldSpec.clusterIPs?.length ?? 0) > 0 && !spec.clusterIPs?.length && (oldSpec.clusterIP ?? "") === (spec.clusterIP ?? "")) {
    spec.clusterIPs = oldSpec.clusterIPs;
  }
  if ((oldSpec.clusterIP ?? "") !== (spec.clusterIP ?? "")) {
    if (oldSpec.clusterIP && !spec.clusterIP) {
      if (sameList(oldSpec.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs;
    } else if (sameList(oldSpec.clusterIPs, spec.clusterIPs)) {
      spec.clusterIPs = [spec.clusterIP!];
    }
  }
}

/** patchAllocatedValues: a re-applied manifest keeps the IPs and ports allocated before. */
function patchAllocatedValues(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = [...oldSpec.clusterIPs];
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const usedBy = (s: ServiceSpec) => new Set((s.ports ?? []).map((p) => p.nodePort).filter((n): n is number => !!n));
    const oldUsed = usedBy(oldSpec);
    const newUsed = usedBy(spec);
    const both = new Set([...oldUsed].filter((n) => newUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of oldSpec.ports ?? []) byName.set(p.name ?? "", p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const v = byName.get(p.name ?? "") ?? 0;
        if (v && !both.has(v)) p.nodePort = v;
      }
    }
  }
  if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && !spec.healthCheckNodePort && oldSpec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}

/** dropTypeDependentFields: a type change wipes what the old type had allocated, unless the user changed it too. */
function dropTypeDependentFields(svc: Service, old: Service): void {
  const spec = specOf(svc);
  const oldSpec = old.spec ?? {};
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if ((oldSpec.clusterIP ?? "") === (spec.clusterIP ?? "") && sameList(oldSpec.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(oldSpec.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (oldSpec.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  const nodePortsOf = (s: ServiceSpec) => (s.ports ?? []).map((p) => p.nodePort ?? 0);
  if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
    // sameNodePorts: every new port's nodePort is unset or the old value of the port at that index.
    const oldNPs = nodePortsOf(oldSpec);
    const same = (spec.ports ?? []).every((p, i) => !p.nodePort || p.nodePort === oldNPs[i]);
    if (same) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(oldSpec) && !needsHealthCheck(spec) && (spec.healthCheckNodePort ?? 0) === (oldSpec.healthCheckNodePort ?? 0)) {
    delete spec.healthCheckNodePort;
  }
  if (oldSpec.type === "LoadBalancer" && spec.type !== "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts !== undefined && oldSpec.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (oldSpec.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && oldSpec.externalTrafficPolicy === spec.externalTrafficPolicy) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== "LoadBalancer") svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
}

/** The Service REST storage's beginCreate + PrepareForCreate. Throws 422 Invalid on allocation errors. */
export function prepareServiceCreate(svc: Service, ctx: AdmissionContext): void {
  const spec = specOf(svc);
  svc.status = { loadBalancer: {} };
  dropExternalNameTrafficPolicy(spec);
  normalizeClusterIPs(spec, undefined);
  initIPFamilyFields(svc, undefined);
  const use = usage(ctx);
  allocClusterIPs(svc, use, ctx.rng);
  const op = new NodePortOp(use.ports, ctx.rng);
  if (needsNodePort(spec)) initNodePorts(svc, op);
  if (needsHealthCheck(spec)) allocHealthCheckNodePort(svc, op);
}

/** The Service REST storage's beginUpdate (patch, normalize, allocate) + PrepareForUpdate (dropTypeDependentFields). */
export function prepareServiceUpdate(svc: Service, old: Service, ctx: AdmissionContext): void {
  const spec = specOf(svc);
  const oldSpec = old.spec ?? {};
  patchAllocatedValues(spec, oldSpec);
  normalizeClusterIPs(spec, oldSpec);
  initIPFamilyFields(svc, old);
  const use = usage(ctx, { namespace: old.metadata.namespace, name: old.metadata.name });
  if (oldSpec.type === "ExternalName" && spec.type !== "ExternalName") allocClusterIPs(svc, use, ctx.rng);
  const op = new NodePortOp(use.ports, ctx.rng);
  if (needsNodePort(spec)) updateNodePorts(svc, old, op);
  if (!needsHealthCheck(oldSpec) && needsHealthCheck(spec)) allocHealthCheckNodePort(svc, op);
  svc.status = old.status ? JSON.parse(JSON.stringify(old.status)) : { loadBalancer: {} };
  dropTypeDependentFields(svc, old);
  dropExternalNameTrafficPolicy(spec);
}

/**
 * defaultOnReadInternalTrafficPolicy: the real server stores an ExternalName service's
 * internalTrafficPolicy but drops it on every read; dropping it on write shows the same object.
 */
function dropExternalNameTrafficPolicy(spec: ServiceSpec): void {
  if (spec.type === "ExternalName") delete spec.internalTrafficPolicy;
}

// ---------------------------------------------------------------------------------------------
// Validation (ValidateService, ValidateServiceUpdate, ValidateServiceStatusUpdate)
// ---------------------------------------------------------------------------------------------

/** ValidateServiceClusterIPsRelatedFields */
export function validateClusterIPsRelatedFields(spec: ServiceSpec): FieldError[] {
  if (spec.type === "ExternalName") return [];
  const errs: FieldError[] = [];
  const ips = spec.clusterIPs ?? [];
  if (spec.clusterIP) {
    if (!ips.length) errs.push(required("spec.clusterIPs"));
    else if (ips[0] !== spec.clusterIP) errs.push(invalid("spec.clusterIPs", [...ips], "first value must match `clusterIP`"));
  } else if (ips.length) {
    errs.push(invalid("spec.clusterIPs", [...ips], "must be empty when `clusterIP` is not specified"));
  }
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f, i) => {
    if (f !== "IPv4" && f !== "IPv6") errs.push(notSupported(index("spec.ipFamilies", i), f, ["IPv4", "IPv6"]));
    if (seen.has(f)) errs.push(duplicate(index("spec.ipFamilies", i), f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy !== undefined && !["PreferDualStack", "RequireDualStack", "SingleStack"].includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported("spec.ipFamilyPolicy", spec.ipFamilyPolicy, ["PreferDualStack", "RequireDualStack", "SingleStack"]));
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === "None") {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid("spec.clusterIPs", [...ips], "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIP(index("spec.clusterIPs", i), ip);
    if (e.length) badIPs = true;
    errs.push(...e);
  });
  if (ips.length > 2) errs.push(invalid("spec.clusterIPs", [...ips], "may only hold up to 2 values"));
  if (badIPs) return errs;
  if (ips.length > 1) {
    const fams = ips.map(familyOf);
    if (ips.length !== 2 || fams[0] === fams[1]) errs.push(invalid("spec.clusterIPs", [...ips], "may specify no more than one IP for each IP family"));
  }
  if (!isHeadless(spec) && ips.length && spec.ipFamilies?.length) {
    ips.forEach((ip, i) => {
      if (i > spec.ipFamilies!.length - 1) return;
      if (spec.ipFamilies![i] === "IPv4" && isIPv6(ip)) {
        errs.push(invalid(index("spec.clusterIPs", i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (spec.ipFamilies![i] === "IPv6" && !isIPv6(ip)) {
        errs.push(invalid(index("spec.clusterIPs", i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

/** %#v of core.ServicePort{Protocol, Port} (the key of the duplicate-port check). */
function goServicePortKey(protocol: string, port: number): GoValue {
  return new GoValue(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

function validatePortNumOrName(field: string, v: number | string | undefined): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof v === "string") for (const msg of isValidPortName(v)) errs.push(invalid(field, v, msg));
  else for (const msg of isValidPortNum(v ?? 0)) errs.push(invalid(field, v ?? 0, msg));
  return errs;
}

function validateServicePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(child(path, "name")));
  else if (p.name) {
    for (const msg of isDNS1123Label(p.name)) errs.push(invalid(child(path, "name"), p.name, msg));
    if (names.has(p.name)) errs.push(duplicate(child(path, "name"), p.name));
    else names.add(p.name);
  }
  for (const msg of isValidPortNum(p.port ?? 0)) errs.push(invalid(child(path, "port"), p.port ?? 0, msg));
  if (!p.protocol) errs.push(required(child(path, "protocol")));
  else if (!SUPPORTED_PROTOCOLS.includes(p.protocol)) errs.push(notSupported(child(path, "protocol"), p.protocol, SUPPORTED_PROTOCOLS));
  errs.push(...validatePortNumOrName(child(path, "targetPort"), p.targetPort));
  if (p.appProtocol !== undefined) for (const msg of isQualifiedName(p.appProtocol)) errs.push(invalid(child(path, "appProtocol"), p.appProtocol, msg));
  return errs;
}

export function validateServiceSpec(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const spec = svc.spec ?? {};
  const ports = spec.ports ?? [];
  const ann = svc.metadata.annotations ?? {};
  const hintsKey = "service.kubernetes.io/topology-aware-hints";
  const modeKey = "service.kubernetes.io/topology-mode";
  if (modeKey in ann && hintsKey in ann && ann[modeKey] !== ann[hintsKey]) {
    errs.push(invalid(`metadata.annotations[${modeKey}]`, ann[modeKey], `must match annotations[${hintsKey}] when both are specified`));
  }
  if (!ports.length && !isHeadless(spec) && spec.type !== "ExternalName") errs.push(required("spec.ports"));
  switch (spec.type) {
    case "LoadBalancer":
      if (isHeadless(spec)) errs.push(invalid("spec.clusterIPs[0]", spec.clusterIPs![0], "may not be set to 'None' for LoadBalancer services"));
      break;
    case "NodePort":
      if (isHeadless(spec)) errs.push(invalid("spec.clusterIPs[0]", spec.clusterIPs![0], "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if ((spec.clusterIPs?.length ?? 0) > 0) errs.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
      if (spec.ipFamilyPolicy !== undefined) errs.push(forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
      const cname = (spec.externalName ?? "").replace(/\.$/, "");
      if (cname) for (const msg of isDNS1123Subdomain(cname)) errs.push(invalid("spec.externalName", cname, msg));
      else errs.push(required("spec.externalName"));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, index("spec.ports", i))));
  if (spec.selector) errs.push(...validateLabelMap(spec.selector, "spec.selector"));
  if (!spec.sessionAffinity) errs.push(required("spec.sessionAffinity"));
  else if (!["ClientIP", "None"].includes(spec.sessionAffinity)) errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, ["ClientIP", "None"]));
  if (spec.sessionAffinity === "ClientIP") {
    const cfg = spec.sessionAffinityConfig;
    if (!cfg) errs.push(required("spec.sessionAffinityConfig", "when session affinity type is ClientIP"));
    else if (!cfg.clientIP) errs.push(required("spec.sessionAffinityConfig.clientIP", "when session affinity type is ClientIP"));
    else {
      const t = cfg.clientIP.timeoutSeconds ?? 0;
      if (!(t > 0 && t <= MAX_CLIENT_IP_AFFINITY_SECONDS)) {
        errs.push(invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
      }
    }
  } else if (spec.sessionAffinity === "None" && spec.sessionAffinityConfig) {
    errs.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }
  errs.push(...validateClusterIPsRelatedFields(spec));
  (spec.externalIPs ?? []).forEach((ip, i) => {
    const e = validateIP(index("spec.externalIPs", i), ip);
    errs.push(...(e.length ? e : validateNonSpecialIP(index("spec.externalIPs", i), ip)));
  });
  if (!spec.type) errs.push(required("spec.type"));
  else if (!SUPPORTED_TYPES.includes(spec.type)) errs.push(notSupported("spec.type", spec.type, SUPPORTED_TYPES));
  if (spec.type === "ClusterIP") {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const k = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(k);
  });
  const seenPorts = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.protocol ?? ""}/${p.port ?? 0}`;
    if (seenPorts.has(k)) errs.push(duplicate(index("spec.ports", i), goServicePortKey(p.protocol ?? "", p.port ?? 0)));
    seenPorts.add(k);
  });
  const rangesKey = "service.beta.kubernetes.io/load-balancer-source-ranges";
  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    const f = "spec.LoadBalancerSourceRanges";
    if (spec.type !== "LoadBalancer") errs.push(forbidden(f, "may only be used when `type` is 'LoadBalancer'"));
    spec.loadBalancerSourceRanges!.forEach((v, i) => errs.push(...validateCIDR(index(f, i), v.trim())));
  } else if (rangesKey in ann) {
    const f = `metadata.annotations[${rangesKey}]`;
    if (spec.type !== "LoadBalancer") errs.push(forbidden(f, "may only be used when `type` is 'LoadBalancer'"));
    const v = ann[rangesKey].trim();
    if (v) for (const c of v.split(",")) errs.push(...validateCIDR(f, c.trim()));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== "LoadBalancer") {
    errs.push(forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required("allocateLoadBalancerNodePorts"));
  errs.push(...validateLoadBalancerClass(spec));
  // external traffic policy
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(invalid("spec.externalTrafficPolicy", spec.externalTrafficPolicy, "may only be set for externally-accessible services"));
  } else if (!spec.externalTrafficPolicy) errs.push(required("spec.externalTrafficPolicy"));
  else if (!["Cluster", "Local"].includes(spec.externalTrafficPolicy)) errs.push(notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, ["Cluster", "Local"]));
  if (!needsHealthCheck(spec)) {
    if (spec.healthCheckNodePort) {
      errs.push(invalid("spec.healthCheckNodePort", spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
  } else if (!spec.healthCheckNodePort) errs.push(required("spec.healthCheckNodePort"));
  else for (const msg of isValidPortNum(spec.healthCheckNodePort)) errs.push(invalid("spec.healthCheckNodePort", spec.healthCheckNodePort, msg));
  // internal traffic policy
  if (spec.internalTrafficPolicy === undefined) {
    if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") errs.push(required("spec.internalTrafficPolicy"));
  } else if (!["Cluster", "Local"].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, ["Cluster", "Local"]));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== "PreferClose") {
    errs.push(notSupported("spec.trafficDistribution", spec.trafficDistribution, ["PreferClose"]));
  }
  return errs;
}

function validateLoadBalancerClass(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === "LoadBalancer") {
    if (spec.loadBalancerClass !== undefined) for (const msg of isQualifiedName(spec.loadBalancerClass)) errs.push(invalid("spec.loadBalancerClass", spec.loadBalancerClass, msg));
  } else if (spec.loadBalancerClass !== undefined) {
    errs.push(forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

/** validateUpgradeDowngradeClusterIPs / validateUpgradeDowngradeIPFamilies */
function validateClusterIPsUpdate(spec: ServiceSpec, oldSpec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === "ExternalName" || oldSpec.type === "ExternalName") return errs;
  const ips = spec.clusterIPs ?? [];
  const oldIPs = oldSpec.clusterIPs ?? [];
  if (!(isHeadless(oldSpec) && isHeadless(spec))) {
    if (oldIPs.length === ips.length) {
      oldIPs.forEach((ip, i) => {
        if (ip !== ips[i]) errs.push(invalid(index("spec.clusterIPs", i), [...ips], "may not change once set"));
      });
    } else if (oldIPs.length > ips.length) {
      if (!ips.length) errs.push(invalid("spec.clusterIPs[0]", [...ips], "primary clusterIP can not be unset"));
      if (oldIPs.length && ips.length && ips[0] !== oldIPs[0]) errs.push(invalid("spec.clusterIPs[0]", [...ips], "may not change once set"));
      if (ips.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
        errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      }
    } else if (oldIPs.length && ips[0] !== oldIPs[0]) {
      errs.push(invalid("spec.clusterIPs[0]", [...ips], "may not change once set"));
    }
  }
  if (isHeadless(spec) !== isHeadless(oldSpec) || isHeadless(spec)) return errs;
  const fams = spec.ipFamilies ?? [];
  const oldFams = oldSpec.ipFamilies ?? [];
  if (oldFams.length === fams.length) {
    oldFams.forEach((f, i) => {
      if (f !== fams[i]) errs.push(invalid("spec.ipFamilies[0]", [...fams], "may not change once set"));
    });
  } else if (oldFams.length > fams.length) {
    if (!ips.length) errs.push(invalid("spec.ipFamilies[0]", [...fams], "primary ipFamily can not be unset"));
    if (fams.length && fams[0] !== oldFams[0]) errs.push(invalid("spec.ipFamilies[0]", [...ips], "may not change once set"));
    if (fams.length === 1 && spec.ipFamilyPolicy !== "SingleStack") {
      errs.push(invalid("spec.ipFamilyPolicy", spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
    }
  } else if (oldFams.length && fams.length && fams[0] !== oldFams[0]) {
    errs.push(invalid("spec.ipFamilies[0]", [...ips], "may not change once set"));
  }
  return errs;
}

/** ValidateLoadBalancerStatus (status updates). */
function validateLoadBalancerStatus(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  const path = "status.loadBalancer.ingress";
  if (svc.spec?.type !== "LoadBalancer" && ingress.length) return [forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'")];
  ingress.forEach((ing, i) => {
    const p = index(path, i);
    if (ing.ip) errs.push(...validateIP(child(p, "ip"), ing.ip));
    if (ing.ipMode === undefined) {
      if (ing.ip) errs.push(required(child(p, "ipMode"), "must be specified when `ip` is set"));
    } else if (!ing.ip) errs.push(forbidden(child(p, "ipMode"), "may not be specified when `ip` is not set"));
    else if (!["Proxy", "VIP"].includes(ing.ipMode)) errs.push(notSupported(child(p, "ipMode"), ing.ipMode, ["Proxy", "VIP"]));
    if (ing.hostname) {
      for (const msg of isDNS1123Subdomain(ing.hostname)) errs.push(invalid(child(p, "hostname"), ing.hostname, msg));
      if (isIP(ing.hostname)) errs.push(invalid(child(p, "hostname"), ing.hostname, "must be a DNS name, not an IP address"));
    }
  });
  return errs;
}

export function validateService(svc: Service, old: Service | undefined, subresource?: string): FieldError[] {
  if (subresource === "status") return validateLoadBalancerStatus(svc);
  const errs: FieldError[] = [];
  if (old) {
    const spec = svc.spec ?? {};
    const oldSpec = old.spec ?? {};
    errs.push(...validateClusterIPsUpdate(spec, oldSpec));
    if (oldSpec.type === "LoadBalancer" && spec.type === "LoadBalancer" && oldSpec.loadBalancerClass !== spec.loadBalancerClass) {
      errs.push(invalid("spec.loadBalancerClass", spec.loadBalancerClass ?? null, "may not change once set"));
    }
    if (needsHealthCheck(oldSpec) && needsHealthCheck(spec) && spec.healthCheckNodePort !== oldSpec.healthCheckNodePort) {
      errs.push(forbidden("spec.healthCheckNodePort", "field is immutable"));
    }
  }
  errs.push(...validateServiceSpec(svc));
  return errs;
}

// ---------------------------------------------------------------------------------------------
// Printer (printService)
// ---------------------------------------------------------------------------------------------

/** loadBalancerStatusStringer (wide: the server always prints wide, so never clipped). */
function loadBalancerIPs(svc: Service): string {
  const set = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) set.add(ing.ip);
    else if (ing.hostname) set.add(ing.hostname);
  }
  return [...set].sort().join(",");
}

export function serviceExternalIP(svc: Service): string {
  const spec = svc.spec ?? {};
  const ext = spec.externalIPs ?? [];
  switch (spec.type) {
    case "ClusterIP":
    case "NodePort":
      return ext.length ? ext.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerIPs(svc);
      if (ext.length) return [...(lb ? lb.split(",") : []), ...ext].join(",");
      return lb || "<pending>";
    }
    case "ExternalName":
      return spec.externalName ?? "";
  }
  return "<unknown>";
}

/** makePortString: "80/TCP", "80:31234/TCP", joined by commas. */
export function servicePorts(svc: Service): string {
  const s = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port ?? 0}:${p.nodePort}/${p.protocol ?? ""}` : `${p.port ?? 0}/${p.protocol ?? ""}`)).join(",");
  return s || "<none>";
}

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

export const service: KindDef<Service> = {
  group: "",
  version: "v1",
  kind: "Service",
  plural: "services",
  singular: "service",
  shortNames: ["svc"],
  categories: ["all"],
  namespaced: true,
  statusSubresource: true,
  nameValidation: "dns1035",
  // +genclient:skipVerbs=deleteCollection: no DELETE on the collection.
  verbs: ["create", "delete", "get", "list", "patch", "update", "watch"],
  extraSubresources: [{ name: "proxy", kind: "ServiceProxyOptions", verbs: ["create", "delete", "get", "patch", "update"] }],
  schema: kindSchema(
    "io.k8s.api.core.v1.Service",
    "Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.",
    {
      spec: ServiceSpec.describe("Spec defines the behavior of a service. https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
      status: ServiceStatus.describe("Most recently observed status of the service. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status"),
    },
    ObjectMeta,
  ),
  applyDefaults: (svc) => defaultService(svc),
  prepareForCreate: (svc, ctx) => prepareServiceCreate(svc, ctx),
  prepareForUpdate: (svc, old, ctx) => prepareServiceUpdate(svc, old, ctx),
  validate: (svc, ctx) => validateService(svc, ctx.old as Service | undefined, ctx.subresource),
  columns: [
    nameColumn(),
    col("Type", "string", "type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. \"ClusterIP\" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is \"None\", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. \"NodePort\" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. \"LoadBalancer\" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. \"ExternalName\" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types"),
    col("Cluster-IP", "string", "clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are \"None\", empty string (\"\"), or a valid IP address. Setting this to \"None\" makes a \"headless service\" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
    col("External-IP", "string", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system."),
    col("Port(s)", "string", "The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies"),
    ageColumn(),
    col("Selector", "string", "Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/", 1),
  ],
  printRow: (svc, ctx) => [
    svc.metadata.name ?? "",
    svc.spec?.type ?? "",
    svc.spec?.clusterIPs?.length ? svc.spec.clusterIPs[0] : "<none>",
    serviceExternalIP(svc),
    servicePorts(svc),
    age(svc, ctx.nowMs),
    formatLabels(svc.spec?.selector),
  ],
  fieldSelectors: {
    "spec.clusterIP": (svc) => svc.spec?.clusterIP ?? "",
    "spec.type": (svc) => svc.spec?.type ?? "",
  },
};
