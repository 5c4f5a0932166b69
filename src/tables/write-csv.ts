import { formatPercent } from "../../analysis/charts/index.js";
import type { ChartLang } from "../../analysis/charts/index.js";
import { shownText, type ResultTable, type TableCell } from "./result-table.js";
import { tableWords } from "./table-words.js";
import { UTF8_BOM, quoteCsv } from "../lib/csv.js";
import { neutralise } from "../lib/formula-injection.js";

/** Options of {@link writeCsv}. */
export interface CsvOptions {
  /** Language of the note about neutralised cells (default "zh-Hans"). */
  lang?: ChartLang;
  /** Percentages as "52.2%" (default, what Excel reads as a percentage) or as fractions (0.522…). */
  percent?: "percent" | "fraction";
}

/**
 * Writes result tables as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends,
 * RFC 4180 quoting, each table as title, header rows, body and notes, tables apart by
 * an empty line. Every text cell that starts with = + - @, a tab or a carriage return
 * gets a leading single quote, so that a spreadsheet shows it instead of running it as
 * a formula (OWASP, CSV injection); when that happened a note says so. Numbers are
 * written by the platform itself as plain numbers, with the digits their format shows.
 *
 * @param tables the tables
 * @param options language of the note, percent style
 * @returns the CSV text, starting with the BOM
 */
export function writeCsv(tables: ResultTable[], options: CsvOptions = {}): string {
  const lang = options.lang ?? "zh-Hans";
  let neutralised = false;
  const cellText = (value: string) => {
    const safe = neutralise(value);
    if (safe !== value) neutralised = true;
    return quoteCsv(safe);
  };
  const number = (cell: TableCell) => {
    const v = cell.value as number;
    if (cell.format === "percent" && options.percent !== "fraction") return formatPercent(v, 1);
    return cell.format ? shownText(v, cell.format) : String(v);
  };
  const lines: string[] = [];
  tables.forEach((table, t) => {
    if (t > 0) lines.push("");
    lines.push(cellText(table.title));
    for (const row of table.header) {
      lines.push(row.flatMap((h) => [cellText(h.text), ...Array<string>((h.span ?? 1) - 1).fill("")]).join(","));
    }
    for (const row of table.rows) {
      lines.push(row.map((c) => (c.value === null ? "" : typeof c.value === "number" ? number(c) : cellText(c.value))).join(","));
    }
    lines.push("");
    for (const note of table.notes) lines.push(cellText(note));
  });
  if (neutralised) lines.push(quoteCsv(tableWords(lang).neutralised));
  return UTF8_BOM + lines.join("\r\n") + "\r\n";
}
