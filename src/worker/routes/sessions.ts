// /api/sessions: create, inspect and delete sandboxes.
import { Hono } from "hono";
import type { Env } from "../sandbox";
import { bearerToken, isSandboxId, newSandboxId, tokenFor, verifyToken } from "../auth";
import { kubeconfigFor } from "../kubeconfig";
import { statusResponse } from "../http";
import { LIMITS } from "../../engine/limits";

export const sessions = new Hono<{ Bindings: Env }>();

const badRequest = (message: string) => statusResponse(400, "BadRequest", message);

sessions.post("/", async (c) => {
  // `nodes` counts worker nodes; every sandbox also has one control-plane node.
  let nodes = 2;
  const text = await c.req.text();
  if (text.length > 4096) return statusResponse(413, "RequestEntityTooLarge", "Request entity too large: limit is 4096");
  if (text.trim()) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return badRequest('the body must be JSON, for example {"nodes": 2}');
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) return badRequest('the body must be a JSON object, for example {"nodes": 2}');
    const n = (body as { nodes?: unknown }).nodes;
    if (n !== undefined) {
      if (typeof n !== "number" || !Number.isInteger(n) || n < LIMITS.minNodes || n > LIMITS.maxNodes) {
        return badRequest(`nodes must be a whole number from ${LIMITS.minNodes} to ${LIMITS.maxNodes} (worker nodes; a control-plane node is always added)`);
      }
      nodes = n;
    }
  }
  const id = newSandboxId();
  const token = await tokenFor(c.env.SESSION_SECRET, id);
  const stub = c.env.SANDBOX.get(c.env.SANDBOX.idFromName(id));
  const idleTtlMs = Number(c.env.SANDBOX_IDLE_TTL_MS ?? LIMITS.sandboxIdleTtlMs) || LIMITS.sandboxIdleTtlMs;
  const info = await stub.init({ id, nodes, idleTtlMs, seed: id });
  const origin = new URL(c.req.url).origin;
  const server = `${origin}/clusters/${id}`;
  return c.json({ id, token, server, kubeconfig: kubeconfigFor(server, token, id), expiresAt: info.expiresAt }, 201);
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
