// kubectl taint. Expected outputs were taken from kubectl 1.32 against the dev server (same nodes).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

describe("kubectl taint", () => {
  it("adds, refuses to overwrite, overwrites and removes taints", async () => {
    const t = kubectlTester({ nodes: 2 });
    expect(await t.kubectl("taint nodes node01 dedicated=special:NoSchedule")).toEqual({ stdout: "node/node01 tainted\n", stderr: "", exitCode: 0 });
    expect(t.client.get("/api/v1/nodes/node01").spec.taints).toEqual([{ key: "dedicated", value: "special", effect: "NoSchedule" }]);
    expect(await t.kubectl("taint nodes node01 dedicated=other:NoSchedule")).toEqual({ stdout: "", stderr: "error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n", exitCode: 1 });
    expect((await t.kubectl("taint nodes node01 dedicated=other:NoSchedule --overwrite")).stdout).toBe("node/node01 modified\n");
    expect(t.client.get("/api/v1/nodes/node01").spec.taints).toEqual([{ key: "dedicated", value: "other", effect: "NoSchedule" }]);
    expect((await t.kubectl("taint node node01 dedicated:NoSchedule-")).stdout).toBe("node/node01 untainted\n");
    expect(t.client.get("/api/v1/nodes/node01").spec.taints).toBeUndefined();
    expect((await t.kubectl("taint node node01 dedicated-")).stderr).toBe('error: taint "dedicated" not found\n');
  });

  it("taints every node with --all and selected ones with -l", async () => {
    const t = kubectlTester({ nodes: 2 });
    expect((await t.kubectl("taint nodes --all a=b:NoSchedule")).stdout).toBe("node/controlplane tainted\nnode/node01 tainted\nnode/node02 tainted\n");
    expect((await t.kubectl("taint nodes -l kubernetes.io/os=linux a-")).stdout).toBe("node/controlplane untainted\nnode/node01 untainted\nnode/node02 untainted\n");
    // The control plane keeps its own taint.
    expect(t.client.get("/api/v1/nodes/controlplane").spec.taints).toEqual([{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }]);
  });

  it("validates like kubectl", async () => {
    const t = kubectlTester({ nodes: 1 });
    expect(await t.kubectl("taint node node01 foo=bar:Bogus")).toEqual({ stdout: "", stderr: "error: invalid taint effect: Bogus, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n", exitCode: 1 });
    expect((await t.kubectl("taint node node01 foo")).stderr).toBe("error: at least one taint update is required\n");
    expect((await t.kubectl("taint node nope a=b:NoSchedule")).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect((await t.kubectl("taint node node01 a=b:NoSchedule a-")).stderr).toBe("error: can not both modify and remove the following taint(s) in the same command: a=\n");
    expect((await t.kubectl("taint pod web a=b:NoSchedule")).stderr).toBe("error: invalid resource type pod, only node types are supported\n");
    expect((await t.kubectl("taint node01 a=b:NoSchedule")).stderr).toBe('the server doesn\'t have a resource type "node01"\n');
    expect((await t.kubectl("taint node node01 k=v:NoExecute k=v2:NoExecute")).stderr).toBe("error: duplicated taints with the same key and effect: {k v2 NoExecute <nil>}\nSee 'kubectl taint -h' for help and examples\n");
  });
});
