// The classroom flow end to end over HTTPS against `npm run start:tls` (D1 migrated by the start
// script): an instructor creates a classroom, a learner joins, works a lesson with the real kubectl,
// asks for a Check, and the instructor sees the progress, the CSV and the learner's cluster.
import { describe, expect, test } from "vitest";
import { httpsJson } from "../support/dev-server";
import { hasKubectl, kubectlFor, origin, type Session } from "./sandbox";

describe.skipIf(!hasKubectl())("a classroom, end to end", () => {
  test("a learner's kubectl work is checked, recorded and visible to the instructor", async () => {
    const classroom = await httpsJson(`${origin()}/api/classrooms`, { method: "POST", body: { name: "Kubernetes 101", lessons: ["deployments"] } });
    expect(classroom.status).toBe(201);
    const { id, joinCode, instructorToken } = classroom.body as { id: string; joinCode: string; instructorToken: string };

    const joined = await httpsJson(`${origin()}/api/classrooms/join`, { method: "POST", body: { joinCode, name: "Ada" } });
    expect(joined.status).toBe(201);
    const { learnerId, learnerToken } = joined.body as { learnerId: string; learnerToken: string };

    const created = await httpsJson(`${origin()}/api/sessions`, { method: "POST", body: { lesson: "deployments" }, token: learnerToken });
    expect(created.status).toBe(201);
    const session = created.body as Session;
    const check = async () => {
      const r = await httpsJson(`${origin()}/api/sessions/${session.id}/checks`, { method: "POST", token: session.token });
      expect(r.status).toBe(200);
      return r.body as { score: number; steps: { id: string; passed: boolean; checks: { passed: boolean; message: string }[] }[] };
    };

    const before = await check();
    expect(before.steps[0]).toMatchObject({ id: "scale", passed: false });
    expect(before.steps[0].checks[0].message).toBe("The web Deployment does not ask for 4 replicas yet.");

    const kubectl = kubectlFor(session)!;
    const scaled = await kubectl.run(["scale", "deployment", "web", "--replicas=4"]);
    expect(scaled.stdout).toBe("deployment.apps/web scaled\n");
    // The Check waits for the two new pods to start instead of failing the learner.
    const after = await check();
    expect(after.steps[0]).toMatchObject({ id: "scale", passed: true });
    expect(after.score).toBe(10);

    const progress = await httpsJson(`${origin()}/api/classrooms/${id}/progress`, { token: instructorToken });
    expect(progress.status).toBe(200);
    expect(progress.body.learners).toEqual([
      expect.objectContaining({ learnerId, name: "Ada", lessons: [expect.objectContaining({ lesson: "deployments", score: 10, stepsCompleted: 1, attempts: 2 })] }),
    ]);
    const csv = await httpsJson(`${origin()}/api/classrooms/${id}/progress?format=csv`, { token: instructorToken });
    expect(csv.text.split("\r\n")[1]).toMatch(new RegExp(`^${learnerId},Ada,deployments,10,\\d+,1,\\d+,2,`));

    const look = await httpsJson(`${origin()}/api/classrooms/${id}/learners/${learnerId}/commands`, { method: "POST", body: { command: "kubectl get deployment web --no-headers | awk '{print $2}'" }, token: instructorToken });
    expect(look.body).toMatchObject({ sandboxId: session.id, stdout: "4/4\n", exitCode: 0 });
    const refused = await httpsJson(`${origin()}/api/classrooms/${id}/learners/${learnerId}/commands`, { method: "POST", body: { command: "kubectl scale deployment web --replicas=0" }, token: learnerToken });
    expect(refused.status).toBe(403);
  });
});
