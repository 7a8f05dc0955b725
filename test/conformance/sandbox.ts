// Creating sandboxes on the shared dev server and driving them with each kubectl version.
import { inject } from "vitest";
import { httpsJson } from "../support/dev-server";
import { Kubectl } from "../support/kubectl";

export interface Session {
  id: string;
  token: string;
  server: string;
  kubeconfig: string;
  expiresAt: string;
}

export const origin = () => inject("origin");
export const kubectlVersions = () => inject("kubectls");
/** The version whose output the assertions are written against. */
export const PRIMARY = "1.32";

export async function newSession(body: unknown = {}): Promise<Session> {
  const r = await httpsJson(`${origin()}/api/sessions`, { method: "POST", body });
  if (r.status !== 201) throw new Error(`POST /api/sessions: ${r.status} ${r.text}`);
  return r.body as Session;
}

/** A kubectl of the given version (default 1.32, else any available) pointed at a sandbox. */
export function kubectlFor(session: Session, version = PRIMARY): Kubectl | undefined {
  const all = new Map(kubectlVersions());
  const binary = all.get(version) ?? [...all.values()][0];
  return binary ? new Kubectl(binary, session.kubeconfig, inject("devLog")) : undefined;
}

export const hasKubectl = () => kubectlVersions().length > 0;

/** Replaces AGE-like cells so tables compare regardless of timing. */
export function normalizeAges(s: string): string {
  return s.replace(/\b\d+(s|m\d*s?|h\d*m?|d\d*h?|y\d*d?)\b/g, "<age>");
}
