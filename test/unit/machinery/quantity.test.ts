import { describe, expect, test } from "vitest";
import {
  ERR_QUANTITY_FORMAT,
  ERR_QUANTITY_NUMERIC,
  ERR_QUANTITY_SUFFIX,
  Quantity,
  QuantityParseError,
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  newMilliQuantity,
  newQuantity,
  newScaledQuantity,
  parseQuantity,
  parseQuantityJson,
  quantityParseErrorOf,
  quantityValue,
  subtractQuantities,
  sumQuantities,
  toMilli,
  toNumber,
  tryParseQuantity,
} from "../../../src/engine/machinery/quantity";

describe("parseQuantity + String(): canonical form", () => {
  test.each([
    // examples from the brief
    ["1000m", "1"],
    ["0.5", "500m"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["100M", "100M"],
    ["128974848", "128974848"],
    // zeros
    ["0", "0"],
    ["00", "0"],
    ["-0", "0"],
    ["0n", "0"],
    ["0u", "0"],
    ["0m", "0"],
    ["0Ki", "0"],
    ["0k", "0"],
    ["0Mi", "0"],
    ["0Ti", "0"],
    [".", "0"],
    ["-.", "0"],
    // binary suffixes
    ["1Ki", "1Ki"],
    ["8Ki", "8Ki"],
    ["7Mi", "7Mi"],
    ["6Gi", "6Gi"],
    ["5Ti", "5Ti"],
    ["4Pi", "4Pi"],
    ["3Ei", "3Ei"],
    ["100Ti", "100Ti"],
    ["307200Ki", "300Mi"],
    ["1025024Mi", "1001Gi"],
    ["1024Gi", "1Ti"],
    ["2048Ki", "2Mi"],
    ["1536Mi", "1536Mi"],
    ["0.5Mi", "512Ki"],
    [".001Ki", "1024m"],
    [".000001Ki", "1024u"],
    [".000000001Ki", "1024n"],
    [".000000000001Ki", "2n"],
    ["100.035Ki", "102435840m"],
    ["0.05Gi", "53687091200m"],
    ["9Ei", "9223372036854775807"], // capped at 2^63-1
    ["9223372036854775807Ki", "9223372036854775807"],
    // decimal suffixes
    ["5n", "5n"],
    ["4u", "4u"],
    ["3m", "3m"],
    ["9", "9"],
    ["8k", "8k"],
    ["50k", "50k"],
    ["7M", "7M"],
    ["6G", "6G"],
    ["40T", "40T"],
    ["2P", "2P"],
    ["1E", "1E"],
    ["12E", "12E"],
    ["1000", "1k"],
    ["1000M", "1G"],
    ["0.001T", "1G"],
    ["5000m", "5"],
    ["1000u", "1m"],
    ["1.08", "1080m"],
    ["1080000000n", "1080m"],
    ["9.01", "9010m"],
    ["8.1k", "8100"],
    ["0.001", "1m"],
    ["0.0005k", "500m"],
    [".001", "1m"],
    [".0001k", "100m"],
    ["0.1m", "100u"],
    ["100m", "100m"],
    ["250m", "250m"],
    ["1500m", "1500m"],
    ["2000m", "2"],
    // rounding up to nano
    ["3.001n", "4n"],
    ["0.9n", "1n"],
    ["0.0000000001", "1n"],
    ["0.00000012345", "124n"],
    ["-0.00000012345", "-124n"],
    // decimal exponents
    ["1e3", "1e3"],
    ["1E6", "1E6"],
    ["1E-3", "1E-3"],
    ["1e14", "100e12"],
    ["1e13", "10e12"],
    ["1.2e3", "1200"],
    ["1.3E+6", "1300e3"],
    ["0.5e0", "500e-3"],
    [".001e12", "1e9"],
    ["0.001e0", "1e-3"],
    ["1000e-12", "1e-9"],
    ["1.1E-9", "2e-9"],
    ["1e1000000000", "10e999999999"],
    // strings Go already considers canonical are kept verbatim
    ["+1", "+1"],
    ["01", "01"],
    ["1.", "1."],
    ["1.G", "1.G"],
    ["100.035k", "100.035k"],
    ["7.123456M", "7.123456M"],
    ["-1Ki", "-1Ki"],
    // ... and Go's suffix table has no entry past E: the suffix is silently dropped
    ["1000E", "1"],
    // negatives
    ["-1", "-1"],
    ["-1024Mi", "-1Gi"],
    ["-0.5", "-500m"],
    ["-1.5Gi", "-1536Mi"],
  ])("%j -> %j", (input, want) => {
    expect(parseQuantity(input).toString()).toBe(want);
    expect(canonicalQuantity(input)).toBe(want);
  });
});

describe("parseQuantity: errors", () => {
  test.each([
    ["", ERR_QUANTITY_FORMAT],
    ["aoeu", ERR_QUANTITY_FORMAT],
    ["Non-Numeric", ERR_QUANTITY_FORMAT],
    ["1.1.M", ERR_QUANTITY_FORMAT],
    ["1+1.0M", ERR_QUANTITY_FORMAT],
    ["0.1am", ERR_QUANTITY_FORMAT],
    [" 1", ERR_QUANTITY_FORMAT],
    ["1 ", ERR_QUANTITY_FORMAT],
    ["1Gb", ERR_QUANTITY_FORMAT],
    ["0.1mi", ERR_QUANTITY_SUFFIX],
    [".5i", ERR_QUANTITY_SUFFIX],
    ["1i", ERR_QUANTITY_SUFFIX],
    ["-3.01i", ERR_QUANTITY_SUFFIX],
    ["-3.01e-", ERR_QUANTITY_SUFFIX],
    ["1e", ERR_QUANTITY_SUFFIX],
    ["1Ki1", ERR_QUANTITY_SUFFIX],
    ["1ee3", ERR_QUANTITY_SUFFIX],
    ["1mm", ERR_QUANTITY_SUFFIX],
    ["1e99999999999999999999", ERR_QUANTITY_SUFFIX],
    [".Ei", ERR_QUANTITY_NUMERIC],
  ])("%j -> %j", (input, message) => {
    expect(() => parseQuantity(input)).toThrow(new QuantityParseError(message));
    expect(quantityParseErrorOf(input)).toBe(message);
    expect(tryParseQuantity(input)).toBeUndefined();
  });

  test("the format error quotes the regular expression", () => {
    expect(ERR_QUANTITY_FORMAT).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe("formats", () => {
  test.each([
    ["1", "DecimalSI"],
    ["1k", "DecimalSI"],
    ["1Ki", "BinarySI"],
    ["1e3", "DecimalExponent"],
    ["0.000000000001Ki", "DecimalSI"], // below 1: becomes DecimalSI
    ["0.5Ki", "BinarySI"],
  ])("%j is %s", (input, format) => {
    expect(parseQuantity(input).format).toBe(format);
  });
});

describe("compare", () => {
  test.each([
    ["0", "0", 0],
    ["100m", "50m", 1],
    ["50m", "100m", -1],
    ["10000T", "100Gi", 1],
    ["1", "1000m", 0],
    ["1Ki", "1024", 0],
    ["1k", "1Ki", -1],
    ["-1", "1", -1],
    ["-2", "-1", -1],
    ["1e1000000000", "1", 1],
    ["1e1000000000", "2e1000000000", -1],
    ["-1e1000000000", "1n", -1],
    ["1n", "0", 1],
  ])("%s vs %s -> %i", (a, b, want) => {
    expect(compareQuantities(a, b)).toBe(want);
    expect(compareQuantities(b, a)).toBe(-want || 0);
  });
});

describe("arithmetic", () => {
  test.each([
    ["100m", "0", "100m"],
    ["0", "100m", "100m"],
    ["0", "1Gi", "1Gi"],
    ["1Gi", "0", "1Gi"],
    ["1Gi", "512Mi", "1536Mi"],
    ["1Gi", "1Gi", "2Gi"],
    ["1", "500m", "1500m"],
    ["100m", "900m", "1"],
    ["1Ki", "1k", "2024"], // BinarySI receiver: 2024 is not a multiple of 1024
    ["1k", "1Ki", "2024"],
    ["+1", "0", "1"], // arithmetic drops the verbatim string
    ["1e3", "1e3", "2e3"],
  ])("%s + %s = %s", (a, b, want) => {
    expect(addQuantities(a, b).toString()).toBe(want);
  });

  test.each([
    ["2Gi", "1Gi", "1Gi"],
    ["1", "1", "0"],
    ["0", "1Gi", "-1Gi"],
    ["1Gi", "0", "1Gi"],
    ["1", "250m", "750m"],
    ["100m", "1", "-900m"],
  ])("%s - %s = %s", (a, b, want) => {
    expect(subtractQuantities(a, b).toString()).toBe(want);
  });

  test("a zero receiver takes the other operand's format", () => {
    expect(addQuantities("0", "1Ki").format).toBe("BinarySI");
    expect(subtractQuantities("0", "1Ki").format).toBe("BinarySI");
    expect(addQuantities("1", "1Ki").format).toBe("DecimalSI");
  });

  test("sums are exact beyond float precision", () => {
    expect(sumQuantities(["9223372036854775807", "1"]).toString()).toBe("9223372036854775808");
    expect(sumQuantities(["4Ei", "4Ei"]).toString()).toBe("8Ei"); // 2^63: beyond int64
    expect(parseQuantity("8Ei").toString()).toBe("9223372036854775807"); // parsing caps BinarySI at 2^63-1
    expect(sumQuantities(Array.from({ length: 10 }, () => "100m")).toString()).toBe("1");
    expect(sumQuantities([]).toString()).toBe("0");
  });

  test("neg and mul", () => {
    expect(parseQuantity("9.01").neg().toString()).toBe("-9010m");
    expect(parseQuantity("10").mul(10).toString()).toBe("100");
    expect(parseQuantity("512Mi").mul(2).toString()).toBe("1Gi");
  });

  test("roundUp", () => {
    expect(parseQuantity("9.01").roundUp(-1)).toMatchObject({ exact: false });
    expect(parseQuantity("9.01").roundUp(-1).quantity.toString()).toBe("9100m");
    expect(parseQuantity("9.01").roundUp(0).quantity.toString()).toBe("10");
    expect(parseQuantity("-9.01").roundUp(0).quantity.toString()).toBe("-10");
    expect(parseQuantity("9.01").roundUp(-2)).toMatchObject({ exact: true });
  });
});

describe("numeric views", () => {
  test.each([
    ["100m", 100, 1, 0.1],
    ["1", 1000, 1, 1],
    ["1Ki", 1024000, 1024, 1024],
    ["1.5Gi", 1610612736000, 1610612736, 1610612736],
    ["250m", 250, 1, 0.25],
    ["1n", 1, 1, 1e-9],
    ["1500u", 2, 1, 0.0015],
    ["-1500u", -2, -1, -0.0015], // away from zero
    ["0", 0, 0, 0],
  ])("%s: milli=%d value=%d float=%d", (input, milli, value, float) => {
    expect(toMilli(input)).toBe(milli);
    expect(quantityValue(input)).toBe(value);
    expect(toNumber(input)).toBe(float);
  });

  // Verified against Go: values Go keeps as inf.Dec (slow-path parse, or int64 overflow/inexactness in
  // arithmetic) round negatives by truncating and adding one in ScaledValue.
  test.each([
    ["-6e-20", 1], // slow path (below nano): Go answers 1 for this negative value
    ["-1.5n", 1], // rounded to -2n first, then truncated + 1
    ["-1500u", -2], // int64 representation: away from zero
  ])("MilliValue of negative %s is %d, as in Go", (input, want) => {
    expect(toMilli(input)).toBe(want);
  });

  test("Mul switches to Go's inf.Dec when the int64 result is not exact", () => {
    expect(parseQuantity("-.49228").mul(10).milliValue()).toBe(-4921);
    expect(parseQuantity("-.4922").mul(10).milliValue()).toBe(-4922);
  });

  test("scaledValue is exact", () => {
    expect(parseQuantity("1").scaledValue(-9)).toBe(1_000_000_000n);
    expect(newScaledQuantity(1, 2).scaledValue(-2)).toBe(10_000n);
    expect(parseQuantity("1E").scaledValue(-9)).toBe(10n ** 27n);
    expect(parseQuantity("1e1000000000").value()).toBe(Infinity);
  });
});

describe("constructors", () => {
  test.each([
    [newQuantity(1), "1"],
    [newQuantity(1000), "1k"],
    [newQuantity(1234000), "1234k"],
    [newQuantity(1024, "BinarySI"), "1Ki"],
    [newQuantity(1024 * 1024, "BinarySI"), "1Mi"],
    [newQuantity(1000000, "DecimalExponent"), "1e6"],
    [newMilliQuantity(1), "1m"],
    [newMilliQuantity(1000), "1"],
    [newMilliQuantity(1234000), "1234"],
    [newMilliQuantity(1024, "BinarySI"), "1024m"],
    [newMilliQuantity(1024 * 1024, "BinarySI"), "1048576m"],
    [newMilliQuantity(1000000, "DecimalExponent"), "1e3"],
    [newScaledQuantity(1, -9), "1n"],
    [newScaledQuantity(1000, -9), "1u"],
    [newScaledQuantity(1000, -3), "1"],
    [newScaledQuantity(0, -9), "0"],
    [newQuantity(1025, "BinarySI"), "1025"],
    [newQuantity(5, "BinarySI"), "5"],
  ])("%s", (q: Quantity, want: string) => {
    expect(q.toString()).toBe(want);
    expect(JSON.stringify({ q })).toBe(JSON.stringify({ q: want }));
  });
});

describe("parseQuantityJson (UnmarshalJSON)", () => {
  test.each([
    [null, "0"],
    [" 100m ", "100m"],
    [2, "2"],
    [0.5, "500m"],
    ["1Gi", "1Gi"],
  ])("%j -> %j", (v, want) => {
    expect(parseQuantityJson(v).toString()).toBe(want);
  });

  test("objects are not quantities", () => {
    expect(() => parseQuantityJson({})).toThrow(ERR_QUANTITY_FORMAT);
  });
});
