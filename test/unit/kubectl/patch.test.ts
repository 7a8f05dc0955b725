// kubectl patch / replace: expected outputs were taken from kubectl 1.32 against a sandbox in the
// same state (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

const WEB = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n";

async function setup() {
  const t = kubectlTester();
  await t.kubectl("create deployment web --image=nginx");
  t.files.set("/root/w.yaml", WEB);
  t.files.set("/root/pp.yaml", "spec:\n  replicas: 4\n");
  return t;
}
const web = (t: ReturnType<typeof kubectlTester>) => t.client.get("/apis/apps/v1/namespaces/default/deployments/web");

describe("kubectl patch", () => {
  it("patches with each patch type and tells a no-op apart", async () => {
    const t = await setup();
    expect((await t.kubectl(["patch", "deploy", "web", "-p", '{"spec":{"replicas":3}}'])).stdout).toBe("deployment.apps/web patched\n");
    expect((await t.kubectl(["patch", "deploy", "web", "-p", '{"spec":{"replicas":3}}'])).stdout).toBe("deployment.apps/web patched (no change)\n");
    expect((await t.kubectl(["patch", "deploy", "web", "--type=merge", "-p", "spec: {replicas: 2}"])).stdout).toBe("deployment.apps/web patched\n");
    expect((await t.kubectl(["patch", "deploy", "web", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":5}]'])).stdout).toBe("deployment.apps/web patched\n");
    expect(web(t).spec.replicas).toBe(5);
    expect((await t.kubectl("patch deploy web --patch-file pp.yaml")).stdout).toBe("deployment.apps/web patched\n");
    expect(web(t).spec.replicas).toBe(4);
    // kubectl patch prints no dry-run suffix.
    expect((await t.kubectl(["patch", "deploy", "web", "-p", '{"spec":{"replicas":7}}', "--dry-run=client"])).stdout).toBe("deployment.apps/web patched\n");
    expect(web(t).spec.replicas).toBe(4);
    expect((await t.kubectl(["patch", "deploy", "web", "--subresource=scale", "-p", '{"spec":{"replicas":2}}'])).stdout).toBe("scale.autoscaling/web patched\n");
  });

  it.each([
    [["patch", "deploy", "web", "--type=json", "-p", '[{"op":"remove","path":"/spec/nope"}]'], "The request is invalid: the server rejected our request due to an error in our request\n"],
    [["patch", "deploy", "web", "--type=bogus", "-p", "{}"], 'error: --type must be one of [json merge strategic], not "bogus"\n'],
    [["patch", "deploy", "web"], "error: must specify --patch or --patch-file containing the contents of the patch\n"],
    [["patch", "deploy", "web", "-p", "{}", "--patch-file", "pp.yaml"], "error: cannot specify --patch and --patch-file together\n"],
    [["patch", "deploy", "web", "--patch-file", "nope.yaml"], "error: unable to read patch file: open nope.yaml: no such file or directory\n"],
    [["patch", "deploy", "nope", "-p", "{}"], 'Error from server (NotFound): deployments.apps "nope" not found\n'],
  ])("%j", async (line, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl patch --local, label --local, annotate --local", () => {
  const LOCAL = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: local\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: local}\n  template:\n    metadata:\n      labels: {app: local}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.26\n";

  it("changes the objects of -f files on the client and prints them; nothing reaches the server", async () => {
    const t = await setup();
    t.files.set("/root/local.yaml", LOCAL);
    const patched = await t.kubectl(["patch", "-f", "local.yaml", "--local", "-p", '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}', "-o", "yaml"]);
    expect(patched).toEqual({
      stdout: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: local\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: local\n  template:\n    metadata:\n      labels:\n        app: local\n    spec:\n      containers:\n      - image: nginx:1.27\n        name: nginx\n",
      stderr: "",
      exitCode: 0,
    });
    expect((await t.kubectl(["patch", "-f", "local.yaml", "--local", "-p", '{"spec":{"replicas":3}}'])).stdout).toBe("deployment.apps/local patched\n");
    expect((await t.kubectl(["patch", "-f", "local.yaml", "--local", "--type=json", "-p", '[{"op":"replace","path":"/spec/replicas","value":5}]', "-o", "name"])).stdout).toBe("deployment.apps/local\n");
    expect((await t.kubectl("label -f local.yaml tier=web --local -o yaml")).stdout).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  labels:\n    tier: web\n  name: local\nspec:/);
    expect((await t.kubectl("label -f local.yaml tier=web --local --dry-run=client")).stdout).toBe("deployment.apps/local labeled (dry run)\n");
    expect((await t.kubectl("annotate -f local.yaml note=hi --local")).stdout).toBe("deployment.apps/local annotated\n");
    expect(t.client.request("GET", "/apis/apps/v1/namespaces/default/deployments/local").status).toBe(404);
  });

  it.each([
    [["patch", "deploy", "web", "--local", "-p", "{}"], "error: cannot specify --local and server resources\n"],
    [["patch", "-f", "w.yaml", "--local", "--dry-run=server", "-p", "{}"], "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n"],
    [["label", "deploy", "web", "a=b", "--local"], "error: can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set\n"],
    [["annotate", "deploy", "web", "a=b", "--local"], "error: can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set\n"],
    [["label", "-f", "w.yaml", "a=b", "--local", "--dry-run=server"], "error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n"],
  ])("%j", async (line, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});

describe("kubectl replace", () => {
  it("replaces, with --force by deleting and creating", async () => {
    const t = await setup();
    expect((await t.kubectl("replace -f w.yaml")).stdout).toBe("deployment.apps/web replaced\n");
    expect(web(t).spec.template.spec.containers[0].image).toBe("nginx:1.27");
    expect((await t.kubectl("replace -f w.yaml --dry-run=client")).stdout).toBe("deployment.apps/web replaced (dry run)\n");
    expect((await t.kubectl("replace -f w.yaml --dry-run=server -o name")).stdout).toBe("deployment.apps/web\n");
    const uid = web(t).metadata.uid;
    expect((await t.kubectl("replace -f w.yaml --force")).stdout).toBe('deployment.apps "web" deleted\ndeployment.apps/web replaced\n');
    expect(web(t).metadata.uid).not.toBe(uid);
  });

  it("names the file in errors", async () => {
    const t = await setup();
    t.files.set("/root/n.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nothere\ndata:\n  a: b\n");
    expect(await t.kubectl("replace -f n.yaml")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): error when replacing "n.yaml": configmaps "nothere" not found\n', exitCode: 1 });
    expect((await t.kubectl("replace")).stderr).toBe("error: must specify one of -f and -k\n");
  });
});
