// kubectl exec against the simulated containers (src/engine/kubelet/exec) through the API server's
// JSON pods/exec path. kubectl's own messages (usage, TTY note, "command terminated with exit code",
// the Internal error wrapping containerd's exec failure) follow kubectl 1.32's exec.go and
// remotecommand; real kubectl cannot stream exec from this sandbox's HTTP API, so these are pinned to
// the sources rather than to a live run.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function setup() {
  const t = kubectlTester();
  const c = (path: string, body: object) => {
    const r = t.client.request("POST", path, body);
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
  };
  c("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { "app.conf": "port=8080\n", mode: "dev" } });
  c("/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "sec" }, data: { password: btoa("s3cret") } });
  const deploy = (name: string, image: string, port: number, replicas: number) =>
    c("/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name },
      spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports: [{ containerPort: port }] }] } } },
    });
  const service = (name: string, app: string, targetPort: number) => c("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name }, spec: { selector: { app }, ports: [{ port: 80, targetPort }] } });
  deploy("web", "nginx:1.27", 80, 1);
  deploy("echo", "registry.k8s.io/echoserver:1.10", 8080, 3);
  service("web", "web", 80);
  service("echo", "echo", 8080);
  service("empty", "nothing", 80);
  c("/api/v1/namespaces/default/pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "box", labels: { a: "b" } },
    spec: {
      containers: [
        {
          name: "box",
          image: "busybox",
          command: ["sleep", "3600"],
          env: [{ name: "GREETING", value: "hi" }, { name: "MODE", valueFrom: { configMapKeyRef: { name: "cfg", key: "mode" } } }],
          volumeMounts: [{ name: "cfg", mountPath: "/etc/config" }, { name: "sec", mountPath: "/etc/secret" }, { name: "info", mountPath: "/etc/podinfo" }],
        },
      ],
      volumes: [{ name: "cfg", configMap: { name: "cfg" } }, { name: "sec", secret: { secretName: "sec" } }, { name: "info", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } }],
    },
  });
  for (let i = 0; i < 40; i++) t.client.tick(1000);
  return t;
}

describe("kubectl exec", () => {
  const t = setup();

  it("prints the process environment: spec env, ConfigMap refs, service links, HOSTNAME, PATH", async () => {
    const r = await t.kubectl("exec box -- env");
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual(["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOSTNAME=box", "GREETING=hi", "MODE=dev"]);
    expect(lines).toContain("KUBERNETES_SERVICE_HOST=10.96.0.1");
    expect(lines.some((l) => /^WEB_SERVICE_HOST=10\.\d+\.\d+\.\d+$/.test(l))).toBe(true);
    expect(lines).toContain("WEB_PORT_80_TCP_PROTO=tcp");
    expect(lines[lines.length - 2]).toBe("HOME=/root");
  });

  it("reads mounted ConfigMap, Secret and downward API files, and lists mount directories", async () => {
    expect(await t.kubectl("exec box -- cat /etc/config/app.conf")).toEqual({ stdout: "port=8080\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("exec box -- cat /etc/secret/password")).stdout).toBe("s3cret");
    expect((await t.kubectl("exec box -- cat /etc/podinfo/labels")).stdout).toBe('a="b"');
    expect((await t.kubectl("exec box -- ls /etc/config")).stdout).toBe("app.conf\nmode\n");
    expect((await t.kubectl("exec box -- ls -a /etc/config")).stdout).toMatch(/^\.\n\.\.\n\.\.2026_01_01_\d\d_\d\d_\d\d\.\d{9}\n\.\.data\napp\.conf\nmode\n$/);
    expect((await t.kubectl("exec box -- ls /var/run/secrets/kubernetes.io/serviceaccount")).stdout).toBe("ca.crt\nnamespace\ntoken\n");
    expect((await t.kubectl("exec box -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace")).stdout).toBe("default");
    expect(await t.kubectl("exec box -- cat /nope")).toEqual({ stdout: "", stderr: "cat: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1 });
  });

  it("answers DNS like busybox nslookup against CoreDNS", async () => {
    const r = await t.kubectl("exec box -- nslookup web");
    expect(r.stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tweb\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/);
    const miss = await t.kubectl("exec box -- nslookup nope");
    expect(miss.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope.default.svc.cluster.local: NXDOMAIN\n\n");
    expect(miss.exitCode).toBe(1);
  });

  it("serves HTTP from one backend of a Service, spreading requests over the endpoints", async () => {
    const page = await t.kubectl("exec box -- wget -qO- web");
    expect(page.stdout).toContain("<title>Welcome to nginx!</title>");
    expect(new TextEncoder().encode(page.stdout).length).toBe(615);
    const hosts = new Set<string>();
    for (let i = 0; i < 12; i++) {
      t.client.tick(1000);
      const r = await t.kubectl("exec box -- wget -qO- echo");
      hosts.add(/Hostname: (\S+)/.exec(r.stdout)![1]);
    }
    expect(hosts.size).toBeGreaterThan(1);
    for (const h of hosts) expect(h).toMatch(/^echo-[a-z0-9]+-[a-z0-9]{5}$/);
    expect((await t.kubectl("exec deploy/web -- curl -s web/missing")).stdout).toContain("<title>404 Not Found</title>");
  });

  it("reaches a NodePort Service on any node's address; other ports there refuse", async () => {
    t.client.request("POST", "/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web-np" }, spec: { type: "NodePort", selector: { app: "web" }, ports: [{ port: 80, targetPort: 80, nodePort: 30080 }] } });
    t.client.tick(1000);
    const nodes = t.client.get("/api/v1/nodes").items as { status: { addresses: { type: string; address: string }[] } }[];
    for (const n of nodes) {
      const ip = n.status.addresses.find((a) => a.type === "InternalIP")!.address;
      expect((await t.kubectl(`exec box -- wget -qO- http://${ip}:30080`)).stdout, ip).toContain("<title>Welcome to nginx!</title>");
    }
    const ip = nodes[0].status.addresses.find((a) => a.type === "InternalIP")!.address;
    expect((await t.kubectl(`exec box -- wget -qO- http://${ip}:30081`)).stderr).toBe(`wget: can't connect to remote host (${ip}): Connection refused\ncommand terminated with exit code 1\n`);
  });

  it("refuses connections to a Service without endpoints and reports unknown names", async () => {
    expect(await t.kubectl("exec box -- wget -qO- empty")).toEqual({ stdout: "", stderr: expect.stringMatching(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\ncommand terminated with exit code 1\n$/), exitCode: 1 });
    expect((await t.kubectl("exec box -- wget -qO- nope")).stderr).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n");
    expect(await t.kubectl("exec deploy/web -- curl -s nope")).toEqual({ stdout: "", stderr: "command terminated with exit code 6\n", exitCode: 6 });
  });

  it("fails like containerd for executables the image does not have, and like the shell inside sh -c", async () => {
    const r = await t.kubectl("exec deploy/web -- wget -qO- web");
    expect(r.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "wget": executable file not found in \$PATH: unknown\n$/);
    expect(r.exitCode).toBe(1);
    expect(await t.kubectl("exec box -- sh -c foo")).toEqual({ stdout: "", stderr: "sh: foo: not found\ncommand terminated with exit code 127\n", exitCode: 127 });
    expect(await t.kubectl(["exec", "box", "--", "sh", "-c", "echo $HOSTNAME && cat /etc/config/mode; exit 3"])).toEqual({ stdout: "box\ndev", stderr: "command terminated with exit code 3\n", exitCode: 3 });
  });

  it("checks arguments and the container like kubectl and the API server", async () => {
    expect(await t.kubectl("exec box date")).toEqual({ stdout: "", stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", exitCode: 1 });
    expect((await t.kubectl("exec box")).stderr).toBe("error: you must specify at least one command for the container\n");
    expect((await t.kubectl("exec -- date")).stderr).toBe("error: pod, type/name or --filename must be specified\n");
    expect((await t.kubectl("exec box -c nope -- ls")).stderr).toBe("error: unable to upgrade connection: container nope is not valid for pod box\n");
    expect((await t.kubectl("exec nope -- ls")).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await t.kubectl("exec -i box -- cat", { stdin: "from stdin\n" })).toEqual({ stdout: "from stdin\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl(["exec", "-i", "box", "--", "sh", "-c", "grep -c b"], { stdin: "a\nb\nbb\n" })).stdout).toBe("2\n");
    const it = await t.kubectl("exec box -it -- hostname");
    expect(it).toEqual({ stdout: "box\n", stderr: "Unable to use a TTY - input is not a terminal or the right kind of file\n", exitCode: 0 });
  });

  it("refuses streaming upgrades on the HTTP API with a 400 that says why", () => {
    const pod = t.client.get("/api/v1/namespaces/default/pods/box");
    const r = t.client.request("POST", `/api/v1/namespaces/default/pods/${pod.metadata.name}/exec?command=ls&container=box`, undefined, { upgrade: "SPDY/3.1", connection: "Upgrade" });
    expect(r.status).toBe(400);
    expect(r.body.message).toContain("cannot stream exec sessions");
  });
});

describe("kubectl exec container choice", () => {
  it("defaults to the first container with kubectl's note, or the annotated one silently", async () => {
    const t = kubectlTester();
    const pod = (name: string, annotations?: Record<string, string>) =>
      t.client.request("POST", "/api/v1/namespaces/default/pods", {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name, annotations },
        spec: { containers: [{ name: "main", image: "busybox", command: ["sleep", "3600"] }, { name: "side", image: "busybox", command: ["sleep", "3600"] }] },
      });
    pod("two");
    pod("picked", { "kubectl.kubernetes.io/default-container": "side" });
    for (let i = 0; i < 20; i++) t.client.tick(1000);
    expect(await t.kubectl("exec two -- hostname")).toEqual({ stdout: "two\n", stderr: 'Defaulted container "main" out of: main, side\n', exitCode: 0 });
    expect(await t.kubectl("exec two -q -- hostname")).toEqual({ stdout: "two\n", stderr: "", exitCode: 0 });
    expect(await t.kubectl("exec picked -- hostname")).toEqual({ stdout: "picked\n", stderr: "", exitCode: 0 });
  });
});
