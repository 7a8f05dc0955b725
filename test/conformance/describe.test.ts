// `kubectl describe` (kubectl 1.32: describers change layout between versions). kubectl formats
// describe output itself, so these pin what the objects the sandbox serves look like through it:
// server defaults, admission (service account volume, tolerations, priority), the node's status.
// Controllers run: beforeAll waits for the rollout, the pods and the endpoints to converge, and the
// tests pin the converged layout (conditions, ReplicaSets, Events, Endpoints) with names, IPs, dates
// and ages masked.
import { beforeAll, expect, it } from "vitest";
import { hasKubectl, PRIMARY } from "./sandbox";
import { describe, eventually, lines, maskContainerIDs, maskDates, maskNames, maskPodIPs, primaryOnly, records, sandboxFor, splitEvents, type Env } from "./output";

const RICH_POD = `apiVersion: v1
kind: Pod
metadata:
  name: rich
  labels: {app: rich}
  annotations: {note: hello}
spec:
  containers:
  - name: app
    image: nginx:1.27
    command: ["nginx"]
    args: ["-g", "daemon off;"]
    ports: [{containerPort: 80, name: http}]
    env: [{name: MODE, value: prod}, {name: KEY, valueFrom: {configMapKeyRef: {name: cfg, key: a}}}]
    resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
    readinessProbe: {httpGet: {path: /, port: 80}}
    livenessProbe: {tcpSocket: {port: 80}, initialDelaySeconds: 5}
    volumeMounts: [{name: conf, mountPath: /etc/conf}]
  volumes:
  - name: conf
    configMap: {name: cfg}
  nodeSelector: {disk: ssd}
`;

/** Dates, ages and generated names vary per run. */
const mask = (s: string) =>
  maskNames(maskDates(s))
    .replace(/^(  kube-system .*  )\d+(s|m\d*s?|h\d*m?|d\d*h?)$/gm, "$1<age>")
    .replace(/\b10\.(9[6-9]|10\d|11[01])\.\d+\.\d+\b/g, "<service-ip>")
    .replace(/\b(web)-[4-9bcdf]{6,10}\b/g, "$1-<hash>");
const maskAll = (s: string) => mask(maskPodIPs(maskContainerIDs(s)));

const SERVICE_ACCOUNT_VOLUME = [
  "  kube-api-access-<rand>:",
  "    Type:                    Projected (a volume that contains injected data from multiple sources)",
  "    TokenExpirationSeconds:  3607",
  "    ConfigMapName:           kube-root-ca.crt",
  "    ConfigMapOptional:       <nil>",
  "    DownwardAPI:             true",
];

describe.skipIf(!hasKubectl())("describe", () => {
  describe.each(primaryOnly().length ? primaryOnly() : [PRIMARY])("kubectl %s", (version) => {
    let env: Env;
    beforeAll(async () => {
      env = await sandboxFor(version);
      const k = env.k;
      await Promise.all([
        k.ok(["create", "deployment", "web", "--image=nginx", "--replicas=3"]),
        k.ok(["run", "nginx", "--image=nginx"]),
        k.ok(["create", "-f", "-"], { stdin: RICH_POD }),
        k.ok(["create", "service", "clusterip", "web", "--tcp=80:8080"]),
        k.ok(["create", "service", "nodeport", "np", "--tcp=80:8080", "--node-port=30080"]),
        k.ok(["create", "configmap", "cfg", "--from-literal=a=1", "--from-literal=greeting=hello world"]),
        k.ok(["create", "secret", "generic", "pw", "--from-literal=password=s3cret", "--from-literal=user=admin"]),
        k.ok(["create", "namespace", "team-a"]),
      ]);
      await Promise.all([
        k.ok(["rollout", "status", "deployment/web", "--timeout=60s"]),
        k.ok(["wait", "--for=condition=Ready", "pod/nginx", "--timeout=60s"]),
        // node01 and node02 lack disk=ssd and the control plane is tainted: rich stays unschedulable.
        k.ok(["wait", "--for=condition=PodScheduled=false", "pod/rich", "--timeout=60s"]),
      ]);
    }, 90_000);

    it("deployment", async () => {
      const { head, events } = splitEvents(mask(await env.k.ok(["describe", "deployment", "web"])));
      expect(head).toBe(
        lines(
          "Name:                   web",
          "Namespace:              default",
          "CreationTimestamp:      <date>",
          "Labels:                 app=web",
          "Annotations:            deployment.kubernetes.io/revision: 1",
          "Selector:               app=web",
          "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
          "StrategyType:           RollingUpdate",
          "MinReadySeconds:        0",
          "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
          "Pod Template:",
          "  Labels:  app=web",
          "  Containers:",
          "   nginx:",
          "    Image:         nginx",
          "    Port:          <none>",
          "    Host Port:     <none>",
          "    Environment:   <none>",
          "    Mounts:        <none>",
          "  Volumes:         <none>",
          "  Node-Selectors:  <none>",
          "  Tolerations:     <none>",
          "Conditions:",
          "  Type           Status  Reason",
          "  ----           ------  ------",
          "  Available      True    MinimumReplicasAvailable",
          "  Progressing    True    NewReplicaSetAvailable",
          "OldReplicaSets:  <none>",
          "NewReplicaSet:   web-<hash> (3/3 replicas created)",
        ),
      );
      expect(events).toEqual([["Normal", "ScalingReplicaSet", "<age>", "deployment-controller", "Scaled up replica set web-<hash> from 0 to 3"]]);
    });

    it("pod (kubectl run): scheduled, pulled and running; admission added the service account volume, tolerations and priority", async () => {
      const { head, events } = splitEvents(maskAll(await env.k.ok(["describe", "pod", "nginx"])));
      const node = head.match(/^Node: +(node0[12])\/172\.30\.[23]\.2\n/m)?.[1];
      expect(["node01", "node02"]).toContain(node);
      expect(head).toBe(
        lines(
          "Name:             nginx",
          "Namespace:        default",
          "Priority:         0",
          "Service Account:  default",
          `Node:             ${node}/172.30.${node === "node01" ? 2 : 3}.2`,
          "Start Time:       <date>",
          "Labels:           run=nginx",
          "Annotations:      <none>",
          "Status:           Running",
          "IP:               <pod-ip>",
          "IPs:",
          "  IP:  <pod-ip>",
          "Containers:",
          "  nginx:",
          "    Container ID:   containerd://<id>",
          "    Image:          nginx",
          "    Image ID:       docker.io/library/nginx@sha256:<digest>",
          "    Port:           <none>",
          "    Host Port:      <none>",
          "    State:          Running",
          "      Started:      <date>",
          "    Ready:          True",
          "    Restart Count:  0",
          "    Environment:    <none>",
          "    Mounts:",
          "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-<rand> (ro)",
          "Conditions:",
          "  Type                        Status",
          "  PodReadyToStartContainers   True ",
          "  Initialized                 True ",
          "  Ready                       True ",
          "  ContainersReady             True ",
          "  PodScheduled                True ",
          "Volumes:",
          ...SERVICE_ACCOUNT_VOLUME,
          "QoS Class:                   BestEffort",
          "Node-Selectors:              <none>",
          "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
          "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        ),
      );
      expect(events).not.toBe("<none>");
      const rows = events as string[][];
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ["Normal", "Scheduled", "<age>", "default-scheduler"],
        ["Normal", "Pulling", "<age>", "kubelet"],
        ["Normal", "Pulled", "<age>", "kubelet"],
        ["Normal", "Created", "<age>", "kubelet"],
        ["Normal", "Started", "<age>", "kubelet"],
      ]);
      expect(rows[0][4]).toBe(`Successfully assigned default/nginx to ${node}`);
      expect(rows[1][4]).toBe('Pulling image "nginx"');
      expect(rows[2][4]).toMatch(/^Successfully pulled image "nginx" in (\d+(\.\d+)?)(ms|s) \(\1\3 including waiting\)\. Image size: \d+ bytes\.$/);
      expect(rows.slice(3).map((r) => r[4])).toEqual(["Created container nginx", "Started container nginx"]);
    });

    it("pod with ports, probes, env, resources and volumes (unschedulable: no node has disk=ssd)", async () => {
      const { head, events } = splitEvents(mask(await env.k.ok(["describe", "pod", "rich"])));
      expect(head).toBe(
        lines(
          "Name:             rich",
          "Namespace:        default",
          "Priority:         0",
          "Service Account:  default",
          "Node:             <none>",
          "Labels:           app=rich",
          "Annotations:      note: hello",
          "Status:           Pending",
          "IP:               ",
          "IPs:              <none>",
          "Containers:",
          "  app:",
          "    Image:      nginx:1.27",
          "    Port:       80/TCP",
          "    Host Port:  0/TCP",
          "    Command:",
          "      nginx",
          "    Args:",
          "      -g",
          "      daemon off;",
          "    Limits:",
          "      memory:  128Mi",
          "    Requests:",
          "      cpu:      100m",
          "      memory:   64Mi",
          "    Liveness:   tcp-socket :80 delay=5s timeout=1s period=10s #success=1 #failure=3",
          "    Readiness:  http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3",
          "    Environment:",
          "      MODE:  prod",
          "      KEY:   <set to the key 'a' of config map 'cfg'>  Optional: false",
          "    Mounts:",
          "      /etc/conf from conf (rw)",
          "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-<rand> (ro)",
          "Conditions:",
          "  Type           Status",
          "  PodScheduled   False ",
          "Volumes:",
          "  conf:",
          "    Type:      ConfigMap (a volume populated by a ConfigMap)",
          "    Name:      cfg",
          "    Optional:  false",
          ...SERVICE_ACCOUNT_VOLUME,
          "QoS Class:                   Burstable",
          "Node-Selectors:              disk=ssd",
          "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
          "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        ),
      );
      expect(events).toEqual([
        [
          "Warning",
          "FailedScheduling",
          "<age>",
          "default-scheduler",
          "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
        ],
      ]);
    });

    it("a running control-plane pod: node, IPs, container state and conditions", async () => {
      const out = mask(await env.k.ok(["describe", "pod", "-n", "kube-system", "kube-scheduler-controlplane"]));
      const head = out.split("\n").slice(0, 9).join("\n");
      expect(head).toBe(
        [
          "Name:                 kube-scheduler-controlplane",
          "Namespace:            kube-system",
          "Priority:             2000001000",
          "Priority Class Name:  system-node-critical",
          "Node:                 controlplane/172.30.1.2",
          "Start Time:           <date>",
          "Labels:               component=kube-scheduler",
          "                      tier=control-plane",
          "Annotations:          kubernetes.io/config.hash: " + out.match(/config\.hash: (\S+)/)![1],
        ].join("\n"),
      );
      expect(out).toContain("\nStatus:               Running\n");
      expect(out).toContain("\nControlled By:  Node/controlplane\n");
      expect(out).toMatch(/\n    State:          Running\n      Started:      <date>\n    Ready:          True\n    Restart Count:  0\n/);
      expect(out).toContain(
        [
          "Conditions:",
          "  Type                        Status",
          "  PodReadyToStartContainers   True ",
          "  Initialized                 True ",
          "  Ready                       True ",
          "  ContainersReady             True ",
          "  PodScheduled                True ",
        ].join("\n"),
      );
      expect(out).toMatch(/\nQoS Class:         Burstable\nNode-Selectors:    <none>\nTolerations:       :NoExecute op=Exists\nEvents:            <none>\n$/);
    });

    it("service (ClusterIP and NodePort): Endpoints list the ready pods' addresses from the EndpointSlices", async () => {
      const web = await eventually(async () => {
        const out = maskAll(await env.k.ok(["describe", "service", "web"]));
        expect(out).toMatch(/^Endpoints: +(<pod-ip>:8080,){2}<pod-ip>:8080$/m);
        return out;
      });
      expect(web).toBe(
        lines(
          "Name:                     web",
          "Namespace:                default",
          "Labels:                   app=web",
          "Annotations:              <none>",
          "Selector:                 app=web",
          "Type:                     ClusterIP",
          "IP Family Policy:         SingleStack",
          "IP Families:              IPv4",
          "IP:                       <service-ip>",
          "IPs:                      <service-ip>",
          "Port:                     80-8080  80/TCP",
          "TargetPort:               8080/TCP",
          // The Deployment's three pods (kubectl lists at most three addresses, then "+ N more...").
          "Endpoints:                <pod-ip>:8080,<pod-ip>:8080,<pod-ip>:8080",
          "Session Affinity:         None",
          "Internal Traffic Policy:  Cluster",
          "Events:                   <none>",
        ),
      );
      // No pod has app=np: the EndpointSlice controller keeps an empty slice, which kubectl prints as
      // an empty cell ("<none>" is only for a Service without any slice).
      const np = await eventually(async () => {
        const out = mask(await env.k.ok(["describe", "service", "np"]));
        expect(out).toMatch(/^Endpoints: +\n/m);
        return out;
      });
      expect(np).toBe(
        lines(
          "Name:                     np",
          "Namespace:                default",
          "Labels:                   app=np",
          "Annotations:              <none>",
          "Selector:                 app=np",
          "Type:                     NodePort",
          "IP Family Policy:         SingleStack",
          "IP Families:              IPv4",
          "IP:                       <service-ip>",
          "IPs:                      <service-ip>",
          "Port:                     80-8080  80/TCP",
          "TargetPort:               8080/TCP",
          "NodePort:                 80-8080  30080/TCP",
          "Endpoints:                ",
          "Session Affinity:         None",
          "External Traffic Policy:  Cluster",
          "Internal Traffic Policy:  Cluster",
          "Events:                   <none>",
        ),
      );
    });

    /** The "Non-terminated Pods" table of `describe node` as records (names masked), checked against its count. */
    const podsIn = (raw: string) => {
      const m = raw.match(/^Non-terminated Pods:\s+\((\d+) in total\)\n((?:  .*\n)*)Allocated resources:/m);
      expect(m, raw).not.toBeNull();
      const table = m![2].split("\n").filter((l) => l !== "" && !/^\s+-+\s/.test(l)).map((l) => l.slice(2)).join("\n") + "\n";
      const rows = records(table, ["Age"]);
      expect(rows).toHaveLength(Number(m![1]));
      return rows;
    };

    it("node: conditions, addresses, capacity, system info and the pods it runs", async () => {
      const raw = await env.k.ok(["describe", "node", "node01"]);
      // Which node each of the Deployment's pods landed on is the scheduler's choice: the table is
      // checked below, across both workers.
      const out = mask(raw).replace(/^Non-terminated Pods:.*\n(?:  .*\n)*(?=Allocated resources:)/m, "Non-terminated Pods:          <table>\n");
      const ids = (key: string) => out.match(new RegExp(`${key}:\\s+(\\S+)`))![1];
      expect(out).toBe(
        lines(
          "Name:               node01",
          "Roles:              <none>",
          "Labels:             beta.kubernetes.io/arch=amd64",
          "                    beta.kubernetes.io/os=linux",
          "                    kubernetes.io/arch=amd64",
          "                    kubernetes.io/hostname=node01",
          "                    kubernetes.io/os=linux",
          "Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock",
          "                    node.alpha.kubernetes.io/ttl: 0",
          "                    volumes.kubernetes.io/controller-managed-attach-detach: true",
          "CreationTimestamp:  <date>",
          "Taints:             <none>",
          "Unschedulable:      false",
          "Lease:",
          "  HolderIdentity:  node01",
          "  AcquireTime:     <unset>",
          "  RenewTime:       <date>",
          "Conditions:",
          "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
          "  ----             ------  -----------------                 ------------------                ------                       -------",
          "  MemoryPressure   False   <date>   <date>   KubeletHasSufficientMemory   kubelet has sufficient memory available",
          "  DiskPressure     False   <date>   <date>   KubeletHasNoDiskPressure     kubelet has no disk pressure",
          "  PIDPressure      False   <date>   <date>   KubeletHasSufficientPID      kubelet has sufficient PID available",
          "  Ready            True    <date>   <date>   KubeletReady                 kubelet is posting ready status",
          "Addresses:",
          "  InternalIP:  172.30.2.2",
          "  Hostname:    node01",
          "Capacity:",
          "  cpu:                2",
          "  ephemeral-storage:  20134592Ki",
          "  hugepages-1Gi:      0",
          "  hugepages-2Mi:      0",
          "  memory:             4015276Ki",
          "  pods:               110",
          "Allocatable:",
          "  cpu:                2",
          "  ephemeral-storage:  18556039957",
          "  hugepages-1Gi:      0",
          "  hugepages-2Mi:      0",
          "  memory:             3912876Ki",
          "  pods:               110",
          "System Info:",
          `  Machine ID:                 ${ids("Machine ID")}`,
          `  System UUID:                ${ids("System UUID")}`,
          `  Boot ID:                    ${ids("Boot ID")}`,
          "  Kernel Version:             5.15.0-131-generic",
          "  OS Image:                   Ubuntu 22.04.5 LTS",
          "  Operating System:           linux",
          "  Architecture:               amd64",
          "  Container Runtime Version:  containerd://1.7.24",
          "  Kubelet Version:            v1.32.2",
          "  Kube-Proxy Version:         ",
          "PodCIDR:                      10.244.1.0/24",
          "PodCIDRs:                     10.244.1.0/24",
          "Non-terminated Pods:          <table>",
          // No scheduled pod requests anything (rich, the one with requests, is unschedulable).
          "Allocated resources:",
          "  (Total limits may be over 100 percent, i.e., overcommitted.)",
          "  Resource           Requests  Limits",
          "  --------           --------  ------",
          "  cpu                0 (0%)    0 (0%)",
          "  memory             0 (0%)    0 (0%)",
          "  ephemeral-storage  0 (0%)    0 (0%)",
          "  hugepages-1Gi      0 (0%)    0 (0%)",
          "  hugepages-2Mi      0 (0%)    0 (0%)",
          "Events:              <none>",
        ),
      );
      expect(ids("Machine ID")).toMatch(/^[0-9a-f]{32}$/);
      expect(ids("System UUID")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

      const node01 = podsIn(raw);
      const node02 = podsIn(await env.k.ok(["describe", "node", "node02"]));
      for (const pods of [node01, node02]) {
        expect(Object.keys(pods[0])).toEqual(["Namespace", "Name", "CPU Requests", "CPU Limits", "Memory Requests", "Memory Limits", "Age"]);
        expect(pods.filter((p) => p.Namespace === "kube-system").map((p) => p.Name)).toEqual(["kube-proxy-<rand>"]);
        for (const p of pods) expect(p).toMatchObject({ "CPU Requests": "0 (0%)", "CPU Limits": "0 (0%)", "Memory Requests": "0 (0%)", "Memory Limits": "0 (0%)", Age: "<age>" });
      }
      // The workers run the Deployment's three pods and nginx between them.
      const defaults = [...node01, ...node02].filter((p) => p.Namespace === "default").map((p) => p.Name);
      expect(defaults.sort()).toEqual(["nginx", "web-<hash>-<rand>", "web-<hash>-<rand>", "web-<hash>-<rand>"]);
    });

    it("namespace", async () => {
      expect(await env.k.ok(["describe", "namespace", "team-a"])).toBe(
        lines("Name:         team-a", "Labels:       kubernetes.io/metadata.name=team-a", "Annotations:  <none>", "Status:       Active", "", "No resource quota.", "", "No LimitRange resource."),
      );
      await env.k.ok(["create", "quota", "q", "-n", "team-a", "--hard=pods=10"]);
      // The resource quota controller fills status.hard and status.used within a second.
      await env.k.ok(["wait", "--for=jsonpath={.status.used.pods}=0", "quota/q", "-n", "team-a", "--timeout=30s"]);
      expect(await env.k.ok(["describe", "namespace", "team-a"])).toBe(
        lines(
          "Name:         team-a",
          "Labels:       kubernetes.io/metadata.name=team-a",
          "Annotations:  <none>",
          "Status:       Active",
          "",
          "Resource Quotas",
          "  Name:     q",
          "  Resource  Used  Hard",
          "  --------  ---   ---",
          "  pods      0     10",
          "",
          "No LimitRange resource.",
        ),
      );
    });

    it("configmap and secret (values of Secrets are not shown, only their sizes)", async () => {
      // kubectl ranges over the data map, so Go prints the keys in random order.
      const cm = (first: string[], second: string[]) =>
        lines("Name:         cfg", "Namespace:    default", "Labels:       <none>", "Annotations:  <none>", "", "Data", "====", ...first, "", ...second, "", "", "BinaryData", "====", "", "Events:  <none>");
      const a = ["a:", "----", "1"];
      const greeting = ["greeting:", "----", "hello world"];
      expect([cm(a, greeting), cm(greeting, a)]).toContain(await env.k.ok(["describe", "configmap", "cfg"]));
      const secret = (...data: string[]) => lines("Name:         pw", "Namespace:    default", "Labels:       <none>", "Annotations:  <none>", "", "Type:  Opaque", "", "Data", "====", ...data);
      expect([secret("password:  6 bytes", "user:      5 bytes"), secret("user:      5 bytes", "password:  6 bytes")]).toContain(await env.k.ok(["describe", "secret", "pw"]));
    });
  });
});
