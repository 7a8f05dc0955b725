// Every lesson replayed inside workerd through the endpoints a learner's browser uses: a session
// prepared for the lesson, the reference solutions typed into POST /commands (their sleeps and waits
// fast-forwarded; the alarm run after each line as it would fire), the learner's thinking time on the
// clock endpoint, and POST /checks. Each step's
// checks fail before its solution and pass after it. (test/unit/lessons/replay.test.ts replays the
// same lessons in plain Node, faster, with more detail on failure.)
import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import { runDurableObjectAlarm } from "cloudflare:test";
import { lessonCatalog } from "../../src/worker/lessons";
import { call, newSession, type Session } from "./helpers";

const json = { "content-type": "application/json" };
const THINK_SECONDS = 30;

interface Result {
  steps: { id: string; passed: boolean; checks: { name: string; passed: boolean; message: string }[] }[];
}

async function post(s: Session, path: string, body?: unknown) {
  const r = await call(`/api/sessions/${s.id}${path}`, { method: "POST", token: s.token, body: body === undefined ? undefined : JSON.stringify(body), headers: json });
  expect(r.status, `${path}: ${await r.clone().text()}`).toBe(200);
  return r.json();
}

const ids = lessonCatalog().lessons.map((l) => l.lesson.id);

describe.each(ids)("lesson %s through the HTTP API", (id) => {
  test("each step's checks fail before its solution and pass after it", { timeout: 180_000 }, async () => {
    const loaded = lessonCatalog().byId.get(id)!;
    const s = await newSession({ lesson: id });
    for (const step of loaded.lesson.steps) {
      const before = ((await post(s, "/checks")) as Result).steps.find((st) => st.id === step.id)!;
      expect(before.checks.filter((c) => c.passed).map((c) => c.name), `checks of step ${step.id} pass before its solution`).toEqual([]);
      for (const line of step.solution) {
        const out = (await post(s, "/commands", { command: line, fastForward: true })) as { exitCode: number; stderr: string };
        expect({ line, exitCode: out.exitCode, stderr: out.stderr.replace(/^Warning: .*\n/gm, "") }).toEqual({ line, exitCode: 0, stderr: "" });
        // A write sets the alarm for now; deployed, it fires before the learner types the next line.
        await runDurableObjectAlarm(env.SANDBOX.get(env.SANDBOX.idFromName(s.id)));
      }
      await post(s, "/clock", { advanceSeconds: THINK_SECONDS });
      const after = ((await post(s, "/checks")) as Result).steps.find((st) => st.id === step.id)!;
      expect(after.checks.filter((c) => !c.passed).map((c) => `${c.name}: ${c.message}`), `checks of step ${step.id} fail after its solution`).toEqual([]);
    }
  });
});
