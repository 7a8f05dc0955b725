// Ingress (each backend with the endpoints of its Service), IngressClass and NetworkPolicy
// describers (describe.go).
import { ServerError } from "../client";
import { corePath, getJson, groupPath, type DescribeContext, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline, goTimeString, sortStrings, type Obj } from "./format";
import { formatEndpointSlices } from "./service";
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from "./writer";

export const describeIngress: Describer = async (ctx, ns, name) => {
  const ing = await getJson(ctx, groupPath("networking.k8s.io/v1", "ingresses", ns, name));
  const events = await eventsFor(ctx, refOf(ing, "Ingress"));
  // Every backend is described with the endpoints of its Service (fetched once per backend, as kubectl does).
  const backends = new Map<Obj, string>();
  const all: Obj[] = [];
  if (ing.spec?.defaultBackend) all.push(ing.spec.defaultBackend);
  for (const rule of ing.spec?.rules ?? []) for (const p of rule.http?.paths ?? []) all.push(p.backend ?? {});
  for (const b of all) backends.set(b, await describeBackend(ctx, ns, b));
  return renderIngress(ing, (b) => backends.get(b) ?? "", events, ctx.nowMs);
};

/** serviceBackendStringer: `name:port`. */
function serviceBackendString(s: Obj): string {
  return `${s.name ?? ""}:${s.port?.number ? s.port.number : (s.port?.name ?? "")}`;
}

/** describeBackendV1: `svc:port (endpoints)`, or the resource backend. */
async function describeBackend(ctx: DescribeContext, ns: string, backend: Obj): Promise<string> {
  if (backend.service) {
    const sb = serviceBackendString(backend.service);
    let slices: Obj[];
    let service: Obj;
    try {
      slices = (await ctx.client.request("GET", groupPath("discovery.k8s.io/v1", "endpointslices", ns), { query: { labelSelector: `kubernetes.io/service-name=${backend.service.name ?? ""}` } })).items ?? [];
      service = await getJson(ctx, corePath("services", ns, backend.service.name ?? ""));
    } catch (e) {
      const message = e instanceof ServerError ? e.status.message ?? "" : e instanceof Error ? e.message : String(e);
      return `${sb} (<error: ${message}>)`;
    }
    let spName = "";
    for (const sp of service.spec?.ports ?? []) {
      const num = backend.service.port?.number ?? 0;
      if (num !== 0 && num === sp.port) spName = sp.name ?? "";
      else if (backend.service.port?.name && backend.service.port.name === sp.name) spName = sp.name ?? "";
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  if (backend.resource) {
    const r = backend.resource;
    return `APIGroup: ${r.apiGroup ?? "<none>"}, Kind: ${r.kind ?? ""}, Name: ${r.name ?? ""}`;
  }
  return "";
}

/** ingressLoadBalancerStatusStringerV1 (wide): unique IPs or hostnames, sorted. */
function loadBalancerAddress(status: Obj | undefined): string {
  const set = new Set<string>();
  for (const i of status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return sortStrings(set).join(",");
}

export function renderIngress(ing: Obj, backend: (b: Obj) => string, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = ing.spec ?? {};
    w.write(LEVEL_0, `Name:\t${ing.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ing.metadata?.labels);
    w.write(LEVEL_0, `Namespace:\t${ing.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Address:\t${loadBalancerAddress(ing.status)}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? "<none>"}\n`);
    const def = spec.defaultBackend ? backend(spec.defaultBackend) : "<default>";
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    if ((spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, "TLS:\n");
      for (const t of spec.tls) {
        const hosts = (t.hosts ?? []).join(",");
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, "Rules:\n  Host\tPath\tBackends\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    let count = 0;
    for (const rule of spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || "*"}\t\n`);
      for (const p of rule.http.paths ?? []) w.write(LEVEL_2, `\t${p.path ?? ""} \t${backend(p.backend ?? {})}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, "Annotations", ing.metadata?.annotations);
    if (events) describeEvents(events, w, nowMs);
  });
}

export const describeIngressClass: Describer = async (ctx, _ns, name) => {
  const ic = await getJson(ctx, groupPath("networking.k8s.io/v1", "ingressclasses", undefined, name));
  const events = await eventsFor(ctx, refOf(ic, "IngressClass"));
  return renderIngressClass(ic, events, ctx.nowMs);
};

export function renderIngressClass(ic: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ic.metadata?.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ic.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ic.metadata?.annotations);
    w.write(LEVEL_0, `Controller:\t${ic.spec?.controller ?? ""}\n`);
    const p = ic.spec?.parameters;
    if (p) {
      w.write(LEVEL_0, "Parameters:\n");
      if (p.apiGroup !== undefined && p.apiGroup !== null) w.write(LEVEL_1, `APIGroup:\t${p.apiGroup}\n`);
      w.write(LEVEL_1, `Kind:\t${p.kind ?? ""}\n`);
      w.write(LEVEL_1, `Name:\t${p.name ?? ""}\n`);
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

export const describeNetworkPolicy: Describer = async (ctx, ns, name) => renderNetworkPolicy(await getJson(ctx, groupPath("networking.k8s.io/v1", "networkpolicies", ns, name)));

export function renderNetworkPolicy(np: Obj): string {
  return tabbedString((w) => {
    const spec = np.spec ?? {};
    w.write(LEVEL_0, `Name:\t${np.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata?.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", np.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", np.metadata?.annotations);
    w.write(LEVEL_0, "Spec:\n");
    w.write(LEVEL_1, "PodSelector: ");
    const ps = spec.podSelector ?? {};
    if (Object.keys(ps.matchLabels ?? {}).length === 0 && (ps.matchExpressions ?? []).length === 0) w.write(LEVEL_2, "<none> (Allowing the specific traffic to all pods in this namespace)\n");
    else w.write(LEVEL_2, `${formatLabelSelector(ps)}\n`);
    const types: string[] = spec.policyTypes ?? [];
    if (types.includes("Ingress")) {
      w.write(LEVEL_1, "Allowing ingress traffic:\n");
      printPeers(spec.ingress ?? [], "from", w);
    } else w.write(LEVEL_1, "Not affecting ingress traffic\n");
    if (types.includes("Egress")) {
      w.write(LEVEL_1, "Allowing egress traffic:\n");
      printPeers(spec.egress ?? [], "to", w);
    } else w.write(LEVEL_1, "Not affecting egress traffic\n");
    w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(", ") : "<none>"}\n`);
  });
}

/** printNetworkPolicySpecIngressFrom / printNetworkPolicySpecEgressTo. */
function printPeers(rules: Obj[], dir: "from" | "to", w: PrefixWriter): void {
  const indent = "    ";
  if (rules.length === 0) {
    w.write(LEVEL_0, `${indent}${dir === "from" ? "<none> (Selected pods are isolated for ingress connectivity)" : "<none> (Selected pods are isolated for egress connectivity)"}\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports: Obj[] = rule.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of ports) {
      const proto = port.protocol ?? "TCP";
      const p = port.port === undefined || port.port === null ? "<nil>" : String(port.port);
      if (port.endPort === undefined || port.endPort === null) w.write(LEVEL_0, `${indent}To Port: ${p}/${proto}\n`);
      else w.write(LEVEL_0, `${indent}To Port Range: ${p}-${port.endPort}/${proto}\n`);
    }
    const peers: Obj[] = rule[dir] ?? [];
    const title = dir === "from" ? "From" : "To";
    if (peers.length === 0) w.write(LEVEL_0, `${indent}${dir === "from" ? "From: <any> (traffic not restricted by source)" : "To: <any> (traffic not restricted by destination)"}\n`);
    for (const peer of peers) {
      w.write(LEVEL_0, `${indent}${title}:\n`);
      if (peer.podSelector && peer.namespaceSelector) {
        w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (peer.podSelector) w.write(LEVEL_1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (peer.namespaceSelector) w.write(LEVEL_1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (peer.ipBlock) {
        w.write(LEVEL_1, `${indent}IPBlock:\n`);
        w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr ?? ""}\n`);
        w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(", ")}\n`);
      }
    }
    if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
  });
}
