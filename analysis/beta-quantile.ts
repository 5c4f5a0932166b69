import { regularizedBeta } from "./regularized-beta.js";

/**
 * Quantile of the Beta(a, b) distribution: the x with I_x(a, b) = p.
 *
 * Bisection on the monotone `regularizedBeta` until the bracket cannot shrink in
 * double precision; slow-ish (≈ 60 + log2(1/x) evaluations) but robust for the
 * fractional shapes that an effective sample size produces.
 * Own code: simple-statistics has no beta distribution.
 * Reference: Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions,
 * vol. 2, 2nd ed. (1995), ch. 25.
 *
 * @param p probability in [0, 1]
 * @param a first shape, > 0
 * @param b second shape, > 0
 * @returns the p-quantile
 * @throws {Error} when p is outside [0, 1] or a shape is not positive
 * @example
 * betaQuantile(0.5, 2, 2); // => 0.5
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(p >= 0 && p <= 1) || !(a > 0) || !(b > 0)) {
    throw new Error(`betaQuantile: need 0 <= p <= 1, a > 0, b > 0, got p=${p}, a=${a}, b=${b}`);
  }
  if (p === 0) return 0;
  if (p === 1) return 1;
  // Compare on the smaller tail so that p near 1 keeps its precision.
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    const value = regularizedBeta(mid, a, b);
    const below = upper ? value.q > target : value.p < target;
    if (below) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}
