/**
 * The CPU-heavy half of checking an import batch: cells read and the web submission's checks
 * run on each row. Plain data in and out (no database, no state across batches), so it runs in
 * a worker thread (src/jobs) as well as in the caller's thread.
 */
import type { Wording } from "../../../i18n/phrase.js";
import { wordingsToFields } from "../../jobs/transfer-error.js";
import { canonicalJson, sha256 } from "../../lib/canonical-hash.js";
import { AnswerCheckers } from "../answer-checkers.js";
import { assembleRow, type CellError, type PlannedColumn } from "./assemble.js";
import { checkRow, type SurveyVersion } from "./check-row.js";
import type { TableRow } from "./read-table.js";
import type { CheckedResponse } from "./stored-state.js";

/** What {@link checkRows} needs: the rows, the column plan, and every version of the survey. */
export interface CheckRowsInput {
  rows: TableRow[];
  columns: PlannedColumn[];
  references: Map<string, Set<string>>;
  /** The survey's versions by number; a row naming another version is an unknown version. */
  versions: Map<number, SurveyVersion>;
  currentVersion: number;
}

/** A row that passed: the response without its id (ids are handed out in file order by the caller). */
export interface PassedRow {
  response: Omit<CheckedResponse, "id">;
  /**
   * The canonical JSON of the row as submitted, for a row without an id of its own: its id and its
   * duplicate checks derive from it. Left out when the file gives the id: a kilobyte a row that
   * would cross the threads for nothing.
   */
  content?: string;
  explicitId?: string;
}

/** One row's verdict; errors carry their wording as a plain field (they may cross threads). */
export interface RowVerdict {
  row: number;
  errors: (CellError & { wording?: Wording })[];
  passed?: PassedRow;
}

/** Checkers built in this thread (a worker keeps its own). */
const localCheckers = new AnswerCheckers();

/**
 * Checks each row of a batch, in order.
 *
 * @param input rows, columns, versions
 * @param checkers answer checkers to reuse (the caller's, in its thread)
 * @returns one verdict per row
 */
export function checkRows(input: CheckRowsInput, checkers: AnswerCheckers = localCheckers): RowVerdict[] {
  return input.rows.map(({ row, cells }) => {
    const { assembled, errors: cellErrors } = assembleRow(row, cells, input.columns);
    const version = input.versions.get(assembled.version ?? input.currentVersion) ?? null;
    const failed = new Set(cellErrors.map((e) => e.question));
    const result = checkRow(assembled, version, checkers, failed, input.references);
    const errors = wordingsToFields([...cellErrors, ...result.errors]);
    if (!result.response) return { row, errors };
    const content = canonicalJson({ data: assembled.data, complete: assembled.complete, version: assembled.version ?? null });
    const response = { ...result.response, versionGiven: assembled.version !== undefined, bodyHash: sha256(content) };
    const passed = assembled.explicitId === undefined ? { response, content } : { response, explicitId: assembled.explicitId };
    return { row, errors, passed };
  });
}
