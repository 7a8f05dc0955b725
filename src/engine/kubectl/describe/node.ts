// The Node describer (describe.go's describeNode): roles, lease, conditions, addresses, capacity,
// system info, the non-terminated pods on the node with their requests and limits, the allocated
// totals, and the events recorded against the node's uid and against its name.
import { ServerError } from "../client";
import { corePath, getJson, groupPath, listAll, type Describer } from "./context";
import { describeEvents, searchEvents } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, printNodeTaintsMultiline, rfc1123z, since, sortStrings, type Obj } from "./format";
import { newQuantity, parseQuantity, type Quantity } from "../../machinery/quantity";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./writer";

export const describeNode: Describer = async (ctx, _ns, name) => {
  const node = await getJson(ctx, corePath("nodes", undefined, name));
  let pods: Obj[] | undefined;
  try {
    pods = await listAll(ctx, corePath("pods"), { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  } catch (e) {
    if (!(e instanceof ServerError && e.reason === "Forbidden")) throw e;
  }
  let events: Obj[] | undefined;
  if (ctx.settings.showEvents) {
    // Controllers record node events with the node's uid, the kubelet with its name.
    const ref = { kind: "Node", name, namespace: "", uid: node.metadata?.uid };
    const byUid = await searchEvents(ctx, ref).catch(() => [] as Obj[]);
    const byName = await searchEvents(ctx, { ...ref, uid: name }).catch(() => [] as Obj[]);
    events = [...byUid, ...byName];
  }
  let lease: Obj | string;
  try {
    lease = await getJson(ctx, groupPath("coordination.k8s.io/v1", "leases", "kube-node-lease", name));
  } catch (e) {
    lease = e instanceof Error ? e.message : String(e);
  }
  return renderNode(node, pods, events, lease, ctx.nowMs);
};

/** findNodeRoles: node-role.kubernetes.io/<role> labels and kubernetes.io/role=<role>, sorted, unique. */
function nodeRoles(node: Obj): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata?.labels ?? {})) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return sortStrings(roles);
}

/** `lease` is the Lease, or the error message when it could not be read. */
export function renderNode(node: Obj, pods: Obj[] | undefined, events: Obj[] | undefined, lease: Obj | string, nowMs: number): string {
  return tabbedString((w) => {
    const spec = node.spec ?? {};
    const status = node.status ?? {};
    w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ""}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", node.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, "Taints", spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (typeof lease === "string") w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease}\n`);
    else {
      w.write(LEVEL_0, "Lease:\n");
      w.write(LEVEL_1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? "<unset>"}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}\n`);
      w.write(LEVEL_1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : "<unset>"}\n`);
    }
    const conditions: Obj[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type ?? ""} \t${c.status ?? ""} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`);
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type ?? ""}:\t${a.address ?? ""}\n`);
    const printResourceList = (list: Record<string, string>) => {
      for (const r of sortStrings(Object.keys(list))) w.write(LEVEL_0, `  ${r}:\t${q(list[r]).toString()}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length > 0) {
      w.write(LEVEL_0, "Capacity:\n");
      printResourceList(status.capacity);
    }
    if (Object.keys(status.allocatable ?? {}).length > 0) {
      w.write(LEVEL_0, "Allocatable:\n");
      printResourceList(status.allocatable);
    }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, "System Info:\n");
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    if (pods) describeNodeResource(pods, node, w, nowMs);
    else w.write(LEVEL_0, "Pods:\tnot authorized\n");
    if (events) describeEvents(events, w, nowMs);
  });
}

const ZERO = newQuantity(0);

function q(v: unknown): Quantity {
  if (v === undefined || v === null) return ZERO;
  try {
    return parseQuantity(String(v));
  } catch {
    return ZERO;
  }
}

type ResourceList = Map<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as their maximum, sidecars added, overhead added. */
export function podRequestsAndLimits(pod: Obj): { reqs: ResourceList; limits: ResourceList } {
  const sum = (into: ResourceList, list: Record<string, unknown> | undefined) => {
    for (const [k, v] of Object.entries(list ?? {})) into.set(k, into.has(k) ? into.get(k)!.add(q(v)) : q(v));
  };
  const maxInto = (into: ResourceList, list: ResourceList) => {
    for (const [k, v] of list) if (!into.has(k) || v.cmp(into.get(k)!) > 0) into.set(k, v);
  };
  const statuses = new Map<string, Obj>((pod.status?.containerStatuses ?? []).map((s: Obj) => [s.name, s]));
  const compute = (which: "requests" | "limits"): ResourceList => {
    const total: ResourceList = new Map();
    for (const c of pod.spec?.containers ?? []) {
      let list: Record<string, unknown> | undefined = c.resources?.[which];
      const allocated = statuses.get(c.name)?.resources;
      if (which === "requests" && allocated) {
        if (pod.status?.resize === "Infeasible") list = allocated.requests;
        else {
          const merged: ResourceList = new Map();
          sum(merged, list);
          maxInto(merged, new Map(Object.entries<unknown>(allocated.requests ?? {}).map(([k, v]) => [k, q(v)])));
          list = Object.fromEntries([...merged].map(([k, v]) => [k, v.toString()]));
        }
      }
      sum(total, list);
    }
    const sidecars: ResourceList = new Map();
    const initMax: ResourceList = new Map();
    for (const c of pod.spec?.initContainers ?? []) {
      const own: ResourceList = new Map();
      sum(own, c.resources?.[which]);
      if (c.restartPolicy === "Always") {
        for (const [k, v] of own) total.set(k, total.has(k) ? total.get(k)!.add(v) : v);
        for (const [k, v] of own) sidecars.set(k, sidecars.has(k) ? sidecars.get(k)!.add(v) : v);
        maxInto(initMax, sidecars);
      } else {
        const withSidecars = new Map(own);
        for (const [k, v] of sidecars) withSidecars.set(k, withSidecars.has(k) ? withSidecars.get(k)!.add(v) : v);
        maxInto(initMax, withSidecars);
      }
    }
    maxInto(total, initMax);
    const overhead: Record<string, unknown> = pod.spec?.overhead ?? {};
    for (const [k, v] of Object.entries(overhead)) {
      if (which === "requests") total.set(k, total.has(k) ? total.get(k)!.add(q(v)) : q(v));
      else if (total.has(k) && !total.get(k)!.isZero()) total.set(k, total.get(k)!.add(q(v)));
    }
    return total;
  };
  return { reqs: compute("requests"), limits: compute("limits") };
}

/** int64(float64(a)/float64(b)*100) as Go computes it (NaN and ±Inf convert to the minimum int64 on amd64). */
function percent(a: number, b: number): string {
  const f = (a / b) * 100;
  if (!Number.isFinite(f)) return "-9223372036854775808";
  return String(Math.trunc(f) + 0);
}

function describeNodeResource(pods: Obj[], node: Obj, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const allocatable: Record<string, string> = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : (node.status?.capacity ?? {});
  const allocCpu = q(allocatable.cpu).milliValue();
  const allocMem = q(allocatable.memory).value();
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cpuReq = reqs.get("cpu") ?? ZERO;
    const cpuLim = limits.get("cpu") ?? ZERO;
    const memReq = reqs.get("memory") ?? ZERO;
    const memLim = limits.get("memory") ?? ZERO;
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t${cpuReq} (${percent(cpuReq.milliValue(), allocCpu)}%)\t${cpuLim} (${percent(cpuLim.milliValue(), allocCpu)}%)\t${memReq} (${percent(memReq.value(), allocMem)}%)\t${memLim} (${percent(memLim.value(), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const r = podRequestsAndLimits(pod);
    for (const [k, v] of r.reqs) reqs.set(k, reqs.has(k) ? reqs.get(k)!.add(v) : v);
    for (const [k, v] of r.limits) limits.set(k, limits.has(k) ? limits.get(k)!.add(v) : v);
  }
  const frac = (used: number, total: number) => (total !== 0 ? percent(used, total) : "0");
  const row = (name: string, milli: boolean) => {
    const req = reqs.get(name) ?? ZERO;
    const lim = limits.get(name) ?? ZERO;
    const total = milli ? q(allocatable[name]).milliValue() : q(allocatable[name]).value();
    const val = (x: Quantity) => (milli ? x.milliValue() : x.value());
    w.write(LEVEL_1, `${name}\t${req} (${frac(val(req), total)}%)\t${lim} (${frac(val(lim), total)}%)\n`);
  };
  row("cpu", true);
  row("memory", false);
  row("ephemeral-storage", false);
  const names = Object.keys(allocatable);
  for (const r of sortStrings(names.filter((n) => n.startsWith("hugepages-")))) row(r, false);
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);
  for (const r of sortStrings(names.filter((n) => !n.startsWith("hugepages-") && !standard.has(n)))) {
    w.write(LEVEL_1, `${r}\t${reqs.get(r) ?? ZERO}\t${limits.get(r) ?? ZERO}\n`);
  }
}
