// kubectl logs against the in-process cluster. Expected texts were taken from kubectl 1.32 against
// the dev server with the same objects (the workload model prints the same lines through both doors).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function pod(name: string, containers: object[], extra: { labels?: Record<string, string>; annotations?: Record<string, string>; initContainers?: object[] } = {}) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels: extra.labels, annotations: extra.annotations },
    spec: { containers, initContainers: extra.initContainers },
  };
}

function setup() {
  const t = kubectlTester();
  const create = (path: string, body: object) => {
    const r = t.client.request("POST", path, body);
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
  };
  create("/api/v1/namespaces/default/pods", pod("multi", [
    { name: "main", image: "busybox", command: ["sh", "-c", "i=0; while true; do echo tick $i; i=$((i+1)); sleep 5; done"] },
    { name: "side", image: "busybox", command: ["sh", "-c", "echo side up; sleep 3600"] },
  ], { labels: { app: "multi" }, initContainers: [{ name: "init", image: "busybox", command: ["sh", "-c", "echo init done"] }] }));
  create("/api/v1/namespaces/default/pods", pod("annotated", [
    { name: "main", image: "busybox", command: ["sh", "-c", "echo hello from main; sleep 3600"] },
    { name: "side", image: "busybox", command: ["sh", "-c", "echo hello from side; sleep 3600"] },
  ], { annotations: { "kubectl.kubernetes.io/default-container": "side" } }));
  create("/api/v1/namespaces/default/pods", pod("badimg", [{ name: "c", image: "nginx:doesnotexist999" }]));
  create("/apis/batch/v1/namespaces/default/jobs", {
    apiVersion: "batch/v1", kind: "Job", metadata: { name: "hello" },
    spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "hello", image: "busybox", command: ["sh", "-c", "echo hello job"] }] } } },
  });
  create("/apis/apps/v1/namespaces/default/deployments", {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web" },
    spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "echo serving; sleep 3600"] }] } } },
  });
  for (let i = 0; i < 30; i++) t.client.tick(1000);
  return t;
}

describe("kubectl logs", () => {
  it("defaults to the first container of a multi-container pod and says so on stderr", async () => {
    const t = setup();
    const r = await t.kubectl("logs multi --tail 2");
    expect(r.stderr).toBe('Defaulted container "main" out of: main, side, init (init)\n');
    expect(r.stdout).toMatch(/^tick \d+\ntick \d+\n$/);
    expect(r.exitCode).toBe(0);
  });

  it("uses the default-container annotation silently", async () => {
    const t = setup();
    expect(await t.kubectl("logs annotated")).toEqual({ stdout: "hello from side\n", stderr: "", exitCode: 0 });
  });

  it("prefixes every line with pod and container and reads every container with --all-containers", async () => {
    const t = setup();
    const r = await t.kubectl("logs multi --all-containers --prefix --tail 1");
    expect(r.stdout).toMatch(/^\[pod\/multi\/init\] init done\n\[pod\/multi\/main\] tick \d+\n\[pod\/multi\/side\] side up\n$/);
  });

  it("reports the server's waiting-to-start message", async () => {
    const t = setup();
    const r = await t.kubectl("logs badimg");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Error from server \(BadRequest\): container "c" in pod "badimg" is waiting to start: (image can't be pulled|trying and failing to pull image)\n$/);
  });

  it("words a missing pod like kubectl (the builder's NotFound wrapped with the namespace)", async () => {
    const t = setup();
    expect(await t.kubectl("logs nope")).toEqual({ stdout: "", stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', exitCode: 1 });
  });

  it("picks one pod of a deployment and names it; a job's pod silently", async () => {
    const t = setup();
    const d = await t.kubectl("logs deploy/web");
    expect(d.stderr).toMatch(/^Found 3 pods, using pod\/web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(d.stdout).toBe("serving\n");
    expect(await t.kubectl("logs job/hello")).toEqual({ stdout: "hello job\n", stderr: "", exitCode: 0 });
  });

  it("refuses kinds without a pod selector", async () => {
    const t = setup();
    expect((await t.kubectl("logs cm/kube-root-ca.crt")).stderr).toBe("error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n");
  });

  it("reads pods by selector and says when none match", async () => {
    const t = setup();
    const r = await t.kubectl("logs -l app=web --prefix");
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(3);
    expect(r.stdout).toMatch(/^\[pod\/web-[a-z0-9-]+\/c\] serving\n/);
    expect(await t.kubectl("logs -l app=nothing")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
  });

  it("checks its arguments like kubectl", async () => {
    const t = setup();
    const usage = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";
    expect(await t.kubectl("logs")).toEqual({ stdout: "", stderr: usage, exitCode: 1 });
    expect((await t.kubectl("logs multi init extra")).stderr).toBe(usage);
    expect((await t.kubectl("logs multi main -c side")).stderr).toBe("error: only one of -c or an inline [CONTAINER] arg is allowed\n");
    expect((await t.kubectl("logs multi -c nope")).stderr).toBe("error: container nope is not valid for pod multi\n");
    expect((await t.kubectl("logs multi -l app=multi")).stderr).toBe("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n");
    expect((await t.kubectl("logs multi --all-containers -c main")).stderr).toBe("error: --all-containers=true should not be specified with container name main\n");
  });

  it("follows new lines until stopped", async () => {
    const t = setup();
    const ac = new AbortController();
    let polls = 0;
    const origTick = t.client.tick.bind(t.client);
    t.client.tick = (ms?: number) => {
      origTick(ms);
      if (++polls === 12) ac.abort();
    };
    const r = await t.kubectl("logs multi -c main -f --tail 1", { signal: ac.signal });
    const ticks = r.stdout.split("\n").filter(Boolean).map((l) => Number(l.split(" ")[1]));
    // One line from the tail, then a line every 5 simulated seconds over ~11 seconds.
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBe(ticks[i - 1] + 1);
    expect(r.exitCode).toBe(0);
  });
  it("prints the same timestamps whether or not the log is cut with --tail", async () => {
    const t = setup();
    const all = (await t.kubectl("logs multi -c main --timestamps")).stdout.trim().split("\n");
    const last = (await t.kubectl("logs multi -c main --timestamps --tail 1")).stdout.trim();
    expect(last).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z tick \d+$/);
    expect(last).toBe(all[all.length - 1]);
  });
});
