// Isolate-wide memos forget what is not used and keep what is: at most twice their bound.
import { describe, expect, it } from "vitest";
import { GenerationalCache } from "../../../src/engine/machinery/generational-cache";

describe("GenerationalCache", () => {
  it("holds at most two generations of its bound", () => {
    const c = new GenerationalCache<number, string>(100);
    for (let i = 0; i < 10_000; i++) c.set(i, String(i));
    expect(c.size).toBeLessThanOrEqual(200);
    expect(c.get(9_999)).toBe("9999");
    expect(c.get(0)).toBeUndefined();
  });

  it("keeps an entry in use across turnovers", () => {
    const c = new GenerationalCache<string, number>(10);
    c.set("hot", 1);
    for (let i = 0; i < 1000; i++) {
      c.set(`cold${i}`, i);
      expect(c.get("hot")).toBe(1);
    }
    expect(c.get("cold0")).toBeUndefined();
  });

  it("weighs entries as told", () => {
    const c = new GenerationalCache<string, string>(1000, (k) => k.length);
    for (let i = 0; i < 100; i++) c.set("x".repeat(100) + i, "v");
    // 1,000 characters fill a generation: about ten entries in each of the two.
    expect(c.size).toBeLessThanOrEqual(22);
  });
});
