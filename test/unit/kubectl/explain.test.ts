// kubectl explain against the engine's OpenAPI v3 documents. The fixtures are kubectl 1.32's own
// output (`kubectl.1.32 explain ...` against the dev server, which serves the same documents).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectlTester } from "../../support/kubectl-env";
import { wrapString } from "../../../src/engine/kubectl/verbs/explain";

const fixture = (name: string) => readFileSync(join(__dirname, "fixtures/explain", `${name}.txt`), "utf8");

describe("kubectl explain", () => {
  const t = kubectlTester();
  const cases: [string[], string][] = [
    [["pods"], "pods"],
    [["pods.spec.containers.ports"], "pods.spec.containers.ports"],
    [["deployment.spec.strategy", "--recursive"], "deployment.spec.strategy_recursive"],
    [["svc.spec.type"], "svc.spec.type"],
    [["hpa.spec", "--api-version=autoscaling/v1"], "hpa.spec_api-version_autoscaling-v1"],
  ];
  for (const [args, name] of cases) {
    it(`explain ${args.join(" ")}`, async () => {
      expect(await t.kubectl(["explain", ...args])).toEqual({ stdout: fixture(name), stderr: "", exitCode: 0 });
    });
  }

  it("reports unknown types and fields like kubectl (the header is printed before the error)", async () => {
    expect(await t.kubectl("explain foo")).toEqual({ stdout: "", stderr: 'the server doesn\'t have a resource type "foo"\n', exitCode: 1 });
    expect(await t.kubectl("explain pods.spec.bogus")).toEqual({ stdout: "KIND:       Pod\nVERSION:    v1\n\n", stderr: 'error: field "bogus" does not exist\n', exitCode: 1 });
    expect((await t.kubectl("explain")).stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  });

  it("wraps like go-wordwrap", () => {
    expect(wrapString("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(wrapString("a verylongwordthatdoesnotfit x", 10)).toBe("a\nverylongwordthatdoesnotfit\nx");
    expect(wrapString("keep\n\nparagraphs", 80)).toBe("keep\n\nparagraphs");
  });
});
