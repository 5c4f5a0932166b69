import { betaQuantile } from "./beta-quantile.js";

/** The standard error of a mean and its Student-t interval. */
export interface MeanInterval {
  se: number;
  ci: { lower: number; upper: number; method: "student-t"; level: number; df: number };
}

/**
 * Standard error s/√n of a sample mean and its two-sided Student-t interval
 * mean ± t(1 − α/2, n − 1)·se, for simple random sampling. The t quantile comes from the
 * beta distribution: for T with ν degrees of freedom, P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2).
 * Reference: Cochran, Sampling Techniques, 3rd ed. (1977), §2.5; Abramowitz & Stegun
 * 26.7.1 (t through the incomplete beta function).
 *
 * @param mean the sample mean
 * @param sd the sample standard deviation (n − 1 in the denominator)
 * @param n the number of values, ≥ 2
 * @param level the interval's coverage, in (0, 1)
 * @returns se and ci, or null when n < 2 or sd is null (no spread to estimate)
 * @throws {Error} when the level is outside (0, 1) or sd is negative
 * @example
 * meanInterval(10, 2, 10)?.ci.upper; // => 11.43071…
 */
export function meanInterval(mean: number, sd: number | null, n: number, level = 0.95): MeanInterval | null {
  if (!(level > 0 && level < 1)) throw new Error(`meanInterval: level must be in (0, 1), got ${level}`);
  if (sd !== null && !(sd >= 0)) throw new Error(`meanInterval: sd must be ≥ 0, got ${sd}`);
  if (sd === null || !(n >= 2)) return null;
  const df = n - 1;
  const se = sd / Math.sqrt(n);
  const x = betaQuantile(1 - level, df / 2, 0.5);
  const t = Math.sqrt((df * (1 - x)) / x);
  return { se, ci: { lower: mean - t * se, upper: mean + t * se, method: "student-t", level, df } };
}
