// Correct work done another way passes; wrong work fails with the step's message. Each replay runs
// the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { readLesson, startLesson, type LessonSession } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const THINK_MS = 30_000;

/** Replays `lessonId` up to and including `stepId`, typing `lines` for that step; its check results. */
async function tryStep(lessonId: string, stepId: string, lines: string[]): Promise<{ results: CheckResult[]; session: LessonSession }> {
  const loaded = readLesson(lessonId);
  const session = startLesson(loaded);
  for (const step of loaded.lesson.steps) {
    const own = step.id === stepId;
    for (const line of own ? lines : step.solution) {
      const r = await session.run(line);
      // kubectl may warn about a learner's way of doing it (apply over an object made by create), as it would for real.
      const stderr = own ? r.stderr.replace(/^Warning: .*\n/gm, "") : r.stderr;
      expect({ line, exitCode: r.exitCode, stderr }).toEqual({ line, exitCode: 0, stderr: "" });
    }
    session.wait(THINK_MS);
    if (own) return { results: session.check(step.checks), session };
  }
  throw new Error(`no step ${stepId} in ${lessonId}`);
}

const failures = (results: CheckResult[]) => results.filter((r) => !r.passed).map((r) => r.message);

describe("deployments: alternative solutions", () => {
  test("scaling with kubectl patch passes", async () => {
    const { results } = await tryStep("deployments", "scale", [`kubectl patch deployment web -p '{"spec":{"replicas":4}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling by editing the seeded web.yaml and applying it passes", async () => {
    const { results } = await tryStep("deployments", "scale", ["sed -i 's/replicas: 2/replicas: 4/' web.yaml", "kubectl apply -f web.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling to the wrong number fails and says what is missing", async () => {
    const { results } = await tryStep("deployments", "scale", ["kubectl scale deployment web --replicas=3"]);
    expect(failures(results)).toEqual([
      "The web Deployment does not ask for 4 replicas yet.",
      "There are not 4 web pods Running and Ready yet. Give the new pods a few seconds, then check again.",
    ]);
  });

  test("updating the image with a strategic merge patch passes", async () => {
    const { results } = await tryStep("deployments", "update", [`kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("rolling back with --to-revision passes", async () => {
    const { results } = await tryStep("deployments", "undo", ["kubectl rollout undo deployment/web --to-revision=1"]);
    expect(failures(results)).toEqual([]);
  });

  test("making the two changes without pausing fails on the pause check only", async () => {
    const { results } = await tryStep("deployments", "pause", ["kubectl set image deployment/web nginx=nginx:1.27", "kubectl set resources deployment/web -c nginx --limits=memory=128Mi"]);
    expect(failures(results)).toEqual(["This step is about pausing the rollout while you make your changes, then resuming it."]);
  });

  test("forgetting to resume fails: the rollout stays paused", async () => {
    const { results } = await tryStep("deployments", "pause", [
      "kubectl rollout pause deployment/web",
      "kubectl set image deployment/web nginx=nginx:1.27",
      "kubectl set resources deployment/web -c nginx --limits=memory=128Mi",
    ]);
    expect(failures(results)).toEqual([
      "The web Deployment is not running nginx:1.27 with its rollout finished and unpaused yet.",
      "This step is about pausing the rollout while you make your changes, then resuming it.",
    ]);
  });
});

describe("cluster-tour: alternative solutions", () => {
  test("labelling the node with kubectl patch passes", async () => {
    const { results } = await tryStep("cluster-tour", "nodes", ["kubectl get no --show-labels", `kubectl patch node controlplane -p '{"metadata":{"labels":{"tier":"control-plane"}}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("writing the findings as YAML from a here-document passes", async () => {
    const { results } = await tryStep("cluster-tour", "kube-system", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: ConfigMap
metadata:
  name: findings
  namespace: tour
data:
  etcd-node: controlplane
  dns-replicas: "2"
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a wrong finding fails with the message for that key only", async () => {
    const { results } = await tryStep("cluster-tour", "kube-system", ["kubectl create configmap findings -n tour --from-literal=etcd-node=node01 --from-literal=dns-replicas=2"]);
    expect(failures(results)).toEqual(["The ConfigMap findings in namespace tour does not record the node etcd runs on yet (key etcd-node)."]);
  });

  test("recreating the ConfigMap with all three keys passes", async () => {
    const { results } = await tryStep("cluster-tour", "api-resources", [
      "kubectl api-resources --namespaced=true",
      "kubectl create configmap findings -n tour --from-literal=etcd-node=controlplane --from-literal=dns-replicas=2 --from-literal=pvc-short-name=pvc --dry-run=client -o yaml | kubectl apply -f -",
    ]);
    expect(failures(results)).toEqual([]);
  });
});

describe("lesson starting state", () => {
  test("deployments: web runs two ready pods and web.yaml is in the learner's home", async () => {
    const s = startLesson(readLesson("deployments"));
    expect((await s.run("kubectl get deployment web --no-headers | awk '{print $1, $2}'")).stdout).toBe("web 2/2\n");
    expect((await s.run("grep -c 'image: nginx:1.26' web.yaml")).stdout).toBe("1\n");
  });

  test("cluster-tour: the workers carry their tier labels", async () => {
    const s = startLesson(readLesson("cluster-tour"));
    expect((await s.run("kubectl get nodes -l tier -o name")).stdout).toBe("node/node01\nnode/node02\n");
  });
});
