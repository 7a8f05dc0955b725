// /api/classrooms: instructors create a classroom and follow its learners; learners join with the
// classroom's code. Instructor routes need the classroom's own instructor token: a token of
// another classroom, or a learner's token, is refused with 403; no token with 401.
import { Hono, type Context } from "hono";
import type { Env } from "../sandbox";
import { bearerToken, constantTimeEqual, tokenMatches } from "../auth";
import { readJsonObject, statusResponse } from "../http";
import { LIMITS } from "../../engine/limits";
import { maxScore } from "../../engine/lessons/catalog";
import { readOnlyRefusal } from "../../engine/terminal/read-only";
import { lessonCatalog } from "../lessons";
import { toCsv } from "../csv";
import {
  addLearner,
  classroomLessons,
  classroomProgress,
  countLearners,
  createClassroom,
  findClassroom,
  findClassroomByJoinCode,
  findLearner,
  learnerCheckRuns,
  learnerSandboxes,
  listLearners,
  type Classroom,
  type Learner,
} from "../classrooms";

type Vars = { classroom: Classroom };
export const classrooms = new Hono<{ Bindings: Env; Variables: Vars }>();

const badRequest = (message: string) => statusResponse(400, "BadRequest", message);
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** A display name: trimmed, 1 to LIMITS.classrooms.maxNameChars characters, no control characters. */
function nameFrom(value: unknown, what: string): string | Response {
  const max = LIMITS.classrooms.maxNameChars;
  if (typeof value !== "string" || !value.trim()) return badRequest(`${what} is required: a name of 1 to ${max} characters`);
  const name = value.trim();
  // eslint-disable-next-line no-control-regex
  if ([...name].length > max || /[\u0000-\u001f\u007f]/.test(name)) return badRequest(`${what} must be 1 to ${max} characters without control characters`);
  return name;
}

classrooms.post("/", async (c) => {
  const admin = c.env.ADMIN_TOKEN;
  if (admin) {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) return statusResponse(401, "Unauthorized", "Unauthorized: creating a classroom needs Authorization: Bearer <ADMIN_TOKEN>");
    if (!constantTimeEqual(token, admin)) return statusResponse(403, "Forbidden", "this token may not create classrooms");
  }
  const read = await readJsonObject(c.req.raw, LIMITS.classrooms.maxBodyBytes, '{"name": "Kubernetes 101", "lessons": ["cluster-tour", "first-pod"]}');
  if ("error" in read) return read.error;
  const name = nameFrom(read.body.name, "name");
  if (name instanceof Response) return name;
  const lessons = read.body.lessons;
  const catalog = lessonCatalog();
  if (!Array.isArray(lessons) || !lessons.length || lessons.length > LIMITS.classrooms.maxLessons || lessons.some((l) => typeof l !== "string")) {
    return badRequest(`lessons must be a list of 1 to ${LIMITS.classrooms.maxLessons} lesson ids, for example ["cluster-tour", "first-pod"]; GET /api/lessons lists them`);
  }
  const unknown = lessons.filter((l) => !catalog.byId.has(l));
  if (unknown.length) return badRequest(`unknown lesson${unknown.length > 1 ? "s" : ""} ${unknown.map((l) => JSON.stringify(l)).join(", ")}; GET /api/lessons lists them`);
  const ids = [...new Set(lessons as string[])];
  const { classroom, instructorToken } = await createClassroom(c.env.DB, name, ids, Date.now());
  return c.json({ id: classroom.id, name, lessons: ids, joinCode: classroom.joinCode, instructorToken }, 201);
});

classrooms.post("/join", async (c) => {
  const read = await readJsonObject(c.req.raw, LIMITS.classrooms.maxBodyBytes, '{"joinCode": "ABCD2345", "name": "Ada"}');
  if ("error" in read) return read.error;
  const code = read.body.joinCode;
  if (typeof code !== "string" || !code.trim()) return badRequest('joinCode is required: the code your instructor gave you, for example {"joinCode": "ABCD2345", "name": "Ada"}');
  const name = nameFrom(read.body.name, "name");
  if (name instanceof Response) return name;
  // Codes are read aloud and typed: case, spaces and dashes do not matter.
  const normalized = code.toUpperCase().replace(/[\s-]/g, "");
  const classroom = /^[A-Z0-9]{1,32}$/.test(normalized) ? await findClassroomByJoinCode(c.env.DB, normalized) : undefined;
  if (!classroom) return statusResponse(404, "NotFound", `no classroom has the join code "${code.trim()}"; check it with your instructor`);
  if ((await countLearners(c.env.DB, classroom.id)) >= LIMITS.classrooms.maxLearners) {
    return statusResponse(409, "Conflict", `classroom "${classroom.name}" is full (${LIMITS.classrooms.maxLearners} learners)`);
  }
  const { learner, learnerToken } = await addLearner(c.env.DB, classroom.id, name, Date.now());
  return c.json({ learnerId: learner.id, learnerToken, classroomId: classroom.id, classroom: classroom.name, name, lessons: classroomLessons(classroom) }, 201);
});

// Everything below is the instructor's: the classroom's own instructor token is required.
classrooms.use("/:id/*", instructorOnly);
classrooms.use("/:id", instructorOnly);

async function instructorOnly(c: Context<{ Bindings: Env; Variables: Vars }>, next: () => Promise<void>) {
  const id = c.req.param("id") ?? "";
  if (id === "join") return next();
  const token = bearerToken(c.req.header("authorization"));
  if (!token) return statusResponse(401, "Unauthorized", "Unauthorized: send the classroom's instructor token as Authorization: Bearer <token>");
  const classroom = /^[0-9a-f]{32}$/.test(id) ? await findClassroom(c.env.DB, id) : undefined;
  if (!classroom) return statusResponse(404, "NotFound", `classroom "${id}" not found`);
  if (!(await tokenMatches(token, classroom.instructorTokenHash))) return statusResponse(403, "Forbidden", `this token does not open classroom "${id}": only its instructor token does`);
  c.set("classroom", classroom);
  await next();
}

classrooms.get("/:id", async (c) => {
  const classroom = c.get("classroom");
  return c.json({ id: classroom.id, name: classroom.name, lessons: classroomLessons(classroom), joinCode: classroom.joinCode, createdAt: iso(classroom.createdAtMs), learners: await countLearners(c.env.DB, classroom.id) });
});

interface LessonProgress {
  lesson: string;
  title: string;
  score: number;
  maxScore: number;
  stepsCompleted: number;
  steps: number;
  attempts: number;
  firstActivity: string | null;
  lastActivity: string | null;
}

/** For each learner and each of the classroom's lessons: score, steps completed, attempts, first and last activity. */
classrooms.get("/:id/progress", async (c) => {
  const classroom = c.get("classroom");
  const format = c.req.query("format") ?? "json";
  if (format !== "json" && format !== "csv") return badRequest(`format must be json or csv, not ${JSON.stringify(format)}`);
  const [learners, rows] = await Promise.all([listLearners(c.env.DB, classroom.id), classroomProgress(c.env.DB, classroom.id)]);
  const byKey = new Map(rows.map((r) => [`${r.learnerId}/${r.lesson}`, r]));
  const catalog = lessonCatalog();
  const lessons = classroomLessons(classroom);
  const table = learners.map((learner) => ({
    learnerId: learner.id,
    name: learner.name,
    joinedAt: iso(learner.createdAtMs),
    lessons: lessons.map((lesson): LessonProgress => {
      const loaded = catalog.byId.get(lesson);
      const row = byKey.get(`${learner.id}/${lesson}`);
      return {
        lesson,
        title: loaded?.lesson.title ?? lesson,
        score: row?.score ?? 0,
        maxScore: loaded ? maxScore(loaded) : (row?.maxScore ?? 0),
        stepsCompleted: row ? (JSON.parse(row.passedSteps) as string[]).length : 0,
        steps: loaded?.lesson.steps.length ?? 0,
        attempts: row?.attempts ?? 0,
        firstActivity: iso(row?.firstActivityMs),
        lastActivity: iso(row?.lastActivityMs),
      };
    }),
  }));
  if (format === "csv") {
    const header = ["learnerId", "name", "lesson", "score", "maxScore", "stepsCompleted", "steps", "attempts", "firstActivity", "lastActivity"];
    const csv = toCsv(
      header,
      table.flatMap((l) => l.lessons.map((p) => [l.learnerId, l.name, p.lesson, p.score, p.maxScore, p.stepsCompleted, p.steps, p.attempts, p.firstActivity, p.lastActivity])),
    );
    const file = `${classroom.name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "classroom"}-progress.csv`;
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file}"` } });
  }
  return c.json({ classroom: { id: classroom.id, name: classroom.name, lessons }, learners: table });
});

/** The learner of this classroom, or a 404 Response. */
async function learnerOf(c: Context<{ Bindings: Env; Variables: Vars }>): Promise<Learner | Response> {
  const id = c.req.param("learnerId") ?? "";
  const learner = /^[0-9a-f]{32}$/.test(id) ? await findLearner(c.env.DB, id) : undefined;
  if (!learner || learner.classroomId !== c.get("classroom").id) return statusResponse(404, "NotFound", `learner "${id}" not found in classroom "${c.get("classroom").id}"`);
  return learner;
}

/** A learner's sandboxes, per-step results over time and command timeline. */
classrooms.get("/:id/learners/:learnerId", async (c) => {
  const learner = await learnerOf(c);
  if (learner instanceof Response) return learner;
  const [sandboxes, runs] = await Promise.all([learnerSandboxes(c.env.DB, learner.id, LIMITS.classrooms.detailSandboxes), learnerCheckRuns(c.env.DB, learner.id, LIMITS.classrooms.detailCheckRuns)]);
  const logs = await Promise.all(sandboxes.map((s) => c.env.SANDBOX.get(c.env.SANDBOX.idFromName(s.sandboxId)).commandLog()));
  const commands = sandboxes
    .flatMap((s, i) => (logs[i] ?? []).map((entry) => ({ sandboxId: s.sandboxId, ...entry })))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.seq - b.seq);
  return c.json({
    learner: { id: learner.id, name: learner.name, joinedAt: iso(learner.createdAtMs) },
    classroomId: learner.classroomId,
    sandboxes: sandboxes.map((s, i) => ({ id: s.sandboxId, lesson: s.lesson, createdAt: iso(s.createdAtMs), current: i === 0, alive: logs[i] !== null })),
    checks: runs.map((r) => ({ at: iso(r.atMs), sandboxId: r.sandboxId, lesson: r.lesson, score: r.score, maxScore: r.maxScore, steps: JSON.parse(r.steps) as { id: string; passed: boolean; points: number }[] })),
    commands,
  });
});

/** Runs a read-only kubectl command in the learner's current sandbox, to help them: `{"command": "kubectl get pods"}`. */
classrooms.post("/:id/learners/:learnerId/commands", async (c) => {
  const learner = await learnerOf(c);
  if (learner instanceof Response) return learner;
  const read = await readJsonObject(c.req.raw, LIMITS.classrooms.maxBodyBytes, '{"command": "kubectl get pods"}');
  if ("error" in read) return read.error;
  const command = read.body.command;
  if (typeof command !== "string") return badRequest('the body must be a JSON object with a "command" string, like {"command": "kubectl get pods"}');
  const refusal = readOnlyRefusal(command);
  if (refusal) return statusResponse(403, "Forbidden", refusal);
  const [current] = await learnerSandboxes(c.env.DB, learner.id, 1);
  const r = current ? await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(current.sandboxId)).instructorCommand(command) : null;
  if (!r) return statusResponse(404, "NotFound", `learner "${learner.name}" has no sandbox right now (none created yet, or it expired)`);
  return c.json({ sandboxId: current.sandboxId, ...r });
});
