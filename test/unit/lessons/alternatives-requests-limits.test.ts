// requests-limits: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson, THINK_MS } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const LESSON = "requests-limits";

const FIXED_LIMIT = `sed -i 's/memory: "100Mi"/memory: "300Mi"/' memory-demo-2.yaml`;

describe("requests-limits: alternative solutions", () => {
  test("the pod created with kubectl create and its quantities in bytes passes", async () => {
    const { results } = await tryStep(LESSON, "request-limit", [
      "kubectl create ns mem-example",
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata: { name: memory-demo, namespace: mem-example }
spec:
  containers:
  - name: memory-demo-ctr
    image: polinux/stress
    resources: { requests: { memory: "104857600" }, limits: { memory: "209715200" } }
    command: [stress]
    args: [--vm, "1", --vm-bytes, 150M, --vm-hang, "1"]
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("adding the resources with sed and applying the file passes", async () => {
    const { results } = await tryStep(LESSON, "request-limit", [
      "kubectl create namespace mem-example",
      String.raw`sed -i 's/^    image: polinux\/stress$/    image: polinux\/stress\n    resources:\n      requests:\n        memory: 100Mi\n      limits:\n        memory: 200Mi/' memory-demo.yaml`,
      "kubectl apply -f memory-demo.yaml",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("creating the pod from the file unchanged fails on its resources only", async () => {
    const { results } = await tryStep(LESSON, "request-limit", ["kubectl create namespace mem-example", "kubectl apply -f memory-demo.yaml"]);
    expect(failures(results)).toEqual(["There is no pod memory-demo in mem-example whose container requests 100Mi of memory and is limited to 200Mi yet."]);
  });

  test("creating memory-demo-2 with kubectl create passes once it has been OOMKilled", async () => {
    const { results, session } = await tryStep(LESSON, "oom", ["kubectl create -f memory-demo-2.yaml"]);
    expect(failures(results)).toEqual([]);
    const out = await session.run("kubectl get pod memory-demo-2 -n mem-example -o jsonpath='{.status.containerStatuses[0].lastState.terminated.exitCode}'");
    expect(out.stdout).toBe("137");
  });

  test("creating memory-demo-2 with a limit that is large enough already fails: nothing was killed", async () => {
    const { results } = await tryStep(LESSON, "oom", [FIXED_LIMIT, "kubectl apply -f memory-demo-2.yaml"]);
    expect(failures(results)).toEqual([
      "The memory-demo-2 pod has not had its container killed for using more memory than its limit yet. Create it from memory-demo-2.yaml as it is, and give it a few seconds.",
    ]);
  });

  test("kubectl replace --force with the edited file passes", async () => {
    const { results } = await tryStep(LESSON, "fix-oom", [FIXED_LIMIT, "kubectl replace --force -f memory-demo-2.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("the live pod's YAML edited in a pipe and replaced with --force, with a 1Gi limit, passes", async () => {
    const { results } = await tryStep(LESSON, "fix-oom", [
      "kubectl get pod memory-demo-2 -n mem-example -o yaml | sed 's/memory: 100Mi/memory: 1Gi/' | kubectl replace --force -f -",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("applying the edited file over the running pod is refused, and the step still fails", async () => {
    const loaded = readLesson(LESSON);
    const s = startLesson(loaded);
    for (const step of loaded.lesson.steps.slice(0, 2)) for (const line of step.solution) await s.run(line);
    await s.run(FIXED_LIMIT);
    const r = await s.run("kubectl apply -f memory-demo-2.yaml");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/Forbidden: pod updates may not change fields/);
    s.wait(THINK_MS);
    expect(failures(s.check(loaded.lesson.steps[2].checks))).toEqual([
      "The memory-demo-2 pod does not allocate 250M under a memory limit large enough for it yet (keep a limit, and keep --vm-bytes 250M).",
      "The memory-demo-2 pod is not running without restarts yet. A pod that was killed before keeps its restart count; it has to be a new pod.",
    ]);
  });

  test("allocating less instead of raising the limit fails on what the pod allocates", async () => {
    const { results } = await tryStep(LESSON, "fix-oom", [
      "sed -i 's/250M/50M/' memory-demo-2.yaml",
      "kubectl replace --force -f memory-demo-2.yaml",
    ]);
    expect(failures(results)).toEqual(["The memory-demo-2 pod does not allocate 250M under a memory limit large enough for it yet (keep a limit, and keep --vm-bytes 250M)."]);
  });

  test("a limit of 200Mi is still too small: the new pod is OOMKilled too", async () => {
    const { results } = await tryStep(LESSON, "fix-oom", [
      `sed -i 's/memory: "100Mi"/memory: "200Mi"/' memory-demo-2.yaml`,
      "kubectl replace --force -f memory-demo-2.yaml",
    ]);
    expect(failures(results)).toEqual([
      "The memory-demo-2 pod does not allocate 250M under a memory limit large enough for it yet (keep a limit, and keep --vm-bytes 250M).",
      "The memory-demo-2 pod is not running without restarts yet. A pod that was killed before keeps its restart count; it has to be a new pod.",
    ]);
  });

  test("creating memory-demo-3 with kubectl create passes", async () => {
    const { results } = await tryStep(LESSON, "unschedulable", ["kubectl create -f memory-demo-3.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("the LimitRange with quantities in bytes and the pod from YAML without resources pass", async () => {
    const { results } = await tryStep(LESSON, "limitrange", [
      "kubectl create ns default-mem-example",
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: LimitRange
metadata: { name: mem-limit-range, namespace: default-mem-example }
spec:
  limits:
  - type: Container
    default: { memory: "536870912" }
    defaultRequest: { memory: "268435456" }
EOF`,
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: { name: default-mem-demo, namespace: default-mem-example }
spec:
  containers:
  - name: default-mem-demo-ctr
    image: nginx
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a pod created before the LimitRange fails: it got no defaults", async () => {
    const { results } = await tryStep(LESSON, "limitrange", [
      "kubectl create namespace default-mem-example",
      "kubectl run default-mem-demo --image=nginx -n default-mem-example",
      `cat <<EOF | kubectl apply -n default-mem-example -f -
apiVersion: v1
kind: LimitRange
metadata: { name: mem-limit-range }
spec:
  limits:
  - { type: Container, default: { memory: 512Mi }, defaultRequest: { memory: 256Mi } }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no nginx pod default-mem-demo in default-mem-example whose memory request and limit were filled in by the LimitRange yet. Write no resources in the pod, and create it after the LimitRange.",
    ]);
  });

  test("writing the resources into the pod yourself fails: the LimitRange did not fill them in", async () => {
    const { results } = await tryStep(LESSON, "limitrange", [
      "kubectl create namespace default-mem-example",
      `cat <<EOF | kubectl apply -n default-mem-example -f -
apiVersion: v1
kind: LimitRange
metadata: { name: mem-limit-range }
spec:
  limits:
  - { type: Container, default: { memory: 512Mi }, defaultRequest: { memory: 256Mi } }
---
apiVersion: v1
kind: Pod
metadata: { name: default-mem-demo }
spec:
  containers:
  - { name: web, image: nginx, resources: { requests: { memory: 256Mi }, limits: { memory: 512Mi } } }
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no nginx pod default-mem-demo in default-mem-example whose memory request and limit were filled in by the LimitRange yet. Write no resources in the pod, and create it after the LimitRange.",
    ]);
  });
});

describe("requests-limits: starting state", () => {
  test("the three manifests are in the learner's home and no mem-example namespace exists", async () => {
    const s = startLesson(readLesson(LESSON));
    expect((await s.run("ls memory-demo*.yaml | wc -l")).stdout.trim()).toBe("3");
    expect((await s.run("grep -c resources memory-demo.yaml")).stdout).toBe("0\n");
    expect((await s.run("kubectl get namespace mem-example")).exitCode).toBe(1);
  });
});
