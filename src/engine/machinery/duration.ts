// Durations as Kubernetes prints them: k8s.io/apimachinery/pkg/util/duration (HumanDuration, ShortHumanDuration;
// the AGE column of kubectl) and Go's time.Duration.String(). Inputs are milliseconds; Go works in integer
// nanoseconds and truncates toward zero, which these functions reproduce.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(x) of a float / integer division: truncation toward zero. */
function trunc(x: number): number {
  return Math.trunc(x) + 0; // + 0 turns -0 into 0
}

/**
 * duration.HumanDuration: ~2-3 significant figures. `<invalid>` below -1s (clock skew tolerated as "0s"):
 * 0s, 59s, 119s, 2m, 2m5s, 9m59s, 10m, 179m, 3h, 3h10m, 7h59m, 8h, 47h, 2d, 3d4h, 7d23h, 8d, 729d, 2y, 2y3d, 8y.
 */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "<invalid>";
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365;
    const y = trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${trunc(hours / 24 / 365)}y`;
}

/** duration.ShortHumanDuration: one unit only (`0s`, `59s`, `5m`, `23h`, `364d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "<invalid>";
  const seconds = trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`;
  return `${trunc(ms / HOUR / 24 / 365)}y`;
}

/** Milliseconds to integer nanoseconds (exact for integer ms; sub-nanosecond parts are rounded). */
function toNanos(ms: number): bigint {
  if (Number.isInteger(ms)) return BigInt(ms) * 1_000_000n;
  const whole = Math.trunc(ms);
  return BigInt(whole) * 1_000_000n + BigInt(Math.round((ms - whole) * 1e6));
}

/** fmtFrac: the fraction of v/10^prec without trailing zeros (and without "." when zero). */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let out = "";
  let print = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    print = print || digit !== 0n;
    if (print) out = digit.toString() + out;
    v /= 10n;
  }
  if (print) out = "." + out;
  return [out, v];
}

/** Go's time.Duration.String() for an integer number of nanoseconds ("1h2m3.5s", "1.5ms", "250µs", "0s"). */
export function formatGoDurationNanos(ns: bigint): string {
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    if (u === 0n) return "0s";
    let prec: number;
    let unit: string;
    if (u < 1_000n) {
      prec = 0;
      unit = "ns";
    } else if (u < 1_000_000n) {
      prec = 3;
      unit = "µs";
    } else {
      prec = 6;
      unit = "ms";
    }
    const [frac, whole] = fmtFrac(u, prec);
    out = whole.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = (u % 60n).toString() + frac + "s";
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + "m" + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + "h" + out;
    }
  }
  return neg ? "-" + out : out;
}

/** Go's time.Duration.String() for milliseconds: 90000 -> "1m30s", 7200000 -> "2h0m0s", 500 -> "500ms". */
export function formatGoDuration(ms: number): string {
  return formatGoDurationNanos(toNanos(ms));
}

/** Go's time.ParseDuration failing: the message is Go's (`time: invalid duration "x"`, ...). */
export class GoDurationError extends Error {}

/** Go's time.ParseDuration, to milliseconds (sub-millisecond precision is kept as a fraction). */
export function parseGoDuration(text: string): number {
  let s = text;
  const bad = () => new GoDurationError(`time: invalid duration ${JSON.stringify(text)}`);
  let neg = false;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw bad();
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  while (s !== "") {
    const num = /^([0-9]*(?:\.[0-9]*)?)/.exec(s)![1];
    if (num === "" || num === ".") throw bad();
    s = s.slice(num.length);
    const u = /^([^0-9.]*)/.exec(s)![1];
    if (u === "") throw new GoDurationError(`time: missing unit in duration ${JSON.stringify(text)}`);
    if (!(u in units)) throw new GoDurationError(`time: unknown unit ${JSON.stringify(u)} in duration ${JSON.stringify(text)}`);
    s = s.slice(u.length);
    total += Number(num) * units[u];
  }
  return neg ? -total : total;
}
