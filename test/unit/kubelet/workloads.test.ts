// The workload model on its own: what a container does given image, command and args.
import { describe, expect, test } from "vitest";
import { simulate, type ShellWorld } from "../../../src/engine/kubelet/shell";
import { piDigits, workloadOf, workloadUsage, type ClusterView } from "../../../src/engine/kubelet/workloads";
import { EPOCH_MS } from "./support";

const world: ShellWorld = {
  hostname: "p",
  namespace: "default",
  podIP: "10.244.1.2",
  env: { GREETING: "hi" },
  readFile: () => undefined,
  resolve: () => null,
  startedAtMs: EPOCH_MS,
  busybox: true,
};

function run(source: string, limit = 50) {
  const out: Array<[number, string, string | number | boolean]> = [];
  for (const e of simulate({ source }, world)) {
    out.push([e.t, e.kind, e.kind === "out" ? e.text : e.kind === "exit" ? e.code : e.kind === "file" ? `${e.path}:${e.exists}` : e.kind === "forever" ? e.busy : ""]);
    if (out.length >= limit) break;
  }
  return out;
}

describe("the shell simulator", () => {
  test.each([
    ["echo hello", [[0, "out", "hello"], [0, "exit", 0]]],
    ["exit 1", [[0, "exit", 1]]],
    ["false", [[0, "exit", 1]]],
    ["true && echo yes || echo no", [[0, "out", "yes"], [0, "exit", 0]]],
    ["false && echo yes || echo no", [[0, "out", "no"], [0, "exit", 0]]],
    ["sleep 5; echo done", [[5000, "out", "done"], [5000, "exit", 0]]],
    ['echo "$GREETING, $HOSTNAME"', [[0, "out", "hi, p"], [0, "exit", 0]]],
    ["for i in 1 2 3; do echo $i; sleep 1; done", [[0, "out", "1"], [1000, "out", "2"], [2000, "out", "3"], [3000, "exit", 0]]],
    ["i=0; while [ $i -lt 2 ]; do echo $i; i=$((i+1)); done", [[0, "out", "0"], [0, "out", "1"], [0, "exit", 0]]],
    ["date", [[0, "out", "Thu Jan  1 00:00:00 UTC 2026"], [0, "exit", 0]]],
    ["touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600", [[0, "file", "/tmp/healthy:true"], [30000, "file", "/tmp/healthy:false"], [630000, "exit", 0]]],
    ["echo hi > /tmp/x; cat /tmp/x", [[0, "file", "/tmp/x:true"], [0, "out", "hi"], [0, "exit", 0]]],
    ["cat /nope", [[0, "out", "cat: can't open '/nope': No such file or directory"], [0, "exit", 1]]],
  ])("%s", (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  test("an endless loop says so, then keeps printing", () => {
    expect(run("while true; do echo hi; sleep 5; done", 4)).toEqual([[0, "forever", false], [0, "out", "hi"], [5000, "out", "hi"], [10000, "out", "hi"]]);
    expect(run("while true; do :; done")).toEqual([[0, "forever", false], [0, "forever", true]]);
    expect(run("sleep infinity")).toEqual([[0, "forever", false]]);
    expect(run("tail -f /dev/null")).toEqual([[0, "forever", false]]);
  });

  test("a loop whose rounds are silent and alike ends the simulation: it goes on like that forever", () => {
    const resolving: ShellWorld = { ...world, resolve: (name) => ({ ip: "10.96.0.20", fqdn: `${name}.default.svc.cluster.local` }) };
    const events = [...simulate({ source: "while sleep 0.01; do wget -q -O- http://php-apache; done" }, resolving)];
    // Three rounds of 10ms sleep and 15ms request, not millions of steps.
    expect(events).toEqual([{ t: 0, kind: "forever", busy: false }, { t: 75, kind: "forever", busy: false }]);
    expect([...simulate({ source: "while true; do sleep 1; done" }, world)]).toEqual([{ t: 0, kind: "forever", busy: false }, { t: 3000, kind: "forever", busy: false }]);
  });

  test("a silent wait loop whose lookups fail keeps waiting: the answer changes when the Service appears", () => {
    const later: ShellWorld = { ...world, resolve: (name, atMs) => (atMs >= 5000 ? { ip: "10.96.0.30", fqdn: `${name}.default.svc.cluster.local` } : null) };
    const events = [...simulate({ source: "until nslookup later > /dev/null 2>&1; do sleep 1; done; echo found" }, later)];
    expect(events.map((e) => e.kind)).toEqual(["out", "exit"]);
    expect(events[0]).toMatchObject({ kind: "out", text: "found" });
    expect(events[0].t).toBeGreaterThanOrEqual(5000);
  });

  test("what it cannot follow is opaque rather than wrong", () => {
    expect(run("myserver --port 80")).toEqual([[0, "opaque", ""]]);
    expect(run("echo 'unterminated")).toEqual([[0, "opaque", ""]]);
  });
});

describe("workloads", () => {
  const view: ClusterView = { configMap: () => undefined, secret: () => undefined, service: () => undefined, nowMs: EPOCH_MS };
  const pod = (containers: any[], annotations: Record<string, string> = {}) => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "default", uid: "u", annotations }, spec: { containers } }) as any;
  const w = (c: any, annotations?: Record<string, string>) => workloadOf({ pod: pod([c], annotations), container: c, startedAtMs: EPOCH_MS, podIP: "10.244.1.2", view });

  test.each([
    ["nginx (default command)", { name: "c", image: "nginx:1.27" }, Infinity, 0],
    ["redis", { name: "c", image: "redis:7" }, Infinity, 0],
    ["busybox without a command", { name: "c", image: "busybox" }, 10, 0],
    ["busybox sleep 30", { name: "c", image: "busybox", command: ["sleep", "30"] }, 30_000, 0],
    ["busybox exit 1", { name: "c", image: "busybox", command: ["sh", "-c", "exit 1"] }, 0, 1],
    ["args only on busybox", { name: "c", image: "busybox", args: ["sh", "-c", "sleep 5; exit 2"] }, 5000, 2],
    ["args after nginx's entrypoint", { name: "c", image: "nginx", args: ["sh", "-c", "echo hi"] }, 0, 0],
    ["ubuntu without a terminal", { name: "c", image: "ubuntu:22.04" }, 10, 0],
    ["ubuntu with stdin", { name: "c", image: "ubuntu:22.04", stdin: true, tty: true }, Infinity, 0],
    ["postgres without a password", { name: "c", image: "postgres:16" }, 120, 1],
    ["postgres with one", { name: "c", image: "postgres:16", env: [{ name: "POSTGRES_PASSWORD", value: "x" }] }, Infinity, 0],
    ["mysql without a password", { name: "c", image: "mysql:8.0" }, 300, 1],
    ["pause", { name: "c", image: "registry.k8s.io/pause:3.10" }, Infinity, 0],
    ["hello-world", { name: "c", image: "hello-world" }, 15, 0],
    ["fluentd (the docs' DaemonSet example)", { name: "c", image: "quay.io/fluentd_elasticsearch/fluentd:v2.5.2" }, Infinity, 0],
  ])("%s", (_name, c, exitAfterMs, exitCode) => {
    const x = w(c);
    expect(x.exitAfterMs).toBe(exitAfterMs);
    expect(x.exitCode).toBe(exitCode);
  });

  test("a missing executable is a StartError; distroless images have no shell", () => {
    expect(w({ name: "c", image: "busybox", command: ["slep", "1"] }).startError).toContain('exec: "slep": executable file not found in $PATH');
    expect(w({ name: "c", image: "registry.k8s.io/pause:3.10", command: ["sh", "-c", "echo"] }).startError).toContain('exec: "sh": executable file not found in $PATH');
  });

  test("SIGTERM: nginx exits cleanly, shells and sleep as PID 1 ignore it, a trap handles it", () => {
    expect(w({ name: "c", image: "nginx:1.27" }).sigterm).toBe("exit0");
    expect(w({ name: "c", image: "busybox", command: ["sleep", "3600"] }).sigterm).toBe("ignore");
    expect(w({ name: "c", image: "busybox", command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"] }).sigterm).toBe("exit0");
  });

  test("stress --vm uses what it allocates; usage annotations override", () => {
    const stress = { name: "c", image: "polinux/stress", command: ["stress"], args: ["--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"] };
    expect(w(stress).memoryBytes).toBe(150 * 1024 * 1024 + 1024 * 1024);
    expect(workloadUsage(pod([stress]), "c")?.memoryBytes).toBe(150 * 1024 * 1024 + 1024 * 1024);
    expect(workloadUsage(pod([{ name: "c", image: "vish/stress", args: ["-cpus", "2"], resources: { limits: { cpu: "1" } } }]), "c")?.cpuNanos).toBeLessThanOrEqual(1e9);
    expect(workloadUsage(pod([{ name: "c", image: "nginx" }], { "kubeplay.dev/cpu-usage": "500m" }), "c")?.cpuNanos).toBe(5e8);
    expect(workloadUsage(pod([{ name: "c", image: "nginx" }]), "c")).toBeUndefined();
  });

  test("π to any number of digits, rounded in the last one", () => {
    expect(piDigits(1)).toBe("3");
    expect(piDigits(10)).toBe("3.141592654");
    expect(piDigits(50)).toBe("3.1415926535897932384626433832795028841971693993751");
  });
});
