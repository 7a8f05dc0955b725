// The feature areas the Kubernetes documentation's example manifests exercise, with our own
// manifests: each is sent the way `kubectl apply -f` (1.32, --validate=strict) sends it, must be
// accepted, and reads back with the defaults a real 1.32 API server sets (what `-o yaml` shows).
// The examples a real server refuses are refused here with its wording.
import { beforeEach, describe, expect, it } from "vitest";
import { testCluster, type TestClient } from "../support/cluster";

const APPLY = "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict";

let c: TestClient;
beforeEach(() => {
  c = testCluster();
});

function pathOf(obj: any, namespace = "default"): string {
  const def = c.cluster.kinds.byApiVersionKind(obj.apiVersion, obj.kind);
  if (!def) throw new Error(`no kind ${obj.apiVersion}/${obj.kind}`);
  const base = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
  return `${base}${def.namespaced ? `/namespaces/${obj.metadata?.namespace ?? namespace}` : ""}/${def.plural}`;
}

function create(obj: any, namespace?: string) {
  return c.request("POST", pathOf(obj, namespace) + APPLY, obj);
}

/** Creates the object, expects 201 and returns what the server stored (what `-o yaml` shows). */
function accepted(obj: any, namespace?: string): any {
  const r = create(obj, namespace);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  c.tick(0);
  return r.body;
}

/** Creates the object and returns the Status message of the refusal. */
function refused(obj: any, status: number): string {
  const r = create(obj);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.kind).toBe("Status");
  return r.body.message;
}

const pod = (name: string, spec: any, metadata: any = {}) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, ...metadata }, spec });
const ctr = (extra: any = {}) => ({ name: "app", image: "nginx:1.27", ...extra });
const template = (labels: Record<string, string>, spec: any = { containers: [ctr()] }) => ({ metadata: { labels }, spec });

describe("pods", () => {
  it("defaults every kind of probe the way the kubelet documentation shows them", () => {
    const p = accepted(
      pod("probes", {
        containers: [
          ctr({
            livenessProbe: { httpGet: { path: "/healthz", port: 8080, httpHeaders: [{ name: "X-Custom", value: "yes" }] }, initialDelaySeconds: 3, periodSeconds: 3 },
            readinessProbe: { exec: { command: ["cat", "/tmp/healthy"] } },
            startupProbe: { tcpSocket: { port: 8080 }, failureThreshold: 30 },
          }),
          { name: "etcd", image: "registry.k8s.io/etcd:3.5.1-0", livenessProbe: { grpc: { port: 2379 }, initialDelaySeconds: 10 } },
        ],
      }),
    );
    const [app, etcd] = p.spec.containers;
    expect(app.livenessProbe).toEqual({
      httpGet: { path: "/healthz", port: 8080, httpHeaders: [{ name: "X-Custom", value: "yes" }], scheme: "HTTP" },
      initialDelaySeconds: 3,
      periodSeconds: 3,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    });
    expect(app.readinessProbe).toMatchObject({ timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(app.startupProbe).toMatchObject({ tcpSocket: { port: 8080 }, failureThreshold: 30, periodSeconds: 10 });
    expect(etcd.livenessProbe.grpc).toEqual({ port: 2379, service: "" });
  });

  it("canonicalises requests and limits, copies limits into missing requests and derives the QoS class", () => {
    const guaranteed = accepted(pod("guaranteed", { containers: [ctr({ resources: { limits: { cpu: 1, memory: "256Mi", "example.com/dongle": 3 } } })] }));
    expect(guaranteed.spec.containers[0].resources).toEqual({
      limits: { cpu: "1", memory: "256Mi", "example.com/dongle": "3" },
      requests: { cpu: "1", memory: "256Mi", "example.com/dongle": "3" },
    });
    expect(guaranteed.status.qosClass).toBe("Guaranteed");

    const burstable = accepted(pod("burstable", { containers: [ctr({ resources: { requests: { cpu: "0.5", memory: "100Mi" }, limits: { memory: "200Mi" } } })] }));
    expect(burstable.spec.containers[0].resources).toEqual({ requests: { cpu: "500m", memory: "100Mi" }, limits: { memory: "200Mi" } });
    expect(burstable.status.qosClass).toBe("Burstable");

    const bestEffort = accepted(pod("best-effort", { containers: [ctr()] }));
    expect(bestEffort.spec.containers[0].resources).toEqual({});
    expect(bestEffort.status.qosClass).toBe("BestEffort");
  });

  it("takes environment from ConfigMaps, Secrets and the downward API without the objects existing yet", () => {
    const p = accepted(
      pod("env", {
        containers: [
          ctr({
            env: [
              { name: "LEVEL", valueFrom: { configMapKeyRef: { name: "special-config", key: "special.how" } } },
              { name: "USER", valueFrom: { secretKeyRef: { name: "backend-user", key: "username", optional: true } } },
              { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
              { name: "CPU", valueFrom: { resourceFieldRef: { containerName: "app", resource: "requests.cpu" } } },
              { name: "ADDRESS", value: "$(PROTOCOL)://$(SERVICE_IP)" },
            ],
            envFrom: [{ configMapRef: { name: "env-config" } }, { prefix: "DB_", secretRef: { name: "db-secret" } }],
          }),
        ],
      }),
    );
    const env = p.spec.containers[0].env;
    expect(env[2].valueFrom.fieldRef).toEqual({ fieldPath: "spec.nodeName", apiVersion: "v1" });
    expect(env[3].valueFrom.resourceFieldRef).toEqual({ containerName: "app", resource: "requests.cpu", divisor: "0" });
    expect(p.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: "env-config" } }, { prefix: "DB_", secretRef: { name: "db-secret" } }]);
  });

  it("accepts every volume kind the documentation mounts and defaults their modes", () => {
    const p = accepted(
      pod("volumes", {
        containers: [ctr({ volumeMounts: [{ name: "cache", mountPath: "/cache" }, { name: "config", mountPath: "/etc/config", readOnly: true }] })],
        volumes: [
          { name: "cache", emptyDir: {} },
          { name: "scratch", emptyDir: { medium: "Memory", sizeLimit: "0.5Gi" } },
          { name: "host", hostPath: { path: "/var/log" } },
          { name: "config", configMap: { name: "game-demo", items: [{ key: "game.properties", path: "game.properties" }] } },
          { name: "secret", secret: { secretName: "test-secret", optional: true } },
          { name: "podinfo", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }, { path: "cpu", resourceFieldRef: { containerName: "app", resource: "limits.cpu", divisor: "1m" } }] } },
          { name: "all-in-one", projected: { sources: [{ secret: { name: "user" } }, { configMap: { name: "cfg" } }, { serviceAccountToken: { path: "vault-token", audience: "vault" } }] } },
          { name: "data", persistentVolumeClaim: { claimName: "task-pv-claim" } },
          { name: "share", nfs: { server: "nfs.example.com", path: "/exports" } },
          { name: "scratch-claim", ephemeral: { volumeClaimTemplate: { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } } } },
        ],
      }),
    );
    const v = Object.fromEntries(p.spec.volumes.map((x: any) => [x.name, x]));
    expect(v.cache.emptyDir).toEqual({});
    expect(v.scratch.emptyDir).toEqual({ medium: "Memory", sizeLimit: "512Mi" });
    expect(v.host.hostPath).toEqual({ path: "/var/log", type: "" });
    expect(v.config.configMap.defaultMode).toBe(420);
    expect(v.secret.secret).toEqual({ secretName: "test-secret", optional: true, defaultMode: 420 });
    expect(v.podinfo.downwardAPI.defaultMode).toBe(420);
    expect(v.podinfo.downwardAPI.items[0].fieldRef.apiVersion).toBe("v1");
    expect(v["all-in-one"].projected.defaultMode).toBe(420);
    expect(v["all-in-one"].projected.sources[2].serviceAccountToken).toEqual({ path: "vault-token", audience: "vault", expirationSeconds: 3600 });
    expect(v["scratch-claim"].ephemeral.volumeClaimTemplate.spec.volumeMode).toBe("Filesystem");
    // The ServiceAccount admission plugin adds the API token volume next to the pod's own.
    expect(p.spec.volumes.at(-1).name).toMatch(/^kube-api-access-[a-z0-9]{5}$/);
  });

  it("runs init containers and restartable sidecars with container defaults", () => {
    const p = accepted(
      pod("init", {
        initContainers: [
          { name: "install", image: "busybox:1.28", command: ["wget", "-O", "/work-dir/index.html", "http://info.cern.ch"] },
          { name: "logshipper", image: "alpine:latest", restartPolicy: "Always", command: ["sh", "-c", "tail -F /opt/logs.txt"] },
        ],
        containers: [ctr()],
      }),
    );
    expect(p.spec.initContainers[0]).toMatchObject({ imagePullPolicy: "IfNotPresent", terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", resources: {} });
    expect(p.spec.initContainers[1]).toMatchObject({ restartPolicy: "Always", imagePullPolicy: "Always" });
  });

  it("keeps pod and container security contexts and mirrors AppArmor profiles into the deprecated annotations", () => {
    const p = accepted(
      pod("secure", {
        securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000], seccompProfile: { type: "RuntimeDefault" }, appArmorProfile: { type: "RuntimeDefault" } },
        containers: [
          ctr({ securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_ADMIN"], drop: ["ALL"] }, readOnlyRootFilesystem: true } }),
          { name: "sidecar", image: "busybox:1.28", securityContext: { appArmorProfile: { type: "Localhost", localhostProfile: "k8s-apparmor-example-deny-write" } } },
        ],
      }),
    );
    expect(p.spec.securityContext).toEqual({ runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000], seccompProfile: { type: "RuntimeDefault" }, appArmorProfile: { type: "RuntimeDefault" } });
    expect(p.spec.containers[0].securityContext.capabilities).toEqual({ add: ["NET_ADMIN"], drop: ["ALL"] });
    expect(p.metadata.annotations).toMatchObject({
      "container.apparmor.security.beta.kubernetes.io/app": "runtime/default",
      "container.apparmor.security.beta.kubernetes.io/sidecar": "localhost/k8s-apparmor-example-deny-write",
    });
  });

  it("copies a deprecated AppArmor annotation into the container's appArmorProfile field", () => {
    const p = accepted(
      pod("hello-apparmor", { containers: [{ name: "hello", image: "busybox:1.28" }] }, { annotations: { "container.apparmor.security.beta.kubernetes.io/hello": "localhost/k8s-apparmor-example-deny-write" } }),
    );
    expect(p.spec.containers[0].securityContext).toEqual({ appArmorProfile: { type: "Localhost", localhostProfile: "k8s-apparmor-example-deny-write" } });
  });

  it("does not write back zero values of omitempty fields, as decoding into the Go types loses them", () => {
    const p = accepted(
      pod("my-scheduler", {
        hostNetwork: false,
        hostPID: false,
        containers: [
          ctr({
            stdin: false,
            ports: [{ containerPort: 8132, hostPort: 0 }],
            env: [{ name: "EMPTY", value: "" }],
            volumeMounts: [{ name: "config", mountPath: "/etc/config", readOnly: false }],
            livenessProbe: { httpGet: { port: 10251, path: "" }, initialDelaySeconds: 0, timeoutSeconds: 0 },
            securityContext: { privileged: false },
          }),
        ],
        volumes: [{ name: "config", configMap: { name: "my-scheduler-config" } }],
      }),
    );
    expect(p.spec).not.toHaveProperty("hostNetwork");
    expect(p.spec).not.toHaveProperty("hostPID");
    const app = p.spec.containers[0];
    expect(app).not.toHaveProperty("stdin");
    expect(app.ports).toEqual([{ containerPort: 8132, protocol: "TCP" }]);
    expect(app.env).toEqual([{ name: "EMPTY" }]);
    expect(app.volumeMounts[0]).toEqual({ name: "config", mountPath: "/etc/config" });
    expect(app.livenessProbe).toEqual({ httpGet: { port: 10251, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    // privileged is a *bool: false is kept.
    expect(app.securityContext).toEqual({ privileged: false });
  });

  it("schedules with affinity, tolerations, topology spread, node selectors and gates", () => {
    const p = accepted(
      pod(
        "placed",
        {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["antarctica-east1"] }] }] },
              preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: "disktype", operator: "In", values: ["ssd"] }] } }],
            },
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "security", operator: "In", values: ["S2"] }] }, topologyKey: "topology.kubernetes.io/zone" } }],
            },
          },
          tolerations: [{ key: "example-key", operator: "Exists", effect: "NoSchedule" }],
          topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { foo: "bar" } } }],
          nodeSelector: { disktype: "ssd" },
          schedulingGates: [{ name: "example.com/foo" }],
          hostAliases: [{ ip: "127.0.0.1", hostnames: ["foo.local"] }],
          dnsPolicy: "None",
          dnsConfig: { nameservers: ["192.0.2.1"], searches: ["my.dns.search.suffix"], options: [{ name: "ndots", value: "2" }, { name: "edns0" }] },
          containers: [ctr()],
        },
        { labels: { foo: "bar" } },
      ),
    );
    // DefaultTolerationSeconds admission adds the not-ready and unreachable tolerations.
    expect(p.spec.tolerations).toEqual([
      { key: "example-key", operator: "Exists", effect: "NoSchedule" },
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
    expect(p.status.conditions).toEqual([
      { type: "PodScheduled", status: "False", reason: "SchedulingGated", message: "Scheduling is blocked due to non-empty scheduling gates", lastProbeTime: null, lastTransitionTime: "2026-01-01T00:00:00Z" },
    ]);
    expect(p.spec.priority).toBe(0);
    expect(p.spec.enableServiceLinks).toBe(true);
  });
});

describe("workloads", () => {
  it("defaults a Deployment's strategy, history and template", () => {
    const d = accepted({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx-deployment" }, spec: { selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }) } });
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: "Always", dnsPolicy: "ClusterFirst", terminationGracePeriodSeconds: 30, schedulerName: "default-scheduler", securityContext: {} });
    expect(d.spec.template.metadata.creationTimestamp).toBeNull();
    const recreate = accepted({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "mysql" }, spec: { selector: { matchLabels: { app: "mysql" } }, strategy: { type: "Recreate" }, template: template({ app: "mysql" }) } });
    expect(recreate.spec.strategy).toEqual({ type: "Recreate" });
  });

  it("defaults ReplicaSets, ReplicationControllers and DaemonSets", () => {
    const rs = accepted({ apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "frontend" }, spec: { selector: { matchLabels: { tier: "frontend" } }, template: template({ tier: "frontend" }) } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.status).toEqual({ replicas: 0 });
    const rc = accepted({ apiVersion: "v1", kind: "ReplicationController", metadata: { name: "my-nginx" }, spec: { replicas: 5, template: template({ app: "nginx" }) } });
    expect(rc.spec.selector).toEqual({ app: "nginx" });
    expect(rc.metadata.labels).toEqual({ app: "nginx" });
    const ds = accepted({ apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "fluentd", namespace: "kube-system" }, spec: { selector: { matchLabels: { name: "fluentd" } }, template: template({ name: "fluentd" }) } });
    expect(ds.spec.updateStrategy).toEqual({ type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(ds.spec.revisionHistoryLimit).toBe(10);
  });

  it("defaults a StatefulSet and the claims of its volumeClaimTemplates", () => {
    const sts = accepted({
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "web" },
      spec: {
        serviceName: "nginx",
        replicas: 2,
        selector: { matchLabels: { app: "nginx" } },
        template: template({ app: "nginx" }, { containers: [ctr({ volumeMounts: [{ name: "www", mountPath: "/usr/share/nginx/html" }] })] }),
        volumeClaimTemplates: [{ metadata: { name: "www" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    });
    expect(sts.spec).toMatchObject({
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
      revisionHistoryLimit: 10,
    });
    expect(sts.spec.volumeClaimTemplates[0]).toMatchObject({ apiVersion: "v1", kind: "PersistentVolumeClaim", spec: { volumeMode: "Filesystem" }, status: { phase: "Pending" } });
  });

  it("generates a Job's selector and labels and defaults its counts", () => {
    const job = accepted({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "pi" },
      spec: { backoffLimit: 4, template: { spec: { containers: [{ name: "pi", image: "perl", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(1000)"] }], restartPolicy: "Never" } } },
    });
    const uid = job.metadata.uid;
    expect(job.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 4, completionMode: "NonIndexed", suspend: false, podReplacementPolicy: "TerminatingOrFailed" });
    expect(job.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } });
    expect(job.spec.template.metadata.labels).toEqual({ "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi" });
  });

  it("accepts indexed Jobs with per-index backoff, pod failure and success policies", () => {
    const job = accepted({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "indexed" },
      spec: {
        completions: 4,
        parallelism: 2,
        completionMode: "Indexed",
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 2,
        successPolicy: { rules: [{ succeededIndexes: "0,2-3", succeededCount: 1 }] },
        podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { containerName: "main", operator: "In", values: [42] } }, { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] }] },
        template: { spec: { restartPolicy: "Never", containers: [{ name: "main", image: "python:3" }] } },
      },
    });
    expect(job.spec.podFailurePolicy.rules[1].onPodConditions).toEqual([{ type: "DisruptionTarget", status: "True" }]);
    // With backoffLimitPerIndex the overall backoffLimit defaults to the maximum int32.
    expect(job.spec.backoffLimit).toBe(2147483647);
  });

  it("defaults a CronJob's policies and history limits", () => {
    const cj = accepted({
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "hello" },
      spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [{ name: "hello", image: "busybox:1.28", command: ["date"] }], restartPolicy: "OnFailure" } } } } },
    });
    expect(cj.spec).toMatchObject({ concurrencyPolicy: "Allow", suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
  });
});

describe("services", () => {
  it("allocates a cluster IP and defaults a ClusterIP service with a named target port", () => {
    const s = accepted({ apiVersion: "v1", kind: "Service", metadata: { name: "hello" }, spec: { selector: { app: "hello" }, ports: [{ port: 80, targetPort: "http" }] } });
    expect(s.spec).toMatchObject({ type: "ClusterIP", sessionAffinity: "None", internalTrafficPolicy: "Cluster", ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv4"] });
    expect(s.spec.ports).toEqual([{ port: 80, targetPort: "http", protocol: "TCP" }]);
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.status).toEqual({ loadBalancer: {} });
  });

  it("gives NodePort and LoadBalancer services node ports and traffic policies", () => {
    const np = accepted({ apiVersion: "v1", kind: "Service", metadata: { name: "np" }, spec: { type: "NodePort", selector: { run: "my-nginx" }, ports: [{ port: 8080, targetPort: 80, name: "http" }, { port: 443, name: "https" }] } });
    expect(np.spec.externalTrafficPolicy).toBe("Cluster");
    for (const p of np.spec.ports) expect(p.nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports[1].targetPort).toBe(443);
    const lb = accepted({ apiVersion: "v1", kind: "Service", metadata: { name: "lb" }, spec: { type: "LoadBalancer", selector: { app: "nginx" }, ports: [{ port: 80 }] } });
    expect(lb.spec).toMatchObject({ allocateLoadBalancerNodePorts: true, externalTrafficPolicy: "Cluster" });
  });

  it("keeps headless and ExternalName services without a cluster IP", () => {
    const headless = accepted({ apiVersion: "v1", kind: "Service", metadata: { name: "nginx" }, spec: { clusterIP: "None", selector: { app: "nginx" }, ports: [{ port: 80, name: "web" }] } });
    expect(headless.spec.clusterIPs).toEqual(["None"]);
    const ext = accepted({ apiVersion: "v1", kind: "Service", metadata: { name: "db" }, spec: { type: "ExternalName", externalName: "my.database.example.com" } });
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(ext.spec.sessionAffinity).toBe("None");
  });

  it("refuses IPv6 families on the single-stack IPv4 cluster", () => {
    expect(refused({ apiVersion: "v1", kind: "Service", metadata: { name: "v6" }, spec: { ipFamilies: ["IPv6"], selector: { app: "x" }, ports: [{ port: 80 }] } }, 422)).toBe(
      'Service "v6" is invalid: spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster',
    );
  });
});

describe("ingress and network policy", () => {
  it("accepts service, resource and default backends with TLS and wildcard hosts", () => {
    const ing = accepted({
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: "fanout" },
      spec: {
        ingressClassName: "nginx-example",
        tls: [{ hosts: ["https-example.foo.com"], secretName: "testsecret-tls" }],
        defaultBackend: { resource: { apiGroup: "k8s.example.com", kind: "StorageBucket", name: "static-assets" } },
        rules: [
          { host: "*.foo.com", http: { paths: [{ path: "/foo", pathType: "Prefix", backend: { service: { name: "service1", port: { number: 4200 } } } }] } },
          { http: { paths: [{ path: "/icons", pathType: "ImplementationSpecific", backend: { service: { name: "service2", port: { name: "http" } } } }] } },
        ],
      },
    });
    expect(ing.status).toEqual({ loadBalancer: {} });
    expect(ing.metadata.generation).toBe(1);
  });

  it("defaults an IngressClass's parameters scope", () => {
    const ic = accepted({
      apiVersion: "networking.k8s.io/v1",
      kind: "IngressClass",
      metadata: { name: "external-lb", annotations: { "ingressclass.kubernetes.io/is-default-class": "true" } },
      spec: { controller: "example.com/ingress-controller", parameters: { apiGroup: "k8s.example.com", kind: "IngressParameters", name: "external-lb" } },
    });
    expect(ic.spec.parameters.scope).toBe("Cluster");
  });

  it("defaults policy types and port protocols of network policies", () => {
    const ingressOnly = accepted({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "access-nginx" },
      spec: { podSelector: { matchLabels: { app: "nginx" } }, ingress: [{ from: [{ podSelector: { matchLabels: { access: "true" } } }] }] },
    });
    expect(ingressOnly.spec.policyTypes).toEqual(["Ingress"]);
    const egress = accepted({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "multi-port-egress" },
      spec: { podSelector: {}, policyTypes: ["Egress"], egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/24", except: ["10.0.0.0/28"] } }], ports: [{ port: 32000, endPort: 32768 }] }] },
    });
    expect(egress.spec.egress[0].ports).toEqual([{ port: 32000, endPort: 32768, protocol: "TCP" }]);
    const denyAll = accepted({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "default-deny-all" }, spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] } });
    expect(denyAll.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });
});

describe("RBAC", () => {
  it("accepts roles, aggregated cluster roles and bindings to users, groups and service accounts", () => {
    accepted({ apiVersion: "v1", kind: "Namespace", metadata: { name: "development" } });
    accepted({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "watch", "list"] }] });
    accepted({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "custom:aggregate-to-edit:endpoints", labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } },
      rules: [{ apiGroups: [""], resources: ["endpoints"], verbs: ["create", "delete", "deletecollection", "patch", "update"] }, { apiGroups: ["certificates.k8s.io"], resources: ["signers"], resourceNames: ["example.com/*"], verbs: ["approve"] }],
    });
    const rb = accepted({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "read-secrets", namespace: "development" },
      subjects: [{ kind: "User", name: "dave", apiGroup: "rbac.authorization.k8s.io" }, { kind: "ServiceAccount", name: "installer", namespace: "development" }],
      roleRef: { kind: "ClusterRole", name: "secret-reader", apiGroup: "rbac.authorization.k8s.io" },
    });
    expect(rb.metadata.namespace).toBe("development");
    // A namespace on a cluster-scoped object is cleared, as kubectl apply of the DRA tutorial shows.
    const crb = accepted({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRoleBinding",
      metadata: { name: "read-secrets-global", namespace: "dra-tutorial" },
      subjects: [{ kind: "Group", name: "manager", apiGroup: "rbac.authorization.k8s.io" }],
      roleRef: { kind: "ClusterRole", name: "secret-reader", apiGroup: "rbac.authorization.k8s.io" },
    });
    expect(crb.metadata.namespace).toBeUndefined();
  });
});

describe("storage", () => {
  it("defaults PersistentVolumes, claims and StorageClasses", () => {
    const pv = accepted({ apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "task-pv-volume", labels: { type: "local" } }, spec: { storageClassName: "manual", capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], hostPath: { path: "/mnt/data" } } });
    expect(pv.spec).toMatchObject({ persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem", hostPath: { path: "/mnt/data", type: "" } });
    expect(pv.status).toMatchObject({ phase: "Pending" });
    const pvc = accepted({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "task-pv-claim" }, spec: { storageClassName: "manual", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "3Gi" } } } });
    expect(pvc.spec.volumeMode).toBe("Filesystem");
    expect(pvc.status).toEqual({ phase: "Pending" });
    const sc = accepted({
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "ebs-sc" },
      provisioner: "ebs.csi.aws.com",
      volumeBindingMode: "WaitForFirstConsumer",
      parameters: { "csi.storage.k8s.io/fstype": "xfs", type: "io1" },
      allowedTopologies: [{ matchLabelExpressions: [{ key: "topology.ebs.csi.aws.com/zone", values: ["us-east-2c"] }] }],
    });
    expect(sc.reclaimPolicy).toBe("Delete");
    const local = accepted({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "local-storage" }, provisioner: "kubernetes.io/no-provisioner" });
    expect(local.volumeBindingMode).toBe("Immediate");
  });

  it("gives a claim without a class the cluster's default StorageClass", () => {
    const defaultClass = c.get("/apis/storage.k8s.io/v1/storageclasses").items.find((s: any) => s.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true");
    const pvc = accepted({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "wp-pv-claim" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "20Gi" } } } });
    expect(pvc.spec.storageClassName).toBe(defaultClass.metadata.name);
  });
});

describe("autoscaling, disruption budgets, priority", () => {
  it("defaults a HorizontalPodAutoscaler v2 and reports no metrics yet", () => {
    const hpa = accepted({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "php-apache" },
      spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "php-apache" }, maxReplicas: 10, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] },
    });
    expect(hpa.spec.minReplicas).toBe(1);
    expect(hpa.spec.behavior).toBeUndefined();
    expect(hpa.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
    const v1 = accepted({ apiVersion: "autoscaling/v1", kind: "HorizontalPodAutoscaler", metadata: { name: "frontend-scaler" }, spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "ReplicaSet", name: "frontend" }, minReplicas: 3, maxReplicas: 10, targetCPUUtilizationPercentage: 50 } });
    expect(v1.status).toEqual({ currentReplicas: 0, desiredReplicas: 0 });
  });

  it("accepts PodDisruptionBudgets by minAvailable or maxUnavailable", () => {
    const pdb = accepted({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "zk-pdb" }, spec: { minAvailable: 2, selector: { matchLabels: { app: "zookeeper" } } } });
    expect(pdb.status).toEqual({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    accepted({ apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "zk-pdb-2" }, spec: { maxUnavailable: "50%", selector: { matchLabels: { app: "zookeeper" } } } });
  });

  it("resolves a pod's PriorityClass and refuses one that does not exist", () => {
    const pc = accepted({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "high" }, value: 1000000, description: "for important pods" });
    expect(pc).toMatchObject({ value: 1000000, preemptionPolicy: "PreemptLowerPriority" });
    // globalDefault is an omitempty bool: an explicit false is not written back.
    expect(accepted({ apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: { name: "placeholder" }, value: -1000, globalDefault: false })).not.toHaveProperty("globalDefault");
    const p = accepted(pod("high-priority", { priorityClassName: "high", containers: [ctr()] }));
    expect(p.spec).toMatchObject({ priority: 1000000, preemptionPolicy: "PreemptLowerPriority" });
    expect(refused(pod("placeholder", { priorityClassName: "low", containers: [ctr()] }), 403)).toBe('pods "placeholder" is forbidden: no PriorityClass with name low was found');
  });
});

describe("limit ranges and quotas", () => {
  it("defaults a container LimitRange from its max and applies it to new pods", () => {
    accepted({ apiVersion: "v1", kind: "Namespace", metadata: { name: "constraints-cpu-example" } });
    const lr = accepted({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "cpu-min-max-demo-lr" }, spec: { limits: [{ max: { cpu: "800m" }, min: { cpu: "200m" }, type: "Container" }] } }, "constraints-cpu-example");
    expect(lr.spec.limits[0]).toEqual({ max: { cpu: "800m" }, min: { cpu: "200m" }, type: "Container", default: { cpu: "800m" }, defaultRequest: { cpu: "800m" } });
    const p = accepted(pod("constraints-cpu-demo-4", { containers: [ctr()] }), "constraints-cpu-example");
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: "800m" }, requests: { cpu: "800m" } });
    const tooBig = c.request("POST", "/api/v1/namespaces/constraints-cpu-example/pods" + APPLY, pod("constraints-cpu-demo-2", { containers: [ctr({ resources: { limits: { cpu: "1.5" }, requests: { cpu: "500m" } } })] }));
    expect(tooBig.status).toBe(403);
    expect(tooBig.body.message).toBe('pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m');
  });

  it("holds claims to the storage min and max of a PersistentVolumeClaim LimitRange", () => {
    accepted({ apiVersion: "v1", kind: "LimitRange", metadata: { name: "storagelimits" }, spec: { limits: [{ type: "PersistentVolumeClaim", max: { storage: "2Gi" }, min: { storage: "1Gi" } }] } });
    const claim = (name: string, storage: string) => ({ apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage } } } });
    expect(refused(claim("pvc-limit-lower", "500Mi"), 403)).toBe('persistentvolumeclaims "pvc-limit-lower" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    expect(refused(claim("pvc-limit-greater", "5Gi"), 403)).toBe('persistentvolumeclaims "pvc-limit-greater" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi');
    accepted(claim("pvc-fits", "1536Mi"));
    expect(c.request("GET", "/api/v1/namespaces/default/persistentvolumeclaims/pvc-limit-greater").status).toBe(404);
  });

  it("accepts quotas with hard limits and PriorityClass scopes but not the 1.33 VolumeAttributesClass scope", () => {
    const q = accepted({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "mem-cpu-demo" }, spec: { hard: { "requests.cpu": "1", "requests.memory": "1Gi", "limits.cpu": "2", "limits.memory": "2Gi" } } });
    expect(q.status).toEqual({});
    accepted({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "pods-high" }, spec: { hard: { cpu: "1000", memory: "200Gi", pods: "10" }, scopeSelector: { matchExpressions: [{ operator: "In", scopeName: "PriorityClass", values: ["high"] }] } } });
    expect(
      refused({ apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "pvcs-gold" }, spec: { hard: { "requests.storage": "10Gi" }, scopeSelector: { matchExpressions: [{ operator: "In", scopeName: "VolumeAttributesClass", values: ["gold"] }] } } }, 422),
    ).toBe('ResourceQuota "pvcs-gold" is invalid: spec.scopeSelector.matchExpressions.scopeName: Invalid value: "VolumeAttributesClass": unsupported scope');
  });
});

describe("configuration objects", () => {
  it("merges stringData into data and accepts the typed secrets the documentation creates", () => {
    const basic = accepted({ apiVersion: "v1", kind: "Secret", metadata: { name: "secret-basic-auth" }, type: "kubernetes.io/basic-auth", stringData: { username: "admin", password: "t0p-Secret" } });
    expect(basic.data).toEqual({ username: "YWRtaW4=", password: "dDBwLVNlY3JldA==" });
    expect(basic.stringData).toBeUndefined();
    accepted({ apiVersion: "v1", kind: "Secret", metadata: { name: "secret-ssh-auth" }, type: "kubernetes.io/ssh-auth", data: { "ssh-privatekey": "UG91cmluZzYlRW1vdGljb24lU2N1YmE=" } });
    accepted({ apiVersion: "v1", kind: "Secret", metadata: { name: "secret-sa-sample", annotations: { "kubernetes.io/service-account.name": "sa-name" } }, type: "kubernetes.io/service-account-token", data: { extra: "YmFyCg==" } });
    const cm = accepted({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "company-name-20150801" }, data: { company_name: "ACME, Inc." }, immutable: true });
    expect(cm.immutable).toBe(true);
  });

  it("decodes Secret data as Go's base64 does: line breaks skipped, output re-padded, bad input refused", () => {
    const s = accepted({ apiVersion: "v1", kind: "Secret", metadata: { name: "wrapped" }, data: { key: "dmFs\ndWUt\nMg==" } });
    expect(s.data.key).toBe("dmFsdWUtMg==");
    expect(refused({ apiVersion: "v1", kind: "Secret", metadata: { name: "secret-tls" }, type: "kubernetes.io/tls", data: { "tls.crt": "REPLACE_WITH_BASE64_CERT", "tls.key": "REPLACE_WITH_BASE64_KEY" } }, 400)).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7',
    );
    expect(refused({ apiVersion: "v1", kind: "Secret", metadata: { name: "short" }, data: { key: "YmFyCg" } }, 400)).toBe('Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
  });
});

describe("custom resources", () => {
  it("establishes a CRD with selectable fields and printer columns, then serves its resources", () => {
    const crd = accepted({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "shirts.stable.example.com" },
      spec: {
        group: "stable.example.com",
        scope: "Namespaced",
        names: { plural: "shirts", singular: "shirt", kind: "Shirt" },
        versions: [
          {
            name: "v1",
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: "object", properties: { spec: { type: "object", properties: { color: { type: "string" }, size: { type: "string" } } } } } },
            selectableFields: [{ jsonPath: ".spec.color" }, { jsonPath: ".spec.size" }],
            additionalPrinterColumns: [{ jsonPath: ".spec.color", name: "Color", type: "string" }],
          },
        ],
      },
    });
    expect(crd.spec.conversion).toEqual({ strategy: "None" });
    expect(crd.spec.names.listKind).toBe("ShirtList");
    const shirt = accepted({ apiVersion: "stable.example.com/v1", kind: "Shirt", metadata: { name: "example1" }, spec: { color: "blue", size: "S" } });
    expect(shirt.metadata.generation).toBe(1);
    expect(c.get("/apis/stable.example.com/v1/namespaces/default/shirts?fieldSelector=spec.color%3Dblue").items.map((s: any) => s.metadata.name)).toEqual(["example1"]);
  });

  it("refuses a webhook conversion written for v1beta1: a caBundle that is not base64, then the misplaced field", () => {
    const crd = (caBundle?: string) => ({
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "selfierequests.stable.example.com" },
      spec: {
        group: "stable.example.com",
        scope: "Namespaced",
        names: { plural: "selfierequests", kind: "SelfieRequest" },
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }],
        conversion: { strategy: "Webhook", webhook: { clientConfig: { url: "https://127.0.0.1:9443/crdconvert", ...(caBundle ? { caBundle } : {}) } }, conversionReviewVersions: ["v1"] },
      },
    });
    const prefix = 'CustomResourceDefinition in version "v1" cannot be handled as a CustomResourceDefinition: ';
    expect(refused(crd("<CABundle info>"), 400)).toBe(prefix + "illegal base64 data at input byte 0");
    expect(refused(crd(), 400)).toBe(prefix + 'strict decoding error: unknown field "spec.conversion.conversionReviewVersions"');
  });
});

describe("what a default 1.32 server refuses or drops", () => {
  it("refuses fields newer releases added", () => {
    const prefix = 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: ';
    expect(refused(pod("emptydir-mode", { containers: [ctr()], volumes: [{ name: "tmp", emptyDir: { mode: 1023 } }] }), 400)).toBe(prefix + 'unknown field "spec.volumes[0].emptyDir.mode"');
    expect(refused(pod("envfile", { containers: [ctr({ env: [{ name: "DB", valueFrom: { fileKeyRef: { path: "config.env", volumeName: "config", key: "DB" } } }] })] }), 400)).toBe(
      prefix + 'unknown field "spec.containers[0].env[0].valueFrom.fileKeyRef"',
    );
    expect(refused({ apiVersion: "v1", kind: "Service", metadata: { name: "old" }, spec: { ipFamily: "IPv6", ports: [{ port: 80 }] } }, 400)).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ipFamily"',
    );
  });

  it("names the Go type when a list is given where an object belongs", () => {
    const bad = pod("with-node-affinity", { containers: [ctr()], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ weight: 5 }] } } });
    expect(refused(bad, 400)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
    );
  });

  it("refuses comparison toleration operators, ephemeral containers on create and Jobs that restart Always", () => {
    expect(refused(pod("numeric", { containers: [ctr()], tolerations: [{ key: "level", operator: "Gt", value: "900", effect: "NoSchedule" }] }), 422)).toBe(
      'Pod "numeric" is invalid: spec.tolerations[0].operator: Unsupported value: "Gt": supported values: "Equal", "Exists"',
    );
    expect(refused(pod("ephemeral", { containers: [ctr()], ephemeralContainers: [{ name: "debug", image: "debian" }] }), 422)).toBe('Pod "ephemeral" is invalid: spec.ephemeralContainers: Forbidden: cannot be set on create');
    expect(refused({ apiVersion: "batch/v1", kind: "Job", metadata: { name: "job-success" }, spec: { template: { spec: { containers: [{ name: "main", image: "python" }] } } } }, 422)).toBe(
      'Job.batch "job-success" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  it("does not serve the removed batch/v1beta1 and networking.k8s.io/v1beta1 versions", () => {
    expect(c.cluster.kinds.byApiVersionKind("batch/v1beta1", "CronJob")).toBeUndefined();
    expect(c.cluster.kinds.byApiVersionKind("networking.k8s.io/v1beta1", "Ingress")).toBeUndefined();
    expect(c.request("POST", "/apis/batch/v1beta1/namespaces/default/cronjobs", { apiVersion: "batch/v1beta1", kind: "CronJob", metadata: { name: "hello" } }).status).toBe(404);
  });

  it("drops the fields of features that are off by default in 1.32 from pods", () => {
    const p = accepted(
      pod("alpha", {
        resources: { limits: { cpu: "1", memory: "200Mi" } },
        hostUsers: false,
        securityContext: { supplementalGroupsPolicy: "Strict", runAsUser: 1000 },
        resourceClaims: [{ name: "gpu", resourceClaimName: "some-gpu" }],
        containers: [
          ctr({
            resizePolicy: [{ resourceName: "cpu", restartPolicy: "NotRequired" }],
            resources: { claims: [{ name: "gpu" }] },
            volumeMounts: [{ name: "image", mountPath: "/volume" }, { name: "roots", mountPath: "/root-certificates" }],
          }),
        ],
        volumes: [
          { name: "image", image: { reference: "quay.io/crio/artifact:v2", pullPolicy: "IfNotPresent" } },
          { name: "roots", projected: { sources: [{ clusterTrustBundle: { name: "example", path: "example-roots.pem" } }, { configMap: { name: "cfg" } }] } },
        ],
      }),
    );
    expect(p.spec.resources).toBeUndefined();
    expect(p.spec.hostUsers).toBeUndefined();
    expect(p.spec.securityContext).toEqual({ runAsUser: 1000 });
    expect(p.spec.resourceClaims).toBeUndefined();
    expect(p.spec.containers[0].resizePolicy).toBeUndefined();
    expect(p.spec.containers[0].resources).toEqual({});
    // The image volume goes with its mounts; the ClusterTrustBundle source is emptied, not removed.
    expect(p.spec.volumes.map((v: any) => v.name)).toEqual(["roots", expect.stringMatching(/^kube-api-access-/)]);
    expect(p.spec.containers[0].volumeMounts.map((m: any) => m.name)).toEqual(["roots", expect.stringMatching(/^kube-api-access-/)]);
    expect(p.spec.volumes[0].projected.sources).toEqual([{}, { configMap: { name: "cfg" } }]);
  });

  it("drops them from workload pod templates too", () => {
    const job = accepted({
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: { name: "example-dra-job" },
      spec: {
        template: {
          spec: {
            restartPolicy: "Never",
            resourceClaims: [{ name: "shared-gpu-claim", resourceClaimName: "example-resource-claim" }],
            containers: [{ name: "container0", image: "ubuntu:24.04", resources: { claims: [{ name: "shared-gpu-claim" }] } }],
          },
        },
      },
    });
    expect(job.spec.template.spec.resourceClaims).toBeUndefined();
    expect(job.spec.template.spec.containers[0].resources).toEqual({});
    const d = accepted({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "resized" },
      spec: { selector: { matchLabels: { app: "r" } }, template: template({ app: "r" }, { containers: [ctr({ resizePolicy: [{ resourceName: "memory", restartPolicy: "RestartContainer" }] })] }) },
    });
    expect(d.spec.template.spec.containers[0].resizePolicy).toBeUndefined();
  });
});
