// kubectl scale: expected outputs were taken from kubectl 1.32 against a sandbox in the same state
// (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

async function setup() {
  const t = kubectlTester();
  await t.kubectl("create deployment sc --image=nginx");
  await t.kubectl("create deployment web --image=nginx");
  await t.kubectl("run p9 --image=nginx");
  return t;
}

const replicas = (t: ReturnType<typeof kubectlTester>, name: string) => t.client.get(`/apis/apps/v1/namespaces/default/deployments/${name}`).spec.replicas;

describe("kubectl scale", () => {
  it("scales through the scale subresource", async () => {
    const t = await setup();
    expect(await t.kubectl("scale deploy sc --replicas=3")).toEqual({ stdout: "deployment.apps/sc scaled\n", stderr: "", exitCode: 0 });
    expect(replicas(t, "sc")).toBe(3);
    expect((await t.kubectl("scale deploy --all --replicas=1")).stdout).toBe("deployment.apps/sc scaled\ndeployment.apps/web scaled\n");
    expect((await t.kubectl("scale deploy sc --replicas=2 --dry-run=client")).stdout).toBe("deployment.apps/sc scaled (dry run)\n");
    expect((await t.kubectl("scale deploy sc --replicas=2 -o name --dry-run=server")).stdout).toBe("deployment.apps/sc\n");
    expect(replicas(t, "sc")).toBe(1);
  });

  it("checks --current-replicas and --resource-version before updating", async () => {
    const t = await setup();
    expect(await t.kubectl("scale deploy sc --replicas=3 --current-replicas=5")).toEqual({ stdout: "", stderr: "error: Expected replicas to be 5, was 1\n", exitCode: 1 });
    expect((await t.kubectl("scale deploy sc --replicas=4 --current-replicas=1")).stdout).toBe("deployment.apps/sc scaled\n");
    expect(replicas(t, "sc")).toBe(4);
    const rv = t.client.get("/apis/apps/v1/namespaces/default/deployments/sc").metadata.resourceVersion;
    expect((await t.kubectl(`scale deploy sc --replicas=3 --resource-version=1`)).stderr).toBe(`error: Expected resource version to be 1, was ${rv}\n`);
  });

  it("waits for the replicas with --timeout", async () => {
    const t = await setup();
    expect((await t.kubectl("scale deploy/sc --replicas=2 --timeout=60s")).stdout).toBe("deployment.apps/sc scaled\n");
    expect(t.client.get("/apis/apps/v1/namespaces/default/deployments/sc/scale").status.replicas).toBe(2);
  });

  it.each([
    ["scale deploy sc nope --replicas=2", "deployment.apps/sc scaled\n", 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ["scale deploy nope --replicas=2", "", 'error: no objects passed to scale deployments.apps "nope" not found\n'],
    ["scale pod p9 --replicas=2", "", "Error from server (NotFound): the server could not find the requested resource\n"],
    ["scale deploy sc --replicas=-1", "", "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n"],
    ["scale deploy sc", "", 'error: required flag(s) "replicas" not set\n'],
    ["scale deploy sc web --replicas=1 --resource-version=5", "", "error: cannot use --resource-version with multiple resources\n"],
  ])("%s", async (line, stdout, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout, stderr, exitCode: 1 });
  });
});
