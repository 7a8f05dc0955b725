// Matching a pod against a node: tolerations against taints (core/v1 Toleration.ToleratesTaint),
// nodeSelector plus required node affinity (component-helpers nodeaffinity.RequiredNodeAffinity),
// and preferred node affinity weights. Everything tolerates malformed user input: a term that
// cannot be parsed matches nothing, as the real LazyErrorNodeSelector does.
import type { KubeObject } from "../kinds/types";

export interface Taint {
  key?: string;
  value?: string;
  effect?: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== (taint.key ?? "")) return false;
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

export function tolerationsTolerate(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (t && toleratesTaint(t, taint)) return true;
  return false;
}

export function podTolerations(pod: KubeObject): Toleration[] {
  const t = pod.spec?.tolerations;
  return Array.isArray(t) ? t : [];
}

export function nodeTaints(node: KubeObject): Taint[] {
  const t = node.spec?.taints;
  return Array.isArray(t) ? t.filter((x: unknown) => x && typeof x === "object") : [];
}

/** v1helper.FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc (NoSchedule and NoExecute). */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[]): Taint | undefined {
  for (const taint of taints) {
    if (taint.effect !== "NoSchedule" && taint.effect !== "NoExecute") continue;
    if (!tolerationsTolerate(tolerations, taint)) return taint;
  }
  return undefined;
}

// ---------------------------------------------------------------- node selector terms

interface Requirement {
  key?: string;
  operator?: string;
  values?: string[] | null;
}

interface Term {
  matchExpressions?: Requirement[] | null;
  matchFields?: Requirement[] | null;
}

function parseInt64(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** One node selector requirement against labels; undefined when the requirement is malformed. */
function labelRequirementMatches(r: Requirement, labels: Record<string, string>): boolean | undefined {
  const key = r.key ?? "";
  const values = Array.isArray(r.values) ? r.values.map(String) : [];
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  switch (r.operator) {
    case "In":
      if (values.length === 0) return undefined;
      return has && values.includes(labels[key]);
    case "NotIn":
      if (values.length === 0) return undefined;
      return !has || !values.includes(labels[key]);
    case "Exists":
      if (values.length) return undefined;
      return has;
    case "DoesNotExist":
      if (values.length) return undefined;
      return !has;
    case "Gt":
    case "Lt": {
      if (values.length !== 1) return undefined;
      const want = parseInt64(values[0]);
      if (want === undefined) return undefined;
      if (!has) return false;
      const got = parseInt64(labels[key]);
      if (got === undefined) return false;
      return r.operator === "Gt" ? got > want : got < want;
    }
    default:
      return undefined;
  }
}

/** matchFields: only metadata.name with In / NotIn and exactly one value (nodeSelectorRequirementsAsFieldSelector). */
function fieldRequirementMatches(r: Requirement, nodeName: string): boolean | undefined {
  if (r.key !== "metadata.name") return undefined;
  const values = Array.isArray(r.values) ? r.values : [];
  if (values.length !== 1) return undefined;
  if (r.operator === "In") return nodeName === values[0];
  if (r.operator === "NotIn") return nodeName !== values[0];
  return undefined;
}

/** A NodeSelectorTerm: expressions and fields ANDed; an empty or malformed term matches nothing. */
export function termMatches(term: Term | null | undefined, node: KubeObject): boolean {
  if (!term || typeof term !== "object") return false;
  const exprs = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels: Record<string, string> = node.metadata.labels ?? {};
  for (const r of exprs) if (labelRequirementMatches(r ?? {}, labels) !== true) return false;
  for (const r of fields) if (fieldRequirementMatches(r ?? {}, node.metadata.name ?? "") !== true) return false;
  return true;
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match: nodeSelector AND (any required term). */
export class RequiredNodeAffinity {
  private readonly selector: [string, string][];
  private readonly terms: Term[] | undefined;

  constructor(pod: KubeObject) {
    const sel = pod.spec?.nodeSelector;
    this.selector = sel && typeof sel === "object" ? Object.entries(sel as Record<string, unknown>).map(([k, v]) => [k, String(v)]) : [];
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required && typeof required === "object") {
      this.terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
    }
  }

  /** Whether the pod says anything about nodes at all (NodeAffinity PreFilter's Skip). */
  get isEmpty(): boolean {
    return this.selector.length === 0 && this.terms === undefined;
  }

  match(node: KubeObject): boolean {
    const labels: Record<string, string> = node.metadata.labels ?? {};
    for (const [k, v] of this.selector) {
      if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== v) return false;
    }
    if (this.terms === undefined) return true;
    for (const t of this.terms) if (termMatches(t, node)) return true;
    return false;
  }
}

/**
 * NodeAffinity PreFilter: node names a pod is pinned to through `matchFields: metadata.name In [...]`
 * (DaemonSet pods), or undefined when every node is eligible; an empty set means the terms conflict.
 */
export function pinnedNodeNames(pod: KubeObject): Set<string> | undefined {
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!Array.isArray(terms) || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms as Term[]) {
    let termNames: Set<string> | undefined;
    for (const r of Array.isArray(t?.matchFields) ? t.matchFields : []) {
      if (r?.key === "metadata.name" && r.operator === "In") {
        const s = new Set((Array.isArray(r.values) ? r.values : []).map(String));
        termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
      }
    }
    if (termNames === undefined) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

interface PreferredTerm {
  weight?: number;
  preference?: Term;
}

/** Sum of the weights of the preferred node affinity terms a node matches (NodeAffinity Score). */
export function preferredAffinityScore(pod: KubeObject, node: KubeObject): number {
  const terms: PreferredTerm[] | undefined = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  if (!Array.isArray(terms)) return 0;
  let score = 0;
  for (const t of terms) {
    const w = Number(t?.weight ?? 0);
    if (!w) continue;
    if (termMatches(t.preference, node)) score += w;
  }
  return score;
}

export function hasPreferredNodeAffinity(pod: KubeObject): boolean {
  const terms = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return Array.isArray(terms) && terms.length > 0;
}
