// Service (with its endpoints, read from the Service's EndpointSlices), Endpoints and EndpointSlice
// describers (describe.go).
import { corePath, getJson, groupPath, type Describer } from "./context";
import { describeEvents, eventsFor, refOf } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, type Obj } from "./format";
import { formatLabels } from "../../machinery/labels";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from "./writer";

/** The Service's EndpointSlices (kubernetes.io/service-name=<name>); like kubectl, a failed list is no slices. */
export async function endpointSlicesOf(ctx: Parameters<Describer>[0], ns: string, service: string): Promise<Obj[]> {
  try {
    return await ctx.client.request("GET", groupPath("discovery.k8s.io/v1", "endpointslices", ns), { query: { labelSelector: `kubernetes.io/service-name=${service}` } }).then((l) => l.items ?? []);
  } catch {
    return [];
  }
}

export const describeService: Describer = async (ctx, ns, name) => {
  const svc = await getJson(ctx, corePath("services", ns, name));
  const slices = await endpointSlicesOf(ctx, ns, name);
  const events = await eventsFor(ctx, refOf(svc, "Service"));
  return renderService(svc, slices, events, ctx.nowMs);
};

export function renderService(svc: Obj, slices: Obj[], events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = svc.spec ?? {};
    w.write(LEVEL_0, `Name:\t${svc.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", svc.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", svc.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ""}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies.join(",") : "<none>"}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs.join(",") : "<none>"}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress: Obj[] = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const list = ingress.map((i) => (i.ip ? i.ip + (i.ipMode ? ` (${i.ipMode})` : "") : (i.hostname ?? ""))).join(", ");
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${list}\n`);
    }
    for (const sp of spec.ports ?? []) {
      const portName = sp.name || "<unset>";
      w.write(LEVEL_0, `Port:\t${portName}\t${sp.port ?? 0}/${sp.protocol ?? ""}\n`);
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ""}\n`);
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${portName}\t${sp.nodePort}/${sp.protocol ?? ""}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([sp.name ?? ""]))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
    if (events) describeEvents(events, w, nowMs);
  });
}

/** formatEndpointSlices: ready addresses (host:port for the named ports), at most three, then "+ N more...". */
export function formatEndpointSlices(slices: Obj[], ports: Set<string> | undefined): string {
  if (slices.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const ready = (e: Obj) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
  for (const slice of slices) {
    const slicePorts: Obj[] = slice.ports ?? [];
    if (slicePorts.length === 0) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? "");
        count++;
      }
      continue;
    }
    for (const port of slicePorts) {
      if (ports && !ports.has(port.name ?? "")) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        const addr: string = e.addresses?.[0] ?? "";
        if (!ready(e)) continue;
        if (!more) list.push(`${addr.includes(":") ? `[${addr}]` : addr}:${port.port ?? 0}`);
        count++;
      }
    }
  }
  const joined = list.join(",");
  return more ? `${joined} + ${count - max} more...` : joined;
}

export const describeEndpoints: Describer = async (ctx, ns, name) => {
  const ep = await getJson(ctx, corePath("endpoints", ns, name));
  const events = await eventsFor(ctx, refOf(ep, "Endpoints"));
  return renderEndpoints(ep, events, ctx.nowMs);
};

export function renderEndpoints(ep: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${ep.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ep.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ep.metadata?.annotations);
    w.write(LEVEL_0, "Subsets:\n");
    for (const subset of ep.subsets ?? []) {
      const addresses = (subset.addresses ?? []).map((a: Obj) => a.ip ?? "").join(",");
      w.write(LEVEL_1, `Addresses:\t${addresses || "<none>"}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a: Obj) => a.ip ?? "").join(",");
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
      if ((subset.ports ?? []).length > 0) {
        w.write(LEVEL_1, "Ports:\n");
        w.write(LEVEL_2, "Name\tPort\tProtocol\n");
        w.write(LEVEL_2, "----\t----\t--------\n");
        for (const p of subset.ports) w.write(LEVEL_2, `${p.name || "<unset>"}\t${p.port ?? 0}\t${p.protocol ?? ""}\n`);
      }
      w.write(LEVEL_0, "\n");
    }
    if (events) describeEvents(events, w, nowMs);
  });
}

export const describeEndpointSlice: Describer = async (ctx, ns, name) => {
  const eps = await getJson(ctx, groupPath("discovery.k8s.io/v1", "endpointslices", ns, name));
  const events = await eventsFor(ctx, refOf(eps, "EndpointSlice"));
  return renderEndpointSlice(eps, events, ctx.nowMs);
};

export function renderEndpointSlice(eps: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata?.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${eps.metadata?.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", eps.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${eps.addressType ?? ""}\n`);
    const ports: Obj[] = eps.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
    else {
      w.write(LEVEL_0, "Ports:\n");
      w.write(LEVEL_1, "Name\tPort\tProtocol\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      for (const p of ports) w.write(LEVEL_1, `${p.name || "<unset>"}\t${p.port ?? "<unset>"}\t${p.protocol ?? ""}\n`);
    }
    const endpoints: Obj[] = eps.endpoints ?? [];
    if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
    else {
      w.write(LEVEL_0, "Endpoints:\n");
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(", ") || "<none>"}\n`);
        w.write(LEVEL_2, "Conditions:\n");
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${ready === undefined || ready === null ? "<unset>" : String(ready)}\n`);
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
        w.write(LEVEL_2, `Zone:\t${e.zone ?? "<unset>"}\n`);
      }
    }
    if (events) describeEvents(events, w, nowMs);
  });
}
