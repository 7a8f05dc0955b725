// networking.k8s.io/v1 NetworkPolicy (Kubernetes 1.32): types.go schema, SetDefaults_NetworkPolicy /
// SetDefaults_NetworkPolicyPort, ValidateNetworkPolicySpec and the printer of printers.go.
// Also exports the metav1 label selector validation (unversionedvalidation.ValidateLabelSelector) and
// a sloppy CIDR parser, which other kinds of this family reuse.
import { z } from "zod";
import type { KindDef, KubeObject } from "../types";
import { int, intOrString, kindSchema, list, obj, str, strEnum, strList } from "../schema";
import { LabelSelector, ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { child, forbidden, GoValue, index, invalid, notSupported, required, type FieldError } from "../../machinery/field-errors";
import { isQualifiedName, isValidLabelValue, isValidPortName, isValidPortNum } from "../../machinery/names";
import { compareGoStrings, formatLabelSelector, type LabelSelectorSpec } from "../../machinery/labels";

// ---------------------------------------------------------------------------------------------
// Label selector validation (k8s.io/apimachinery/pkg/apis/meta/v1/validation)
// ---------------------------------------------------------------------------------------------

export interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] }>;
}

/** metav1validation.ValidateLabelName. */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** metav1validation.ValidateLabels and ValidateLabelSelector live with the Pod family; re-exported for the kinds that import them from here. */
import { validateLabels, validateLabelSelector } from "../common/pod";
export { validateLabels, validateLabelSelector };

// ---------------------------------------------------------------------------------------------
// IP / CIDR parsing (netutils.ParseIPSloppy / ParseCIDRSloppy: IPv4 octets may have leading zeros)
// ---------------------------------------------------------------------------------------------

export interface ParsedIP {
  v6: boolean;
  /** The address as an unsigned integer (32 or 128 bits). */
  value: bigint;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (!s.includes(":")) return undefined;
  let groups: string[];
  let tailV4: bigint | undefined;
  let str = s;
  const lastColon = str.lastIndexOf(":");
  if (str.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIPv4(str.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    str = str.slice(0, lastColon + 1) + "0:0";
  }
  const dbl = str.split("::");
  if (dbl.length > 2) return undefined;
  const head = dbl[0] === "" ? [] : dbl[0].split(":");
  const tail = dbl.length === 2 ? (dbl[1] === "" ? [] : dbl[1].split(":")) : [];
  if (dbl.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array(missing).fill("0"), ...tail];
  } else {
    groups = head;
  }
  if (groups.length !== 8) return undefined;
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== undefined) v = (v & ~0xffffffffn) | tailV4;
  return v;
}

/** netutils.ParseIPSloppy: undefined when not an IP address. */
export function parseIPSloppy(s: string): ParsedIP | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = parseIPv6(s);
  if (v6 !== undefined) return { v6: true, value: v6 };
  return undefined;
}

export interface ParsedCIDR {
  v6: boolean;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
}

/** netutils.ParseCIDRSloppy. */
export function parseCIDRSloppy(s: string): ParsedCIDR | undefined {
  const slash = s.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIPSloppy(s.slice(0, slash));
  const pfx = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(pfx)) return undefined;
  const bits = ip.v6 ? 128 : 32;
  const prefix = Number(pfx);
  if (prefix > bits) return undefined;
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { v6: ip.v6, network: ip.value & mask, prefix };
}

function cidrContains(net: ParsedCIDR, ip: { v6: boolean; value: bigint }): boolean {
  if (net.v6 !== ip.v6) return false;
  const bits = net.v6 ? 128 : 32;
  const shift = BigInt(bits - net.prefix);
  return ip.value >> shift === net.network >> shift;
}

/** validation.IsValidCIDR (1.32 wording). */
export function validateCIDR(path: string, value: string, allowed: readonly string[] = []): FieldError[] {
  if (allowed.includes(value)) return [];
  if (parseCIDRSloppy(value)) return [];
  return [invalid(path, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)")];
}

// ---------------------------------------------------------------------------------------------
// Types and schema
// ---------------------------------------------------------------------------------------------

export interface NetworkPolicyPortT {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}
export interface NetworkPolicyPeerT {
  podSelector?: LabelSelectorLike;
  namespaceSelector?: LabelSelectorLike;
  ipBlock?: { cidr?: string; except?: string[] };
}
export interface NetworkPolicy extends KubeObject {
  spec?: {
    podSelector?: LabelSelectorLike;
    ingress?: Array<{ ports?: NetworkPolicyPortT[]; from?: NetworkPolicyPeerT[] }>;
    egress?: Array<{ ports?: NetworkPolicyPortT[]; to?: NetworkPolicyPeerT[] }>;
    policyTypes?: string[];
  };
}

const PROTOCOL_DESC_ENUM = "\n\nPossible enum values:\n - `\"SCTP\"` is the SCTP protocol.\n - `\"TCP\"` is the TCP protocol.\n - `\"UDP\"` is the UDP protocol.";

export const NetworkPolicyPort = obj(
  {
    endPort: int("endPort indicates that the range of ports from port to endPort if set, inclusive, should be allowed by the policy. This field cannot be defined if the port field is not defined or if the port field is defined as a named (string) port. The endPort must be equal or greater than port."),
    port: intOrString("port represents the port on the given protocol. This can either be a numerical or named port on a pod. If this field is not provided, this matches all port names and numbers. If present, only traffic on the specified protocol AND port will be matched."),
    protocol: strEnum(["SCTP", "TCP", "UDP"], "protocol represents the protocol (TCP, UDP, or SCTP) which traffic must match. If not specified, this field defaults to TCP." + PROTOCOL_DESC_ENUM),
  },
  { id: "io.k8s.api.networking.v1.NetworkPolicyPort", desc: "NetworkPolicyPort describes a port to allow traffic on" },
);

export const IPBlock = obj(
  {
    cidr: str("cidr is a string representing the IPBlock Valid examples are \"192.168.1.0/24\" or \"2001:db8::/64\""),
    except: strList({ listType: "atomic", desc: "except is a slice of CIDRs that should not be included within an IPBlock Valid examples are \"192.168.1.0/24\" or \"2001:db8::/64\" Except values will be rejected if they are outside the cidr range" }),
  },
  { id: "io.k8s.api.networking.v1.IPBlock", desc: "IPBlock describes a particular CIDR (Ex. \"192.168.1.0/24\",\"2001:db8::/64\") that is allowed to the pods matched by a NetworkPolicySpec's podSelector. The except entry describes CIDRs that should not be included within this rule.", required: ["cidr"] },
);

export const NetworkPolicyPeer = obj(
  {
    ipBlock: IPBlock,
    namespaceSelector: LabelSelector,
    podSelector: LabelSelector,
  },
  { id: "io.k8s.api.networking.v1.NetworkPolicyPeer", desc: "NetworkPolicyPeer describes a peer to allow traffic to/from. Only certain combinations of fields are allowed" },
);

export const NetworkPolicyEgressRule = obj(
  {
    ports: list(NetworkPolicyPort, { listType: "atomic", desc: "ports is a list of destination ports for outgoing traffic. Each item in this list is combined using a logical OR. If this field is empty or missing, this rule matches all ports (traffic not restricted by port). If this field is present and contains at least one item, then this rule allows traffic only if the traffic matches at least one port in the list." }),
    to: list(NetworkPolicyPeer, { listType: "atomic", desc: "to is a list of destinations for outgoing traffic of pods selected for this rule. Items in this list are combined using a logical OR operation. If this field is empty or missing, this rule matches all destinations (traffic not restricted by destination). If this field is present and contains at least one item, this rule allows traffic only if the traffic matches at least one item in the to list." }),
  },
  { id: "io.k8s.api.networking.v1.NetworkPolicyEgressRule", desc: "NetworkPolicyEgressRule describes a particular set of traffic that is allowed out of pods matched by a NetworkPolicySpec's podSelector. The traffic must match both ports and to. This type is beta-level in 1.8" },
);

export const NetworkPolicyIngressRule = obj(
  {
    from: list(NetworkPolicyPeer, { listType: "atomic", desc: "from is a list of sources which should be able to access the pods selected for this rule. Items in this list are combined using a logical OR operation. If this field is empty or missing, this rule matches all sources (traffic not restricted by source). If this field is present and contains at least one item, this rule allows traffic only if the traffic matches at least one item in the from list." }),
    ports: list(NetworkPolicyPort, { listType: "atomic", desc: "ports is a list of ports which should be made accessible on the pods selected for this rule. Each item in this list is combined using a logical OR. If this field is empty or missing, this rule matches all ports (traffic not restricted by port). If this field is present and contains at least one item, then this rule allows traffic only if the traffic matches at least one port in the list." }),
  },
  { id: "io.k8s.api.networking.v1.NetworkPolicyIngressRule", desc: "NetworkPolicyIngressRule describes a particular set of traffic that is allowed to the pods matched by a NetworkPolicySpec's podSelector. The traffic must match both ports and from." },
);

export const NetworkPolicySpec = obj(
  {
    egress: list(NetworkPolicyEgressRule, { listType: "atomic", desc: "egress is a list of egress rules to be applied to the selected pods. Outgoing traffic is allowed if there are no NetworkPolicies selecting the pod (and cluster policy otherwise allows the traffic), OR if the traffic matches at least one egress rule across all of the NetworkPolicy objects whose podSelector matches the pod. If this field is empty then this NetworkPolicy limits all outgoing traffic (and serves solely to ensure that the pods it selects are isolated by default). This field is beta-level in 1.8" }),
    ingress: list(NetworkPolicyIngressRule, { listType: "atomic", desc: "ingress is a list of ingress rules to be applied to the selected pods. Traffic is allowed to a pod if there are no NetworkPolicies selecting the pod (and cluster policy otherwise allows the traffic), OR if the traffic source is the pod's local node, OR if the traffic matches at least one ingress rule across all of the NetworkPolicy objects whose podSelector matches the pod. If this field is empty then this NetworkPolicy does not allow any traffic (and serves solely to ensure that the pods it selects are isolated by default)" }),
    podSelector: LabelSelector,
    policyTypes: list(z.string().meta({ enum: ["Egress", "Ingress"] }), { listType: "atomic", desc: "policyTypes is a list of rule types that the NetworkPolicy relates to. Valid options are [\"Ingress\"], [\"Egress\"], or [\"Ingress\", \"Egress\"]. If this field is not specified, it will default based on the existence of ingress or egress rules; policies that contain an egress section are assumed to affect egress, and all policies (whether or not they contain an ingress section) are assumed to affect ingress. If you want to write an egress-only policy, you must explicitly specify policyTypes [ \"Egress\" ]. Likewise, if you want to write a policy that specifies that no egress is allowed, you must specify a policyTypes value that include \"Egress\" (since such a policy would not include an egress section and would otherwise default to just [ \"Ingress\" ]). This field is beta-level in 1.8" }),
  },
  { id: "io.k8s.api.networking.v1.NetworkPolicySpec", desc: "NetworkPolicySpec provides the specification of a NetworkPolicy", required: ["podSelector"] },
);

// ---------------------------------------------------------------------------------------------
// Validation (pkg/apis/networking/validation)
// ---------------------------------------------------------------------------------------------

function validatePort(port: NetworkPolicyPortT, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (port.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(port.protocol)) {
    errs.push(notSupported(child(path, "protocol"), port.protocol, ["TCP", "UDP", "SCTP"]));
  }
  if (port.port !== undefined && port.port !== null) {
    if (typeof port.port === "number") {
      for (const msg of isValidPortNum(port.port)) errs.push(invalid(child(path, "port"), port.port, msg));
      if (port.endPort !== undefined) {
        if (port.endPort < port.port) errs.push(invalid(child(path, "endPort"), port.endPort, "must be greater than or equal to `port`"));
        for (const msg of isValidPortNum(port.endPort)) errs.push(invalid(child(path, "endPort"), port.endPort, msg));
      }
    } else {
      if (port.endPort !== undefined) errs.push(invalid(child(path, "endPort"), port.endPort, "may not be specified when `port` is non-numeric"));
      for (const msg of isValidPortName(port.port)) errs.push(invalid(child(path, "port"), port.port, msg));
    }
  } else if (port.endPort !== undefined) {
    errs.push(invalid(child(path, "endPort"), port.endPort, "may not be specified when `port` is not specified"));
  }
  return errs;
}

function validateIPBlock(ipb: { cidr?: string; except?: string[] }, path: string, allowed: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!ipb.cidr) return [required(child(path, "cidr"), "")];
  errs.push(...validateCIDR(child(path, "cidr"), ipb.cidr, allowed));
  const net = parseCIDRSloppy(ipb.cidr);
  if (!net) return errs;
  (ipb.except ?? []).forEach((ex, i) => {
    const p = index(child(path, "except"), i);
    errs.push(...validateCIDR(p, ex, allowed));
    const exNet = parseCIDRSloppy(ex);
    if (!exNet) return;
    if (!cidrContains(net, { v6: exNet.v6, value: exNet.network }) || net.prefix >= exNet.prefix) {
      errs.push(invalid(p, ex, "must be a strict subset of `cidr`"));
    }
  });
  return errs;
}

function validatePeer(peer: NetworkPolicyPeerT, path: string, allowed: readonly string[], allowInvalidLabelValue: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, child(path, "podSelector"), allowInvalidLabelValue));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, child(path, "namespaceSelector"), allowInvalidLabelValue));
  }
  if (peer.ipBlock) {
    n++;
    errs.push(...validateIPBlock(peer.ipBlock, child(path, "ipBlock"), allowed));
  }
  if (n === 0) errs.push(required(path, "must specify a peer"));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(path, "may not specify both ipBlock and another peer"));
  return errs;
}

function existingCIDRs(np: NetworkPolicy | undefined): string[] {
  const out: string[] = [];
  for (const r of np?.spec?.ingress ?? []) for (const p of r.from ?? []) if (p.ipBlock) out.push(p.ipBlock.cidr ?? "", ...(p.ipBlock.except ?? []));
  for (const r of np?.spec?.egress ?? []) for (const p of r.to ?? []) if (p.ipBlock) out.push(p.ipBlock.cidr ?? "", ...(p.ipBlock.except ?? []));
  return out;
}

export function validateNetworkPolicySpec(np: NetworkPolicy, old?: NetworkPolicy): FieldError[] {
  const spec = np.spec ?? {};
  const errs: FieldError[] = [];
  const allowInvalidLabelValue = old ? validateLabelSelector(old.spec?.podSelector, "").length > 0 : false;
  const allowed = old ? existingCIDRs(old) : [];
  errs.push(...validateLabelSelector(spec.podSelector, "spec.podSelector", allowInvalidLabelValue));
  (spec.ingress ?? []).forEach((rule, i) => {
    const p = index("spec.ingress", i);
    (rule.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, index(child(p, "ports"), j))));
    (rule.from ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, index(child(p, "from"), j), allowed, allowInvalidLabelValue)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    const p = index("spec.egress", i);
    (rule.ports ?? []).forEach((port, j) => errs.push(...validatePort(port, index(child(p, "ports"), j))));
    (rule.to ?? []).forEach((peer, j) => errs.push(...validatePeer(peer, index(child(p, "to"), j), allowed, allowInvalidLabelValue)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.push(invalid("spec.policyTypes", new GoValue(`&[]networking.PolicyType{${types.map((t) => JSON.stringify(t)).join(", ")}}`), "may not specify more than two policyTypes"));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== "Ingress" && t !== "Egress") errs.push(notSupported(index("spec.policyTypes", i), t, ["Ingress", "Egress"]));
  });
  return errs;
}

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

export const networkPolicy: KindDef<NetworkPolicy> = {
  group: "networking.k8s.io",
  version: "v1",
  kind: "NetworkPolicy",
  plural: "networkpolicies",
  singular: "networkpolicy",
  shortNames: ["netpol"],
  namespaced: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.api.networking.v1.NetworkPolicy",
    "NetworkPolicy describes what network traffic is allowed for a set of Pods",
    { spec: NetworkPolicySpec },
    ObjectMeta,
  ),
  applyDefaults(np) {
    np.spec ??= {};
    np.spec.podSelector ??= {};
    for (const r of np.spec.ingress ?? []) for (const p of r.ports ?? []) p.protocol ??= "TCP";
    for (const r of np.spec.egress ?? []) for (const p of r.ports ?? []) p.protocol ??= "TCP";
    if (!np.spec.policyTypes || np.spec.policyTypes.length === 0) {
      np.spec.policyTypes = ["Ingress"];
      if ((np.spec.egress ?? []).length !== 0) np.spec.policyTypes.push("Egress");
    }
  },
  validate(np, ctx) {
    return validateNetworkPolicySpec(np, ctx.old as NetworkPolicy | undefined);
  },
  columns: [
    nameColumn(),
    col("Pod-Selector", "string", "Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace."),
    ageColumn(),
  ],
  printRow: (np, ctx) => [np.metadata.name!, formatLabelSelector((np.spec?.podSelector ?? {}) as LabelSelectorSpec), age(np, ctx.nowMs)],
};
