// kubectl apply: every expected output below was taken from kubectl 1.32 against a sandbox with the
// same state (the shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels:
    app: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: main
        image: nginx:1.25
        env:
        - name: A
          value: "1"
        - name: B
          value: "2"
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
`;

const CHANGED = DEPLOYMENT.replace("replicas: 2", "replicas: 3")
  .replace("nginx:1.25", "nginx:1.26")
  .replace(`        - name: A\n          value: "1"\n        - name: B\n          value: "2"`, `        - name: B\n          value: "3"\n        - name: C\n          value: "4"`)
  .replace("- containerPort: 80", "- containerPort: 81\n      - name: side\n        image: busybox")
  .replace('  a: "1"', '  b: "1"');

async function deployment(t: ReturnType<typeof kubectlTester>, name: string) {
  return t.client.get(`/apis/apps/v1/namespaces/default/deployments/${name}`);
}

describe("kubectl apply (client-side)", () => {
  it("creates, reports unchanged, then configures with a three-way merge", async () => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    expect(await t.kubectl("apply -f d.yaml")).toEqual({ stdout: "deployment.apps/api created\nconfigmap/cfg created\n", stderr: "", exitCode: 0 });
    expect((await t.kubectl("apply -f d.yaml")).stdout).toBe("deployment.apps/api unchanged\nconfigmap/cfg unchanged\n");
    const created = await deployment(t, "api");
    expect(created.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"api"},"name":"api","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"api"}},"template":{"metadata":{"labels":{"app":"api"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"nginx:1.25","name":"main","ports":[{"containerPort":80}]}]}}}}\n',
    );

    t.files.set("/root/d.yaml", CHANGED);
    expect((await t.kubectl("apply -f d.yaml")).stdout).toBe("deployment.apps/api configured\nconfigmap/cfg configured\n");
    const d = await deployment(t, "api");
    expect(d.spec.replicas).toBe(3);
    // Env A removed (it was in the last applied configuration), B changed, C added, in the manifest's order.
    expect(d.spec.template.spec.containers.map((c: any) => [c.name, c.image, c.env, c.ports])).toEqual([
      ["main", "nginx:1.26", [{ name: "B", value: "3" }, { name: "C", value: "4" }], [{ containerPort: 81, protocol: "TCP" }]],
      ["side", "busybox", undefined, undefined],
    ]);
    const cm = t.client.get("/api/v1/namespaces/default/configmaps/cfg");
    expect(cm.data).toEqual({ b: "1" });
  });

  it("keeps fields other writers set that the manifest never named", async () => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    await t.kubectl("apply -f d.yaml");
    await t.client.request("PATCH", "/apis/apps/v1/namespaces/default/deployments/api", { metadata: { labels: { team: "blue" } } }, { "content-type": "application/merge-patch+json" });
    t.files.set("/root/d.yaml", CHANGED);
    await t.kubectl("apply -f d.yaml");
    expect((await deployment(t, "api")).metadata.labels).toEqual({ app: "api", team: "blue" });
  });

  it("prints names with -o name and marks dry runs", async () => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    await t.kubectl("apply -f d.yaml");
    t.files.set("/root/d.yaml", CHANGED);
    expect((await t.kubectl("apply -f d.yaml -o name")).stdout).toBe("deployment.apps/api\nconfigmap/cfg\n");
    expect((await t.kubectl("apply -f d.yaml --dry-run=client")).stdout).toBe("deployment.apps/api configured (dry run)\nconfigmap/cfg configured (dry run)\n");
    expect((await t.kubectl("apply -f d.yaml --dry-run=server")).stdout).toBe("deployment.apps/api unchanged (server dry run)\nconfigmap/cfg unchanged (server dry run)\n");
  });

  it("warns about objects created without the annotation, then patches it in", async () => {
    const t = kubectlTester();
    await t.kubectl("create deployment web --image=nginx");
    t.files.set("/root/w.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n");
    expect(await t.kubectl("apply -f w.yaml")).toEqual({
      stdout: "deployment.apps/web configured\n",
      stderr:
        "Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
      exitCode: 0,
    });
    const d = await deployment(t, "web");
    expect(d.spec.replicas).toBe(2);
    expect(d.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toContain('"image":"nginx:1.27"');
  });
});

describe("kubectl apply --server-side", () => {
  it("applies with the kubectl field manager", async () => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    expect((await t.kubectl("apply -f d.yaml --server-side")).stdout).toBe("deployment.apps/api serverside-applied\nconfigmap/cfg serverside-applied\n");
    const d = await deployment(t, "api");
    expect(d.metadata.managedFields.map((m: any) => [m.manager, m.operation])).toContainEqual(["kubectl", "Apply"]);
  });
});

describe("kubectl apply: from client-side to server-side apply", () => {
  it("hands the client-side manager's fields to kubectl, so only kubectl's conflict", async () => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    await t.kubectl("apply -f d.yaml");
    await t.kubectl("apply -f d.yaml --server-side");
    const managers = (await deployment(t, "api")).metadata.managedFields.map((m: any) => `${m.manager}/${m.operation}`).filter((m: string) => m.startsWith("kubectl"));
    expect(managers.sort()).toEqual(["kubectl-last-applied/Apply", "kubectl/Apply"]);
    t.files.set("/root/s.yaml", DEPLOYMENT.split("---")[0].replace("replicas: 2", "replicas: 5").replace("nginx:1.25", "nginx:1.30"));
    // Taken from kubectl 1.32.
    expect(await t.kubectl("apply -f s.yaml --server-side --field-manager=other")).toEqual({
      stdout: "",
      stderr: `error: Apply failed with 2 conflicts: conflicts with "kubectl":
- .spec.replicas
- .spec.template.spec.containers[name="main"].image
Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
`,
      exitCode: 1,
    });
    expect((await t.kubectl("apply -f s.yaml --server-side --field-manager=other --force-conflicts")).stdout).toBe("deployment.apps/api serverside-applied\n");
    expect((await deployment(t, "api")).spec.replicas).toBe(5);
  });
});

describe("kubectl apply errors", () => {
  it.each([
    ["apply", "error: must specify one of -f and -k\n"],
    ["apply -f nope.yaml", 'error: the path "nope.yaml" does not exist\n'],
    ["apply -f d.yaml --force-conflicts", "error: --force-conflicts only works with --server-side\n"],
    ["apply -f d.yaml --server-side --dry-run=client", "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n"],
    [
      "apply -f d.yaml -o bogus",
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
  ])("%s", async (line, stderr) => {
    const t = kubectlTester();
    t.files.set("/root/d.yaml", DEPLOYMENT);
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
