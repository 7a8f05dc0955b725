// The lesson API inside workerd: the catalog, sandboxes prepared for a lesson, Checks, and resets.
import { describe, expect, test } from "vitest";
import { call, newSession, type Session } from "./helpers";

const json = { "content-type": "application/json" };

async function run(s: Session, command: string) {
  const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body: JSON.stringify({ command }), headers: json });
  expect(r.status).toBe(200);
  return (await r.json()) as { stdout: string; stderr: string; exitCode: number };
}

interface Result {
  lesson: string;
  steps: { id: string; passed: boolean; points: number; checks: { name: string; passed: boolean; message: string }[] }[];
  score: number;
  maxScore: number;
}

async function check(s: Session): Promise<Result> {
  const r = await call(`/api/sessions/${s.id}/checks`, { method: "POST", token: s.token });
  expect(r.status).toBe(200);
  return r.json();
}

const advance = (s: Session, seconds: number) => call(`/api/sessions/${s.id}/clock`, { method: "POST", token: s.token, body: JSON.stringify({ advanceSeconds: seconds }), headers: json });

const step = (r: Result, id: string) => r.steps.find((st) => st.id === id)!;

describe("GET /api/lessons", () => {
  test("lists the catalog in order, each lesson with its summary", async () => {
    const r = await call("/api/lessons");
    expect(r.status).toBe(200);
    const { lessons } = (await r.json()) as { lessons: { id: string; title: string; level: string; steps: number; maxScore: number }[] };
    const ids = lessons.map((l) => l.id);
    expect(ids.slice(0, 2)).toEqual(["cluster-tour", "first-pod"]);
    expect(ids.indexOf("replicasets")).toBeLessThan(ids.indexOf("deployments"));
    const deployments = lessons.find((l) => l.id === "deployments")!;
    expect(deployments).toMatchObject({ title: "Deployments: scale, update, roll back", level: "beginner" });
    expect(deployments.steps).toBeGreaterThanOrEqual(3);
    expect(deployments.maxScore).toBeGreaterThan(0);
  });

  test("serves one lesson with its instructions, hints and check messages, but no solutions", async () => {
    const r = await call("/api/lessons/deployments");
    expect(r.status).toBe(200);
    const text = await r.text();
    expect(text).not.toMatch(/solution/i);
    expect(text).not.toContain("kubectl scale deployment web --replicas=4");
    const lesson = JSON.parse(text) as { steps: { id: string; instructions: string; hints: string[]; checks: { name: string; message: string }[] }[]; cluster: { workers: number; files: string[] } };
    expect(lesson.cluster).toMatchObject({ workers: 2, files: ["/root/web.yaml"] });
    const scale = lesson.steps[0];
    expect(scale.id).toBe("scale");
    expect(scale.instructions).toMatch(/```bash/);
    expect(scale.hints.length).toBeGreaterThan(1);
    expect(scale.checks[0]).toEqual({ name: "web asks for 4 replicas", message: "The web Deployment does not ask for 4 replicas yet." });
  });

  test("answers an unknown lesson with a 404 Status", async () => {
    const r = await call("/api/lessons/no-such-lesson");
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ kind: "Status", reason: "NotFound", message: 'lesson "no-such-lesson" not found; GET /api/lessons lists the lessons' });
  });
});

describe("POST /api/sessions with a lesson", () => {
  test("prepares the lesson's starting cluster, files and nodes", async () => {
    const s = await newSession({ lesson: "deployments" });
    const info = (await (await call(`/api/sessions/${s.id}`, { token: s.token })).json()) as { nodes: number; lesson: { id: string; maxScore: number } };
    expect(info.nodes).toBe(2);
    expect(info.lesson).toMatchObject({ id: "deployments" });
    const pods = await run(s, "kubectl get deployment web -o jsonpath='{.status.readyReplicas}'; echo; ls");
    expect(pods).toEqual({ stdout: "2\nweb.yaml\n", stderr: "", exitCode: 0 });
  });

  test("refuses an unknown lesson (404), a lesson that is not a string, and nodes beside a lesson (400)", async () => {
    const post = (body: unknown) => call("/api/sessions", { method: "POST", body: JSON.stringify(body), headers: json });
    const unknown = await post({ lesson: "nope" });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/lesson "nope" not found/);
    expect((await post({ lesson: 7 })).status).toBe(400);
    const both = await post({ lesson: "deployments", nodes: 3 });
    expect(both.status).toBe(400);
    expect(((await both.json()) as { message: string }).message).toBe("nodes cannot be combined with lesson: the lesson decides its cluster's nodes");
  });
});

describe("POST /api/sessions/:id/checks", () => {
  test("says what is missing before the work and passes after it, scoring the steps that pass", async () => {
    const s = await newSession({ lesson: "deployments" });
    const before = await check(s);
    expect(before.lesson).toBe("deployments");
    expect(before.score).toBe(0);
    expect(step(before, "scale").passed).toBe(false);
    expect(step(before, "scale").checks).toContainEqual({ name: "web asks for 4 replicas", passed: false, message: "The web Deployment does not ask for 4 replicas yet." });

    expect((await run(s, "kubectl scale deployment web --replicas=4")).exitCode).toBe(0);
    await advance(s, 30);
    const after = await check(s);
    expect(step(after, "scale")).toMatchObject({ passed: true, points: 10 });
    expect(step(after, "scale").checks.every((c) => c.passed && c.message === "")).toBe(true);
    expect(after.score).toBe(10);
    expect(after.maxScore).toBe(before.maxScore);

    const info = (await (await call(`/api/sessions/${s.id}`, { token: s.token })).json()) as { lesson: { lastCheck: { score: number; passed: string[] } } };
    expect(info.lesson.lastCheck).toMatchObject({ score: 10, passed: ["scale"] });
  });

  test("waits for pods that are still starting instead of failing the learner", async () => {
    const s = await newSession({ lesson: "deployments" });
    await run(s, "kubectl scale deployment web --replicas=4");
    // No clock advance: the new pods are ContainerCreating when the Check starts.
    const r = await check(s);
    expect(step(r, "scale").passed).toBe(true);
  });

  test("answers a sandbox without a lesson with a 400 that says how to get one", async () => {
    const s = await newSession();
    const r = await call(`/api/sessions/${s.id}/checks`, { method: "POST", token: s.token });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toMatch(/not created for a lesson/);
  });

  test("fails checks whose objects were deleted, with their message", async () => {
    const s = await newSession({ lesson: "deployments" });
    await run(s, "kubectl scale deployment web --replicas=4");
    await advance(s, 30);
    await run(s, "kubectl delete deployment web");
    await advance(s, 60);
    const r = await check(s);
    expect(step(r, "scale").passed).toBe(false);
    expect(step(r, "scale").checks[0].message).toBe("The web Deployment does not ask for 4 replicas yet.");
  });
});

describe("POST /api/sessions/:id/lesson/reset", () => {
  test("puts the cluster back in the starting state and forgets earlier commands", async () => {
    const s = await newSession({ lesson: "cluster-tour" });
    await run(s, "kubectl get nodes && kubectl label node controlplane tier=control-plane && echo mine > notes.txt");
    await advance(s, 5);
    expect(step(await check(s), "nodes").passed).toBe(true);

    const r = await call(`/api/sessions/${s.id}/lesson/reset`, { method: "POST", token: s.token });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ lesson: "cluster-tour", step: "nodes" });
    const after = await check(s);
    expect(step(after, "nodes").passed).toBe(false);
    expect(step(after, "nodes").checks.map((c) => c.passed)).toEqual([false, false]);
    expect((await run(s, "kubectl get node controlplane -L tier --no-headers | awk '{print $6}'; cat notes.txt")).stdout).toBe("\nmine\n");
  });

  test("starts at a later step with the earlier steps' reference solutions applied", async () => {
    const s = await newSession({ lesson: "deployments" });
    const r = await call(`/api/sessions/${s.id}/lesson/reset`, { method: "POST", token: s.token, body: JSON.stringify({ step: "update" }), headers: json });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ lesson: "deployments", step: "update" });
    const result = await check(s);
    expect(step(result, "scale").passed).toBe(true);
    expect(step(result, "update").passed).toBe(false);
  });

  test("refuses an unknown step and a sandbox without a lesson with a 400", async () => {
    const s = await newSession({ lesson: "deployments" });
    const r = await call(`/api/sessions/${s.id}/lesson/reset`, { method: "POST", token: s.token, body: JSON.stringify({ step: "nope" }), headers: json });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { message: string }).message).toMatch(/^lesson deployments has no step "nope"; its steps are scale, update, /);
    const free = await newSession();
    expect((await call(`/api/sessions/${free.id}/lesson/reset`, { method: "POST", token: free.token })).status).toBe(400);
  });

  test("needs the session's token", async () => {
    const s = await newSession({ lesson: "deployments" });
    expect((await call(`/api/sessions/${s.id}/lesson/reset`, { method: "POST" })).status).toBe(401);
    expect((await call(`/api/sessions/${s.id}/checks`, { method: "POST" })).status).toBe(401);
  });
});
