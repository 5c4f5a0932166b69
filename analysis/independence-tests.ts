import { chiSquaredUpperTail } from "./chi-squared-upper-tail.js";
import { fisherExact, type FisherExactResult } from "./fisher-exact.js";

export interface ChiSquaredTest {
  statistic: number;
  df: number;
  p: number;
}

export interface IndependenceTests {
  pearson: ChiSquaredTest;
  likelihoodRatio: ChiSquaredTest;
  /** Yates' continuity-corrected Pearson χ², 2×2 only. */
  yates: ChiSquaredTest | null;
  /** Fisher's exact test, 2×2 only. */
  fisher: FisherExactResult | null;
  /** φ = (ad − bc)/√(r1 r2 c1 c2) for 2×2 (signed), √(χ²/n) otherwise. */
  phi: number;
  cramersV: number;
  /** Pearson's contingency coefficient √(χ²/(χ² + n)). */
  contingencyCoefficient: number;
}

/**
 * Tests of independence for an r×c table with no empty row or column (r, c ≥ 2):
 * Pearson's X² and the likelihood-ratio G² = 2 Σ O ln(O/E) on (r − 1)(c − 1) df; for a
 * 2×2 table also Yates' corrected X² (|O − E| reduced by min(½, |O − E|), as R's
 * `chisq.test` and scipy's `chi2_contingency`) and Fisher's exact test; and the effect
 * sizes φ, Cramér's V = √(X²/(n(min(r, c) − 1))) and the contingency coefficient.
 * Own code: simple-statistics' `chiSquaredGoodnessOfFit` tests fit to a distribution
 * against a table of critical values; it has no test of independence, G² or effect sizes.
 * Reference: Agresti, Categorical Data Analysis, 3rd ed. (2013), §3.2; Cramér (1946), §21.9.
 *
 * @param counts r×c counts, every row and column total positive
 * @returns the tests and effect sizes
 * @throws {Error} on a table smaller than 2×2 or an empty row or column
 * @example
 * independenceTests([[12, 5], [7, 9]]).pearson.df; // => 1
 */
export function independenceTests(counts: number[][]): IndependenceTests {
  const r = counts.length;
  const c = counts[0]?.length ?? 0;
  if (r < 2 || c < 2 || counts.some((row) => row.length !== c)) {
    throw new Error("independenceTests: need a rectangular table of at least 2×2");
  }
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: c }, (_, j) => counts.reduce((s, row) => s + row[j], 0));
  if (rowTotals.some((t) => !(t > 0)) || colTotals.some((t) => !(t > 0))) {
    throw new Error("independenceTests: every row and column total must be positive (drop empty ones first)");
  }
  const n = rowTotals.reduce((s, v) => s + v, 0);
  const df = (r - 1) * (c - 1);
  let x2 = 0;
  let g2 = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = (rowTotals[i] * colTotals[j]) / n;
      const o = counts[i][j];
      x2 += ((o - e) * (o - e)) / e;
      if (o > 0) g2 += 2 * o * Math.log(o / e);
    }
  }
  let yates: ChiSquaredTest | null = null;
  let fisher: FisherExactResult | null = null;
  let phi = Math.sqrt(x2 / n);
  if (r === 2 && c === 2) {
    let statistic = 0;
    const e00 = (rowTotals[0] * colTotals[0]) / n;
    const correction = Math.min(0.5, Math.abs(counts[0][0] - e00));
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const e = (rowTotals[i] * colTotals[j]) / n;
        const d = Math.abs(counts[i][j] - e) - correction;
        statistic += (d * d) / e;
      }
    }
    yates = { statistic, df: 1, p: chiSquaredUpperTail(statistic, 1) };
    if (counts.every((row) => row.every((v) => Number.isInteger(v)))) fisher = fisherExact(counts);
    const [[a, b], [cc, d]] = counts;
    phi = (a * d - b * cc) / Math.sqrt(rowTotals[0] * rowTotals[1] * colTotals[0] * colTotals[1]);
  }
  return {
    pearson: { statistic: x2, df, p: chiSquaredUpperTail(x2, df) },
    likelihoodRatio: { statistic: g2, df, p: chiSquaredUpperTail(g2, df) },
    yates,
    fisher,
    phi,
    cramersV: Math.sqrt(x2 / (n * (Math.min(r, c) - 1))),
    contingencyCoefficient: Math.sqrt(x2 / (x2 + n)),
  };
}
