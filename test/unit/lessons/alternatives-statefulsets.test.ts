// statefulsets: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const NEW = "registry.k8s.io/nginx-slim:0.24";

describe("statefulsets: alternative solutions", () => {
  test("kubectl create -f web.yaml, waiting by reading, passes", async () => {
    const { results } = await tryStep("statefulsets", "create", ["kubectl create -f web.yaml", "sleep 20", "kubectl get pvc"]);
    expect(failures(results)).toEqual([]);
  });

  test("a Service that is not headless fails on the Service check only", async () => {
    const { results } = await tryStep("statefulsets", "create", ["sed -i '/clusterIP: None/d' web.yaml", "kubectl apply -f web.yaml"]);
    expect(failures(results)).toEqual(["There is no headless Service called nginx selecting the pods labelled app=nginx yet."]);
  });

  test("looking the pods up by their fully qualified names passes", async () => {
    const { results } = await tryStep("statefulsets", "identity", [
      "kubectl exec client -- nslookup web-0.nginx.default.svc.cluster.local",
      "kubectl exec -i client -- nslookup web-1.nginx.default",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("looking up only the Service name fails for both pods", async () => {
    const { results } = await tryStep("statefulsets", "identity", ["kubectl exec client -- nslookup nginx"]);
    expect(failures(results)).toEqual([
      "You have not looked up the DNS name of the pod web-0 from the client pod yet.",
      "You have not looked up the DNS name of the pod web-1 from the client pod yet.",
    ]);
  });

  test("scaling with kubectl patch, as the tutorial does, passes", async () => {
    const { results } = await tryStep("statefulsets", "scale", [
      `kubectl patch sts web -p '{"spec":{"replicas":5}}'`,
      "kubectl rollout status sts/web --timeout=180s",
      `kubectl patch sts web -p '{"spec":{"replicas":3}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling straight to 3 fails: there were never five claims", async () => {
    const { results } = await tryStep("statefulsets", "scale", ["kubectl scale statefulset web --replicas=3", "kubectl rollout status statefulset/web"]);
    expect(failures(results)).toEqual(["There are not five bound claims www-web-0 to www-web-4 yet. Did the StatefulSet reach 5 pods before you scaled it down?"]);
  });

  test("one strategic merge patch setting the partition and the image together passes", async () => {
    const { results } = await tryStep("statefulsets", "canary", [
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}},"template":{"spec":{"containers":[{"name":"nginx","image":"${NEW}"}]}}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("the partition with a JSON patch, then kubectl set image, passes", async () => {
    const { results } = await tryStep("statefulsets", "canary", [
      `kubectl patch statefulset web --type=json -p '[{"op":"add","path":"/spec/updateStrategy/rollingUpdate/partition","value":2}]'`,
      `kubectl set image statefulset/web nginx=${NEW}`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("changing the image without a partition fails: every pod is updated", async () => {
    const { results } = await tryStep("statefulsets", "canary", [`kubectl set image statefulset/web nginx=${NEW}`, "kubectl rollout status statefulset/web --timeout=180s"]);
    expect(failures(results)).toEqual([
      "The web StatefulSet does not run registry.k8s.io/nginx-slim:0.24 behind a partition of 2 yet.",
      "The pods web-0 and web-1 should keep running nginx-slim:0.21 while only web-2 tries the new version.",
    ]);
  });

  test("a phased roll out, partition 1 then 0, passes", async () => {
    const { results } = await tryStep("statefulsets", "rollout", [
      `kubectl patch statefulset web --type=merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'`,
      "kubectl rollout status statefulset/web --timeout=120s",
      `kubectl patch statefulset web --type=merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":0}}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("stopping at partition 1 fails: web-0 still runs the old image", async () => {
    const { results } = await tryStep("statefulsets", "rollout", [`kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":1}}}}'`]);
    expect(failures(results)).toEqual([
      "The web StatefulSet has not updated all three pods yet.",
      "Not all three web pods run registry.k8s.io/nginx-slim:0.24 and are Ready yet.",
    ]);
  });

  test("deleting sts/web with --cascade=orphan passes", async () => {
    const { results, session } = await tryStep("statefulsets", "orphan", ["kubectl delete sts/web --cascade=orphan", "kubectl get pod web-0 -o yaml | grep -c ownerReferences || true"]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl get pod web-0 -o yaml | grep -c ownerReferences")).stdout).toBe("0\n");
  });

  test("a plain delete fails: the pods went with the StatefulSet", async () => {
    const { results } = await tryStep("statefulsets", "orphan", ["kubectl delete statefulset web"]);
    expect(failures(results)).toEqual(["The pods web-0, web-1 and web-2 are not all still running on their own (without an owner)."]);
  });
});
