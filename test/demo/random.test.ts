import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apportion } from "../../src/demo/apportion.js";
import { pickExactly } from "../../src/demo/exact-sample.js";
import { createRandom, mulberry32 } from "../../src/demo/random.js";
import { uuidV4 } from "../../src/lib/uuid.js";

describe("mulberry32 and createRandom", () => {
  it("gives the reference sequence of mulberry32 (Tommy Ettinger's generator, seed 1)", () => {
    expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15);
  });

  it("repeats itself for a seed and differs between seeds", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("keeps int, pick and pickDistinct within their contracts", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, lo, width) => {
        const random = createRandom(seed);
        const x = random.int(lo, lo + width);
        expect(x).toBeGreaterThanOrEqual(lo);
        expect(x).toBeLessThanOrEqual(lo + width);
        expect(random.pick(["a", "b"], [0, 1])).toBe("b");
        const distinct = random.pickDistinct(["a", "b", "c", "d"], [1, 2, 0, 3], 3);
        expect(new Set(distinct)).toEqual(new Set(["a", "b", "d"]));
      }),
    );
  });

  it("rejects a non-integer seed, naming itself", () => {
    expect(() => createRandom(1.5)).toThrow(/createRandom/);
  });
});

describe("pickExactly", () => {
  it("chooses exactly k cases and leans towards heavier weights", () => {
    const random = createRandom(3);
    const weights = Array.from({ length: 1000 }, (_, i) => (i < 500 ? 1 : 2));
    const chosen = pickExactly(random, weights, 400);
    expect(chosen.size).toBe(400);
    const heavy = [...chosen].filter((i) => i >= 500).length;
    expect(heavy).toBeGreaterThan(230);
  });

  it("refuses impossible requests", () => {
    expect(() => pickExactly(createRandom(1), [1, 1], 3)).toThrow(/pickExactly/);
    expect(() => pickExactly(createRandom(1), [1, 0], 1)).toThrow(/pickExactly/);
  });
});

describe("apportion", () => {
  it("splits the 1,812 respondents into the planned level sizes", () => {
    expect(apportion(1812, [0.05, 0.15, 0.2, 0.25, 0.35])).toEqual([91, 272, 362, 453, 634]);
  });

  it("always adds up to the total", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (n, shares) => {
        expect(apportion(n, shares).reduce((a, b) => a + b, 0)).toBe(n);
      }),
    );
  });
});

describe("uuidV4", () => {
  it("makes reproducible, distinct version-4 UUIDs", () => {
    const make = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5000 }, () => uuidV4(random.fill));
    };
    const ids = make(42);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(make(42)).toEqual(ids);
  });
});
