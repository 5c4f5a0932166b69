/**
 * A spreadsheet questionnaire as plain rows, whatever file it came from: what the XLSForm reader
 * takes and the writer gives, so both stay pure and the XLSX bytes live in one service.
 */
import type { Wording } from "../../../i18n/phrase.js";

/** One sheet: the header row's names, and the non-empty rows below it by their spreadsheet number. */
export interface Sheet {
  name: string;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** The sheets by lower-case name (`survey`, `choices`, `settings`, `notes`). */
export type Book = Map<string, Sheet>;

/** One thing wrong with a workbook, where a person finds it. */
export interface SheetProblem {
  sheet: string;
  /** The spreadsheet's row number; absent for a missing sheet or column. */
  row?: number;
  column?: string;
  /** The cell as written. */
  value?: string;
  code: string;
  wording: Wording;
}

/** The cells of a row by header name (the first column of a name wins, as pyxform reads it). */
export function cellsByHeader(sheet: Sheet, cells: string[]): Map<string, string> {
  const out = new Map<string, string>();
  sheet.headers.forEach((header, i) => {
    if (header !== "" && !out.has(header)) out.set(header, (cells[i] ?? "").trim());
  });
  return out;
}
