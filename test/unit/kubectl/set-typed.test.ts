// kubectl set against the server: what it prints is the typed object too (the typed client decodes
// the server's answer into the Go struct), one document per object. Expected outputs were taken from
// kubectl 1.32 against a Kubeplay sandbox set up with the same commands.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

async function setup() {
  const t = kubectlTester();
  for (const line of ["create deployment web --image=nginx", "create deployment api --image=redis", "create rolebinding rb --clusterrole=view --user=alice", "create service clusterip svc --tcp=80:80"]) {
    const r = await t.kubectl(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.stderr}`);
  }
  t.client.tick(5_000);
  return t;
}

describe("kubectl set prints typed objects", () => {
  it("-o json lists fields in Go struct order", async () => {
    const t = await setup();
    const r = await t.kubectl("set image deploy/web nginx=nginx:1.27 -o json");
    expect(r.exitCode).toBe(0);
    const obj = JSON.parse(r.stdout);
    expect(Object.keys(obj)).toEqual(["kind", "apiVersion", "metadata", "spec", "status"]);
    expect(Object.keys(obj.metadata)).toEqual(["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "labels", "annotations"]);
    expect(Object.keys(obj.spec)).toEqual(["replicas", "selector", "template", "strategy", "revisionHistoryLimit", "progressDeadlineSeconds"]);
    expect(Object.keys(obj.spec.template.spec.containers[0])).toEqual(["name", "image", "resources", "terminationMessagePath", "terminationMessagePolicy", "imagePullPolicy"]);
  });

  it("prints each object as its own document", async () => {
    const t = await setup();
    const r = await t.kubectl("set env deploy --all A=1 --dry-run=client -o yaml");
    expect(r.stdout.split("\n").filter((l) => l === "---" || l === "kind: Deployment" || l === "kind: List")).toEqual(["kind: Deployment", "---", "kind: Deployment"]);
  });

  it("fills in the current namespace of a RoleBinding's service account", async () => {
    const t = await setup();
    const r = await t.kubectl("set subject rolebinding rb --serviceaccount=:robot -o yaml");
    expect(r.stdout.slice(r.stdout.indexOf("roleRef:"))).toBe(`roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: alice
- kind: ServiceAccount
  name: robot
  namespace: default
`);
  });

  it("names a refused match expression as Go prints it", async () => {
    const t = await setup();
    expect(await t.kubectl(["set", "selector", "svc/svc", "app in (a)"])).toEqual({ stdout: "", stderr: "error: match expression [{app In [a]}] not supported on this object\n", exitCode: 1 });
  });

  it("reports each service account change once per object", async () => {
    const t = await setup();
    expect(await t.kubectl("set sa deploy web api robot")).toEqual({ stdout: "deployment.apps/web serviceaccount updated\ndeployment.apps/api serviceaccount updated\n", stderr: "", exitCode: 0 });
  });
});
