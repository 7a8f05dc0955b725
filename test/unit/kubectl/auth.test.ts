// kubectl auth can-i / whoami. Expected outputs were taken from kubectl 1.32 against the dev server
// (kubernetes-admin, and --as=jane who has no bindings).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

describe("kubectl auth can-i", () => {
  const t = kubectlTester();

  it("answers yes/no with the exit code, for the user or whoever --as names", async () => {
    expect(await t.kubectl("auth can-i create pods")).toEqual({ stdout: "yes\n", stderr: "", exitCode: 0 });
    expect(await t.kubectl("auth can-i create pods --as=jane")).toEqual({ stdout: "no\n", stderr: "", exitCode: 1 });
    expect((await t.kubectl("auth can-i get pods/log --as=system:serviceaccount:default:default")).stdout).toBe("no\n");
    expect((await t.kubectl("auth can-i get pods --subresource=log")).stdout).toBe("yes\n");
    expect(await t.kubectl("auth can-i get pods --quiet")).toEqual({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("warns about unknown resources, verbs and cluster-scoped resources", async () => {
    expect(await t.kubectl("auth can-i foo bar")).toEqual({ stdout: "yes\n", stderr: "Warning: the server doesn't have a resource type 'bar'\n\nWarning: verb 'foo' is not a known verb\n\n", exitCode: 0 });
    expect((await t.kubectl("auth can-i list nodes")).stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n\n");
  });

  it("checks its arguments", async () => {
    const msg = "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n";
    expect(await t.kubectl("auth can-i")).toEqual({ stdout: "", stderr: msg, exitCode: 1 });
    expect((await t.kubectl("auth can-i get pods nginx")).stderr).toBe(msg);
  });

  it("lists the rules with --list", async () => {
    const r = await t.kubectl("auth can-i --list --as=jane");
    expect(r.stdout.split("\n").slice(0, 6).join("\n")).toBe(
      [
        "Resources                                       Non-Resource URLs   Resource Names   Verbs",
        "selfsubjectreviews.authentication.k8s.io        []                  []               [create]",
        "selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]",
        "selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]",
        "                                                [/api/*]            []               [get]",
        "                                                [/api]              []               [get]",
      ].join("\n"),
    );
    expect((await t.kubectl("auth can-i --list")).stdout.split("\n")[1]).toBe("*.*                                             []                  []               [*]");
  });
});

describe("kubectl auth whoami", () => {
  const t = kubectlTester();
  it("prints the user's attributes", async () => {
    expect((await t.kubectl("auth whoami")).stdout).toBe("ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n");
    expect((await t.kubectl("auth whoami --as=jane")).stdout).toBe("ATTRIBUTE   VALUE\nUsername    jane\nGroups      [system:authenticated]\n");
    expect((await t.kubectl("auth whoami -o json")).stdout).toContain('"kind": "SelfSubjectReview",\n    "apiVersion": "authentication.k8s.io/v1",');
  });
});
