import { normalQuantile } from "./normal-quantile.js";
import type { ConfidenceInterval } from "./proportion-interval.js";

/**
 * Sufficient statistics of one group for a ratio of totals Σwy / Σwx, over the
 * respondents with both y and x present (w = 1 when unweighted):
 * `count(*), sum(w*x), sum(w*y), sum(w*w*x*x), sum(w*w*y*y), sum(w*w*x*y)`.
 */
export interface RatioAggregates {
  label?: string;
  n: number;
  sumWX: number;
  sumWY: number;
  sumW2X2: number;
  sumW2Y2: number;
  sumW2XY: number;
}

export interface RatioInput {
  /** One entry per group (a single entry for an overall ratio). */
  groups: RatioAggregates[];
  /**
   * Rows in the whole design (respondents after the filter, including those whose y
   * or x is missing and those of every group). Default: Σ n over the groups.
   */
  designSize?: number;
  /** Population size N for the finite population correction (1 − n/N). */
  populationSize?: number;
  /** Confidence level, default 0.95. */
  level?: number;
}

export interface RatioEstimate {
  label?: string;
  n: number;
  ratio: number | null;
  se: number | null;
  ci: ConfidenceInterval | null;
  numeratorTotal: number;
  denominatorTotal: number;
}

/**
 * Ratio of totals R̂ = Σwy/Σwx (e.g. party members / staff), overall and per group,
 * with the Taylor-linearization standard error of R's `svyratio` for the design
 * `svydesign(ids = ~1, weights = ~w[, fpc = ~N])`, and per group that of
 * `svyby(~y, ~g, design, svyratio, denominator = ~x)`:
 *   v(R̂) = n/(n − 1) · (1 − n/N) · Σ w²(y − R̂x)² / (Σwx)²,
 *   Σ w²(y − R̂x)² = Σw²y² − 2R̂ Σw²xy + R̂² Σw²x²,
 * where n is the number of rows in the whole design: a group (or the rows with y and x
 * present) is a domain, whose other rows contribute zeros, exactly as `survey` pads
 * them. The interval is R̂ ± z·se (normal, as `confint` on an svyratio).
 * Own code: simple-statistics has no ratio estimator; this one works from SQL sums, not arrays.
 * Reference: Cochran, W. G. (1977), Sampling Techniques, 3rd ed., ch. 6; Lumley, T. (2010),
 * Complex Surveys: A Guide to Analysis Using R (ratio estimation, domains).
 *
 * @param input group aggregates, design size, population size, level
 * @returns `{ overall, groups }`; ratio and se are null when Σwx = 0
 * @throws {Error} on inconsistent sizes or a level outside (0, 1)
 * @example
 * ratioOfTotals({ groups: [{ n: 3, sumWX: 30, sumWY: 3, sumW2X2: 350, sumW2Y2: 5, sumW2XY: 40 }] }).overall.ratio; // => 0.1
 */
export function ratioOfTotals(input: RatioInput): { overall: RatioEstimate; groups: RatioEstimate[] } {
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`ratioOfTotals: level must be in (0, 1), got ${level}`);
  if (!Array.isArray(input.groups) || input.groups.length === 0) throw new Error("ratioOfTotals: no groups");
  for (const g of input.groups) {
    if (!Number.isInteger(g.n) || g.n < 0) throw new Error(`ratioOfTotals: n must be a non-negative integer, got ${g.n}`);
    for (const v of [g.sumWX, g.sumWY, g.sumW2X2, g.sumW2Y2, g.sumW2XY]) {
      if (!Number.isFinite(v)) throw new Error("ratioOfTotals: sums must be finite numbers");
    }
  }
  const total: RatioAggregates = input.groups.reduce(
    (s, g) => ({
      n: s.n + g.n,
      sumWX: s.sumWX + g.sumWX,
      sumWY: s.sumWY + g.sumWY,
      sumW2X2: s.sumW2X2 + g.sumW2X2,
      sumW2Y2: s.sumW2Y2 + g.sumW2Y2,
      sumW2XY: s.sumW2XY + g.sumW2XY,
    }),
    { n: 0, sumWX: 0, sumWY: 0, sumW2X2: 0, sumW2Y2: 0, sumW2XY: 0 },
  );
  const n = input.designSize ?? total.n;
  if (!Number.isInteger(n) || n < total.n) {
    throw new Error(`ratioOfTotals: designSize ${n} is smaller than the rows in the groups (${total.n})`);
  }
  const N = input.populationSize;
  if (N !== undefined && !(N >= n)) throw new Error(`ratioOfTotals: populationSize ${N} is smaller than designSize ${n}`);
  const scale = n > 1 ? (n / (n - 1)) * (N === undefined ? 1 : (N - n) / N) : NaN;
  const z = normalQuantile(0.5 + 0.5 * level);
  const estimate = (g: RatioAggregates): RatioEstimate => {
    const base = { ...(g.label === undefined ? {} : { label: g.label }), n: g.n, numeratorTotal: g.sumWY, denominatorTotal: g.sumWX };
    if (g.sumWX === 0) return { ...base, ratio: null, se: null, ci: null };
    const ratio = g.sumWY / g.sumWX;
    const residualSquares = Math.max(0, g.sumW2Y2 - 2 * ratio * g.sumW2XY + ratio * ratio * g.sumW2X2);
    const variance = (scale * residualSquares) / (g.sumWX * g.sumWX);
    const se = Number.isNaN(variance) ? null : Math.sqrt(variance);
    const ci = se === null ? null : { lower: ratio - z * se, upper: ratio + z * se, method: "linearization (normal)", level };
    return { ...base, ratio, se, ci };
  };
  return { overall: estimate(total), groups: input.groups.map(estimate) };
}
