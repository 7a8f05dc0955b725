// A seeded, deterministic PRNG whose whole state is a short string, so a sandbox can persist it with the rest of
// its state and replay identically. Generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
// 128-bit state), seeded from a string with the cyrb128 hash. Never touches Math.random or the clock.
//
// Also the random helpers Kubernetes uses: k8s.io/apimachinery/pkg/util/rand's alphabet (generateName suffixes,
// pod-template-hash encoding), v4 UUIDs (metadata.uid) and hex strings.

const STATE_PREFIX = "sfc32:";
const STATE_RE = /^sfc32:[0-9a-f]{32}$/;

/** cyrb128: a fast 128-bit string hash (public domain), used only for seeding. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * `state`: a value previously returned by {@link Rng.state} (resumes exactly), or any other string/number,
   * which is hashed into a fresh seed (the same seed always gives the same sequence).
   */
  constructor(state: string | number) {
    const s = String(state);
    if (STATE_RE.test(s)) {
      const h = s.slice(STATE_PREFIX.length);
      this.a = parseInt(h.slice(0, 8), 16);
      this.b = parseInt(h.slice(8, 16), 16);
      this.c = parseInt(h.slice(16, 24), 16);
      this.d = parseInt(h.slice(24, 32), 16);
      return;
    }
    [this.a, this.b, this.c, this.d] = cyrb128(s);
    for (let i = 0; i < 15; i++) this.nextUint32(); // warm-up, as recommended for sfc32
  }

  /** The next 32 random bits as an unsigned integer (sfc32 step). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1), 32 bits of precision. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n); n a positive safe integer. Unbiased (rejection sampling). */
  int(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    if (n <= 4294967296) {
      const limit = 4294967296 - (4294967296 % n);
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    // Wider ranges: 53 random bits.
    for (;;) {
      const x = (this.nextUint32() >>> 11) * 4294967296 + this.nextUint32(); // < 2^53
      const limit = 9007199254740992 - (9007199254740992 % n);
      if (x < limit) return x % n;
    }
  }

  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(a: readonly T[]): T {
    if (a.length === 0) throw new RangeError("Rng.pick: empty array");
    return a[this.int(a.length)];
  }

  /** The whole generator state, e.g. "sfc32:0123…"; `new Rng(rng.state())` continues the same sequence. */
  state(): string {
    return STATE_PREFIX + hex8(this.a) + hex8(this.b) + hex8(this.c) + hex8(this.d);
  }

  /** A new generator derived from this one's next output and a label (for independent sub-streams). */
  fork(label: string): Rng {
    return new Rng(`${label}:${this.nextUint32()}:${this.nextUint32()}`);
  }
}

/** k8s.io/apimachinery/pkg/util/rand alphabet: no vowels (avoids words), no 0/1/3 (look-alikes). */
export const K8S_RAND_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** utilrand.String(n): the random suffix of generateName and ReplicaSet pods (default 5 characters). */
export function randomSuffix(rng: Rng, n = 5): string {
  let out = "";
  for (let i = 0; i < n; i++) out += K8S_RAND_ALPHABET[rng.int(K8S_RAND_ALPHABET.length)];
  return out;
}

/** names.SimpleNameGenerator.GenerateName: base cut to 58 characters + 5 random characters. */
export function generateName(rng: Rng, base: string): string {
  const maxGeneratedNameLength = 63 - 5;
  if (base.length > maxGeneratedNameLength) base = base.slice(0, maxGeneratedNameLength);
  return base + randomSuffix(rng, 5);
}

/** utilrand.SafeEncodeString: maps each character onto the alphabet (pod-template-hash from a decimal hash). */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += K8S_RAND_ALPHABET[ch.codePointAt(0)! % K8S_RAND_ALPHABET.length];
  return out;
}

/** Each byte as two lowercase hex digits. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** `bytes` random bytes as lowercase hex (2 × bytes characters). */
export function hex(rng: Rng, bytes: number): string {
  let out = "";
  for (let i = 0; i < bytes; i++) out += HEX_BYTE[rng.int(256)];
  return out;
}

/** A random RFC 4122 version-4 UUID, lowercase (metadata.uid form): 16 bytes, drawn in order. */
export function uuid(rng: Rng): string {
  let out = "";
  for (let i = 0; i < 16; i++) {
    let b = rng.int(256);
    if (i === 6) b = (b & 0x0f) | 0x40;
    else if (i === 8) b = (b & 0x3f) | 0x80;
    // 8-4-4-4-12 hex digits: a dash after bytes 3, 5, 7 and 9.
    out += i === 4 || i === 6 || i === 8 || i === 10 ? `-${HEX_BYTE[b]}` : HEX_BYTE[b];
  }
  return out;
}
