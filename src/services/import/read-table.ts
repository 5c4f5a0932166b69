/** Reading an uploaded CSV or XLSX file as a header and a stream of rows of plain cells. */
import { isUtf8 } from "node:buffer";
import { countRecords, CsvParser } from "./csv-records.js";
import { checkZip, xlsxRows } from "./xlsx-rows.js";

export { parseCsv } from "./csv-records.js";

/** A cell as read: text, number, true/false, a date (XLSX), or empty. */
export type RawCell = string | number | boolean | Date | null;

/** A data row with its row number as a spreadsheet shows it (the header is row 1). */
export interface TableRow {
  row: number;
  cells: RawCell[];
}

/** A file opened for reading: the header now, the rows as they are taken. */
export interface OpenTable {
  format: "csv" | "xlsx";
  headers: string[];
  rows: AsyncIterable<TableRow>;
  /** About how many data rows follow (for progress), or null when the format does not tell. */
  expectedRows: number | null;
}

/** A whole table in memory (small files and tests). */
export interface Table {
  format: "csv" | "xlsx";
  headers: string[];
  rows: TableRow[];
}

/**
 * Decoded text is handed to the CSV reader in pieces of this many bytes: small enough that each
 * piece's text is an ordinary young object (V8 puts strings above 128 KiB straight into the old
 * generation, where a file's worth of them waits for a full collection).
 */
const PIECE = 1 << 15;

/** Opens CSV or XLSX (told apart by the zip signature, whatever the content type says). */
export async function openTable(bytes: Uint8Array): Promise<OpenTable> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return isZip ? openXlsx(bytes) : openCsv(bytes);
}

/** Reads a whole table. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  const table = await openTable(bytes);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { format: table.format, headers: table.headers, rows };
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
 * The text encoding: UTF-8 (with or without BOM), else GB18030: Excel on Chinese Windows saves
 * "CSV" in the ANSI code page, which is GBK.
 */
function encodingOf(bytes: Uint8Array): "utf-8" | "gb18030" {
  return isUtf8(bytes) ? "utf-8" : "gb18030";
}

/** A whole file's text (see {@link encodingOf}). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}

/** The file's records, decoded and parsed a piece at a time. */
function* csvRecords(bytes: Uint8Array): Generator<string[]> {
  const decoder = new TextDecoder(encodingOf(bytes));
  const parser = new CsvParser();
  for (let at = 0; at < bytes.length; at += PIECE) {
    yield* parser.push(decoder.decode(bytes.subarray(at, at + PIECE), { stream: true }));
  }
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

async function openCsv(bytes: Uint8Array): Promise<OpenTable> {
  const records = csvRecords(bytes);
  const first = records.next();
  const header = first.done ? [] : first.value;
  async function* rows(): AsyncGenerator<TableRow> {
    let row = 1;
    for (const cells of records) yield { row: ++row, cells: cells.map((c) => (c === "" ? null : c)) };
  }
  return { format: "csv", headers: header.map((h) => h.trim()), rows: rows(), expectedRows: Math.max(0, countRecords(bytes) - 1) };
}

async function openXlsx(bytes: Uint8Array): Promise<OpenTable> {
  checkZip(bytes);
  const rows = xlsxRows(bytes);
  const first = await rows.next();
  if (first.done) return { format: "xlsx", headers: [], rows: rows, expectedRows: 0 };
  const headers = first.value.cells.map((c) => (c === null ? "" : c instanceof Date ? c.toISOString() : String(c).trim()));
  return { format: "xlsx", headers, rows, expectedRows: null };
}
