// scheduling: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep as tryLessonStep } from "./harness";

/** Replays the lesson up to and including `stepId`, typing `lines` for that step (the harness's tryStep). */
const tryStep = (stepId: string, lines: string[]) => tryLessonStep("scheduling", stepId, lines);

const WEB_WITH_AFFINITY = (affinity: string) => `cat <<EOF | kubectl apply -f -
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${affinity}
      containers:
      - name: nginx
        image: nginx:1.27
EOF`;

describe("scheduling: alternative solutions", () => {
  test("node-selector: labelling with kubectl patch and creating the pod with kubectl run --overrides passes", async () => {
    const { results } = await tryStep("node-selector", [
      `kubectl patch node node01 -p '{"metadata":{"labels":{"disktype":"ssd"}}}'`,
      `kubectl run nginx --image=nginx:1.27 --labels=env=test --overrides='{"spec":{"nodeSelector":{"disktype":"ssd"}}}'`,
      "kubectl wait --for=condition=Ready pod/nginx --timeout=60s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("node-selector: a nodeSelector without labelling the node leaves the pod Pending and fails", async () => {
    const { results, session } = await tryStep("node-selector", [`kubectl run nginx --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"disktype":"ssd"}}}'`]);
    expect(failures(results)).toEqual([
      "node01 does not have the label disktype=ssd yet.",
      "The nginx pod is not Running on node01 yet. If it is Pending, `kubectl describe pod nginx` says why.",
    ]);
    expect((await session.run("kubectl describe pod nginx")).stdout).toContain("didn't match Pod's node affinity/selector");
  });

  test("affinity: NotIn the other zone, patched into a Deployment created first, passes", async () => {
    const patch = {
      spec: { template: { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "NotIn", values: ["antarctica-east1"] }] }] } } } } } },
    };
    const { results } = await tryStep("affinity", [
      "kubectl create deployment web --image=nginx:1.27 --replicas=3",
      `kubectl patch deployment web -p '${JSON.stringify(patch)}'`,
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("affinity: a nodeSelector on the zone places the pods but is not node affinity, and fails that check only", async () => {
    const { results } = await tryStep("affinity", [
      WEB_WITH_AFFINITY(`      nodeSelector:
        topology.kubernetes.io/zone: antarctica-west1`),
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual(["The web Deployment's pods do not require a node affinity on the zone label yet."]);
  });

  test("affinity: a preferred affinity alone does not keep the pods in the zone and fails", async () => {
    const { results } = await tryStep("affinity", [
      WEB_WITH_AFFINITY(`      affinity:
        nodeAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 1
            preference:
              matchExpressions:
              - key: topology.kubernetes.io/zone
                operator: In
                values: [antarctica-west1]`),
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)[0]).toBe("The web Deployment's pods do not require a node affinity on the zone label yet.");
  });

  test("taint: kubectl patch for the taint and a test pod of another name passes", async () => {
    const { results } = await tryStep("taint", [
      `kubectl patch node node01 -p '{"spec":{"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]},"metadata":{"labels":{"dedicated":"gpu"}}}'`,
      `kubectl run probe --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"dedicated":"gpu"}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("taint: a PreferNoSchedule taint lets the pod in and fails", async () => {
    const { results, session } = await tryStep("taint", [
      "kubectl taint nodes node01 dedicated=gpu:PreferNoSchedule",
      "kubectl label nodes node01 dedicated=gpu",
      `kubectl run gpu-pod --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"dedicated":"gpu"}}}'`,
    ]);
    expect(failures(results)).toEqual([
      "node01 does not carry the taint dedicated=gpu:NoSchedule and the label dedicated=gpu yet.",
      "No pod has been turned away by the scheduler because of the dedicated=gpu taint yet.",
    ]);
    expect((await session.run("kubectl get pod gpu-pod -o jsonpath='{.spec.nodeName}'")).stdout).toBe("node01");
  });

  test("toleration: adding an Exists toleration to the Pending pod with a JSON patch passes", async () => {
    const { results } = await tryStep("toleration", [
      `kubectl patch pod gpu-pod --type=json -p '[{"op":"add","path":"/spec/tolerations/-","value":{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}}]'`,
      "kubectl wait --for=condition=Ready pod/gpu-pod --timeout=60s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("toleration: a toleration for the wrong value keeps the pod Pending and fails", async () => {
    const { results } = await tryStep("toleration", [
      "kubectl delete pod gpu-pod",
      `kubectl run gpu-pod --image=nginx:1.27 --overrides='{"spec":{"nodeSelector":{"dedicated":"gpu"},"tolerations":[{"key":"dedicated","operator":"Equal","value":"cpu","effect":"NoSchedule"}]}}'`,
    ]);
    expect(failures(results)).toEqual(["The gpu-pod is not Running on node01 yet."]);
  });

  test("drain: cordon, then deleting the pods on the node, passes", async () => {
    const { results } = await tryStep("drain", [
      "kubectl cordon node02",
      "kubectl delete pods --field-selector spec.nodeName=node02",
      "kubectl rollout status deployment/web",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("drain: cordoning alone leaves the pods on the node and fails", async () => {
    const { results } = await tryStep("drain", ["kubectl cordon node02"]);
    expect(failures(results)).toEqual(["Pods are still running on node02.", "The web Deployment does not have 3 pods Running and Ready away from node02 yet."]);
  });

  test("drain: without --ignore-daemonsets drain refuses and nothing moves", async () => {
    const { results, session } = await tryStep("drain", ["kubectl get nodes"]);
    const r = await session.run("kubectl drain node02");
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain("--ignore-daemonsets");
    expect(failures(results)).toHaveLength(3);
  });

  test("uncordon: kubectl patch passes", async () => {
    const { results } = await tryStep("uncordon", [`kubectl patch node node02 -p '{"spec":{"unschedulable":false}}'`]);
    expect(failures(results)).toEqual([]);
  });
});
