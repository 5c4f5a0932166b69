import { columnProportions, type ColumnProportionsOptions, type ColumnProportionsResult } from "./column-proportions.js";
import { independenceTests, type IndependenceTests } from "./independence-tests.js";

/** Cell counts of two choice questions, as `GROUP BY row_answer, column_answer` gives them. */
export interface CrosstabInput {
  rowLabels: string[];
  columnLabels: string[];
  /** counts[i][j]: respondents with row category i and column category j. */
  counts: number[][];
  /** Options of the column-proportion z-tests. */
  columnProportions?: ColumnProportionsOptions;
}

export interface CrosstabResult {
  rowLabels: string[];
  columnLabels: string[];
  counts: number[][];
  n: number;
  rowTotals: number[];
  columnTotals: number[];
  /** Fractions of the row total; null in an empty row. */
  rowPercent: (number | null)[][];
  /** Fractions of the column total; null in an empty column. */
  columnPercent: (number | null)[][];
  totalPercent: (number | null)[][];
  /** Expected counts under independence, r_i c_j / n. */
  expected: number[][];
  /** (O − E)/√(E (1 − r_i/n)(1 − c_j/n)); null where undefined (empty or only row/column). */
  adjustedResiduals: (number | null)[][];
  /** Rows and columns with a zero total, left out of the tests and their df. */
  droppedRows: string[];
  droppedColumns: string[];
  /** Cells (of the table without empty rows/columns) with expected count < 5. */
  smallExpected: { cells: number; share: number; minExpected: number | null };
  /** Null when fewer than two non-empty rows or columns remain. */
  tests: IndependenceTests | null;
  columnProportions: ColumnProportionsResult;
}

/**
 * Cross-tabulation of two single-choice questions from a cell-count matrix:
 * percentages, expected counts, adjusted standardized residuals, independence tests
 * and effect sizes, SPSS-style column-proportion tests, and the small-expected-count
 * warning. Empty rows and columns are reported and dropped before testing, so the
 * df is (r′ − 1)(c′ − 1) over the non-empty ones.
 * Reference: Agresti, Categorical Data Analysis, 3rd ed. (2013), §2.4 and §3.3
 * (adjusted residuals, Haberman 1973).
 *
 * @param input labels and counts
 * @returns the table and its tests
 * @throws {Error} when the labels do not match the matrix or a count is negative
 * @example
 * crosstab({ rowLabels: ["是", "否"], columnLabels: ["市", "区"], counts: [[30, 10], [20, 40]] }).tests?.pearson.p;
 * // => 0.00004455709060405…
 */
export function crosstab(input: CrosstabInput): CrosstabResult {
  const { rowLabels, columnLabels, counts } = input;
  const r = rowLabels.length;
  const c = columnLabels.length;
  if (counts.length !== r || counts.some((row) => row.length !== c)) {
    throw new Error(`crosstab: counts must be ${r}×${c} to match the labels`);
  }
  if (counts.some((row) => row.some((v) => !Number.isInteger(v) || v < 0))) {
    throw new Error("crosstab: counts must be non-negative integers");
  }
  const rowTotals = counts.map((row) => row.reduce((s, v) => s + v, 0));
  const columnTotals = Array.from({ length: c }, (_, j) => counts.reduce((s, row) => s + row[j], 0));
  const n = rowTotals.reduce((s, v) => s + v, 0);
  const keptRows = rowTotals.flatMap((t, i) => (t > 0 ? [i] : []));
  const keptColumns = columnTotals.flatMap((t, j) => (t > 0 ? [j] : []));
  const expected = counts.map((row, i) => row.map((_, j) => (n > 0 ? (rowTotals[i] * columnTotals[j]) / n : 0)));
  const adjustedResiduals = counts.map((row, i) =>
    row.map((o, j) => {
      const e = expected[i][j];
      const scale = e * (1 - rowTotals[i] / n) * (1 - columnTotals[j] / n);
      return scale > 0 ? (o - e) / Math.sqrt(scale) : null;
    }),
  );
  const keptExpected = keptRows.flatMap((i) => keptColumns.map((j) => expected[i][j]));
  const below5 = keptExpected.filter((e) => e < 5).length;
  const reduced = keptRows.map((i) => keptColumns.map((j) => counts[i][j]));
  return {
    rowLabels: [...rowLabels],
    columnLabels: [...columnLabels],
    counts: counts.map((row) => [...row]),
    n,
    rowTotals,
    columnTotals,
    rowPercent: counts.map((row, i) => row.map((v) => (rowTotals[i] > 0 ? v / rowTotals[i] : null))),
    columnPercent: counts.map((row) => row.map((v, j) => (columnTotals[j] > 0 ? v / columnTotals[j] : null))),
    totalPercent: counts.map((row) => row.map((v) => (n > 0 ? v / n : null))),
    expected,
    adjustedResiduals,
    droppedRows: rowLabels.filter((_, i) => rowTotals[i] === 0),
    droppedColumns: columnLabels.filter((_, j) => columnTotals[j] === 0),
    smallExpected: {
      cells: below5,
      share: keptExpected.length > 0 ? below5 / keptExpected.length : 0,
      minExpected: keptExpected.length > 0 ? Math.min(...keptExpected) : null,
    },
    tests: keptRows.length >= 2 && keptColumns.length >= 2 ? independenceTests(reduced) : null,
    columnProportions: columnProportions(counts, input.columnProportions),
  };
}
