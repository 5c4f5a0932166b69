/** How a number cell is shown: Excel number formats and their CSV spelling. */
export type CellFormat = "count" | "weighted" | "percent" | "decimal" | "ratio";

/** One cell of a result table: text, a number with its format, or empty. */
export interface TableCell {
  value: string | number | null;
  format?: CellFormat;
  /** Cells of a total row or a label column printed bold in XLSX. */
  bold?: boolean;
}

/** A header cell spanning `span` columns (default 1). */
export interface HeaderCell {
  text: string;
  span?: number;
}

/**
 * An analysis result as a table, ready for XLSX or CSV: a title, header rows (Chinese
 * or English), body rows of typed cells and notes (base, filter, weighting, test).
 */
export interface ResultTable {
  /** Sheet name (cut and cleaned for Excel by the writer). */
  name: string;
  title: string;
  header: HeaderCell[][];
  rows: TableCell[][];
  notes: string[];
}

/** Excel number formats of the cell formats. */
export const EXCEL_FORMATS: Record<CellFormat, string> = {
  count: "0",
  weighted: "0.0",
  percent: "0.0%",
  decimal: "0.00",
  ratio: "0.000",
};

/**
 * Decimal places each format shows (a percentage's as a fraction: "0.0%" shows 0.154 as
 * 15.4%). Tables for people hold what they show, so that a sum or a copy in Excel gives the
 * figures of the report; full precision stays in the JSON results.
 */
export const SHOWN_DIGITS: Record<CellFormat, number> = {
  count: 0,
  weighted: 1,
  percent: 3,
  decimal: 2,
  ratio: 3,
};

/** The value as its format shows it: rounded half away from zero, never -0. */
export function shownValue(value: number, format: CellFormat): number {
  const digits = SHOWN_DIGITS[format];
  // Shifted through the shortest decimal text, so 1.005 rounds as written (to 1.01), not as its binary double.
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e");
  const rounded = (Math.sign(value) * Math.round(Number(`${mantissa}e${Number(exponent) + digits}`))) / 10 ** digits;
  return rounded === 0 ? 0 : rounded;
}

/** The value as CSV text with the digits its format shows ("2.50", "0.104"). */
export function shownText(value: number, format: CellFormat): string {
  return shownValue(value, format).toFixed(SHOWN_DIGITS[format]);
}

/** A text cell. */
export function text(value: string, bold = false): TableCell {
  return bold ? { value, bold } : { value };
}

/** A number cell; null, undefined and non-finite numbers become empty cells. */
export function num(value: number | null | undefined, format: CellFormat, bold = false): TableCell {
  const finite = value !== null && value !== undefined && Number.isFinite(value);
  return { value: finite ? value : null, format, ...(bold ? { bold } : {}) };
}
