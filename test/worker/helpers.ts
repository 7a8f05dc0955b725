import { exports } from "cloudflare:workers";

export interface Session {
  id: string;
  token: string;
  server: string;
  kubeconfig: string;
  expiresAt: string;
}

export const ORIGIN = "http://127.0.0.1:8787";

export async function call(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  return (exports as unknown as { default: Fetcher }).default.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }));
}

export async function newSession(body: unknown = {}): Promise<Session> {
  const r = await call("/api/sessions", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  if (r.status !== 201) throw new Error(`create session: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function kube(s: Session, path: string, init: RequestInit = {}): Promise<Response> {
  return call(`/clusters/${s.id}${path}`, { ...init, token: s.token, headers: { "content-type": "application/json", ...(init.headers as Record<string, string>) } });
}
