// Command-line flags the way kubectl parses them (spf13/pflag, as cobra drives it): long and
// shorthand forms, `--name=value` and `--name value`, grouped shorthands (`-it`), booleans that take
// no value, flags interspersed with arguments, `--` ending flags, and pflag's exact error messages.

import { goQuote } from "../machinery/strconv";
import { GoDurationError, parseGoDuration } from "../machinery/duration";

export type FlagType = "bool" | "string" | "int" | "int64" | "float64" | "duration" | "stringArray" | "stringSlice" | "stringToString";

export type FlagValue = string | number | boolean | string[] | Record<string, string>;

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** The default value (what an unset flag reads as). */
  default?: FlagValue;
  /** The help text, as kubectl prints it under "Options:". */
  usage: string;
  /** Value used when the flag is given without one (`--watch`, `-o` never). Booleans: "true". */
  noOptDefVal?: string;
  /** What help shows as the default when it is not the value's usual rendering. */
  defaultText?: string;
  /** Not listed in help (still parsed). */
  hidden?: boolean;
  /** pflag prints `Flag --x has been deprecated, <message>` on stderr when used. */
  deprecated?: string;
}

/** A usage error from parsing: kubectl prints `error: <message>` and where to find help. */
export class FlagError extends Error {}

export interface ParsedFlags {
  /** Values of flags the user set (after type conversion). */
  readonly set: Map<string, FlagValue>;
  /** Positional arguments, in order. */
  readonly args: string[];
  /** Index in `args` of the first argument after `--`, or -1 (cobra's ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  /** `-h`/`--help` was given. */
  readonly help: boolean;
  /** Deprecation warnings pflag prints while parsing. */
  readonly warnings: string[];
}

/** Reads flags with their defaults; typed accessors throw on a programming error (unknown name). */
export class Flags {
  private readonly specs = new Map<string, FlagSpec>();
  constructor(
    specs: readonly FlagSpec[],
    readonly parsed: ParsedFlags,
  ) {
    for (const s of specs) this.specs.set(s.name, s);
  }
  get args(): string[] {
    return this.parsed.args;
  }
  changed(name: string): boolean {
    return this.parsed.set.has(name);
  }
  private value(name: string): FlagValue | undefined {
    const spec = this.specs.get(name);
    if (!spec) throw new Error(`flag --${name} is not defined for this command`);
    return this.parsed.set.has(name) ? this.parsed.set.get(name) : spec.default;
  }
  string(name: string): string {
    const v = this.value(name);
    return v === undefined ? "" : String(v);
  }
  bool(name: string): boolean {
    return this.value(name) === true;
  }
  int(name: string): number {
    const v = this.value(name);
    return typeof v === "number" ? v : 0;
  }
  /** Durations are kept in milliseconds. */
  duration(name: string): number {
    return this.int(name);
  }
  strings(name: string): string[] {
    const v = this.value(name);
    return Array.isArray(v) ? v : [];
  }
  map(name: string): Record<string, string> {
    const v = this.value(name);
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  }
}

/** Parses argv against the flag specs, like pflag's FlagSet.Parse with interspersed arguments. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map<string, FlagSpec>();
  const byShort = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(s.name, s);
    if (s.shorthand) byShort.set(s.shorthand, s);
  }
  const set = new Map<string, FlagValue>();
  const args: string[] = [];
  const warnings: string[] = [];
  let help = false;
  let argsLenAtDash = -1;
  const assign = (spec: FlagSpec, value: string, shown: string) => {
    set.set(spec.name, convert(spec, value, set.get(spec.name), shown));
    if (spec.deprecated) warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
  };
  const rest = [...argv];
  while (rest.length) {
    const arg = rest.shift()!;
    if (arg.length < 2 || arg[0] !== "-") {
      args.push(arg);
      continue;
    }
    if (arg === "--") {
      argsLenAtDash = args.length;
      args.push(...rest);
      break;
    }
    if (arg.startsWith("--")) {
      const body = arg.slice(2);
      if (body.length === 0 || body[0] === "-" || body[0] === "=") throw new FlagError(`bad flag syntax: ${arg}`);
      const eq = body.indexOf("=");
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = byName.get(name);
      if (!spec) {
        if (name === "help") {
          help = true;
          continue;
        }
        throw new FlagError(`unknown flag: --${name}`);
      }
      const shown = spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
      if (eq >= 0) assign(spec, body.slice(eq + 1), shown);
      else if (noOptDefVal(spec) !== undefined) assign(spec, noOptDefVal(spec)!, shown);
      else if (rest.length) assign(spec, rest.shift()!, shown);
      else throw new FlagError(`flag needs an argument: ${arg}`);
      continue;
    }
    // Shorthands: `-n ns`, `-nns`, `-n=ns`, grouped booleans `-it`.
    let shorthands = arg.slice(1);
    while (shorthands.length) {
      const c = shorthands[0];
      const spec = byShort.get(c);
      if (!spec) {
        if (c === "h") {
          help = true;
          shorthands = shorthands.slice(1);
          continue;
        }
        throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      }
      const shown = `-${spec.shorthand}, --${spec.name}`;
      if (shorthands.length > 2 && shorthands[1] === "=") {
        assign(spec, shorthands.slice(2), shown);
        shorthands = "";
      } else if (noOptDefVal(spec) !== undefined) {
        assign(spec, noOptDefVal(spec)!, shown);
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        assign(spec, shorthands.slice(1), shown);
        shorthands = "";
      } else if (rest.length) {
        assign(spec, rest.shift()!, shown);
        shorthands = "";
      } else throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
    }
  }
  return { set, args, argsLenAtDash, help, warnings };
}

function noOptDefVal(spec: FlagSpec): string | undefined {
  return spec.noOptDefVal ?? (spec.type === "bool" ? "true" : undefined);
}

const invalid = (value: string, shown: string, why: string) => new FlagError(`invalid argument "${value}" for "${shown}" flag: ${why}`);

function convert(spec: FlagSpec, value: string, previous: FlagValue | undefined, shown: string): FlagValue {
  switch (spec.type) {
    case "bool": {
      const b = parseGoBool(value);
      if (b === undefined) throw invalid(value, shown, `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`);
      return b;
    }
    case "int":
    case "int64": {
      if (!/^[+-]?\d+$/.test(value)) throw invalid(value, shown, `strconv.ParseInt: parsing ${goQuote(value)}: invalid syntax`);
      const n = Number(value);
      const bits = spec.type === "int64" || spec.type === "int" ? 2 ** 63 : 2 ** 31;
      if (n >= bits || n < -bits) throw invalid(value, shown, `strconv.ParseInt: parsing ${goQuote(value)}: value out of range`);
      return n;
    }
    case "float64": {
      const n = Number(value);
      if (value.trim() === "" || !Number.isFinite(n)) throw invalid(value, shown, `strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax`);
      return n;
    }
    case "duration": {
      try {
        return parseGoDuration(value);
      } catch (e) {
        if (e instanceof GoDurationError) throw invalid(value, shown, e.message);
        throw e;
      }
    }
    case "string":
      return value;
    case "stringArray":
      return [...(Array.isArray(previous) ? previous : []), value];
    case "stringSlice":
      return [...(Array.isArray(previous) ? previous : []), ...(value === "" ? [] : splitCsv(value))];
    case "stringToString": {
      const out: Record<string, string> = { ...((previous as Record<string, string> | undefined) ?? {}) };
      for (const pair of value === "" ? [] : splitCsv(value)) {
        const eq = pair.indexOf("=");
        if (eq < 0) throw invalid(value, shown, `${pair} must be formatted as key=value`);
        out[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return out;
    }
  }
}

/** Go's strconv.ParseBool. */
export function parseGoBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** encoding/csv as pflag's stringSlice reads one value: commas split, double quotes group. */
function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
