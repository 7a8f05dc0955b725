// Seeded simulation of a living cluster (issue 3): random sequences of applies, scales, image
// changes, deletes (background, foreground, orphan), pod deletions, cordons and NotReady nodes with
// random waits in between, run through the in-process API and the alarm loop. After every alarm:
// reconciles settle and are idempotent, the next alarm is armed while timed work remains and is
// never due at once, resourceVersions only grow, nothing is orphaned, no node holds more than its
// allocatable, StatefulSet ordinals are unique. At the end, with every node healed and time run
// on, workloads have converged to their specs. The same seed always gives the same cluster.
//
// SIM_SEEDS=<n> runs seeds sim-1 … sim-<n> (default 200, what CI runs); SIM_SEED=<seed> runs one.
// A failure prints its seed, the op list and the replay command.
import { describe, expect, it } from "vitest";
import { dumpCluster, runSeed, Simulation } from "./runner";

const single = process.env.SIM_SEED;
const count = Number(process.env.SIM_SEEDS ?? 200);
const seeds = single ? [single] : Array.from({ length: count }, (_, i) => `sim-${i + 1}`);

/** Seeds per test: few enough that a failure names a small range, enough to keep vitest's overhead low. */
const BATCH = single ? 1 : 10;
const batches: { label: string; seeds: string[] }[] = [];
for (let i = 0; i < seeds.length; i += BATCH) {
  const batch = seeds.slice(i, i + BATCH);
  batches.push({ label: batch.length === 1 ? batch[0] : `${batch[0]} … ${batch[batch.length - 1]}`, seeds: batch });
}

describe("seeded simulation", () => {
  it.each(batches)("$label: invariants hold after every alarm and workloads converge", ({ seeds: batch }) => {
    const failures: string[] = [];
    for (const seed of batch) {
      try {
        runSeed(seed);
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
    if (failures.length) throw new Error(`${failures.length} of ${batch.length} seeds failed:\n\n${failures.join("\n\n")}`);
  }, 120_000);

  it("gives an identical cluster for the same seed, run alone or interleaved with another sandbox", () => {
    const picked = single ? [single] : seeds.filter((_, i) => i % 40 === 0);
    for (const seed of picked) {
      const alone = new Simulation(seed);
      alone.run();
      // The same seed again, step by step alternating with another seed's sandbox in this process:
      // no state shared between clusters (caches, counters) may change what either does.
      const again = new Simulation(seed);
      const other = new Simulation(`${seed}-other`);
      expect(again.ops).toEqual(alone.ops);
      const [a, b] = [again.steps(), other.steps()];
      let doneA = false;
      let doneB = false;
      while (!doneA || !doneB) {
        if (!doneA) doneA = !!a.next().done;
        if (!doneB) doneB = !!b.next().done;
      }
      const [first, second] = [dumpCluster(alone.c), dumpCluster(again.c)];
      if (first !== second) {
        const at = Array.from({ length: first.length }, (_, i) => i).find((i) => first[i] !== second[i]) ?? first.length;
        expect.fail(`seed ${seed} gave two different clusters; first difference:\n${first.slice(at - 300, at + 200)}\n---\n${second.slice(at - 300, at + 200)}`);
      }
      expect(dumpCluster(other.c)).not.toBe(first);
    }
  }, 60_000);
});
