// `kubectl <command> --help` for the operations verbs, byte for byte against the help kubectl 1.32.5
// printed (fixtures/help/<command path>.txt, taken from `kubectl.1.32 <command> --help`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";

const COMMANDS = [
  "logs", "exec", "version", "cluster-info", "cluster-info dump", "cordon", "uncordon", "drain", "taint", "top", "top node", "top pod", "auth", "auth can-i", "auth whoami", "auth reconcile", "wait", "explain", "certificate", "certificate approve", "certificate deny",
  "port-forward", "attach", "proxy", "cp", "debug", "completion", "plugin", "plugin list", "kustomize",
  "config", "config view", "config current-context", "config get-contexts", "config use-context", "config set-context", "config get-clusters",
  "config get-users", "config set", "config unset", "config rename-context", "config delete-context", "config delete-cluster", "config delete-user",
  "config set-cluster", "config set-credentials",
];

describe("help texts match kubectl 1.32", () => {
  const t = kubectlTester();
  for (const path of COMMANDS) {
    it(`kubectl ${path} --help`, async () => {
      const expected = readFileSync(join(__dirname, "fixtures/help", `${path.replace(/ /g, "_")}.txt`), "utf8");
      const r = await t.kubectl(`${path} --help`);
      expect(r.stdout).toBe(expected);
      expect(r.exitCode).toBe(0);
    });
  }

  it("groups without a subcommand print their help on stderr and fail (DefaultSubCommandRun)", async () => {
    const r = await t.kubectl("plugin");
    expect(r).toEqual({ stdout: "", stderr: readFileSync(join(__dirname, "fixtures/help/plugin.txt"), "utf8"), exitCode: 1 });
    expect(await t.kubectl("plugin foo")).toEqual({ stdout: "", stderr: "error: unknown command \"foo\"\nSee 'kubectl plugin -h' for help and examples\n", exitCode: 1 });
  });
});
