import type { Calibration } from "./calibration.js";
import { designCovariance, type DesignRowGroup } from "./design-covariance.js";
import { raoScott, type RaoScottResult } from "./rao-scott.js";

/**
 * Aggregates for a weighted cross-tab: `GROUP BY weighting cell, row answer, column
 * answer`. `counts[g][i][j]`: respondents of weighting cell g (in `calibration.cells`
 * order) with row category i and column category j. Respondents of a cell missing
 * either answer are the rest of the cell's n: they stay in the design.
 */
export interface WeightedCrosstabInput {
  calibration: Calibration;
  rowLabels: string[];
  columnLabels: string[];
  counts: number[][][];
  populationSize?: number;
}

export interface WeightedCrosstabResult {
  rowLabels: string[];
  columnLabels: string[];
  /** Unweighted counts. */
  counts: number[][];
  /** Σ w per cell (svytable). */
  weightedCounts: number[][];
  n: number;
  weightedN: number;
  rowPercent: (number | null)[][];
  columnPercent: (number | null)[][];
  totalPercent: (number | null)[][];
  /** Design-based standard errors of totalPercent (null in dropped rows/columns). */
  totalPercentSe: (number | null)[][];
  droppedRows: string[];
  droppedColumns: string[];
  /** Never a plain χ² on weighted counts: only the Rao–Scott corrections. */
  tests: { raoScott: RaoScottResult } | null;
  weighting: Calibration["kind"];
}

/**
 * Weighted cross-tab with design-based tests, as `svytable` and `svychisq(~row + col,
 * design, statistic = "Chisq" | "F")` on `svydesign(ids = ~1, weights = ~w)` after
 * optional `postStratify`/`rake`. The covariance of the cell proportions comes from
 * `designCovariance` (calibration residuals included); rows or columns without
 * respondents are dropped (as `svychisq` only sees categories present in the data)
 * and reported.
 * Own code: simple-statistics has no design-based estimators.
 * Reference: Rao & Scott (1984); Lumley (2010), Complex Surveys, §6.2.
 *
 * @param input calibration and per-cell row × column counts
 * @returns weighted table, percentages, standard errors and the Rao–Scott tests
 * @throws {Error} when shapes do not fit the calibration
 * @example
 * const calibration = uncalibrated([{ key: ["全部"], n: 100 }]);
 * weightedCrosstab({ calibration, rowLabels: ["是", "否"], columnLabels: ["市", "区"], counts: [[[30, 10], [20, 40]]] })
 *   .tests.raoScott.df; // => 1
 */
export function weightedCrosstab(input: WeightedCrosstabInput): WeightedCrosstabResult {
  const { calibration, rowLabels, columnLabels, counts } = input;
  const cells = calibration.cells;
  const r = rowLabels.length;
  const c = columnLabels.length;
  if (counts.length !== cells.length || counts.some((t) => t.length !== r || t.some((row) => row.length !== c))) {
    throw new Error("weightedCrosstab: counts must be cells × rows × columns");
  }
  if (counts.some((t) => t.some((row) => row.some((v) => !Number.isInteger(v) || v < 0)))) {
    throw new Error("weightedCrosstab: counts must be non-negative integers");
  }
  const sum = (f: (g: number, i: number, j: number) => number) => (i: number, j: number) => counts.reduce((s, _, g) => s + f(g, i, j), 0);
  const unweighted = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => sum((g, a, b) => counts[g][a][b])(i, j)));
  const weighted = Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => sum((g, a, b) => counts[g][a][b] * cells[g].weight)(i, j)));
  const keptRows = unweighted.flatMap((row, i) => (row.some((v) => v > 0) ? [i] : []));
  const keptColumns = Array.from({ length: c }, (_, j) => j).filter((j) => unweighted.some((row) => row[j] > 0));
  const rr = keptRows.length;
  const cc = keptColumns.length;
  const n = unweighted.flat().reduce((s, v) => s + v, 0);
  const weightedN = weighted.flat().reduce((s, v) => s + v, 0);
  const rowTotals = weighted.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = Array.from({ length: c }, (_, j) => weighted.reduce((s, row) => s + row[j], 0));
  const se: (number | null)[][] = unweighted.map((row) => row.map(() => null));
  let tests: { raoScott: RaoScottResult } | null = null;
  if (rr > 0 && cc > 0) {
    const groups: DesignRowGroup[] = [];
    counts.forEach((table, g) =>
      keptColumns.forEach((j, b) =>
        keptRows.forEach((i, a) => {
          if (table[i][j] === 0) return;
          const y = new Array<number>(rr * cc).fill(0);
          y[a + rr * b] = 1;
          groups.push({ cell: g, count: table[i][j], y });
        }),
      ),
    );
    const d = designCovariance(calibration, groups, rr * cc, input.populationSize);
    keptColumns.forEach((j, b) => keptRows.forEach((i, a) => (se[i][j] = Math.sqrt(Math.max(0, d.covariance[a + rr * b][a + rr * b])))));
    if (rr >= 2 && cc >= 2) {
      tests = { raoScott: raoScott(d.mean, d.covariance, rr, cc, d.designSize, d.designSize - 1) };
    }
  }
  return {
    rowLabels: [...rowLabels],
    columnLabels: [...columnLabels],
    counts: unweighted,
    weightedCounts: weighted,
    n,
    weightedN,
    rowPercent: weighted.map((row, i) => row.map((v) => (rowTotals[i] > 0 ? v / rowTotals[i] : null))),
    columnPercent: weighted.map((row) => row.map((v, j) => (columnTotals[j] > 0 ? v / columnTotals[j] : null))),
    totalPercent: weighted.map((row) => row.map((v) => (weightedN > 0 ? v / weightedN : null))),
    totalPercentSe: se,
    droppedRows: rowLabels.filter((_, i) => !keptRows.includes(i)),
    droppedColumns: columnLabels.filter((_, j) => !keptColumns.includes(j)),
    tests,
    weighting: calibration.kind,
  };
}
