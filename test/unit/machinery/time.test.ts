import { describe, expect, test } from "vitest";
import { GO_ZERO_TIME_MS, parseRfc3339, rfc3339, rfc3339Micro } from "../../../src/engine/machinery/time";

const T = Date.UTC(2024, 0, 2, 3, 4, 5, 123); // 2024-01-02T03:04:05.123Z

describe("rfc3339 (metav1.Time)", () => {
  test.each([
    [0, "1970-01-01T00:00:00Z"],
    [T, "2024-01-02T03:04:05Z"],
    [T + 0.9, "2024-01-02T03:04:05Z"],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), "2024-02-29T23:59:59Z"],
    [-500, "1969-12-31T23:59:59Z"], // truncated toward the past, like Go
    [Date.UTC(1999, 11, 31), "1999-12-31T00:00:00Z"],
    [GO_ZERO_TIME_MS, "0001-01-01T00:00:00Z"],
    [Date.UTC(9999, 11, 31, 23, 59, 59), "9999-12-31T23:59:59Z"],
  ])("%d -> %s", (ms, want) => {
    expect(rfc3339(ms)).toBe(want);
  });
});

describe("rfc3339Micro (metav1.MicroTime)", () => {
  test.each([
    [0, "1970-01-01T00:00:00.000000Z"],
    [T, "2024-01-02T03:04:05.123000Z"],
    [T + 0.456, "2024-01-02T03:04:05.123456Z"],
    [T + 0.0002, "2024-01-02T03:04:05.123000Z"], // rounded to the nearest microsecond
    [T + 0.0009, "2024-01-02T03:04:05.123001Z"],
    [-1, "1969-12-31T23:59:59.999000Z"],
  ])("%d -> %s", (ms, want) => {
    expect(rfc3339Micro(ms)).toBe(want);
  });
});

describe("parseRfc3339 (time.Parse(time.RFC3339, ...))", () => {
  test.each([
    ["1970-01-01T00:00:00Z", 0],
    ["2024-01-02T03:04:05Z", T - 123],
    ["2024-01-02T03:04:05.123Z", T],
    ["2024-01-02T03:04:05.123000Z", T],
    ["2024-01-02T03:04:05.1234567891Z", T + 0.4567], // digits past nanoseconds are ignored
    ["2024-01-02T05:04:05+02:00", T - 123],
    ["2024-01-01T22:04:05-05:00", T - 123],
    ["2024-01-02T3:04:05Z", T - 123], // Go's lenient parser accepts a one-digit hour
    ["2024-01-02T03:04:05,123Z", T], // ... and a comma before the fraction
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["0001-01-01T00:00:00Z", GO_ZERO_TIME_MS],
    ["0050-06-01T00:00:00Z", -60576249600000], // years below 100 are not shifted to 19xx
  ])("%s -> %d", (input, want) => {
    const got = parseRfc3339(input);
    expect(got).toBeDefined();
    expect(got!).toBeCloseTo(want, 6);
  });

  test.each([
    [""],
    ["2024-01-02"],
    ["2024-01-02 03:04:05Z"],
    ["2024-01-02t03:04:05Z"],
    ["2024-01-02T03:04:05z"],
    ["2024-01-02T03:04:05"],
    ["2024-13-02T03:04:05Z"],
    ["2023-02-29T03:04:05Z"],
    ["2024-01-32T03:04:05Z"],
    ["2024-01-02T24:00:00Z"],
    ["2024-01-02T03:60:00Z"],
    ["2024-01-02T03:04:60Z"],
    ["2024-01-02T03:04:05.Z"],
    ["2024-01-02T03:04:05+0200"],
    ["2024-01-02T03:04:05+25:00"],
    ["24-01-02T03:04:05Z"],
    ["2024-01-02T03:04:05Z "],
  ])("%j is invalid", (input) => {
    expect(parseRfc3339(input)).toBeUndefined();
  });

  test("round trips", () => {
    for (const ms of [0, T - 123, 1e12, -1e12, GO_ZERO_TIME_MS]) expect(parseRfc3339(rfc3339(ms))).toBe(ms);
    expect(parseRfc3339(rfc3339Micro(T + 0.456))).toBeCloseTo(T + 0.456, 6);
    expect(rfc3339Micro(parseRfc3339("2024-01-02T03:04:05.123456Z")!)).toBe("2024-01-02T03:04:05.123456Z");
  });
});

describe("non-finite input", () => {
  test("throws RangeError", () => {
    expect(() => rfc3339(Number.NaN)).toThrow(RangeError);
    expect(() => rfc3339Micro(Infinity)).toThrow(RangeError);
  });
});
