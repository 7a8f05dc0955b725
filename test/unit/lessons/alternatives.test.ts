// Correct work done another way passes; wrong work fails with the step's message. Each replay runs
// the lesson's reference solutions, replacing the solution of one step with the learner's lines.
import { describe, expect, test } from "vitest";
import { failures, tryStep, readLesson, startLesson } from "./harness";
import type { CheckResult } from "../../../src/engine/lessons/checks";

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

describe("first-pod: alternative solutions", () => {
  test("creating hello with kubectl run and the same label passes", async () => {
    const { results } = await tryStep("first-pod", "create", ["kubectl run hello --image=nginx:1.27 --labels=app=hello"]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl run without the label fails and names the missing label", async () => {
    const { results } = await tryStep("first-pod", "create", ["kubectl run hello --image=nginx:1.27"]);
    expect(failures(results)).toEqual(["There is no Pod called hello running nginx:1.27 with the label app=hello yet."]);
  });

  test("describing pod/hello and reading logs of pod/hello passes", async () => {
    const { results } = await tryStep("first-pod", "inspect", ["kubectl describe pod/hello", "kubectl logs pod/hello --tail=5"]);
    expect(failures(results)).toEqual([]);
  });

  test("the api pod piped from a here-document, with quantities written differently, passes", async () => {
    const { results } = await tryStep("first-pod", "full-spec", [
      `cat <<EOF | kubectl create -f -
apiVersion: v1
kind: Pod
metadata:
  name: api
  labels: { tier: backend, app: api }
spec:
  containers:
  - name: api
    image: nginx:1.27
    env: [{ name: MODE, value: demo }]
    ports: [{ containerPort: 80, name: http, protocol: TCP }]
    resources:
      requests: { cpu: "0.1", memory: 64Mi }
      limits: { cpu: "0.2", memory: "134217728" }
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("an api pod without MODE fails on the environment only", async () => {
    const { results } = await tryStep("first-pod", "full-spec", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata: { name: api, labels: { app: api, tier: backend } }
spec:
  containers:
  - name: api
    image: nginx:1.27
    ports: [{ containerPort: 80, name: http }]
    resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 200m, memory: 128Mi } }
EOF`,
    ]);
    expect(failures(results)).toEqual(["The api container has no environment variable MODE with the value demo yet."]);
  });

  test("deleting hello through its file passes", async () => {
    const { results } = await tryStep("first-pod", "delete", ["kubectl delete -f hello.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting every pod fails: api should keep running", async () => {
    const { results } = await tryStep("first-pod", "delete", ["kubectl delete pods --all"]);
    expect(failures(results)).toEqual(["The hello Pod still exists, or api went with it. This step deletes hello and keeps api running."]);
  });
});

describe("labels-selectors: alternative solutions", () => {
  test("labelling the two api pods by name passes", async () => {
    const { results } = await tryStep("labels-selectors", "add", ["kubectl label pod api-1 api-2 team=payments"]);
    expect(failures(results)).toEqual([]);
  });

  test("labelling every pod fails: only the api pods belong to payments", async () => {
    const { results } = await tryStep("labels-selectors", "add", ["kubectl label pods --all team=payments"]);
    expect(failures(results)).toEqual(["There should be exactly two pods labelled team=payments, the pods of the api application."]);
  });

  test("changing and removing the labels with kubectl patch passes", async () => {
    const { results } = await tryStep("labels-selectors", "change", [
      `kubectl patch pod api-2 -p '{"metadata":{"labels":{"env":"staging"}}}'`,
      `kubectl patch pod web-2 --type=json -p '[{"op":"remove","path":"/metadata/labels/canary"}]'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("without --overwrite the env label stays dev", async () => {
    const loaded = readLesson("labels-selectors");
    const s = startLesson(loaded);
    for (const line of loaded.lesson.steps[0].solution) await s.run(line);
    const r = await s.run("kubectl label pod api-2 env=staging");
    expect(r.exitCode).not.toBe(0);
    await s.run("kubectl label pod web-2 canary-");
    expect(failures(s.check(loaded.lesson.steps[1].checks))).toEqual(["The pod api-2 is not labelled env=staging yet."]);
  });

  test("labelling the right pods by name passes", async () => {
    const { results } = await tryStep("labels-selectors", "equality", ["kubectl label pod api-1 db-1 backup=daily"]);
    expect(failures(results)).toEqual([]);
  });

  test("labelling every production pod fails: the frontend pod is not to be backed up", async () => {
    const { results } = await tryStep("labels-selectors", "equality", ["kubectl label pods -l env=prod backup=daily"]);
    expect(failures(results)).toEqual(["There should be exactly two pods labelled backup=daily, the production pods that are not in the frontend tier."]);
  });

  test("deleting the debug pods by app label, or by name, passes", async () => {
    expect(failures((await tryStep("labels-selectors", "set-based", ["kubectl delete pods -l app=debug"])).results)).toEqual([]);
    expect(failures((await tryStep("labels-selectors", "set-based", ["kubectl delete pod debug-1 debug-2"])).results)).toEqual([]);
  });

  test("deleting every pod outside production fails: only the pods without a tier should go", async () => {
    const { results } = await tryStep("labels-selectors", "set-based", ["kubectl delete pods -l 'env notin (prod)'"]);
    expect(failures(results)).toEqual(["The pods without a tier label are not all gone yet, or other pods went with them. Exactly the pods without a tier label should be deleted."]);
  });
});

describe("replicasets: alternative solutions", () => {
  test("creating the ReplicaSet with kubectl create -f passes", async () => {
    const { results } = await tryStep("replicasets", "create", ["kubectl create -f frontend-rs.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("deleting a pod by name passes once the replacement is ready", async () => {
    const { results } = await tryStep("replicasets", "self-heal", ["kubectl delete pod $(kubectl get pods -l app=frontend -o jsonpath='{.items[0].metadata.name}')"]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling by editing the file and applying it passes", async () => {
    const { results } = await tryStep("replicasets", "scale", ["sed -i 's/replicas: 3/replicas: 5/' frontend-rs.yaml", "kubectl apply -f frontend-rs.yaml"]);
    expect(failures(results)).toEqual([]);
  });

  test("scaling with kubectl patch passes", async () => {
    const { results } = await tryStep("replicasets", "scale", [`kubectl patch rs frontend -p '{"spec":{"replicas":5}}'`]);
    expect(failures(results)).toEqual([]);
  });

  test("relabelling a pod with kubectl patch passes", async () => {
    const { results } = await tryStep("replicasets", "quarantine", [
      `kubectl patch $(kubectl get pods -l app=frontend -o name | tail -1) -p '{"metadata":{"labels":{"app":"debug"}}}'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("removing the app label instead fails: the pod is not labelled app=debug", async () => {
    const { results } = await tryStep("replicasets", "quarantine", ["kubectl label $(kubectl get pods -l app=frontend -o name | head -1) app-"]);
    expect(failures(results)).toEqual([
      "There is not exactly one running pod labelled app=debug that no ReplicaSet owns yet.",
      "The frontend ReplicaSet does not run 5 Ready app=frontend pods besides the debug pod yet.",
    ]);
  });

  test("deleting the ReplicaSet through its file passes", async () => {
    const { results } = await tryStep("replicasets", "delete", ["kubectl delete -f frontend-rs.yaml"]);
    expect(failures(results)).toEqual([]);
  });
});

describe("services: alternative solutions", () => {
  test("the web Service written in YAML passes", async () => {
    const { results } = await tryStep("services", "clusterip", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http }]
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl create service clusterip web passes: its selector app=web happens to match", async () => {
    const { results } = await tryStep("services", "clusterip", ["kubectl create service clusterip web --tcp=80:80"]);
    expect(failures(results)).toEqual([]);
  });

  test("a web Service with the wrong selector fails and has no endpoints", async () => {
    const { results } = await tryStep("services", "clusterip", ["kubectl create service clusterip web --tcp=80:80 --dry-run=client -o yaml | sed 's/app: web/app: nginx/' | kubectl apply -f -"]);
    expect(failures(results)).toEqual([
      "There is no ClusterIP Service called web that selects the pods labelled app=web on port 80 yet.",
      "The web Service does not have the three web pods behind it yet. Check its selector and ports.",
    ]);
  });

  test("fetching the page from web.default passes", async () => {
    const { results } = await tryStep("services", "from-a-pod", ["kubectl exec client -- wget -qO- web.default"]);
    expect(failures(results)).toEqual([]);
  });

  test("only looking up the name fails: no page was fetched", async () => {
    const { results } = await tryStep("services", "from-a-pod", ["kubectl exec client -- nslookup web.default.svc.cluster.local"]);
    expect(failures(results)).toEqual(["You have not fetched the web page through the Service from inside the client pod yet."]);
  });

  test("kubectl expose, then patching the node port, passes", async () => {
    const { results } = await tryStep("services", "nodeport", [
      "kubectl expose deployment web --name=web-nodeport --type=NodePort --port=80",
      `kubectl patch service web-nodeport --type=json -p '[{"op":"replace","path":"/spec/ports/0/nodePort","value":30080}]'`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl create service nodeport fails on the endpoints: its selector matches no pod", async () => {
    const { results } = await tryStep("services", "nodeport", ["kubectl create service nodeport web-nodeport --tcp=80:80 --node-port=30080"]);
    expect(failures(results)).toEqual(["The web-nodeport Service does not have the three web pods behind it yet. Check its selector."]);
  });

  test("a headless Service written in YAML passes", async () => {
    const { results } = await tryStep("services", "headless", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: web-headless }
spec:
  clusterIP: None
  selector: { app: web }
  ports: [{ port: 80 }]
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl create service clusterip --clusterip=None fails: its selector matches no pod", async () => {
    const { results } = await tryStep("services", "headless", ["kubectl create service clusterip web-headless --clusterip=None --tcp=80:80"]);
    expect(failures(results)).toEqual([
      "There is no headless Service called web-headless selecting the pods labelled app=web yet.",
      "The web-headless Service does not have the three web pods behind it yet.",
    ]);
  });

  test("the ExternalName Service written in YAML passes", async () => {
    const { results } = await tryStep("services", "externalname", [
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Service
metadata: { name: docs }
spec:
  type: ExternalName
  externalName: kubernetes.io
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("kubectl create service, removing its selector, then writing the Endpoints passes", async () => {
    const { results } = await tryStep("services", "no-selector", [
      "kubectl create service clusterip legacy-db --tcp=5432:5432",
      `kubectl patch service legacy-db --type=json -p '[{"op":"remove","path":"/spec/selector"}]'`,
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Endpoints
metadata: { name: legacy-db }
subsets:
- addresses: [{ ip: 192.168.50.10 }]
  ports: [{ port: 5432, name: 5432-5432 }]
EOF`,
    ]);
    expect(failures(results)).toEqual([]);
  });

  test("a Service that keeps the selector kubectl create gave it fails, and so do its endpoints", async () => {
    const { results } = await tryStep("services", "no-selector", [
      "kubectl create service clusterip legacy-db --tcp=5432:5432",
      `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Endpoints
metadata: { name: legacy-db }
subsets:
- addresses: [{ ip: 192.168.50.10 }]
  ports: [{ port: 5432 }]
EOF`,
    ]);
    expect(failures(results)).toEqual([
      "There is no Service called legacy-db on port 5432 without a selector yet.",
      "The legacy-db Service does not send its traffic to 192.168.50.10 on port 5432 yet.",
    ]);
  });
});

describe("lesson starting state: basics lessons", () => {
  test("first-pod: hello.yaml is in the learner's home and no pod runs yet", async () => {
    const s = startLesson(readLesson("first-pod"));
    expect((await s.run("grep -c 'image: nginx:1.27' hello.yaml")).stdout).toBe("1\n");
    expect((await s.run("kubectl get pods")).stderr).toBe("No resources found in default namespace.\n");
  });

  test("labels-selectors: seven labelled pods run, two of them without a tier", async () => {
    const s = startLesson(readLesson("labels-selectors"));
    expect((await s.run("kubectl get pods --field-selector=status.phase=Running -o name | wc -l")).stdout.trim()).toBe("7");
    expect((await s.run("kubectl get pods -l '!tier' -o name")).stdout).toBe("pod/debug-1\npod/debug-2\n");
  });

  test("services: three web pods and the client pod run, and no Service but kubernetes exists", async () => {
    const s = startLesson(readLesson("services"));
    expect((await s.run("kubectl get deployment web --no-headers | awk '{print $1, $2}'")).stdout).toBe("web 3/3\n");
    expect((await s.run("kubectl get pod client -o jsonpath='{.status.phase}'")).stdout).toBe("Running");
    expect((await s.run("kubectl get services -o name")).stdout).toBe("service/kubernetes\n");
  });
});
