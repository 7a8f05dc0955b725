// A load generator — a container looping over wget or curl — loads the pods behind the Service it
// calls, so the HorizontalPodAutoscaler walkthrough (kubernetes.io/docs/tasks/run-application/
// horizontal-pod-autoscale-walkthrough) plays out as written: the HPA scales php-apache up while the
// generator runs, settles where each replica's share is below the target, and scales back down once
// the generator is gone and the stabilisation window has passed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { parseClientLoop } from "../../../src/engine/kubelet/traffic";
import { advance as advanceBy } from "./support";

describe("client loops found in container scripts", () => {
  it.each([
    ["while sleep 0.01; do wget -q -O- http://php-apache; done", { urls: ["http://php-apache"], pauseMs: 10 }],
    ["while true; do curl -s web; sleep 1; done", { urls: ["web"], pauseMs: 1000 }],
    ["while :; do wget -q -O /dev/null http://web.shop.svc.cluster.local:8080/cart; done", { urls: ["http://web.shop.svc.cluster.local:8080/cart"], pauseMs: 0 }],
    ['until false; do curl -sS "http://10.96.0.20/"; curl -s http://api/health; sleep 0.5; done', { urls: ["http://10.96.0.20/", "http://api/health"], pauseMs: 500 }],
  ])("%s", (script, loop) => {
    expect(parseClientLoop(script)).toEqual(loop);
  });

  it.each(["echo hello; sleep 3600", "while true; do date; sleep 5; done", "wget -q -O- http://php-apache", "for i in 1 2 3; do echo $i; done"])("%s is no client loop", (script) => {
    expect(parseClientLoop(script)).toBeUndefined();
  });
});

// The walkthrough's php-apache.yaml, as the autoscaling lesson ships it.
const PHP_APACHE = readFileSync(join(__dirname, "../../../lessons/autoscaling/manifests/php-apache.yaml"), "utf8");

describe("the HorizontalPodAutoscaler walkthrough", () => {
  it("scales php-apache up under a load generator, to where each replica is below the target, and down after it stops", async () => {
    const t = kubectlTester({ nodes: 3, seed: "walkthrough" });
    const c = t.client;
    const advance = (ms: number) => advanceBy(c, ms);
    const replicas = () => c.get("/apis/apps/v1/namespaces/default/deployments/php-apache").spec.replicas;
    const utilization = () => c.get("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/php-apache").status.currentMetrics?.[0]?.resource?.current?.averageUtilization;
    t.files.set("/root/php-apache.yaml", PHP_APACHE);
    expect((await t.kubectl("apply -f php-apache.yaml")).exitCode).toBe(0);
    expect((await t.kubectl("autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10")).stdout).toBe("horizontalpodautoscaler.autoscaling/php-apache autoscaled\n");
    advance(120_000);
    expect(utilization()).toBe(0);
    expect(replicas()).toBe(1);

    const run = await t.kubectl(["run", "load-generator", "--image=busybox:1.28", "--restart=Never", "--", "/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]);
    expect(run).toEqual({ stdout: "pod/load-generator created\n", stderr: "", exitCode: 0 });
    advance(30_000);
    // One replica takes all the load, throttled at its 500m limit: about 250% of its 200m request.
    const top = await t.kubectl("top pods -l run=php-apache --no-headers");
    expect(top.stdout).toMatch(/^php-apache-\S+ +49\dm +\d+Mi +\n$/);
    expect(utilization()).toBeGreaterThan(200);

    advance(5 * 60_000);
    // The walkthrough's figure: seven replicas, each now below the 50% target.
    expect(replicas()).toBe(7);
    expect(utilization()).toBeLessThan(50);
    expect(utilization()).toBeGreaterThan(35);
    // A scale-up is limited to max(2 × current, 4) replicas at a time: 1 → 4, then on as each share is measured.
    const rescales = () =>
      (c.get("/api/v1/namespaces/default/events").items as { reason: string; message: string }[]).filter((e) => e.reason === "SuccessfulRescale").map((e) => e.message);
    expect(rescales()[0]).toBe("New size: 4; reason: cpu resource utilization (percentage of request) above target");
    expect(rescales().at(-1)).toBe("New size: 7; reason: cpu resource utilization (percentage of request) above target");

    expect((await t.kubectl("delete pod load-generator")).exitCode).toBe(0);
    advance(2 * 60_000);
    // The load is gone but the scale-down stabilisation window (five minutes) keeps the replicas.
    expect(utilization()).toBe(0);
    expect(replicas()).toBe(7);
    advance(5 * 60_000);
    expect(replicas()).toBe(1);
    expect(rescales().at(-1)).toBe("New size: 1; reason: All metrics below target");
  });

  it("loads only the pods behind the Service it calls, and nothing when the Service has no ready endpoints", async () => {
    const t = kubectlTester({ nodes: 2, seed: "targets" });
    const c = t.client;
    const advance = (ms: number) => advanceBy(c, ms);
    t.files.set("/root/php-apache.yaml", PHP_APACHE);
    expect((await t.kubectl("apply -f php-apache.yaml")).exitCode).toBe(0);
    expect((await t.kubectl("create deployment other --image=registry.k8s.io/hpa-example --replicas=1")).exitCode).toBe(0);
    expect((await t.kubectl(["run", "gen", "--image=busybox:1.28", "--restart=Never", "--", "sh", "-c", "while true; do wget -q -O- http://nowhere; sleep 1; done"])).exitCode).toBe(0);
    advance(60_000);
    const cpu = async (selector: string) => Number(/\s(\d+)m\s/.exec((await t.kubectl(`top pods -l ${selector} --no-headers`)).stdout)?.[1]);
    expect(await cpu("run=php-apache")).toBeLessThan(5);
    expect((await t.kubectl(["run", "gen2", "--image=busybox:1.28", "--restart=Never", "--", "sh", "-c", "while true; do wget -q -O- http://php-apache; sleep 1; done"])).exitCode).toBe(0);
    advance(60_000);
    // One request a second of ~20ms CPU each: about 20m.
    expect(await cpu("run=php-apache")).toBeGreaterThan(15);
    expect(await cpu("run=php-apache")).toBeLessThan(30);
    expect(await cpu("app=other")).toBeLessThan(5);
  });

  it("puts the load on the container that serves the port, not on a sidecar beside it", async () => {
    const t = kubectlTester({ nodes: 2, seed: "sidecar" });
    const c = t.client;
    t.files.set(
      "/root/app.yaml",
      `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    app: app
spec:
  containers:
  - name: sidecar
    image: busybox:1.36
    command: ["sleep", "3600"]
  - name: php
    image: registry.k8s.io/hpa-example
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: app
spec:
  selector:
    app: app
  ports:
  - port: 80
`,
    );
    expect((await t.kubectl("apply -f app.yaml")).exitCode).toBe(0);
    expect((await t.kubectl(["run", "gen", "--image=busybox:1.28", "--restart=Never", "--", "sh", "-c", "while true; do wget -q -O- http://app; sleep 1; done"])).exitCode).toBe(0);
    advanceBy(c, 60_000);
    const top = (await t.kubectl("top pod app --containers --no-headers")).stdout;
    const cpu = (container: string) => Number(new RegExp(`^app +${container} +(\\d+)m`, "m").exec(top)?.[1]);
    expect(cpu("php")).toBeGreaterThan(15);
    expect(cpu("sidecar")).toBeLessThan(5);
  });
});
