// One scheduling cycle for one pod, following the default profile of kube-scheduler 1.32
// (pkg/scheduler/schedule_one.go and the default plugins, in their order): PreFilter, Filter on every
// node, and either Score + pick the best node (ties broken by the seeded rng) or a FitError whose
// message is FitError.Error() plus DefaultPreemption's PostFilter verdict.
import type { KubeObject, RandomSource } from "../kinds/types";
import type { NodeInfo, Snapshot } from "./snapshot";
import { normalizedImageName, podHostPorts, portConflicts, type HostPort } from "./snapshot";
import {
  firstUntoleratedTaint, hasPreferredNodeAffinity, pinnedNodeNames, podTolerations, preferredAffinityScore, RequiredNodeAffinity,
  tolerationsTolerate, type Toleration,
} from "./node-match";
import { CPU, EPHEMERAL_STORAGE, MEMORY, podResources, type Amounts, type PodResources } from "./resources";
import { InterPodAffinityState, interPodAffinityScores, type NamespaceLabels } from "./interpod";
import { MatchCounter, SpreadFilterState, spreadScores, type OwnerLookup } from "./spread";
import { podVolumes, volumeFilter, type PodVolumes, type VolumeLookup } from "./volumes";
import { pickCandidate, podPriority, PREEMPTION_NOT_HELPFUL, selectVictimsOnNode, terminatingByPreemption, type Budget, type Candidate, type NodeLoad } from "./preemption";

export type Code = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface Status {
  code: Code;
  reasons: string[];
}

export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_NODE_AFFINITY_CONFLICT = "pod affinity terms conflict";
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const ERR_REASON_TOO_MANY_PODS = "Too many pods";
export const ERR_NO_NODES_AVAILABLE = "no nodes available to schedule pods";
export const TAINT_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
export const MAX_NODE_SCORE = 100;

export const untoleratedTaintReason = (key: string, value: string) => `node(s) had untolerated taint {${key}: ${value}}`;

/** Everything a cycle needs from the cluster besides the snapshot, cached for the pass. */
export interface PassLookups extends OwnerLookup, VolumeLookup {
  nsLabels: NamespaceLabels;
  budgets(): readonly Budget[];
}

export interface PassState {
  snapshot: Snapshot;
  lookups: PassLookups;
  counter: MatchCounter;
  rng: RandomSource;
}

export type CycleResult =
  | { node: NodeInfo; volumes?: PodVolumes }
  /** Nothing fits; `preempt` when evicting lower-priority pods on a node would make room. */
  | { message: string; preempt?: Candidate };

/** kube-scheduler's schedutil.IsScalarResourceName: extended, prefixed native, hugepages and attachable volumes. */
export function isScalarResource(name: string): boolean {
  return name.includes("/") || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

/** What NodeResourcesFit checks for one pod, prepared once per cycle. */
export interface FitRequest {
  /** Whether the pod requests anything at all (a pod that does not only needs a pod slot). */
  any: boolean;
  /** [resource, amount] for cpu, memory, ephemeral-storage, then scalar resources sorted by name. */
  checks: [string, number][];
}

export function fitRequestOf(req: Amounts): FitRequest {
  const checks: [string, number][] = [];
  for (const k of [CPU, MEMORY, EPHEMERAL_STORAGE]) if ((req.get(k) ?? 0) > 0) checks.push([k, req.get(k)!]);
  const scalars = [...req.keys()].filter(isScalarResource).sort();
  for (const k of scalars) if (req.get(k)) checks.push([k, req.get(k)!]);
  const any = checks.length > 0 || scalars.length > 0;
  return { any, checks };
}

/** NodeResourcesFit's fitsRequest: every shortage of the node, pods first, then cpu, memory, storage, the rest. */
export function insufficientResources(fit: FitRequest, node: NodeInfo, podCount = node.pods.length, requested = node.requested): string[] {
  const out: string[] = [];
  if (podCount + 1 > node.allowedPods) out.push(ERR_REASON_TOO_MANY_PODS);
  if (!fit.any) return out;
  for (const [k, want] of fit.checks) {
    if (want > (node.allocatable.get(k) ?? 0) - (requested.get(k) ?? 0)) out.push(`Insufficient ${k}`);
  }
  return out;
}

/** DefaultNormalizeScore. */
function normalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** ImageLocality's calculatePriority thresholds. */
const MB = 1024 * 1024;
const MIN_IMAGE_THRESHOLD = 23 * MB;
const MAX_CONTAINER_IMAGE_THRESHOLD = 1000 * MB;

export class Cycle {
  readonly resources: PodResources;
  readonly fit: FitRequest;
  readonly tolerations: Toleration[];
  readonly affinity: RequiredNodeAffinity;
  readonly ports: HostPort[];
  private interPod?: InterPodAffinityState;
  private spread?: SpreadFilterState;
  private volumes?: PodVolumes;

  constructor(
    readonly pod: KubeObject,
    private readonly pass: PassState,
  ) {
    this.resources = podResources(pod);
    this.fit = fitRequestOf(this.resources.requests);
    this.tolerations = podTolerations(pod);
    this.affinity = new RequiredNodeAffinity(pod);
    this.ports = podHostPorts(pod);
  }

  get priority(): number {
    return Number(this.pod.spec?.priority ?? 0);
  }

  /** Runs the whole cycle. */
  run(): CycleResult {
    const { snapshot } = this.pass;
    const all = snapshot.nodes;
    if (all.length === 0) return { message: ERR_NO_NODES_AVAILABLE };

    // PreFilter, in plugin order: NodeAffinity, NodePorts, NodeResourcesFit, VolumeBinding, PodTopologySpread, InterPodAffinity.
    const pinned = this.affinity.isEmpty ? undefined : pinnedNodeNames(this.pod);
    if (pinned && pinned.size === 0) return this.preFilterFailure({ code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_NODE_AFFINITY_CONFLICT] });
    const vol = podVolumes(this.pod, this.pass.lookups);
    if (vol.reject) return this.preFilterFailure({ code: "UnschedulableAndUnresolvable", reasons: [vol.reject] });
    this.volumes = vol.volumes;
    this.spread = new SpreadFilterState(this.pod, snapshot, this.pass.counter, this.affinity, this.tolerations);
    this.interPod = new InterPodAffinityState(this.pod, snapshot, this.pass.lookups.nsLabels);

    // A node won by preemption is tried first (evaluateNominatedNode).
    const nominated = this.pod.status?.nominatedNodeName ? snapshot.byName.get(this.pod.status.nominatedNodeName) : undefined;
    if (nominated && (!pinned || pinned.has(nominated.name)) && !this.filter(nominated)) return { node: nominated, volumes: this.volumes };

    const candidates = pinned ? all.filter((n) => pinned.has(n.name)) : all;
    const absent: Status = pinned
      ? { code: "UnschedulableAndUnresolvable", reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] }
      : { code: "UnschedulableAndUnresolvable", reasons: [] };
    const statuses = new Map<string, Status>();
    const feasible: NodeInfo[] = [];
    for (const node of candidates) {
      const s = this.filter(node);
      if (s) statuses.set(node.name, s);
      else feasible.push(node);
    }
    if (feasible.length === 0) {
      const post = this.postFilter(statuses, absent);
      if (typeof post !== "string") return { message: fitErrorMessage(all.length, statuses, absent), preempt: post };
      return { message: fitErrorMessage(all.length, statuses, absent, undefined, post) };
    }
    if (feasible.length === 1) return { node: feasible[0], volumes: this.volumes };
    const scores = this.score(feasible);
    let best = -Infinity;
    const top: NodeInfo[] = [];
    feasible.forEach((n, i) => {
      if (scores[i] > best) {
        best = scores[i];
        top.length = 0;
      }
      if (scores[i] === best) top.push(n);
    });
    return { node: top.length === 1 ? top[0] : top[this.pass.rng.int(top.length)], volumes: this.volumes };
  }

  private preFilterFailure(s: Status): CycleResult {
    const all = this.pass.snapshot.nodes.length;
    const post = this.postFilter(new Map(), s);
    const preFilterMsg = s.reasons.join(", ");
    if (typeof post !== "string") return { message: fitErrorMessage(all, new Map(), s, preFilterMsg), preempt: post };
    return { message: fitErrorMessage(all, new Map(), s, preFilterMsg, post) };
  }

  /** The Filter plugins in order; the first one that rejects the node decides its status. */
  filter(node: NodeInfo, load?: NodeLoad): Status | undefined {
    load ??= this.withNominated(node);
    const podCount = load ? load.podCount : node.pods.length;
    const requested = load ? load.requested : node.requested;
    const usedPorts = load ? load.ports : node.usedPorts;
    const pod = this.pod;
    // NodeUnschedulable
    if (node.node.spec?.unschedulable === true && !tolerationsTolerate(this.tolerations, { key: TAINT_UNSCHEDULABLE, effect: "NoSchedule" })) {
      return { code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_UNSCHEDULABLE] };
    }
    // NodeName
    if (pod.spec?.nodeName && pod.spec.nodeName !== node.name) return { code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_NODE_NAME] };
    // TaintToleration
    const taint = firstUntoleratedTaint(node.taints, this.tolerations);
    if (taint) return { code: "UnschedulableAndUnresolvable", reasons: [untoleratedTaintReason(taint.key ?? "", taint.value ?? "")] };
    // NodeAffinity
    if (!this.affinity.isEmpty && !this.affinity.match(node.node)) return { code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_NODE_AFFINITY] };
    // NodePorts
    for (const p of this.ports) if (portConflicts(usedPorts, p)) return { code: "Unschedulable", reasons: [ERR_REASON_NODE_PORTS] };
    // NodeResourcesFit
    const short = insufficientResources(this.fit, node, podCount, requested);
    if (short.length) return { code: "Unschedulable", reasons: short };
    // VolumeBinding
    if (this.volumes) {
      const reasons = volumeFilter(this.volumes, node, this.pass.lookups);
      if (reasons.length) return { code: "UnschedulableAndUnresolvable", reasons };
    }
    // PodTopologySpread
    const spread = this.spread?.filter(node);
    if (spread) return { code: spread[0], reasons: [spread[1]] };
    // InterPodAffinity
    const inter = this.interPod?.filter(node);
    if (inter) return { code: inter[0], reasons: [inter[1]] };
    return undefined;
  }

  /**
   * RunFilterPluginsWithNominatedPods: pods nominated to the node with at least this pod's priority
   * hold their room (requests, ports, a pod slot) while their victims terminate.
   */
  private withNominated(node: NodeInfo): NodeLoad | undefined {
    const nominated = this.pass.snapshot.nominated.get(node.name);
    if (!nominated) return undefined;
    const holders = nominated.filter((p) => p.metadata.uid !== this.pod.metadata.uid && podPriority(p) >= this.priority);
    if (holders.length === 0) return undefined;
    const requested: Amounts = new Map(node.requested);
    const ports = [...node.usedPorts];
    for (const p of holders) {
      for (const [k, v] of podResources(p).requests) requested.set(k, (requested.get(k) ?? 0) + v);
      ports.push(...podHostPorts(p));
    }
    return { podCount: node.pods.length + holders.length, requested, ports };
  }

  /** Weighted sum of the default score plugins for each feasible node (plugin by plugin, into one array). */
  score(feasible: NodeInfo[]): number[] {
    const { snapshot, lookups, counter } = this.pass;
    const n = feasible.length;
    const total: number[] = new Array<number>(n).fill(0);
    const addScores = (scores: number[] | undefined, weight: number) => {
      if (!scores) return;
      for (let i = 0; i < scores.length; i++) total[i] += scores[i] * weight;
    };
    // TaintToleration (3): untolerated PreferNoSchedule taints, fewer is better (normalised, reversed).
    const preferTolerations = this.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    const untolerated: number[] = new Array<number>(n);
    let maxUntolerated = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (const t of feasible[i].taints) if (t.effect === "PreferNoSchedule" && !tolerationsTolerate(preferTolerations, t)) c++;
      untolerated[i] = c;
      if (c > maxUntolerated) maxUntolerated = c;
    }
    for (let i = 0; i < n; i++) total[i] += 3 * (maxUntolerated === 0 ? MAX_NODE_SCORE : MAX_NODE_SCORE - Math.trunc((MAX_NODE_SCORE * untolerated[i]) / maxUntolerated));
    // NodeAffinity (2): preferred terms.
    if (hasPreferredNodeAffinity(this.pod)) addScores(normalize(feasible.map((node) => preferredAffinityScore(this.pod, node.node)), false), 2);
    // NodeResourcesFit (1): LeastAllocated over cpu and memory, with the non-zero request defaults.
    for (let i = 0; i < n; i++) {
      const node = feasible[i];
      let sum = 0;
      let weights = 0;
      const cpuAlloc = node.allocatable.get(CPU) ?? 0;
      const memAlloc = node.allocatable.get(MEMORY) ?? 0;
      if (cpuAlloc) {
        sum += leastRequested(node.nonZeroCPU + this.resources.nonZeroCPU, cpuAlloc);
        weights++;
      }
      if (memAlloc) {
        sum += leastRequested(node.nonZeroMemory + this.resources.nonZeroMemory, memAlloc);
        weights++;
      }
      total[i] += weights ? Math.trunc(sum / weights) : 0;
    }
    // PodTopologySpread (2).
    addScores(spreadScores(this.pod, lookups, snapshot, feasible, counter, this.affinity, this.tolerations), 2);
    // InterPodAffinity (2).
    addScores(interPodAffinityScores(this.pod, snapshot, feasible, lookups.nsLabels), 2);
    // NodeResourcesBalancedAllocation (1): skipped for best-effort pods.
    const reqCPU = this.resources.requests.get(CPU) ?? 0;
    const reqMem = this.resources.requests.get(MEMORY) ?? 0;
    if (reqCPU !== 0 || reqMem !== 0) {
      for (let i = 0; i < n; i++) {
        const node = feasible[i];
        // The standard deviation of the cpu and memory fractions; 0 unless the node has both.
        const cpuAlloc = node.allocatable.get(CPU) ?? 0;
        const memAlloc = node.allocatable.get(MEMORY) ?? 0;
        if (!cpuAlloc || !memAlloc) {
          total[i] += MAX_NODE_SCORE;
          continue;
        }
        const cpu = Math.min(1, ((node.requested.get(CPU) ?? 0) + reqCPU) / cpuAlloc);
        const mem = Math.min(1, ((node.requested.get(MEMORY) ?? 0) + reqMem) / memAlloc);
        total[i] += Math.trunc((1 - Math.abs((cpu - mem) / 2)) * MAX_NODE_SCORE);
      }
    }
    // ImageLocality (1).
    const spec = this.pod.spec;
    const containers = [...(Array.isArray(spec?.initContainers) ? spec!.initContainers : []), ...(Array.isArray(spec?.containers) ? spec!.containers : [])];
    if (containers.length) {
      const totalNodes = snapshot.nodes.length;
      const images = containers.map((c) => normalizedImageName(String(c?.image ?? "")));
      const maxThreshold = MAX_CONTAINER_IMAGE_THRESHOLD * containers.length;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (const name of images) {
          if (!feasible[i].images.has(name)) continue;
          const st = snapshot.imageStates.get(name);
          if (st) sum += Math.trunc(st.size * (st.numNodes / totalNodes));
        }
        sum = Math.min(Math.max(sum, MIN_IMAGE_THRESHOLD), maxThreshold);
        total[i] += Math.trunc((MAX_NODE_SCORE * (sum - MIN_IMAGE_THRESHOLD)) / (maxThreshold - MIN_IMAGE_THRESHOLD));
      }
    }
    return total;
  }

  /**
   * DefaultPreemption's PostFilter when nothing fits: a candidate node and its victims, or the
   * status message ("preemption: ...") explaining why preemption cannot help.
   */
  private postFilter(statuses: Map<string, Status>, absent: Status): string | Candidate {
    const pod = this.pod;
    if (pod.spec?.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
    const { snapshot } = this.pass;
    const nominated = pod.status?.nominatedNodeName ? snapshot.byName.get(pod.status.nominatedNodeName) : undefined;
    if (nominated && (statuses.get(nominated.name) ?? absent).code !== "UnschedulableAndUnresolvable") {
      if (nominated.pods.some((p) => podPriority(p) < this.priority && terminatingByPreemption(p))) {
        return "preemption: not eligible due to a terminating pod on the nominated node.";
      }
    }
    const out = new Map<string, Status>();
    const candidates: Candidate[] = [];
    const budgets = this.pass.lookups.budgets();
    for (const node of snapshot.nodes) {
      if ((statuses.get(node.name) ?? absent).code !== "Unschedulable") continue;
      const r = selectVictimsOnNode(node, this.priority, budgets, (n, load) => this.filter(n, load));
      if ("status" in r) out.set(node.name, r.status);
      else candidates.push(r.candidate);
    }
    if (candidates.length) return pickCandidate(candidates);
    const notHelpful: Status = { code: "UnschedulableAndUnresolvable", reasons: [PREEMPTION_NOT_HELPFUL] };
    return `preemption: ${fitErrorMessage(snapshot.nodes.length, out, notHelpful)}`;
  }
}

/**
 * FitError.Error(): "0/N nodes are available: " then the PreFilter message, or the histogram of
 * reasons ("<count> <reason>", sorted as strings), then the PostFilter message; each part ends in ".".
 */
export function fitErrorMessage(numAllNodes: number, statuses: Map<string, Status>, absent: Status, preFilterMsg?: string, postFilterMsg?: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (preFilterMsg) msg += ` ${preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (statuses.size < numAllNodes) for (const r of absent.reasons) counts.set(r, (counts.get(r) ?? 0) + numAllNodes - statuses.size);
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (parts.length) msg += ` ${parts.join(", ")}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}.`;
  return msg;
}
