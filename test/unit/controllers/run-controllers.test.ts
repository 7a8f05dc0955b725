// runControllers: passes until nothing changes, the earliest wake-up of all, and a bound on
// controllers that never settle (a bug must cost one alarm a second, not a hot loop).
import { expect, it } from "vitest";
import { runControllers } from "../../../src/engine/controllers";
import type { Controller } from "../../../src/engine/controllers/types";
import { LIMITS } from "../../../src/engine/limits";
import { EPOCH_MS, testCluster } from "../../support/cluster";

const ctx = () => ({ state: testCluster({ nodes: 1 }).cluster, nowMs: EPOCH_MS });

it("runs passes until a pass changes nothing, and wakes at the earliest time any controller asked for", () => {
  let work = 3;
  const busy: Controller = { name: "busy", reconcile: () => ({ changed: work-- > 0, wakeAtMs: EPOCH_MS + 5_000 }) };
  const timed: Controller = { name: "timed", reconcile: () => ({ changed: false, wakeAtMs: EPOCH_MS + 2_000 }) };
  expect(runControllers(ctx(), [busy, timed])).toEqual({ passes: 4, nextWakeMs: EPOCH_MS + 2_000 });
});

it("a controller that never settles stops after LIMITS.maxControllerPasses and comes back LIMITS.unsettledRetryMs later", () => {
  const flapping: Controller = { name: "flapping", reconcile: () => ({ changed: true }) };
  const r = runControllers(ctx(), [flapping]);
  expect(r.passes).toBe(LIMITS.maxControllerPasses);
  expect(r.nextWakeMs).toBe(EPOCH_MS + LIMITS.unsettledRetryMs);
});
