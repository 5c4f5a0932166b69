import type { Calibration } from "./calibration.js";

/**
 * The calibration step of a design-based variance, reduced to weighting cells.
 * R `survey::svyrecvar` replaces a linearized variable x by its calibration residual:
 * after `postStratify`, x_i − psw_i · Σ_c x·oldw/psw / Σ_c oldw within post-stratum c;
 * after `rake`, 10 back-fitting sweeps x ← x − psw · ave(x/psw, margin) over the
 * margins (a fixed 10, not to convergence). Weights are constant within a weighting
 * cell, so each step subtracts the same amount from every row of a cell: the whole
 * step is a per-cell shift b_g, and it needs only the per-cell sums Σ_{i∈g} x_i.
 * For raking, R keeps for each margin the weights after that margin's step of the last
 * sweep; after convergence these are the final weights, which are used here.
 * Reference: Lumley (2010), Complex Surveys, §7.3–7.4; survey package, `svyrecvar`.
 *
 * @param calibration cells with final and base weights, and the margins
 * @param cellSums per cell, Σ x over its rows (a vector of length K)
 * @returns per cell the shift b_g to subtract from every row's x (zero when uncalibrated)
 * @throws {Error} when cellSums does not have one vector per cell
 * @example
 * calibrationShifts(postStratify([{ key: ["a"], n: 2 }], { a: 10 }), [[4]]); // => [[2]]
 */
export function calibrationShifts(calibration: Calibration, cellSums: number[][]): number[][] {
  const cells = calibration.cells;
  if (cellSums.length !== cells.length) throw new Error("calibrationShifts: need one sum vector per cell");
  const K = cellSums[0]?.length ?? 0;
  const shifts = cells.map(() => new Array<number>(K).fill(0));
  if (calibration.kind === "poststratify") {
    const stratum = calibration.margins[0];
    const count = Math.max(...stratum) + 1;
    const sums = Array.from({ length: count }, () => new Array<number>(K).fill(0));
    const oldTotals = new Array<number>(count).fill(0);
    cells.forEach((c, g) => {
      const psw = c.weight === 0 ? 1 : c.weight;
      oldTotals[stratum[g]] += c.n * c.baseWeight;
      cellSums[g].forEach((v, k) => (sums[stratum[g]][k] += (v * c.baseWeight) / psw));
    });
    cells.forEach((c, g) => {
      shifts[g] = sums[stratum[g]].map((s) => (oldTotals[stratum[g]] > 0 ? (s / oldTotals[stratum[g]]) * c.weight : 0));
    });
  } else if (calibration.kind === "rake") {
    for (let sweep = 0; sweep < 10; sweep++) {
      for (const margin of calibration.margins) {
        const count = Math.max(...margin) + 1;
        const sums = Array.from({ length: count }, () => new Array<number>(K).fill(0));
        const rows = new Array<number>(count).fill(0);
        cells.forEach((c, g) => {
          rows[margin[g]] += c.n;
          cellSums[g].forEach((v, k) => (sums[margin[g]][k] += (v - c.n * shifts[g][k]) / c.weight));
        });
        cells.forEach((c, g) => {
          const m = margin[g];
          shifts[g] = shifts[g].map((b, k) => b + (rows[m] > 0 ? (c.weight * sums[m][k]) / rows[m] : 0));
        });
      }
    }
  }
  return shifts;
}
