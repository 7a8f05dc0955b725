// kubectl's command lookup, flag errors and help, as kubectl 1.32 prints them (outputs taken from the
// real binary).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

describe("kubectl command lookup and flag errors", () => {
  const t = kubectlTester();

  it("reports an unknown flag and where to find help", async () => {
    expect(await t.kubectl("get --foo")).toEqual({ stdout: "", stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", exitCode: 1 });
  });

  it("reports an unknown shorthand flag", async () => {
    expect((await t.kubectl("get -z")).stderr).toBe("error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
  });

  it("reports a flag that needs an argument", async () => {
    expect((await t.kubectl("get -n")).stderr).toBe("error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
  });

  it("reports an unknown command with suggestions in registration order", async () => {
    expect(await t.kubectl("gett")).toEqual({ stdout: "", stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n', exitCode: 1 });
    expect((await t.kubectl("foo")).stderr).toBe('error: unknown command "foo" for "kubectl"\n\nDid you mean this?\n\ttop\n');
  });

  it("finds the command after global flags with values", async () => {
    expect((await t.kubectl("-n kube-system gett")).stderr).toContain('unknown command "gett"');
    expect((await t.kubectl("--namespace kube-system get --foo")).stderr).toContain("See 'kubectl get --help'");
  });

  it("lists the command groups for a bare kubectl", async () => {
    const r = await t.kubectl("");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("Basic Commands (Beginner):\n  create          Create a resource from a file or from stdin\n");
    expect(r.stdout).toContain("Other Commands:\n  api-resources   Print the supported API resources on the server\n");
  });

  it("prints an invalid value error for typed flags", async () => {
    expect((await t.kubectl("options --v=abc")).stderr).toBe('error: invalid argument "abc" for "-v, --v" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl options --help\' for usage.\n');
  });

  it("prints the global options", async () => {
    const r = await t.kubectl("options");
    expect(r.stdout.startsWith("The following options can be passed to any command:\n\n    --as='':\n\tUsername to impersonate")).toBe(true);
    expect(r.stdout).toContain("    -n, --namespace='':\n\tIf present, the namespace scope for this CLI request\n\n");
  });
});
