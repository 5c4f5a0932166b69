import { quantileSorted as interpolatedQuantile } from "simple-statistics";

/**
 * Quantile of sorted data by linear interpolation between order statistics:
 * h = (n − 1)p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]). This is Hyndman & Fan's
 * type 7, R's default `quantile(type = 7)`, and exactly what PostgreSQL's
 * `percentile_cont(p) WITHIN GROUP (ORDER BY x)` computes, so quartiles computed in SQL
 * and here agree. simple-statistics computes it (its `quantileSorted` is type 7 in 7.12); this
 * wrapper checks the input and names itself in errors, as every function here does.
 * Reference: Hyndman, R. J. & Fan, Y. (1996), "Sample quantiles in statistical
 * packages", Amer. Statist. 50(4), 361–365.
 *
 * @param sorted values in ascending order, at least one
 * @param p probability in [0, 1]
 * @returns the p-quantile
 * @throws {Error} on empty input or p outside [0, 1]
 * @example
 * quantileSorted([1, 2, 3, 4], 0.25); // => 1.75
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("quantileSorted: no values");
  if (!(p >= 0 && p <= 1)) throw new Error(`quantileSorted: p must be in [0, 1], got ${p}`);
  return interpolatedQuantile(sorted as number[], p);
}
