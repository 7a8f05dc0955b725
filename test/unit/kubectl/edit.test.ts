// kubectl edit: the browser has no editor, so the command explains the file-based way; the two
// halves a web editor can drive keep kubectl edit's messages (taken from kubectl 1.32's edit).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { applyEdited, editObjectYaml, type EditBuffer } from "../../../src/engine/kubectl/verbs/edit";
import type { CommandRun } from "../../../src/engine/kubectl/command";
import { ROOT_COMMANDS } from "../../../src/engine/kubectl/verbs";

describe("kubectl edit", () => {
  it("explains how to edit through a file", async () => {
    const t = kubectlTester();
    await t.kubectl("create deployment web --image=nginx");
    const r = await t.kubectl("edit deployment/web");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain("kubectl get deployment/web -o yaml > web.yaml\n");
    expect(r.stderr).toContain("kubectl apply -f web.yaml\n");
  });

  it("answers kubectl's own error for objects that do not exist", async () => {
    const t = kubectlTester();
    expect(await t.kubectl("edit deployment/nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
  });

  it("saves an edited buffer with edit's messages", async () => {
    const t = kubectlTester();
    await t.kubectl("create deployment web --image=nginx");
    // Capture the CommandRun edit's run gets, then drive the two halves with it.
    let captured: CommandRun | undefined;
    const edit = ROOT_COMMANDS.find((c) => c.name === "edit")!;
    const original = edit.run!;
    edit.run = async (r) => {
      captured = r;
      return 0;
    };
    try {
      await t.kubectl("edit deployment/web");
    } finally {
      edit.run = original;
    }
    const r = captured!;
    let out = "";
    let err = "";
    r.env = { ...r.env, stdout: { write: (s: string) => void (out += s) }, stderr: { write: (s: string) => void (err += s) } };
    const buffer: EditBuffer = await editObjectYaml(r, ["deployment/web"]);
    expect(buffer.text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(buffer.text).toContain("\nkind: Deployment\n");
    expect(await applyEdited(r, buffer, buffer.text.replace("# Please edit", "# Really, please edit"))).toBe(0);
    expect(err).toBe("Edit cancelled, no changes made.\n");
    expect(await applyEdited(r, buffer, buffer.text.replace("replicas: 1", "replicas: 4"))).toBe(0);
    expect(out).toBe("deployment.apps/web edited\n");
    expect(t.client.get("/apis/apps/v1/namespaces/default/deployments/web").spec.replicas).toBe(4);
  });
});
