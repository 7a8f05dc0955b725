// daemonsets: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

const NOT_TOLERATED = "The fluentd-elasticsearch pod template does not tolerate the control-plane node's NoSchedule taint yet.";
const NOT_ON_THREE = "There is not a ready fluentd-elasticsearch pod on each of the three nodes, the control plane included, yet.";

const SSD_MONITOR = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-monitor
spec:
  selector:
    matchLabels: { app: ssd-monitor }
  template:
    metadata:
      labels: { app: ssd-monitor }
    spec:
      nodeSelector: { disktype: ssd }
      containers:
      - name: monitor
        image: busybox:1.36
        command: ["sh", "-c", "while true; do echo \\"$(date) checking the disk\\"; sleep 60; done"]
`;

describe("daemonsets: alternative solutions", () => {
  test("kubectl create -f passes; the control plane has no pod", async () => {
    const { results, session } = await tryStep("daemonsets", "create", ["kubectl create -f fluentd-daemonset.yaml"]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl get pods -n kube-system -l name=fluentd-elasticsearch -o custom-columns=NODE:.spec.nodeName --no-headers | sort")).stdout).toBe("node01\nnode02\n");
  });

  test("the docs' toleration block added to the file with sed and applied passes", async () => {
    const { results } = await tryStep("daemonsets", "control-plane", [
      String.raw`sed -i 's/^    spec:$/    spec:\n      tolerations:\n      - key: node-role.kubernetes.io\/control-plane\n        operator: Exists\n        effect: NoSchedule/' fluentd-daemonset.yaml`,
      "grep -A3 tolerations fluentd-daemonset.yaml",
      "kubectl apply -f fluentd-daemonset.yaml",
      "kubectl rollout status ds/fluentd-elasticsearch -n kube-system --timeout=180s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a JSON patch adding a toleration without an effect passes", async () => {
    const { results } = await tryStep("daemonsets", "control-plane", [
      `kubectl patch ds fluentd-elasticsearch -n kube-system --type=json -p '[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists"}]}]'`,
      "kubectl rollout status ds/fluentd-elasticsearch -n kube-system --timeout=180s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("tolerating every taint, as kube-proxy does, passes", async () => {
    const { results } = await tryStep("daemonsets", "control-plane", [
      `kubectl patch ds fluentd-elasticsearch -n kube-system -p '{"spec":{"template":{"spec":{"tolerations":[{"operator":"Exists"}]}}}}'`,
      "kubectl rollout status ds/fluentd-elasticsearch -n kube-system --timeout=180s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a toleration for the wrong effect fails: the control plane still has no pod", async () => {
    const { results } = await tryStep("daemonsets", "control-plane", [
      `kubectl patch ds fluentd-elasticsearch -n kube-system -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoExecute"}]}}}}'`,
    ]);
    expect(failures(results)).toEqual([NOT_TOLERATED, NOT_ON_THREE]);
  });

  test("the ssd-monitor from a file, node02 labelled first, passes", async () => {
    const { results } = await tryStep("daemonsets", "node-selector", [
      "kubectl label nodes node02 disktype=ssd",
      `cat > ssd-monitor.yaml <<'EOF'\n${SSD_MONITOR}EOF`,
      "kubectl create -f ssd-monitor.yaml",
      "kubectl rollout status ds/ssd-monitor",
      "kubectl logs -l app=ssd-monitor",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("forgetting to label node02 fails on the label and leaves one pod", async () => {
    const { results } = await tryStep("daemonsets", "node-selector", [`cat <<'EOF' | kubectl apply -f -\n${SSD_MONITOR}EOF`]);
    expect(failures(results)).toEqual([
      "The node node02 is not labelled disktype=ssd yet.",
      "There is not a ready ssd-monitor pod (labelled app=ssd-monitor) on node01 and on node02 yet.",
    ]);
  });

  test("a DaemonSet without the nodeSelector fails: it runs on every worker but is not limited to SSD nodes", async () => {
    const { results } = await tryStep("daemonsets", "node-selector", [
      "kubectl label node node02 disktype=ssd",
      `cat <<'EOF' | kubectl apply -f -\n${SSD_MONITOR.replace("      nodeSelector: { disktype: ssd }\n", "")}EOF`,
    ]);
    expect(failures(results)).toEqual(["There is no DaemonSet called ssd-monitor in the default namespace running busybox with a nodeSelector disktype=ssd yet."]);
  });

  test("removing the label with kubectl patch (null) passes", async () => {
    const { results } = await tryStep("daemonsets", "unlabel", [`kubectl patch node node01 -p '{"metadata":{"labels":{"disktype":null}}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("relabelling node01 disktype=hdd fails on both checks", async () => {
    const { results } = await tryStep("daemonsets", "unlabel", ["kubectl label node node01 disktype=hdd --overwrite"]);
    expect(failures(results)).toEqual([
      "The node node01 still has a disktype label.",
      "The ssd-monitor pods have not left node01 yet (one should remain, on node02).",
    ]);
  });

  test("updating the image by applying the edited file passes (apply keeps the toleration it never set), and the history has three revisions", async () => {
    const { results, session } = await tryStep("daemonsets", "rolling-update", [
      "sed -i 's/fluentd:v2.5.2/fluentd:v2.6.0/' fluentd-daemonset.yaml",
      "kubectl apply -f fluentd-daemonset.yaml",
      "kubectl rollout status ds/fluentd-elasticsearch -n kube-system --timeout=300s",
    ]);
    expect(failures(results)).toEqual([]);
    expect((await session.run("kubectl rollout history ds/fluentd-elasticsearch -n kube-system")).stdout).toMatch(/^daemonset\.apps\/fluentd-elasticsearch \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n3\s+<none>\n\n$/);
  });

  test("a tag that does not exist fails: the rollout is stuck on the first node", async () => {
    const { results, session } = await tryStep("daemonsets", "rolling-update", [
      "kubectl set image ds/fluentd-elasticsearch fluentd-elasticsearch=quay.io/fluentd_elasticsearch/fluentd:v2.6 -n kube-system",
    ]);
    expect(failures(results)).toEqual([
      "The DaemonSet fluentd-elasticsearch has not rolled out quay.io/fluentd_elasticsearch/fluentd:v2.6.0 to all three nodes yet.",
      "Not every node has a ready fluentd-elasticsearch pod running v2.6.0 yet.",
    ]);
    expect((await session.run("kubectl get pods -n kube-system -l name=fluentd-elasticsearch --no-headers | grep -c Running")).stdout).toBe("2\n");
  });
});
