import { describe, expect, it } from "vitest";
import { meanInterval } from "../../analysis/index.js";

// Student-t quantiles from the tables (R: qt(0.975, 9) = 2.262157, qt(0.975, 30) = 2.042272, qt(0.995, 4) = 4.604095).
describe("meanInterval", () => {
  it("is mean ± t·s/√n with the t quantile of n − 1 degrees of freedom", () => {
    const a = meanInterval(10, 2, 10);
    expect(a?.se).toBeCloseTo(2 / Math.sqrt(10), 14);
    expect((a!.ci.upper - 10) / a!.se).toBeCloseTo(2.262157, 6);
    expect(a!.ci.lower).toBeCloseTo(20 - a!.ci.upper, 12);
    expect(a!.ci).toMatchObject({ method: "student-t", level: 0.95, df: 9 });
    const b = meanInterval(0, 1, 31);
    expect(b!.ci.upper / b!.se).toBeCloseTo(2.042272, 6);
    const c = meanInterval(5, 3, 5, 0.99);
    expect((c!.ci.upper - 5) / c!.se).toBeCloseTo(4.604095, 6);
  });

  it("has no interval for one value or no spread estimate, and names itself on a bad level", () => {
    expect(meanInterval(3, null, 1)).toBeNull();
    expect(meanInterval(3, 0.5, 1)).toBeNull();
    expect(() => meanInterval(3, 1, 10, 1)).toThrow(/meanInterval/);
    expect(() => meanInterval(3, -1, 10)).toThrow(/meanInterval/);
  });
});
