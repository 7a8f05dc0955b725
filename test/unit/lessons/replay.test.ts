// Every lesson under lessons/ is replayed from its starting state: each step's checks fail before
// its reference solution and pass after it, in order. A lesson whose checks pass before the work is
// done, or fail after the solution, fails here.
import { describe, expect, test } from "vitest";
import { THINK_MS, lessonIds, readLesson, startLesson, withoutWarnings } from "./harness";

describe.each(lessonIds())("lesson %s replays", (id) => {
  test("each step fails before its solution and passes after it", async () => {
    const loaded = readLesson(id);
    const s = startLesson(loaded);
    for (const step of loaded.lesson.steps) {
      const before = s.check(step.checks);
      expect(before.filter((r) => r.passed).map((r) => `${step.id}: ${r.name}`), `checks of step ${step.id} already pass before its solution`).toEqual([]);
      for (const r of before) expect(r.message, `${step.id}: ${r.name} fails without a message`).not.toBe("");
      for (const line of step.solution) {
        const out = await s.run(line);
        // kubectl's warnings (drain ignoring DaemonSet pods, ...) are part of a correct run; anything else on stderr is not.
        expect({ line, exitCode: out.exitCode, stderr: withoutWarnings(out.stderr) }).toEqual({ line, exitCode: 0, stderr: "" });
      }
      s.wait(THINK_MS);
      const after = s.check(step.checks);
      expect(after.filter((r) => !r.passed).map((r) => `${step.id}: ${r.name}: ${r.message}`), `checks of step ${step.id} fail after its solution`).toEqual([]);
    }
  });
});
