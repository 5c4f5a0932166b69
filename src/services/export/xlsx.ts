/**
 * XLSX export, written as SpreadsheetML parts into a zip deflated synchronously as each batch of
 * rows is turned into XML: the output keeps pace with the rows by construction. (exceljs's
 * streaming writer deflates asynchronously and ignores backpressure: at a million rows its memory
 * grew past 800 MiB.) Strings are inline, so no shared-string table grows either.
 */
import { neutralise } from "../../lib/formula-injection.js";
import { excelDateTime } from "../../lib/time-zone.js";
import { textRenderer, type TextCell } from "./cells.js";
import { codebookRows, type Codebook } from "./codebook.js";
import type { Language } from "../../../i18n/language.js";
import { RowContext, type ExportRow, type Layout } from "../dataset/variables.js";
import { Visibility } from "../../questionnaire/visibility.js";
import { NativeZipDeflate, zipWriter } from "./zip.js";

/** Sheet names (Excel allows neither "/" nor more than 31 characters). */
export const SHEET_NAMES: Record<Language, { data: string; codebook: string }> = {
  "zh-Hans": { data: "答卷数据", codebook: "变量说明 codebook" },
  "zh-Hant": { data: "答卷資料", codebook: "變數說明 codebook" },
  en: { data: "Responses", codebook: "Codebook" },
};

/** Excel's limits: rows per sheet, characters per cell. */
const MAX_ROWS = 1_048_576;
const MAX_CELL = 32_767;

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 allows no control characters other than tab, line feed and carriage return, so they go.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** Column letters of a 0-based index. */
function letters(index: number): string {
  let out = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** An Excel serial date-time: written as a number in the date-time style, so Excel sorts and computes with it. */
class DateTimeCell {
  constructor(readonly serial: number) {}
}
type SheetCell = TextCell | DateTimeCell;

/** The cell style (index into cellXfs) of date-times. */
const DATE_TIME_STYLE = 1;

/** One row of cells as SpreadsheetML: numbers as numbers, true/false as booleans, times as date-times, text inline (neutralised). */
function rowXml(row: number, cells: readonly SheetCell[], columns: readonly string[]): string {
  let xml = `<row r="${row}">`;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === "") continue;
    const ref = `${columns[i]}${row}`;
    if (cell instanceof DateTimeCell) xml += `<c r="${ref}" s="${DATE_TIME_STYLE}"><v>${cell.serial}</v></c>`;
    else if (typeof cell === "number") xml += Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : "";
    else if (typeof cell === "boolean") xml += `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
    else {
      const text = escapeXml(neutralise(cell).slice(0, MAX_CELL));
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      xml += `<c r="${ref}" t="inlineStr"><is><t${space}>${text}</t></is></c>`;
    }
  }
  return `${xml}</row>`;
}

const SHEET_START = `${HEAD}<worksheet xmlns="${NS}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>`;
const SHEET_END = "</sheetData></worksheet>";
// Style 1 shows a date-time as 2023-06-01 18:00:00 (a custom format: the built-in 22 follows the reader's locale).
const STYLES = `${HEAD}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The parts that list the sheets, written last when their number is known. */
function packageParts(sheetNames: string[]): [string, string][] {
  const sheets = sheetNames.map((_, i) => i + 1);
  return [
    [
      "[Content_Types].xml",
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ],
    [
      "_rels/.rels",
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${sheetNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", STYLES],
  ];
}

/**
 * Streams an XLSX workbook: the responses on the first sheet (continued on further sheets past
 * Excel's 1,048,576 rows), the codebook on the last. Each batch of rows becomes compressed bytes
 * before the next batch is read. Times are Excel date-times of the wall-clock time in `timeZone`.
 */
export async function* writeXlsx(layout: Layout, batches: AsyncIterable<ExportRow[]>, codebook: Codebook, timeZone: string): AsyncGenerator<Uint8Array> {
  const { zip, drain } = zipWriter();
  const encoder = new TextEncoder();
  const names = SHEET_NAMES[layout.language];
  const sheetNames: string[] = [];
  const columns = layout.variables.map((_, i) => letters(i));
  const header = layout.variables.map((v) => v.name);
  let sheet: NativeZipDeflate | null = null;
  let row = 0;
  const openSheet = (name: string, first: readonly TextCell[], refs: readonly string[]) => {
    sheet?.push(encoder.encode(SHEET_END), true);
    sheetNames.push(name);
    sheet = new NativeZipDeflate(`xl/worksheets/sheet${sheetNames.length}.xml`);
    zip.add(sheet);
    sheet.push(encoder.encode(SHEET_START + rowXml(1, first, refs)));
    row = 1;
  };
  openSheet(names.data, header, columns);
  yield* drain();

  const values = layout.mode === "values";
  const renderers = layout.variables.map((v): ((raw: number | string | null) => SheetCell) =>
    v.format === "DATETIME" ? (raw) => (typeof raw === "number" ? new DateTimeCell(excelDateTime(raw, timeZone)) : null) : textRenderer(v, values),
  );
  const visibility = new Visibility();
  for await (const batch of batches) {
    let xml = "";
    for (const response of batch) {
      if (row === MAX_ROWS) {
        sheet!.push(encoder.encode(xml));
        xml = "";
        openSheet(`${names.data} ${sheetNames.length + 1}`.slice(0, 31), header, columns);
      }
      const context = new RowContext(response, visibility);
      xml += rowXml(
        ++row,
        layout.variables.map((v, i) => renderers[i](v.read(context))),
        columns,
      );
    }
    if (xml) sheet!.push(encoder.encode(xml));
    yield* drain();
  }

  const book = codebookRows(codebook);
  const bookColumns = book[0].map((_, c) => letters(c));
  openSheet(names.codebook, book[0], bookColumns);
  sheet!.push(
    encoder.encode(
      book
        .slice(1)
        .map((cells, i) => rowXml(i + 2, cells, bookColumns))
        .join(""),
    ),
  );
  sheet!.push(encoder.encode(SHEET_END), true);
  for (const [path, xml] of packageParts(sheetNames)) {
    const part = new NativeZipDeflate(path);
    zip.add(part);
    part.push(encoder.encode(xml), true);
  }
  zip.end();
  yield* drain();
}
