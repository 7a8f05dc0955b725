// PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread): DoNotSchedule constraints
// filter, ScheduleAnyway constraints score, and pods without constraints get the system defaults
// (maxSkew 3 over kubernetes.io/hostname, 5 over topology.kubernetes.io/zone, ScheduleAnyway) with a
// selector built from the Services, ReplicaSet, ReplicationController or StatefulSet that own or
// select them: that is what spreads a Deployment's replicas across nodes.
import type { KubeObject } from "../kinds/types";
import {
  addRequirements, isEmptySelector, matches, newRequirement, nothingSelector, selectorFromLabelSelector, selectorFromSet,
  type LabelSelectorRequirementSet,
} from "../machinery/labels";
import type { NodeInfo, Snapshot } from "./snapshot";
import { firstUntoleratedTaint, type RequiredNodeAffinity, type Toleration } from "./node-match";

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + " (missing required label)";

export const LABEL_HOSTNAME = "kubernetes.io/hostname";
export const LABEL_ZONE = "topology.kubernetes.io/zone";
const MAX_INT32 = 2147483647;

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelSelectorRequirementSet;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

/** Pods matching one (selector, namespace) per node, computed lazily and kept current as pods are bound. */
export interface MatchCount {
  count(node: NodeInfo): number;
}

/** Counts pods matching (selector, namespace) per node, cached for the pass and kept current as pods are bound. */
export class MatchCounter {
  private readonly entries = new Map<string, { selector: LabelSelectorRequirementSet; ns: string; perNode: Map<string, number> }>();
  private readonly byKey = new Map<string, MatchCount>();
  private static readonly NONE: MatchCount = { count: () => 0 };
  /** System default constraints by (namespace, controller, labels): the same for every replica in a pass. */
  readonly defaults = new Map<string, SpreadConstraint[]>();

  constructor(snapshot: Snapshot) {
    snapshot.onPodAdded((pod, node) => {
      if (pod.metadata.deletionTimestamp) return;
      for (const e of this.entries.values()) {
        if (!e.perNode.has(node.name) || (pod.metadata.namespace ?? "") !== e.ns) continue;
        if (matches(e.selector, pod.metadata.labels ?? {})) e.perNode.set(node.name, e.perNode.get(node.name)! + 1);
      }
    });
  }

  /** countPodsMatchSelector for one selector: terminating pods and other namespaces do not count. */
  for(selector: LabelSelectorRequirementSet, ns: string): MatchCount {
    if (isEmptySelector(selector) || selector.nothing) return MatchCounter.NONE;
    const key = `${ns}\u0000${JSON.stringify(selector.requirements)}`;
    let c = this.byKey.get(key);
    if (c) return c;
    const e = { selector, ns, perNode: new Map<string, number>() };
    this.entries.set(key, e);
    c = {
      count(node: NodeInfo): number {
        let n = e.perNode.get(node.name);
        if (n === undefined) {
          n = 0;
          for (const p of node.pods) {
            if (p.metadata.deletionTimestamp || (p.metadata.namespace ?? "") !== ns) continue;
            if (matches(selector, p.metadata.labels ?? {})) n++;
          }
          e.perNode.set(node.name, n);
        }
        return n;
      },
    };
    this.byKey.set(key, c);
    return c;
  }
}

function selectorOf(ls: unknown): LabelSelectorRequirementSet {
  try {
    return selectorFromLabelSelector(ls as never);
  } catch {
    return nothingSelector();
  }
}

/** filterTopologySpreadConstraints: the pod's constraints of one kind, matchLabelKeys merged in. */
export function podConstraints(pod: KubeObject, action: "DoNotSchedule" | "ScheduleAnyway"): SpreadConstraint[] {
  const list = pod.spec?.topologySpreadConstraints;
  if (!Array.isArray(list)) return [];
  const labels: Record<string, string> = pod.metadata.labels ?? {};
  const out: SpreadConstraint[] = [];
  for (const c of list) {
    if (!c || c.whenUnsatisfiable !== action) continue;
    let selector = selectorOf(c.labelSelector);
    if (Array.isArray(c.matchLabelKeys)) {
      for (const k of c.matchLabelKeys) {
        if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
        try {
          selector = addRequirements(selector, newRequirement(String(k), "=", [labels[k]]));
        } catch {
          /* an invalid key cannot match anything more */
        }
      }
    }
    out.push({
      maxSkew: Number(c.maxSkew ?? 1),
      topologyKey: String(c.topologyKey ?? ""),
      selector,
      minDomains: Number(c.minDomains ?? 1),
      honorNodeAffinity: (c.nodeAffinityPolicy ?? "Honor") === "Honor",
      honorNodeTaints: (c.nodeTaintsPolicy ?? "Ignore") === "Honor",
    });
  }
  return out;
}

export interface OwnerLookup {
  /** Services of a namespace. */
  services(ns: string): readonly KubeObject[];
  get(resource: string, ns: string, name: string): KubeObject | undefined;
}

/** helper.DefaultSelector: the selectors of the Services selecting the pod and of its controller. */
export function defaultSelector(pod: KubeObject, lookup: OwnerLookup): LabelSelectorRequirementSet {
  const ns = pod.metadata.namespace ?? "";
  const podLabels: Record<string, string> = pod.metadata.labels ?? {};
  let set: Record<string, string> = {};
  for (const svc of lookup.services(ns)) {
    const sel = svc.spec?.selector;
    if (!sel || typeof sel !== "object" || Object.keys(sel).length === 0) continue;
    if (Object.entries(sel as Record<string, string>).every(([k, v]) => podLabels[k] === v)) set = { ...set, ...(sel as Record<string, string>) };
  }
  let selector: LabelSelectorRequirementSet;
  try {
    selector = selectorFromSet(set);
  } catch {
    selector = selectorFromSet({});
  }
  const owner = (pod.metadata.ownerReferences ?? []).find((r: any) => r?.controller === true);
  if (!owner) return selector;
  if (owner.apiVersion === "v1" && owner.kind === "ReplicationController") {
    const rc = lookup.get("replicationcontrollers", ns, owner.name);
    if (rc?.spec?.selector && typeof rc.spec.selector === "object") {
      try {
        selector = selectorFromSet({ ...set, ...rc.spec.selector });
      } catch {
        /* keep the services' selector */
      }
    }
  } else if (owner.apiVersion === "apps/v1" && (owner.kind === "ReplicaSet" || owner.kind === "StatefulSet")) {
    const o = lookup.get(owner.kind === "ReplicaSet" ? "replicasets.apps" : "statefulsets.apps", ns, owner.name);
    if (o) {
      const other = selectorOf(o.spec?.selector);
      if (!other.nothing) selector = addRequirements(selector, ...other.requirements);
    }
  }
  return selector;
}

/** The system default constraints (ScheduleAnyway) with the pod's default selector, or none. */
export function defaultConstraints(pod: KubeObject, lookup: OwnerLookup): SpreadConstraint[] {
  const selector = defaultSelector(pod, lookup);
  if (isEmptySelector(selector)) return [];
  const c = (maxSkew: number, topologyKey: string): SpreadConstraint => ({ maxSkew, topologyKey, selector, minDomains: 1, honorNodeAffinity: true, honorNodeTaints: false });
  return [c(3, LABEL_HOSTNAME), c(5, LABEL_ZONE)];
}

function hasAllKeys(labels: Record<string, string>, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return false;
  return true;
}

function included(c: SpreadConstraint, node: NodeInfo, affinity: RequiredNodeAffinity, tolerations: readonly Toleration[]): boolean {
  if (c.honorNodeAffinity && !affinity.match(node.node)) return false;
  if (c.honorNodeTaints && firstUntoleratedTaint(node.taints, tolerations)) return false;
  return true;
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/** PreFilter state and Filter for DoNotSchedule constraints. */
export class SpreadFilterState {
  readonly constraints: SpreadConstraint[];
  private readonly matchNum = new Map<string, number>();
  private readonly minMatch = new Map<string, number>();
  private readonly domains = new Map<string, number>();

  constructor(
    private readonly pod: KubeObject,
    snapshot: Snapshot,
    counter: MatchCounter,
    affinity: RequiredNodeAffinity,
    tolerations: readonly Toleration[],
  ) {
    this.constraints = podConstraints(pod, "DoNotSchedule");
    if (this.constraints.length === 0) return;
    const ns = pod.metadata.namespace ?? "";
    const counts = this.constraints.map((c) => counter.for(c.selector, ns));
    for (const node of snapshot.nodes) {
      if (!hasAllKeys(node.labels, this.constraints)) continue;
      this.constraints.forEach((c, i) => {
        if (!included(c, node, affinity, tolerations)) return;
        const p = pairKey(c.topologyKey, node.labels[c.topologyKey]);
        this.matchNum.set(p, (this.matchNum.get(p) ?? 0) + counts[i].count(node));
      });
    }
    for (const [p, n] of this.matchNum) {
      const key = p.slice(0, p.indexOf("\u0000"));
      this.minMatch.set(key, Math.min(this.minMatch.get(key) ?? MAX_INT32, n));
      this.domains.set(key, (this.domains.get(key) ?? 0) + 1);
    }
  }

  filter(node: NodeInfo): [code: "Unschedulable" | "UnschedulableAndUnresolvable", reason: string] | undefined {
    const podLabels = this.pod.metadata.labels ?? {};
    for (const c of this.constraints) {
      if (!Object.prototype.hasOwnProperty.call(node.labels, c.topologyKey)) return ["UnschedulableAndUnresolvable", ERR_REASON_NODE_LABEL_NOT_MATCH];
      let min = this.minMatch.get(c.topologyKey) ?? MAX_INT32;
      if ((this.domains.get(c.topologyKey) ?? 0) < c.minDomains) min = 0;
      const self = matches(c.selector, podLabels) ? 1 : 0;
      const n = this.matchNum.get(pairKey(c.topologyKey, node.labels[c.topologyKey])) ?? 0;
      if (n + self - min > c.maxSkew) return ["Unschedulable", ERR_REASON_CONSTRAINTS_NOT_MATCH];
    }
    return undefined;
  }
}

/**
 * PreScore + Score + NormalizeScore for ScheduleAnyway constraints (or the system defaults): fewer
 * matching pods in a node's domains scores higher; nodes missing an explicit constraint's key score 0.
 */
export function spreadScores(
  pod: KubeObject,
  lookup: OwnerLookup,
  snapshot: Snapshot,
  feasible: readonly NodeInfo[],
  counter: MatchCounter,
  affinity: RequiredNodeAffinity,
  tolerations: readonly Toleration[],
): number[] | undefined {
  const explicit = Array.isArray(pod.spec?.topologySpreadConstraints) && pod.spec!.topologySpreadConstraints.length > 0;
  let constraints: SpreadConstraint[];
  if (explicit) constraints = podConstraints(pod, "ScheduleAnyway");
  else {
    const owner = (pod.metadata.ownerReferences ?? []).find((r: any) => r?.controller === true);
    const key = `${pod.metadata.namespace}\u0000${owner?.uid ?? ""}\u0000${JSON.stringify(pod.metadata.labels ?? {})}`;
    constraints = counter.defaults.get(key) ?? defaultConstraints(pod, lookup);
    counter.defaults.set(key, constraints);
  }
  if (constraints.length === 0) return undefined;
  const requireAll = explicit;
  const ns = pod.metadata.namespace ?? "";
  const counts = constraints.map((c) => counter.for(c.selector, ns));
  const ignored = new Set<string>();
  const valueCounts: Map<string, number>[] = constraints.map(() => new Map());
  const topoSize = constraints.map(() => 0);
  // A constraint whose key no feasible node carries cannot change any score: its counts are not needed.
  const keyed = constraints.map(() => false);
  for (const node of feasible) {
    if (requireAll && !hasAllKeys(node.labels, constraints)) {
      ignored.add(node.name);
      continue;
    }
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (Object.prototype.hasOwnProperty.call(node.labels, c.topologyKey)) keyed[i] = true;
      if (c.topologyKey === LABEL_HOSTNAME) continue;
      const v = node.labels[c.topologyKey] ?? "";
      if (!valueCounts[i].has(v)) {
        valueCounts[i].set(v, 0);
        topoSize[i]++;
      }
    }
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : topoSize[i]) + 2));
  if (constraints.some((c, i) => keyed[i] && c.topologyKey !== LABEL_HOSTNAME)) {
    for (const node of snapshot.nodes) {
      if (requireAll && !hasAllKeys(node.labels, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (!keyed[i] || c.topologyKey === LABEL_HOSTNAME || !included(c, node, affinity, tolerations)) continue;
        const v = node.labels[c.topologyKey] ?? "";
        const cur = valueCounts[i].get(v);
        if (cur !== undefined) valueCounts[i].set(v, cur + counts[i].count(node));
      }
    }
  }
  const raw = feasible.map((node) => {
    if (ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (!Object.prototype.hasOwnProperty.call(node.labels, c.topologyKey)) continue;
      const cnt = c.topologyKey === LABEL_HOSTNAME ? counts[i].count(node) : valueCounts[i].get(node.labels[c.topologyKey]) ?? 0;
      score += cnt * weights[i] + (c.maxSkew - 1);
    }
    return goRound(score);
  });
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let i = 0; i < feasible.length; i++) {
    if (ignored.has(feasible[i].name)) continue;
    min = Math.min(min, raw[i]);
    max = Math.max(max, raw[i]);
  }
  // Normalised in place: raw is this function's own.
  for (let i = 0; i < feasible.length; i++) raw[i] = ignored.has(feasible[i].name) ? 0 : max === 0 ? 100 : Math.trunc((100 * (max + min - raw[i])) / max);
  return raw;
}

/** math.Round: half away from zero. */
function goRound(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
