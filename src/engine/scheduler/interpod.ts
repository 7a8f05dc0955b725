// InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity): required pod affinity and
// anti-affinity of the incoming pod, the required anti-affinity of pods already placed, and the
// preferred terms of both sides for scoring. Topology is any node label (kubernetes.io/hostname,
// topology.kubernetes.io/zone when nodes carry it); a node without the label is outside the domain.
import type { KubeObject } from "../kinds/types";
import { matches, nothingSelector, selectorFromLabelSelector, type LabelSelectorRequirementSet } from "../machinery/labels";
import type { NodeInfo, Snapshot } from "./snapshot";

export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** The scheduler's AffinityTerm: namespaces (or a namespace selector), a label selector, a topology key. */
export interface AffinityTerm {
  namespaces: Set<string>;
  namespaceSelector: LabelSelectorRequirementSet;
  selector: LabelSelectorRequirementSet;
  topologyKey: string;
  weight: number;
}

export interface PodAffinityTerms {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: AffinityTerm[];
  preferredAntiAffinity: AffinityTerm[];
}

function selectorOrNothing(ls: unknown): LabelSelectorRequirementSet {
  try {
    return selectorFromLabelSelector(ls as never);
  } catch {
    return nothingSelector();
  }
}

function newTerm(pod: KubeObject, t: any, weight: number): AffinityTerm | undefined {
  if (!t || typeof t !== "object") return undefined;
  const listed: string[] = Array.isArray(t.namespaces) ? t.namespaces.map(String) : [];
  const namespaces = new Set<string>(listed.length === 0 && (t.namespaceSelector === undefined || t.namespaceSelector === null) ? [pod.metadata.namespace ?? ""] : listed);
  return {
    namespaces,
    namespaceSelector: selectorOrNothing(t.namespaceSelector),
    selector: selectorOrNothing(t.labelSelector),
    topologyKey: String(t.topologyKey ?? ""),
    weight,
  };
}

function required(pod: KubeObject, list: unknown): AffinityTerm[] {
  if (!Array.isArray(list)) return [];
  return list.map((t) => newTerm(pod, t, 1)).filter((t): t is AffinityTerm => !!t);
}

function preferred(pod: KubeObject, list: unknown): AffinityTerm[] {
  if (!Array.isArray(list)) return [];
  const out: AffinityTerm[] = [];
  for (const w of list) {
    const t = newTerm(pod, w?.podAffinityTerm, Number(w?.weight ?? 0));
    if (t) out.push(t);
  }
  return out;
}

const cache = new WeakMap<KubeObject, PodAffinityTerms>();

export function affinityTerms(pod: KubeObject): PodAffinityTerms {
  let t = cache.get(pod);
  if (!t) {
    const a = pod.spec?.affinity ?? {};
    t = {
      requiredAffinity: required(pod, a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
      requiredAntiAffinity: required(pod, a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
      preferredAffinity: preferred(pod, a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
      preferredAntiAffinity: preferred(pod, a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    };
    cache.set(pod, t);
  }
  return t;
}

export type NamespaceLabels = (namespace: string) => Record<string, string> | undefined;

/** AffinityTerm.Matches: the pod is in one of the term's namespaces (or a selected one) and has matching labels. */
export function termMatchesPod(term: AffinityTerm, pod: KubeObject, nsLabels: NamespaceLabels): boolean {
  const ns = pod.metadata.namespace ?? "";
  if (!term.namespaces.has(ns) && !matches(term.namespaceSelector, nsLabels(ns) ?? {})) return false;
  return matches(term.selector, pod.metadata.labels ?? {});
}

const pair = (key: string, value: string) => `${key}\u0000${value}`;

function bump(m: Map<string, number>, node: NodeInfo, key: string, by: number): void {
  if (!Object.prototype.hasOwnProperty.call(node.labels, key)) return;
  const p = pair(key, node.labels[key]);
  const v = (m.get(p) ?? 0) + by;
  if (v === 0) m.delete(p);
  else m.set(p, v);
}

/** InterPodAffinity's PreFilter state for one incoming pod. */
export class InterPodAffinityState {
  private readonly terms: PodAffinityTerms;
  private readonly existingAntiAffinity = new Map<string, number>();
  private readonly affinityCounts = new Map<string, number>();
  private readonly antiAffinityCounts = new Map<string, number>();

  constructor(
    private readonly pod: KubeObject,
    snapshot: Snapshot,
    private readonly nsLabels: NamespaceLabels,
  ) {
    this.terms = affinityTerms(pod);
    // Existing pods whose required anti-affinity the incoming pod would violate.
    for (const { pod: existing, node } of snapshot.podsWithAffinity) {
      for (const t of affinityTerms(existing).requiredAntiAffinity) {
        if (termMatchesPod(t, pod, nsLabels)) bump(this.existingAntiAffinity, node, t.topologyKey, 1);
      }
    }
    const { requiredAffinity, requiredAntiAffinity } = this.terms;
    if (requiredAffinity.length === 0 && requiredAntiAffinity.length === 0) return;
    for (const node of snapshot.nodes) {
      for (const existing of node.pods) {
        if (requiredAffinity.length && requiredAffinity.every((t) => termMatchesPod(t, existing, nsLabels))) {
          for (const t of requiredAffinity) bump(this.affinityCounts, node, t.topologyKey, 1);
        }
        for (const t of requiredAntiAffinity) if (termMatchesPod(t, existing, nsLabels)) bump(this.antiAffinityCounts, node, t.topologyKey, 1);
      }
    }
  }

  /** The Filter: undefined when the node passes, else [code, reason]. */
  filter(node: NodeInfo): [code: "Unschedulable" | "UnschedulableAndUnresolvable", reason: string] | undefined {
    if (!this.satisfiesAffinity(node)) return ["UnschedulableAndUnresolvable", ERR_REASON_AFFINITY_RULES_NOT_MATCH];
    if (!this.satisfiesAntiAffinity(node)) return ["Unschedulable", ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH];
    if (!this.satisfiesExistingAntiAffinity(node)) return ["Unschedulable", ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH];
    return undefined;
  }

  private satisfiesAffinity(node: NodeInfo): boolean {
    let podsExist = true;
    for (const t of this.terms.requiredAffinity) {
      if (!Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey)) return false;
      if ((this.affinityCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
    }
    if (podsExist) return true;
    // The first pod of a group that has affinity to itself may go anywhere its topology exists.
    return this.affinityCounts.size === 0 && this.terms.requiredAffinity.every((t) => termMatchesPod(t, this.pod, this.nsLabels));
  }

  private satisfiesAntiAffinity(node: NodeInfo): boolean {
    if (this.antiAffinityCounts.size === 0) return true;
    for (const t of this.terms.requiredAntiAffinity) {
      if (!Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey)) continue;
      if ((this.antiAffinityCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) > 0) return false;
    }
    return true;
  }

  private satisfiesExistingAntiAffinity(node: NodeInfo): boolean {
    if (this.existingAntiAffinity.size === 0) return true;
    for (const [k, v] of Object.entries(node.labels)) if ((this.existingAntiAffinity.get(pair(k, v)) ?? 0) > 0) return false;
    return true;
  }
}

/**
 * InterPodAffinity PreScore + Score + NormalizeScore: preferred terms of the incoming pod against
 * placed pods, and the placed pods' required (hardPodAffinityWeight 1) and preferred terms against
 * the incoming pod, summed per topology domain and scaled to 0-100 between the lowest and highest node.
 */
export function interPodAffinityScores(pod: KubeObject, snapshot: Snapshot, feasible: readonly NodeInfo[], nsLabels: NamespaceLabels): number[] | undefined {
  const terms = affinityTerms(pod);
  const hasPreferred = terms.preferredAffinity.length > 0 || terms.preferredAntiAffinity.length > 0;
  const topo = new Map<string, Map<string, number>>();
  const add = (term: AffinityTerm, weight: number, target: KubeObject, node: NodeInfo) => {
    if (!termMatchesPod(term, target, nsLabels)) return;
    if (!Object.prototype.hasOwnProperty.call(node.labels, term.topologyKey)) return;
    let byValue = topo.get(term.topologyKey);
    if (!byValue) topo.set(term.topologyKey, (byValue = new Map()));
    const v = node.labels[term.topologyKey];
    byValue.set(v, (byValue.get(v) ?? 0) + weight);
  };
  const processExisting = (existing: KubeObject, node: NodeInfo) => {
    if (Object.keys(node.labels).length === 0) return;
    for (const t of terms.preferredAffinity) add(t, t.weight, existing, node);
    for (const t of terms.preferredAntiAffinity) add(t, -t.weight, existing, node);
    const et = affinityTerms(existing);
    for (const t of et.requiredAffinity) add(t, 1, pod, node);
    for (const t of et.preferredAffinity) add(t, t.weight, pod, node);
    for (const t of et.preferredAntiAffinity) add(t, -t.weight, pod, node);
  };
  if (hasPreferred) {
    for (const node of snapshot.nodes) for (const p of node.pods) processExisting(p, node);
  } else {
    for (const { pod: p, node } of snapshot.podsWithAffinity) processExisting(p, node);
  }
  if (topo.size === 0) return undefined;
  const raw = feasible.map((n) => {
    let s = 0;
    for (const [key, byValue] of topo) {
      if (Object.prototype.hasOwnProperty.call(n.labels, key)) s += byValue.get(n.labels[key]) ?? 0;
    }
    return s;
  });
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  const diff = max - min;
  return raw.map((s) => (diff > 0 ? Math.trunc(100 * ((s - min) / diff)) : 0));
}
