// `kubectl create` against the cluster: what is created, the success lines, and each generator's own
// wording of a failed create (checked against real kubectl 1.32.5 on a Kubeplay sandbox: most wrap
// the server's message in `failed to create <thing>: `, secrets without the colon, namespace and role
// print the server's error as is; `create -f` names the file).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { WORK_FILES } from "./fixtures/work-files";

describe("kubectl create against the cluster", () => {
  it("creates, then reports AlreadyExists the way each generator words it", async () => {
    const t = kubectlTester();
    const cases: [string, string, string][] = [
      ["create ns fns2", "namespace/fns2 created\n", 'Error from server (AlreadyExists): namespaces "fns2" already exists\n'],
      ["create sa s1", "serviceaccount/s1 created\n", 'error: failed to create serviceaccount: serviceaccounts "s1" already exists\n'],
      ["create role r1 --verb=get --resource=pods", "role.rbac.authorization.k8s.io/r1 created\n", 'Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r1" already exists\n'],
      ["create secret generic sec1 --from-literal=a=b", "secret/sec1 created\n", 'error: failed to create secret secrets "sec1" already exists\n'],
      ["create svc clusterip cs1 --tcp=80", "service/cs1 created\n", 'error: failed to create ClusterIP service: services "cs1" already exists\n'],
      ["create cm c1 --from-literal=a=b", "configmap/c1 created\n", 'error: failed to create configmap: configmaps "c1" already exists\n'],
      ["create deploy web --image=nginx", "deployment.apps/web created\n", 'error: failed to create deployment: deployments.apps "web" already exists\n'],
    ];
    for (const [line, created, exists] of cases) {
      expect(await t.kubectl(line), line).toEqual({ stdout: created, stderr: "", exitCode: 0 });
      expect(await t.kubectl(line), line).toEqual({ stdout: "", stderr: exists, exitCode: 1 });
    }
    const secret = t.client.get("/api/v1/namespaces/default/secrets/sec1");
    expect(secret.data).toEqual({ a: "Yg==" });
  });

  it("create -f creates every document and names the file in errors", async () => {
    const t = kubectlTester();
    for (const [path, text] of Object.entries(WORK_FILES)) t.files.set(path, text);
    expect(await t.kubectl("create -f multi.yaml")).toEqual({ stdout: "configmap/fcm created\nnamespace/fns created\n", stderr: "", exitCode: 0 });
    expect(await t.kubectl("create -f multi.yaml")).toEqual({
      stdout: "",
      stderr: 'Error from server (AlreadyExists): error when creating "multi.yaml": configmaps "fcm" already exists\nError from server (AlreadyExists): error when creating "multi.yaml": namespaces "fns" already exists\n',
      exitCode: 1,
    });
  });

  it("create -f - reads stdin; --save-config stores the applied configuration", async () => {
    const t = kubectlTester();
    const r = await t.kubectl("create -f - --save-config", { stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  k: v\n" });
    expect(r).toEqual({ stdout: "configmap/s created\n", stderr: "", exitCode: 0 });
    const cm = t.client.get("/api/v1/namespaces/default/configmaps/s");
    expect(cm.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toBe('{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"s","namespace":"default"}}\n');
  });

  it("-f /dev/stdin reads stdin too, naming /dev/stdin in errors", async () => {
    const t = kubectlTester();
    expect(await t.kubectl("create -f /dev/stdin", { stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n" })).toEqual({ stdout: "configmap/s created\n", stderr: "", exitCode: 0 });
    expect(await t.kubectl("create -f /dev/stdin", { stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n" })).toEqual({ stdout: "", stderr: 'Error from server (AlreadyExists): error when creating "/dev/stdin": configmaps "s" already exists\n', exitCode: 1 });
  });

  it("--dry-run=server sends the object but nothing is stored", async () => {
    const t = kubectlTester();
    expect(await t.kubectl("create deploy dj --image=nginx --dry-run=server")).toEqual({ stdout: "deployment.apps/dj created (server dry run)\n", stderr: "", exitCode: 0 });
    expect(t.client.request("GET", "/apis/apps/v1/namespaces/default/deployments/dj").status).toBe(404);
  });

  it("create job --from=cronjob/NAME instantiates the cron job's template, owned by it", async () => {
    const t = kubectlTester();
    await t.kubectl(["create", "cronjob", "cj1", "--image=busybox", "--schedule=* * * * *"]);
    const uid = t.client.get("/apis/batch/v1/namespaces/default/cronjobs/cj1").metadata.uid;
    const r = await t.kubectl("create job j1 --from=cronjob/cj1 --dry-run=client -o yaml");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`metadata:\n  annotations:\n    cronjob.kubernetes.io/instantiate: manual\n  creationTimestamp: null\n  name: j1\n  ownerReferences:\n  - apiVersion: batch/v1\n    controller: true\n    kind: CronJob\n    name: cj1\n    uid: ${uid}\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n`);
    // kubectl 1.32's wording for a missing object and for a bare word.
    expect(await t.kubectl("create job j2 --from=cronjob/nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): cronjobs.batch "nope" not found\n', exitCode: 1 });
    expect(await t.kubectl("create job j3 --from=cj1")).toEqual({ stdout: "", stderr: 'error: the server doesn\'t have a resource type "cj1"\n', exitCode: 1 });
    expect(await t.kubectl("create job j4 --from=cronjob/cj1")).toEqual({ stdout: "job.batch/j4 created\n", stderr: "", exitCode: 0 });
  });
});
