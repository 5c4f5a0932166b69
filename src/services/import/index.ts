/**
 * Importing a CSV or XLSX file of responses (one row per questionnaire, e.g. paper questionnaires
 * typed into Excel): every row goes through the same answer checks as a web submission, and the
 * file goes in whole or not at all, with every bad cell reported.
 */
import { phrase, say, withWording, wordingOf, type Wording } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { canonicalJson, hashJson } from "../../lib/canonical-hash.js";
import type { AnswerCheckers } from "../answer-checkers.js";
import { type Actor, recordAudit } from "../audit.js";
import { loadQuestionnaire } from "../questionnaires.js";
import { getSurveyVersion } from "../surveys.js";
import { assembleRow, displayValue, type AssembledRow, type CellError } from "./assemble.js";
import { ColumnMatcher } from "./columns.js";
import { cellText } from "./parse-cell.js";
import { planColumns } from "./plan-columns.js";
import { readTable } from "./read-table.js";
import { stableId } from "./stable-id.js";
import { findExisting, insertResponses, type CheckedResponse } from "./store.js";

export interface ImportOptions {
  /** Check everything, store nothing. */
  dryRun?: boolean;
  /** Headers of columns to leave out (a running number, the typist's name…). */
  ignore?: string[];
  onProgress?: (phase: "check" | "store", done: number, total: number) => void;
  /** Who imports: a stored import is audited (rows, created, repeated) when given; null is the platform. */
  actor?: Actor | null;
}

export interface ImportResult {
  survey: string;
  /** Rows with answers (empty rows are skipped). */
  rows: number;
  created: number;
  /** Rows already stored by an earlier import of the same content. */
  repeated: number;
  emptyRows: number;
  dryRun: boolean;
}

/** An import lists every bad cell, but a hopeless file should not produce a million-entry answer. */
export const MAX_LISTED_ERRORS = 10_000;

function isEmptyRow(cells: unknown[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}

/** Imports a file into a survey: all rows or none. */
export async function importResponses(db: Db, checkers: AnswerCheckers, name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const survey = await loadQuestionnaire(db, name);
  const table = await readTable(bytes);
  if (table.headers.every((h) => h === "")) throw new AppError("unprocessable", phrase("imports.noHeader"));
  const plan = planColumns(table, new ColumnMatcher(survey.questionnaire.questions), options.ignore ?? []);
  const errors: CellError[] = [...plan.errors];
  const references = new Map(survey.questionnaire.questions.map((q) => [q.key, new Set(q.references)]));

  const versions = new Map<number, Awaited<ReturnType<typeof getSurveyVersion>> | null>();
  const versionOf = async (version: number) => {
    if (!versions.has(version)) versions.set(version, await getSurveyVersion(db, name, version).catch(() => null));
    return versions.get(version)!;
  };
  const checked: (CheckedResponse & { row: number })[] = [];
  const explicitIds = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const dataRows = table.rows.filter((r) => !isEmptyRow(r.cells));
  let done = 0;
  for (const { row, cells } of dataRows) {
    const { assembled, errors: cellErrors } = assembleRow(row, cells, plan.columns);
    errors.push(...cellErrors);
    const result = await checkRow(assembled, await versionOf(assembled.version ?? survey.version), checkers, new Set(cellErrors.map((e) => e.question)), references);
    errors.push(...result.errors);
    if (result.response) {
      const submitted = { data: assembled.data, complete: assembled.complete, version: assembled.version ?? null };
      const content = canonicalJson(submitted);
      const occurrence = occurrences.get(content) ?? 0;
      occurrences.set(content, occurrence + 1);
      const id = stableId(name, assembled.explicitId, content, occurrence);
      const first = explicitIds.get(id);
      if (assembled.explicitId !== undefined && first !== undefined) {
        errors.push(rowError(assembled, "(id)", "duplicate_id", phrase("imports.duplicateId", { id: assembled.explicitId, first })));
      } else {
        if (assembled.explicitId !== undefined) explicitIds.set(id, row);
        checked.push({ ...result.response, id, bodyHash: hashJson(submitted), row });
      }
    }
    if (++done % 200 === 0) {
      options.onProgress?.("check", done, dataRows.length);
      // Let other requests run during a long import.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  options.onProgress?.("check", dataRows.length, dataRows.length);

  if (errors.length === 0) {
    const existing = await findExisting(db, survey.surveyId, checked);
    for (const response of checked) {
      const state = existing.get(response.id);
      const why =
        state === "conflict"
          ? phrase("imports.storedOtherwise", { id: response.id })
          : state === "other_survey"
            ? phrase("imports.idOfOtherSurvey", { id: response.id })
            : state === "deleted"
              ? phrase("imports.deletedRow", { id: response.id })
              : null;
      const code = state === "deleted" ? "deleted" : "conflict";
      if (why) errors.push(withWording({ row: response.row, column: null, cell: null, value: response.id, question: "(id)", code, message: say("en", why) }, why));
    }
  }
  if (errors.length > 0) throw importFailure(errors, dataRows.length);

  const base = { survey: name, rows: checked.length, emptyRows: table.rows.length - dataRows.length, dryRun: options.dryRun === true };
  if (options.dryRun) {
    const existing = await findExisting(db, survey.surveyId, checked);
    const repeated = checked.filter((r) => existing.get(r.id) === "repeat").length;
    return { ...base, created: checked.length - repeated, repeated };
  }
  const stored = await insertResponses(db, survey.surveyId, checked, (n) => options.onProgress?.("store", n, checked.length));
  if (options.actor !== undefined) {
    await recordAudit(db, {
      actor: options.actor,
      survey: survey.surveyId,
      action: "import",
      details: { rows: checked.length, created: stored.created, repeated: stored.repeated },
    });
  }
  return { ...base, ...stored };
}

function rowError(row: AssembledRow, question: string, code: string, wording: Wording): CellError {
  return withWording({ row: row.row, column: null, cell: null, value: null, question, code, message: say("en", wording) }, wording);
}

/** Runs the web submission's checks on a row and places each finding on the column it came from. */
/** True when a question's conditions or validators use an answer that could not be read: its verdict waits for that cell. */
function dependsOnFailed(key: string, failed: Set<string>, references: Map<string, Set<string>>): boolean {
  const names = references.get(key);
  if (!names) return false;
  for (const other of failed) if (other !== key && names.has(other.toLowerCase())) return true;
  return false;
}

async function checkRow(
  row: AssembledRow,
  version: Awaited<ReturnType<typeof getSurveyVersion>> | null,
  checkers: AnswerCheckers,
  failed: Set<string>,
  references: Map<string, Set<string>>,
) {
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

function importFailure(errors: CellError[], rows: number): AppError {
  errors.sort((a, b) => a.row - b.row || (a.cell ?? "").length - (b.cell ?? "").length || (a.cell ?? "").localeCompare(b.cell ?? ""));
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const badRows = new Set(errors.map((e) => e.row)).size;
  return new AppError("unprocessable", phrase("imports.failed", { problems: errors.length, badRows, rows, listed: listed.length }), listed);
}
