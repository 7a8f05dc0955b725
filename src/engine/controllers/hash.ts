// Hashes that name controller-created objects (pod-template-hash, controller-revision-hash). Kubernetes
// hashes the Go struct with FNV-32a and encodes the decimal with rand.SafeEncodeString; we hash the
// canonical JSON of the same template, so equal templates always get equal names.
import { safeEncodeString } from "../machinery/rng";

function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(s);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** controller.ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number): string {
  let s = canonicalJson(template);
  if (collisionCount) s += `#${collisionCount}`;
  return safeEncodeString(String(fnv32a(s)));
}
