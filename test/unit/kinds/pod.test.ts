import { describe, expect, test } from "vitest";
import { pod, podSpecDiff, POD_UPDATE_FORBIDDEN_MESSAGE, type Pod } from "../../../src/engine/kinds/core/pod";
import type { AdmissionContext, KubeObject } from "../../../src/engine/kinds/types";
import { fieldErrorString, aggregateMessage } from "../../../src/engine/machinery/field-errors";
import { ApiError } from "../../../src/engine/machinery/status";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const T = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, "Z");

function ctx(store: Record<string, KubeObject[]> = {}): AdmissionContext {
  let n = 0;
  return {
    nowMs: NOW,
    rng: { next: () => ((n++ * 7) % 27) / 27, int: (k: number) => n++ % k },
    list: (resource) => store[resource] ?? [],
    get: (resource, ns, name) => (store[resource] ?? []).find((o) => o.metadata.name === name && (o.metadata.namespace ?? "") === ns),
  };
}

function newPod(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Pod {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "default", ...meta }, spec: spec as Pod["spec"] };
}

/** Defaults + admission + create validation, as the API server runs them. */
function create(p: Pod, c = ctx()): { pod: Pod; errors: string[] } {
  pod.applyDefaults!(p, { nowMs: NOW });
  pod.prepareForCreate!(p, c);
  return { pod: p, errors: pod.validate!(p, { nowMs: NOW }).map(fieldErrorString) };
}

describe("Pod defaults", () => {
  const cases: Array<[string, string, unknown]> = [
    ["nginx", "Always", undefined],
    ["nginx:latest", "Always", undefined],
    ["nginx:1.25", "IfNotPresent", undefined],
    ["registry.example.com:5000/team/app", "Always", undefined],
    ["registry.example.com:5000/team/app:v2", "IfNotPresent", undefined],
    ["nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent", undefined],
    ["Nginx", "IfNotPresent", undefined],
  ];
  test.each(cases)("defaults imagePullPolicy for %s to %s", (image, policy) => {
    const p = newPod({ containers: [{ name: "c", image }] });
    pod.applyDefaults!(p, { nowMs: NOW });
    expect(p.spec!.containers![0].imagePullPolicy).toBe(policy);
  });

  test("fills the spec and container defaults a real server shows", () => {
    const p = newPod({ containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }] });
    pod.applyDefaults!(p, { nowMs: NOW });
    expect(p.spec).toEqual({
      containers: [
        {
          name: "web",
          image: "nginx",
          imagePullPolicy: "Always",
          ports: [{ containerPort: 80, protocol: "TCP" }],
          resources: {},
          terminationMessagePath: "/dev/termination-log",
          terminationMessagePolicy: "File",
        },
      ],
      dnsPolicy: "ClusterFirst",
      enableServiceLinks: true,
      restartPolicy: "Always",
      schedulerName: "default-scheduler",
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  test("defaults probes, volumes and env sources", () => {
    const p = newPod({
      containers: [
        {
          name: "c",
          image: "busybox:1.36",
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { grpc: { port: 9000 } },
          env: [
            { name: "NODE", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } },
            { name: "MEM", valueFrom: { resourceFieldRef: { resource: "limits.memory" } } },
          ],
        },
      ],
      volumes: [
        { name: "a" },
        { name: "b", configMap: { name: "cm" } },
        { name: "c", secret: { secretName: "s" } },
        { name: "d", hostPath: { path: "/data" } },
        { name: "e", projected: { sources: [{ serviceAccountToken: { path: "t" } }] } },
      ],
    });
    pod.applyDefaults!(p, { nowMs: NOW });
    const c = p.spec!.containers![0];
    expect(c.livenessProbe).toEqual({ httpGet: { port: 8080, path: "/", scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe!.grpc).toEqual({ port: 9000, service: "" });
    expect(c.env![0].valueFrom.fieldRef.apiVersion).toBe("v1");
    expect(c.env![1].valueFrom.resourceFieldRef.divisor).toBe("0");
    expect(p.spec!.volumes).toEqual([
      { name: "a", emptyDir: {} },
      { name: "b", configMap: { name: "cm", defaultMode: 420 } },
      { name: "c", secret: { secretName: "s", defaultMode: 420 } },
      { name: "d", hostPath: { path: "/data", type: "" } },
      { name: "e", projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: "t", expirationSeconds: 3600 } }] } },
    ]);
  });

  test("copies limits into missing requests and canonicalizes quantities", () => {
    const p = newPod({ containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: 0.5, memory: "128Mi" }, requests: { cpu: "100m" } } }] });
    pod.applyDefaults!(p, { nowMs: NOW });
    expect(p.spec!.containers![0].resources).toEqual({ limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: "100m", memory: "128Mi" } });
  });

  test("keeps serviceAccount and serviceAccountName in step", () => {
    const p = newPod({ serviceAccount: "builder", containers: [{ name: "c", image: "nginx" }] });
    pod.applyDefaults!(p, { nowMs: NOW });
    expect(p.spec!.serviceAccountName).toBe("builder");
    expect(p.spec!.serviceAccount).toBe("builder");
  });

  test("defaults hostPort to containerPort under hostNetwork", () => {
    const p = newPod({ hostNetwork: true, containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 8080 }] }] });
    pod.applyDefaults!(p, { nowMs: NOW });
    expect(p.spec!.containers![0].ports![0].hostPort).toBe(8080);
  });
});

describe("Pod admission and prepareForCreate", () => {
  test("adds the service account token volume, tolerations, priority and Pending status", () => {
    const { pod: p, errors } = create(newPod({ containers: [{ name: "web", image: "nginx" }] }));
    expect(errors).toEqual([]);
    const spec = p.spec!;
    expect(spec.serviceAccountName).toBe("default");
    expect(spec.serviceAccount).toBe("default");
    expect(spec.volumes![0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(spec.volumes![0].projected.sources[0]).toEqual({ serviceAccountToken: { expirationSeconds: 3607, path: "token" } });
    expect(spec.containers![0].volumeMounts).toEqual([{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: spec.volumes![0].name, readOnly: true }]);
    expect(spec.tolerations).toEqual([
      { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
      { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
    ]);
    expect(spec.priority).toBe(0);
    expect(spec.preemptionPolicy).toBe("PreemptLowerPriority");
    expect(p.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  test("does not mount the token when automountServiceAccountToken is false", () => {
    const { pod: p } = create(newPod({ automountServiceAccountToken: false, containers: [{ name: "web", image: "nginx" }] }));
    expect(p.spec!.volumes).toBeUndefined();
    expect(p.spec!.containers![0].volumeMounts).toBeUndefined();
  });

  test("rejects an unknown service account", () => {
    expect(() => create(newPod({ serviceAccountName: "ghost", containers: [{ name: "web", image: "nginx" }] }))).toThrowError(
      'pods "web" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
    );
  });

  test("rejects an unknown priority class", () => {
    let err: unknown;
    try {
      create(newPod({ priorityClassName: "urgent", containers: [{ name: "web", image: "nginx" }] }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('pods "web" is forbidden: no PriorityClass with name urgent was found');
  });

  test("resolves system priority classes", () => {
    const { pod: p } = create(newPod({ priorityClassName: "system-node-critical", containers: [{ name: "web", image: "nginx" }] }));
    expect(p.spec!.priority).toBe(2000001000);
  });

  const qos: Array<[string, Record<string, unknown> | undefined, string]> = [
    ["BestEffort", undefined, "BestEffort"],
    ["Guaranteed from limits only", { limits: { cpu: "1", memory: "1Gi" } }, "Guaranteed"],
    ["Burstable with requests below limits", { limits: { cpu: "1", memory: "1Gi" }, requests: { cpu: "500m", memory: "1Gi" } }, "Burstable"],
    ["Burstable with requests only", { requests: { memory: "64Mi" } }, "Burstable"],
  ];
  test.each(qos)("computes qosClass %s", (_n, resources, cls) => {
    const { pod: p } = create(newPod({ containers: [{ name: "web", image: "nginx", resources }] }));
    expect(p.status!.qosClass).toBe(cls);
  });

  test("applies LimitRange defaults and records them", () => {
    const lr = {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "limits", namespace: "default" },
      spec: { limits: [{ type: "Container", default: { cpu: "500m", memory: "256Mi" }, defaultRequest: { cpu: "250m", memory: "128Mi" } }] },
    };
    const c = ctx({ limitranges: [lr] });
    const { pod: p } = create(newPod({ containers: [{ name: "web", image: "nginx", resources: { requests: { memory: "64Mi" } } }] }), c);
    expect(p.spec!.containers![0].resources).toEqual({ requests: { memory: "64Mi", cpu: "250m" }, limits: { cpu: "500m", memory: "256Mi" } });
    expect(p.metadata.annotations).toEqual({ "kubernetes.io/limit-ranger": "LimitRanger plugin set: cpu request for container web; cpu, memory limit for container web" });
    expect(p.status!.qosClass).toBe("Burstable");
  });

  test("enforces LimitRange maximums", () => {
    const lr = { apiVersion: "v1", kind: "LimitRange", metadata: { name: "limits", namespace: "default" }, spec: { limits: [{ type: "Container", max: { cpu: "1" } }] } };
    expect(() => create(newPod({ containers: [{ name: "web", image: "nginx", resources: { limits: { cpu: "2" } } }] }), ctx({ limitranges: [lr] }))).toThrowError(
      'pods "web" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    );
  });

  test("marks pods with scheduling gates SchedulingGated", () => {
    const { pod: p } = create(newPod({ schedulingGates: [{ name: "example.com/gate" }], containers: [{ name: "web", image: "nginx" }] }));
    expect(p.status!.conditions![0]).toMatchObject({ type: "PodScheduled", status: "False", reason: "SchedulingGated" });
  });
});

describe("Pod validation", () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ["requires containers", {}, ["spec.containers: Required value"]],
    ["requires an image", { containers: [{ name: "web" }] }, ["spec.containers[0].image: Required value"]],
    [
      "checks container names are DNS labels",
      { containers: [{ name: "Web_1", image: "nginx" }] },
      [
        `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      "rejects duplicate container names",
      { containers: [{ name: "a", image: "nginx" }, { name: "a", image: "nginx" }] },
      ['spec.containers[1].name: Duplicate value: "a"'],
    ],
    [
      "checks port ranges",
      { containers: [{ name: "a", image: "nginx", ports: [{ containerPort: 70000 }] }] },
      ["spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    ],
    [
      "checks the restart policy",
      { restartPolicy: "Sometimes", containers: [{ name: "a", image: "nginx" }] },
      ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    ],
    [
      "requires requests <= limits",
      { containers: [{ name: "a", image: "nginx", resources: { limits: { cpu: "500m" }, requests: { cpu: "1" } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      "checks resource names",
      { containers: [{ name: "a", image: "nginx", resources: { limits: { cpus: "1" } } }] },
      [
        'spec.containers[0].resources.limits[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[cpus]: Invalid value: "cpus": must be a standard resource type or fully qualified',
      ],
    ],
    [
      "finds volume mounts of unknown volumes",
      { containers: [{ name: "a", image: "nginx", volumeMounts: [{ name: "x", mountPath: "/x" }] }] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "x"'],
    ],
    [
      "checks volume names",
      { volumes: [{ name: "Data", emptyDir: {} }], containers: [{ name: "a", image: "nginx" }] },
      [
        `spec.volumes[0].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    ],
    [
      "requires a probe handler",
      { containers: [{ name: "a", image: "nginx", livenessProbe: { periodSeconds: 5 } }] },
      ["spec.containers[0].livenessProbe: Required value: must specify a handler type"],
    ],
    [
      "requires successThreshold 1 for liveness probes",
      { containers: [{ name: "a", image: "nginx", livenessProbe: { exec: { command: ["true"] }, successThreshold: 2 } }] },
      ["spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1"],
    ],
    [
      "checks env var names and sources",
      { containers: [{ name: "a", image: "nginx", env: [{ name: "A=B" }, { name: "X", valueFrom: {} }] }] },
      [
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
        'spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    ],
    [
      "checks downward API field paths",
      { containers: [{ name: "a", image: "nginx", env: [{ name: "P", valueFrom: { fieldRef: { fieldPath: "status.phase" } } }] }] },
      [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      "checks toleration operators",
      { tolerations: [{ key: "k", operator: "Has" }], containers: [{ name: "a", image: "nginx" }] },
      ['spec.tolerations[0].operator: Unsupported value: "Has": supported values: "Equal", "Exists"'],
    ],
    [
      "rejects ephemeral containers on create",
      { containers: [{ name: "a", image: "nginx" }], ephemeralContainers: [{ name: "dbg", image: "busybox" }] },
      ["spec.ephemeralContainers: Forbidden: cannot be set on create"],
    ],
    [
      "rejects hostPort conflicts",
      {
        containers: [
          { name: "a", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080 }] },
          { name: "b", image: "nginx", ports: [{ containerPort: 81, hostPort: 8080 }] },
        ],
      },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    [
      "checks node affinity terms",
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } } }, containers: [{ name: "a", image: "nginx" }] },
      ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term"],
    ],
  ];
  test.each(cases)("%s", (_name, spec, expected) => {
    const { errors } = create(newPod(spec));
    expect(errors).toEqual(expected);
  });
});

describe("Pod update validation", () => {
  const base = () => create(newPod({ containers: [{ name: "web", image: "nginx" }] })).pod;

  test("allows changing the image", () => {
    const old = base();
    const next = structuredClone(old);
    next.spec!.containers![0].image = "nginx:1.27";
    pod.applyDefaults!(next, { nowMs: NOW });
    pod.prepareForUpdate!(next, old, ctx());
    expect(pod.validate!(next, { nowMs: NOW, old })).toEqual([]);
  });

  test("forbids other spec changes with the 1.32 message and a cmp diff", () => {
    const old = base();
    const next = structuredClone(old);
    next.spec!.containers![0].ports = [{ containerPort: 8080 }];
    pod.applyDefaults!(next, { nowMs: NOW });
    pod.prepareForUpdate!(next, old, ctx());
    const errs = pod.validate!(next, { nowMs: NOW, old });
    expect(errs).toHaveLength(1);
    const msg = aggregateMessage(errs);
    expect(msg.startsWith(`spec: Forbidden: ${POD_UPDATE_FORBIDDEN_MESSAGE}\n  core.PodSpec{\n`)).toBe(true);
    expect(msg).toContain('- \t\t\tPorts:      nil,\n+ \t\t\tPorts:      []core.ContainerPort{{ContainerPort: 8080, Protocol: "TCP"}},');
    expect(msg).toContain("  \t\t\t... // 16 identical fields\n");
    expect(msg).toContain("  \t... // 29 identical fields\n");
  });

  test("forbids adding containers", () => {
    const old = base();
    const next = structuredClone(old);
    next.spec!.containers!.push({ name: "sidecar", image: "busybox" });
    pod.applyDefaults!(next, { nowMs: NOW });
    expect(pod.validate!(next, { nowMs: NOW, old }).map(fieldErrorString)).toEqual(["spec.containers: Forbidden: pod updates may not add or remove containers"]);
  });

  test("forbids modifying existing tolerations", () => {
    const old = base();
    const next = structuredClone(old);
    next.spec!.tolerations![0].operator = "Equal";
    next.spec!.tolerations![0].value = "x";
    pod.applyDefaults!(next, { nowMs: NOW });
    pod.prepareForUpdate!(next, old, ctx());
    expect(pod.validate!(next, { nowMs: NOW, old }).map(fieldErrorString)[0]).toBe(
      "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds",
    );
  });
});

describe("podSpecDiff", () => {
  test("renders a cmp-style diff with context and elision", () => {
    const a = { containers: [{ name: "c", image: "nginx", resources: {} }], restartPolicy: "Always" };
    const b = { containers: [{ name: "c", image: "nginx", resources: { limits: { cpu: "1" } } }], restartPolicy: "Always" };
    expect(podSpecDiff(a, b)).toBe(
      [
        "  core.PodSpec{",
        "  \tVolumes:        nil,",
        "  \tInitContainers: nil,",
        "  \tContainers: []core.Container{",
        "  \t\t{",
        "  \t\t\t... // 6 identical fields",
        "  \t\t\tEnvFrom: nil,",
        "  \t\t\tEnv:     nil,",
        "  \t\t\tResources: core.ResourceRequirements{",
        "- \t\t\t\tLimits:   nil,",
        '+ \t\t\t\tLimits:   core.ResourceList{s"cpu": {i: resource.int64Amount{value: 1}, s: "1", Format: "DecimalSI"}},',
        "  \t\t\t\tRequests: nil,",
        "  \t\t\t\tClaims:   nil,",
        "  \t\t\t},",
        "  \t\t\tResizePolicy:  nil,",
        "  \t\t\tRestartPolicy: nil,",
        "  \t\t\t... // 13 identical fields",
        "  \t\t},",
        "  \t},",
        "  \tEphemeralContainers: nil,",
        '  \tRestartPolicy:       "Always",',
        "  \t... // 29 identical fields",
        "  }",
        "",
      ].join("\n"),
    );
  });
});

describe("Pod printer", () => {
  const running = (extra: Partial<Pod> = {}): Pod => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "web", namespace: "default", creationTimestamp: T(3_600_000) },
    spec: { containers: [{ name: "web", image: "nginx" }], nodeName: "node01" },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: "True" }],
      podIPs: [{ ip: "10.244.1.5" }],
      containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: { running: { startedAt: T(3_500_000) } } }],
    },
    ...extra,
  });

  test("prints a running pod with wide columns", () => {
    expect(pod.printRow(running(), { nowMs: NOW })).toEqual(["web", "1/1", "Running", "0", "60m", "10.244.1.5", "node01", "<none>", "<none>"]);
  });

  const statusCases: Array<[string, Partial<Pod>, string, string, string]> = [
    ["Pending without status", { status: { phase: "Pending" } }, "0/1", "Pending", "0"],
    [
      "ContainerCreating",
      { status: { phase: "Pending", containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } } }] } },
      "0/1",
      "ContainerCreating",
      "0",
    ],
    [
      "CrashLoopBackOff with the last restart",
      {
        status: {
          phase: "Running",
          containerStatuses: [
            {
              name: "web",
              ready: false,
              restartCount: 5,
              state: { waiting: { reason: "CrashLoopBackOff" } },
              lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: T(300_000) } },
            },
          ],
        },
      },
      "0/1",
      "CrashLoopBackOff",
      "5 (5m ago)",
    ],
    [
      "Completed",
      { status: { phase: "Succeeded", containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } }] } },
      "0/1",
      "Completed",
      "0",
    ],
    [
      "terminated by a signal without a reason",
      { status: { phase: "Failed", containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }] } },
      "0/1",
      "Signal:9",
      "0",
    ],
    ["Terminating", { metadata: { name: "web", creationTimestamp: T(3_600_000), deletionTimestamp: T(1000) } }, "1/1", "Terminating", "0"],
    [
      "Unknown for NodeLost pods being deleted",
      { metadata: { name: "web", creationTimestamp: T(3_600_000), deletionTimestamp: T(1000) }, status: { phase: "Running", reason: "NodeLost" } },
      "0/1",
      "Unknown",
      "0",
    ],
  ];
  test.each(statusCases)("prints %s", (_n, extra, ready, status, restarts) => {
    const row = pod.printRow(running(extra), { nowMs: NOW });
    expect(row.slice(1, 4)).toEqual([ready, status, restarts]);
  });

  test("prints init container progress", () => {
    const p = running({
      spec: { initContainers: [{ name: "init-a", image: "busybox" }, { name: "init-b", image: "busybox" }], containers: [{ name: "web", image: "nginx" }] },
      status: {
        phase: "Pending",
        initContainerStatuses: [
          { name: "init-a", ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
          { name: "init-b", ready: false, restartCount: 0, state: { running: { startedAt: T(10_000) } } },
        ],
        containerStatuses: [{ name: "web", ready: false, restartCount: 0, state: { waiting: { reason: "PodInitializing" } } }],
      },
    });
    expect(pod.printRow(p, { nowMs: NOW }).slice(1, 4)).toEqual(["0/1", "Init:1/2", "0"]);
  });

  test("prints init container failures", () => {
    const p = running({
      spec: { initContainers: [{ name: "init", image: "busybox" }], containers: [{ name: "web", image: "nginx" }] },
      status: {
        phase: "Pending",
        initContainerStatuses: [{ name: "init", ready: false, restartCount: 3, state: { waiting: { reason: "CrashLoopBackOff" } } }],
      },
    });
    expect(pod.printRow(p, { nowMs: NOW }).slice(1, 4)).toEqual(["0/1", "Init:CrashLoopBackOff", "3"]);
  });

  test("counts sidecar containers", () => {
    const p = running({
      spec: { initContainers: [{ name: "proxy", image: "envoy", restartPolicy: "Always" }], containers: [{ name: "web", image: "nginx" }] },
      status: {
        phase: "Running",
        conditions: [{ type: "Initialized", status: "True" }],
        initContainerStatuses: [{ name: "proxy", ready: true, started: true, restartCount: 1, state: { running: {} } }],
        containerStatuses: [{ name: "web", ready: true, restartCount: 0, state: { running: {} } }],
      },
    });
    expect(pod.printRow(p, { nowMs: NOW }).slice(1, 4)).toEqual(["2/2", "Running", "1"]);
  });

  test("counts readiness gates", () => {
    const p = running();
    p.spec!.readinessGates = [{ conditionType: "example.com/ready" }];
    p.status!.conditions!.push({ type: "example.com/ready", status: "False" });
    expect(pod.printRow(p, { nowMs: NOW })[8]).toBe("0/1");
  });
});

describe("Pod field selectors", () => {
  test("exposes the fields the real server selects on", () => {
    const p = newPod({ nodeName: "n1", restartPolicy: "Always", schedulerName: "default-scheduler", serviceAccountName: "default" });
    p.status = { phase: "Running", podIPs: [{ ip: "10.0.0.1" }] };
    const f = pod.fieldSelectors!;
    expect(Object.fromEntries(Object.entries(f).map(([k, fn]) => [k, fn(p)]))).toEqual({
      "spec.nodeName": "n1",
      "spec.host": "n1",
      "spec.restartPolicy": "Always",
      "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default",
      "spec.hostNetwork": "false",
      "status.phase": "Running",
      "status.podIP": "10.0.0.1",
      "status.podIPs": "",
      "status.nominatedNodeName": "",
    });
  });
});
