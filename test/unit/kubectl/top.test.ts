// kubectl top. Layouts and messages were taken from kubectl 1.32 against the dev server (the same
// metrics.k8s.io API): tab-aligned columns with a trailing cell, millicores rounded up, whole Mi.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

function setup() {
  const t = kubectlTester({ nodes: 2 });
  const r = t.client.request("POST", "/api/v1/namespaces/default/pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "multi", annotations: { "kubeplay.dev/cpu-usage": "250m", "kubeplay.dev/memory-usage": "64Mi" } },
    spec: { containers: [{ name: "a", image: "nginx" }, { name: "b", image: "busybox", command: ["sleep", "3600"] }] },
  });
  expect(r.status).toBe(201);
  for (let i = 0; i < 30; i++) t.client.tick(10000);
  return t;
}

describe("kubectl top", () => {
  const t = setup();

  it("shows node usage with percentages of allocatable", async () => {
    const r = await t.kubectl("top node");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("NAME           CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ");
    expect(lines.slice(1, 4).map((l) => l.split(/\s+/)[0])).toEqual(["controlplane", "node01", "node02"]);
    for (const l of lines.slice(1, 4)) expect(l).toMatch(/^\S+\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/);
  });

  it("shows pod usage summed over containers, per container with --containers", async () => {
    expect((await t.kubectl("top pod")).stdout).toBe("NAME    CPU(cores)   MEMORY(bytes)   \nmulti   250m         64Mi            \n");
    expect((await t.kubectl("top pod --containers")).stdout).toBe("POD     NAME   CPU(cores)   MEMORY(bytes)   \nmulti   a      125m         32Mi            \nmulti   b      125m         32Mi            \n");
    expect((await t.kubectl("top pod --no-headers")).stdout).toBe("multi   250m   64Mi   \n");
  });

  it("sorts, adds a sum line and spans namespaces", async () => {
    const r = await t.kubectl("top pod -A --sort-by=cpu --sum");
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s+$/);
    expect(lines[1]).toMatch(/^default\s+multi\s+250m\s+64Mi\s+$/);
    expect(lines[lines.length - 2]).toMatch(/^\s+________\s+________\s+$/);
    expect(lines[lines.length - 1]).toMatch(/^\s+\d+m\s+\d+Mi\s+$/);
  });

  it("reports kubectl's errors", async () => {
    expect(await t.kubectl("top node --sort-by=foo")).toEqual({ stdout: "", stderr: "error: --sort-by accepts only cpu or memory\n", exitCode: 1 });
    expect((await t.kubectl("top pod nope")).stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(await t.kubectl("top pod -n empty")).toEqual({ stdout: "", stderr: "No resources found in empty namespace.\n", exitCode: 0 });
    const group = await t.kubectl("top");
    expect(group.exitCode).toBe(1);
    expect(group.stderr.startsWith("Display resource (CPU/memory) usage.\n")).toBe(true);
  });
});
