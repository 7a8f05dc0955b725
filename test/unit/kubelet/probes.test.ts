// Startup, liveness and readiness probes: passing by default, failing where the documentation's
// examples fail (a file the script removes, agnhost's /healthz after 10 s, a port nothing listens on)
// and where a lesson asks with kubeplay.dev/fail-* annotations.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, condition, container, createPod, event, kubeletCluster, kubeletEvents, pod, seconds } from "./support";

describe("liveness", () => {
  // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
  const livenessExec = {
    containers: [
      {
        name: "liveness",
        image: "registry.k8s.io/busybox",
        args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
        livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
      },
    ],
  };

  test("the docs' exec liveness example fails after ~30 s and the container is restarted", () => {
    const c = kubeletCluster();
    createPod(c, "liveness-exec", livenessExec);
    const running = advanceUntil(c, () => pod(c, "liveness-exec").status.phase === "Running", 10_000);
    const started = seconds(container(c, "liveness-exec").state.running.startedAt);
    // Within the first 30 seconds the probe passes.
    advance(c, (started + 29 - running) * 1000);
    expect(event(c, "liveness-exec", "Unhealthy")).toBeUndefined();
    // Then three failures, five seconds apart, and the kubelet kills the container.
    const killing = advanceUntil(c, () => !!event(c, "liveness-exec", "Killing"), 30_000);
    expect(killing - started).toBeGreaterThanOrEqual(40);
    expect(killing - started).toBeLessThanOrEqual(43);
    const unhealthy = event(c, "liveness-exec", "Unhealthy")!;
    expect(unhealthy).toMatchObject({ type: "Warning", message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", count: 3, fieldPath: "spec.containers{liveness}" });
    expect(event(c, "liveness-exec", "Killing")).toMatchObject({ type: "Normal", message: "Container liveness failed liveness probe, will be restarted" });
    // sh ignores SIGTERM: the container dies at the end of the 30 s grace period (SIGKILL, 137) and starts again.
    const restarted = advanceUntil(c, () => container(c, "liveness-exec").restartCount === 1, 40_000);
    expect(restarted - killing).toBeGreaterThanOrEqual(29);
    expect(restarted - killing).toBeLessThanOrEqual(33);
    const cs = container(c, "liveness-exec");
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
    expect(cs.state.running).toBeDefined();
    expect(pod(c, "liveness-exec").status.phase).toBe("Running");
    // The same again on the next run.
    advance(c, 80_000);
    expect(container(c, "liveness-exec").restartCount).toBe(2);
    expect(event(c, "liveness-exec", "Unhealthy")!.count).toBe(6);
  });

  test("the docs' HTTP liveness example (agnhost liveness) fails after 10 s", () => {
    const c = kubeletCluster();
    createPod(c, "liveness-http", {
      containers: [
        {
          name: "liveness",
          image: "registry.k8s.io/e2e-test-images/agnhost:2.40",
          args: ["liveness"],
          livenessProbe: { httpGet: { path: "/healthz", port: 8080, httpHeaders: [{ name: "Custom-Header", value: "Awesome" }] }, initialDelaySeconds: 3, periodSeconds: 3 },
        },
      ],
    });
    advanceUntil(c, () => pod(c, "liveness-http").status.phase === "Running", 10_000);
    const started = seconds(container(c, "liveness-http").state.running.startedAt);
    const killing = advanceUntil(c, () => !!event(c, "liveness-http", "Killing"), 30_000);
    expect(killing - started).toBeGreaterThanOrEqual(16);
    expect(killing - started).toBeLessThanOrEqual(20);
    expect(event(c, "liveness-http", "Unhealthy")?.message).toBe("Liveness probe failed: HTTP probe failed with statuscode: 500");
    // agnhost exits promptly on SIGTERM: restarted right away.
    advanceUntil(c, () => container(c, "liveness-http").restartCount === 1, 5_000);
  });

  test("an httpGet probe on a port the container does not listen on fails (connection refused)", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "nginx", image: "nginx:1.27", livenessProbe: { httpGet: { path: "/", port: 8080 }, periodSeconds: 5 } }] });
    advance(c, 30_000);
    const ip = pod(c, "p").status.podIP;
    expect(event(c, "p", "Unhealthy")?.message).toBe(`Liveness probe failed: Get "http://${ip}:8080/": dial tcp ${ip}:8080: connect: connection refused`);
    expect(event(c, "p", "Killing")).toBeDefined();
  });

  test("probes that pass leave nothing behind", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "nginx", image: "nginx:1.27", livenessProbe: { httpGet: { path: "/", port: 80 } }, readinessProbe: { tcpSocket: { port: 80 } } }] });
    advance(c, 600_000);
    expect(kubeletEvents(c, "p").map((e) => e.reason)).toEqual(["Pulling", "Pulled", "Created", "Started"]);
    expect(container(c, "p").restartCount).toBe(0);
  });

  test("kubeplay.dev/fail-liveness on a running pod restarts the named container", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "web", image: "nginx:1.27", livenessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 10 } }] });
    advance(c, 120_000);
    c.request("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { annotations: { "kubeplay.dev/fail-liveness": "web" } } }, { "content-type": "application/merge-patch+json" });
    // Three failures ten seconds apart, then the kill.
    advance(c, 15_000);
    expect(event(c, "p", "Killing")).toBeUndefined();
    const killing = advanceUntil(c, () => !!event(c, "p", "Killing"), 30_000);
    expect(killing - 120).toBeGreaterThanOrEqual(20);
    expect(event(c, "p", "Unhealthy")).toMatchObject({ message: "Liveness probe failed: HTTP probe failed with statuscode: 500", count: 3 });
    advanceUntil(c, () => container(c, "p").restartCount === 1, 10_000);
    // nginx stops cleanly on the kubelet's signal.
    expect(container(c, "p").lastState.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });
});

describe("readiness", () => {
  test("Ready only after initialDelaySeconds and the first successful probe", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "nginx", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 15, periodSeconds: 5 } }] });
    advanceUntil(c, () => pod(c, "p").status.phase === "Running", 10_000);
    expect(container(c, "p")).toMatchObject({ ready: false, started: true });
    expect(condition(c, "p", "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [nginx]" });
    const started = seconds(container(c, "p").state.running.startedAt);
    const ready = advanceUntil(c, () => condition(c, "p", "Ready").status === "True", 30_000);
    expect(ready - started).toBeGreaterThanOrEqual(15);
    expect(ready - started).toBeLessThanOrEqual(18);
    expect(seconds(condition(c, "p", "Ready").lastTransitionTime)).toBeGreaterThanOrEqual(started + 15);
  });

  test("a failing readiness probe keeps the pod out of Ready and records Unhealthy", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "nginx", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 5 } }] });
    advance(c, 60_000);
    expect(container(c, "p").ready).toBe(false);
    expect(pod(c, "p").status.phase).toBe("Running");
    const ev = event(c, "p", "Unhealthy")!;
    expect(ev.message).toBe("Readiness probe failed: HTTP probe failed with statuscode: 404");
    expect(ev.count).toBeGreaterThanOrEqual(10);
    expect(event(c, "p", "Killing")).toBeUndefined();
  });

  test("kubeplay.dev/fail-readiness takes a ready pod out of service after failureThreshold probes", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "web", image: "nginx:1.27", readinessProbe: { httpGet: { path: "/", port: 80 }, periodSeconds: 10 } }] });
    advance(c, 60_000);
    expect(condition(c, "p", "Ready").status).toBe("True");
    c.request("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { annotations: { "kubeplay.dev/fail-readiness": "*" } } }, { "content-type": "application/merge-patch+json" });
    const notReady = advanceUntil(c, () => condition(c, "p", "Ready").status === "False", 60_000);
    expect(notReady - 60).toBeGreaterThanOrEqual(20);
    expect(notReady - 60).toBeLessThanOrEqual(32);
    c.request("PATCH", "/api/v1/namespaces/default/pods/p", { metadata: { annotations: { "kubeplay.dev/fail-readiness": null } } }, { "content-type": "application/merge-patch+json" });
    advanceUntil(c, () => condition(c, "p", "Ready").status === "True", 30_000);
  });
});

describe("startup", () => {
  test("started and ready stay false until the startup probe succeeds", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "app", image: "nginx:1.27", startupProbe: { httpGet: { path: "/", port: 80 }, initialDelaySeconds: 10, periodSeconds: 5 } }] });
    advanceUntil(c, () => pod(c, "p").status.phase === "Running", 10_000);
    expect(container(c, "p")).toMatchObject({ started: false, ready: false });
    advanceUntil(c, () => container(c, "p").started === true, 20_000);
    expect(container(c, "p").ready).toBe(true);
  });

  test("a startup probe that never passes restarts the container after failureThreshold × period", () => {
    const c = kubeletCluster();
    createPod(c, "p", { containers: [{ name: "app", image: "nginx:1.27", startupProbe: { tcpSocket: { port: 9999 }, periodSeconds: 5, failureThreshold: 4 } }] });
    advanceUntil(c, () => !!event(c, "p", "Killing"), 40_000);
    expect(event(c, "p", "Killing")?.message).toBe("Container app failed startup probe, will be restarted");
    expect(event(c, "p", "Unhealthy")?.count).toBe(4);
    expect(kubeletEvents(c, "p").find((e) => e.reason === "Unhealthy")?.message).toMatch(/^Startup probe failed: dial tcp 10\.244\.1\.\d+:9999: connect: connection refused$/);
  });
});
