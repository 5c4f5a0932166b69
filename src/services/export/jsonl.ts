/** JSON Lines export: one object per response, keyed by variable name, as the CSV reads. */
import { textRenderer } from "./cells.js";
import { RowContext, type ExportRow, type Layout } from "../dataset/variables.js";
import { Visibility } from "../../questionnaire/visibility.js";

/**
 * One JSON object per line with the same variables and cells as the CSV (numbers as numbers,
 * empty cells as null). No formula neutralising: JSON is not opened by spreadsheets.
 */
export async function* writeJsonl(layout: Layout, batches: AsyncIterable<ExportRow[]>): AsyncGenerator<Uint8Array> {
  const values = layout.mode === "values";
  const renderers = layout.variables.map((v) => textRenderer(v, values));
  const visibility = new Visibility();
  for await (const batch of batches) {
    let text = "";
    for (const row of batch) {
      const context = new RowContext(row, visibility);
      // fromEntries: every variable name is an own key, whatever text the questionnaire gave it.
      const object = Object.fromEntries(layout.variables.map((v, i) => [v.name, renderers[i](v.read(context))]));
      text += JSON.stringify(object) + "\n";
    }
    yield Buffer.from(text);
  }
}
