// kubectl label / annotate: expected outputs were taken from kubectl 1.32 against a sandbox in the
// same state (shared dev server), then pinned here against the emulation.
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

async function setup() {
  const t = kubectlTester();
  await t.kubectl("run p1 --image=nginx -l app=web");
  await t.kubectl("run p2 --image=nginx -l app=x");
  return t;
}
const labels = (t: ReturnType<typeof kubectlTester>, pod: string) => t.client.get(`/api/v1/namespaces/default/pods/${pod}`).metadata.labels;

describe("kubectl label", () => {
  it("adds, refuses to overwrite without --overwrite, removes", async () => {
    const t = await setup();
    expect(await t.kubectl("label pod p1 app=other")).toEqual({ stdout: "", stderr: "error: 'app' already has a value (web), and --overwrite is false\n", exitCode: 1 });
    expect((await t.kubectl("label pod p1 app=other --overwrite")).stdout).toBe("pod/p1 labeled\n");
    expect((await t.kubectl("label pod p1 app=other")).stdout).toBe("pod/p1 not labeled\n");
    expect((await t.kubectl("label pod p1 tier=fe env=prod")).stdout).toBe("pod/p1 labeled\n");
    expect((await t.kubectl("label pod p1 tier-")).stdout).toBe("pod/p1 unlabeled\n");
    expect((await t.kubectl("label pod p1 nope-")).stdout).toBe('label "nope" not found.\npod/p1 not labeled\n');
    expect(labels(t, "p1")).toEqual({ app: "other", env: "prod" });
    expect((await t.kubectl("label pod p1 --list")).stdout).toBe("app=other\nenv=prod\n");
  });

  it("selects with --all and -l, and marks dry runs", async () => {
    const t = await setup();
    expect((await t.kubectl("label pods --all team=blue")).stdout).toBe("pod/p1 labeled\npod/p2 labeled\n");
    expect((await t.kubectl("label pods -l app=x team=red --overwrite")).stdout).toBe("pod/p2 labeled\n");
    expect((await t.kubectl("label pod p1 k=v --dry-run=client")).stdout).toBe("pod/p1 labeled (dry run)\n");
    expect((await t.kubectl("label pod p1 k=v --dry-run=server -o name")).stdout).toBe("pod/p1\n");
    expect(labels(t, "p1")).toEqual({ app: "web", team: "blue" });
    expect((await t.kubectl("label pods --all --list")).stdout).toBe("Listing labels for Pod./p1:\n app=web\n team=blue\nListing labels for Pod./p2:\n app=x\n team=red\n");
  });

  it.each([
    ["label pod p1", "error: at least one label update is required\n"],
    ["label tier=x", "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n"],
    ["label pod p1 a=b=c", "error: invalid label spec: a=b=c\n"],
    ["label pod p1 a=1 a-", "error: can not both modify and remove a label in the same command\n"],
    ["label pod p1 a=1 p2", "error: all resources must be specified before label changes: p2\n"],
    ["label pod p1 p2 z=1 --resource-version=5", "error: --resource-version may only be used with a single resource\n"],
    ["label pod nope z=1", 'Error from server (NotFound): pods "nope" not found\n'],
  ])("%s", async (line, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });

  it("rejects an invalid value with the validation message", async () => {
    const t = await setup();
    const r = await t.kubectl(["label", "pod", "p1", "a=b c"]);
    expect(r.stderr).toBe(
      `error: invalid label value: "a=b c": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
    );
  });
});

describe("kubectl annotate", () => {
  it("annotates, refuses to overwrite, removes", async () => {
    const t = await setup();
    expect((await t.kubectl("annotate pod p1 note=hello")).stdout).toBe("pod/p1 annotated\n");
    expect(await t.kubectl("annotate pod p1 note=bye")).toEqual({
      stdout: "",
      stderr: "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hello)\n",
      exitCode: 1,
    });
    expect((await t.kubectl("annotate pod p1 note=bye --overwrite")).stdout).toBe("pod/p1 annotated\n");
    expect((await t.kubectl("annotate pod p1 --list")).stdout).toBe("note=bye\n");
    expect((await t.kubectl("annotate pod p1 note-")).stdout).toBe("pod/p1 annotated\n");
    expect((await t.kubectl("annotate pod p1 note-")).stdout).toBe("pod/p1 annotated\n");
  });

  it.each([
    ["annotate pod p1 =x", "error: at least one annotation update is required\n"],
    ["annotate pod p1 a=2 a-", "error: can not both modify and remove the following annotation(s) in the same command: a\n"],
    ["annotate pod p1", "error: at least one annotation update is required\n"],
  ])("%s", async (line, stderr) => {
    const t = await setup();
    expect(await t.kubectl(line)).toEqual({ stdout: "", stderr, exitCode: 1 });
  });
});
