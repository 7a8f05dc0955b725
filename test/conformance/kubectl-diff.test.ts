// The differential corpus (issue 4): each line of test/conformance/corpus/*.sh runs through real
// kubectl 1.32 in bash and through the sandbox's command endpoint, on two sandboxes holding the same
// cluster; stdout, stderr and exit code must match after masking ages, timestamps and sandbox ids.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { hasKubectl, kubectlVersions, PRIMARY } from "./sandbox";
import { normalize, Pair, readCorpus } from "./differential";

const CORPUS = readCorpus(join(__dirname, "corpus"));

/**
 * Objects carry times to the second, and the kubelet's stages (so its jitter, IPs and IDs) follow
 * from them: the two doors must act within one second. Real kubectl takes a few hundred
 * milliseconds to start, the command endpoint a few, so a line late in a second waits for the next.
 */
async function earlyInASecond(): Promise<void> {
  const phase = Date.now() % 1000;
  if (phase > 300) await new Promise((resolve) => setTimeout(resolve, 1020 - phase));
}
const binary = new Map(kubectlVersions()).get(PRIMARY);

describe.skipIf(!hasKubectl() || !binary)("kubectl emulation matches kubectl 1.32", () => {
  it("has a corpus of at least 300 command lines", () => {
    const lines = CORPUS.reduce((n, c) => n + c.steps.filter((s) => s.kind === "command").length, 0);
    expect(lines).toBeGreaterThanOrEqual(300);
  });

  for (const [index, c] of CORPUS.entries()) {
    it(c.name, { timeout: 300_000 }, async () => {
      const pair = await Pair.create(binary!, `diff-${index}`);
      const sessions = [pair.real, pair.ours];
      for (const step of c.steps) {
        if (step.kind === "advance") {
          await pair.advance(step.seconds);
          continue;
        }
        await earlyInASecond();
        const [real, ours] = await Promise.all([pair.runReal(step.line), pair.runOurs(step.line)]);
        const show = (o: typeof real) => ({ stdout: normalize(o.stdout, sessions, pair.home), stderr: normalize(o.stderr, sessions, pair.home), exitCode: o.exitCode });
        expect.soft(show(ours), `line ${step.lineNo}: ${step.line}`).toEqual(show(real));
      }
    });
  }
});
