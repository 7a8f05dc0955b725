// resource.Quantity: a port of k8s.io/apimachinery/pkg/api/resource (quantity.go, amount.go, suffix.go; v0.32).
// Values are exact: an arbitrary-precision integer mantissa times a power of ten (BigInt), never a float.
//
// Parsing follows ParseQuantity step by step, including its quirks: a string already in canonical form is kept
// verbatim ("+1" and "01" print as given), values are rounded up (away from zero) to nano precision, BinarySI
// values are capped at 2^63-1, and a DecimalSI exponent outside n..E prints without a suffix (1000E -> "1").

export type QuantityFormat = "DecimalExponent" | "BinarySI" | "DecimalSI";

export const QUANTITY_REGEXP = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";
/** resource.ErrFormatWrong. */
export const ERR_QUANTITY_FORMAT = `quantities must match the regular expression '${QUANTITY_REGEXP}'`;
/** resource.ErrNumeric. */
export const ERR_QUANTITY_NUMERIC = "unable to parse numeric part of quantity";
/** resource.ErrSuffix. */
export const ERR_QUANTITY_SUFFIX = "unable to parse quantity's suffix";

/** A ParseQuantity failure; `message` is exactly one of the three Go error strings above. */
export class QuantityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuantityParseError";
  }
}

const INT64_MAX = 2n ** 63n - 1n;
const NANO = -9;

const DEC_SUFFIX_BY_EXP: ReadonlyMap<number, string> = new Map([
  [-9, "n"],
  [-6, "u"],
  [-3, "m"],
  [0, ""],
  [3, "k"],
  [6, "M"],
  [9, "G"],
  [12, "T"],
  [15, "P"],
  [18, "E"],
]);
const BIN_SUFFIX_BY_EXP: ReadonlyMap<number, string> = new Map([
  [10, "Ki"],
  [20, "Mi"],
  [30, "Gi"],
  [40, "Ti"],
  [50, "Pi"],
  [60, "Ei"],
]);
const DEC_EXP_BY_SUFFIX: ReadonlyMap<string, number> = new Map([...DEC_SUFFIX_BY_EXP].map(([e, s]) => [s, e]));
const BIN_EXP_BY_SUFFIX: ReadonlyMap<string, number> = new Map([...BIN_SUFFIX_BY_EXP].map(([e, s]) => [s, e]));

/** Largest power of ten computed exactly; beyond it an operation throws RangeError instead of hanging. */
const MAX_POW10 = 100_000;

function pow10(n: number): bigint {
  if (n > MAX_POW10) throw new RangeError("quantity: value out of the exactly computable range");
  return 10n ** BigInt(n);
}

function fitsInt64(v: bigint): boolean {
  return v >= -INT64_MAX - 1n && v <= INT64_MAX;
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** Number of decimal digits of |v| (v != 0). */
function digitCount(v: bigint): number {
  return abs(v).toString().length;
}

/** Rounds n/d (d > 0) away from zero; returns [result, exact]. */
function divAwayFromZero(n: bigint, d: bigint): [bigint, boolean] {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return [q, true];
  return [n < 0n ? q - 1n : q + 1n, false];
}

/**
 * An immutable quantity: value = unscaled × 10^exp, plus the format used to print it. Create with
 * {@link parseQuantity} (or the new*Quantity helpers); arithmetic returns new instances.
 */
export class Quantity {
  /** @internal use parseQuantity / newQuantity */
  constructor(
    readonly unscaled: bigint,
    readonly exp: number,
    readonly format: QuantityFormat,
    /** The parsed string when Go keeps it verbatim (already canonical). */
    private readonly cached?: string,
    /**
     * Set when Go would hold this value as an inf.Dec (slow-path parse, int64 overflow in arithmetic): that
     * Dec's scale. Only observable through Go's rounding of negative values in ScaledValue.
     */
    readonly goDecScale?: number,
  ) {}

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.unscaled < 0n ? -1 : this.unscaled > 0n ? 1 : 0;
  }

  /** Quantity.String(): the canonical form ("1Gi", "500m", "100M", "1e3", "0"). */
  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.unscaled === 0n) return "0";
    let format: QuantityFormat = this.format;
    let rounded = 0n;
    if (format === "BinarySI") {
      if (this.cmp(newQuantity(-1024n)) > 0 && this.cmp(newQuantity(1024n)) < 0) {
        format = "DecimalSI";
      } else {
        const [r, exact] = this.roundedToScale(0);
        if (!exact) format = "DecimalSI";
        else rounded = r;
      }
    } else if (format !== "DecimalSI" && format !== "DecimalExponent") {
      format = "DecimalExponent";
    }
    if (format === "BinarySI") {
      let amount = abs(rounded);
      let times = 0;
      while (amount >= 1024n && amount % 1024n === 0n) {
        amount /= 1024n;
        times++;
      }
      const sign = rounded < 0n ? "-" : "";
      return sign + amount.toString() + (BIN_SUFFIX_BY_EXP.get(times * 10) ?? "");
    }
    let amount = this.unscaled;
    let e = this.exp;
    while (amount % 10n === 0n) {
      amount /= 10n;
      e++;
    }
    while (e % 3 !== 0) {
      amount *= 10n;
      e--;
    }
    let suffix: string;
    if (format === "DecimalSI") suffix = DEC_SUFFIX_BY_EXP.get(e) ?? "";
    else suffix = e === 0 ? "" : "e" + e;
    return amount.toString() + suffix;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Value rounded (away from zero) to a multiple of 10^scale, as [integer mantissa at that scale, exact]. */
  private roundedToScale(scale: number): [bigint, boolean] {
    if (this.unscaled === 0n) return [0n, true];
    const shift = this.exp - scale;
    if (shift >= 0) return [this.unscaled * pow10(shift), true];
    // |value| < 10^scale: rounds to ±1 without computing a huge divisor.
    if (-shift > digitCount(this.unscaled)) return [this.unscaled < 0n ? -1n : 1n, false];
    return divAwayFromZero(this.unscaled, pow10(-shift));
  }

  /** Number(scaledValue(scale)) without building huge integers (±Infinity beyond float range). */
  private scaledNumber(scale: number): number {
    if (this.unscaled !== 0n && digitCount(this.unscaled) + this.exp - scale > 330) {
      return this.unscaled < 0n ? -Infinity : Infinity;
    }
    return Number(this.scaledValue(scale));
  }

  /** Quantity.Cmp: -1, 0 or 1. */
  cmp(y: Quantity): -1 | 0 | 1 {
    const sa = this.sign();
    const sb = y.sign();
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (sa === 0) return 0;
    // Same sign, both non-zero: compare magnitudes by order first (keeps huge exponents cheap).
    const ma = digitCount(this.unscaled) + this.exp;
    const mb = digitCount(y.unscaled) + y.exp;
    let magnitude: number;
    if (ma !== mb) magnitude = ma < mb ? -1 : 1;
    else {
      const e = Math.min(this.exp, y.exp);
      const a = abs(this.unscaled) * pow10(this.exp - e);
      const b = abs(y.unscaled) * pow10(y.exp - e);
      magnitude = a === b ? 0 : a < b ? -1 : 1;
    }
    return (sa < 0 ? -magnitude : magnitude) as -1 | 0 | 1;
  }

  equals(y: Quantity): boolean {
    return this.cmp(y) === 0;
  }

  /** Quantity.Add: exact sum; a zero receiver takes y's format. */
  add(y: Quantity): Quantity {
    const format = this.isZero() ? y.format : this.format;
    if (this.goDecScale === undefined && y.goDecScale === undefined) {
      // int64Amount.Add: zero operands short-circuit; otherwise exact while everything fits an int64.
      if (y.unscaled === 0n) return new Quantity(this.unscaled, this.exp, format);
      if (this.unscaled === 0n) return new Quantity(y.unscaled, y.exp, format);
      const e = Math.min(this.exp, y.exp);
      if (Math.max(this.exp, y.exp) - e <= 19) {
        const a = this.unscaled * pow10(this.exp - e);
        const b = y.unscaled * pow10(y.exp - e);
        if (fitsInt64(a) && fitsInt64(b) && fitsInt64(a + b)) return new Quantity(a + b, e, format);
      }
    }
    // inf.Dec addition: exact, at the larger of the two Dec scales.
    const e = Math.min(this.exp, y.exp);
    const sum = this.unscaled * pow10(this.exp - e) + y.unscaled * pow10(y.exp - e);
    const decScale = Math.max(this.goDecScale ?? -this.exp, y.goDecScale ?? -y.exp);
    return new Quantity(sum, e, format, undefined, decScale);
  }

  /** Quantity.Sub: exact difference; a zero receiver takes y's format. */
  sub(y: Quantity): Quantity {
    return this.add(y.neg());
  }

  /** Quantity.Neg. */
  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exp, this.format, undefined, this.goDecScale);
  }

  /** Quantity.Mul by an integer (exact). */
  mul(n: bigint | number): Quantity {
    const b = BigInt(n);
    const c = this.unscaled * b;
    if (this.goDecScale === undefined) {
      if (this.unscaled === 0n) return new Quantity(0n, this.exp, this.format);
      if (b === 0n) return new Quantity(0n, 0, this.format);
      // int64Amount.Mul: the product must fit, and so must its value at scale 0 (positive scale) or be an exact
      // integer there (negative scale); otherwise Go switches to inf.Dec.
      const ok =
        fitsInt64(c) &&
        (this.exp === 0 ||
          (this.exp > 0 && this.exp <= 19 && fitsInt64(c * pow10(this.exp))) ||
          (this.exp < 0 && (-this.exp > digitCount(c) ? false : c % pow10(-this.exp) === 0n)));
      if (ok) return new Quantity(c, this.exp, this.format);
    }
    return new Quantity(c, this.exp, this.format, undefined, this.goDecScale ?? -this.exp);
  }

  /** The same value printed in another format. */
  withFormat(format: QuantityFormat): Quantity {
    return new Quantity(this.unscaled, this.exp, format, undefined, this.goDecScale);
  }

  /**
   * Quantity.ScaledValue: ceil(q / 10^scale) as an exact BigInt (Go's int64 overflows for huge values; nothing
   * wraps here). Negative values follow Go per representation: away from zero for int64-backed quantities;
   * for inf.Dec-backed ones (e.g. parsed via the slow path) Go truncates and then adds one when inexact.
   */
  scaledValue(scale: number): bigint {
    if (this.goDecScale === undefined || this.unscaled >= 0n) return this.roundedToScale(scale)[0];
    const shift = this.exp - scale;
    if (shift >= 0) return this.unscaled * pow10(shift);
    let q: bigint; // truncated toward zero
    let inexact: boolean;
    if (-shift > digitCount(this.unscaled)) {
      q = 0n;
      inexact = true;
    } else {
      const d = pow10(-shift);
      q = this.unscaled / d;
      inexact = this.unscaled % d !== 0n;
    }
    if (!inexact) return q;
    const dif = this.goDecScale + scale;
    // scale_int.go: int64 fast path (trunc + 1) when the divisor fits, big.Int DivMod (floor + 1) otherwise.
    return dif < 19 ? q + 1n : q;
  }

  /** Quantity.Value(): rounded up (away from zero) to an integer. */
  value(): number {
    return this.scaledNumber(0);
  }

  /** Quantity.MilliValue(): ceil(q × 1000). */
  milliValue(): number {
    return this.scaledNumber(-3);
  }

  /** Quantity.AsApproximateFloat64(). */
  toNumber(): number {
    return parseFloat(`${this.unscaled}e${this.exp}`);
  }

  /** Quantity.RoundUp(scale): the value rounded up (away from zero) to 10^scale, and whether that was exact. */
  roundUp(scale: number): { quantity: Quantity; exact: boolean } {
    const dec = this.goDecScale === undefined ? undefined : -scale;
    if (this.exp >= scale) return { quantity: new Quantity(this.unscaled, this.exp, this.format, undefined, dec), exact: true };
    const [v, exact] = this.roundedToScale(scale);
    return { quantity: new Quantity(v, scale, this.format, undefined, dec), exact };
  }
}

// ---------------------------------------------------------------- parsing

interface Parts {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

/** parseQuantityString: the fast scanner splitting sign, numerator, denominator and suffix. */
function parseQuantityString(str: string): Parts {
  const out: Parts = { positive: true, value: "", num: "", denom: "", suffix: "" };
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === "-") {
      out.positive = false;
      pos++;
    } else if (str[0] === "+") pos++;
  }
  // strip leading zeros
  for (let i = pos; ; i++) {
    if (i >= end) {
      out.num = "0";
      out.value = out.num;
      return out;
    }
    if (str[i] === "0") pos++;
    else break;
  }
  // numerator
  for (let i = pos; ; i++) {
    if (i >= end) {
      out.num = str.slice(pos, end);
      out.value = str.slice(0, end);
      return out;
    }
    if (!isDigit(str[i])) {
      out.num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (out.num.length === 0) out.num = "0";
  // denominator
  if (pos < end && str[pos] === ".") {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) {
        out.denom = str.slice(pos, end);
        out.value = str.slice(0, end);
        return out;
      }
      if (!isDigit(str[i])) {
        out.denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  out.value = str.slice(0, pos);
  // suffix
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) {
      out.suffix = str.slice(suffixStart, end);
      return out;
    }
    if (!"eEinumkKMGTP".includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) {
      out.suffix = str.slice(suffixStart, end);
      return out;
    }
    if (!isDigit(str[i])) break;
  }
  throw new QuantityParseError(ERR_QUANTITY_FORMAT);
}

/** quantitySuffixer.interpret. */
function interpretSuffix(s: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const d = DEC_EXP_BY_SUFFIX.get(s);
  if (d !== undefined) return { base: 10, exponent: d, format: "DecimalSI" };
  const b = BIN_EXP_BY_SUFFIX.get(s);
  if (b !== undefined) return { base: 2, exponent: b, format: "BinarySI" };
  if (s.length > 1 && (s[0] === "E" || s[0] === "e")) {
    const rest = s.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined; // strconv.ParseInt(rest, 10, 64)
    const parsed = BigInt(rest);
    if (parsed > INT64_MAX || parsed < -INT64_MAX - 1n) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: "DecimalExponent" };
  }
  return undefined;
}

/** inf.Dec.SetString: [+-]?digits[.digits] (at least one digit); value = unscaled × 10^-scale. */
function parseInfDec(s: string): { unscaled: bigint; scale: number } | undefined {
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(s);
  if (!m) return undefined;
  const intPart = m[2];
  const frac = m[3] ?? "";
  if (intPart.length + frac.length === 0) return undefined;
  let unscaled = BigInt((intPart + frac).replace(/^0+(?=.)/, "") || "0");
  if (m[1] === "-") unscaled = -unscaled;
  return { unscaled, scale: frac.length };
}

/**
 * resource.ParseQuantity. Throws QuantityParseError with Go's message:
 * `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
 * `unable to parse quantity's suffix` or `unable to parse numeric part of quantity`.
 * No surrounding whitespace is allowed (see {@link parseQuantityJson} for the JSON decoder's trimming).
 */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw new QuantityParseError(ERR_QUANTITY_FORMAT);
  if (str === "0") return new Quantity(0n, 0, "DecimalSI", "0");

  const { positive, value, num, denom, suffix } = parseQuantityString(str);
  const interp = interpretSuffix(suffix);
  if (!interp) throw new QuantityParseError(ERR_QUANTITY_SUFFIX);
  const { base, exponent } = interp;
  const format = interp.format;

  let precision: number;
  let scale: number;
  let mantissa = 1n;
  if (format === "BinarySI") {
    scale = 0;
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else precision = -1;
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }

  if (precision >= 0) {
    scale = (scale - denom.length) | 0; // int32 arithmetic, as in Go
    if (scale >= NANO) {
      const shifted = num + denom;
      const v = BigInt(shifted);
      let result = v * mantissa;
      if (result <= INT64_MAX) {
        if (!positive) result = -result;
        let keep: string | undefined;
        if (format === "BinarySI") {
          if (exponent % 10 === 0 && (v & 7n) !== 0n) keep = str;
        } else if (scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0") {
          keep = str;
        }
        return new Quantity(result, scale, format, keep);
      }
    }
  }

  // Slow path (inf.Dec in Go).
  const dec = parseInfDec(value);
  if (!dec) throw new QuantityParseError(ERR_QUANTITY_NUMERIC);
  let unscaled = dec.unscaled;
  let infScale = dec.scale;
  if (base === 10) infScale = (infScale + (-exponent | 0)) | 0;
  else unscaled *= 1n << BigInt(exponent);

  const negative = unscaled < 0n;
  let amount = abs(unscaled);
  let decScale = infScale; // the inf.Dec's scale as Go holds it
  // Round non-zero values up to nano precision (away from zero); Go's Round leaves the Dec at scale 9.
  if (amount !== 0n) {
    if (infScale > -NANO) {
      const drop = infScale + NANO;
      amount = drop > digitCount(amount) ? 1n : divAwayFromZero(amount, pow10(drop))[0];
      infScale = -NANO;
    }
    decScale = -NANO;
  }
  let fmt: QuantityFormat = format;
  if (fmt === "BinarySI" && new Quantity(amount, -infScale, fmt).cmp(MAX_ALLOWED) > 0) {
    amount = INT64_MAX;
    infScale = 0;
    decScale = 0;
  }
  const capped = new Quantity(amount, -infScale, fmt);
  if (fmt === "BinarySI" && capped.cmp(ONE) < 0 && capped.sign() > 0) fmt = "DecimalSI";
  return new Quantity(negative ? -amount : amount, -infScale, fmt, undefined, decScale);
}

const MAX_ALLOWED = new Quantity(INT64_MAX, 0, "DecimalSI");
const ONE = new Quantity(1n, 0, "DecimalSI");

/** Like parseQuantity but returns undefined instead of throwing. */
export function tryParseQuantity(str: string): Quantity | undefined {
  try {
    return parseQuantity(str);
  } catch (e) {
    if (e instanceof QuantityParseError) return undefined;
    throw e;
  }
}

/** The error message ParseQuantity gives for `str`, or undefined when it parses. */
export function quantityParseErrorOf(str: string): string | undefined {
  try {
    parseQuantity(str);
    return undefined;
  } catch (e) {
    if (e instanceof QuantityParseError) return e.message;
    throw e;
  }
}

/**
 * Quantity.UnmarshalJSON for an already-decoded JSON value: null gives the zero quantity, a string is trimmed of
 * surrounding whitespace, a number is parsed from its JS text (pass the raw JSON text instead when you have it:
 * Go sees e.g. `1e3`, JS only 1000). Throws QuantityParseError.
 */
export function parseQuantityJson(v: unknown): Quantity {
  if (v === null || v === undefined) return new Quantity(0n, 0, "DecimalSI");
  if (typeof v === "number") return parseQuantity(String(v));
  if (typeof v === "string") return parseQuantity(v.trim());
  throw new QuantityParseError(ERR_QUANTITY_FORMAT);
}

/** parse + String(): the canonical text of a quantity string (throws QuantityParseError). */
export function canonicalQuantity(str: string): string {
  return parseQuantity(str).toString();
}

// ---------------------------------------------------------------- constructors and free-function API

/** resource.NewQuantity(value, format). */
export function newQuantity(value: bigint | number, format: QuantityFormat = "DecimalSI"): Quantity {
  return new Quantity(BigInt(value), 0, format);
}

/** resource.NewMilliQuantity(value, format): value/1000. */
export function newMilliQuantity(value: bigint | number, format: QuantityFormat = "DecimalSI"): Quantity {
  return new Quantity(BigInt(value), -3, format);
}

/** resource.NewScaledQuantity(value, scale): value × 10^scale, DecimalSI. */
export function newScaledQuantity(value: bigint | number, scale: number): Quantity {
  return new Quantity(BigInt(value), scale, "DecimalSI");
}

/** Accepts a Quantity or a quantity string. */
export type QuantityLike = Quantity | string;

function q(x: QuantityLike): Quantity {
  return typeof x === "string" ? parseQuantity(x) : x;
}

/** Quantity.String(). */
export function quantityToString(x: QuantityLike): string {
  return q(x).toString();
}

/** Quantity.Cmp. */
export function compareQuantities(a: QuantityLike, b: QuantityLike): -1 | 0 | 1 {
  return q(a).cmp(q(b));
}

/** Quantity.Add. */
export function addQuantities(a: QuantityLike, b: QuantityLike): Quantity {
  return q(a).add(q(b));
}

/** Quantity.Sub. */
export function subtractQuantities(a: QuantityLike, b: QuantityLike): Quantity {
  return q(a).sub(q(b));
}

/** Sum of quantities (zero, DecimalSI, when empty), formats as repeated Quantity.Add gives them. */
export function sumQuantities(xs: Iterable<QuantityLike>): Quantity {
  let acc = new Quantity(0n, 0, "DecimalSI");
  for (const x of xs) acc = acc.add(q(x));
  return acc;
}

/** Quantity.MilliValue() as a number (e.g. "100m" -> 100, "1" -> 1000, "1Ki" -> 1024000). */
export function toMilli(x: QuantityLike): number {
  return q(x).milliValue();
}

/** Quantity.AsApproximateFloat64() ("1.5Gi" -> 1610612736, "250m" -> 0.25). */
export function toNumber(x: QuantityLike): number {
  return q(x).toNumber();
}

/** Quantity.Value(): rounded up to an integer ("100m" -> 1). */
export function quantityValue(x: QuantityLike): number {
  return q(x).value();
}
