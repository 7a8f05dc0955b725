// `--help` of create, every generator, run, expose and autoscale: byte for byte what kubectl 1.32.5
// prints (fixtures/create-help-recorded.ts).
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { CREATE_HELP_RECORDED } from "./fixtures/create-help-recorded";

describe("help of the object-producing verbs", () => {
  const t = kubectlTester();
  for (const c of CREATE_HELP_RECORDED) {
    it(c.argv.join(" "), async () => {
      expect(await t.kubectl(c.argv)).toEqual({ stdout: c.stdout, stderr: "", exitCode: 0 });
    });
  }
});
