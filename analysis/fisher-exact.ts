import { logGamma } from "./log-gamma.js";

export interface FisherExactResult {
  /** Two-sided p: sum of the probabilities of all tables no more likely than the observed one. */
  p: number;
  /** One-sided p for a smaller top-left count (odds ratio < 1): P(X ≤ a). */
  pLess: number;
  /** One-sided p for a larger top-left count (odds ratio > 1): P(X ≥ a). */
  pGreater: number;
  /** Sample odds ratio ad/bc (Infinity when bc = 0 < ad, null when undefined). */
  oddsRatio: number | null;
}

/**
 * Fisher's exact test for a 2×2 table [[a, b], [c, d]] under fixed margins: the
 * top-left count is hypergeometric. The two-sided p sums the probabilities of all
 * tables with probability ≤ that of the observed table × (1 + 1e-7), the relative
 * tolerance R's `fisher.test` uses against rounding ties.
 * A table with an empty row or column has p = 1 (as scipy's `fisher_exact`).
 * Own code: simple-statistics has no Fisher test.
 * Reference: Agresti, Categorical Data Analysis, 3rd ed. (2013), §3.5.
 *
 * @param table 2×2 array of non-negative integer counts
 * @returns two-sided and one-sided p-values and the sample odds ratio
 * @throws {Error} when the table is not 2×2 of non-negative integers
 * @example
 * fisherExact([[8, 2], [1, 5]]).p; // => 0.034965034965034975
 */
export function fisherExact(table: number[][]): FisherExactResult {
  if (table.length !== 2 || table.some((row) => row.length !== 2 || row.some((v) => !Number.isInteger(v) || v < 0))) {
    throw new Error("fisherExact: table must be 2×2 with non-negative integer counts");
  }
  const [[a, b], [c, d]] = table;
  const oddsRatio = b * c > 0 ? (a * d) / (b * c) : a * d > 0 ? Infinity : null;
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const total = row1 + row2;
  if (row1 === 0 || row2 === 0 || col1 === 0 || col1 === total) {
    return { p: 1, pLess: 1, pGreater: 1, oddsRatio };
  }
  const lo = Math.max(0, col1 - row2);
  const hi = Math.min(row1, col1);
  const logDenominator = logChoose(total, col1);
  const pmf: number[] = [];
  for (let k = lo; k <= hi; k++) {
    pmf.push(Math.exp(logChoose(row1, k) + logChoose(row2, col1 - k) - logDenominator));
  }
  const observed = pmf[a - lo];
  let pLess = 0;
  let pGreater = 0;
  let p = 0;
  const threshold = observed * (1 + 1e-7);
  for (let k = lo; k <= hi; k++) {
    const value = pmf[k - lo];
    if (k <= a) pLess += value;
    if (k >= a) pGreater += value;
    if (value <= threshold) p += value;
  }
  return { p: Math.min(1, p), pLess: Math.min(1, pLess), pGreater: Math.min(1, pGreater), oddsRatio };
}

function logChoose(n: number, k: number): number {
  if (k === 0 || k === n) return 0;
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}
