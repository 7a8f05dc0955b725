// VolumeBinding (pkg/scheduler/framework/plugins/volumebinding): the pod's claims must exist; bound
// claims pin the pod to where their volume is reachable; unbound Immediate claims block it; unbound
// WaitForFirstConsumer claims are satisfied by a matching Available volume reachable from the node
// or by dynamic provisioning, and at binding the scheduler pre-binds the volume or asks for
// provisioning on the chosen node (annotation volume.kubernetes.io/selected-node).
import type { KubeObject } from "../kinds/types";
import { goQuote } from "../machinery/strconv";
import { termMatches } from "./node-match";
import { amountOf } from "./resources";
import type { NodeInfo } from "./snapshot";

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = "node(s) had volume node affinity conflict";
export const ERR_REASON_PV_NOT_EXIST = "node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)";
export const ERR_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";
export const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
export const ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";

export interface VolumeLookup {
  pvc(ns: string, name: string): KubeObject | undefined;
  pv(name: string): KubeObject | undefined;
  pvs(): readonly KubeObject[];
  storageClass(name: string): KubeObject | undefined;
}

export interface PodVolumes {
  bound: KubeObject[];
  /** Unbound claims of WaitForFirstConsumer classes. */
  delayed: KubeObject[];
}

export function claimClass(pvc: KubeObject): string {
  return String(pvc.spec?.storageClassName ?? pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? "");
}

export function isClaimBound(pvc: KubeObject): boolean {
  return !!pvc.spec?.volumeName && (pvc.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined || pvc.status?.phase === "Bound");
}

function isDelayBinding(pvc: KubeObject, lookup: VolumeLookup): boolean {
  const cls = claimClass(pvc);
  if (!cls) return false;
  return lookup.storageClass(cls)?.volumeBindingMode === "WaitForFirstConsumer";
}

/**
 * PreFilter: the claims of the pod, or the reason no node can take it (an UnschedulableAndUnresolvable
 * status, whose message becomes the whole FailedScheduling reason). undefined volumes: no claims at all.
 */
export function podVolumes(pod: KubeObject, lookup: VolumeLookup): { volumes?: PodVolumes; reject?: string } {
  const ns = pod.metadata.namespace ?? "";
  const claims: KubeObject[] = [];
  for (const vol of Array.isArray(pod.spec?.volumes) ? pod.spec!.volumes : []) {
    let name: string;
    let ephemeral = false;
    if (vol?.persistentVolumeClaim) name = String(vol.persistentVolumeClaim.claimName ?? "");
    else if (vol?.ephemeral) {
      name = `${pod.metadata.name}-${vol.name}`;
      ephemeral = true;
    } else continue;
    const pvc = lookup.pvc(ns, name);
    if (!pvc) {
      return { reject: ephemeral ? `waiting for ephemeral volume controller to create the persistentvolumeclaim ${goQuote(name)}` : `persistentvolumeclaim ${goQuote(name)} not found` };
    }
    if (ephemeral && !(pvc.metadata.ownerReferences ?? []).some((r: any) => r?.controller === true && r.uid === pod.metadata.uid)) {
      return { reject: `PVC ${ns}/${name} was not created for pod ${ns}/${pod.metadata.name} (pod is not owner)` };
    }
    if (pvc.status?.phase === "Lost") return { reject: `persistentvolumeclaim ${goQuote(name)} bound to non-existent persistentvolume ${goQuote(String(pvc.spec?.volumeName ?? ""))}` };
    if (pvc.metadata.deletionTimestamp) return { reject: `persistentvolumeclaim ${goQuote(name)} is being deleted` };
    claims.push(pvc);
  }
  if (claims.length === 0) return {};
  const volumes: PodVolumes = { bound: [], delayed: [] };
  let immediate = false;
  for (const pvc of claims) {
    if (isClaimBound(pvc)) volumes.bound.push(pvc);
    else if (isDelayBinding(pvc, lookup) && !pvc.spec?.volumeName) volumes.delayed.push(pvc);
    else immediate = true;
  }
  if (immediate) return { reject: ERR_UNBOUND_IMMEDIATE };
  return { volumes };
}

function pvReachable(pv: KubeObject, node: NodeInfo): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) return true;
  const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  return terms.some((t: unknown) => termMatches(t as never, node.node));
}

function accessModesCover(pv: KubeObject, pvc: KubeObject): boolean {
  const have = new Set<string>(Array.isArray(pv.spec?.accessModes) ? pv.spec!.accessModes : []);
  return (Array.isArray(pvc.spec?.accessModes) ? pvc.spec!.accessModes : []).every((m: string) => have.has(m));
}

/** findMatchingVolume, simplified: the smallest Available volume of the class that fits the claim and reaches the node. */
export function matchingVolume(pvc: KubeObject, node: NodeInfo, lookup: VolumeLookup, taken: ReadonlySet<string>): KubeObject | undefined {
  const want = amountOf("storage", pvc.spec?.resources?.requests?.storage);
  const cls = claimClass(pvc);
  let best: KubeObject | undefined;
  let bestSize = Infinity;
  for (const pv of lookup.pvs()) {
    const name = pv.metadata.name ?? "";
    if (taken.has(name) || pv.metadata.deletionTimestamp) continue;
    const ref = pv.spec?.claimRef;
    if (ref && !(ref.namespace === pvc.metadata.namespace && ref.name === pvc.metadata.name)) continue;
    if (!ref && pv.status?.phase && pv.status.phase !== "Available") continue;
    if (String(pv.spec?.storageClassName ?? "") !== cls) continue;
    if ((pv.spec?.volumeMode ?? "Filesystem") !== (pvc.spec?.volumeMode ?? "Filesystem")) continue;
    if (!accessModesCover(pv, pvc)) continue;
    const size = amountOf("storage", pv.spec?.capacity?.storage);
    if (size < want || size >= bestSize) continue;
    if (!pvReachable(pv, node)) continue;
    best = pv;
    bestSize = size;
  }
  return best;
}

/** Whether dynamic provisioning can create a volume for the claim on the node (checkVolumeProvisions). */
function provisionable(pvc: KubeObject, node: NodeInfo, lookup: VolumeLookup): boolean {
  const cls = lookup.storageClass(claimClass(pvc));
  if (!cls || !cls.provisioner || cls.provisioner === "kubernetes.io/no-provisioner") return false;
  const topologies = Array.isArray(cls.allowedTopologies) ? cls.allowedTopologies : [];
  if (topologies.length === 0) return true;
  return topologies.some((t: any) =>
    (Array.isArray(t?.matchLabelExpressions) ? t.matchLabelExpressions : []).every((e: any) => {
      const v = node.labels[e?.key];
      return v !== undefined && Array.isArray(e?.values) && e.values.includes(v);
    }),
  );
}

/**
 * The node a pod is assumed on while the volumes the scheduler asked for are provisioned: the
 * selected-node of its unbound WaitForFirstConsumer claims (the real scheduler keeps such a pod in its
 * cache on that node until PreBind sees the claims bound). undefined when it waits for nothing.
 */
export function assumedNodeOf(pod: KubeObject, lookup: VolumeLookup): string | undefined {
  const vol = podVolumes(pod, lookup);
  for (const pvc of vol.volumes?.delayed ?? []) {
    const node = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (node) return String(node);
  }
  return undefined;
}

/** The Filter: the reasons the node cannot serve the pod's volumes, empty when it can. */
export function volumeFilter(volumes: PodVolumes, node: NodeInfo, lookup: VolumeLookup): string[] {
  const reasons: string[] = [];
  for (const pvc of volumes.delayed) {
    // A claim already being provisioned for a node only ever reaches that node.
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected && selected !== node.name) {
      reasons.push(ERR_REASON_NODE_CONFLICT);
      break;
    }
  }
  for (const pvc of volumes.bound) {
    const pv = lookup.pv(String(pvc.spec?.volumeName ?? ""));
    if (!pv) {
      if (!reasons.includes(ERR_REASON_PV_NOT_EXIST)) reasons.push(ERR_REASON_PV_NOT_EXIST);
    } else if (!pvReachable(pv, node)) {
      if (!reasons.includes(ERR_REASON_NODE_CONFLICT)) reasons.push(ERR_REASON_NODE_CONFLICT);
    }
  }
  const taken = new Set<string>();
  for (const pvc of volumes.delayed) {
    const pv = matchingVolume(pvc, node, lookup, taken);
    if (pv) taken.add(pv.metadata.name ?? "");
    else if (!provisionable(pvc, node, lookup)) {
      if (!reasons.includes(ERR_REASON_BIND_CONFLICT)) reasons.push(ERR_REASON_BIND_CONFLICT);
    }
  }
  return reasons;
}
