import { formatNumber, formatPercent } from "../../analysis/charts/index.js";
import type { Language } from "../services/analysis/requests.js";
import type { ResultTable, TableCell } from "../tables/index.js";
import { escapeHtml } from "../lib/escape-html.js";

/** Options of {@link tableHtml}. */
export interface TableHtmlOptions {
  lang: Language;
  /** The table's caption ("表 3　…"). */
  caption: string;
  /** Text set as a subscript after a body cell (row, column of `table.rows`), e.g. column-proportion letters. */
  subscript?: (row: number, column: number) => string | null;
}

/**
 * A result table as an HTML table: merged header cells, numbers right-aligned and
 * formatted as the spreadsheet shows them (percentages with one decimal), total rows
 * bold, the notes in a list below.
 *
 * @param table the result table
 * @param options language, caption, subscripts
 * @returns HTML markup
 */
export function tableHtml(table: ResultTable, options: TableHtmlOptions): string {
  const head = table.header
    .map((row) => `<tr>${row.map((h) => `<th${(h.span ?? 1) > 1 ? ` colspan="${h.span}"` : ""}>${escapeHtml(h.text).replace(/\n/g, "<br>")}</th>`).join("")}</tr>`)
    .join("");
  const body = table.rows
    .map((row, r) => {
      const cells = row.map((cell, c) => {
        const tag = c === 0 ? "th" : "td";
        const sub = options.subscript?.(r, c);
        const classes = [typeof cell.value === "number" ? "num" : "", cell.bold ? "total" : ""].filter(Boolean).join(" ");
        return `<${tag}${c === 0 ? ' scope="row"' : ""}${classes ? ` class="${classes}"` : ""}>${escapeHtml(cellText(cell, options.lang))}${sub ? `<sub>${escapeHtml(sub)}</sub>` : ""}</${tag}>`;
      });
      return `<tr${row.some((cell) => cell.bold) ? ' class="total"' : ""}>${cells.join("")}</tr>`;
    })
    .join("");
  const notes = table.notes.length > 0 ? `<ul class="table-notes">${table.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : "";
  return `<div class="table-wrap"><table><caption>${escapeHtml(options.caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>${notes}`;
}

/** A cell as the reader sees it. */
export function cellText(cell: TableCell, lang: Language): string {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "string") return v;
  const minus = (s: string) => s.replace(/^-/, "−");
  switch (cell.format) {
    case "percent":
      return minus(formatPercent(v, 1));
    case "weighted":
      return minus(formatNumber(v, lang, 1));
    case "decimal":
      return minus(formatNumber(v, lang, Number.isInteger(v) ? 0 : 2));
    case "ratio":
      return minus(formatNumber(v, lang, 3));
    default:
      return minus(formatNumber(v, lang, Number.isInteger(v) ? 0 : 2));
  }
}
