// GET pods/<name>/log: which container and which instance of it, the lines the workload printed, the
// PodLogOptions filters, and the errors the API server and kubelet answer with.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, container, createPod, kubeletCluster, logs, pod } from "./support";

describe("what containers print", () => {
  test("nginx 1.27: the docker-entrypoint notices and nginx's start-up lines, then kubelet probe requests", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 10 } }] });
    advance(c, 35_000);
    const lines = logs(c, "web").text.split("\n");
    expect(lines.slice(0, 9)).toEqual([
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
      "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
    ]);
    expect(lines[9]).toMatch(/^2026\/01\/01 00:00:0\d \[notice\] 1#1: using the "epoll" event method$/);
    expect(lines[10]).toMatch(/\[notice\] 1#1: nginx\/1\.27\.\d+$/);
    expect(lines.filter((l) => l.includes('"GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"')).length).toBeGreaterThanOrEqual(3);
    expect(lines.find((l) => l.includes("kube-probe"))).toMatch(/^10\.244\.1\.1 - - \[01\/Jan\/2026:00:00:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615/);
  });

  test("the logging docs' counter prints a line a second with the date", () => {
    const c = kubeletCluster();
    createPod(c, "counter", { containers: [{ name: "count", image: "busybox:1.28", args: ["/bin/sh", "-c", 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'] }] });
    advance(c, 60_000);
    const lines = logs(c, "counter").text.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^0: Thu Jan  1 00:00:0\d UTC 2026$/);
    expect(lines[1]).toMatch(/^1: Thu Jan  1 00:00:0\d UTC 2026$/);
    expect(lines.length).toBeGreaterThan(50);
    expect(logs(c, "counter", "tailLines=2").text.trimEnd().split("\n")).toEqual(lines.slice(-2));
    expect(logs(c, "counter", "sinceSeconds=10").text.trimEnd().split("\n").length).toBeLessThanOrEqual(11);
    const stamped = logs(c, "counter", "tailLines=1&timestamps=true").text;
    expect(stamped).toMatch(/^2026-01-01T00:00:\d\d(\.\d{1,9})?Z \d+: Thu Jan {2}1 00:00:\d\d UTC 2026\n$/);
    expect(logs(c, "counter", "limitBytes=5").text).toBe(lines[0].slice(0, 5));
  });

  test("the Job docs' pi prints 2000 digits of π", () => {
    const c = kubeletCluster();
    createPod(c, "pi", { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34.0", command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"] }] });
    advanceUntil(c, () => pod(c, "pi").status.phase === "Succeeded", 60_000);
    const text = logs(c, "pi").text;
    expect(text.startsWith("3.14159265358979323846264338327950288419716939937510")).toBe(true);
    expect(text.trimEnd()).toHaveLength(2001);
  });

  test("postgres without a password explains and exits 1; the logs show it", () => {
    const c = kubeletCluster();
    createPod(c, "db", { containers: [{ name: "postgres", image: "postgres:16" }] });
    advance(c, 15_000);
    expect(container(c, "db").restartCount).toBeGreaterThanOrEqual(1);
    expect(logs(c, "db").text).toContain("Error: Database is uninitialized and superuser password is not specified.");
  });

  test("env from a ConfigMap, printed by `env`", () => {
    const c = kubeletCluster();
    c.request("POST", "/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { COLOR: "blue" } });
    createPod(c, "p", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "echo color=$COLOR"], envFrom: [{ configMapRef: { name: "cfg" } }] }] });
    advanceUntil(c, () => pod(c, "p").status.phase === "Succeeded", 20_000);
    expect(logs(c, "p").text).toBe("color=blue\n");
  });
});

describe("which container", () => {
  test("a pod with several containers needs a name; an unknown name is refused", () => {
    const c = kubeletCluster();
    createPod(c, "two", { containers: [{ name: "a", image: "nginx:1.27" }, { name: "b", image: "redis:7" }] });
    advance(c, 20_000);
    expect(logs(c, "two")).toEqual({ status: 400, text: "", error: "a container name must be specified for pod two, choose one of: [a b]" });
    expect(logs(c, "two", "container=zz")).toEqual({ status: 400, text: "", error: "container zz is not valid for pod two" });
    expect(logs(c, "two", "container=b").text).toContain("Ready to accept connections tcp");
  });

  test("a container that has not started yet", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    expect(logs(c, "web")).toEqual({ status: 400, text: "", error: 'container "nginx" in pod "web" is waiting to start: ContainerCreating' });
  });

  test("an image that cannot be pulled", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.999" }] });
    advanceUntil(c, () => container(c, "web").state.waiting?.reason === "ImagePullBackOff", 10_000);
    expect(logs(c, "web").error).toBe('container "nginx" in pod "web" is waiting to start: trying and failing to pull image');
  });

  test("--previous reads the last terminated instance; without one it is an error", () => {
    const c = kubeletCluster();
    createPod(c, "crash", { containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "echo run at $(date); exit 1"] }] });
    expect(logs(c, "crash", "previous=true").error).toBe('previous terminated container "c" in pod "crash" not found');
    advanceUntil(c, () => container(c, "crash").restartCount >= 2, 30_000);
    const prev = logs(c, "crash", "previous=true");
    expect(prev.status).toBe(200);
    // Unquoted $(date) is split into words: the day's padding space goes, as in a real shell.
    expect(prev.text).toMatch(/^run at Thu Jan 1 00:00:\d\d UTC 2026\n$/);
  });

  test("bad PodLogOptions are 422 like the real server; unparsable numbers 400", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.27" }] });
    advance(c, 10_000);
    c.cluster.takeWrites();
    expect(logs(c, "web", "tailLines=-1")).toMatchObject({ status: 422, error: 'PodLogOptions "web" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0' });
    expect(logs(c, "web", "sinceSeconds=0")).toMatchObject({ status: 422, error: 'PodLogOptions "web" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0' });
    expect(logs(c, "web", "tailLines=abc")).toMatchObject({ status: 400, error: 'strconv.ParseInt: parsing "abc": invalid syntax' });
    expect(c.request("GET", "/api/v1/namespaces/default/pods/nope/log").status).toBe(404);
    expect(c.cluster.store.hasPendingWrites()).toBe(false);
  });
});
