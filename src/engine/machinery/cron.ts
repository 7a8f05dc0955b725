// Cron schedules as the CronJob API validates and the CronJob controller runs them: a port of
// github.com/robfig/cron/v3's ParseStandard (five fields — minute hour day-of-month month day-of-week —
// or a descriptor: @yearly @annually @monthly @weekly @daily @midnight @hourly @every <duration>) with
// its exact error strings (the API server puts them after `spec.schedule: Invalid value: "...": `), and
// SpecSchedule.Next / ConstantDelaySchedule.Next for the next fire time.
//
// Time zones: UTC by default. An IANA zone (CronJob spec.timeZone) is honoured through Intl's zone data
// (wall-clock search, then mapped back to an instant); around DST transitions the result may differ from
// Go's by the shifted hour. Schedules with a `TZ=`/`CRON_TZ=` prefix are parsed for the zone as robfig
// does, but the API server rejects them on create anyway.
import { parseGoDuration } from "./duration";

export class CronParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CronParseError";
  }
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** One field: which values match, and whether it was written as `*`/`?` (robfig's starBit). */
export interface CronField {
  values: boolean[];
  star: boolean;
}

export type CronSchedule =
  | {
      kind: "spec";
      second: CronField;
      minute: CronField;
      hour: CronField;
      dom: CronField;
      month: CronField;
      dow: CronField;
      /** Zone given in the spec with TZ=/CRON_TZ=, if any. */
      timeZone?: string;
    }
  | { kind: "every"; everyMs: number };

/** Go's strconv.Atoi error text. */
function atoi(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 9223372036854775807) {
    throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  }
  return n;
}

function mustParseInt(expr: string): number {
  const num = atoi(expr);
  if (num < 0) throw new CronParseError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  if (names) {
    const v = names[expr.toLowerCase()];
    if (v !== undefined) return v;
  }
  return mustParseInt(expr);
}

function getRange(expr: string, r: Bounds, into: CronField): void {
  const rangeAndStep = expr.split("/");
  const lowAndHigh = rangeAndStep[0].split("-");
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let step: number;
  let star = false;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    switch (lowAndHigh.length) {
      case 1:
        end = start;
        break;
      case 2:
        end = parseIntOrName(lowAndHigh[1], r.names);
        break;
      default:
        throw new CronParseError(`too many hyphens: ${expr}`);
    }
  }
  switch (rangeAndStep.length) {
    case 1:
      step = 1;
      break;
    case 2:
      step = mustParseInt(rangeAndStep[1]);
      // "N/step" means "N-max/step".
      if (singleDigit) end = r.max;
      if (step > 1) star = false;
      break;
    default:
      throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let i = start; i <= end; i += step) into.values[i] = true;
  if (star) into.star = true;
}

function getField(field: string, r: Bounds): CronField {
  const out: CronField = { values: new Array(r.max + 1).fill(false), star: false };
  for (const expr of field.split(",").filter((s) => s !== "")) getRange(expr, r, out);
  return out;
}

function allOf(r: Bounds, star: boolean): CronField {
  const values = new Array(r.max + 1).fill(false);
  for (let i = r.min; i <= r.max; i++) values[i] = true;
  return { values, star };
}

function only(r: Bounds, v: number): CronField {
  const values = new Array(r.max + 1).fill(false);
  values[v] = true;
  return { values, star: false };
}

function parseDescriptor(descriptor: string): CronSchedule {
  const spec = (second: CronField, minute: CronField, hour: CronField, dom: CronField, month: CronField, dow: CronField): CronSchedule => ({
    kind: "spec",
    second,
    minute,
    hour,
    dom,
    month,
    dow,
  });
  switch (descriptor) {
    case "@yearly":
    case "@annually":
      return spec(only(SECONDS, 0), only(MINUTES, 0), only(HOURS, 0), only(DOM, 1), only(MONTHS, 1), allOf(DOW, true));
    case "@monthly":
      return spec(only(SECONDS, 0), only(MINUTES, 0), only(HOURS, 0), only(DOM, 1), allOf(MONTHS, true), allOf(DOW, true));
    case "@weekly":
      return spec(only(SECONDS, 0), only(MINUTES, 0), only(HOURS, 0), allOf(DOM, true), allOf(MONTHS, true), only(DOW, 0));
    case "@daily":
    case "@midnight":
      return spec(only(SECONDS, 0), only(MINUTES, 0), only(HOURS, 0), allOf(DOM, true), allOf(MONTHS, true), allOf(DOW, true));
    case "@hourly":
      return spec(only(SECONDS, 0), only(MINUTES, 0), allOf(HOURS, true), allOf(DOM, true), allOf(MONTHS, true), allOf(DOW, true));
  }
  const every = "@every ";
  if (descriptor.startsWith(every)) {
    let d: number;
    try {
      d = parseGoDuration(descriptor.slice(every.length));
    } catch (e) {
      throw new CronParseError(`failed to parse duration ${descriptor}: ${(e as Error).message}`);
    }
    // cron.Every: at least one second, rounded down to whole seconds.
    if (d < 1000) d = 1000;
    return { kind: "every", everyMs: d - (d % 1000) };
  }
  throw new CronParseError(`unrecognized descriptor: ${descriptor}`);
}

/** Go's strings.Fields. */
function goFields(s: string): string[] {
  return s.split(/[\t\n\v\f\r \u0085\u00a0]+/).filter((x) => x !== "");
}

/**
 * cron.ParseStandard. Throws CronParseError whose message is robfig's error string, e.g.
 * `expected exactly 5 fields, found 1: [x]` or `end of range (60) above maximum (59): 60`.
 */
export function parseCronSchedule(spec: string): CronSchedule {
  if (spec.length === 0) throw new CronParseError("empty spec string");
  let timeZone: string | undefined;
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const i = spec.indexOf(" ");
    const eq = spec.indexOf("=");
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    if (!isValidTimeZone(name)) throw new CronParseError(`provided bad location ${name}: unknown time zone ${name}`);
    timeZone = name;
    spec = i < 0 ? "" : spec.slice(i).trim();
  }
  if (spec.startsWith("@")) {
    const s = parseDescriptor(spec);
    return s.kind === "spec" && timeZone ? { ...s, timeZone } : s;
  }
  const fields = goFields(spec);
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  return {
    kind: "spec",
    second: only(SECONDS, 0),
    minute: getField(fields[0], MINUTES),
    hour: getField(fields[1], HOURS),
    dom: getField(fields[2], DOM),
    month: getField(fields[3], MONTHS),
    dow: getField(fields[4], DOW),
    ...(timeZone ? { timeZone } : {}),
  };
}

/** The parse error message for a schedule, or undefined when it parses. */
export function cronScheduleError(spec: string): string | undefined {
  try {
    parseCronSchedule(spec);
    return undefined;
  } catch (e) {
    if (e instanceof CronParseError) return e.message;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Time zones (via Intl; "UTC" and undefined need no zone data)

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the IANA zone name (Go's time.LoadLocation succeeding). */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === "UTC" || timeZone === "") return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the zone from UTC at an instant, in ms (wall = instant + offset). */
export function zoneOffsetMs(timeZone: string | undefined, instantMs: number): number {
  if (!timeZone || timeZone === "UTC") return 0;
  const parts = formatterFor(timeZone).formatToParts(new Date(Math.floor(instantMs / 1000) * 1000));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instantMs / 1000) * 1000;
}

// ---------------------------------------------------------------------------------------------
// Next fire time

const SECOND_MS = 1000;

function dayMatches(s: Extract<CronSchedule, { kind: "spec" }>, d: Date): boolean {
  const domMatch = s.dom.values[d.getUTCDate()] === true;
  const dowMatch = s.dow.values[d.getUTCDay()] === true;
  if (s.dom.star || s.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/**
 * The first fire time strictly after `afterMs` (epoch ms), or undefined when none falls within five
 * years (robfig returns the zero time then). `timeZone` is the CronJob's spec.timeZone (default UTC);
 * a TZ= prefix in the schedule takes precedence, as in robfig.
 */
export function nextCronTime(schedule: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  if (schedule.kind === "every") {
    // ConstantDelaySchedule.Next: t + delay, with t's sub-second part dropped.
    return Math.floor(afterMs / SECOND_MS) * SECOND_MS + schedule.everyMs;
  }
  const zone = schedule.timeZone ?? timeZone;
  // Work on wall-clock time represented as a UTC Date.
  const offset0 = zoneOffsetMs(zone, afterMs);
  let wall = Math.floor((afterMs + offset0) / SECOND_MS) * SECOND_MS + SECOND_MS; // the upcoming second
  let t = new Date(wall);
  let added = false;
  const yearLimit = t.getUTCFullYear() + 5;

  wrap: for (;;) {
    if (t.getUTCFullYear() > yearLimit) return undefined;

    while (!schedule.month.values[t.getUTCMonth() + 1]) {
      if (!added) {
        added = true;
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
      }
      t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds()));
      if (t.getUTCMonth() === 0) continue wrap;
    }

    while (!dayMatches(schedule, t)) {
      if (!added) {
        added = true;
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
      }
      t = new Date(t.getTime() + 86_400_000);
      if (t.getUTCDate() === 1) continue wrap;
    }

    while (!schedule.hour.values[t.getUTCHours()]) {
      if (!added) {
        added = true;
        t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours()));
      }
      t = new Date(t.getTime() + 3_600_000);
      if (t.getUTCHours() === 0) continue wrap;
    }

    while (!schedule.minute.values[t.getUTCMinutes()]) {
      if (!added) {
        added = true;
        t = new Date(Math.floor(t.getTime() / 60_000) * 60_000);
      }
      t = new Date(t.getTime() + 60_000);
      if (t.getUTCMinutes() === 0) continue wrap;
    }

    while (!schedule.second.values[t.getUTCSeconds()]) {
      if (!added) {
        added = true;
        t = new Date(Math.floor(t.getTime() / SECOND_MS) * SECOND_MS);
      }
      t = new Date(t.getTime() + SECOND_MS);
      if (t.getUTCSeconds() === 0) continue wrap;
    }
    break;
  }
  wall = t.getTime();
  if (!zone || zone === "UTC") return wall;
  // Map the wall-clock time back to an instant (two passes settle the offset away from transitions).
  let instant = wall - zoneOffsetMs(zone, wall - offset0);
  instant = wall - zoneOffsetMs(zone, instant);
  return instant <= afterMs ? instant + 3_600_000 : instant;
}

/** Convenience: parse and compute the next fire time; undefined for an invalid schedule. */
export function nextFireTime(spec: string, afterMs: number, timeZone?: string): number | undefined {
  let s: CronSchedule;
  try {
    s = parseCronSchedule(spec);
  } catch {
    return undefined;
  }
  return nextCronTime(s, afterMs, timeZone);
}

/**
 * The most recent fire time at or before `nowMs` and after `sinceMs` (the CronJob controller's
 * "most recent missed schedule"), with the number of fire times missed in that window (capped at
 * `cap`, the controller gives up past 100).
 */
export function mostRecentFireTime(
  schedule: CronSchedule,
  sinceMs: number,
  nowMs: number,
  timeZone?: string,
  cap = 101,
): { timeMs: number | undefined; missed: number } {
  let last: number | undefined;
  let missed = 0;
  let t = nextCronTime(schedule, sinceMs, timeZone);
  while (t !== undefined && t <= nowMs && missed < cap) {
    last = t;
    missed++;
    t = nextCronTime(schedule, t, timeZone);
  }
  return { timeMs: last, missed };
}
