import { chiSquaredUpperTail } from "./chi-squared-upper-tail.js";
import { fUpperTail } from "./f-upper-tail.js";
import { matrixMultiply, matrixSolve, matrixTranspose } from "./matrix.js";

export interface RaoScottResult {
  /** First-order corrected statistic X²/δ̄ (δ̄ = mean generalized design effect). */
  chisq: number;
  df: number;
  /** p of `chisq` on (r − 1)(c − 1) df: `svychisq(statistic = "Chisq")`. */
  p: number;
  /** X²/Σδ: `svychisq(statistic = "F")`. */
  F: number;
  ndf: number;
  ddf: number;
  pF: number;
  /** Pearson X² of the weighted table rescaled to the design size (what `svychisq` prints as X-squared for "Chisq"). */
  pearson: number;
  /** Mean generalized design effect δ̄ = tr(Δ)/df. */
  meanDesignEffect: number;
}

/**
 * Rao–Scott corrections of Pearson's X² for an r×c table from a complex sample, as
 * R `survey::svychisq`: with p̂ the estimated cell proportions (interaction order, rows
 * fastest), V their design-based covariance, C a basis of the interaction contrasts
 * orthogonal to the main effects and D = diag(p̂), Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C);
 * X² is computed on the weighted table rescaled to N rows. "Chisq": X²·df/tr(Δ) against
 * χ²(df). "F": X²/tr(Δ) against F(d, d·ν) with d = tr(Δ)²/tr(Δ²), ν = PSUs − strata.
 * Own code: simple-statistics has no design-based tests.
 * Reference: Rao, J. N. K. & Scott, A. J. (1984), "On chi-squared tests for multiway
 * contingency tables with cell proportions estimated from survey data", Ann. Statist.
 * 12, 46–60; Lumley (2010), Complex Surveys, §6.2.
 *
 * @param proportions p̂ for the r·c cells, rows fastest
 * @param covariance their covariance (r·c × r·c)
 * @param rows r ≥ 2
 * @param columns c ≥ 2
 * @param N rows in the design
 * @param nu design degrees of freedom (n − 1 for ids = ~1)
 * @returns both corrections
 * @throws {Error} on shapes that do not match, or a singular contrast matrix
 * @example
 * // with the multinomial covariance (simple random sampling) every design effect is 1
 * const p = [0.1, 0.2, 0.3, 0.4];
 * const V = p.map((a, i) => p.map((b, j) => ((i === j ? a : 0) - a * b) / 100));
 * raoScott(p, V, 2, 2, 100, 99).meanDesignEffect; // => 1
 */
export function raoScott(proportions: number[], covariance: number[][], rows: number, columns: number, N: number, nu: number): RaoScottResult {
  const k = rows * columns;
  if (rows < 2 || columns < 2 || proportions.length !== k || covariance.length !== k) {
    throw new Error("raoScott: need r, c >= 2 and r·c proportions with a matching covariance");
  }
  const rowIndex = (cell: number) => cell % rows;
  const colIndex = (cell: number) => Math.floor(cell / rows);
  // Main effects X1 = [1, row dummies 2..r, column dummies 2..c]; interactions Z.
  const x1 = Array.from({ length: k }, (_, cell) => [
    1,
    ...Array.from({ length: rows - 1 }, (_, i) => (rowIndex(cell) === i + 1 ? 1 : 0)),
    ...Array.from({ length: columns - 1 }, (_, j) => (colIndex(cell) === j + 1 ? 1 : 0)),
  ]);
  const z = Array.from({ length: k }, (_, cell) => {
    const out: number[] = [];
    for (let j = 1; j < columns; j++) for (let i = 1; i < rows; i++) out.push(rowIndex(cell) === i && colIndex(cell) === j ? 1 : 0);
    return out;
  });
  const x1t = matrixTranspose(x1);
  const coefficients = matrixSolve(matrixMultiply(x1t, x1), matrixMultiply(x1t, z));
  const fitted = matrixMultiply(x1, coefficients);
  const c = z.map((row, i) => row.map((v, j) => v - fitted[i][j]));
  const inverseP = proportions.map((p) => (p === 0 ? 0 : 1 / p));
  const scaled = c.map((row, i) => row.map((v) => v * inverseP[i])); // D⁻¹C
  const ct = matrixTranspose(c);
  const denominator = matrixMultiply(ct, scaled).map((row) => row.map((v) => v / N));
  const numerator = matrixMultiply(matrixTranspose(scaled), matrixMultiply(covariance, scaled));
  const delta = matrixSolve(denominator, numerator);
  const df = (rows - 1) * (columns - 1);
  let trace = 0;
  let trace2 = 0;
  for (let i = 0; i < df; i++) {
    trace += delta[i][i];
    for (let j = 0; j < df; j++) trace2 += delta[i][j] * delta[j][i];
  }
  const rowP = Array.from({ length: rows }, (_, i) => proportions.reduce((s, p, cell) => s + (rowIndex(cell) === i ? p : 0), 0));
  const colP = Array.from({ length: columns }, (_, j) => proportions.reduce((s, p, cell) => s + (colIndex(cell) === j ? p : 0), 0));
  let pearson = 0;
  proportions.forEach((p, cell) => {
    const e = rowP[rowIndex(cell)] * colP[colIndex(cell)];
    pearson += (N * (p - e) * (p - e)) / e;
  });
  const d0 = (trace * trace) / trace2;
  const meanDesignEffect = trace / df;
  const chisq = pearson / meanDesignEffect;
  const F = pearson / trace;
  return {
    chisq,
    df,
    p: chiSquaredUpperTail(chisq, df),
    F,
    ndf: d0,
    ddf: d0 * nu,
    pF: fUpperTail(F, d0, d0 * nu),
    pearson,
    meanDesignEffect,
  };
}
