import { mean as arithmeticMean, sampleStandardDeviation } from "simple-statistics";
import { quantileSorted } from "./quantile-sorted.js";

/**
 * What one SQL query returns for a numeric question (per group):
 * `count(x), avg(x), stddev_samp(x), min(x), max(x),
 *  percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY x)`.
 * Instead of `mean`/`sd` you may pass `sum` and `sumOfSquares` (Σx, Σx²); the
 * variance is then (Σx² − (Σx)²/n)/(n − 1), which loses digits when the mean is large
 * against the spread, so prefer `stddev_samp`.
 */
export interface NumericAggregates {
  n: number;
  mean?: number;
  sd?: number | null;
  sum?: number;
  sumOfSquares?: number;
  min: number;
  max: number;
  /** [q1, median, q3] from percentile_cont (type 7). */
  quartiles: [number, number, number];
}

export interface NumericSummary {
  n: number;
  missing: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** How the quartiles are defined. */
  quantileDefinition: "type 7 (R default) = PostgreSQL percentile_cont";
}

const DEFINITION = "type 7 (R default) = PostgreSQL percentile_cont" as const;

/**
 * n, mean, standard deviation (n − 1 denominator), quartiles and extremes of a numeric
 * question, from plain values (small groups) or from SQL aggregates. Quartiles are
 * type 7 (`quantileSorted`), the definition of PostgreSQL's percentile_cont.
 * From plain values, mean and standard deviation come from simple-statistics (a compensated
 * sum and a two-pass variance, as R's `mean` and `sd`).
 * Reference: Hyndman & Fan (1996).
 *
 * @param input values (NaN/null-free) or `NumericAggregates`
 * @param missing respondents without a value, reported as is
 * @returns the summary; statistics are null when n = 0 (sd also when n = 1)
 * @throws {Error} on non-finite values or inconsistent aggregates
 * @example
 * numericSummary([3, 1, 4, 1, 5]).median; // => 3
 */
export function numericSummary(input: readonly number[] | NumericAggregates, missing = 0): NumericSummary {
  if (Array.isArray(input)) return fromValues(input as readonly number[], missing);
  const a = input as NumericAggregates;
  if (!Number.isInteger(a.n) || a.n < 0) throw new Error(`numericSummary: n must be a non-negative integer, got ${a.n}`);
  if (a.n === 0) return empty(missing);
  let mean = a.mean;
  let sd = a.sd ?? null;
  if (mean === undefined) {
    if (a.sum === undefined) throw new Error("numericSummary: aggregates need mean or sum");
    mean = a.sum / a.n;
  }
  if (a.sd === undefined && a.sumOfSquares !== undefined && a.sum !== undefined && a.n > 1) {
    sd = Math.sqrt(Math.max(0, (a.sumOfSquares - (a.sum * a.sum) / a.n) / (a.n - 1)));
  }
  const [q1, median, q3] = a.quartiles;
  if (!(a.min <= q1 && q1 <= median && median <= q3 && q3 <= a.max)) {
    throw new Error("numericSummary: need min <= q1 <= median <= q3 <= max");
  }
  return { n: a.n, missing, mean, sd: a.n > 1 ? sd : null, min: a.min, q1, median, q3, max: a.max, quantileDefinition: DEFINITION };
}

function fromValues(values: readonly number[], missing: number): NumericSummary {
  if (values.some((v) => typeof v !== "number" || !Number.isFinite(v))) {
    throw new Error("numericSummary: values must be finite numbers");
  }
  if (values.length === 0) return empty(missing);
  const sorted = [...values].sort((x, y) => x - y);
  const n = sorted.length;
  return {
    n,
    missing,
    mean: arithmeticMean(sorted),
    sd: n > 1 ? sampleStandardDeviation(sorted) : null,
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[n - 1],
    quantileDefinition: DEFINITION,
  };
}

function empty(missing: number): NumericSummary {
  return { n: 0, missing, mean: null, sd: null, min: null, q1: null, median: null, q3: null, max: null, quantileDefinition: DEFINITION };
}
