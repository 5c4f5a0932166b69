import type { Calibration } from "./calibration.js";
import { calibrationShifts } from "./calibration-shifts.js";
import { normalQuantile } from "./normal-quantile.js";
import type { RatioEstimate } from "./ratio-of-totals.js";

/**
 * Unweighted sums of one group within one weighting cell, over respondents with both y
 * and x present: `GROUP BY g, <weighting variables>` with
 * `count(*), sum(x), sum(y), sum(x*x), sum(y*y), sum(x*y)`.
 */
export interface CellRatioAggregates {
  /** Index of the weighting cell in `calibration.cells`. */
  cell: number;
  n: number;
  sumX: number;
  sumY: number;
  sumX2: number;
  sumY2: number;
  sumXY: number;
}

export interface CalibratedRatioInput {
  calibration: Calibration;
  /** One entry per group (a single one for an overall ratio). */
  groups: { label?: string; cells: CellRatioAggregates[] }[];
  populationSize?: number;
  level?: number;
}

/**
 * Ratio of totals Σwy/Σwx with the linearization standard error on a post-stratified
 * or raked design (weights constant within weighting cells), as R's
 * `svyratio(~y, ~x, design, na.rm = TRUE)` and `svyby(~y, ~g, design, svyratio,
 * denominator = ~x)` after `postStratify`/`rake`. The linearized variable
 * u_i = w_i(y_i − R̂x_i)/X̂ (0 outside the group or with y/x missing) is replaced by its
 * calibration residual (`calibrationShifts`), then
 * v = n/(n − 1)(1 − n/N) Σ_i (u_i − b_g(i) − ū)² over all n design rows, which needs per
 * cell only Σ(y − R̂x) and Σ(y − R̂x)², i.e. the sums above.
 * Own code: simple-statistics has no design-based estimators.
 * Reference: Lumley (2010), Complex Surveys, §7.3–7.4; survey package, `svyratio`.
 *
 * @param input calibration and per-group, per-cell sums
 * @returns `{ overall, groups }` like `ratioOfTotals`
 * @throws {Error} on a cell index outside the calibration or more rows than the cell has
 * @example
 * const cal = postStratify([{ key: ["社会团体"], n: 2 }, { key: ["基金会"], n: 2 }], { 社会团体: 793, 基金会: 6 });
 * calibratedRatioOfTotals({ calibration: cal, groups: [{ cells: [
 *   { cell: 0, n: 2, sumX: 30, sumY: 3, sumX2: 500, sumY2: 5, sumXY: 50 },
 *   { cell: 1, n: 2, sumX: 8, sumY: 2, sumX2: 34, sumY2: 2, sumXY: 8 }] }] }).overall.ratio;
 * // => 0.10030203876164108
 */
export function calibratedRatioOfTotals(input: CalibratedRatioInput): { overall: RatioEstimate; groups: RatioEstimate[] } {
  const { calibration, groups } = input;
  const cells = calibration.cells;
  const level = input.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new Error(`calibratedRatioOfTotals: level must be in (0, 1), got ${level}`);
  if (!Array.isArray(groups) || groups.length === 0) throw new Error("calibratedRatioOfTotals: no groups");
  const used = cells.map(() => 0);
  for (const group of groups) {
    for (const a of group.cells) {
      if (!(a.cell >= 0 && a.cell < cells.length) || !Number.isInteger(a.n) || a.n < 0) {
        throw new Error("calibratedRatioOfTotals: bad cell aggregate");
      }
      used[a.cell] += a.n;
    }
  }
  used.forEach((u, g) => {
    if (u > cells[g].n) throw new Error(`calibratedRatioOfTotals: cell ${cells[g].key.join("/")} has more rows in the groups than n`);
  });
  const n = cells.reduce((s, c) => s + c.n, 0);
  const N = input.populationSize;
  if (N !== undefined && !(N >= n)) throw new Error(`calibratedRatioOfTotals: populationSize ${N} < design size ${n}`);
  const scale = n > 1 ? (n / (n - 1)) * (N === undefined ? 1 : (N - n) / N) : NaN;
  const z = normalQuantile(0.5 + 0.5 * level);

  const estimate = (label: string | undefined, aggregates: CellRatioAggregates[]): RatioEstimate => {
    const X = aggregates.reduce((s, a) => s + cells[a.cell].weight * a.sumX, 0);
    const Y = aggregates.reduce((s, a) => s + cells[a.cell].weight * a.sumY, 0);
    const rows = aggregates.reduce((s, a) => s + a.n, 0);
    const base = { ...(label === undefined ? {} : { label }), n: rows, numeratorTotal: Y, denominatorTotal: X };
    if (X === 0) return { ...base, ratio: null, se: null, ci: null };
    const ratio = Y / X;
    const s1 = cells.map(() => 0);
    const s2 = cells.map(() => 0);
    for (const a of aggregates) {
      const f = cells[a.cell].weight / X;
      s1[a.cell] += f * (a.sumY - ratio * a.sumX);
      s2[a.cell] += f * f * Math.max(0, a.sumY2 - 2 * ratio * a.sumXY + ratio * ratio * a.sumX2);
    }
    const shifts = calibrationShifts(
      calibration,
      s1.map((v) => [v]),
    ).map((b) => b[0]);
    let sum = 0;
    let squares = 0;
    cells.forEach((c, g) => {
      sum += s1[g] - c.n * shifts[g];
      squares += s2[g] - 2 * shifts[g] * s1[g] + c.n * shifts[g] * shifts[g];
    });
    const variance = scale * Math.max(0, squares - (sum * sum) / n);
    const se = Number.isNaN(variance) ? null : Math.sqrt(variance);
    const ci = se === null ? null : { lower: ratio - z * se, upper: ratio + z * se, method: "linearization (normal)", level };
    return { ...base, ratio, se, ci };
  };
  return {
    overall: estimate(
      undefined,
      groups.flatMap((g) => g.cells),
    ),
    groups: groups.map((g) => estimate(g.label, g.cells)),
  };
}
