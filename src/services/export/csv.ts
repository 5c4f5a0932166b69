/** CSV export: UTF-8 with a byte-order mark (so Excel reads the Chinese), RFC 4180 quoting, CRLF. */
import { UTF8_BOM, quoteCsv } from "../../lib/csv.js";
import { neutralise } from "../../lib/formula-injection.js";
import { textRenderer, zonedTimeText, type TextCell } from "./cells.js";
import { RowContext, type ExportRow, type Layout } from "../dataset/variables.js";
import { Visibility } from "../../questionnaire/visibility.js";

/** One CSV field: blank for no value, numbers as written, text neutralised and quoted. */
export function csvField(cell: TextCell): string {
  if (cell === null) return "";
  if (typeof cell !== "string") return String(cell);
  return quoteCsv(neutralise(cell));
}

/**
 * Writes the rows batch by batch: each batch becomes one chunk, so memory holds one batch
 * whatever the number of responses. Times are the wall-clock time in `timeZone` with its offset.
 */
export async function* writeCsv(layout: Layout, batches: AsyncIterable<ExportRow[]>, timeZone: string): AsyncGenerator<Uint8Array> {
  const values = layout.mode === "values";
  const times = zonedTimeText(timeZone);
  const renderers = layout.variables.map((v) => textRenderer(v, values, times));
  const visibility = new Visibility();
  yield Buffer.from(UTF8_BOM + layout.variables.map((v) => csvField(v.name)).join(",") + "\r\n");
  for await (const batch of batches) {
    let text = "";
    for (const row of batch) {
      const context = new RowContext(row, visibility);
      const fields = layout.variables.map((v, i) => csvField(renderers[i](v.read(context))));
      text += fields.join(",") + "\r\n";
    }
    yield Buffer.from(text);
  }
}
