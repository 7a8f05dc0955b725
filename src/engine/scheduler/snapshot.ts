// The scheduler's view of the cluster for one pass (its cache snapshot): every node with what is
// allocatable, what the pods bound there request, their host ports and images. Built once per
// pass in O(nodes + pods) and updated incrementally as pods are bound, so scheduling a thousand
// pods never rescans the cluster.
import type { KubeObject } from "../kinds/types";
import { amountsOf, podResources, PODS, type Amounts } from "./resources";
import { nodeTaints, type Taint } from "./node-match";

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface NodeInfo {
  node: KubeObject;
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  allocatable: Amounts;
  allowedPods: number;
  /** Sum of the requests of the pods on the node. */
  requested: Amounts;
  nonZeroCPU: number;
  nonZeroMemory: number;
  /** Non-terminal pods bound to the node, including those this pass bound. */
  pods: KubeObject[];
  usedPorts: HostPort[];
  /** Normalised image names present on the node. */
  images: Set<string>;
}

export interface ImageState {
  size: number;
  numNodes: number;
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}

/** ImageLocality's normalizedImageName: a name without a tag gets ":latest". */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(":") <= name.lastIndexOf("/")) return `${name}:latest`;
  return name;
}

/** The host ports a pod asks for (containers and sidecars), hostPort > 0 only. */
export function podHostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = [];
  const collect = (containers: unknown) => {
    if (!Array.isArray(containers)) return;
    for (const c of containers) {
      for (const p of Array.isArray(c?.ports) ? c.ports : []) {
        const port = Number(p?.hostPort ?? 0);
        if (port > 0) out.push({ ip: String(p.hostIP ?? ""), protocol: String(p.protocol || "TCP"), port });
      }
    }
  };
  collect(pod.spec?.containers);
  collect((Array.isArray(pod.spec?.initContainers) ? pod.spec!.initContainers : []).filter((c: any) => c?.restartPolicy === "Always"));
  return out;
}

const ANY_IP = (ip: string) => ip === "" || ip === "0.0.0.0";

/** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every address for the same protocol and port. */
export function portConflicts(used: readonly HostPort[], want: HostPort): boolean {
  for (const u of used) {
    if (u.port !== want.port || u.protocol !== want.protocol) continue;
    if (ANY_IP(u.ip) || ANY_IP(want.ip) || u.ip === want.ip) return true;
  }
  return false;
}

export class Snapshot {
  readonly nodes: NodeInfo[] = [];
  readonly byName = new Map<string, NodeInfo>();
  readonly imageStates = new Map<string, ImageState>();
  /** Bound pods that carry pod affinity or anti-affinity (InterPodAffinity only walks these unless it must). */
  readonly podsWithAffinity: { pod: KubeObject; node: NodeInfo }[] = [];
  /** Pending pods that won a node by preemption, by node name: they hold its room for pods of lower priority. */
  readonly nominated = new Map<string, KubeObject[]>();
  private readonly listeners: ((pod: KubeObject, node: NodeInfo) => void)[] = [];

  constructor(nodes: readonly KubeObject[], pods: readonly KubeObject[]) {
    for (const node of nodes) {
      const allocatable = amountsOf(node.status?.allocatable);
      const info: NodeInfo = {
        node,
        name: node.metadata.name ?? "",
        labels: node.metadata.labels ?? {},
        taints: nodeTaints(node),
        allocatable,
        allowedPods: allocatable.get(PODS) ?? 0,
        requested: new Map(),
        nonZeroCPU: 0,
        nonZeroMemory: 0,
        pods: [],
        usedPorts: [],
        images: new Set(),
      };
      for (const img of Array.isArray(node.status?.images) ? node.status!.images : []) {
        const size = Number(img?.sizeBytes ?? 0);
        for (const n of Array.isArray(img?.names) ? img.names : []) {
          const name = String(n);
          if (info.images.has(name)) continue;
          info.images.add(name);
          const st = this.imageStates.get(name) ?? { size, numNodes: 0 };
          st.numNodes++;
          this.imageStates.set(name, st);
        }
      }
      this.nodes.push(info);
      this.byName.set(info.name, info);
    }
    for (const pod of pods) {
      const nodeName = pod.spec?.nodeName;
      if (!nodeName || isTerminal(pod)) continue;
      const info = this.byName.get(nodeName);
      if (info) this.addPod(pod, info);
    }
  }

  /** Called for every pod added from now on (indexes of the plugins keep themselves current). */
  onPodAdded(listener: (pod: KubeObject, node: NodeInfo) => void): void {
    this.listeners.push(listener);
  }

  nominate(pod: KubeObject, nodeName: string): void {
    if (!this.byName.has(nodeName)) return;
    const list = this.nominated.get(nodeName) ?? [];
    list.push(pod);
    this.nominated.set(nodeName, list);
  }

  /** Drops a pod's nomination (it was bound, or nominated elsewhere). */
  unnominate(uid: string | undefined): void {
    for (const [node, list] of this.nominated) {
      const rest = list.filter((p) => p.metadata.uid !== uid);
      if (rest.length === 0) this.nominated.delete(node);
      else if (rest.length !== list.length) this.nominated.set(node, rest);
    }
  }

  addPod(pod: KubeObject, info: NodeInfo): void {
    info.pods.push(pod);
    const r = podResources(pod);
    for (const [k, v] of r.requests) info.requested.set(k, (info.requested.get(k) ?? 0) + v);
    info.nonZeroCPU += r.nonZeroCPU;
    info.nonZeroMemory += r.nonZeroMemory;
    for (const p of podHostPorts(pod)) info.usedPorts.push(p);
    const a = pod.spec?.affinity;
    if (a && (a.podAffinity || a.podAntiAffinity)) this.podsWithAffinity.push({ pod, node: info });
    for (const l of this.listeners) l(pod, info);
  }
}
