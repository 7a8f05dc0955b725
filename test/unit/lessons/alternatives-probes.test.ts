// probes: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const LESSON = "probes";

const livenessPod = (probe: string) => `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: { name: liveness-exec, labels: { test: liveness } }
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
${probe}
EOF`;

const MESSAGES = {
  livenessProbe: "There is no pod liveness-exec whose container has a liveness probe running a command every 5 seconds yet.",
  killed: "The kubelet has not restarted the liveness-exec container because of a failed liveness probe yet. Give it a minute after /tmp/healthy disappears.",
  restarted: "The liveness-exec container has not been restarted yet.",
  slowStartProbes: "The slow-start pod does not have a startup probe beside its liveness probe yet (and keep the app's 40-second start).",
  slowStartRuns: "The slow-start pod is not running and started without restarts yet. A new pod needs about 40 seconds to start.",
  webReady: "The web Deployment does not have 3 ready pods that all have a readiness probe yet.",
  oneUnready: "There is not exactly one web pod that is Running but not Ready (and never restarted) yet.",
  twoEndpoints: "The web Service does not have exactly 2 ready endpoints yet.",
  template: "The web Deployment's pods do not get a preStop hook and a 45-second grace period yet (keep the readiness probe).",
  pods: "There are not 3 ready web pods with the preStop hook and the 45-second grace period yet. Let the rollout finish.",
};

describe("probes: alternative solutions", () => {
  test("the pod written out in full with a `sh -c test -f` probe passes", async () => {
    const { results } = await tryStep(LESSON, "liveness", [
      livenessPod(`    livenessProbe:
      exec: { command: [sh, -c, "test -f /tmp/healthy"] }
      initialDelaySeconds: 5
      periodSeconds: 5`),
      "sleep 60",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a probe every 10 seconds restarts the container too, but is not the probe asked for", async () => {
    const { results } = await tryStep(LESSON, "liveness", [
      livenessPod(`    livenessProbe:
      exec: { command: [cat, /tmp/healthy] }
      periodSeconds: 10`),
      "sleep 90",
    ]);
    expect(failures(results)).toEqual([MESSAGES.livenessProbe]);
  });

  test("creating the pod without a probe fails every check: nothing restarts it", async () => {
    const { results } = await tryStep(LESSON, "liveness", ["kubectl apply -f liveness-exec.yaml", "sleep 60"]);
    expect(failures(results)).toEqual([MESSAGES.livenessProbe, MESSAGES.killed, MESSAGES.restarted]);
  });

  test("the documentation's startup probe (30 × 10 s), pod deleted and created again, passes", async () => {
    const { results } = await tryStep(LESSON, "startup", [
      "kubectl delete pod slow-start",
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata: { name: slow-start }
spec:
  containers:
  - name: app
    image: busybox:1.36
    args: [/bin/sh, -c, "sleep 40; touch /tmp/healthy; sleep 3600"]
    livenessProbe: { exec: { command: [cat, /tmp/healthy] }, periodSeconds: 5, failureThreshold: 3 }
    startupProbe: { exec: { command: [cat, /tmp/healthy] }, periodSeconds: 10, failureThreshold: 30 }
EOF`,
      "sleep 30",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a startup probe that allows only 15 seconds fails: the container is still restarted", async () => {
    const { results } = await tryStep(LESSON, "startup", [
      "sed -i 's/failureThreshold: 3/failureThreshold: 3\\n    startupProbe: { exec: { command: [cat, \\/tmp\\/healthy] }, periodSeconds: 5, failureThreshold: 3 }/' slow-start.yaml",
      "kubectl replace --force -f slow-start.yaml",
      "sleep 60",
    ]);
    expect(failures(results)).toEqual([MESSAGES.slowStartRuns]);
  });

  test("dropping the liveness probe instead fails: the pod runs, but nothing would restart a hung app", async () => {
    const { results } = await tryStep(LESSON, "startup", [
      "head -12 slow-start.yaml > no-liveness.yaml",
      "kubectl replace --force -f no-liveness.yaml",
      "sleep 30",
    ]);
    expect(failures(results)).toEqual([MESSAGES.slowStartProbes]);
  });

  test("fixing the probe's port with a JSON patch passes", async () => {
    const { results } = await tryStep(LESSON, "readiness", [
      `kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/port","value":80}]'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("replacing the HTTP probe by a TCP probe on port 80 with a strategic merge patch passes", async () => {
    const { results } = await tryStep(LESSON, "readiness", [
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","readinessProbe":{"httpGet":null,"tcpSocket":{"port":80}}}]}}}}'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("removing the readiness probe fails: the pods must keep one", async () => {
    const { results } = await tryStep(LESSON, "readiness", [
      `kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/spec/template/spec/containers/0/readinessProbe"}]'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([MESSAGES.webReady]);
  });

  test("failing only the nginx container's readiness, on a pod picked by name, passes", async () => {
    const { results } = await tryStep(LESSON, "out-of-rotation", [
      "POD=$(kubectl get pods -l app=web -o jsonpath='{.items[2].metadata.name}')",
      "kubectl annotate pod $POD kubeplay.dev/fail-readiness=nginx",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("failing every web pod's readiness fails: the Service would have no endpoints left", async () => {
    const { results } = await tryStep(LESSON, "out-of-rotation", ["kubectl annotate pods -l app=web 'kubeplay.dev/fail-readiness=*'"]);
    expect(failures(results)).toEqual([MESSAGES.oneUnready, MESSAGES.twoEndpoints]);
  });

  test("failing a pod's liveness instead fails: the container is restarted, not taken out of the Service", async () => {
    const { results } = await tryStep(LESSON, "out-of-rotation", ["kubectl annotate $(kubectl get pods -l app=web -o name | head -1) 'kubeplay.dev/fail-liveness=*'"]);
    expect(failures(results)).toEqual([MESSAGES.oneUnready, MESSAGES.twoEndpoints]);
  });

  test("removing the annotation from the one pod by name passes", async () => {
    const { results } = await tryStep(LESSON, "back-in-rotation", [
      "kubectl annotate pod $(kubectl get pods -l app=web -o jsonpath='{.items[?(@.status.containerStatuses[0].ready==false)].metadata.name}') kubeplay.dev/fail-readiness-",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting the unready pod passes: the Deployment replaces it with a ready one", async () => {
    const { results } = await tryStep(LESSON, "back-in-rotation", [
      "kubectl delete pod $(kubectl get pods -l app=web -o jsonpath='{.items[?(@.status.containerStatuses[0].ready==false)].metadata.name}')",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a JSON patch with a preStop sleep action passes", async () => {
    const { results } = await tryStep(LESSON, "prestop", [
      `kubectl patch deployment web --type=json -p '[{"op":"add","path":"/spec/template/spec/terminationGracePeriodSeconds","value":45},{"op":"add","path":"/spec/template/spec/containers/0/lifecycle","value":{"preStop":{"sleep":{"seconds":5}}}}]'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("rewriting web.yaml with the hook and the grace period and applying it passes", async () => {
    const { results } = await tryStep(LESSON, "prestop", [
      `cat <<EOF > web.yaml
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      terminationGracePeriodSeconds: 45
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{ containerPort: 80 }]
        readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
        lifecycle:
          preStop:
            exec: { command: ["/bin/sh", "-c", "nginx -s quit; while killall -0 nginx; do sleep 1; done"] }
EOF`,
      "kubectl apply -f web.yaml",
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("setting only the grace period fails on the hook", async () => {
    const { results } = await tryStep(LESSON, "prestop", [
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"terminationGracePeriodSeconds":45}}}}'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([MESSAGES.template, MESSAGES.pods]);
  });
});

describe("probes: starting state", () => {
  test("slow-start keeps being restarted by its liveness probe", async () => {
    const s = startLesson(readLesson(LESSON));
    expect(Number((await s.run("kubectl get pod slow-start -o jsonpath='{.status.containerStatuses[0].restartCount}'")).stdout)).toBeGreaterThanOrEqual(2);
    const r = await s.run("kubectl get events --field-selector involvedObject.name=slow-start,reason=Killing -o jsonpath='{.items[0].message}'");
    expect(r.stdout).toBe("Container app failed liveness probe, will be restarted");
  });

  test("three web pods run but none is ready, so the web Service has no ready endpoint", async () => {
    const s = startLesson(readLesson(LESSON));
    expect((await s.run("kubectl get deployment web --no-headers | awk '{print $2}'")).stdout).toBe("0/3\n");
    expect((await s.run("kubectl get pods -l app=web --field-selector=status.phase=Running -o name | wc -l")).stdout.trim()).toBe("3");
    expect((await s.run("kubectl get endpoints web -o jsonpath='{.subsets[0].notReadyAddresses[*].ip}' | wc -w")).stdout.trim()).toBe("3");
  });
});
