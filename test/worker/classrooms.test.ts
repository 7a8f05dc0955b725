// Classrooms inside workerd with the D1 migrations applied: creating and joining, learners' sandboxes
// and Checks recorded against them, progress as JSON and CSV, the learner view, the instructor's
// read-only commands, and the auth boundaries between admins, instructors and learners.
import { describe, expect, test } from "vitest";
import { env } from "cloudflare:workers";
import app from "../../src/worker/index";
import { recordCheck } from "../../src/worker/classrooms";
import { LIMITS } from "../../src/engine/limits";
import { call, type Session } from "./helpers";

const json = { "content-type": "application/json" };

interface Classroom {
  id: string;
  name: string;
  lessons: string[];
  joinCode: string;
  instructorToken: string;
}
interface Joined {
  learnerId: string;
  learnerToken: string;
  classroomId: string;
}

async function post<T>(path: string, body: unknown, token?: string, status = 201): Promise<T> {
  const r = await call(path, { method: "POST", body: JSON.stringify(body), headers: json, token });
  expect(r.status, await r.clone().text()).toBe(status);
  return r.json();
}

const newClassroom = (name = "Kubernetes 101", lessons = ["cluster-tour", "deployments"]) => post<Classroom>("/api/classrooms", { name, lessons });
const join = (c: Classroom, name: string) => post<Joined>("/api/classrooms/join", { joinCode: c.joinCode, name });
const learnerSession = (learner: Joined, lesson: string) => post<Session & { lesson: string; learnerId: string }>("/api/sessions", { lesson }, learner.learnerToken);

async function run(s: Session, command: string) {
  const r = await call(`/api/sessions/${s.id}/commands`, { method: "POST", token: s.token, body: JSON.stringify({ command }), headers: json });
  expect(r.status).toBe(200);
  return (await r.json()) as { stdout: string; stderr: string; exitCode: number };
}
const check = async (s: Session) => (await call(`/api/sessions/${s.id}/checks`, { method: "POST", token: s.token })).json() as Promise<{ score: number }>;
const get = (path: string, token?: string) => call(path, { token });

interface Progress {
  classroom: { id: string; name: string; lessons: string[] };
  learners: {
    learnerId: string;
    name: string;
    lessons: { lesson: string; score: number; maxScore: number; stepsCompleted: number; steps: number; attempts: number; firstActivity: string | null; lastActivity: string | null }[];
  }[];
}

describe("creating and joining a classroom", () => {
  test("an instructor creates a classroom and learners join it with its code", async () => {
    const c = await newClassroom();
    expect(c).toMatchObject({ name: "Kubernetes 101", lessons: ["cluster-tour", "deployments"] });
    expect(c.id).toMatch(/^[0-9a-f]{32}$/);
    expect(c.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect(c.instructorToken).toMatch(/^kpi\.[0-9a-f]{64}$/);
    // Codes are read aloud and typed: lower case and a dash in the middle still work.
    const typed = `${c.joinCode.slice(0, 4).toLowerCase()}-${c.joinCode.slice(4)}`;
    const ada = await post<Joined>("/api/classrooms/join", { joinCode: typed, name: "  Ada  " });
    expect(ada.classroomId).toBe(c.id);
    expect(ada.learnerToken).toMatch(new RegExp(`^kpl\\.${ada.learnerId}\\.[0-9a-f]{64}$`));
    const info = await (await get(`/api/classrooms/${c.id}`, c.instructorToken)).json();
    expect(info).toMatchObject({ id: c.id, name: "Kubernetes 101", joinCode: c.joinCode, learners: 1 });
  });

  test("stores tokens only as hashes", async () => {
    const c = await newClassroom();
    const ada = await join(c, "Ada");
    const rows = await env.DB.prepare("SELECT instructor_token_hash AS h FROM classrooms WHERE id = ?1 UNION ALL SELECT token_hash FROM learners WHERE id = ?2").bind(c.id, ada.learnerId).all<{ h: string }>();
    expect(rows.results.map((r) => r.h)).toHaveLength(2);
    for (const { h } of rows.results) {
      expect(h).toMatch(/^[0-9a-f]{64}$/);
      expect([c.instructorToken, ada.learnerToken]).not.toContain(h);
    }
  });

  test("refuses bad classroom bodies with a 400 that says what to send", async () => {
    const cases: [unknown, RegExp][] = [
      [{ lessons: ["deployments"] }, /^name is required/],
      [{ name: "x".repeat(101), lessons: ["deployments"] }, /^name must be 1 to 100 characters/],
      [{ name: "A" }, /^lessons must be a list of 1 to 50 lesson ids/],
      [{ name: "A", lessons: [] }, /^lessons must be a list/],
      [{ name: "A", lessons: ["deployments", "nope", 3] }, /^lessons must be a list/],
      [{ name: "A", lessons: ["deployments", "nope"] }, /^unknown lesson "nope"; GET \/api\/lessons lists them$/],
    ];
    for (const [body, message] of cases) {
      const r = await call("/api/classrooms", { method: "POST", body: JSON.stringify(body), headers: json });
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(message);
    }
    const notJson = await call("/api/classrooms", { method: "POST", body: "{", headers: json });
    expect(notJson.status).toBe(400);
  });

  test("answers an unknown join code with a 404 and a missing name with a 400", async () => {
    const c = await newClassroom();
    const r = await call("/api/classrooms/join", { method: "POST", body: JSON.stringify({ joinCode: "ZZZZ9999", name: "Ada" }), headers: json });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { message: string }).message).toBe('no classroom has the join code "ZZZZ9999"; check it with your instructor');
    expect((await call("/api/classrooms/join", { method: "POST", body: JSON.stringify({ joinCode: c.joinCode }), headers: json })).status).toBe(400);
  });

  test("requires ADMIN_TOKEN to create a classroom when it is configured", async () => {
    const withAdmin = { ...env, ADMIN_TOKEN: "s3cret-admin" };
    const create = (token?: string) =>
      app.fetch(
        new Request("http://127.0.0.1/api/classrooms", { method: "POST", body: JSON.stringify({ name: "A", lessons: ["deployments"] }), headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) } }),
        withAdmin,
      );
    expect((await create()).status).toBe(401);
    expect((await create("wrong")).status).toBe(403);
    expect((await create("s3cret-admin")).status).toBe(201);
  });
});

describe("learners' sandboxes and Checks", () => {
  test("a sandbox created with a learner token belongs to the learner and its Checks are recorded", async () => {
    const c = await newClassroom();
    const ada = await join(c, "Ada");
    const s = await learnerSession(ada, "cluster-tour");
    expect(s).toMatchObject({ lesson: "cluster-tour", learnerId: ada.learnerId });

    let progress = (await (await get(`/api/classrooms/${c.id}/progress`, c.instructorToken)).json()) as Progress;
    expect(progress.classroom).toEqual({ id: c.id, name: "Kubernetes 101", lessons: ["cluster-tour", "deployments"] });
    const started = progress.learners[0].lessons[0];
    expect(started).toMatchObject({ lesson: "cluster-tour", score: 0, stepsCompleted: 0, attempts: 0 });
    expect(started.firstActivity).not.toBeNull();
    expect(progress.learners[0].lessons[1]).toMatchObject({ lesson: "deployments", score: 0, attempts: 0, firstActivity: null, lastActivity: null });

    expect((await check(s)).score).toBe(0);
    await run(s, "kubectl get nodes && kubectl label node controlplane tier=control-plane && kubectl create namespace tour");
    expect((await check(s)).score).toBe(20);
    // A later experiment that undoes a step does not take its points away.
    await run(s, "kubectl delete namespace tour");
    await call(`/api/sessions/${s.id}/clock`, { method: "POST", token: s.token, body: JSON.stringify({ advanceSeconds: 30 }), headers: json });
    expect((await check(s)).score).toBe(10);

    progress = (await (await get(`/api/classrooms/${c.id}/progress`, c.instructorToken)).json()) as Progress;
    const tour = progress.learners[0].lessons[0];
    expect(tour).toMatchObject({ lesson: "cluster-tour", score: 20, stepsCompleted: 2, steps: 4, attempts: 3, maxScore: 60 });
    expect(tour.lastActivity! >= tour.firstActivity!).toBe(true);
  });

  test("a learner token opens only the learner's classroom lessons; a bad token is 401", async () => {
    const c = await newClassroom("Only tours", ["cluster-tour"]);
    const ada = await join(c, "Ada");
    const r = await call("/api/sessions", { method: "POST", body: JSON.stringify({ lesson: "deployments" }), headers: json, token: ada.learnerToken });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { message: string }).message).toBe('lesson "deployments" is not part of your classroom; its lessons are cluster-tour');
    const forged = ada.learnerToken.slice(0, -4) + "0000";
    expect((await call("/api/sessions", { method: "POST", body: JSON.stringify({ lesson: "cluster-tour" }), headers: json, token: forged })).status).toBe(401);
    expect((await call("/api/sessions", { method: "POST", body: "{}", headers: json, token: c.instructorToken })).status).toBe(401);
  });

  test("progress comes as CSV too, with names that look like formulas kept as text", async () => {
    const c = await newClassroom("CSV, please", ["cluster-tour"]);
    const mallory = await join(c, '=HYPERLINK("http://evil","click")');
    const s = await learnerSession(mallory, "cluster-tour");
    await run(s, "kubectl create namespace tour");
    await check(s);
    const r = await get(`/api/classrooms/${c.id}/progress?format=csv`, c.instructorToken);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.headers.get("content-disposition")).toBe('attachment; filename="CSV-please-progress.csv"');
    const lines = (await r.text()).split("\r\n");
    expect(lines[0]).toBe("learnerId,name,lesson,score,maxScore,stepsCompleted,steps,attempts,firstActivity,lastActivity");
    expect(lines[1]).toMatch(new RegExp(`^${mallory.learnerId},"'=HYPERLINK\\(""http://evil"",""click""\\)",cluster-tour,10,60,1,4,1,\\d{4}-.+Z,\\d{4}-.+Z$`));
    expect(lines[2]).toBe("");
    expect((await get(`/api/classrooms/${c.id}/progress?format=xml`, c.instructorToken)).status).toBe(400);
  });
});

describe("check history", () => {
  test("keeps at most LIMITS.classrooms.checkRunsPerLearner runs per learner, dropping the oldest", async () => {
    const c = await newClassroom();
    const ada = await join(c, "Ada");
    const cap = LIMITS.classrooms.checkRunsPerLearner;
    const insert = env.DB.prepare("INSERT INTO check_runs (learner_id, sandbox_id, lesson, at_ms, score, max_score, steps) VALUES (?1, 'old', 'cluster-tour', ?2, 0, 60, '[]')");
    await env.DB.batch(Array.from({ length: cap }, (_, i) => insert.bind(ada.learnerId, i)));
    const result = { lesson: "cluster-tour", steps: [{ id: "nodes", passed: true, points: 10, checks: [] }], score: 10, maxScore: 60 };
    await recordCheck(env.DB, ada.learnerId, "new", result, Date.now());
    const rows = await env.DB.prepare("SELECT count(*) AS n, min(at_ms) AS oldest FROM check_runs WHERE learner_id = ?1").bind(ada.learnerId).first<{ n: number; oldest: number }>();
    expect(rows).toEqual({ n: cap, oldest: 1 });
  });
});

describe("following a learner", () => {
  test("shows the learner's sandboxes, Checks over time and command timeline", async () => {
    const c = await newClassroom();
    const ada = await join(c, "Ada");
    const first = await learnerSession(ada, "cluster-tour");
    await run(first, "kubectl get nodes");
    await check(first);
    const second = await learnerSession(ada, "deployments");
    await run(second, "kubectl get deployments");
    const r = await get(`/api/classrooms/${c.id}/learners/${ada.learnerId}`, c.instructorToken);
    expect(r.status).toBe(200);
    const detail = (await r.json()) as {
      learner: { id: string; name: string };
      sandboxes: { id: string; lesson: string; current: boolean; alive: boolean }[];
      checks: { lesson: string; sandboxId: string; score: number; steps: { id: string; passed: boolean }[] }[];
      commands: { sandboxId: string; command: string; exitCode: number }[];
    };
    expect(detail.learner).toMatchObject({ id: ada.learnerId, name: "Ada" });
    expect(detail.sandboxes.map((s) => [s.id, s.lesson, s.current, s.alive])).toEqual([
      [second.id, "deployments", true, true],
      [first.id, "cluster-tour", false, true],
    ]);
    expect(detail.checks).toHaveLength(1);
    expect(detail.checks[0]).toMatchObject({ lesson: "cluster-tour", sandboxId: first.id, score: 0 });
    expect(detail.checks[0].steps[0]).toEqual({ id: "nodes", passed: false, points: 10 });
    expect(detail.commands.map((x) => [x.sandboxId, x.command, x.exitCode])).toEqual([
      [first.id, "kubectl get nodes", 0],
      [second.id, "kubectl get deployments", 0],
    ]);
  });

  test("the instructor runs read-only commands in the learner's current sandbox; writes are refused", async () => {
    const c = await newClassroom();
    const ada = await join(c, "Ada");
    const s = await learnerSession(ada, "deployments");
    const path = `/api/classrooms/${c.id}/learners/${ada.learnerId}/commands`;
    const read = await post<{ sandboxId: string; stdout: string; stderr: string; exitCode: number }>(path, { command: "kubectl get deployment web --no-headers | awk '{print $1, $2}'" }, c.instructorToken, 200);
    expect(read).toEqual({ sandboxId: s.id, stdout: "web 2/2\n", stderr: "", exitCode: 0 });

    for (const command of ["kubectl delete deployment web", "kubectl get pods; kubectl delete deployment web", "rm web.yaml"]) {
      const r = await call(path, { method: "POST", body: JSON.stringify({ command }), headers: json, token: c.instructorToken });
      expect(r.status, command).toBe(403);
      expect(await r.json()).toMatchObject({ kind: "Status", reason: "Forbidden" });
    }
    // Nothing the instructor ran changed the cluster or reached the learner's history.
    expect((await run(s, "kubectl get deployment web -o name; history")).stdout).toBe("deployment.apps/web\n    1  kubectl get deployment web -o name; history\n");
  });

  test("a learner with no sandbox yet is a 404 for commands", async () => {
    const c = await newClassroom();
    const bob = await join(c, "Bob");
    const r = await call(`/api/classrooms/${c.id}/learners/${bob.learnerId}/commands`, { method: "POST", body: JSON.stringify({ command: "kubectl get pods" }), headers: json, token: c.instructorToken });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { message: string }).message).toBe('learner "Bob" has no sandbox right now (none created yet, or it expired)');
  });
});

describe("auth boundaries", () => {
  test("no token is 401; a learner token or another classroom's instructor token is 403", async () => {
    const mine = await newClassroom("Mine");
    const theirs = await newClassroom("Theirs");
    const ada = await join(mine, "Ada");
    const routes = [`/api/classrooms/${mine.id}`, `/api/classrooms/${mine.id}/progress`, `/api/classrooms/${mine.id}/progress?format=csv`, `/api/classrooms/${mine.id}/learners/${ada.learnerId}`];
    for (const route of routes) {
      expect((await get(route)).status, route).toBe(401);
      expect((await get(route, ada.learnerToken)).status, route).toBe(403);
      expect((await get(route, theirs.instructorToken)).status, route).toBe(403);
      expect((await get(route, mine.instructorToken)).status, route).toBe(200);
    }
    const command = (token?: string) => call(`/api/classrooms/${mine.id}/learners/${ada.learnerId}/commands`, { method: "POST", body: JSON.stringify({ command: "kubectl get pods" }), headers: json, token });
    expect((await command()).status).toBe(401);
    expect((await command(ada.learnerToken)).status).toBe(403);
    expect((await command(theirs.instructorToken)).status).toBe(403);
  });

  test("an instructor cannot reach another classroom's learner through their own classroom", async () => {
    const mine = await newClassroom("Mine");
    const theirs = await newClassroom("Theirs");
    const eve = await join(theirs, "Eve");
    const r = await get(`/api/classrooms/${mine.id}/learners/${eve.learnerId}`, mine.instructorToken);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { message: string }).message).toBe(`learner "${eve.learnerId}" not found in classroom "${mine.id}"`);
  });

  test("an unknown classroom is a 404", async () => {
    const c = await newClassroom();
    const r = await get(`/api/classrooms/${"0".repeat(32)}/progress`, c.instructorToken);
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ kind: "Status", reason: "NotFound" });
  });
});
