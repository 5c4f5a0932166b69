/** Matching a sheet's header row to the questionnaire, reporting every header it cannot use. */
import { phrase, say, withWording, type Wording } from "../../../i18n/phrase.js";
import type { CellError, PlannedColumn } from "./assemble.js";
import { normalise, type ColumnMatcher, type Target } from "./columns.js";
import { columnLetter, type Table } from "./read-table.js";

function identity(target: Target): string {
  const parts: unknown[] = [target.kind];
  if ("spec" in target) parts.push(target.spec.key);
  if (target.kind === "option" || target.kind === "rank") parts.push(target.item.value);
  if (target.kind === "row") parts.push(target.row.value);
  if (target.kind === "cell" || target.kind === "cell_other") parts.push(target.row.value, target.column.name);
  if (target.kind === "item") parts.push(target.item.name);
  return JSON.stringify(parts);
}

/**
 * The columns to read and what each answers. Unknown, ambiguous and repeated headers are errors
 * (a misspelt header would otherwise drop a whole column of answers unnoticed); columns listed in
 * `ignore` are skipped, and so are columns with neither a header nor data.
 */
export function planColumns(table: Table, matcher: ColumnMatcher, ignore: readonly string[]): { columns: PlannedColumn[]; errors: CellError[] } {
  const skip = new Set(ignore.map(normalise));
  const columns: PlannedColumn[] = [];
  const errors: CellError[] = [];
  const seen = new Map<string, string>();
  const width = Math.max(table.headers.length, ...table.rows.map((r) => r.cells.length));
  for (let index = 0; index < width; index++) {
    const header = table.headers[index] ?? "";
    const letter = columnLetter(index);
    const error = (code: string, wording: Wording) =>
      errors.push(withWording({ row: 1, column: header || null, cell: `${letter}1`, value: header || null, question: "(header)", code, message: say("en", wording) }, wording));
    if (header === "") {
      const used = table.rows.some((r) => r.cells[index] !== null && r.cells[index] !== undefined && String(r.cells[index]).trim() !== "");
      if (used) error("missing_header", phrase("imports.missingHeader", { letter }));
      continue;
    }
    if (skip.has(normalise(header))) continue;
    const found = matcher.match(header);
    if (!found) {
      error("unknown_column", phrase("imports.unknownColumn", { header }));
      continue;
    }
    if ("ambiguous" in found) {
      error("ambiguous_column", phrase("imports.ambiguousColumn", { header, candidates: found.ambiguous }));
      continue;
    }
    const target = found.target;
    if (target.kind !== "ignored") {
      const id = identity(target);
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        error("duplicate_column", phrase("imports.duplicateColumn", { header, earlier }));
        continue;
      }
      seen.set(id, header);
    }
    columns.push({ index, header, letter, target });
  }
  return { columns, errors };
}
