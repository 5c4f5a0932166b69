/**
 * The rows of a workbook's first sheet, read with exceljs's streaming reader: the sheet's XML is
 * parsed as it is unzipped, so only the shared strings and the rows not yet taken are held.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { phrase } from "../../../i18n/phrase.js";
import { AppError } from "../../errors.js";
import type { RawCell } from "./read-table.js";

/** XLSX is a zip: refuse files that would unpack to more than this (zip bombs). */
const MAX_UNPACKED = 512 * 1024 * 1024;

function plainValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("error" in value) return String(value.error);
    if ("result" in value) return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in value) return plainValue((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

/** Refuses what is not a zip, and zips that would unpack to too much, before anything is unpacked. */
export function checkZip(bytes: Uint8Array): void {
  let unpacked = 0;
  try {
    unzipSync(bytes, { filter: (file) => ((unpacked += file.originalSize), false) });
  } catch {
    throw new AppError("unprocessable", phrase("imports.notXlsx"));
  }
  if (unpacked > MAX_UNPACKED) throw new AppError("payload_too_large", phrase("imports.tooLarge", { bytes: MAX_UNPACKED }));
}

/**
 * The non-empty rows of the first sheet (the data; the exports put the codebook on a later
 * one), each with its row number as the spreadsheet shows it.
 */
export async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<{ row: number; cells: RawCell[] }> {
  // Styles are read for the number formats that make a number a date.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!row.hasValues) continue;
        const values = row.values as ExcelJS.CellValue[];
        const cells: RawCell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(plainValue(values[c]));
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("unprocessable", phrase("imports.unreadableXlsx"));
  }
  if (sheets === 0) throw new AppError("unprocessable", phrase("imports.noSheet"));
}
