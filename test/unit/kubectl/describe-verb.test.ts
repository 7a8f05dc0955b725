// `kubectl describe` against the in-process cluster: the command's forms (TYPE NAME, TYPE/NAME, all
// of a type, name prefixes, -l, -A, --show-events, -f), its errors, and ages that follow the
// cluster's clock. Texts and messages are as kubectl 1.32 prints them (checked against real kubectl
// on the dev server with the same objects; fixtures/describe-recorded.ts pins whole outputs).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function setup() {
  const t = kubectlTester();
  const create = (path: string, body: object) => {
    const r = t.client.request("POST", path, body);
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
  };
  create("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { a: "1" } });
  create("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg2", labels: { tier: "x" } }, data: { b: "2" } });
  create("/apis/apps/v1/namespaces/default/deployments", {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } },
  });
  for (let i = 0; i < 10; i++) t.client.tick(1000);
  return { t, create };
}

/** The text kubectl 1.32 printed for a ConfigMap with one key and no events. */
const cm = (name: string, key: string, value: string, labels = "<none>") =>
  `Name:         ${name}\nNamespace:    default\nLabels:       ${labels}\nAnnotations:  <none>\n\nData\n====\n${key}:\n----\n${value}\n\n\nBinaryData\n====\n\nEvents:  <none>\n`;

describe("kubectl describe", () => {
  it("TYPE NAME and TYPE/NAME describe one object", async () => {
    const { t } = setup();
    for (const cmd of ["describe configmap cfg", "describe cm/cfg", "describe configmaps.v1. cfg"]) {
      const r = await t.kubectl(cmd);
      expect(r, cmd).toEqual({ stdout: cm("cfg", "a", "1"), stderr: "", exitCode: 0 });
    }
  });

  it("several objects are separated by an empty line and a blank one (\\n\\n after each text's newline)", async () => {
    const { t } = setup();
    const r = await t.kubectl("describe cm cfg cfg2");
    expect(r.stdout).toBe(`${cm("cfg", "a", "1")}\n\n${cm("cfg2", "b", "2", "tier=x")}`);
    const l = await t.kubectl("describe cm -l tier=x");
    expect(l.stdout).toBe(cm("cfg2", "b", "2", "tier=x"));
  });

  it("a name that matches nothing is taken as a prefix: every match, each followed by one newline", async () => {
    const { t } = setup();
    const r = await t.kubectl("describe cm cf");
    expect(r).toEqual({ stdout: `${cm("cfg", "a", "1")}\n${cm("cfg2", "b", "2", "tier=x")}\n`, stderr: "", exitCode: 0 });
    const none = await t.kubectl("describe cm zz");
    expect(none).toEqual({ stdout: "", stderr: 'Error from server (NotFound): configmaps "zz" not found\n', exitCode: 1 });
  });

  it("event ages follow the cluster's clock", async () => {
    const { t } = setup();
    const rs = t.client.get("/apis/apps/v1/namespaces/default/replicasets").items[0].metadata.name;
    const line = (out: string) => out.split("\n").find((l) => l.includes("ScalingReplicaSet"));
    expect(line((await t.kubectl("describe deploy web")).stdout)).toBe(`  Normal  ScalingReplicaSet  9s    deployment-controller  Scaled up replica set ${rs} from 0 to 2`);
    t.client.tick(150_000);
    expect(line((await t.kubectl("describe deploy web")).stdout)).toBe(`  Normal  ScalingReplicaSet  2m39s  deployment-controller  Scaled up replica set ${rs} from 0 to 2`);
    const r = await t.kubectl("describe deploy web --show-events=false");
    expect(r.stdout).not.toContain("Events:");
    expect(r.stdout).toContain(`NewReplicaSet:   ${rs} (2/2 replicas created)\n`);
  });

  it("a ReplicaSet counts the phases of the pods it controls; a node lists its pods with their share of the node", async () => {
    const { t, create } = setup();
    const rs = (await t.kubectl("describe rs")).stdout;
    expect(rs).toContain("\nControlled By:  Deployment/web\nReplicas:       2 current / 2 desired\nPods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n");
    create("/api/v1/namespaces/default/pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "sized" },
      spec: { nodeName: "node01", containers: [{ name: "c", image: "nginx:1.27", resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } } }] },
    });
    t.client.tick(30_000);
    const node = (await t.kubectl("describe node node01")).stdout;
    // 100m of 2 CPUs is 5%; 64Mi and 128Mi of 3912876Ki allocatable memory are 1% and 3%.
    expect(node).toMatch(/\n {2}default +sized +100m \(5%\) +0 \(0%\) +64Mi \(1%\) +128Mi \(3%\) +30s\n/);
    expect(node).toMatch(/\n {2}cpu +100m \(5%\) +0 \(0%\)\n {2}memory +64Mi \(1%\) +128Mi \(3%\)\n/);
  });

  it("describe TYPE with nothing to show says so on stderr", async () => {
    const { t } = setup();
    expect(await t.kubectl("describe pods -l app=nope")).toEqual({ stdout: "", stderr: "No resources found in default namespace.\n", exitCode: 0 });
    expect(await t.kubectl("describe pods -A -l app=nope")).toEqual({ stdout: "", stderr: "No resources found\n", exitCode: 0 });
  });

  it("errors are kubectl's", async () => {
    const { t } = setup();
    expect(await t.kubectl("describe")).toEqual({
      stdout: "",
      stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    });
    expect((await t.kubectl("describe foo")).stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(await t.kubectl("describe pod a b")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): pods "a" not found\nError from server (NotFound): pods "b" not found\n', exitCode: 1 });
    expect((await t.kubectl("describe pod x -l a=b")).stderr).toBe("error: name cannot be provided when a selector is specified\n");
    expect((await t.kubectl("describe pods/x -l a=b")).stderr).toBe("error: selectors and the all flag cannot be used when passing resource/name arguments\n");
    expect((await t.kubectl("describe pod x -A")).stderr).toBe("error: a resource cannot be retrieved by name across all namespaces\n");
    expect((await t.kubectl("describe -A pod/x")).stderr).toBe("error: a resource cannot be retrieved by name across all namespaces\n");
    // Cluster-scoped objects need no namespace, so -A is no obstacle.
    expect((await t.kubectl("describe -A node/node01 --show-events=false")).stdout).toMatch(/^Name:               node01\nRoles:              <none>\n/);
    // Found objects are still described when others are missing.
    const mixed = await t.kubectl("describe cm cfg nope x");
    expect(mixed).toEqual({ stdout: cm("cfg", "a", "1"), stderr: 'Error from server (NotFound): configmaps "nope" not found\nError from server (NotFound): configmaps "x" not found\n', exitCode: 1 });
  });

  it("-f describes the objects a manifest names", async () => {
    const { t } = setup();
    t.files.set("/root/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n");
    const r = await t.kubectl("describe -f cm.yaml");
    expect(r).toEqual({ stdout: `${cm("cfg2", "b", "2", "tier=x")}\n\n${cm("cfg", "a", "1")}`, stderr: "", exitCode: 0 });
  });

  it("kinds without a describer of their own get the generic one", async () => {
    const { t } = setup();
    const r = await t.kubectl("describe lease -n kube-node-lease node01 --show-events=false");
    expect(r.stdout).toMatch(/^Name:         node01\nNamespace:    kube-node-lease\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination.k8s.io\/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  \S+\n/);
    // Nested objects and lists indent by level; each block of "Key:\tvalue" lines aligns on its own.
    expect(r.stdout).toMatch(/\n  Owner References:\n    API Version:     v1\n    Kind:            Node\n    Name:            node01\n    UID:             \S+\n  Resource Version:  \d+\n  UID:               \S+\nSpec:\n  Holder Identity:         node01\n  Lease Duration Seconds:  40\n  Renew Time:              \S+\n$/);
  });
});
