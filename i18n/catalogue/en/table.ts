/** Header words of the result tables. */
import type { TableWords } from "../sections/table.js";

export const table: TableWords = {
  category: "Category",
  count: "Count",
  weightedCount: "Weighted count",
  percent: "Percent",
  percentOfResponses: "Percent of responses",
  lower: (l) => `${pct(l)} CI lower`,
  upper: (l) => `${pct(l)} CI upper`,
  total: "Total",
  missing: "Missing",
  columnPercent: "Column %",
  group: "Group",
  n: "n",
  numerator: "Numerator total",
  denominator: "Denominator total",
  ratio: "Ratio",
  se: "Standard error",
  mean: "Mean",
  sd: "SD",
  min: "Minimum",
  q1: "Lower quartile",
  median: "Median",
  q3: "Upper quartile",
  max: "Maximum",
  residual: "Adjusted residual",
  note: "Note",
  neutralised: "Text cells starting with = + - @, a tab or a carriage return are prefixed with a single quote (') so that spreadsheets do not run them as formulas",
};

function pct(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}
