/** XLSX bytes ⇄ the plain rows of a spreadsheet questionnaire ({@link Book}), through exceljs. */
import ExcelJS from "exceljs";
import { phrase } from "../../../i18n/phrase.js";
import { AppError } from "../../errors.js";
import type { Book, Sheet } from "../../questionnaire/xlsform/book.js";
import { checkZip } from "../import/xlsx-rows.js";

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("error" in value) return String(value.error);
    if ("result" in value) return text((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return text((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

/**
 * Reads every sheet: the first non-empty row is its header, the non-empty rows below are its rows.
 * Refuses what is not XLSX, and zips that unpack to too much, as a 422 / 413.
 */
export async function readBook(bytes: Uint8Array): Promise<Book> {
  checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError("unprocessable", phrase("imports.unreadableXlsx"));
  }
  const book: Book = new Map();
  for (const worksheet of workbook.worksheets) {
    const sheet: Sheet = { name: worksheet.name, headers: [], rows: [] };
    let header = true;
    worksheet.eachRow((row, number) => {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(text(values[c]));
      if (cells.every((c) => c.trim() === "")) return;
      if (header) {
        sheet.headers = cells.map((c) => c.trim());
        header = false;
      } else {
        sheet.rows.push({ row: number, cells });
      }
    });
    const key = worksheet.name.trim().toLowerCase();
    if (!book.has(key)) book.set(key, sheet);
  }
  return book;
}

/** Writes sheets as XLSX, header row bold and frozen; every cell is text, so Excel changes nothing. */
export async function writeBook(sheets: readonly Sheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.addRow(sheet.headers).font = { bold: true };
    for (const { cells } of sheet.rows) worksheet.addRow(cells);
    worksheet.columns.forEach((column, i) => {
      column.width = Math.min(60, Math.max(10, ...[sheet.headers[i] ?? "", ...sheet.rows.map((r) => r.cells[i] ?? "")].map((c) => c.length + 2)));
      column.numFmt = "@";
    });
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
