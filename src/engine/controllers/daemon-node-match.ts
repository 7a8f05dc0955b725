// Which nodes a daemon pod belongs on, as the DaemonSet controller decides it (pkg/controller/daemon:
// NodeShouldRunDaemonPod, predicates): the template's nodeName, the required node affinity (nodeSelector
// plus requiredDuringScheduling terms, component-helpers' nodeaffinity.GetRequiredNodeAffinity) and the
// node's taints against the template's tolerations plus the ones the controller adds to every daemon pod
// (util.AddOrUpdateDaemonPodTolerations).
import type { KubeObject } from "../kinds/types";

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface NodeSelectorRequirement {
  key?: string;
  operator?: string;
  values?: string[];
}

interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** The tolerations util.AddOrUpdateDaemonPodTolerations adds, in its order (network-unavailable only with hostNetwork). */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const t: Toleration[] = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
  ];
  if (hostNetwork) t.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return t;
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (a.key ?? "") === (b.key ?? "") && (a.operator ?? "") === (b.operator ?? "") && (a.value ?? "") === (b.value ?? "") && (a.effect ?? "") === (b.effect ?? "");
}

/**
 * v1helper.AddOrUpdateTolerationInPodSpec for each daemon toleration: a matching one is replaced
 * unless it is identical, otherwise the toleration is appended. Mutates and returns `spec`.
 */
export function addDaemonPodTolerations(spec: Record<string, any>): Record<string, any> {
  const tolerations: Toleration[] = [...((spec.tolerations as Toleration[] | undefined) ?? [])];
  for (const t of daemonTolerations(spec.hostNetwork === true)) {
    const i = tolerations.findIndex((old) => sameToleration(old, t));
    if (i < 0) tolerations.push({ ...t });
    else if (tolerations[i].tolerationSeconds !== undefined) tolerations[i] = { ...t };
  }
  spec.tolerations = tolerations;
  return spec;
}

/** Toleration.ToleratesTaint (an empty operator means Equal). */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint passing `filter` that no toleration tolerates. */
export function findUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], filter: (t: Taint) => boolean): Taint | undefined {
  return taints.find((taint) => filter(taint) && !tolerations.some((t) => toleratesTaint(t, taint)));
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean | undefined {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1 || !/^-?\d+$/.test(values[0]) || !/^-?\d+$/.test(value)) return false;
      return r.operator === "Gt" ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return undefined; // an invalid requirement: the term is ignored
  }
}

/** nodeaffinity.NodeSelector.Match: any term matches; a term needs all its requirements (and at least one). */
function nodeSelectorTermsMatch(terms: readonly NodeSelectorTerm[], node: KubeObject): boolean {
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  for (const term of terms) {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (!exprs.length && !fields.length) continue;
    let ok = true;
    for (const e of exprs) {
      const m = requirementMatches(e, Object.prototype.hasOwnProperty.call(labels, e.key ?? "") ? labels[e.key ?? ""] : undefined);
      if (m !== true) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (const f of fields) {
      // Only metadata.name is a supported field, with In and NotIn.
      if (f.key !== "metadata.name" || (f.operator !== "In" && f.operator !== "NotIn") || requirementMatches(f, node.metadata.name) !== true) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** GetRequiredNodeAffinity(pod).Match(node): the nodeSelector and the required node affinity terms. */
export function requiredNodeAffinityMatches(podSpec: Record<string, any>, node: KubeObject): boolean {
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  for (const [k, v] of Object.entries((podSpec.nodeSelector ?? {}) as Record<string, string>)) {
    if (labels[k] !== v) return false;
  }
  const required = podSpec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required == null) return true;
  return nodeSelectorTermsMatch((required.nodeSelectorTerms ?? []) as NodeSelectorTerm[], node);
}

/**
 * NodeShouldRunDaemonPod: whether a daemon pod should be created on the node (`shouldRun`) and whether
 * one already there may stay (`shouldContinueRunning`: a NoSchedule taint keeps new pods away but lets
 * running ones be; an untolerated NoExecute taint evicts).
 */
export function nodeShouldRunDaemonPod(node: KubeObject, ds: KubeObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const tmplSpec = (ds.spec?.template?.spec ?? {}) as Record<string, any>;
  const nodeName = node.metadata.name!;
  if (tmplSpec.nodeName && tmplSpec.nodeName !== nodeName) return { shouldRun: false, shouldContinueRunning: false };
  const podSpec = addDaemonPodTolerations({ ...tmplSpec, nodeName });
  if (!requiredNodeAffinityMatches(podSpec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = ((node.spec?.taints ?? []) as Taint[]).filter((t) => t && typeof t === "object");
  const tolerations = podSpec.tolerations as Toleration[];
  const untolerated = findUntoleratedTaint(taints, tolerations, (t) => t.effect === "NoExecute" || t.effect === "NoSchedule");
  if (untolerated) {
    const noExecute = findUntoleratedTaint(taints, tolerations, (t) => t.effect === "NoExecute");
    return { shouldRun: false, shouldContinueRunning: !noExecute };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: pins the pod to one node through a matchFields term. */
export function replaceNodeNameAffinity(affinity: Record<string, any> | undefined, nodeName: string): Record<string, any> {
  const term = { matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName] }] };
  const a = affinity ? { ...affinity } : {};
  const na = a.nodeAffinity ? { ...a.nodeAffinity } : {};
  const required = na.requiredDuringSchedulingIgnoredDuringExecution ? { ...na.requiredDuringSchedulingIgnoredDuringExecution } : {};
  required.nodeSelectorTerms = [term];
  na.requiredDuringSchedulingIgnoredDuringExecution = required;
  a.nodeAffinity = na;
  return a;
}

/** util.GetTargetNodeName: the pod's nodeName, or the node its matchFields affinity pins it to. */
export function targetNodeName(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName as string;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as NodeSelectorTerm[] | undefined;
  for (const term of terms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === "metadata.name" && f.operator === "In") return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}
