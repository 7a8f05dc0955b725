// Plain-JSON helpers used across the engine.

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Deep equality of JSON values, ignoring key order and members whose value is undefined. Walks
 * without building key lists (it runs on every write and status comparison).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const aa = a as unknown[];
    const bb = b as unknown[];
    if (aa.length !== bb.length) return false;
    // Holes of `a` are skipped (as Array.prototype.every skips them).
    for (let i = 0; i < aa.length; i++) if (i in aa && !deepEqual(aa[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // Own enumerable keys with a defined value (Object.keys order and set): each equal in `b`, and as many in `b`.
  let defined = 0;
  for (const k in ao) {
    if (!hasOwn.call(ao, k)) continue;
    const v = ao[k];
    if (v === undefined) continue;
    if (!deepEqual(v, bo[k])) return false;
    defined++;
  }
  for (const k in bo) if (hasOwn.call(bo, k) && bo[k] !== undefined) defined--;
  return defined === 0;
}

/**
 * Freezes a value and everything in it. Values shared by many stored objects (the default
 * tolerations every pod gets, the kubelet's conditions) are frozen: stored objects are never changed
 * in place, and a write that tried would fail loudly instead of changing every pod at once.
 */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    for (const c of Object.values(v)) deepFreeze(c);
    Object.freeze(v);
  }
  return v;
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (copyJson(v) as T);
}

/**
 * A deep copy with JSON.parse(JSON.stringify(v)) semantics for plain data (undefined members
 * dropped, undefined array items and non-finite numbers become null, toJSON honoured) without
 * the round trip through text: the write path copies every object it stores.
 */
function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== "object") {
    if (typeof v === "number" && !Number.isFinite(v)) return null;
    return typeof v === "function" || typeof v === "symbol" ? undefined : v;
  }
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = copyJson(v[i]);
      out[i] = c === undefined ? null : c;
    }
    return out;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return JSON.parse(JSON.stringify(v));
  const out: Record<string, unknown> = {};
  for (const k in v as Record<string, unknown>) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const c = copyJson((v as Record<string, unknown>)[k]);
    if (c !== undefined) out[k] = c;
  }
  return out;
}

/** Reads a dotted path like ".spec.replicas" or "status.selector". */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.replace(/^\./, "").split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.replace(/^\./, "").split(".");
  let cur = obj;
  for (const part of parts.slice(0, -1)) {
    if (cur[part] === null || typeof cur[part] !== "object") cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = value;
}
