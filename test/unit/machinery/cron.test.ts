import { describe, expect, it } from "vitest";
import { cronScheduleError, mostRecentFireTime, nextFireTime, parseCronSchedule } from "../../../src/engine/machinery/cron";

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe("cron parsing (robfig/cron ParseStandard)", () => {
  const ok = ["*/5 * * * *", "0 3 * * *", "0 0 1 1 *", "15 10 * * MON-FRI", "0 9 1-7 * 1", "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@every 90s", "0 0 ? * *", "1,2,3 * * jan,feb *"];
  for (const s of ok) it(`accepts ${s}`, () => expect(cronScheduleError(s)).toBeUndefined());

  const bad: Array<[string, string]> = [
    ["x", "expected exactly 5 fields, found 1: [x]"],
    ["* * * *", "expected exactly 5 fields, found 4: [* * * *]"],
    ["* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]"],
    ["60 * * * *", "end of range (60) above maximum (59): 60"],
    ["* 24 * * *", "end of range (24) above maximum (23): 24"],
    ["* * 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["* * * 13 *", "end of range (13) above maximum (12): 13"],
    ["* * * * 7", "end of range (7) above maximum (6): 7"],
    ["5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["a * * * *", 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ["1-2-3 * * * *", "too many hyphens: 1-2-3"],
    ["*/2/3 * * * *", "too many slashes: */2/3"],
    ["@every nope", 'failed to parse duration @every nope: time: invalid duration "nope"'],
    ["@fortnightly", "unrecognized descriptor: @fortnightly"],
  ];
  for (const [s, msg] of bad) it(`rejects ${s}`, () => expect(cronScheduleError(s)).toBe(msg));
});

describe("next fire time (UTC)", () => {
  const cases: Array<[string, string, string]> = [
    ["*/5 * * * *", "2025-01-01T12:02:30Z", "2025-01-01T12:05:00.000Z"],
    ["*/5 * * * *", "2025-01-01T12:05:00Z", "2025-01-01T12:10:00.000Z"],
    ["0 3 * * *", "2025-01-01T12:00:00Z", "2025-01-02T03:00:00.000Z"],
    ["@hourly", "2025-01-01T12:00:01Z", "2025-01-01T13:00:00.000Z"],
    ["0 0 29 2 *", "2025-01-01T00:00:00Z", "2028-02-29T00:00:00.000Z"],
    // Day-of-month and day-of-week both restricted: either matches (Vixie cron).
    ["0 9 13 * 5", "2025-01-01T00:00:00Z", "2025-01-03T09:00:00.000Z"],
    // With a star in one of them, both must match.
    ["0 9 * * 1", "2025-01-01T00:00:00Z", "2025-01-06T09:00:00.000Z"],
    ["@every 90s", "2025-01-01T12:00:00.500Z", "2025-01-01T12:01:30.000Z"],
  ];
  for (const [spec, after, want] of cases) it(`${spec} after ${after}`, () => expect(iso(nextFireTime(spec, at(after)))).toBe(want));

  it("gives up after five years", () => {
    expect(nextFireTime("0 0 30 2 *", at("2025-01-01T00:00:00Z"))).toBeUndefined();
  });

  it("honours an IANA time zone", () => {
    // 09:00 in New York is 14:00 UTC in January (EST).
    expect(iso(nextFireTime("0 9 * * *", at("2025-01-01T12:00:00Z"), "America/New_York"))).toBe("2025-01-01T14:00:00.000Z");
  });

  it("counts missed schedules", () => {
    const s = parseCronSchedule("*/10 * * * *");
    expect(mostRecentFireTime(s, at("2025-01-01T12:00:00Z"), at("2025-01-01T12:35:00Z"))).toEqual({ timeMs: at("2025-01-01T12:30:00Z"), missed: 3 });
  });
});
