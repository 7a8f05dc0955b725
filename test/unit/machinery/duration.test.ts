import { describe, expect, test } from "vitest";
import { formatGoDuration, formatGoDurationNanos, humanDuration, shortHumanDuration } from "../../../src/engine/machinery/duration";

const ms = 1;
const s = 1000 * ms;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe("humanDuration (duration.HumanDuration)", () => {
  test.each([
    // examples from k8s duration_test.go
    [s, "1s"],
    [70 * s, "70s"],
    [190 * s, "3m10s"],
    [70 * m, "70m"],
    [47 * h, "47h"],
    [49 * h, "2d1h"],
    [(8 * 24 + 2) * h, "8d"],
    [367 * d, "367d"],
    [(365 * 2 * 24 + 25) * h, "2y1d"],
    [(365 * 8 * 24 + 2) * h, "8y"],
    // boundaries
    [-2 * s, "<invalid>"],
    [-2 * s + 1, "0s"],
    [-1.5 * s, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [59 * s, "59s"],
    [2 * m - ms, "119s"],
    [2 * m, "2m"],
    [2 * m + s, "2m1s"],
    [125 * s, "2m5s"],
    [10 * m - ms, "9m59s"],
    [10 * m, "10m"],
    [10 * m + s, "10m"],
    [15 * m, "15m"],
    [3 * h - ms, "179m"],
    [3 * h, "3h"],
    [3 * h + m, "3h1m"],
    [3 * h + 10 * m, "3h10m"],
    [5 * h, "5h"],
    [8 * h - ms, "7h59m"],
    [8 * h, "8h"],
    [8 * h + 59 * m, "8h"],
    [2 * d - ms, "47h"],
    [2 * d, "2d"],
    [2 * d + h, "2d1h"],
    [3 * d + 4 * h, "3d4h"],
    [8 * d - ms, "7d23h"],
    [8 * d, "8d"],
    [8 * d + 23 * h, "8d"],
    [12 * d, "12d"],
    [2 * y - ms, "729d"],
    [2 * y, "2y"],
    [2 * y + 23 * h + 59 * m, "2y"],
    [2 * y + d - ms, "2y"],
    [2 * y + d, "2y1d"],
    [2 * y + 3 * d, "2y3d"],
    [3 * y, "3y"],
    [7 * y, "7y"],
    [8 * y - ms, "7y364d"],
    [8 * y, "8y"],
    [8 * y + 364 * d, "8y"],
    [9 * y, "9y"],
  ])("%d ms -> %s", (input, want) => {
    expect(humanDuration(input)).toBe(want);
  });
});

describe("shortHumanDuration (duration.ShortHumanDuration)", () => {
  test.each([
    [-2 * s, "<invalid>"],
    [-2 * s + 1, "0s"],
    [0, "0s"],
    [s - ms, "0s"],
    [s, "1s"],
    [2 * s - ms, "1s"],
    [m - ms, "59s"],
    [m, "1m"],
    [2 * m - ms, "1m"],
    [h - ms, "59m"],
    [h, "1h"],
    [2 * h - ms, "1h"],
    [d - ms, "23h"],
    [d, "1d"],
    [2 * d - ms, "1d"],
    [y - ms, "364d"],
    [y, "1y"],
    [2 * y - ms, "1y"],
    [2 * y, "2y"],
  ])("%d ms -> %s", (input, want) => {
    expect(shortHumanDuration(input)).toBe(want);
  });
});

describe("formatGoDuration (time.Duration.String)", () => {
  test.each([
    [0, "0s"],
    [90 * s, "1m30s"],
    [2 * h, "2h0m0s"],
    [500, "500ms"],
    [1.5, "1.5ms"],
    [0.25, "250µs"],
    [0.000001, "1ns"],
    [1500, "1.5s"],
    [s, "1s"],
    [h + 500, "1h0m0.5s"],
    [-90 * s, "-1m30s"],
    [-1.5, "-1.5ms"],
    [100 * h + 2 * m + 3 * s + 4, "100h2m3.004s"],
    [59 * s + 999, "59.999s"],
  ])("%d ms -> %s", (input, want) => {
    expect(formatGoDuration(input)).toBe(want);
  });

  test("nanosecond input", () => {
    expect(formatGoDurationNanos(1n)).toBe("1ns");
    expect(formatGoDurationNanos(1_001n)).toBe("1.001µs");
    expect(formatGoDurationNanos(3_723_000_000_001n)).toBe("1h2m3.000000001s");
    expect(formatGoDurationNanos(-(2n ** 63n))).toBe("-2562047h47m16.854775808s");
  });
});

describe("non-finite input", () => {
  test.each([[Number.NaN], [Infinity], [-Infinity]])("%d -> <invalid>", (v) => {
    expect(humanDuration(v)).toBe("<invalid>");
    expect(shortHumanDuration(v)).toBe("<invalid>");
  });
});
