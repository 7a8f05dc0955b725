// autoscaling: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const LESSON = "autoscaling";

const MESSAGES = {
  topNodes: "You have not looked at the nodes' CPU and memory use with kubectl top yet.",
  hpa: "There is no HorizontalPodAutoscaler php-apache that keeps the php-apache Deployment between 1 and 10 replicas at 50% CPU use yet.",
  replicas4: "The php-apache Deployment does not run at least 4 ready replicas yet. Is the CPU load there, and has the HPA had time to react?",
  scaledUp: "The php-apache HorizontalPodAutoscaler has not scaled up because of CPU use yet.",
  window: "The php-apache HorizontalPodAutoscaler does not wait 60 seconds before it scales down yet.",
  replicas1: "The php-apache Deployment has not been scaled back down to 1 replica yet. Is the load gone, and has the window passed?",
  scaledDown: "The php-apache HorizontalPodAutoscaler has not scaled down because the CPU use went below its target yet.",
};

describe("autoscaling: alternative solutions", () => {
  test("kubectl top with short names, flags and a node's name passes", async () => {
    const { results } = await tryStep(LESSON, "top", ["kubectl top po --containers", "kubectl top no controlplane", "kubectl top pods -A --sort-by=memory"]);
    expect(failures(results)).toEqual([]);
  });

  test("looking at the pods only fails on the nodes", async () => {
    const { results } = await tryStep(LESSON, "top", ["kubectl top pods"]);
    expect(failures(results)).toEqual([MESSAGES.topNodes]);
  });

  test("an autoscaling/v2 HPA written in YAML passes", async () => {
    const { results } = await tryStep(LESSON, "hpa", [
      `cat <<EOF | kubectl apply -f -
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: php-apache
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("an autoscaling/v1 HPA with targetCPUUtilizationPercentage passes", async () => {
    const { results } = await tryStep(LESSON, "hpa", [
      `cat <<EOF | kubectl create -f -
apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: { name: php-apache }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: php-apache }
  maxReplicas: 10
  targetCPUUtilizationPercentage: 50
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl autoscale on deploy/php-apache without --min passes: the minimum defaults to 1", async () => {
    const { results } = await tryStep(LESSON, "hpa", ["kubectl autoscale deploy/php-apache --max=10 --cpu-percent=50"]);
    expect(failures(results)).toEqual([]);
  });

  test("an HPA with at most 5 replicas fails on its spec only", async () => {
    const { results } = await tryStep(LESSON, "hpa", ["kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=5"]);
    expect(failures(results)).toEqual([MESSAGES.hpa]);
  });

  test("a curl loop from another pod, calling the Service by its full name, passes", async () => {
    const { results } = await tryStep(LESSON, "load", [
      `kubectl run curl-loop --image=curlimages/curl --restart=Never --command -- sh -c 'while true; do curl -s http://php-apache.default.svc.cluster.local/ > /dev/null; sleep 0.01; done'`,
      "sleep 120",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a load generator calling a Service that does not exist fails: nothing loads php-apache", async () => {
    const { results } = await tryStep(LESSON, "load", [`kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php; done"`, "sleep 90"]);
    expect(failures(results)).toEqual([MESSAGES.replicas4, MESSAGES.scaledUp]);
  });

  test("the cpu-usage annotation instead of a client passes", async () => {
    const { results } = await tryStep(LESSON, "load", ["kubectl annotate pods -l run=php-apache kubeplay.dev/cpu-usage=450m", "sleep 60"]);
    expect(failures(results)).toEqual([]);
  });

  test("a full core on the pod picked by name passes: its CPU is throttled at the 500m limit", async () => {
    const { results, session } = await tryStep(LESSON, "load", [
      "kubectl annotate pod $(kubectl get pods -l run=php-apache -o jsonpath='{.items[0].metadata.name}') kubeplay.dev/cpu-usage=1",
      "sleep 60",
    ]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl get hpa php-apache -o jsonpath='{.status.currentMetrics[0].resource.current.averageUtilization}'")).stdout).toMatch(/^[0-9]+$/);
  });

  test("putting the load into the pod template passes: every pod is busy, so the HPA goes to its maximum", async () => {
    const { results, session } = await tryStep(LESSON, "load", [
      `kubectl patch deployment php-apache -p '{"spec":{"template":{"metadata":{"annotations":{"kubeplay.dev/cpu-usage":"450m"}}}}}'`,
      "sleep 90",
    ]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl get deployment php-apache -o jsonpath='{.spec.replicas}'")).stdout).toBe("10");
  });

  test("annotating the Deployment itself fails: no pod uses more CPU", async () => {
    const { results } = await tryStep(LESSON, "load", ["kubectl annotate deployment php-apache kubeplay.dev/cpu-usage=450m", "sleep 60"]);
    expect(failures(results)).toEqual([MESSAGES.replicas4, MESSAGES.scaledUp]);
  });

  test("a JSON patch of the window, and the load generator deleted by its label at once, passes", async () => {
    const { results } = await tryStep(LESSON, "scale-down", [
      `kubectl patch hpa php-apache --type=json -p '[{"op":"add","path":"/spec/behavior","value":{"scaleDown":{"stabilizationWindowSeconds":60}}}]'`,
      "kubectl delete pod -l run=load-generator --now",
      "sleep 120",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("the HPA rewritten in YAML with its behaviour and applied passes", async () => {
    const { results } = await tryStep(LESSON, "scale-down", [
      `cat <<EOF > hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: php-apache }
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } }
  behavior:
    scaleDown:
      stabilizationWindowSeconds: 60
EOF`,
      "kubectl apply -f hpa.yaml",
      "kubectl delete pod load-generator --grace-period=0 --force",
      "kubectl wait deployment/php-apache --for=jsonpath='{.spec.replicas}'=1 --timeout=3m",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("stopping the load without a window of 60 seconds fails: the default window keeps the pods for 5 minutes", async () => {
    const { results, session } = await tryStep(LESSON, "scale-down", ["kubectl delete pod load-generator", "sleep 60"]);
    expect(failures(results)).toEqual([MESSAGES.window, MESSAGES.replicas1, MESSAGES.scaledDown]);
    // The default window has passed 5 minutes after the load went: the replicas are back to 1, but the step still asks for the window.
    session.wait(300_000);
    expect(failures(session.check(readLesson(LESSON).lesson.steps[3].checks))).toEqual([MESSAGES.window]);
  });
});

describe("autoscaling: starting state", () => {
  test("one php-apache pod requesting 200m CPU runs behind its Service, idle, and no HPA exists", async () => {
    const s = startLesson(readLesson(LESSON));
    expect((await s.run("kubectl get deployment php-apache --no-headers | awk '{print $2}'")).stdout).toBe("1/1\n");
    expect((await s.run("kubectl get pods -l run=php-apache -o jsonpath='{.items[0].spec.containers[0].resources.requests.cpu}'")).stdout).toBe("200m");
    expect((await s.run("kubectl top pods --no-headers | awk '{print $2}'")).stdout).toBe("1m\n");
    expect((await s.run("kubectl get hpa")).stderr).toBe("No resources found in default namespace.\n");
  });
});
