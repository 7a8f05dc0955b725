// Names and addresses of a sandbox's machines: one kubeadm control-plane node and its workers.
export interface NodePlan {
  name: string;
  controlPlane: boolean;
  internalIP: string;
  podCIDR: string;
  /** Index for deterministic pod IPs: 10.244.<index>.x */
  index: number;
}

export const CONTROL_PLANE = "controlplane";
export const POD_CIDR = "10.244.0.0/16";
export const SERVICE_CIDR = "10.96.0.0/12";
export const KUBERNETES_SERVICE_IP = "10.96.0.1";
export const DNS_SERVICE_IP = "10.96.0.10";
export const KUBERNETES_VERSION = "v1.32.2";

export function planNodes(workers: number): NodePlan[] {
  const nodes: NodePlan[] = [{ name: CONTROL_PLANE, controlPlane: true, internalIP: "172.30.1.2", podCIDR: "10.244.0.0/24", index: 0 }];
  for (let i = 1; i <= workers; i++) {
    nodes.push({ name: `node${String(i).padStart(2, "0")}`, controlPlane: false, internalIP: `172.30.${i + 1}.2`, podCIDR: `10.244.${i}.0/24`, index: i });
  }
  return nodes;
}
