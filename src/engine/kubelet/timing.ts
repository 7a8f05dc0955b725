// How long things take on a simulated node, and the kubelet's backoff arithmetic.
//
// Jitter is a stable hash of (pod uid, what), never a draw from the rng: the kubelet keeps no memory
// between alarms, so every delay must come out the same each time it is recomputed from the status.
import { formatGoDuration } from "../machinery/duration";

/** FNV-1a over a string, as a fraction in [0, 1). */
export function hashFraction(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche so neighbouring keys ("a:1", "a:2") do not give neighbouring fractions.
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 0x100000000;
}

/** A stable duration in [minMs, maxMs) for (uid, what). */
export function jitterMs(uid: string, what: string, minMs: number, maxMs: number): number {
  return Math.round(minMs + (maxMs - minMs) * hashFraction(`${uid}|${what}`));
}

/** 64 lowercase hex characters derived from a key (image digests; stable across sandboxes). */
export function hashHex64(key: string): string {
  let out = "";
  for (let i = 0; out.length < 64; i++) out += Math.floor(hashFraction(`${key}#${i}`) * 0x100000000).toString(16).padStart(8, "0");
  return out.slice(0, 64);
}

export const DELAYS = {
  /** Pod sandbox (pause container) and CNI set-up. */
  sandboxMs: [100, 900] as const,
  /** From a container state change until the kubelet's PLEG relist notices and syncs (relist every 1 s). */
  plegMs: [200, 950] as const,
  /** CreateContainer. */
  createMs: [30, 140] as const,
  /** StartContainer. */
  startMs: [40, 180] as const,
  /** A failed registry round trip (name resolution, manifest HEAD). */
  pullFailMs: [250, 1400] as const,
  /** Checking the registry for an image already on the node (imagePullPolicy: Always). */
  pullCachedMs: [250, 900] as const,
  /** Registry throughput for a real pull: bytes per ms (about 30 MB/s) and a fixed overhead. */
  pullBytesPerMs: 30_000,
  pullOverheadMs: 350,
  /** A probe worker starts ticking this long after the container started. */
  probeWorkerMs: [100, 900] as const,
  /** Processes that honour SIGTERM exit this quickly. */
  stopMs: [150, 900] as const,
  /** A crash-looping container shows CrashLoopBackOff this long after it exited (next pod worker resync). */
  backoffDisplayMaxMs: 10_000,
  /** The first image pull failure turns into ImagePullBackOff at the sync right after it (sandbox PLEG event). */
  firstPullBackoffDisplayMs: [1200, 2000] as const,
  /** Later ones at the pod worker's error resync (10 s with 0.5 jitter). */
  pullBackoffDisplayMs: [10_000, 15_000] as const,
} as const;

/** Pulling a `sizeBytes` image: about 30 MB/s plus overhead, ±30 % per pod and container. */
export function pullDurationMs(uid: string, what: string, sizeBytes: number): number {
  const base = DELAYS.pullOverheadMs + sizeBytes / DELAYS.pullBytesPerMs;
  return Math.round(base * (0.7 + 0.6 * hashFraction(`${uid}|pull|${what}`)));
}

/** The kubelet's container and image backoff (flowcontrol.Backoff: 10 s doubling, capped at 5 min). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** Backoff after the n-th consecutive failure (n ≥ 1): 10 s, 20 s, 40 s, … 300 s. */
export function backoffAfterFailures(n: number): number {
  if (n <= 1) return BACKOFF_INITIAL_MS;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** Math.min(n - 1, 10));
}

/**
 * Delay before restarting a container that exited, given its restartCount at exit: the first exit restarts at
 * once (no backoff entry yet), later ones wait 10 s, 20 s, 40 s … 5 min. A backoff entry that was not touched for
 * twice the maximum (the container ran for more than 10 minutes) has expired: restart at once again.
 */
export function crashBackoffMs(restartCount: number, ranForMs: number | undefined): number {
  if (restartCount <= 0) return 0;
  if (ranForMs !== undefined && ranForMs > 2 * BACKOFF_MAX_MS) return 0;
  return backoffAfterFailures(restartCount);
}

/** Go's time.Duration.String() of a whole number of milliseconds ("10s", "1m20s", "5m0s", "417ms", "1.234s"). */
export function goDuration(ms: number): string {
  return formatGoDuration(Math.max(0, Math.round(ms)));
}

/** A timestamp the API keeps (metav1.Time): whole seconds. */
export function floorSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
