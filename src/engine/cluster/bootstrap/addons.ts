// kubeadm's addons: CoreDNS (Deployment -> ReplicaSet -> Pods, the kube-dns Service) and kube-proxy
// (DaemonSet -> one Pod per node), plus the kubernetes Service and their endpoints.
import type { KubeObject } from "../../kinds/types";
import { ownerRef, seed, suffix, at, type SeedContext } from "./seed";
import { runningOn } from "./pod-status";
import { computeHash } from "../../controllers/hash";
import { clone } from "../../machinery/json";
import { DNS_SERVICE_IP, KUBERNETES_SERVICE_IP, KUBERNETES_VERSION, type NodePlan } from "./topology";

const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";

function corednsTemplate(): Record<string, any> {
  return {
    metadata: { labels: { "k8s-app": "kube-dns" } },
    spec: {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns"] }] }, topologyKey: "kubernetes.io/hostname" }, weight: 100 },
          ],
        },
      },
      containers: [
        {
          args: ["-conf", "/etc/coredns/Corefile"],
          image: COREDNS_IMAGE,
          imagePullPolicy: "IfNotPresent",
          livenessProbe: { failureThreshold: 5, httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 5 },
          name: "coredns",
          ports: [
            { containerPort: 53, name: "dns", protocol: "UDP" },
            { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
            { containerPort: 9153, name: "metrics", protocol: "TCP" },
          ],
          readinessProbe: { failureThreshold: 3, httpGet: { path: "/ready", port: 8181, scheme: "HTTP" }, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
          resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true },
          volumeMounts: [{ mountPath: "/etc/coredns", name: "config-volume", readOnly: true }],
        },
      ],
      dnsPolicy: "Default",
      nodeSelector: { "kubernetes.io/os": "linux" },
      priorityClassName: "system-cluster-critical",
      serviceAccountName: "coredns",
      tolerations: [
        { key: "CriticalAddonsOnly", operator: "Exists" },
        { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane" },
      ],
      volumes: [{ configMap: { items: [{ key: "Corefile", path: "Corefile" }], name: "coredns" }, name: "config-volume" }],
    },
  };
}

export function seedCoreDns(ctx: SeedContext, controlPlane: NodePlan, offsetS: number): KubeObject[] {
  const replicas = 2;
  const deploy = seed(
    ctx,
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "coredns", namespace: "kube-system", labels: { "k8s-app": "kube-dns" }, annotations: { "deployment.kubernetes.io/revision": "1" } },
      spec: {
        replicas,
        selector: { matchLabels: { "k8s-app": "kube-dns" } },
        strategy: { rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 }, type: "RollingUpdate" },
        template: corednsTemplate(),
      },
      status: {
        availableReplicas: replicas,
        conditions: [
          { lastTransitionTime: at(ctx, offsetS + 40), lastUpdateTime: at(ctx, offsetS + 40), message: "Deployment has minimum availability.", reason: "MinimumReplicasAvailable", status: "True", type: "Available" },
          { lastTransitionTime: at(ctx, offsetS), lastUpdateTime: at(ctx, offsetS + 40), message: 'ReplicaSet "coredns-HASH" has successfully progressed.', reason: "NewReplicaSetAvailable", status: "True", type: "Progressing" },
        ],
        observedGeneration: 1,
        readyReplicas: replicas,
        replicas,
        updatedReplicas: replicas,
      },
    },
    offsetS,
  );
  const template = clone(deploy.spec.template);
  const hash = computeHash(template);
  deploy.status.conditions[1].message = `ReplicaSet "coredns-${hash}" has successfully progressed.`;
  template.metadata.labels["pod-template-hash"] = hash;
  const rs = seed(
    ctx,
    {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: `coredns-${hash}`,
        namespace: "kube-system",
        labels: { "k8s-app": "kube-dns", "pod-template-hash": hash },
        annotations: { "deployment.kubernetes.io/desired-replicas": String(replicas), "deployment.kubernetes.io/max-replicas": String(replicas + 1), "deployment.kubernetes.io/revision": "1" },
        ownerReferences: [ownerRef(deploy)],
      },
      spec: { replicas, selector: { matchLabels: { "k8s-app": "kube-dns", "pod-template-hash": hash } }, template },
      status: { availableReplicas: replicas, fullyLabeledReplicas: replicas, observedGeneration: 1, readyReplicas: replicas, replicas },
    },
    offsetS,
  );
  const pods: KubeObject[] = [];
  for (let i = 0; i < replicas; i++) {
    const t = clone(template);
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: `coredns-${hash}-${suffix(ctx)}`, generateName: `coredns-${hash}-`, namespace: "kube-system", labels: t.metadata.labels, ownerReferences: [ownerRef(rs)] },
      spec: { ...t.spec, nodeName: controlPlane.name },
    };
    runningOn(ctx, pod, controlPlane.internalIP, `10.244.0.${i + 2}`, offsetS + 20 + i);
    pods.push(seed(ctx, pod, offsetS + 1));
  }
  return [deploy, rs, ...pods];
}

function kubeProxyTemplate(): Record<string, any> {
  return {
    metadata: { labels: { "k8s-app": "kube-proxy" } },
    spec: {
      containers: [
        {
          command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
          env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
          image: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
          imagePullPolicy: "IfNotPresent",
          name: "kube-proxy",
          securityContext: { privileged: true },
          volumeMounts: [
            { mountPath: "/var/lib/kube-proxy", name: "kube-proxy" },
            { mountPath: "/run/xtables.lock", name: "xtables-lock" },
            { mountPath: "/lib/modules", name: "lib-modules", readOnly: true },
          ],
        },
      ],
      hostNetwork: true,
      nodeSelector: { "kubernetes.io/os": "linux" },
      priorityClassName: "system-node-critical",
      serviceAccountName: "kube-proxy",
      tolerations: [{ operator: "Exists" }],
      volumes: [
        { configMap: { name: "kube-proxy" }, name: "kube-proxy" },
        { hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" }, name: "xtables-lock" },
        { hostPath: { path: "/lib/modules", type: "" }, name: "lib-modules" },
      ],
    },
  };
}

/** Tolerations the DaemonSet controller adds to every daemon pod (daemon/util.AddOrUpdateDaemonPodTolerations). */
const DAEMON_TOLERATIONS = [
  { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists" },
  { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists" },
  { effect: "NoSchedule", key: "node.kubernetes.io/disk-pressure", operator: "Exists" },
  { effect: "NoSchedule", key: "node.kubernetes.io/memory-pressure", operator: "Exists" },
  { effect: "NoSchedule", key: "node.kubernetes.io/pid-pressure", operator: "Exists" },
  { effect: "NoSchedule", key: "node.kubernetes.io/unschedulable", operator: "Exists" },
  { effect: "NoSchedule", key: "node.kubernetes.io/network-unavailable", operator: "Exists" },
];

export function seedKubeProxy(ctx: SeedContext, nodes: NodePlan[], offsetS: number): KubeObject[] {
  const n = nodes.length;
  const ds = seed(
    ctx,
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-proxy", namespace: "kube-system", labels: { "k8s-app": "kube-proxy" }, annotations: { "deprecated.daemonset.template.generation": "1" } },
      spec: {
        selector: { matchLabels: { "k8s-app": "kube-proxy" } },
        template: kubeProxyTemplate(),
        updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: "RollingUpdate" },
      },
      status: { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, observedGeneration: 1, updatedNumberScheduled: n },
    },
    offsetS,
  );
  const template = clone(ds.spec.template);
  const revisionHash = computeHash(template);
  const revision = seed(
    ctx,
    {
      apiVersion: "apps/v1",
      kind: "ControllerRevision",
      metadata: { name: `kube-proxy-${revisionHash}`, namespace: "kube-system", labels: { "controller-revision-hash": revisionHash, "k8s-app": "kube-proxy" }, ownerReferences: [ownerRef(ds)] },
      data: { spec: { template: { ...template, $patch: "replace" } } },
      revision: 1,
    },
    offsetS,
  );
  const pods = nodes.map((node, i) => {
    const t = clone(template);
    const pod: KubeObject = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: {
        name: `kube-proxy-${suffix(ctx)}`,
        generateName: "kube-proxy-",
        namespace: "kube-system",
        labels: { "controller-revision-hash": revisionHash, "k8s-app": "kube-proxy", "pod-template-generation": "1" },
        ownerReferences: [ownerRef(ds)],
      },
      spec: {
        ...t.spec,
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [node.name] }] }] } } },
        nodeName: node.name,
        tolerations: [...t.spec.tolerations, ...DAEMON_TOLERATIONS],
      },
    };
    const joinS = node.controlPlane ? offsetS : offsetS + 30 + 15 * i;
    runningOn(ctx, pod, node.internalIP, node.internalIP, joinS);
    return seed(ctx, pod, joinS);
  });
  return [ds, revision, ...pods];
}

export function seedServices(ctx: SeedContext, controlPlane: NodePlan, corednsPods: KubeObject[], offsetS: number): void {
  seed(
    ctx,
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
      spec: { clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }], type: "ClusterIP" },
      status: { loadBalancer: {} },
    },
    offsetS,
  );
  seed(
    ctx,
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: [{ ip: controlPlane.internalIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
    },
    offsetS,
  );
  seed(
    ctx,
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: [{ addresses: [controlPlane.internalIP], conditions: { ready: true } }],
      ports: [{ name: "https", port: 6443, protocol: "TCP" }],
    },
    offsetS,
  );
  const dns = seed(
    ctx,
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: {
        name: "kube-dns",
        namespace: "kube-system",
        labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
        annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      },
      spec: {
        clusterIP: DNS_SERVICE_IP,
        clusterIPs: [DNS_SERVICE_IP],
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
        selector: { "k8s-app": "kube-dns" },
        type: "ClusterIP",
      },
      status: { loadBalancer: {} },
    },
    offsetS + 2,
  );
  const ready = corednsPods.map((p) => ({ ip: p.status.podIP as string, nodeName: p.spec.nodeName as string, targetRef: { kind: "Pod", name: p.metadata.name!, namespace: "kube-system", uid: p.metadata.uid! } }));
  const ports = [
    { name: "dns-tcp", port: 53, protocol: "TCP" },
    { name: "dns", port: 53, protocol: "UDP" },
    { name: "metrics", port: 9153, protocol: "TCP" },
  ];
  const lastChange = at(ctx, offsetS + 45);
  seed(
    ctx,
    {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kube-dns", namespace: "kube-system", labels: { ...dns.metadata.labels }, annotations: { "endpoints.kubernetes.io/last-change-trigger-time": lastChange } },
      subsets: [{ addresses: ready, ports }],
    },
    offsetS + 2,
  );
  seed(
    ctx,
    {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: {
        name: `kube-dns-${suffix(ctx)}`,
        generateName: "kube-dns-",
        namespace: "kube-system",
        labels: { "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io", "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS", "kubernetes.io/service-name": "kube-dns" },
        annotations: { "endpoints.kubernetes.io/last-change-trigger-time": lastChange },
        ownerReferences: [{ apiVersion: "v1", kind: "Service", name: "kube-dns", uid: dns.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      addressType: "IPv4",
      endpoints: corednsPods.map((p) => ({ addresses: [p.status.podIP], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.spec.nodeName, targetRef: { kind: "Pod", name: p.metadata.name, namespace: "kube-system", uid: p.metadata.uid } })),
      // The EndpointSlice controller orders ports by the hash of discovery/v1 EndpointPort, not core/v1's: PORTS 9153,53,53.
      ports: [ports[2], ports[1], ports[0]],
    },
    offsetS + 2,
  );
}
