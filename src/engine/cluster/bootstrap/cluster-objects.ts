// Namespaces, service accounts, configuration and the cluster-wide objects of a kubeadm cluster.
import type { KubeObject } from "../../kinds/types";
import { hexId, seed, type SeedContext } from "./seed";
import { DNS_SERVICE_IP, KUBERNETES_VERSION, POD_CIDR, SERVICE_CIDR, type NodePlan } from "./topology";

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** Controllers of kube-controller-manager run with their own service accounts (--use-service-account-credentials). */
const CONTROLLER_SERVICE_ACCOUNTS = [
  "attachdetach-controller", "bootstrap-signer", "certificate-controller", "clusterrole-aggregation-controller", "coredns",
  "cronjob-controller", "daemon-set-controller", "deployment-controller", "disruption-controller", "endpoint-controller",
  "endpointslice-controller", "endpointslicemirroring-controller", "ephemeral-volume-controller", "expand-controller",
  "generic-garbage-collector", "horizontal-pod-autoscaler", "job-controller", "kube-proxy", "legacy-service-account-token-cleaner",
  "namespace-controller", "node-controller", "persistent-volume-binder", "pod-garbage-collector", "pv-protection-controller",
  "pvc-protection-controller", "replicaset-controller", "replication-controller", "resourcequota-controller",
  "root-ca-cert-publisher", "service-account-controller", "statefulset-controller", "token-cleaner", "ttl-after-finished-controller",
  "ttl-controller", "validatingadmissionpolicy-status-controller",
];

/** A PEM-shaped CA certificate for kube-root-ca.crt. Nothing verifies it: no TLS runs inside a sandbox. */
function caCertificate(ctx: SeedContext): string {
  const b64 = btoa(hexId(ctx, 600).match(/../g)!.map((h) => String.fromCharCode(parseInt(h, 16))).join(""));
  return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}

export function seedNamespaces(ctx: SeedContext, offsetS: number): void {
  for (const name of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    seed(ctx, { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "kubernetes.io/metadata.name": name } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } }, offsetS);
  }
}

/** What kube-controller-manager puts in every namespace: the default ServiceAccount and kube-root-ca.crt. */
export function seedNamespaceDefaults(ctx: SeedContext, namespace: string, ca: string, offsetS: number): void {
  seed(ctx, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace } }, offsetS);
  seed(ctx, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "kube-root-ca.crt", namespace, annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } }, data: { "ca.crt": ca } }, offsetS);
}

export function seedClusterObjects(ctx: SeedContext, controlPlane: NodePlan, offsetS: number): void {
  const ca = caCertificate(ctx);
  for (const ns of SYSTEM_NAMESPACES) seedNamespaceDefaults(ctx, ns, ca, offsetS + 10);
  for (const name of CONTROLLER_SERVICE_ACCOUNTS) seed(ctx, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "kube-system" } }, offsetS + 5);

  const cm = (name: string, namespace: string, data: Record<string, string>) => seed(ctx, { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace }, data }, offsetS + 3);
  cm("coredns", "kube-system", {
    Corefile: `.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30 {\n       disable success cluster.local\n       disable denial cluster.local\n    }\n    loop\n    reload\n    loadbalance\n}\n`,
  });
  cm("kubeadm-config", "kube-system", {
    ClusterConfiguration: `apiServer: {}\napiVersion: kubeadm.k8s.io/v1beta4\ncaCertificateValidityPeriod: 87600h0m0s\ncertificateValidityPeriod: 8760h0m0s\ncertificatesDir: /etc/kubernetes/pki\nclusterName: kubernetes\ncontrollerManager: {}\ndns: {}\nencryptionAlgorithm: RSA-2048\netcd:\n  local:\n    dataDir: /var/lib/etcd\nimageRepository: registry.k8s.io\nkind: ClusterConfiguration\nkubernetesVersion: ${KUBERNETES_VERSION}\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: ${POD_CIDR}\n  serviceSubnet: ${SERVICE_CIDR}\nproxy: {}\nscheduler: {}\n`,
  });
  cm("kubelet-config", "kube-system", {
    kubelet: `apiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    cacheTTL: 0s\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\nauthorization:\n  mode: Webhook\n  webhook:\n    cacheAuthorizedTTL: 0s\n    cacheUnauthorizedTTL: 0s\ncgroupDriver: systemd\nclusterDNS:\n- ${DNS_SERVICE_IP}\nclusterDomain: cluster.local\ncontainerRuntimeEndpoint: ""\ncpuManagerReconcilePeriod: 0s\nevictionPressureTransitionPeriod: 0s\nfileCheckFrequency: 0s\nhealthzBindAddress: 127.0.0.1\nhealthzPort: 10248\nhttpCheckFrequency: 0s\nimageMaximumGCAge: 0s\nimageMinimumGCAge: 0s\nkind: KubeletConfiguration\nlogging:\n  flushFrequency: 0\n  options:\n    json:\n      infoBufferSize: "0"\n    text:\n      infoBufferSize: "0"\n  verbosity: 0\nmemorySwap: {}\nnodeStatusReportFrequency: 0s\nnodeStatusUpdateFrequency: 0s\nrotateCertificates: true\nruntimeRequestTimeout: 0s\nshutdownGracePeriod: 0s\nshutdownGracePeriodCriticalPods: 0s\nstaticPodPath: /etc/kubernetes/manifests\nstreamingConnectionIdleTimeout: 0s\nsyncFrequency: 0s\nvolumeStatsAggPeriod: 0s\n`,
  });
  cm("kube-proxy", "kube-system", {
    "config.conf": `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nclientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\nclusterCIDR: ${POD_CIDR}\nkind: KubeProxyConfiguration\nmode: ""\n`,
    "kubeconfig.conf": `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://${controlPlane.internalIP}:6443\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token\n`,
  });
  cm("cluster-info", "kube-public", {
    kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${btoa(ca)}\n    server: https://${controlPlane.internalIP}:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`,
  });

  for (const [name, value, description] of [
    ["system-cluster-critical", 2000000000, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."],
    ["system-node-critical", 2000001000, "Used for system critical pods that must not be moved from their current node."],
  ] as const) {
    seed(ctx, { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name }, value, description, preemptionPolicy: "PreemptLowerPriority" }, offsetS);
  }

  seed(
    ctx,
    {
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
      provisioner: "rancher.io/local-path",
      reclaimPolicy: "Delete",
      volumeBindingMode: "WaitForFirstConsumer",
    },
    offsetS + 60,
  );

  for (const name of ["kube-controller-manager", "kube-scheduler"]) {
    seed(
      ctx,
      {
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name, namespace: "kube-system" },
        spec: { acquireTime: `${new Date(ctx.installedAtMs + (offsetS + 8) * 1000).toISOString().slice(0, 19)}.000000Z`, holderIdentity: `${controlPlane.name}_${hexId(ctx, 4)}-${hexId(ctx, 2)}-${hexId(ctx, 2)}-${hexId(ctx, 2)}-${hexId(ctx, 6)}`, leaseDurationSeconds: 15, leaseTransitions: 0, renewTime: `${new Date(ctx.nowMs).toISOString().slice(0, 19)}.000000Z` },
      } as KubeObject,
      offsetS + 8,
    );
  }
}
