// networking.k8s.io/v1 Ingress (Kubernetes 1.32): types.go schema, the Ingress strategy (status
// subresource, generation), ValidateIngressCreate/Update of pkg/apis/networking/validation and the
// printer of printers.go (NAME CLASS HOSTS ADDRESS PORTS AGE).
import type { KindDef, KubeObject } from "../types";
import { int, kindSchema, list, obj, str, strEnum, strList } from "../schema";
import { ObjectMeta, TypedLocalObjectReference } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, GoValue, index, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import {
  isDNS1123Subdomain,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  nameIsDNS1035Label,
  nameIsDNSSubdomain,
  isValidPathSegmentName,
} from "../../machinery/names";
import { parseIPSloppy } from "./networkpolicy";

// ---------------------------------------------------------------------------------------------
// Types and schema
// ---------------------------------------------------------------------------------------------

export interface IngressBackendT {
  service?: { name?: string; port?: { name?: string; number?: number } };
  resource?: { apiGroup?: string; kind?: string; name?: string };
}
export interface IngressRuleT {
  host?: string;
  http?: { paths?: Array<{ path?: string; pathType?: string; backend?: IngressBackendT }> };
}
export interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackendT;
    tls?: Array<{ hosts?: string[]; secretName?: string }>;
    rules?: IngressRuleT[];
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string; ports?: unknown[] }> } };
}

export const ServiceBackendPort = obj(
  {
    name: str("name is the name of the port on the Service. This is a mutually exclusive setting with \"Number\"."),
    number: int("number is the numerical port number (e.g. 80) on the Service. This is a mutually exclusive setting with \"Name\"."),
  },
  { id: "io.k8s.api.networking.v1.ServiceBackendPort", desc: "ServiceBackendPort is the service port being referenced." },
);

export const IngressServiceBackend = obj(
  {
    name: str("name is the referenced service. The service must exist in the same namespace as the Ingress object."),
    port: ServiceBackendPort,
  },
  { id: "io.k8s.api.networking.v1.IngressServiceBackend", desc: "IngressServiceBackend references a Kubernetes Service as a Backend.", required: ["name"] },
);

export const IngressBackend = obj(
  {
    resource: TypedLocalObjectReference,
    service: IngressServiceBackend,
  },
  { id: "io.k8s.api.networking.v1.IngressBackend", desc: "IngressBackend describes all endpoints for a given service and port." },
);

export const HTTPIngressPath = obj(
  {
    backend: IngressBackend,
    path: str("path is matched against the path of an incoming request. Currently it can contain characters disallowed from the conventional \"path\" part of a URL as defined by RFC 3986. Paths must begin with a '/' and must be present when using PathType with value \"Exact\" or \"Prefix\"."),
    pathType: strEnum(["Exact", "ImplementationSpecific", "Prefix"], "pathType determines the interpretation of the path matching. PathType can be one of the following values: * Exact: Matches the URL path exactly. * Prefix: Matches based on a URL path prefix split by '/'. Matching is\n  done on a path element by element basis. A path element refers is the\n  list of labels in the path split by the '/' separator. A request is a\n  match for path p if every p is an element-wise prefix of p of the\n  request path. Note that if the last element of the path is a substring\n  of the last element in request path, it is not a match (e.g. /foo/bar\n  matches /foo/bar/baz, but does not match /foo/barbaz).\n* ImplementationSpecific: Interpretation of the Path matching is up to\n  the IngressClass. Implementations can treat this as a separate PathType\n  or treat it identically to Prefix or Exact path types.\nImplementations are required to support all path types.\n\nPossible enum values:\n - `\"Exact\"` matches the URL path exactly and with case sensitivity.\n - `\"ImplementationSpecific\"` matching is up to the IngressClass. Implementations can treat this as a separate PathType or treat it identically to Prefix or Exact path types.\n - `\"Prefix\"` matches based on a URL path prefix split by '/'. Matching is case sensitive and done on a path element by element basis. A path element refers to the list of labels in the path split by the '/' separator. A request is a match for path p if every p is an element-wise prefix of p of the request path. Note that if the last element of the path is a substring of the last element in request path, it is not a match (e.g. /foo/bar matches /foo/bar/baz, but does not match /foo/barbaz). If multiple matching paths exist in an Ingress spec, the longest matching path is given priority. Examples: - /foo/bar does not match requests to /foo/barbaz - /foo/bar matches request to /foo/bar and /foo/bar/baz - /foo and /foo/ both match requests to /foo and /foo/. If both paths are present in an Ingress spec, the longest matching path (/foo/) is given priority."),
  },
  { id: "io.k8s.api.networking.v1.HTTPIngressPath", desc: "HTTPIngressPath associates a path with a backend. Incoming urls matching the path are forwarded to the backend.", required: ["backend", "pathType"] },
);

export const HTTPIngressRuleValue = obj(
  {
    paths: list(HTTPIngressPath, { listType: "atomic", desc: "paths is a collection of paths that map requests to backends." }),
  },
  { id: "io.k8s.api.networking.v1.HTTPIngressRuleValue", desc: "HTTPIngressRuleValue is a list of http selectors pointing to backends. In the example: http://<host>/<path>?<searchpart> -> backend where where parts of the url correspond to RFC 3986, this resource will be used to match against everything after the last '/' and before the first '?' or '#'.", required: ["paths"] },
);

export const IngressRule = obj(
  {
    host: str("host is the fully qualified domain name of a network host, as defined by RFC 3986. Note the following deviations from the \"host\" part of the URI as defined in RFC 3986: 1. IPs are not allowed. Currently an IngressRuleValue can only apply to\n   the IP in the Spec of the parent Ingress.\n2. The `:` delimiter is not respected because ports are not allowed.\n\t  Currently the port of an Ingress is implicitly :80 for http and\n\t  :443 for https.\nBoth these may change in the future. Incoming requests are matched against the host before the IngressRuleValue. If the host is unspecified, the Ingress routes all traffic based on the specified IngressRuleValue.\n\nhost can be \"precise\" which is a domain name without the terminating dot of a network host (e.g. \"foo.bar.com\") or \"wildcard\", which is a domain name prefixed with a single wildcard label (e.g. \"*.foo.com\"). The wildcard character '*' must appear by itself as the first DNS label and matches only a single label. You cannot have a wildcard label by itself (e.g. Host == \"*\"). Requests will be matched against the Host field in the following way: 1. If host is precise, the request matches this rule if the http host header is equal to Host. 2. If host is a wildcard, then the request matches this rule if the http host header is to equal to the suffix (removing the first label) of the wildcard rule."),
    http: HTTPIngressRuleValue,
  },
  { id: "io.k8s.api.networking.v1.IngressRule", desc: "IngressRule represents the rules mapping the paths under a specified host to the related backend services. Incoming requests are first evaluated for a host match, then routed to the backend associated with the matching IngressRuleValue." },
);

export const IngressTLS = obj(
  {
    hosts: strList({ listType: "atomic", desc: "hosts is a list of hosts included in the TLS certificate. The values in this list must match the name/s used in the tlsSecret. Defaults to the wildcard host setting for the loadbalancer controller fulfilling this Ingress, if left unspecified." }),
    secretName: str("secretName is the name of the secret used to terminate TLS traffic on port 443. Field is left optional to allow TLS routing based on SNI hostname alone. If the SNI host in a listener conflicts with the \"Host\" header field used by an IngressRule, the SNI host is used for termination and value of the \"Host\" header is used for routing."),
  },
  { id: "io.k8s.api.networking.v1.IngressTLS", desc: "IngressTLS describes the transport layer security associated with an ingress." },
);

export const IngressSpec = obj(
  {
    defaultBackend: IngressBackend,
    ingressClassName: str("ingressClassName is the name of an IngressClass cluster resource. Ingress controller implementations use this field to know whether they should be serving this Ingress resource, by a transitive connection (controller -> IngressClass -> Ingress resource). Although the `kubernetes.io/ingress.class` annotation (simple constant name) was never formally defined, it was widely supported by Ingress controllers to create a direct binding between Ingress controller and Ingress resources. Newly created Ingress resources should prefer using the field. However, even though the annotation is officially deprecated, for backwards compatibility reasons, ingress controllers should still honor that annotation if present."),
    rules: list(IngressRule, { listType: "atomic", desc: "rules is a list of host rules used to configure the Ingress. If unspecified, or no rule matches, all traffic is sent to the default backend." }),
    tls: list(IngressTLS, { listType: "atomic", desc: "tls represents the TLS configuration. Currently the Ingress only supports a single TLS port, 443. If multiple members of this list specify different hosts, they will be multiplexed on the same port according to the hostname specified through the SNI TLS extension, if the ingress controller fulfilling the ingress supports SNI." }),
  },
  { id: "io.k8s.api.networking.v1.IngressSpec", desc: "IngressSpec describes the Ingress the user wishes to exist." },
);

export const IngressPortStatus = obj(
  {
    error: str("error is to record the problem with the service port The format of the error shall comply with the following rules: - built-in error values shall be specified in this file and those shall use\n  CamelCase names\n- cloud provider specific error values must have names that comply with the\n  format foo.example.com/CamelCase."),
    port: int("port is the port number of the ingress port."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "protocol is the protocol of the ingress port. The supported values are: \"TCP\", \"UDP\", \"SCTP\"\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol."),
  },
  { id: "io.k8s.api.networking.v1.IngressPortStatus", desc: "IngressPortStatus represents the error condition of a service port", required: ["port", "protocol"] },
);

export const IngressLoadBalancerIngress = obj(
  {
    hostname: str("hostname is set for load-balancer ingress points that are DNS based."),
    ip: str("ip is set for load-balancer ingress points that are IP based."),
    ports: list(IngressPortStatus, { listType: "atomic", desc: "ports provides information about the ports exposed by this LoadBalancer." }),
  },
  { id: "io.k8s.api.networking.v1.IngressLoadBalancerIngress", desc: "IngressLoadBalancerIngress represents the status of a load-balancer ingress point." },
);

export const IngressLoadBalancerStatus = obj(
  {
    ingress: list(IngressLoadBalancerIngress, { listType: "atomic", desc: "ingress is a list containing ingress points for the load-balancer." }),
  },
  { id: "io.k8s.api.networking.v1.IngressLoadBalancerStatus", desc: "IngressLoadBalancerStatus represents the status of a load-balancer." },
);

export const IngressStatus = obj(
  {
    loadBalancer: IngressLoadBalancerStatus,
  },
  { id: "io.k8s.api.networking.v1.IngressStatus", desc: "IngressStatus describe the current state of the Ingress." },
);

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

const INVALID_PATH_SEQUENCES = ["//", "/./", "/../", "%2f", "%2F"];
const INVALID_PATH_SUFFIXES = ["/..", "/."];
const SUPPORTED_PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];

interface IngressValidationOptions {
  allowInvalidSecretName: boolean;
  allowInvalidWildcardHostRule: boolean;
}

/** validateIngressTypedLocalObjectReference. */
function validateResourceRef(ref: { apiGroup?: string; kind?: string; name?: string }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (ref.apiGroup !== undefined && ref.apiGroup !== null) {
    for (const msg of isDNS1123Subdomain(ref.apiGroup)) errs.push(invalid(child(path, "apiGroup"), ref.apiGroup, msg));
  }
  if (!ref.kind) errs.push(required(child(path, "kind"), ""));
  else for (const msg of isValidPathSegmentName(ref.kind)) errs.push(invalid(child(path, "kind"), ref.kind, msg));
  if (!ref.name) errs.push(required(child(path, "name"), ""));
  else for (const msg of isValidPathSegmentName(ref.name)) errs.push(invalid(child(path, "name"), ref.name, msg));
  return errs;
}

/** validateIngressBackend. */
function validateBackend(backend: IngressBackendT, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = backend.resource != null;
  const hasService = backend.service != null;
  if (hasResource && hasService) return [invalid(path, "", "cannot set both resource and service backends")];
  if (hasResource) return validateResourceRef(backend.resource!, child(path, "resource"));
  if (!hasService) return [invalid(path, "", "resource or service backend is required")];
  const svc = backend.service!;
  if (!svc.name) errs.push(required(child(child(path, "service"), "name"), ""));
  else for (const msg of nameIsDNS1035Label(svc.name)) errs.push(invalid(child(child(path, "service"), "name"), svc.name, msg));
  const portName = svc.port?.name ?? "";
  const portNumber = svc.port?.number ?? 0;
  const portPath = child(child(path, "service"), "port");
  if (portName && portNumber) errs.push(invalid(path, "", "cannot set both port name & port number"));
  else if (portName) for (const msg of isValidPortName(portName)) errs.push(invalid(child(portPath, "name"), portName, msg));
  else if (portNumber) for (const msg of isValidPortNum(portNumber)) errs.push(invalid(child(portPath, "number"), portNumber, msg));
  else errs.push(required(path, "port name or number is required"));
  return errs;
}

/** validateHTTPIngressPath. */
function validateHTTPPath(p: { path?: string; pathType?: string; backend?: IngressBackendT }, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.pathType === undefined || p.pathType === null) return [required(child(path, "pathType"), "pathType must be specified")];
  const value = p.path ?? "";
  switch (p.pathType) {
    case "Exact":
    case "Prefix":
      if (!value.startsWith("/")) errs.push(invalid(child(path, "path"), value, "must be an absolute path"));
      if (value.length > 0) {
        for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(child(path, "path"), value, `must not contain '${seq}'`));
        for (const suf of INVALID_PATH_SUFFIXES) if (value.endsWith(suf)) errs.push(invalid(child(path, "path"), value, `cannot end with '${suf}'`));
      }
      break;
    case "ImplementationSpecific":
      if (value.length > 0 && !value.startsWith("/")) errs.push(invalid(child(path, "path"), value, "must be an absolute path"));
      break;
    default:
      errs.push(notSupported(child(path, "pathType"), p.pathType, SUPPORTED_PATH_TYPES));
  }
  errs.push(...validateBackend(p.backend ?? {}, child(path, "backend")));
  return errs;
}

function validateRuleValue(rule: IngressRuleT, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (rule.http) {
    const httpPath = child(path, "http");
    const paths = rule.http.paths ?? [];
    if (paths.length === 0) errs.push(required(child(httpPath, "paths"), ""));
    paths.forEach((p, i) => errs.push(...validateHTTPPath(p, index(child(httpPath, "paths"), i))));
  }
  return errs;
}

function validateTLSSecretName(name: string | undefined): string[] {
  if (!name) return [];
  return nameIsDNSSubdomain(name);
}

/** ValidateIngressSpec. */
export function validateIngressSpec(ing: Ingress, opts: IngressValidationOptions): FieldError[] {
  const spec = ing.spec ?? {};
  const errs: FieldError[] = [];
  const rules = spec.rules;
  if ((rules ?? []).length === 0 && !spec.defaultBackend) {
    errs.push(invalid("spec", new GoValue(rules ? "[]networking.IngressRule{}" : "[]networking.IngressRule(nil)"), "either `defaultBackend` or `rules` must be specified"));
  }
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, "spec.defaultBackend"));
  (rules ?? []).forEach((rule, i) => {
    const p = index("spec.rules", i);
    let wildcard = false;
    if (rule.host) {
      if (parseIPSloppy(rule.host)) errs.push(invalid(child(p, "host"), rule.host, "must be a DNS name, not an IP address"));
      if (rule.host.includes("*")) {
        for (const msg of isWildcardDNS1123Subdomain(rule.host)) errs.push(invalid(child(p, "host"), rule.host, msg));
        wildcard = true;
      } else {
        for (const msg of isDNS1123Subdomain(rule.host)) errs.push(invalid(child(p, "host"), rule.host, msg));
      }
    }
    if (!wildcard || !opts.allowInvalidWildcardHostRule) errs.push(...validateRuleValue(rule, p));
  });
  (spec.tls ?? []).forEach((tls, i) => {
    const p = index("spec.tls", i);
    (tls.hosts ?? []).forEach((host, j) => {
      const hp = index(child(p, "hosts"), j);
      const msgs = host.includes("*") ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errs.push(invalid(hp, host, msg));
    });
    if (!opts.allowInvalidSecretName) {
      for (const msg of validateTLSSecretName(tls.secretName)) errs.push(invalid(child(p, "secretName"), tls.secretName, msg));
    }
  });
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) {
    for (const msg of nameIsDNSSubdomain(spec.ingressClassName)) errs.push(invalid("spec.ingressClassName", spec.ingressClassName, msg));
  }
  return errs;
}

const ANNOTATION_INGRESS_CLASS = "kubernetes.io/ingress.class";

// ---------------------------------------------------------------------------------------------
// Printer helpers
// ---------------------------------------------------------------------------------------------

/** formatHosts: up to three hosts, `*` when none. */
export function formatIngressHosts(rules: IngressRuleT[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  const all = rules ?? [];
  for (const rule of all) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return "*";
  const ret = list.join(",");
  return more ? `${ret} + ${all.length - max} more...` : ret;
}

/** ingressLoadBalancerStatusStringer (wide: the server always prints wide). */
export function ingressAddress(ing: Ingress): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(",");
}

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

export const ingress: KindDef<Ingress> = {
  group: "networking.k8s.io",
  version: "v1",
  kind: "Ingress",
  plural: "ingresses",
  singular: "ingress",
  shortNames: ["ing"],
  namespaced: true,
  statusSubresource: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.networking.v1.Ingress",
    "Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.",
    { spec: IngressSpec, status: IngressStatus },
    ObjectMeta,
  ),
  applyDefaults(ing) {
    // No SetDefaults for networking/v1 Ingress; Go always serializes the non-omitempty structs.
    ing.spec ??= {};
    const fill = (b: IngressBackendT | undefined) => {
      if (b?.service) b.service.port ??= {};
    };
    fill(ing.spec.defaultBackend);
    for (const r of ing.spec.rules ?? []) for (const p of r.http?.paths ?? []) {
      p.backend ??= {};
      fill(p.backend);
    }
    ing.status ??= {};
    ing.status.loadBalancer ??= {};
  },
  prepareForCreate(ing) {
    ing.status = { loadBalancer: {} };
  },
  validate(ing, ctx) {
    if (ctx.subresource === "status") {
      const errs: FieldError[] = [];
      (ing.status?.loadBalancer?.ingress ?? []).forEach((lb, i) => {
        const p = index("status.loadBalancer.ingress", i);
        if (lb.ip && !parseIPSloppy(lb.ip)) errs.push(invalid(child(p, "ip"), lb.ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
        if (lb.hostname) {
          for (const msg of isDNS1123Subdomain(lb.hostname)) errs.push(invalid(child(p, "hostname"), lb.hostname, msg));
          if (parseIPSloppy(lb.hostname)) errs.push(invalid(child(p, "hostname"), lb.hostname, "must be a DNS name, not an IP address"));
        }
      });
      return errs;
    }
    const old = ctx.old as Ingress | undefined;
    const opts: IngressValidationOptions = {
      allowInvalidSecretName: !!old && (old.spec?.tls ?? []).some((t) => validateTLSSecretName(t.secretName).length > 0),
      allowInvalidWildcardHostRule:
        !!old && (old.spec?.rules ?? []).some((r) => (r.host ?? "").includes("*") && validateRuleValue(r, "").length > 0),
    };
    const errs = validateIngressSpec(ing, opts);
    if (!old) {
      const ann = ing.metadata.annotations?.[ANNOTATION_INGRESS_CLASS];
      const cls = ing.spec?.ingressClassName;
      if (ann !== undefined && cls !== undefined && cls !== null && ann !== cls) {
        errs.push(invalid(`annotations.${ANNOTATION_INGRESS_CLASS}`, ann, "must match `ingressClassName` when both are specified"));
      }
    }
    return errs;
  },
  columns: [
    nameColumn(),
    col("Class", "string", "The name of the IngressClass resource that should be used for additional configuration"),
    col("Hosts", "string", "Hosts that incoming requests are matched against before the ingress rule"),
    col("Address", "string", "Address is a list containing ingress points for the load-balancer"),
    col("Ports", "string", "Ports of TLS configurations that open"),
    ageColumn(),
  ],
  printRow: (ing, ctx) => [
    ing.metadata.name!,
    ing.spec?.ingressClassName ?? "<none>",
    formatIngressHosts(ing.spec?.rules),
    ingressAddress(ing),
    (ing.spec?.tls ?? []).length !== 0 ? "80, 443" : "80",
    age(ing, ctx.nowMs),
  ],
};
