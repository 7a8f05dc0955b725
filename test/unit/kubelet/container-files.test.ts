// Files a container's own process writes, seen through `kubectl exec`: derived from the container's
// script and the pod status (never stored). A container sees its current run's files; containers of
// a pod share what they write into a volume they all mount; an emptyDir keeps a restarted
// container's earlier writes, the container's own filesystem does not.
import { describe, expect, it } from "vitest";
import { kubectlTester, type KubectlTester } from "../../support/kubectl-env";

function create(t: KubectlTester, pod: object) {
  const r = t.client.request("POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", ...pod });
  if (r.status >= 300) throw new Error(JSON.stringify(r.body));
}

function advance(t: KubectlTester, seconds: number) {
  for (let i = 0; i < seconds; i++) t.client.tick(1000);
}

/** Wall ms at which a container's current run started. */
function startedAt(t: KubectlTester, pod: string, container: string): number {
  const p = t.client.get(`/api/v1/namespaces/default/pods/${pod}`);
  const st = p.status.containerStatuses.find((s: { name: string }) => s.name === container);
  return Date.parse(st.state.running?.startedAt ?? st.state.terminated?.startedAt);
}

/** The kubernetes.io task "Communicate Between Containers in the Same Pod Using a Shared Volume". */
const twoContainers = (volumes = true) => ({
  metadata: { name: "two-containers" },
  spec: {
    restartPolicy: "Never",
    ...(volumes ? { volumes: [{ name: "shared-data", emptyDir: {} }] } : {}),
    containers: [
      { name: "nginx-container", image: "nginx", ...(volumes ? { volumeMounts: [{ name: "shared-data", mountPath: "/usr/share/nginx/html" }] } : {}) },
      {
        name: "debian-container",
        image: "debian",
        ...(volumes ? { volumeMounts: [{ name: "shared-data", mountPath: "/pod-data" }] } : {}),
        command: ["/bin/sh"],
        args: ["-c", "echo Hello from the debian container > /pod-data/index.html"],
      },
    ],
  },
});

describe("files containers write, through kubectl exec", () => {
  it("shows the page debian-container wrote into the shared emptyDir to nginx-container, and nginx serves it", async () => {
    const t = kubectlTester();
    create(t, twoContainers());
    advance(t, 30);
    expect(t.client.get("/api/v1/namespaces/default/pods/two-containers").status.containerStatuses.find((s: { name: string }) => s.name === "debian-container").state.terminated.reason).toBe("Completed");
    expect(await t.kubectl("exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html")).toEqual({ stdout: "Hello from the debian container\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("exec two-containers -c nginx-container -- ls /usr/share/nginx/html")).stdout).toBe("index.html\n");
    const page = await t.kubectl("exec two-containers -c nginx-container -- curl -s localhost");
    expect(page).toEqual({ stdout: "Hello from the debian container\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("exec two-containers -c nginx-container -- curl -s http://localhost/missing.html")).stdout).toContain("<title>404 Not Found</title>");
  });

  it("keeps a file written outside any volume in the writer's own filesystem", async () => {
    const t = kubectlTester();
    create(t, twoContainers(false));
    advance(t, 30);
    expect(await t.kubectl("exec two-containers -c nginx-container -- cat /usr/share/nginx/html/index.html")).toEqual({
      stdout: "",
      stderr: "cat: /usr/share/nginx/html/index.html: No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    // Without a volume over its html directory nginx serves the image's welcome page.
    expect((await t.kubectl("exec two-containers -c nginx-container -- curl -s localhost")).stdout).toContain("<title>Welcome to nginx!</title>");
  });

  it("lets nginx answer 403 for an emptyDir mounted over its html directory with no index.html", async () => {
    const t = kubectlTester();
    create(t, { metadata: { name: "empty-web" }, spec: { volumes: [{ name: "html", emptyDir: {} }], containers: [{ name: "web", image: "nginx:1.27", volumeMounts: [{ name: "html", mountPath: "/usr/share/nginx/html" }] }] } });
    advance(t, 20);
    const r = await t.kubectl("exec empty-web -- curl -si localhost");
    expect(r.stdout).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
    expect(r.stdout).toContain("<title>403 Forbidden</title>");
  });

  it("follows the liveness-exec example: /tmp/healthy exists for the first 30 seconds of each run", async () => {
    const t = kubectlTester();
    create(t, {
      metadata: { name: "liveness-exec", labels: { test: "liveness" } },
      spec: {
        containers: [
          {
            name: "liveness",
            image: "registry.k8s.io/busybox:1.27.2",
            args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
            livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      },
    });
    advance(t, 10);
    const start = startedAt(t, "liveness-exec", "liveness");
    expect(await t.kubectl("exec liveness-exec -- cat /tmp/healthy")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await t.kubectl("exec liveness-exec -- ls /tmp")).stdout).toBe("healthy\n");
    advance(t, Math.ceil((start + 31_000 - t.client.nowMs) / 1000));
    expect(startedAt(t, "liveness-exec", "liveness")).toBe(start);
    expect(await t.kubectl("exec liveness-exec -- cat /tmp/healthy")).toEqual({
      stdout: "",
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\ncommand terminated with exit code 1\n",
      exitCode: 1,
    });
    // The liveness probe restarts the container: the new run creates the file again.
    advance(t, 60);
    const pod = t.client.get("/api/v1/namespaces/default/pods/liveness-exec");
    expect(pod.status.containerStatuses[0].restartCount).toBeGreaterThan(0);
    const restart = startedAt(t, "liveness-exec", "liveness");
    expect(t.client.nowMs - restart).toBeLessThan(30_000);
    expect((await t.kubectl("exec liveness-exec -- cat /tmp/healthy")).exitCode).toBe(0);
  });

  it("shows a file outside the shared volume only to the container that wrote it", async () => {
    const t = kubectlTester();
    create(t, {
      metadata: { name: "pair" },
      spec: {
        volumes: [{ name: "shared", emptyDir: {} }, { name: "scratch", emptyDir: {} }],
        containers: [
          { name: "writer", image: "busybox", command: ["sh", "-c", "echo mine > /tmp/own; echo ours > /shared/note; echo scratch > /scratch/s; sleep 3600"], volumeMounts: [{ name: "shared", mountPath: "/shared" }, { name: "scratch", mountPath: "/scratch" }] },
          { name: "reader", image: "busybox", command: ["sleep", "3600"], volumeMounts: [{ name: "shared", mountPath: "/data/in" }] },
        ],
      },
    });
    advance(t, 15);
    expect((await t.kubectl("exec pair -c writer -- cat /tmp/own")).stdout).toBe("mine\n");
    expect((await t.kubectl("exec pair -c reader -- cat /tmp/own")).stderr).toBe("cat: can't open '/tmp/own': No such file or directory\ncommand terminated with exit code 1\n");
    expect((await t.kubectl("exec pair -c reader -- cat /data/in/note")).stdout).toBe("ours\n");
    expect((await t.kubectl("exec pair -c reader -- ls /data/in")).stdout).toBe("note\n");
    // A volume the reader does not mount stays out of its view.
    expect((await t.kubectl("exec pair -c reader -- cat /scratch/s")).exitCode).toBe(1);
    expect((await t.kubectl("exec pair -c writer -- cat /scratch/s")).stdout).toBe("scratch\n");
  });

  it("gives a restarted container a fresh filesystem while its emptyDir keeps the earlier run's files", async () => {
    const t = kubectlTester();
    create(t, {
      metadata: { name: "again" },
      spec: {
        volumes: [{ name: "data", emptyDir: {} }],
        containers: [
          {
            name: "app",
            image: "busybox",
            command: ["sh", "-c", "touch /data/run-$(date +%s) /tmp/run-$(date +%s); sleep 20; exit 1"],
            volumeMounts: [{ name: "data", mountPath: "/data" }],
          },
        ],
      },
    });
    advance(t, 5);
    const first = Math.floor(startedAt(t, "again", "app") / 1000);
    for (let i = 0; i < 90 && t.client.get("/api/v1/namespaces/default/pods/again").status.containerStatuses[0].restartCount < 1; i++) t.client.tick(1000);
    advance(t, 2);
    const pod = t.client.get("/api/v1/namespaces/default/pods/again");
    expect(pod.status.containerStatuses[0].state.running).toBeDefined();
    const second = Math.floor(startedAt(t, "again", "app") / 1000);
    expect(second).toBeGreaterThan(first);
    expect((await t.kubectl("exec again -- ls /data")).stdout).toBe(`run-${first}\nrun-${second}\n`);
    expect((await t.kubectl("exec again -- ls /tmp")).stdout).toBe(`run-${second}\n`);
  });

  it("ignores writes through a read-only mount and bounds how many files one run keeps", async () => {
    const t = kubectlTester();
    create(t, {
      metadata: { name: "many" },
      spec: {
        volumes: [{ name: "shared", emptyDir: {} }],
        containers: [
          { name: "ro", image: "busybox", command: ["sh", "-c", "echo no > /shared/ro; sleep 3600"], volumeMounts: [{ name: "shared", mountPath: "/shared", readOnly: true }] },
          { name: "loop", image: "busybox", command: ["sh", "-c", "i=0; while [ $i -lt 400 ]; do touch /tmp/f$i; i=$((i+1)); done; sleep 3600"], volumeMounts: [{ name: "shared", mountPath: "/shared" }] },
        ],
      },
    });
    advance(t, 15);
    expect((await t.kubectl("exec many -c loop -- ls /shared")).stdout).toBe("");
    expect((await t.kubectl("exec many -c loop -- cat /tmp/f0")).exitCode).toBe(0);
    expect((await t.kubectl("exec many -c loop -- ls /tmp")).stdout.split("\n").filter(Boolean)).toHaveLength(256);
  });
});
