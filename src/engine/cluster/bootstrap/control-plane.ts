// The static pods kubeadm writes to /etc/kubernetes/manifests on the control-plane node, as the
// mirror pods the kubelet creates for them (owned by the Node, annotated with the config hash).
import type { KubeObject } from "../../kinds/types";
import { hexId, seed, at, type SeedContext } from "./seed";
import { runningOn } from "./pod-status";
import { KUBERNETES_VERSION, POD_CIDR, SERVICE_CIDR, type NodePlan } from "./topology";

const hostPath = (name: string, path: string, type: string) => ({ name, hostPath: { path, type } });
const mount = (name: string, mountPath: string, readOnly = true) => ({ name, mountPath, ...(readOnly ? { readOnly: true } : {}) });
const probe = (host: string, path: string, port: number, scheme: string, failureThreshold: number) => ({
  failureThreshold,
  httpGet: { host, path, port, scheme },
  initialDelaySeconds: 10,
  periodSeconds: 10,
  timeoutSeconds: 15,
});

interface StaticPodSpec {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  volumes: Array<ReturnType<typeof hostPath>>;
  mounts: Array<ReturnType<typeof mount>>;
  probes: { liveness: ReturnType<typeof probe>; readiness?: ReturnType<typeof probe>; startup: ReturnType<typeof probe> };
  extraAnnotations?: Record<string, string>;
}

function staticPods(ip: string): StaticPodSpec[] {
  const pki = [hostPath("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate"), hostPath("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate"), hostPath("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate"), hostPath("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate"), hostPath("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate")];
  const pkiMounts = [mount("ca-certs", "/etc/ssl/certs"), mount("etc-ca-certificates", "/etc/ca-certificates"), mount("k8s-certs", "/etc/kubernetes/pki"), mount("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates"), mount("usr-share-ca-certificates", "/usr/share/ca-certificates")];
  return [
    {
      component: "etcd",
      image: "registry.k8s.io/etcd:3.5.16-0",
      command: ["etcd", `--advertise-client-urls=https://${ip}:2379`, "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true", "--experimental-watch-progress-notify-interval=5s", `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=controlplane=https://${ip}:2380`, "--key-file=/etc/kubernetes/pki/etcd/server.key", `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, "--listen-metrics-urls=http://127.0.0.1:2381", `--listen-peer-urls=https://${ip}:2380`, "--name=controlplane", "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-client-cert-auth=true", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key", "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000", "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"],
      cpu: "100m",
      memory: "100Mi",
      volumes: [hostPath("etcd-certs", "/etc/kubernetes/pki/etcd", "DirectoryOrCreate"), hostPath("etcd-data", "/var/lib/etcd", "DirectoryOrCreate")],
      mounts: [mount("etcd-data", "/var/lib/etcd", false), mount("etcd-certs", "/etc/kubernetes/pki/etcd", false)],
      probes: { liveness: probe("127.0.0.1", "/livez", 2381, "HTTP", 8), readiness: probe("127.0.0.1", "/readyz", 2381, "HTTP", 3), startup: probe("127.0.0.1", "/readyz", 2381, "HTTP", 24) },
      extraAnnotations: { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${ip}:2379` },
    },
    {
      component: "kube-apiserver",
      image: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
      command: ["kube-apiserver", `--advertise-address=${ip}`, "--allow-privileged=true", "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction", "--enable-bootstrap-token-auth=true", "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt", "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key", "--etcd-servers=https://127.0.0.1:2379", "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt", "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key", "--requestheader-allowed-names=front-proxy-client", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt", "--requestheader-extra-headers-prefix=X-Remote-Extra-", "--requestheader-group-headers=X-Remote-Group", "--requestheader-username-headers=X-Remote-User", "--secure-port=6443", "--service-account-issuer=https://kubernetes.default.svc.cluster.local", "--service-account-key-file=/etc/kubernetes/pki/sa.pub", "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key", `--service-cluster-ip-range=${SERVICE_CIDR}`, "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"],
      cpu: "250m",
      volumes: pki,
      mounts: pkiMounts,
      probes: { liveness: probe(ip, "/livez", 6443, "HTTPS", 8), readiness: { ...probe(ip, "/readyz", 6443, "HTTPS", 3), periodSeconds: 1 }, startup: probe(ip, "/livez", 6443, "HTTPS", 24) },
      extraAnnotations: { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${ip}:6443` },
    },
    {
      component: "kube-controller-manager",
      image: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
      command: ["kube-controller-manager", "--allocate-node-cidrs=true", "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf", "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf", "--bind-address=127.0.0.1", "--client-ca-file=/etc/kubernetes/pki/ca.crt", `--cluster-cidr=${POD_CIDR}`, "--cluster-name=kubernetes", "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt", "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key", "--controllers=*,bootstrapsigner,tokencleaner", "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt", "--root-ca-file=/etc/kubernetes/pki/ca.crt", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key", `--service-cluster-ip-range=${SERVICE_CIDR}`, "--use-service-account-credentials=true"],
      cpu: "200m",
      volumes: [...pki.slice(0, 2), hostPath("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", "DirectoryOrCreate"), pki[2], hostPath("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate"), ...pki.slice(3)],
      mounts: [...pkiMounts.slice(0, 2), mount("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", false), pkiMounts[2], mount("kubeconfig", "/etc/kubernetes/controller-manager.conf"), ...pkiMounts.slice(3)],
      probes: { liveness: probe("127.0.0.1", "/healthz", 10257, "HTTPS", 8), startup: probe("127.0.0.1", "/healthz", 10257, "HTTPS", 24) },
    },
    {
      component: "kube-scheduler",
      image: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
      command: ["kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"],
      cpu: "100m",
      volumes: [hostPath("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate")],
      mounts: [mount("kubeconfig", "/etc/kubernetes/scheduler.conf")],
      probes: { liveness: probe("127.0.0.1", "/livez", 10259, "HTTPS", 8), readiness: probe("127.0.0.1", "/readyz", 10259, "HTTPS", 3), startup: probe("127.0.0.1", "/livez", 10259, "HTTPS", 24) },
    },
  ];
}

export function seedStaticPods(ctx: SeedContext, plan: NodePlan, node: KubeObject, offsetS: number): KubeObject[] {
  return staticPods(plan.internalIP).map((p, i) => {
    const hash = hexId(ctx, 16);
    const container: Record<string, unknown> = {
      name: p.component,
      image: p.image,
      imagePullPolicy: "IfNotPresent",
      command: p.command,
      livenessProbe: p.probes.liveness,
      ...(p.probes.readiness ? { readinessProbe: p.probes.readiness } : {}),
      startupProbe: p.probes.startup,
      resources: { requests: { cpu: p.cpu, ...(p.memory ? { memory: p.memory } : {}) } },
      volumeMounts: p.mounts,
    };
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `${p.component}-${plan.name}`,
        namespace: "kube-system",
        labels: { component: p.component, tier: "control-plane" },
        annotations: {
          ...(p.extraAnnotations ?? {}),
          "kubernetes.io/config.hash": hash,
          "kubernetes.io/config.mirror": hash,
          // time.RFC3339Nano, as the kubelet writes it: nanoseconds with trailing zeros trimmed.
          "kubernetes.io/config.seen": `${at(ctx, offsetS).slice(0, -1)}.${String(1_000_000_000 + 123_456_789 + i * 1_234_567).slice(1).replace(/0+$/, "")}Z`,
          "kubernetes.io/config.source": "file",
        },
        ownerReferences: [{ apiVersion: "v1", kind: "Node", name: node.metadata.name!, uid: node.metadata.uid!, controller: true }],
      },
      spec: {
        containers: [container],
        hostNetwork: true,
        nodeName: plan.name,
        priority: 2000001000,
        priorityClassName: "system-node-critical",
        securityContext: { seccompProfile: { type: "RuntimeDefault" } },
        tolerations: [{ effect: "NoExecute", operator: "Exists" }],
        volumes: p.volumes,
      },
    };
    runningOn(ctx, pod, plan.internalIP, plan.internalIP, offsetS + i);
    return seed(ctx, pod, offsetS + i);
  });
}
