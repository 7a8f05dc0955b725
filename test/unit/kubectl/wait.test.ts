// kubectl wait. Expected outputs were taken from kubectl 1.32 against the dev server.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function setup() {
  const t = kubectlTester();
  const c = (path: string, body: object) => {
    const r = t.client.request("POST", path, body);
    if (r.status >= 300) throw new Error(JSON.stringify(r.body));
  };
  c("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "web", labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } });
  c("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "badimg" }, spec: { containers: [{ name: "c", image: "nginx:doesnotexist999" }] } });
  c("/apis/batch/v1/namespaces/default/jobs", { apiVersion: "batch/v1", kind: "Job", metadata: { name: "hello" }, spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "sleep 20"] }] } } } });
  return { t, c };
}

describe("kubectl wait", () => {
  it("waits for a condition, advancing time while it polls", async () => {
    const { t } = setup();
    expect(await t.kubectl("wait --for=condition=Ready pod/web")).toEqual({ stdout: "pod/web condition met\n", stderr: "", exitCode: 0 });
    const before = t.client.nowMs;
    expect((await t.kubectl("wait --for=condition=complete job/hello --timeout=2m")).stdout).toBe("job.batch/hello condition met\n");
    expect(t.client.nowMs - before).toBeGreaterThanOrEqual(15_000);
    expect((await t.kubectl(["wait", "--for=jsonpath={.status.phase}=Running", "pod/web"])).stdout).toBe("pod/web condition met\n");
    expect((await t.kubectl("wait --for=condition=Ready pod -l app=web")).stdout).toBe("pod/web condition met\n");
  });

  it("times out with kubectl's message, the timeout shared by every object", async () => {
    const { t } = setup();
    expect(await t.kubectl("wait --for=condition=Ready pod/badimg --timeout=3s")).toEqual({ stdout: "", stderr: "error: timed out waiting for the condition on pods/badimg\n", exitCode: 1 });
    expect((await t.kubectl("wait --for=condition=Ready=false pod/badimg --timeout=2s")).stdout).toBe("pod/badimg condition met\n");
    expect(await t.kubectl("wait --for=condition=Ready pod/badimg pod/web --timeout=2s")).toEqual({
      stdout: "",
      stderr: "timed out waiting for the condition on pods/badimg\ntimed out waiting for the condition on pods/web\n",
      exitCode: 1,
    });
  });

  it("waits for deletion and ignores objects already gone", async () => {
    const { t } = setup();
    expect(await t.kubectl("wait --for=delete pod/nope --timeout=2s")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    for (let i = 0; i < 10; i++) t.client.tick(1000);
    t.client.request("DELETE", "/api/v1/namespaces/default/pods/web");
    expect((await t.kubectl("wait --for=delete pod/web --timeout=60s")).stdout).toBe("pod/web condition met\n");
  });

  it("reports bad conditions and missing objects like kubectl", async () => {
    const { t } = setup();
    expect((await t.kubectl("wait pod/web")).stderr).toBe('error: unrecognized condition: ""\n');
    expect((await t.kubectl("wait --for=foo pod/web")).stderr).toBe('error: unrecognized condition: "foo"\n');
    expect((await t.kubectl("wait --for=condition=Ready pod/nope")).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect((await t.kubectl("wait --for=condition=Ready pod -l app=nothing --timeout=2s")).stderr).toBe("error: no matching resources found\n");
    expect((await t.kubectl(["wait", "--for=jsonpath={.status.bad", "pod/web"])).stderr).toBe("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n");
    expect((await t.kubectl("wait --for=condition=Ready")).stderr).toBe("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
  });
});
