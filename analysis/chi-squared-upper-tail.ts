import { regularizedGamma } from "./regularized-gamma.js";

/**
 * Upper tail P(X ≥ x) of the χ² distribution with `df` degrees of freedom: the
 * p-value of a χ² statistic. Equals Q(df/2, x/2) (regularized upper incomplete gamma).
 * Own code: simple-statistics has only a table of χ² critical values, no distribution function.
 * Reference: Abramowitz & Stegun (1964), 26.4.19.
 *
 * @param x statistic, ≥ 0
 * @param df degrees of freedom, > 0 (need not be an integer)
 * @returns the upper-tail probability
 * @throws {Error} when df ≤ 0 or x is NaN
 * @example
 * chiSquaredUpperTail(3.841458820694124, 1); // => 0.05 (to 1e-15)
 */
export function chiSquaredUpperTail(x: number, df: number): number {
  if (!(df > 0) || Number.isNaN(x)) {
    throw new Error(`chiSquaredUpperTail: need df > 0 and a numeric x, got x=${x}, df=${df}`);
  }
  if (x <= 0) return 1;
  return regularizedGamma(df / 2, x / 2).q;
}
