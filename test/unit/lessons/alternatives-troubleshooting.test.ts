// The troubleshooting lesson: any fix that leaves the application working passes; a fix that does not
// fails with the step's message. Each replay runs the lesson's reference solutions, replacing the
// solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

describe("troubleshooting: alternative fixes", () => {
  test("the worker's command fixed in its YAML and re-applied passes", async () => {
    const { results } = await tryStep("troubleshooting", "crashloop", ["kubectl get deployment worker -o yaml | sed 's/- slep$/- sleep/' | kubectl apply -f -"]);
    expect(failures(results)).toEqual([]);
  });

  test("replacing the command with a shell loop that keeps running passes: the result counts, not the command", async () => {
    const { results } = await tryStep("troubleshooting", "crashloop", [
      `kubectl patch deployment worker -p '{"spec":{"template":{"spec":{"containers":[{"name":"worker","command":["sh","-c","while true; do sleep 60; done"]}]}}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("restarting the rollout without fixing the command fails", async () => {
    const { results } = await tryStep("troubleshooting", "crashloop", ["kubectl rollout restart deployment/worker"]);
    expect(failures(results)).toEqual(["The worker Deployment does not have all its pods updated and available yet.", "There are not 2 worker pods Running and Ready yet."]);
  });

  test("deleting the crashing pods fails: the Deployment makes the same pods again", async () => {
    const { results } = await tryStep("troubleshooting", "crashloop", ["kubectl delete pods -l app=worker"]);
    expect(failures(results)).toEqual(["The worker Deployment does not have all its pods updated and available yet.", "There are not 2 worker pods Running and Ready yet."]);
  });

  test("fixing the image with kubectl patch, and another nginx tag that exists, passes", async () => {
    const { results } = await tryStep("troubleshooting", "image-pull", [
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27.3"}]}}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("another tag that does not exist fails", async () => {
    const { results } = await tryStep("troubleshooting", "image-pull", ["kubectl set image deployment/web nginx=nginx:1.72.0"]);
    expect(failures(results)).toEqual(["The web Deployment does not have all its pods updated and available yet.", "There are not 2 web pods Running and Ready yet."]);
  });

  test("lowering the memory request with a JSON patch passes", async () => {
    const { results } = await tryStep("troubleshooting", "pending-resources", [
      `kubectl patch deployment cache --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/resources/requests/memory","value":"128Mi"}]'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("removing the requests altogether passes", async () => {
    const { results } = await tryStep("troubleshooting", "pending-resources", [`kubectl patch deployment cache --type=json -p '[{"op":"remove","path":"/spec/template/spec/containers/0/resources"}]'`]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling the cache to zero fails: no cache pod runs", async () => {
    const { results } = await tryStep("troubleshooting", "pending-resources", ["kubectl scale deployment cache --replicas=0"]);
    expect(failures(results)).toEqual(["There is not 1 cache pod Running and Ready yet."]);
  });

  test("a request that is still too big fails", async () => {
    const { results } = await tryStep("troubleshooting", "pending-resources", ["kubectl set resources deployment cache --requests=memory=32Gi"]);
    expect(failures(results)).toEqual(["The cache Deployment does not have all its pods updated and available yet.", "There is not 1 cache pod Running and Ready yet."]);
  });

  test("labelling the ssd node with the label the pod asks for passes", async () => {
    const { results, session } = await tryStep("troubleshooting", "pending-selector", ["kubectl label node node01 disktype=ssd"]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl get pods -l app=reports -o jsonpath='{.items[0].spec.nodeName}'")).stdout).toBe("node01");
  });

  test("removing the nodeSelector passes", async () => {
    const { results } = await tryStep("troubleshooting", "pending-selector", [`kubectl patch deployment reports --type=json -p '[{"op":"remove","path":"/spec/template/spec/nodeSelector"}]'`]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting the Pending pod fails: its replacement asks for the same label", async () => {
    const { results } = await tryStep("troubleshooting", "pending-selector", ["kubectl delete pod -l app=reports"]);
    expect(failures(results)).toEqual(["The reports Deployment does not have all its pods updated and available yet.", "There is not 1 reports pod Running and Ready yet."]);
  });

  test("recreating the web Service with kubectl expose passes", async () => {
    const { results, session } = await tryStep("troubleshooting", "target-port", ["kubectl delete service web", "kubectl expose deployment web --port=80"]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl exec client -- wget -qO- -T 2 http://web")).stdout).toContain("Welcome to nginx!");
  });

  test("editing the Service's YAML and applying it passes", async () => {
    const { results } = await tryStep("troubleshooting", "target-port", ["kubectl get service web -o yaml | sed 's/targetPort: 8080/targetPort: 80/' | kubectl apply -f -"]);
    expect(failures(results)).toEqual([]);
  });

  test("moving the Service's port to 8080 instead fails: nothing listens behind it", async () => {
    const { results } = await tryStep("troubleshooting", "target-port", [`kubectl patch service web --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'`]);
    expect(failures(results)).toEqual(["The web Service does not send connections on its port 80 to the port the web pods listen on yet."]);
  });

  test("fixing the cache Service's selector with a merge patch passes", async () => {
    const { results } = await tryStep("troubleshooting", "no-endpoints", [`kubectl patch service cache --type=merge -p '{"spec":{"selector":{"app":"cache"}}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("changing the cache Service's target port instead of its selector fails", async () => {
    const { results } = await tryStep("troubleshooting", "no-endpoints", [`kubectl patch service cache --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":"redis"}]'`]);
    expect(failures(results)).toEqual(["The cache Service does not have the cache pod behind it yet."]);
  });
});

describe("troubleshooting: starting state", () => {
  test("each workload is broken as the lesson says", async () => {
    const s = startLesson(readLesson("troubleshooting"));
    const status = async (app: string) => (await s.run(`kubectl get pods -l app=${app} --no-headers | awk '{print $3}' | sort -u`)).stdout;
    expect(await status("worker")).toBe("CrashLoopBackOff\n");
    expect(await status("web")).toMatch(/^(ImagePullBackOff|ErrImagePull)\n$/);
    expect(await status("cache")).toBe("Pending\n");
    expect(await status("reports")).toBe("Pending\n");
    expect((await s.run("kubectl get pod client --no-headers | awk '{print $3}'")).stdout).toBe("Running\n");
    expect((await s.run("kubectl get endpoints cache --no-headers | awk '{print $2}'")).stdout).toBe("<none>\n");
  });
});
