// kubectl delete: expected outputs were taken from kubectl 1.32 against a sandbox in the same state
// (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

async function setup() {
  const t = kubectlTester();
  await t.kubectl("run p1 --image=nginx");
  await t.kubectl("run p2 --image=nginx -l app=x");
  await t.kubectl("create configmap c1");
  return t;
}

describe("kubectl delete", () => {
  it("deletes what exists, reports what does not, and goes on", async () => {
    const t = await setup();
    expect(await t.kubectl("delete pod nope p1 --wait=false")).toEqual({ stdout: 'pod "p1" deleted\n', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(await t.kubectl("delete pod nope1 nope2")).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): pods "nope1" not found\nError from server (NotFound): pods "nope2" not found\n',
      exitCode: 1,
    });
  });

  it("waits for a pod to be gone by default", async () => {
    const t = await setup();
    t.client.tick(20_000);
    expect(await t.kubectl("delete pod p1")).toEqual({ stdout: 'pod "p1" deleted\n', stderr: "", exitCode: 0 });
    expect(t.client.request("GET", "/api/v1/namespaces/default/pods/p1").status).toBe(404);
  });

  it("names groups and marks dry runs and forced deletions", async () => {
    const t = await setup();
    await t.kubectl("create deployment web --image=nginx");
    expect((await t.kubectl("delete deploy web --wait=false")).stdout).toBe('deployment.apps "web" deleted\n');
    expect((await t.kubectl("delete pod p2 --dry-run=client")).stdout).toBe('pod "p2" deleted (dry run)\n');
    expect((await t.kubectl("delete pod/p2 --dry-run=server")).stdout).toBe('pod "p2" deleted (server dry run)\n');
    expect((await t.kubectl("delete pod/p2 --dry-run=client -o name")).stdout).toBe("pod/p2\n");
    expect(await t.kubectl("delete pod -l app=x --grace-period=0 --force")).toEqual({
      stdout: 'pod "p2" force deleted\n',
      stderr:
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      exitCode: 0,
    });
  });

  it("says when a selector matches nothing, and ignores missing names when asked", async () => {
    const t = await setup();
    expect(await t.kubectl("delete pod -l app=zzz")).toEqual({ stdout: "No resources found\n", stderr: "", exitCode: 0 });
    expect(await t.kubectl("delete pod nope --ignore-not-found")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
    expect((await t.kubectl("delete cm --all")).stdout).toContain('configmap "c1" deleted\n');
  });

  it("warns once about cluster-scoped objects when a namespace was given", async () => {
    const t = await setup();
    await t.kubectl("create namespace other");
    expect(await t.kubectl("delete ns other -n default --wait=false")).toEqual({
      stdout: 'namespace "other" deleted\n',
      stderr: "Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n",
      exitCode: 0,
    });
  });

  it.each([
    ["delete pods", "error: resource(s) were provided, but no name was specified\n"],
    [
      "delete",
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    ["delete pod/p2 -o yaml", "error: unexpected -o output mode: yaml. We only support '-o name'\n"],
    ["delete pod p2 --dry-run=bogus", 'error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n'],
    ["delete pod p2 --cascade=bogus", 'error: invalid cascade value (bogus). Must be "background", "foreground", or "orphan"\n'],
    ["delete pod p2 --now --grace-period=3", "error: --now and --grace-period cannot be specified together\n"],
    ["delete pod p2 --force --grace-period=3", "error: --force and --grace-period greater than 0 cannot be specified together\n"],
    ["delete pods --all --selector=app=x", "error: setting 'all' parameter but found a non empty selector. \n"],
  ])("%s", async (line, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
