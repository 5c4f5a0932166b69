import { regularizedBeta } from "./regularized-beta.js";

/**
 * Upper tail P(F ≥ f) of the F distribution with (d1, d2) degrees of freedom,
 * = I_{d2/(d2 + d1 f)}(d2/2, d1/2). Degrees of freedom need not be integers
 * (Rao–Scott uses fractional ones). Own code: simple-statistics has no F distribution.
 * Reference: Abramowitz & Stegun (1964), 26.6.2.
 *
 * @param f statistic, ≥ 0
 * @param d1 numerator degrees of freedom, > 0
 * @param d2 denominator degrees of freedom, > 0
 * @returns the upper-tail probability
 * @throws {Error} when a degree of freedom is not positive or f is NaN
 * @example
 * fUpperTail(1, 4, 4); // => 0.5
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(d1 > 0) || !(d2 > 0) || Number.isNaN(f)) {
    throw new Error(`fUpperTail: need d1 > 0, d2 > 0 and a numeric f, got f=${f}, d1=${d1}, d2=${d2}`);
  }
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  const denominator = d2 + d1 * f;
  return regularizedBeta(d2 / denominator, d2 / 2, d1 / 2, (d1 * f) / denominator).p;
}
