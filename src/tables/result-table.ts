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

/** A text cell. */
export function text(value: string, bold = false): TableCell {
  return bold ? { value, bold } : { value };
}

/** A number cell; null, undefined and non-finite numbers become empty cells. */
export function num(value: number | null | undefined, format: CellFormat, bold = false): TableCell {
  const finite = value !== null && value !== undefined && Number.isFinite(value);
  return { value: finite ? value : null, format, ...(bold ? { bold } : {}) };
}
