import { describe, expect, test } from "vitest";
import { K8S_RAND_ALPHABET, Rng, generateName, hex, randomSuffix, safeEncodeString, uuid } from "../../../src/engine/machinery/rng";

describe("Rng", () => {
  test("the same seed gives the same sequence; different seeds differ", () => {
    const a = new Rng("sandbox-1");
    const b = new Rng("sandbox-1");
    const c = new Rng("sandbox-2");
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  test("numeric seeds behave like their string form", () => {
    expect(new Rng(42).state()).toBe(new Rng("42").state());
  });

  test("state() is a plain string that resumes the exact sequence", () => {
    const r = new Rng("resume");
    for (let i = 0; i < 7; i++) r.next();
    const saved = JSON.parse(JSON.stringify({ s: r.state() })).s as string;
    expect(saved).toMatch(/^sfc32:[0-9a-f]{32}$/);
    const resumed = new Rng(saved);
    expect(Array.from({ length: 10 }, () => resumed.nextUint32())).toEqual(Array.from({ length: 10 }, () => r.nextUint32()));
  });

  test("a fixed seed gives a fixed sequence (regression guard)", () => {
    const r = new Rng("kubeplay");
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    const again = new Rng("kubeplay");
    expect([again.nextUint32(), again.nextUint32(), again.nextUint32()]).toEqual(first);
    expect(new Rng("kubeplay").state()).toBe(new Rng("kubeplay").state());
  });

  test("next() is in [0, 1) and roughly uniform", () => {
    const r = new Rng("uniform");
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const n of buckets) expect(n).toBeGreaterThan(1700);
  });

  test("int(n) stays in range and covers it", () => {
    const r = new Rng("ints");
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(7);
      expect(Number.isInteger(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(7);
      seen.add(x);
    }
    expect(seen.size).toBe(7);
    expect(r.int(1)).toBe(0);
    const big = r.int(2 ** 40);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(2 ** 40);
  });

  test.each([[0], [-1], [1.5], [Number.NaN]])("int(%d) throws", (n) => {
    expect(() => new Rng("x").int(n)).toThrow(RangeError);
  });

  test("pick", () => {
    const r = new Rng("pick");
    const items = ["a", "b", "c"] as const;
    for (let i = 0; i < 50; i++) expect(items).toContain(r.pick(items));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  test("fork gives an independent, deterministic stream", () => {
    const a = new Rng("parent").fork("child");
    const b = new Rng("parent").fork("child");
    expect(a.state()).toBe(b.state());
    expect(new Rng("parent").fork("other").state()).not.toBe(a.state());
  });
});

describe("Kubernetes-flavoured helpers", () => {
  test("randomSuffix uses util/rand's alphabet", () => {
    expect(K8S_RAND_ALPHABET).toBe("bcdfghjklmnpqrstvwxz2456789");
    const r = new Rng("suffix");
    for (let i = 0; i < 100; i++) expect(randomSuffix(r)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(randomSuffix(r, 10)).toHaveLength(10);
    expect(randomSuffix(r, 0)).toBe("");
  });

  test("generateName appends 5 characters and keeps names within 63", () => {
    const r = new Rng("gen");
    expect(generateName(r, "web-")).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const long = generateName(r, "x".repeat(80));
    expect(long).toHaveLength(63);
    expect(long.startsWith("x".repeat(58))).toBe(true);
  });

  test("safeEncodeString maps characters onto the alphabet", () => {
    // '0' is 48: 48 % 27 = 21 -> '4'; '1' -> '5'; '9' (57 % 27 = 3) -> 'f'
    expect(safeEncodeString("0")).toBe("4");
    expect(safeEncodeString("019")).toBe("45f");
    expect(safeEncodeString("")).toBe("");
  });

  test("uuid is a v4 UUID", () => {
    const r = new Rng("uuid");
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const u = uuid(r);
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(u);
    }
    expect(seen.size).toBe(100);
  });

  test("hex", () => {
    const r = new Rng("hex");
    expect(hex(r, 4)).toMatch(/^[0-9a-f]{8}$/);
    expect(hex(r, 0)).toBe("");
  });
});
