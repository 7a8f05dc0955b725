// The Worker: routes /api/* and /clusters/<id>/* to the sandbox Durable Objects; static assets
// (the web UI) are served from ./public.
import { Hono } from "hono";
import { Sandbox, type Env } from "./sandbox";
import { sessions, authorized, unauthorized } from "./routes/sessions";
import { lessons } from "./routes/lessons";
import { classrooms } from "./routes/classrooms";
import { statusResponse } from "./http";
import { LIMITS } from "../engine/limits";

const app = new Hono<{ Bindings: Env }>();

app.route("/api/sessions", sessions);
app.route("/api/lessons", lessons);
app.route("/api/classrooms", classrooms);

// The Kubernetes API of a sandbox. Everything below /clusters/<id> goes to its Durable Object.
app.all("/clusters/:id/*", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  // A declared body over the limit is refused here, unread, without waking the Durable Object.
  if (Number(c.req.header("content-length") ?? "0") > LIMITS.maxRequestBodyBytes) {
    await c.req.raw.body?.cancel().catch(() => {});
    return statusResponse(413, "RequestEntityTooLarge", `Request entity too large: limit is ${LIMITS.maxRequestBodyBytes}`);
  }
  return c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id)).fetch(c.req.raw);
});
app.all("/clusters/:id", async (c) => {
  const id = c.req.param("id");
  if (!(await authorized(c.env, id, c.req.header("authorization")))) return unauthorized();
  return statusResponse(404, "NotFound", "the server could not find the requested resource");
});

app.notFound((c) => (/^\/(api|clusters)(\/|$)/.test(c.req.path) ? statusResponse(404, "NotFound", "the server could not find the requested resource") : c.env.ASSETS.fetch(c.req.raw)));

app.onError((err) => {
  console.error("unhandled error", err);
  return statusResponse(500, "InternalError", "Internal error occurred: the request could not be completed");
});

export default app;
export { Sandbox };
