// `kubectl events` against an in-process sandbox. Shapes and messages as kubectl 1.32 printed them for
// the same commands against a dev-server sandbox holding the same deployment (compared through both
// doors: table, -A, --for, --types, -o yaml/json/jsonpath/name, and the errors).
import { beforeAll, describe, expect, it } from "vitest";
import { kubectlTester, type KubectlTester } from "../../support/kubectl-env";

describe("kubectl events", () => {
  let t: KubectlTester;
  beforeAll(() => {
    t = kubectlTester();
    t.client.request("POST", "/apis/apps/v1/namespaces/default/deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: { replicas: 1, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
    });
    t.client.tick(60_000);
  });

  it("prints events oldest first with LAST SEEN, TYPE, REASON, OBJECT and MESSAGE", async () => {
    const r = await t.kubectl("events --for deploy/web");
    expect(r.stdout).toMatch(/^LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n\d+s +Normal   ScalingReplicaSet   Deployment\/web   Scaled up replica set web-[a-z0-9]+ from 0 to 1\n$/);
    expect(r.exitCode).toBe(0);
  });

  it("adds NAMESPACE with -A and leaves headers out with --no-headers", async () => {
    expect((await t.kubectl("events -A")).stdout.startsWith("NAMESPACE   LAST SEEN   TYPE     REASON")).toBe(true);
    expect((await t.kubectl("events --for deploy/web --no-headers")).stdout).toMatch(/^\d+s +Normal   ScalingReplicaSet/);
  });

  it("says when there are none", async () => {
    expect(await t.kubectl("events -n kube-public")).toEqual({ stdout: "", stderr: "No events found in kube-public namespace.\n", exitCode: 0 });
    expect(await t.kubectl("events --types=Warning --for deploy/web")).toEqual({ stdout: "", stderr: "No events found in default namespace.\n", exitCode: 0 });
  });

  it("prints the EventList through -o printers (and nothing for -o name, as kubectl)", async () => {
    const yaml = await t.kubectl("events --for deploy/web -o yaml");
    expect(yaml.stdout.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  count: 1\n  eventTime: null\n  firstTimestamp: "2026-01-01T')).toBe(true);
    const json = await t.kubectl("events --for deploy/web -o json");
    expect(json.stdout.startsWith('{\n    "kind": "EventList",\n    "apiVersion": "v1",\n    "metadata": {},\n    "items": [\n        {\n            "kind": "Event",\n            "apiVersion": "v1",\n            "metadata": {\n                "name": "web.')).toBe(true);
    expect((await t.kubectl(["events", "--for", "deploy/web", "-o", "jsonpath={.items[*].reason}"])).stdout).toBe("ScalingReplicaSet");
    expect(await t.kubectl("events -o name")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("words its errors like kubectl", async () => {
    expect((await t.kubectl("events --for foo")).stderr).toBe("error: --for must be in resource/name form\n");
    expect((await t.kubectl("events --for foo/x")).stderr).toBe('the server doesn\'t have a resource type "foo"\n');
    expect((await t.kubectl("events --types=Bad")).stderr).toBe("error: valid --types are Normal or Warning\n");
  });
});
