// Node objects as a kubeadm 1.32 kubelet registers them, and their heartbeat Leases.
import type { KubeObject } from "../../kinds/types";
import { at, hexId, seed, type SeedContext } from "./seed";
import { KUBERNETES_VERSION, type NodePlan } from "./topology";

// A 2-CPU / 4 GiB VM, the size of a typical lab machine. Allocatable is capacity minus the
// kubelet's default hard eviction threshold for memory (100Mi).
const CAPACITY = { cpu: "2", "ephemeral-storage": "20134592Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "4015276Ki", pods: "110" };
const ALLOCATABLE = { cpu: "2", "ephemeral-storage": "18556039957", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: "3912876Ki", pods: "110" };

const CONTROL_PLANE_IMAGES = [
  { names: ["registry.k8s.io/etcd@sha256:c6a9d11cc5c04b114ccdef39a9265eeef818e3d02f5359be035ae784097fdec5", "registry.k8s.io/etcd:3.5.16-0"], sizeBytes: 57680541 },
  { names: ["registry.k8s.io/kube-apiserver@sha256:c47449f3e751588ea0cb74e325e0f83db335a415f4f4c7fb147375dd6c84757f", "registry.k8s.io/kube-apiserver:v1.32.2"], sizeBytes: 28670731 },
  { names: ["registry.k8s.io/kube-controller-manager@sha256:399aa50f4d1361c59dc458e634506d02de32613d03a9a614a21058741162ef90", "registry.k8s.io/kube-controller-manager:v1.32.2"], sizeBytes: 26259392 },
  { names: ["registry.k8s.io/kube-scheduler@sha256:45710d74cfd5aa10a001d0cf81747b77c28617444ffee0503d12f1dcd7450f76", "registry.k8s.io/kube-scheduler:v1.32.2"], sizeBytes: 20657902 },
  { names: ["registry.k8s.io/coredns/coredns@sha256:9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e", "registry.k8s.io/coredns/coredns:v1.11.3"], sizeBytes: 18562039 },
];
const NODE_IMAGES = [
  { names: ["registry.k8s.io/kube-proxy@sha256:83c025f0faa6799fab6645102a98138e39a9a7db2be3bc792c79d72659b1805d", "registry.k8s.io/kube-proxy:v1.32.2"], sizeBytes: 30907858 },
  { names: ["registry.k8s.io/pause@sha256:ee6521f290b2168b6e0935a181d4cff9be1ac3f505666ef0e3c98fae8199917a", "registry.k8s.io/pause:3.10"], sizeBytes: 320368 },
];

export function seedNode(ctx: SeedContext, plan: NodePlan, offsetS: number): KubeObject {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": plan.name,
    "kubernetes.io/os": "linux",
  };
  if (plan.controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  const heartbeat = at(ctx, offsetS + 30);
  const started = at(ctx, offsetS);
  const condition = (type: string, status: string, reason: string, message: string, transition = started) => ({
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: transition,
    message,
    reason,
    status,
    type,
  });
  const node: KubeObject = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: plan.name,
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: {
      podCIDR: plan.podCIDR,
      podCIDRs: [plan.podCIDR],
      ...(plan.controlPlane ? { taints: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" }] } : {}),
    },
    status: {
      addresses: [
        { address: plan.internalIP, type: "InternalIP" },
        { address: plan.name, type: "Hostname" },
      ],
      allocatable: { ...ALLOCATABLE },
      capacity: { ...CAPACITY },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", at(ctx, offsetS + 20)),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: plan.controlPlane ? [...CONTROL_PLANE_IMAGES, ...NODE_IMAGES] : [...NODE_IMAGES],
      nodeInfo: {
        architecture: "amd64",
        bootID: uuidLike(ctx),
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "5.15.0-131-generic",
        kubeProxyVersion: "",
        kubeletVersion: KUBERNETES_VERSION,
        machineID: hexId(ctx, 16),
        operatingSystem: "linux",
        osImage: "Ubuntu 22.04.5 LTS",
        systemUUID: uuidLike(ctx),
      },
    },
  };
  if (!node.status.nodeInfo.kubeProxyVersion) delete node.status.nodeInfo.kubeProxyVersion;
  return seed(ctx, node, offsetS);
}

function uuidLike(ctx: SeedContext): string {
  const h = hexId(ctx, 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The kubelet's heartbeat Lease in kube-node-lease, owned by its Node. */
export function seedNodeLease(ctx: SeedContext, node: KubeObject, offsetS: number): KubeObject {
  return seed(
    ctx,
    {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: {
        name: node.metadata.name,
        namespace: "kube-node-lease",
        ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node.metadata.name!, uid: node.metadata.uid! }],
      },
      spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: 40, renewTime: `${at(ctx, offsetS + 40).slice(0, -1)}.000000Z` },
    },
    offsetS,
  );
}
