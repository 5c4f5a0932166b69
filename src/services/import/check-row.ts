/** Running the web submission's checks on one assembled row, and placing each finding on its column. */
import { say, withWording, wordingOf, type Wording } from "../../../i18n/phrase.js";
import { phrase } from "../../../i18n/phrase.js";
import type { AnswerCheckers } from "../answer-checkers.js";
import type { getSurveyVersion } from "../surveys.js";
import { displayValue, type AssembledRow, type CellError } from "./assemble.js";
import { cellText } from "./parse-cell.js";

export type SurveyVersion = Awaited<ReturnType<typeof getSurveyVersion>>;

/** An error about a whole row (its id, version or state), not one cell. */
export function rowError(row: { row: number }, question: string, code: string, wording: Wording, value: string | null = null): CellError {
  return withWording({ row: row.row, column: null, cell: null, value, question, code, message: say("en", wording) }, wording);
}

/** True when a question's conditions or validators use an answer that could not be read: its verdict waits for that cell. */
function dependsOnFailed(key: string, failed: Set<string>, references: Map<string, Set<string>>): boolean {
  const names = references.get(key);
  if (!names) return false;
  for (const other of failed) if (other !== key && names.has(other.toLowerCase())) return true;
  return false;
}

/**
 * The checker's verdict on a row: the response to store, or the errors. Questions whose own
 * cells could not be read (`failed`) were reported already, and so is what depends on them.
 */
export function checkRow(row: AssembledRow, version: SurveyVersion | null, checkers: AnswerCheckers, failed: Set<string>, references: Map<string, Set<string>>) {
  if (!version) return { errors: [rowError(row, "(version)", "unknown_version", phrase("imports.unknownVersion", { version: row.version }))] };
  const result = checkers.get(version.hash, version.json)(row.data, { complete: row.complete });
  if (result.ok) {
    const response = { version: version.version, data: result.data, notAsked: result.notAsked, complete: row.complete };
    return { errors: [] as CellError[], response: failed.size > 0 ? undefined : response };
  }
  const errors: CellError[] = [];
  for (const problem of result.errors) {
    const key = problem.question.endsWith("-Comment") ? problem.question.slice(0, -"-Comment".length) : problem.question;
    if (failed.has(key) || dependsOnFailed(key, failed, references)) continue;
    const columns = row.columnsByKey.get(key) ?? [];
    const column = (problem.question.endsWith("-Comment") ? columns.find((c) => c.target.kind === "other" || c.target.kind === "comment") : undefined) ?? columns[0];
    // An answer spread over option columns is quoted as the headers of the filled ones; a one-column answer as typed.
    const filled = columns.filter((c) => cellText(row.cells[c.index] ?? null) !== null && !["0", "否", "false"].includes(String(row.cells[c.index])));
    const value = columns.length > 1 ? filled.map((c) => c.header).join("; ") : column ? displayValue(row.cells[column.index] ?? null) : null;
    errors.push(
      withWording(
        {
          row: row.row,
          column: column?.header ?? null,
          cell: column ? `${column.letter}${row.row}` : null,
          value,
          question: problem.question,
          code: problem.code ?? "invalid",
          message: problem.message,
        },
        wordingOf(problem),
      ),
    );
  }
  return { errors };
}
