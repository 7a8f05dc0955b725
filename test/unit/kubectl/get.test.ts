// `kubectl get` against an in-process sandbox. The expected texts have the shapes kubectl 1.32 printed
// for the same commands against a dev-server sandbox with the same deployments (web: 3 replicas, api:
// 1), compared line by line through both doors (AGE cells are the server's, here from the test clock).
import { beforeAll, describe, expect, it } from "vitest";
import { kubectlTester, type KubectlTester } from "../../support/kubectl-env";

const deployment = (name: string, replicas: number) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, labels: { app: name } },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
});

describe("kubectl get", () => {
  let t: KubectlTester;
  beforeAll(() => {
    t = kubectlTester();
    t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3));
    t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("api", 1));
    t.client.tick(30_000);
  });

  it("prints the server's Table with kubectl's column padding", async () => {
    expect(await t.kubectl("get deploy")).toEqual({
      stdout: "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\napi    0/1     1            0           30s\nweb    0/3     3            0           30s\n",
      stderr: "",
      exitCode: 0,
    });
  });

  it("prints what exists and reports each missing name after it", async () => {
    expect(await t.kubectl("get deploy web nope")).toEqual({
      stdout: "NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    0/3     3            0           30s\n",
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
      exitCode: 1,
    });
    expect(await t.kubectl("get deploy nope web -o name")).toEqual({ stdout: "deployment.apps/web\n", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(await t.kubectl("get pods nope1 nope2")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "nope1" not found\nError from server (NotFound): pods "nope2" not found\n', exitCode: 1 });
    expect(await t.kubectl("get deploy nope --ignore-not-found")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("names rows kind/name and separates kinds by a blank line when several kinds are asked for", async () => {
    const r = await t.kubectl("get deploy,svc");
    expect(r.stdout).toBe(
      "NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/api   0/1     1            0           30s\ndeployment.apps/web   0/3     3            0           30s\n\nNAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   7m43s\n",
    );
    const all = await t.kubectl("get all --no-headers");
    expect(all.stdout).not.toContain("\n\n");
    expect(all.stdout).toContain("deployment.apps/web   0/3   3     0     30s\n");
  });

  it("says when nothing was found, on stderr", async () => {
    expect(await t.kubectl("get pods -n kube-public")).toEqual({ stdout: "", stderr: "No resources found in kube-public namespace.\n", exitCode: 0 });
    expect(await t.kubectl("get nodes -l x=y")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
    expect(await t.kubectl("get pods,nodes -l x=y")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
  });

  it("asks for a resource type when given none", async () => {
    expect(await t.kubectl("get")).toEqual({
      stdout: "",
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
      exitCode: 1,
    });
    expect(await t.kubectl("get foo")).toEqual({ stdout: "", stderr: 'error: the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
  });

  it("wraps selector errors the way kubectl's builder does", async () => {
    expect((await t.kubectl(["get", "pods", "-l", "a in"])).stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a in", field selector "": unable to parse requirement: found '' expected: '('\n`,
    );
    expect((await t.kubectl("get pods --field-selector foo=bar")).stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n`,
    );
  });

  it("adds label columns, LABELS and NAMESPACE", async () => {
    expect((await t.kubectl("get deploy web -L app --show-labels")).stdout).toBe(
      "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   APP   LABELS\nweb    0/3     3            0           30s   web   app=web\n",
    );
    const r = await t.kubectl("get deploy -A");
    expect(r.stdout.split("\n")[0]).toBe("NAMESPACE     NAME      READY   UP-TO-DATE   AVAILABLE   AGE");
  });

  it("puts several objects in a List for -o yaml and prints one object as itself", async () => {
    const list = await t.kubectl("get deploy -o yaml");
    expect(list.stdout.startsWith("apiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n")).toBe(true);
    expect(list.stdout.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    expect(list.stdout).not.toContain("managedFields");
    const one = await t.kubectl("get deploy web -o json");
    expect(one.stdout.startsWith('{\n    "apiVersion": "apps/v1",\n    "kind": "Deployment",\n')).toBe(true);
  });

  it("prints jsonpath, custom columns and go-templates over the List", async () => {
    expect((await t.kubectl(["get", "deploy", "-o", "jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.spec.replicas}{\"\\n\"}{end}"])).stdout).toBe("api\t1\nweb\t3\n");
    expect((await t.kubectl("get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas")).stdout).toBe("NAME   REPLICAS\napi    1\nweb    3\n");
    expect((await t.kubectl(["get", "deploy", "-o", "go-template={{range .items}}{{.metadata.name}}={{.spec.replicas}} {{end}}"])).stdout).toBe("api=1 web=3 ");
    expect(await t.kubectl("get deploy web -o foo")).toEqual({
      stdout: "",
      stderr:
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      exitCode: 1,
    });
    expect(await t.kubectl("get deploy web -o jsonpath")).toEqual({ stdout: "", stderr: "error: template format specified but no template given\n", exitCode: 1 });
  });

  it("sorts rows by a field, and prints nothing for a field no row has (kubectl drops the Table)", async () => {
    expect((await t.kubectl("get deploy --sort-by=.spec.replicas -o name")).stdout).toBe("deployment.apps/api\ndeployment.apps/web\n");
    expect((await t.kubectl("get deploy --sort-by={.metadata.name} --no-headers")).stdout.split("\n")[0].startsWith("api ")).toBe(true);
    expect(await t.kubectl("get deploy --sort-by=.foo")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(await t.kubectl("get deploy -o name --sort-by=.foo")).toEqual({ stdout: "", stderr: 'error: couldn\'t find any field with path "{.foo}" in the list of objects\n', exitCode: 1 });
  });

  it("checks --raw's companions like kubectl", async () => {
    expect((await t.kubectl("get --raw /api x")).stderr).toBe("error: arguments may not be passed when --raw is specified\n");
    expect((await t.kubectl("get --raw /api -w")).stderr).toBe("error: --raw may not be specified with other flags that filter the server request or alter the output\n");
    expect((await t.kubectl("get --raw /api -o json")).stderr).toBe("error: --raw and --output are mutually exclusive\n");
    expect((await t.kubectl("get --raw api")).stderr).toBe('error: --raw must be a valid URL path: parse "api": invalid URI for request\n');
    const raw = await t.kubectl("get --raw /api/v1/namespaces/default");
    expect(JSON.parse(raw.stdout).metadata.name).toBe("default");
  });
});

describe("kubectl get --watch", () => {
  /** Runs a watch, scaling `api` to 2 replicas after the first poll and stopping after `polls` polls. */
  async function watch(args: string, polls = 20) {
    const t = kubectlTester();
    t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("web", 3));
    t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", deployment("api", 1));
    t.client.tick(30_000);
    const ac = new AbortController();
    let n = 0;
    const tick = t.client.tick.bind(t.client);
    t.client.tick = (ms?: number) => {
      tick(ms);
      if (++n === 1) t.client.request("PATCH", "/apis/apps/v1/namespaces/default/deployments/api", { spec: { replicas: 2 } }, { "content-type": "application/merge-patch+json" });
      if (n >= polls) ac.abort();
    };
    return t.kubectl(args, { signal: ac.signal });
  }

  it("prints the table, then a row per change until interrupted (exit 1, like Ctrl-C)", async () => {
    const r = await watch("get deploy -w");
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual(["NAME   READY   UP-TO-DATE   AVAILABLE   AGE", "api    0/1     1            0           30s", "web    0/3     3            0           30s", "api    0/2     1            0           30s"]);
    expect(r.exitCode).toBe(1);
  });

  it("prints only changes with --watch-only, headed by the columns", async () => {
    const r = await watch("get deploy --watch-only");
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["NAME   READY   UP-TO-DATE   AVAILABLE   AGE", "api    0/2     1            0           30s"]);
  });

  it("prints an EVENT column with --output-watch-events", async () => {
    const r = await watch("get deploy -w --output-watch-events");
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
      "ADDED      api    0/1     1            0           30s",
      "ADDED      web    0/3     3            0           30s",
      "MODIFIED   api    0/2     1            0           30s",
    ]);
  });

  it("watches one named object, skipping the server's first ADDED event", async () => {
    const r = await watch("get deploy api -w");
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual(["NAME   READY   UP-TO-DATE   AVAILABLE   AGE", "api    0/1     1            0           30s", "api    0/2     1            0           30s"]);
  });

  it("refuses --output-watch-events without a watch and warns that --sort-by is ignored", async () => {
    const t = kubectlTester();
    expect((await t.kubectl("get deploy --output-watch-events")).stderr).toBe("error: --output-watch-events option can only be used with --watch or --watch-only\n");
    const ac = new AbortController();
    ac.abort();
    expect((await t.kubectl("get deploy -w --sort-by=.metadata.name", { signal: ac.signal })).stderr).toBe("warning: --watch requested, --sort-by will be ignored for watch events received\n");
  });
});

describe("kubectl api-resources and api-versions", () => {
  const t = kubectlTester();

  it("lists resources by group, then name", async () => {
    const r = await t.kubectl("api-resources");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("NAME                        SHORTNAMES   APIVERSION                     NAMESPACED   KIND");
    expect(lines[1].startsWith("bindings ")).toBe(true);
    expect(r.stdout).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
  });

  it("filters and names resources", async () => {
    expect((await t.kubectl("api-resources --api-group=apps -o name")).stdout).toBe("controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n");
    expect((await t.kubectl("api-resources -o json")).stderr).toBe("error: --output json is not available\n");
    expect((await t.kubectl("api-resources --sort-by=foo")).stderr).toBe("error: --sort-by accepts only name or kind\n");
    expect((await t.kubectl("api-resources x")).stderr).toBe("error: unexpected arguments: [x]\nSee 'kubectl api-resources -h' for help and examples\n");
  });

  it("prints group/versions sorted", async () => {
    const r = await t.kubectl("api-versions");
    const lines = r.stdout.trim().split("\n");
    expect(lines).toContain("apps/v1");
    expect(lines).toContain("v1");
    expect([...lines].sort()).toEqual(lines);
  });
});
