// DefaultPreemption's PostFilter (pkg/scheduler/framework/preemption): when no node fits, look for
// nodes where evicting lower-priority pods would make room (honouring PodDisruptionBudgets where it
// can), keep as few victims as possible, and pick one node by the real criteria. When no node
// qualifies, the verdict becomes the "preemption: ..." part of the FailedScheduling message.
import type { KubeObject } from "../kinds/types";
import { matches, selectorFromLabelSelector } from "../machinery/labels";
import { parseRfc3339 } from "../machinery/time";
import type { NodeInfo } from "./snapshot";
import { podHostPorts } from "./snapshot";
import { podResources, type Amounts } from "./resources";
import type { Status } from "./cycle";

export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";

export interface Candidate {
  node: NodeInfo;
  /** Most important first. */
  victims: KubeObject[];
  pdbViolations: number;
}

export interface Budget {
  namespace: string;
  selector: ReturnType<typeof selectorFromLabelSelector>;
  allowed: number;
}

export function budgetsOf(pdbs: readonly KubeObject[]): Budget[] {
  const out: Budget[] = [];
  for (const pdb of pdbs) {
    try {
      out.push({ namespace: pdb.metadata.namespace ?? "", selector: selectorFromLabelSelector(pdb.spec?.selector), allowed: Number(pdb.status?.disruptionsAllowed ?? 0) });
    } catch {
      /* a budget with a broken selector protects nothing */
    }
  }
  return out;
}

export const podPriority = (p: KubeObject) => Number(p.spec?.priority ?? 0);

function startTime(p: KubeObject): number {
  return parseRfc3339(String(p.status?.startTime ?? p.metadata.creationTimestamp ?? "")) ?? 0;
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
export function moreImportant(a: KubeObject, b: KubeObject): number {
  const d = podPriority(b) - podPriority(a);
  return d !== 0 ? d : startTime(a) - startTime(b);
}

/** filterPodsWithPDBViolation: pods whose eviction would exceed a budget's allowed disruptions. */
function splitByBudget(pods: readonly KubeObject[], budgets: readonly Budget[]): [violating: KubeObject[], other: KubeObject[]] {
  const allowed = budgets.map((b) => b.allowed);
  const violating: KubeObject[] = [];
  const other: KubeObject[] = [];
  for (const p of pods) {
    let violates = false;
    budgets.forEach((b, i) => {
      if (b.namespace !== (p.metadata.namespace ?? "") || !matches(b.selector, p.metadata.labels ?? {})) return;
      allowed[i]--;
      if (allowed[i] < 0) violates = true;
    });
    (violates ? violating : other).push(p);
  }
  return [violating, other];
}

/** A node's load without some of its pods, for the dry run. */
export interface NodeLoad {
  podCount: number;
  requested: Amounts;
  ports: ReturnType<typeof podHostPorts>;
}

export function loadWithout(node: NodeInfo, removed: ReadonlySet<KubeObject>): NodeLoad {
  const requested: Amounts = new Map();
  const ports: ReturnType<typeof podHostPorts> = [];
  let podCount = 0;
  for (const p of node.pods) {
    if (removed.has(p)) continue;
    podCount++;
    for (const [k, v] of podResources(p).requests) requested.set(k, (requested.get(k) ?? 0) + v);
    ports.push(...podHostPorts(p));
  }
  return { podCount, requested, ports };
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod still does not fit, the node is
 * no candidate (the filter's status says why); otherwise give back as many pods as still leave room.
 */
export function selectVictimsOnNode(
  node: NodeInfo,
  priority: number,
  budgets: readonly Budget[],
  fits: (node: NodeInfo, load: NodeLoad) => Status | undefined,
): { status: Status } | { candidate: Candidate } {
  const potential = node.pods.filter((p) => podPriority(p) < priority).sort(moreImportant);
  if (potential.length === 0) return { status: { code: "UnschedulableAndUnresolvable", reasons: [NO_PREEMPTION_VICTIMS] } };
  const removed = new Set(potential);
  const blocked = fits(node, loadWithout(node, removed));
  if (blocked) return { status: blocked };
  const [violating, other] = splitByBudget(potential, budgets);
  const victims: KubeObject[] = [];
  let pdbViolations = 0;
  const reprieve = (p: KubeObject): boolean => {
    removed.delete(p);
    if (!fits(node, loadWithout(node, removed))) return true;
    removed.add(p);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of other) reprieve(p);
  return { candidate: { node, victims, pdbViolations } };
}

/** pickOneNodeForPreemption. */
export function pickCandidate(candidates: readonly Candidate[]): Candidate {
  const MAX_INT32 = 2147483647;
  const by = (list: readonly Candidate[], score: (c: Candidate) => number): Candidate[] => {
    const best = Math.min(...list.map(score));
    return list.filter((c) => score(c) === best);
  };
  let list = by(candidates, (c) => c.pdbViolations);
  if (list.length > 1) list = by(list, (c) => (c.victims.length ? podPriority(c.victims[0]) : -Infinity));
  if (list.length > 1) list = by(list, (c) => c.victims.reduce((s, v) => s + podPriority(v) + MAX_INT32 + 1, 0));
  if (list.length > 1) list = by(list, (c) => c.victims.length);
  if (list.length > 1) {
    // The latest start time among each node's highest-priority victims wins.
    list = by(list, (c) => {
      if (!c.victims.length) return -Infinity;
      const top = podPriority(c.victims[0]);
      return -Math.min(...c.victims.filter((v) => podPriority(v) === top).map(startTime));
    });
  }
  return list[0];
}

/** podTerminatingByPreemption. */
export function terminatingByPreemption(p: KubeObject): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  return (p.status?.conditions ?? []).some((c: any) => c?.type === "DisruptionTarget" && c.status === "True" && c.reason === "PreemptionByScheduler");
}
