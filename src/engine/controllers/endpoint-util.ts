// What the Endpoints, EndpointSlice and mirroring controllers share: which pods back a Service,
// their addresses and readiness, the ports a Service port resolves to on a pod, and the
// last-change-trigger-time annotation (k8s.io/endpointslice/util and pkg/controller/util/endpoint).
import type { KubeObject } from "../kinds/types";
import { parseRfc3339, rfc3339 } from "../machinery/time";

export const LAST_CHANGE_TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
export const HEADLESS_LABEL = "service.kubernetes.io/headless";
export const SERVICE_NAME_LABEL = "kubernetes.io/service-name";
export const MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
export const SKIP_MIRROR_LABEL = "endpointslice.kubernetes.io/skip-mirror";
export const LEADER_ANNOTATION = "control-plane.alpha.kubernetes.io/leader";
export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller.k8s.io";
export const MIRRORING_CONTROLLER = "endpointslicemirroring-controller.k8s.io";
/** The field manager of every kube-controller-manager write. */
export const KCM = "kube-controller-manager";

/** A Service's selector as the controllers see it: none when nil or empty (protobuf drops empty maps). */
export function serviceSelector(svc: KubeObject): Record<string, string> | undefined {
  const sel = svc.spec?.selector as Record<string, string> | undefined;
  return sel && Object.keys(sel).length ? sel : undefined;
}

export function selectorMatches(sel: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(sel)) if ((labels ?? {})[k] !== v) return false;
  return true;
}

/** isServiceIPSet: a virtual IP was allocated (not headless, not ExternalName). */
export function isServiceIPSet(svc: KubeObject): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== "None";
}

export function isPodReady(pod: KubeObject): boolean {
  return (pod.status?.conditions ?? []).some((c: { type?: string; status?: string }) => c.type === "Ready" && c.status === "True");
}

/** The Ready condition's lastTransitionTime, the pod's trigger time (getPodTriggerTime). */
export function podTriggerMs(pod: KubeObject): number | undefined {
  const c = (pod.status?.conditions ?? []).find((x: { type?: string }) => x.type === "Ready");
  return c?.lastTransitionTime ? parseRfc3339(c.lastTransitionTime) : undefined;
}

const isTerminal = (pod: KubeObject) => pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";

/** ShouldPodBeInEndpoints. */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  if (isTerminal(pod)) return false;
  if (!pod.status?.podIP && !pod.status?.podIPs?.length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

const isIPv6 = (ip: string) => ip.includes(":");

/** The pod's IPs of one family, in status order (podIPs, or podIP for old pods). */
export function podIPsOf(pod: KubeObject, family: "IPv4" | "IPv6"): string[] {
  const ips: string[] = (pod.status?.podIPs ?? []).map((p: { ip?: string }) => p.ip ?? "").filter(Boolean);
  if (!ips.length && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.filter((ip) => isIPv6(ip) === (family === "IPv6"));
}

export function serviceFamily(svc: KubeObject): "IPv4" | "IPv6" {
  const fam = svc.spec?.ipFamilies?.[0];
  if (fam === "IPv6" || (!fam && svc.spec?.clusterIP && isIPv6(svc.spec.clusterIP))) return "IPv6";
  return "IPv4";
}

/** ShouldSetHostname. */
export function hostnameFor(pod: KubeObject, svc: KubeObject): string | undefined {
  const h = pod.spec?.hostname;
  return h && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace ? h : undefined;
}

interface ServicePort {
  name?: string;
  port?: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
}

/** FindPort: a number is taken as is; a name is looked up in the containers' (and sidecars') ports. */
export function findPort(pod: KubeObject, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === "number") return target;
  if (typeof target !== "string" || target === "") return sp.port;
  if (/^[0-9]+$/.test(target)) return Number(target);
  const protocol = sp.protocol ?? "TCP";
  const look = (cs: Array<{ ports?: Array<{ name?: string; protocol?: string; containerPort?: number }>; restartPolicy?: string }> | undefined, sidecarsOnly: boolean) => {
    for (const c of cs ?? []) {
      if (sidecarsOnly && c.restartPolicy !== "Always") continue;
      for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
    }
    return undefined;
  };
  return look(pod.spec?.containers, false) ?? look(pod.spec?.initContainers, true);
}

export function servicePorts(svc: KubeObject): ServicePort[] {
  return (svc.spec?.ports ?? []) as ServicePort[];
}

/** Pods by namespace, built once per pass. */
export function podsByNamespace(pods: readonly KubeObject[]): Map<string, KubeObject[]> {
  const m = new Map<string, KubeObject[]>();
  for (const p of pods) {
    const ns = p.metadata.namespace ?? "";
    let l = m.get(ns);
    if (!l) m.set(ns, (l = []));
    l.push(p);
  }
  return m;
}

/** When our last write of an object happened: its kube-controller-manager managedFields time. */
function lastWriteMs(obj: KubeObject): number | undefined {
  const times = (obj.metadata.managedFields ?? []).filter((e) => e.manager === KCM && e.time).map((e) => parseRfc3339(e.time!) ?? 0);
  return times.length ? Math.max(...times) : undefined;
}

/**
 * TriggerTimeTracker.ComputeEndpointLastChangeTriggerTime without its in-memory state: a new
 * Service's endpoints get the Service's creationTimestamp; afterwards the earliest pod readiness
 * change since the previous write (undefined: clear the annotation).
 */
export function triggerTime(svc: KubeObject, pods: readonly KubeObject[], previous: KubeObject | undefined): string | undefined {
  const created = parseRfc3339(svc.metadata.creationTimestamp ?? "");
  if (!previous) return created !== undefined ? rfc3339(created) : undefined;
  const prevAnn = previous.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME];
  const since = (prevAnn ? parseRfc3339(prevAnn) : undefined) ?? lastWriteMs(previous) ?? parseRfc3339(previous.metadata.creationTimestamp ?? "") ?? 0;
  let min: number | undefined;
  for (const p of pods) {
    const t = podTriggerMs(p);
    if (t !== undefined && t > since && (min === undefined || t < min)) min = t;
  }
  if (created !== undefined && created > since && (min === undefined || created < min)) min = created;
  return min === undefined ? undefined : rfc3339(min);
}

export function withoutEmpty<T extends Record<string, unknown>>(m: T | undefined): T | undefined {
  return m && Object.keys(m).length ? m : undefined;
}

/**
 * Remembers, per Service object, the exact stored objects a sync last found nothing to do with.
 * Stored objects are replaced (never mutated) on every write, so the same references mean the same
 * inputs and the sync can be skipped: a 1,000-pod Service costs a reference comparison per pass.
 */
export class UnchangedInputs {
  private readonly seen = new WeakMap<KubeObject, readonly unknown[]>();

  isUnchanged(key: KubeObject, inputs: readonly unknown[]): boolean {
    const prev = this.seen.get(key);
    return !!prev && prev.length === inputs.length && prev.every((x, i) => x === inputs[i]);
  }

  remember(key: KubeObject, inputs: readonly unknown[]): void {
    this.seen.set(key, inputs);
  }
}
