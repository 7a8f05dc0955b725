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

// Classroom tokens: random secrets handed out once and stored only as SHA-256 hashes. A learner's
// token names its learner (`kpl.<learnerId>.<secret>`), so it is checked against one row; an
// instructor's token is checked against the one classroom the request names.

/** `bytes` random bytes as hex. */
export function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", enc.encode(text)));
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = enc.encode(a);
  const y = enc.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i % x.length] ?? 0) ^ (y[i % y.length] ?? 0);
  return diff === 0 && x.length === y.length;
}

/** Whether `token` hashes to `hash`, compared in constant time. */
export async function tokenMatches(token: string, hash: string): Promise<boolean> {
  return constantTimeEqual(await sha256Hex(token), hash);
}

export const newInstructorToken = () => `kpi.${randomHex(32)}`;
export const newLearnerToken = (learnerId: string) => `kpl.${learnerId}.${randomHex(32)}`;

/** The learner id a learner token names, or undefined when it is not one. */
export function learnerIdOf(token: string | undefined): string | undefined {
  return /^kpl\.([0-9a-f]{32})\.[0-9a-f]{64}$/.exec(token ?? "")?.[1];
}

const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: read aloud in a classroom

/** An 8-character join code (40 bits). */
export function newJoinCode(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return [...b].map((x) => JOIN_CODE_ALPHABET[x % JOIN_CODE_ALPHABET.length]).join("");
}
