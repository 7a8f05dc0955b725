// Session tokens: HMAC-SHA256 of the sandbox id under the deployment's secret. The Worker checks a
// token without waking the Durable Object, and a token opens only the sandbox it was made for.
const enc = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

const toHex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, "0")).join("");

export async function tokenFor(secret: string, sandboxId: string): Promise<string> {
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), enc.encode(`sandbox:${sandboxId}`));
  return `kp.${toHex(sig)}`;
}

export async function verifyToken(secret: string, sandboxId: string, token: string | undefined): Promise<boolean> {
  if (!token || !/^kp\.[0-9a-f]{64}$/.test(token)) return false;
  const bytes = new Uint8Array(token.slice(3).match(/../g)!.map((h) => parseInt(h, 16)));
  return crypto.subtle.verify("HMAC", await hmacKey(secret), bytes, enc.encode(`sandbox:${sandboxId}`));
}

export function bearerToken(header: string | undefined | null): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return m?.[1];
}

/** 128 random bits as 32 hex characters. */
export function newSandboxId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

export const isSandboxId = (id: string) => /^[0-9a-f]{32}$/.test(id);
