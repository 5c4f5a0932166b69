/** Reading an uploaded CSV or XLSX file into a header and rows of plain cells. */
import { phrase } from "../../../i18n/phrase.js";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { AppError } from "../../errors.js";

/** A cell as read: text, number, true/false, a date (XLSX), or empty. */
export type RawCell = string | number | boolean | Date | null;

export interface Table {
  format: "csv" | "xlsx";
  headers: string[];
  /** Data rows with their row number as a spreadsheet shows it (the header is row 1). */
  rows: { row: number; cells: RawCell[] }[];
}

/** XLSX is a zip: refuse files that would unpack to more than this (zip bombs). */
const MAX_UNPACKED = 512 * 1024 * 1024;

/** Reads CSV or XLSX (told apart by the zip signature, whatever the content type says). */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return isZip ? readXlsx(bytes) : readCsv(bytes);
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * UTF-8 (with or without BOM), else GB18030: Excel on Chinese Windows saves "CSV" in the
 * ANSI code page, which is GBK.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** RFC 4180 records; the delimiter (comma, tab or semicolon) is the one the header line uses most. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(bytes: Uint8Array): Table {
  const records = parseCsv(decodeText(bytes));
  const [header = [], ...rest] = records;
  return {
    format: "csv",
    headers: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c === "" ? null : c)) })),
  };
}

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

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  let unpacked = 0;
  try {
    unzipSync(bytes, { filter: (file) => ((unpacked += file.originalSize), false) });
  } catch {
    throw new AppError("unprocessable", phrase("imports.notXlsx"));
  }
  if (unpacked > MAX_UNPACKED) throw new AppError("payload_too_large", phrase("imports.tooLarge", { bytes: MAX_UNPACKED }));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError("unprocessable", phrase("imports.unreadableXlsx"));
  }
  // The data is on the first sheet; the exports put the codebook on a later one.
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError("unprocessable", phrase("imports.noSheet"));
  let headers: string[] | null = null;
  const rows: Table["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: RawCell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(plainValue(values[c]));
    if (!headers) {
      headers = cells.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString() : String(c).trim()));
      return;
    }
    rows.push({ row: row.number, cells });
  });
  return { format: "xlsx", headers: headers ?? [], rows };
}
