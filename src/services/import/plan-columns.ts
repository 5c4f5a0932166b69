/** Matching a sheet's header row to the questionnaire, reporting every header it cannot use. */
import { phrase, say, withWording, type Wording } from "../../../i18n/phrase.js";
import type { CellError, PlannedColumn } from "./assemble.js";
import { normalise, type ColumnMatcher, type Target } from "./columns.js";
import { columnLetter } from "./read-table.js";

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
 * The columns to read and what each answers, from the header alone (rows are not read yet).
 * Unknown, ambiguous and repeated headers are errors (a misspelt header would otherwise drop a
 * whole column of answers unnoticed); columns listed in `ignore` are skipped, and so are columns
 * without a header, unless a row holds data there (see {@link UnheadedColumns}).
 */
export function planColumns(headers: readonly string[], matcher: ColumnMatcher, ignore: readonly string[]): { columns: PlannedColumn[]; errors: CellError[] } {
  const skip = new Set(ignore.map(normalise));
  const columns: PlannedColumn[] = [];
  const errors: CellError[] = [];
  const seen = new Map<string, string>();
  for (let index = 0; index < headers.length; index++) {
    const header = headers[index];
    if (header === "") continue;
    const letter = columnLetter(index);
    const error = (code: string, wording: Wording) => errors.push(headerError(letter, header, code, wording));
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

function headerError(letter: string, header: string, code: string, wording: Wording): CellError {
  return withWording({ row: 1, column: header || null, cell: `${letter}1`, value: header || null, question: "(header)", code, message: say("en", wording) }, wording);
}

/**
 * Columns without a header, found as the rows stream by: data under no header would be lost
 * unnoticed, so each such column is one error (on the header row), however many rows use it.
 */
export class UnheadedColumns {
  private readonly reported = new Set<number>();
  constructor(private readonly headers: readonly string[]) {}

  /** The errors for columns this row is the first to use without a header. */
  check(cells: readonly unknown[]): CellError[] {
    const found: CellError[] = [];
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index];
      if (cell === null || cell === undefined || String(cell).trim() === "") continue;
      if ((this.headers[index] ?? "") !== "" || this.reported.has(index)) continue;
      this.reported.add(index);
      const letter = columnLetter(index);
      found.push(headerError(letter, "", "missing_header", phrase("imports.missingHeader", { letter })));
    }
    return found;
  }
}
