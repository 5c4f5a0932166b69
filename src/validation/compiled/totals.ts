/**
 * A dropdown matrix's totals row: survey-core writes it into the data as `<key>-total`, one value
 * per column with a `totalType`, computed by its `<type>InArray({matrix}, 'column')` expression.
 */
import { ExpressionRunner, Helpers, settings, type MatrixDropdownColumn, type QuestionMatrixDropdownModelBase } from "survey-core";

export interface TotalsPlan {
  /** The data key the totals go to. */
  key: string;
  /** The matrix's own key. */
  source: string;
  columns: { name: string; run: (values: Record<string, unknown>) => unknown }[];
}

/** The totals row of a matrix with one, each column's expression parsed once; undefined without one. */
export function planTotals(matrix: QuestionMatrixDropdownModelBase): TotalsPlan | undefined {
  if (!matrix.hasTotal) return undefined;
  const columns = (matrix.columns as MatrixDropdownColumn[])
    .filter((column) => column.totalType !== "none")
    .map((column) => {
      // The expression survey-core's MatrixDropdownTotalCell builds (getTotalExpression); scope.ts admits no totalExpression.
      const runner = new ExpressionRunner(`${column.totalType}InArray({matrix}, '${column.name}')`);
      return { name: column.name, run: (values: Record<string, unknown>) => runner.runValues(values) as unknown };
    });
  return { key: matrix.getValueName() + settings.matrix.totalsSuffix, source: matrix.getValueName(), columns };
}

/** Writes the totals row of each matrix from its value, as a fresh model holding the data has it. */
export function addTotals(totals: readonly TotalsPlan[], stored: Record<string, unknown>): void {
  for (const plan of totals) {
    const row: Record<string, unknown> = {};
    const values = { matrix: stored[plan.source] };
    for (const column of plan.columns) {
      const value = column.run(values);
      if (!Helpers.isValueEmpty(value)) row[column.name] = value;
    }
    stored[plan.key] = row;
  }
}
