/** The rows of a workbook's first sheet, as plain cells. */
import type ExcelJS from "exceljs";
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
 * one), each with its row number as the spreadsheet shows it. The workbook is loaded whole:
 * exceljs's streaming reader decodes each inflated chunk of the sheet on its own, so a Chinese
 * character cut by a chunk boundary comes out as U+FFFD (one row in 1,812 of the demo export).
 * The file itself is bounded by the upload limit and the unpacked size by {@link checkZip}.
 */
export async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<{ row: number; cells: RawCell[] }> {
  // Loaded on first use: exceljs takes over a second to load on two cores, which every server start would pay.
  const { default: excel } = await import("exceljs");
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError("unprocessable", phrase("imports.unreadableXlsx"));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("unprocessable", phrase("imports.noSheet"));
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.findRow(number);
    if (!row?.hasValues) continue;
    const values = row.values as ExcelJS.CellValue[];
    const cells: RawCell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(plainValue(values[c]));
    yield { row: number, cells };
  }
}
