import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitRatioOfTotals, toFraction } from "../../src/demo/ratio-of-totals.js";

describe("toFraction", () => {
  it("reduces decimals", () => {
    expect(toFraction(0.104)).toEqual({ numerator: 13, denominator: 125 });
    expect(toFraction(0.5)).toEqual({ numerator: 1, denominator: 2 });
    expect(() => toFraction(1.5)).toThrow(/toFraction/);
  });
});

describe("fitRatioOfTotals", () => {
  it("follows its documented example", () => {
    expect(
      fitRatioOfTotals(
        [
          { staff: 120, members: 10 },
          { staff: 5, members: 0 },
        ],
        0.104,
      ),
    ).toEqual([
      { staff: 120, members: 13 },
      { staff: 5, members: 0 },
    ]);
  });

  const headcounts = fc.array(
    fc.integer({ min: 1, max: 300 }).chain((staff) => fc.record({ staff: fc.constant(staff), members: fc.integer({ min: 0, max: Math.min(staff, 40) }) })),
    { minLength: 30, maxLength: 200 },
  );

  it("hits the ratio exactly while keeping 0 ≤ members ≤ staff, staff never lower, and member-less organisations without members", () => {
    fc.assert(
      fc.property(headcounts, (counts) => {
        fc.pre(counts.some((c) => c.members > 0));
        const fitted = fitRatioOfTotals(counts, 0.104);
        const staff = fitted.reduce((a, c) => a + c.staff, 0);
        const members = fitted.reduce((a, c) => a + c.members, 0);
        expect(members * 125).toBe(staff * 13);
        fitted.forEach((c, i) => {
          expect(c.members).toBeGreaterThanOrEqual(0);
          expect(c.members).toBeLessThanOrEqual(c.staff);
          expect(c.staff - counts[i].staff).toBeGreaterThanOrEqual(0);
          // At most 124 people of padding, spread over the 40 largest organisations.
          expect(c.staff - counts[i].staff).toBeLessThanOrEqual(Math.ceil(124 / Math.min(40, counts.length)));
        });
        // Organisations only lose or gain their first member when nothing else can move.
        const untouched = counts.every((c, i) => (c.members === 0) === (fitted[i].members === 0));
        const target = (staff * 13) / 125;
        const capacity = fitted.reduce((a, c, i) => a + (counts[i].members > 0 ? c.staff : 0), 0);
        const withMembers = counts.filter((c) => c.members > 0).length;
        if (capacity >= target && withMembers <= target) expect(untouched).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
