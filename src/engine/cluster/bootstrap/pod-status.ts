// The status of a pod that started cleanly when the cluster was installed, as the kubelet reports it.
import type { KubeObject } from "../../kinds/types";
import { at, hexId, type SeedContext } from "./seed";

const IMAGE_IDS: Record<string, string> = {
  "registry.k8s.io/etcd:3.5.16-0": "registry.k8s.io/etcd@sha256:c6a9d11cc5c04b114ccdef39a9265eeef818e3d02f5359be035ae784097fdec5",
  "registry.k8s.io/kube-apiserver:v1.32.2": "registry.k8s.io/kube-apiserver@sha256:c47449f3e751588ea0cb74e325e0f83db335a415f4f4c7fb147375dd6c84757f",
  "registry.k8s.io/kube-controller-manager:v1.32.2": "registry.k8s.io/kube-controller-manager@sha256:399aa50f4d1361c59dc458e634506d02de32613d03a9a614a21058741162ef90",
  "registry.k8s.io/kube-scheduler:v1.32.2": "registry.k8s.io/kube-scheduler@sha256:45710d74cfd5aa10a001d0cf81747b77c28617444ffee0503d12f1dcd7450f76",
  "registry.k8s.io/coredns/coredns:v1.11.3": "registry.k8s.io/coredns/coredns@sha256:9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e",
  "registry.k8s.io/kube-proxy:v1.32.2": "registry.k8s.io/kube-proxy@sha256:83c025f0faa6799fab6645102a98138e39a9a7db2be3bc792c79d72659b1805d",
};

/** Sets spec.nodeName and a Running, Ready status started `startS` seconds after installation. */
export function runningOn(ctx: SeedContext, pod: KubeObject, nodeIP: string, podIP: string, startS: number): KubeObject {
  const scheduled = at(ctx, startS);
  const started = at(ctx, startS + 2);
  const ready = at(ctx, startS + 5);
  const cond = (type: string, time: string) => ({ lastProbeTime: null, lastTransitionTime: time, status: "True", type });
  const containers = (pod.spec.containers ?? []) as Array<{ name: string; image: string }>;
  pod.status = {
    conditions: [
      cond("PodReadyToStartContainers", started),
      cond("Initialized", scheduled),
      cond("Ready", ready),
      cond("ContainersReady", ready),
      cond("PodScheduled", scheduled),
    ],
    containerStatuses: containers
      .map((c) => ({
        containerID: `containerd://${hexId(ctx, 32)}`,
        image: c.image,
        imageID: IMAGE_IDS[c.image] ?? c.image,
        lastState: {},
        name: c.name,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: started } },
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    hostIP: nodeIP,
    hostIPs: [{ ip: nodeIP }],
    phase: "Running",
    podIP,
    podIPs: [{ ip: podIP }],
    qosClass: qosClassOf(pod),
    startTime: scheduled,
  };
  return pod;
}

/** v1qos.GetPodQOS in short: Guaranteed when every container's requests equal its limits, BestEffort with none. */
function qosClassOf(pod: KubeObject): string {
  const cs = (pod.spec.containers ?? []) as Array<{ resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }>;
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ["cpu", "memory"]) if (!lim[r] || (req[r] ?? lim[r]) !== lim[r]) guaranteed = false;
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
