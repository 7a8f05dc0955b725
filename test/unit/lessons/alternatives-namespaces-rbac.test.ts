// namespaces-rbac: correct work done another way passes; wrong work fails with the step's message.
// Each replay runs the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep as tryLessonStep } from "./harness";

/** Replays the lesson up to and including `stepId`, typing `lines` for that step (the harness's tryStep). */
const tryStep = (stepId: string, lines: string[]) => tryLessonStep("namespaces-rbac", stepId, lines);

const SA = "system:serviceaccount:dev:ci";

describe("namespaces-rbac: alternative solutions", () => {
  test("namespace: manifests naming the namespace, applied together, pass", async () => {
    const { results } = await tryStep("namespace", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Namespace
metadata:
  name: dev
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: dev
spec:
  containers:
  - name: web
    image: nginx
EOF`,
      "kubectl wait --for=condition=Ready pod/web -n dev --timeout=60s",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("namespace: switching the context's namespace, then kubectl run without -n, passes", async () => {
    const { results } = await tryStep("namespace", ["kubectl create ns dev", "kubectl config set-context --current --namespace=dev", "kubectl run web --image=nginx:1.27"]);
    expect(failures(results)).toEqual([]);
  });

  test("namespace: a pod created in default instead of dev fails", async () => {
    const { results } = await tryStep("namespace", ["kubectl create namespace dev", "kubectl run web --image=nginx:1.27"]);
    expect(failures(results)).toEqual(["There is no nginx pod called web Running in the dev namespace yet."]);
  });

  test("quota: kubectl create quota, with 1024Mi for 1Gi, passes", async () => {
    const { results } = await tryStep("quota", [
      "kubectl create quota mem-cpu-demo --hard=requests.cpu=1000m,requests.memory=1024Mi,limits.cpu=2,limits.memory=2Gi -n dev",
      "kubectl create -f quota-mem-cpu-pod.yaml --namespace dev",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("quota: forgetting -n puts the quota and the pod in default and fails", async () => {
    const { results } = await tryStep("quota", ["kubectl apply -f quota-mem-cpu.yaml", "kubectl apply -f quota-mem-cpu-pod.yaml"]);
    expect(failures(results)).toEqual([
      "There is no ResourceQuota mem-cpu-demo in dev with the limits of quota-mem-cpu.yaml yet.",
      "The quota in dev does not count the requests of a pod yet.",
      "The pod quota-mem-cpu-demo is not Running in the dev namespace yet.",
    ]);
  });

  test("limitrange: a LimitRange of another name with other defaults that fit the quota passes", async () => {
    const { results } = await tryStep("limitrange", [
      `cat <<EOF | kubectl apply -n dev -f -
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
spec:
  limits:
  - type: Container
    default:
      cpu: 600m
      memory: 256Mi
    defaultRequest:
      cpu: 300m
      memory: 128Mi
EOF`,
      "kubectl apply -f memory-defaults-pod.yaml -n dev",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("limitrange: the docs' memory-only LimitRange still leaves the pod refused by the quota, and fails", async () => {
    const { results, session } = await tryStep("limitrange", ["kubectl apply -f memory-defaults.yaml -n dev"]);
    expect((await session.run("kubectl apply -f memory-defaults-pod.yaml -n dev")).stderr).toContain("failed quota: mem-cpu-demo: must specify limits.cpu for: default-mem-demo-ctr; requests.cpu for: default-mem-demo-ctr");
    expect(failures(results)).toEqual([
      "No LimitRange in dev gives containers a default CPU and memory limit yet.",
      "There is no pod default-mem-demo Running in dev with requests and limits filled in by a LimitRange yet.",
    ]);
  });

  test("limitrange: writing the resources into the pod instead of a LimitRange fails", async () => {
    const { results } = await tryStep("limitrange", [
      `kubectl run default-mem-demo -n dev --image=nginx --overrides='{"spec":{"containers":[{"name":"default-mem-demo","image":"nginx","resources":{"requests":{"cpu":"250m","memory":"256Mi"},"limits":{"cpu":"500m","memory":"512Mi"}}}]}}'`,
    ]);
    expect(failures(results)).toEqual([
      "No LimitRange in dev gives containers a default CPU and memory limit yet.",
      "There is no pod default-mem-demo Running in dev with requests and limits filled in by a LimitRange yet.",
    ]);
  });

  test("rbac: manifests, with a RoleBinding to a ClusterRole, pass", async () => {
    const { results } = await tryStep("rbac", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ci
  namespace: dev
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
  namespace: dev
subjects:
- kind: ServiceAccount
  name: ci
  namespace: dev
roleRef:
  kind: ClusterRole
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("rbac: binding the Role to a user called ci instead of the service account fails", async () => {
    const { results } = await tryStep("rbac", [
      "kubectl create serviceaccount ci -n dev",
      "kubectl create role pod-reader --verb=get,list,watch --resource=pods -n dev",
      "kubectl create rolebinding read-pods --role=pod-reader --user=ci -n dev",
    ]);
    expect(failures(results)).toEqual(["The ci service account cannot yet get, list and watch pods in the dev namespace."]);
  });

  test("rbac: a Role missing watch fails", async () => {
    const { results } = await tryStep("rbac", [
      "kubectl create serviceaccount ci -n dev",
      "kubectl create role pod-reader --verb=get --verb=list --resource=pods -n dev",
      "kubectl create rolebinding read-pods --role=pod-reader --serviceaccount=dev:ci -n dev",
    ]);
    expect(failures(results)).toEqual(["The ci service account cannot yet get, list and watch pods in the dev namespace."]);
  });

  test("can-i: adding a pods/log rule to pod-reader with a JSON patch, --as before the verb, passes", async () => {
    const { results } = await tryStep("can-i", [
      `kubectl --as=${SA} auth can-i list pods -n dev`,
      `kubectl patch role pod-reader -n dev --type=json -p '[{"op":"add","path":"/rules/-","value":{"apiGroups":[""],"resources":["pods/log"],"verbs":["get"]}}]'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("can-i: replacing pod-reader with one that also covers pods/log passes", async () => {
    const { results } = await tryStep("can-i", [
      `kubectl auth can-i get pods --subresource=log --as ${SA} -n dev || echo not yet`,
      "kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log -n dev --dry-run=client -o yaml | kubectl replace -f -",
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("can-i: a Role allowing every verb on pods and their logs gives far more, and fails", async () => {
    const { results } = await tryStep("can-i", [
      `kubectl auth can-i list pods --as=${SA} -n dev`,
      "kubectl create role pod-all --verb='*' --resource=pods,pods/log -n dev",
      "kubectl create rolebinding ci-pod-all --role=pod-all --serviceaccount=dev:ci -n dev",
    ]);
    expect(failures(results)).toEqual([
      "The ci service account should be able to read pods and their logs in dev, and nothing more (no creating or deleting, no Secrets, no other namespaces).",
    ]);
  });

  test("can-i: binding the edit ClusterRole gives logs but far more, and fails", async () => {
    const { results } = await tryStep("can-i", [`kubectl auth can-i list pods --as=${SA} -n dev`, "kubectl create rolebinding ci-edit --clusterrole=edit --serviceaccount=dev:ci -n dev"]);
    expect(failures(results)).toEqual([
      "The ci service account should be able to read pods and their logs in dev, and nothing more (no creating or deleting, no Secrets, no other namespaces).",
    ]);
  });

  test("can-i: binding the view ClusterRole (read-only, no Secrets) gives the logs and passes", async () => {
    const { results } = await tryStep("can-i", [`kubectl auth can-i list pods --as=${SA} -n dev`, "kubectl create rolebinding ci-view --clusterrole=view --serviceaccount=dev:ci -n dev"]);
    expect(failures(results)).toEqual([]);
  });

  test("can-i: granting the logs without asking kubectl auth can-i fails on that check only", async () => {
    const { results } = await tryStep("can-i", ["kubectl create role log-reader --verb=get --resource=pods/log -n dev", "kubectl create rolebinding read-logs --role=log-reader --serviceaccount=dev:ci -n dev"]);
    expect(failures(results)).toEqual(["You have not asked `kubectl auth can-i` about the ci service account yet."]);
  });

  test("cleanup: deleting with a manifest-free kubectl delete ns passes", async () => {
    const { results } = await tryStep("cleanup", ["kubectl delete ns/dev"]);
    expect(failures(results)).toEqual([]);
  });
});
