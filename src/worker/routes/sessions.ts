// /api/sessions: create, inspect and delete sandboxes.
import { Hono } from "hono";
import type { Env } from "../sandbox";
import { bearerToken, isSandboxId, learnerIdOf, newSandboxId, tokenFor, tokenMatches, verifyToken } from "../auth";
import { kubeconfigFor } from "../kubeconfig";
import { readJsonObject, statusResponse } from "../http";
import { LIMITS } from "../../engine/limits";
import { maxScore } from "../../engine/lessons/catalog";
import type { LoadedLesson } from "../../engine/lessons/loader";
import { lessonCatalog } from "../lessons";
import { lessonNotFound } from "./lessons";
import { classroomLessons, findClassroom, findLearner, recordCheck, recordSandbox, type Learner } from "../classrooms";

export const sessions = new Hono<{ Bindings: Env }>();

const badRequest = (message: string) => statusResponse(400, "BadRequest", message);

const MAX_SESSION_BODY_BYTES = 4096;

/** 405 with the methods a route does serve, in the Allow header. */
function methodNotAllowed(allow: string): Response {
  const r = statusResponse(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
  r.headers.set("allow", allow);
  return r;
}

sessions.post("/", async (c) => {
  // `nodes` counts worker nodes; every sandbox also has one control-plane node.
  let nodes = 2;
  let seed: string | undefined;
  let lesson: LoadedLesson | undefined;
  // At most 4096 bytes are ever read: a declared longer body is refused unread, an undeclared one cut off.
  const read = await readJsonObject(c.req.raw, MAX_SESSION_BODY_BYTES, '{"nodes": 2}');
  if ("error" in read) return read.error;
  const body = read.body;
  const requestedSeed = body.seed;
  if (requestedSeed !== undefined) {
    // A chosen seed makes a sandbox reproducible (lessons, tests): same seed + same inputs = same cluster.
    if (typeof requestedSeed !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(requestedSeed)) {
      return badRequest("seed must be 1 to 64 letters, digits, '-' or '_'");
    }
    seed = requestedSeed;
  }
  const n = body.nodes;
  if (n !== undefined) {
    if (typeof n !== "number" || !Number.isInteger(n) || n < LIMITS.minNodes || n > LIMITS.maxNodes) {
      return badRequest(`nodes must be a whole number from ${LIMITS.minNodes} to ${LIMITS.maxNodes} (worker nodes; a control-plane node is always added)`);
    }
    nodes = n;
  }
  const lessonId = body.lesson;
  if (lessonId !== undefined) {
    if (typeof lessonId !== "string") return badRequest('lesson must be a lesson id, for example {"lesson": "deployments"}; GET /api/lessons lists them');
    if (n !== undefined) return badRequest("nodes cannot be combined with lesson: the lesson decides its cluster's nodes");
    lesson = lessonCatalog().byId.get(lessonId);
    if (!lesson) return lessonNotFound(lessonId);
  }
  // A learner's token makes the sandbox theirs: its Checks are recorded for their instructor.
  const owner = await sandboxOwner(c.env, c.req.header("authorization"), lesson?.lesson.id);
  if (owner instanceof Response) return owner;
  const id = newSandboxId();
  const token = await tokenFor(c.env.SESSION_SECRET, id);
  const stub = c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id));
  const idleTtlMs = Number(c.env.SANDBOX_IDLE_TTL_MS ?? LIMITS.sandboxIdleTtlMs) || LIMITS.sandboxIdleTtlMs;
  const origin = new URL(c.req.url).origin;
  const server = `${origin}/clusters/${id}`;
  const kubeconfig = kubeconfigFor(server, token, id);
  const info = await stub.init({ id, nodes, idleTtlMs, seed: seed ?? id, kubeconfig, lesson: lesson?.lesson.id, owner: owner?.id });
  if (owner) await recordSandbox(c.env.DB, owner.id, id, lesson ? { id: lesson.lesson.id, maxScore: maxScore(lesson) } : undefined, Date.now());
  return c.json({ id, token, server, kubeconfig, expiresAt: info.expiresAt, ...(info.lesson ? { lesson: info.lesson.id } : {}), ...(owner ? { learnerId: owner.id } : {}) }, 201);
});

/**
 * The learner a sandbox is created for: none without an Authorization header; a 401 for a token that
 * is not a valid learner token; a 403 for a lesson outside the learner's classroom.
 */
async function sandboxOwner(env: Env, authorization: string | undefined, lesson: string | undefined): Promise<Learner | undefined | Response> {
  if (authorization === undefined) return undefined;
  const token = bearerToken(authorization);
  const learner = learnerIdOf(token) ? await findLearner(env.DB, learnerIdOf(token)!) : undefined;
  if (!learner || !(await tokenMatches(token!, learner.tokenHash))) {
    return statusResponse(401, "Unauthorized", "Unauthorized: send a learner token from POST /api/classrooms/join, or no Authorization header for a sandbox of your own");
  }
  const classroom = await findClassroom(env.DB, learner.classroomId);
  const allowed = classroom ? classroomLessons(classroom) : [];
  if (lesson !== undefined && !allowed.includes(lesson)) {
    return statusResponse(403, "Forbidden", `lesson "${lesson}" is not part of your classroom; its lessons are ${allowed.join(", ")}`);
  }
  return learner;
}

const notFound = (id: string) => statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);

/**
 * Puts a lesson's sandbox back in the lesson's starting state; `{"step": "<id>"}` starts at that step
 * (the reference solutions of the steps before it are run first).
 */
sessions.post("/:id/lesson/reset", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const read = await readJsonObject(c.req.raw, MAX_SESSION_BODY_BYTES, '{"step": "scale"} or {}');
  if ("error" in read) return read.error;
  const step = read.body.step;
  if (step !== undefined && typeof step !== "string") return badRequest('step must be a step id, for example {"step": "scale"}');
  const r = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).resetLesson(step);
  if (!r) return notFound(id);
  if ("error" in r) return badRequest(r.error);
  return c.json(r);
});

/** Grades the sandbox's lesson: `{"lesson", "steps": [...], "score", "maxScore"}`; recorded for the learner who owns it. */
sessions.post("/:id/checks", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  await c.req.raw.body?.cancel().catch(() => {});
  const r = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).checkLesson();
  if (!r) return notFound(id);
  if ("error" in r) return badRequest(r.error);
  if (r.owner) await recordCheck(c.env.DB, r.owner, id, r.result, Date.now());
  return c.json(r.result);
});

/** Authenticates /api/sessions/:id and /clusters/:id requests against the sandbox's token. */
export async function authorized(env: Env, id: string, authorization: string | undefined | null): Promise<boolean> {
  return isSandboxId(id) && (await verifyToken(env.SESSION_SECRET, id, bearerToken(authorization)));
}

export const unauthorized = () => statusResponse(401, "Unauthorized", "Unauthorized");

sessions.get("/:id", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const info = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).touch();
  if (!info) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json(info);
});

sessions.delete("/:id", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const existed = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).destroy();
  if (!existed) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", details: { name: id, kind: "sessions" } });
});

/**
 * Runs a command line in the sandbox's shell: `{"command": "kubectl get pods", "stdin"?: "...",
 * "fastForward"?: true}` → `{"stdout", "stderr", "exitCode"}`. fastForward makes the line's sleeps
 * and waits move the sandbox's clock instead of taking real time. Commands that keep running (-w, -f, watch) stop after
 * LIMITS.shell.commandEndpointMaxMs; the terminal WebSocket streams them instead.
 */
sessions.post("/:id/commands", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const read = await readJsonObject(c.req.raw, LIMITS.maxRequestBodyBytes, '{"command": "kubectl get pods"}');
  if ("error" in read) return read.error;
  const { command, stdin, fastForward } = read.body;
  if (typeof command !== "string") return badRequest('the body must be a JSON object with a "command" string, like {"command": "kubectl get pods"}');
  if (stdin !== undefined && typeof stdin !== "string") return badRequest('"stdin" must be a string when given');
  if (fastForward !== undefined && typeof fastForward !== "boolean") return badRequest('"fastForward" must be true or false when given');
  const r = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).runCollected(command, stdin, { fastForward: fastForward === true });
  if (!r) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json(r);
});

/** The sandbox's command log: every command line run, with its times and exit code, oldest first. */
sessions.get("/:id/commands", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const log = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).commandLog();
  if (!log) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json({ commands: log });
});

/** Tab completion: `?line=kubectl get po&cursor=14` → `{"start", "candidates"}`. */
sessions.get("/:id/completions", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const line = c.req.query("line") ?? "";
  const cursorText = c.req.query("cursor");
  const cursor = cursorText === undefined ? line.length : Number(cursorText);
  if (!Number.isInteger(cursor) || cursor < 0 || cursor > line.length) return badRequest(`cursor must be a whole number from 0 to the line's length (${line.length})`);
  if (line.length > LIMITS.shell.maxScriptBytes) return badRequest(`line is longer than ${LIMITS.shell.maxScriptBytes} characters`);
  const r = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).completions(line, cursor);
  if (!r) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json(r);
});

/**
 * The terminal: a WebSocket carrying command lines and their streaming output (see
 * ARCHITECTURE.md). Browsers cannot set headers on WebSockets, so the token may come as `?token=`.
 */
sessions.get("/:id/terminal", async (c) => {
  const id = c.req.param("id");
  const auth = c.req.header("authorization") ?? (c.req.query("token") ? `Bearer ${c.req.query("token")}` : undefined);
  if (!(await authorized(c.env, id, auth))) return unauthorized();
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") return statusResponse(426, "UpgradeRequired", "this endpoint speaks WebSocket: connect with a WebSocket client (Upgrade: websocket)");
  return c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).fetch(c.req.raw);
});

// Registered after the real routes: reached only by the methods those do not serve.
sessions.all("/", () => methodNotAllowed("POST"));
sessions.all("/:id", () => methodNotAllowed("GET, DELETE"));
sessions.all("/:id/commands", () => methodNotAllowed("GET, POST"));
sessions.all("/:id/checks", () => methodNotAllowed("POST"));
sessions.all("/:id/lesson/reset", () => methodNotAllowed("POST"));

/** Fast-forwards the sandbox's simulated clock: `{"advanceSeconds": N}`. */
sessions.post("/:id/clock", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  const read = await readJsonObject(c.req.raw, MAX_SESSION_BODY_BYTES, '{"advanceSeconds": 60}');
  if ("error" in read) return read.error;
  const seconds = read.body.advanceSeconds;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0 || seconds > LIMITS.maxClockAdvanceSeconds) {
    return badRequest(`advanceSeconds must be a number of seconds greater than 0 and at most ${LIMITS.maxClockAdvanceSeconds}`);
  }
  const r = await c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).advanceClock(seconds);
  if (!r) return statusResponse(404, "NotFound", `sandbox "${id}" not found: it was deleted or has expired`);
  return c.json(r);
});
