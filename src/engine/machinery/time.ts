// Timestamps as the API serialises them: metav1.Time (RFC 3339, whole seconds, UTC "Z") and metav1.MicroTime
// (RFC 3339 with exactly six fractional digits), and parsing as metav1.Time.UnmarshalJSON does
// (Go's time.Parse(time.RFC3339, s)). Inputs/outputs are Unix epoch milliseconds; no wall clock is read.
// Calendar arithmetic is done here (proleptic Gregorian), so years 0-99 and far dates behave as in Go.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count since 1970-01-01 (civil_from_days). */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysIn(month: number, year: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Go's appendInt(b, x, width): zero-padded to `width` digits, sign in front. */
function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? "-" + s : s;
}

/** Civil fields of an epoch time given in whole microseconds (floored, like Go's time). */
function fields(micros: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; micros: number } {
  const MICROS_PER_DAY = MS_PER_DAY * 1000;
  const days = Math.floor(micros / MICROS_PER_DAY);
  let rem = micros - days * MICROS_PER_DAY;
  const [y, mo, d] = civilFromDays(days);
  const h = Math.floor(rem / 3_600_000_000);
  rem -= h * 3_600_000_000;
  const mi = Math.floor(rem / 60_000_000);
  rem -= mi * 60_000_000;
  const s = Math.floor(rem / 1_000_000);
  return { y, mo, d, h, mi, s, micros: rem - s * 1_000_000 };
}

function checkFinite(ms: number): void {
  if (!Number.isFinite(ms)) throw new RangeError(`not a timestamp: ${ms}`);
}

function base(f: ReturnType<typeof fields>): string {
  return `${pad(f.y, 4)}-${pad(f.mo, 2)}-${pad(f.d, 2)}T${pad(f.h, 2)}:${pad(f.mi, 2)}:${pad(f.s, 2)}`;
}

/** metav1.Time as JSON: "2024-01-02T03:04:05Z" (fraction dropped, i.e. truncated toward the past). */
export function rfc3339(ms: number): string {
  checkFinite(ms);
  return base(fields(Math.floor(ms) * 1000)) + "Z";
}

/**
 * metav1.MicroTime as JSON: "2024-01-02T03:04:05.123456Z" (always six digits). A float of epoch ms only carries
 * about a quarter of a microsecond of precision today, so the value is rounded to the nearest microsecond.
 */
export function rfc3339Micro(ms: number): string {
  checkFinite(ms);
  const f = fields(Math.round(ms * 1000));
  return `${base(f)}.${pad(f.micros, 6)}Z`;
}

/** Go's time.Time zero value (0001-01-01T00:00:00Z), which metav1.Time marshals as null. */
export const GO_ZERO_TIME_MS = daysFromCivil(1, 1, 1) * MS_PER_DAY;

function digits(s: string, from: number, n: number): number | undefined {
  if (from + n > s.length) return undefined;
  let x = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    x = x * 10 + (c - 48);
  }
  return x;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** The last text parsed and its value: a pass reads the same few timestamps over and over. */
let lastParsedText: string | undefined;
let lastParsedMs: number | undefined;

/**
 * time.Parse(time.RFC3339, s) as metav1.Time.UnmarshalJSON uses it: "2024-01-02T03:04:05Z",
 * "2024-01-02T03:04:05.123456789+02:00". Like Go it also accepts a one-digit hour, a ',' before the fraction and
 * offsets up to 24:60 (the lenient fallback parser). Fractions beyond 9 digits are truncated.
 * Returns epoch ms (fraction kept, sub-millisecond digits as a fractional part), undefined when invalid.
 */
export function parseRfc3339(s: string): number | undefined {
  if (s === lastParsedText) return lastParsedMs;
  const ms = parseRfc3339Text(s);
  lastParsedText = s;
  lastParsedMs = ms;
  return ms;
}

function parseRfc3339Text(s: string): number | undefined {
  // YYYY-MM-DDT
  const year = digits(s, 0, 4);
  if (year === undefined || s[4] !== "-") return undefined;
  const month = digits(s, 5, 2);
  if (month === undefined || month < 1 || month > 12 || s[7] !== "-") return undefined;
  const day = digits(s, 8, 2);
  if (day === undefined || day < 1 || day > daysIn(month, year) || s[10] !== "T") return undefined;
  let i = 11;
  // hour: two digits, or one (lenient parser)
  let hour: number | undefined;
  if (isDigitAt(s, i) && isDigitAt(s, i + 1)) {
    hour = digits(s, i, 2);
    i += 2;
  } else if (isDigitAt(s, i)) {
    hour = digits(s, i, 1);
    i += 1;
  }
  if (hour === undefined || hour > 23 || s[i] !== ":") return undefined;
  const min = digits(s, i + 1, 2);
  if (min === undefined || min > 59 || s[i + 3] !== ":") return undefined;
  const sec = digits(s, i + 4, 2);
  if (sec === undefined || sec > 59) return undefined;
  i += 6;
  // fraction
  let nanos = 0;
  if (i + 1 < s.length && (s[i] === "." || s[i] === ",") && isDigitAt(s, i + 1)) {
    let n = i + 1;
    while (n < s.length && isDigitAt(s, n)) n++;
    const frac = s.slice(i + 1, Math.min(n, i + 10)).padEnd(9, "0");
    nanos = Number(frac);
    i = n;
  }
  // zone
  let offsetMin = 0;
  const rest = s.slice(i);
  if (rest !== "Z") {
    if (rest.length !== 6 || (rest[0] !== "+" && rest[0] !== "-") || rest[3] !== ":") return undefined;
    const hh = digits(rest, 1, 2);
    const mm = digits(rest, 4, 2);
    if (hh === undefined || mm === undefined || hh > 24 || mm > 60) return undefined;
    offsetMin = (hh * 60 + mm) * (rest[0] === "-" ? -1 : 1);
  }
  const wholeMs =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + min - offsetMin) * 60 + sec) * 1000 + Math.floor(nanos / 1e6);
  const subMs = (nanos % 1e6) / 1e6;
  return subMs === 0 ? wholeMs : wholeMs + subMs;
}
