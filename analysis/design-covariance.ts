import type { Calibration } from "./calibration.js";
import { calibrationShifts } from "./calibration-shifts.js";

/** Rows of one weighting cell that share the same value vector y (e.g. one answer category). */
export interface DesignRowGroup {
  /** Index of the weighting cell in `calibration.cells`. */
  cell: number;
  /** Number of rows. */
  count: number;
  /** The analysis vector of these rows (indicators of a category or table cell). */
  y: number[];
}

export interface DesignCovariance {
  /** Weighted means of y over the rows with a value (svymean). */
  mean: number[];
  /** Design-based covariance matrix of `mean`. */
  covariance: number[][];
  /** Σ w over the rows with a value. */
  weightedTotal: number;
  /** Rows with a value. */
  validCount: number;
  /** Rows in the design (Σ n over the weighting cells). */
  designSize: number;
}

/**
 * Design-based mean and covariance of a vector variable under a one-stage
 * with-replacement design `svydesign(ids = ~1, weights = ~w[, fpc = ~N])`, optionally
 * post-stratified or raked, computed from grouped rows instead of respondents. It
 * reproduces R `survey`'s `svymean` → `svyrecvar` step by step:
 * 1. x_i = w_i (y_i − ȳ_w)/Σw for rows with a value, 0 for rows without one (they stay
 *    in the design, as `survey` keeps them with zero weight);
 * 2. the calibration residual of x after post-stratification or raking
 *    (`calibrationShifts`);
 * 3. V = n/(n − 1) · (1 − n/N) · Σ_i (x_i − x̄)(x_i − x̄)ᵀ over all n design rows.
 * Because weights are constant within a weighting cell, every row of a
 * (cell, value) group has the same x, so sums over groups replace sums over rows.
 * Own code: simple-statistics has no design-based variances.
 * Reference: Lumley, T. (2010), Complex Surveys, §7.3–7.4 (calibration residuals);
 * survey package source, `svyrecvar` and `onestrat`.
 *
 * @param calibration weighting cells with final weights
 * @param groups counts of rows per (cell, value); rows of a cell not listed have no value
 * @param dimension length of every y
 * @param populationSize optional N for the finite population correction
 * @returns mean, covariance and bases
 * @throws {Error} when groups exceed their cell's size or no row has a value
 * @example
 * designCovariance(uncalibrated([{ key: ["all"], n: 4 }]), [{ cell: 0, count: 1, y: [1] }, { cell: 0, count: 3, y: [0] }], 1).covariance[0][0];
 * // => 0.0625 (= p(1 − p)/(n − 1))
 */
export function designCovariance(calibration: Calibration, groups: DesignRowGroup[], dimension: number, populationSize?: number): DesignCovariance {
  const cells = calibration.cells;
  const used = cells.map(() => 0);
  for (const g of groups) {
    if (!(g.cell >= 0 && g.cell < cells.length) || !Number.isInteger(g.count) || g.count < 0 || g.y.length !== dimension) {
      throw new Error("designCovariance: bad row group");
    }
    used[g.cell] += g.count;
  }
  used.forEach((u, c) => {
    if (u > cells[c].n) throw new Error(`designCovariance: cell ${cells[c].key.join("/")} has ${u} rows with a value but n = ${cells[c].n}`);
  });
  const designSize = cells.reduce((s, c) => s + c.n, 0);
  const validCount = used.reduce((s, u) => s + u, 0);
  const weightedTotal = groups.reduce((s, g) => s + g.count * cells[g.cell].weight, 0);
  if (!(weightedTotal > 0)) throw new Error("designCovariance: no weighted rows with a value");
  const mean = new Array<number>(dimension).fill(0);
  for (const g of groups) {
    const w = (g.count * cells[g.cell].weight) / weightedTotal;
    g.y.forEach((v, k) => (mean[k] += w * v));
  }
  // Row types: the given groups, then per cell its rows without a value (x = 0).
  const types = groups.map((g) => ({
    cell: g.cell,
    count: g.count,
    x: g.y.map((v, k) => (cells[g.cell].weight * (v - mean[k])) / weightedTotal),
  }));
  cells.forEach((c, index) => {
    if (c.n > used[index]) types.push({ cell: index, count: c.n - used[index], x: new Array<number>(dimension).fill(0) });
  });
  const cellSums = cells.map(() => new Array<number>(dimension).fill(0));
  for (const t of types) t.x.forEach((v, k) => (cellSums[t.cell][k] += t.count * v));
  const shifts = calibrationShifts(calibration, cellSums);
  for (const t of types) t.x = t.x.map((v, k) => v - shifts[t.cell][k]);
  const xbar = new Array<number>(dimension).fill(0);
  for (const t of types) t.x.forEach((v, k) => (xbar[k] += (t.count * v) / designSize));
  let scale = designSize > 1 ? designSize / (designSize - 1) : NaN;
  if (populationSize !== undefined) {
    if (!(populationSize >= designSize)) throw new Error(`designCovariance: populationSize ${populationSize} < design size ${designSize}`);
    scale *= (populationSize - designSize) / populationSize;
  }
  const covariance = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
  for (const t of types) {
    const d = t.x.map((v, k) => v - xbar[k]);
    for (let a = 0; a < dimension; a++) {
      if (d[a] === 0) continue;
      const row = covariance[a];
      const f = scale * t.count * d[a];
      for (let b = 0; b < dimension; b++) row[b] += f * d[b];
    }
  }
  return { mean, covariance, weightedTotal, validCount, designSize };
}
