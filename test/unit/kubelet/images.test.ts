// Image pulls: the catalog of public images, containerd's errors for everything else, ErrImagePull and
// ImagePullBackOff with the kubelet's image backoff, and imagePullPolicy.
import { describe, expect, test } from "vitest";
import { advance, advanceUntil, container, createPod, event, kubeletCluster, kubeletEvents, pod, statusColumn } from "./support";
import { parseImage, resolvePull } from "../../../src/engine/kubelet/images";

const pull = (image: string) => {
  const p = parseImage(image);
  if (!p.ok) return p.message;
  const r = resolvePull(p.ref);
  return r.ok ? r.image : r.error;
};

describe("the image catalog", () => {
  test.each([
    ["nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.27", "docker.io/library/nginx:1.27"],
    ["nginx:1.14.2", "docker.io/library/nginx:1.14.2"],
    ["nginx:1.27-alpine", "docker.io/library/nginx:1.27-alpine"],
    ["docker.io/library/nginx:stable", "docker.io/library/nginx:stable"],
    ["busybox:1.28", "docker.io/library/busybox:1.28"],
    ["alpine:3.19", "docker.io/library/alpine:3.19"],
    ["ubuntu:22.04", "docker.io/library/ubuntu:22.04"],
    ["redis:7", "docker.io/library/redis:7"],
    ["postgres:16-alpine", "docker.io/library/postgres:16-alpine"],
    ["mysql:8.0", "docker.io/library/mysql:8.0"],
    ["httpd:2.4", "docker.io/library/httpd:2.4"],
    ["node:20-alpine", "docker.io/library/node:20-alpine"],
    ["python:3.12-slim", "docker.io/library/python:3.12-slim"],
    ["golang:1.23", "docker.io/library/golang:1.23"],
    ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
    ["registry.k8s.io/e2e-test-images/agnhost:2.40", "registry.k8s.io/e2e-test-images/agnhost:2.40"],
    ["gcr.io/google-samples/hello-app:1.0", "gcr.io/google-samples/hello-app:1.0"],
    ["k8s.gcr.io/echoserver:1.4", "k8s.gcr.io/echoserver:1.4"],
    ["polinux/stress", "docker.io/polinux/stress:latest"],
    ["mongo:7.0", "docker.io/library/mongo:7.0"],
    ["memcached:1.6", "docker.io/library/memcached:1.6"],
    ["rabbitmq:3-management", "docker.io/library/rabbitmq:3-management"],
    ["traefik:v3.1", "docker.io/library/traefik:v3.1"],
    ["wordpress:6.7-apache", "docker.io/library/wordpress:6.7-apache"],
    ["quay.io/fluentd_elasticsearch/fluentd:v2.5.2", "quay.io/fluentd_elasticsearch/fluentd:v2.5.2"],
    ["quay.io/fluentd_elasticsearch/fluentd:v2.6.0", "quay.io/fluentd_elasticsearch/fluentd:v2.6.0"],
  ])("%s pulls as %s", (image, resolved) => {
    expect(pull(image)).toBe(resolved);
  });

  test.each([
    [
      "nginx:1.999",
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    ],
    [
      "nginxx",
      'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
    [
      "registry.k8s.io/pause:9.9",
      'rpc error: code = NotFound desc = failed to pull and unpack image "registry.k8s.io/pause:9.9": failed to resolve reference "registry.k8s.io/pause:9.9": registry.k8s.io/pause:9.9: not found',
    ],
    [
      "myregistry.example.com/team/app:1.0",
      'rpc error: code = Unknown desc = failed to pull and unpack image "myregistry.example.com/team/app:1.0": failed to resolve reference "myregistry.example.com/team/app:1.0": failed to do request: Head "https://myregistry.example.com/v2/team/app/manifests/1.0": dial tcp: lookup myregistry.example.com on 127.0.0.53:53: no such host',
    ],
    ["Nginx", 'couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase'],
  ])("%s does not pull", (image, error) => {
    expect(pull(image)).toBe(error);
  });
});

describe("pull failures", () => {
  test("ErrImagePull, then ImagePullBackOff, retried after 10 s, 20 s, 40 s", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.999" }] });
    const firstFailure = advanceUntil(c, () => container(c, "web").state.waiting?.reason === "ErrImagePull", 10_000, 200);
    expect(firstFailure).toBeLessThan(4);
    expect(statusColumn(c, "web")).toBe("ErrImagePull");
    expect(container(c, "web").state.waiting.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    );
    // The next sync (a second later) finds the image in backoff.
    advanceUntil(c, () => container(c, "web").state.waiting?.reason === "ImagePullBackOff", 3_000, 200);
    expect(container(c, "web").state.waiting.message).toBe('Back-off pulling image "nginx:1.999"');
    expect(pod(c, "web").status.phase).toBe("Pending");

    // Attempts: each failure doubles the wait before the next pull (10 s, 20 s, 40 s).
    const attempts = [firstFailure];
    for (let i = 0; i < 3; i++) {
      attempts.push(advanceUntil(c, () => container(c, "web").state.waiting?.reason === "ErrImagePull", 120_000, 500));
      advanceUntil(c, () => container(c, "web").state.waiting?.reason === "ImagePullBackOff", 30_000, 500);
    }
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(9.5);
    expect(gaps[0]).toBeLessThan(14);
    expect(gaps[1]).toBeGreaterThanOrEqual(19.5);
    expect(gaps[1]).toBeLessThan(24);
    expect(gaps[2]).toBeGreaterThanOrEqual(39.5);
    expect(gaps[2]).toBeLessThan(44);

    const ev = kubeletEvents(c, "web");
    const count = (reason: string, message: string) => ev.find((e) => e.reason === reason && e.message === message)?.count;
    expect(count("Pulling", 'Pulling image "nginx:1.999"')).toBe(4);
    expect(count("Failed", `Failed to pull image "nginx:1.999": ${pull("nginx:1.999")}`)).toBe(4);
    expect(count("Failed", "Error: ErrImagePull")).toBe(4);
    expect(count("BackOff", 'Back-off pulling image "nginx:1.999"')).toBe(4);
    expect(count("Failed", "Error: ImagePullBackOff")).toBe(4);
    expect(ev.find((e) => e.reason === "BackOff")?.type).toBe("Normal");
  });

  test("the backoff is capped at 5 minutes", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.999" }] });
    advance(c, 15 * 60_000);
    const pulls = event(c, "web", "Pulling")!;
    // 10+20+40+80+160+300+300… s: after 15 minutes, 7 or 8 attempts.
    expect(pulls.count).toBeGreaterThanOrEqual(7);
    expect(pulls.count).toBeLessThanOrEqual(8);
  });

  test("fixing the image of a bare pod pulls the new one at once", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "nginx:1.999" }] });
    advance(c, 20_000);
    const p = pod(c, "web");
    p.spec.containers[0].image = "nginx:1.27";
    expect(c.request("PUT", "/api/v1/namespaces/default/pods/web", p).status).toBe(200);
    advanceUntil(c, () => pod(c, "web").status.phase === "Running", 10_000);
    expect(container(c, "web").restartCount).toBe(0);
  });

  test("an invalid image name is InvalidImageName", () => {
    const c = kubeletCluster();
    createPod(c, "web", { containers: [{ name: "nginx", image: "Nginx" }] });
    advance(c, 5_000);
    expect(statusColumn(c, "web")).toBe("InvalidImageName");
    expect(container(c, "web").state.waiting.message).toBe(
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    );
    expect(event(c, "web", "InspectFailed")?.type).toBe("Warning");
    expect(event(c, "web", "Failed", "Error: InvalidImageName")).toBeDefined();
  });
});

describe("imagePullPolicy", () => {
  test("Never with the image absent is ErrImageNeverPull; with it present the container starts", () => {
    const c = kubeletCluster();
    createPod(c, "never", { containers: [{ name: "c", image: "nginx:1.27", imagePullPolicy: "Never" }] });
    advance(c, 5_000);
    expect(statusColumn(c, "never")).toBe("ErrImageNeverPull");
    expect(event(c, "never", "ErrImageNeverPull")?.message).toBe('Container image "nginx:1.27" is not present with pull policy of Never');
    expect(event(c, "never", "Pulling")).toBeUndefined();
    // Another pod pulls the image onto node01: the waiting container can now start.
    createPod(c, "puller", { containers: [{ name: "c", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "puller").status.phase === "Running");
    advanceUntil(c, () => pod(c, "never").status.phase === "Running", 10_000);
    expect(event(c, "never", "Pulled")?.message).toBe('Container image "nginx:1.27" already present on machine');
  });

  test("Always pulls even when the node has the image (quickly: the layers are there)", () => {
    const c = kubeletCluster();
    createPod(c, "first", { containers: [{ name: "c", image: "nginx:1.27" }] });
    advanceUntil(c, () => pod(c, "first").status.phase === "Running");
    createPod(c, "always", { containers: [{ name: "c", image: "nginx:1.27", imagePullPolicy: "Always" }] });
    advanceUntil(c, () => pod(c, "always").status.phase === "Running", 10_000);
    expect(event(c, "always", "Pulling")?.message).toBe('Pulling image "nginx:1.27"');
    expect(event(c, "always", "Pulled")?.message).toMatch(/^Successfully pulled image "nginx:1\.27" in \d+ms \(\d+ms including waiting\)\. Image size: 72099410 bytes\.$/);
  });

  test("an untagged image defaults to Always (and :latest)", () => {
    const c = kubeletCluster();
    createPod(c, "latest", { containers: [{ name: "c", image: "busybox", command: ["sleep", "3600"] }] });
    expect(pod(c, "latest").spec.containers[0].imagePullPolicy).toBe("Always");
    advanceUntil(c, () => pod(c, "latest").status.phase === "Running");
    expect(container(c, "latest").image).toBe("docker.io/library/busybox:latest");
  });
});
