// The Pod describer (describe.go's describePod) and DescribePodTemplate, which every workload
// describer uses for its template. A pod that is gone but still has events prints those events.
import { ServerError } from "../client";
import { corePath, getJson, listAll, type DescribeContext, type Describer } from "./context";
import { describeEvents, eventsFor, type EventRef } from "./events";
import { describeContainers, describeResources, envValueRetriever } from "./containers";
import { controllerOf, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z, since, type Obj } from "./format";
import { describeTopologySpreadConstraints, describeVolumes } from "./volumes";
import { parseQuantity, type Quantity } from "../../machinery/quantity";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./writer";

const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

export const describePod: Describer = async (ctx, ns, name) => {
  let pod: Obj;
  try {
    pod = await getJson(ctx, corePath("pods", ns, name));
  } catch (err) {
    const found = await eventsOfMissingPod(ctx, ns, name, err);
    if (found !== undefined) return found;
    throw err;
  }
  // kubectl clears the kind of a pod's reference; a mirror pod's events name the static pod's uid.
  const ref: EventRef = { namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? "", uid: pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION] ?? pod.metadata?.uid };
  const events = await eventsFor(ctx, ref);
  return renderPod(pod, events, ctx.nowMs);
};

/** "Pod 'x': error '...', but found events." when the pod cannot be read but events about it exist. */
async function eventsOfMissingPod(ctx: DescribeContext, ns: string, name: string, err: unknown): Promise<string | undefined> {
  if (!ctx.settings.showEvents) return undefined;
  let events: Obj[];
  try {
    events = await listAll(ctx, corePath("events", ns), { fieldSelector: `involvedObject.name=${name},involvedObject.namespace=${ns}` });
  } catch {
    return undefined;
  }
  if (events.length === 0) return undefined;
  const message = err instanceof ServerError ? err.status.message ?? "" : err instanceof Error ? err.message : String(err);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Pod '${name}': error '${message}', but found events.\n`);
    describeEvents(events, w, ctx.nowMs);
  });
}

export function renderPod(pod: Obj, events: Obj[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pod.spec ?? {};
    const status = pod.status ?? {};
    const meta = pod.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
    if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n` : "Node:\t<none>\n");
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, "Labels", meta.labels);
    printAnnotationsMultiline(w, "Annotations", meta.annotations);
    if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, nowMs)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
    const ips: Obj[] = status.podIPs ?? [];
    if (ips.length === 0) w.write(LEVEL_0, "IPs:\t<none>\n");
    else {
      w.write(LEVEL_0, "IPs:\n");
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip ?? ""}\n`);
    }
    const controlledBy = controllerOf(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) {
      w.write(LEVEL_0, "Resources:\n");
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolver = envValueRetriever(pod);
    if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolver, w, "");
    describeContainers("Containers", spec.containers, status.containerStatuses, resolver, w, "");
    if ((spec.ephemeralContainers ?? []).length > 0) describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolver, w, "");
    const conditions: Obj[] = status.conditions ?? [];
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of spec.readinessGates) {
        const c = conditions.find((c) => c.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType ?? ""} \t${c ? (c.status ?? "") : "<none>"} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type ?? ""} \t${c.status ?? ""} \n`);
    }
    describeVolumes(spec.volumes, w, "");
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
    printTolerationsMultiline(w, "Tolerations", spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
    if (events) describeEvents(events, w, nowMs);
  });
}

/** DescribePodTemplate: a workload's pod template. */
export function describePodTemplate(template: Obj | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", template.metadata.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers("Init Containers", spec.initContainers, undefined, undefined, w, "  ");
  describeContainers("Containers", spec.containers, undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}

/** qos.GetPodQOS: status.qosClass, else computed from the containers' requests and limits. */
export function podQOS(pod: Obj): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const add = (into: Map<string, Quantity>, list: Record<string, unknown> | undefined) => {
    for (const [name, v] of Object.entries(list ?? {})) {
      if (name !== "cpu" && name !== "memory") continue;
      const q = safeQuantity(v);
      if (!q || q.sign() <= 0) continue;
      const prev = into.get(name);
      into.set(name, prev ? q.add(prev) : q);
    }
  };
  const hasBothLimits = (list: Record<string, unknown> | undefined) => ["cpu", "memory"].every((n) => (safeQuantity(list?.[n])?.sign() ?? 0) > 0);
  const podResources = pod.spec?.resources;
  if (podResources) {
    add(requests, podResources.requests);
    if (podResources.limits) {
      add(limits, podResources.limits);
      if (!hasBothLimits(podResources.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      add(requests, c.resources?.requests);
      add(limits, c.resources?.limits);
      if (!hasBothLimits(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || lim.cmp(req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

function safeQuantity(v: unknown): Quantity | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return parseQuantity(String(v));
  } catch {
    return undefined;
  }
}
