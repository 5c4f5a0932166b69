import type ExcelJS from "exceljs";
import { textWidthEm } from "../../analysis/charts/index.js";
import type { ChartLang } from "../../analysis/charts/index.js";
import { neutralise } from "../lib/formula-injection.js";
import { EXCEL_FORMATS, shownValue, type ResultTable } from "./result-table.js";
import { tableWords } from "./table-words.js";

/** Options of {@link writeXlsx}. */
export interface XlsxOptions {
  /** Language of the note about neutralised cells (default "zh-Hans"). */
  lang?: ChartLang;
}

/**
 * Writes result tables as an Excel workbook, one sheet per table: the title in bold,
 * header rows (merged where a header spans columns) bold on grey, numbers stored as
 * numbers with their format (counts "0", percentages "0.0%") and rounded to what it shows, the notes (base,
 * filter, weighting, test) below, header rows frozen and column widths fitted to
 * Chinese text. Text is stored as text, and a text cell starting with = + - @, a tab or a
 * carriage return gets a leading single quote as in the CSV (and the raw export): a sheet copied
 * out, re-saved as CSV or re-typed would otherwise run it as a formula; a note says so.
 *
 * @param tables the tables, in sheet order
 * @param options language of the note
 * @returns the .xlsx bytes
 * @throws {Error} when there is no table
 */
export async function writeXlsx(tables: ResultTable[], options: XlsxOptions = {}): Promise<Buffer> {
  if (tables.length === 0) throw new Error("writeXlsx: no tables");
  let neutralised = false;
  const text = (value: string) => {
    const safe = neutralise(value);
    if (safe !== value) neutralised = true;
    return safe;
  };
  // Loaded on first use: exceljs takes over a second to load on two cores, which every server start would pay.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  workbook.creator = "dangjian-survey";
  const used = new Set<string>();
  for (const table of tables) {
    neutralised = false;
    const sheet = workbook.addWorksheet(sheetName(table.name, used));
    const width = Math.max(...table.header.map((row) => row.reduce((s, h) => s + (h.span ?? 1), 0)), ...table.rows.map((r) => r.length), 1);
    const title = sheet.addRow([text(table.title)]);
    title.font = { bold: true, size: 12 };
    for (const headerRow of table.header) {
      const values: string[] = [];
      const merges: [number, number][] = [];
      for (const cell of headerRow) {
        const span = cell.span ?? 1;
        if (span > 1) merges.push([values.length + 1, values.length + span]);
        values.push(text(cell.text), ...Array<string>(span - 1).fill(""));
      }
      const row = sheet.addRow(values);
      for (const [from, to] of merges) sheet.mergeCells(row.number, from, row.number, to);
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EDF3" } };
        cell.alignment = { horizontal: c === 1 ? "left" : "center", vertical: "middle", wrapText: true };
        cell.border = { bottom: { style: "thin", color: { argb: "FF9AA5B1" } } };
      }
    }
    for (const cells of table.rows) {
      // Each number holds the digits its format shows (see SHOWN_DIGITS); text is neutralised.
      const row = sheet.addRow(cells.map((c) => (typeof c.value === "string" ? text(c.value) : c.format && typeof c.value === "number" ? shownValue(c.value, c.format) : c.value)));
      cells.forEach((c, k) => {
        const cell = row.getCell(k + 1);
        if (c.format && typeof c.value === "number") cell.numFmt = EXCEL_FORMATS[c.format];
        if (c.bold) cell.font = { bold: true };
      });
    }
    sheet.addRow([]);
    for (const note of table.notes) sheet.addRow([text(note)]).font = { color: { argb: "FF444444" }, size: 10 };
    if (neutralised) sheet.addRow([tableWords(options.lang ?? "zh-Hans").neutralised]).font = { color: { argb: "FF444444" }, size: 10 };
    sheet.views = [{ state: "frozen", ySplit: 1 + table.header.length, xSplit: 1 }];
    fitColumns(sheet, table, width);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(name: string, used: Set<string>): string {
  const base =
    [
      ...name
        .replace(/[[\]:*?\\]/g, " ")
        .replace(/\//g, "-")
        .replace(/^'+|'+$/g, "")
        .trim(),
    ]
      .slice(0, 31)
      .join("") || "Sheet";
  let candidate = base;
  for (let k = 2; used.has(candidate.toLowerCase()); k++) candidate = `${base.slice(0, 31 - String(k).length - 1)}-${k}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

/** Column widths in Excel's character units, a Han character counting two. */
function fitColumns(sheet: ExcelJS.Worksheet, table: ResultTable, width: number): void {
  for (let c = 1; c <= width; c++) {
    const texts = [
      ...table.header.flatMap((row) => {
        let at = 1;
        return row.flatMap((h) => {
          const here = at;
          at += h.span ?? 1;
          return here === c && (h.span ?? 1) === 1 ? [h.text] : [];
        });
      }),
      ...table.rows.map((r) => {
        const v = r[c - 1]?.value;
        return typeof v === "number" ? v.toFixed(3) : (v ?? "");
      }),
    ];
    const widest = Math.max(6, ...texts.map((t) => textWidthEm(String(t)) * 2 + 2));
    sheet.getColumn(c).width = Math.min(c === 1 ? 40 : 18, widest);
  }
}
