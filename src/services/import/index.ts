/**
 * Importing a CSV or XLSX file of responses (one row per questionnaire, e.g. paper questionnaires
 * typed into Excel): every row goes through the same answer checks as a web submission, and the
 * file goes in whole or not at all, with every bad cell reported.
 *
 * The file is read as a stream of rows and checked in batches; checked rows wait in a spool file,
 * so memory stays the same whatever the number of rows, and are stored only when all have passed.
 */
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { listVariables } from "../variables/store.js";
import { AppError } from "../../errors.js";
import type { AnswerCheckers } from "../answer-checkers.js";
import { type Actor, recordAudit } from "../audit.js";
import { loadQuestionnaire } from "../questionnaires.js";
import { getSurveyVersion } from "../surveys.js";
import type { CellError } from "./assemble.js";
import { RowIds, startChecks, takeVerdicts, type CheckedRow, type RowChecker } from "./check-batch.js";
import type { RowVerdict } from "./check-rows.js";
import { surveyVersionNumbers } from "./survey-versions.js";
import { ColumnMatcher } from "./columns.js";
import { Findings } from "./findings.js";
import { planColumns, UnheadedColumns } from "./plan-columns.js";
import { openTable, type TableRow } from "./read-table.js";
import { Spool } from "./spool.js";
import { insertResponses } from "./store.js";
import { findExisting, findLookalikes } from "./stored-state.js";
import { rowError } from "./check-row.js";

export { MAX_LISTED_ERRORS } from "./findings.js";

export type ImportPhase = "check" | "store";

export interface ImportOptions {
  /** Check everything, store nothing. */
  dryRun?: boolean;
  /** Headers of columns to leave out (a running number, the typist's name…). */
  ignore?: string[];
  /**
   * Called after each batch: rows done so far, and how many there are (for CSV about how many
   * rows the file holds, empty ones included; null when the format does not tell).
   */
  onProgress?: (phase: ImportPhase, done: number, total: number | null) => void;
  /** Rows checked, and looked up in the database, together. */
  batchSize?: number;
  /** Who imports: a stored import is audited (rows, created, repeated) when given; null is the platform. */
  actor?: Actor | null;
  /** Where rows are checked (a worker thread, src/jobs); in this thread when absent. */
  check?: RowChecker;
  /** Called between batches: lets other requests in, and paces the import behind submissions (src/jobs/pace.ts); the next turn of the event loop when absent. */
  pace?: () => Promise<void>;
}

export interface ImportResult {
  survey: string;
  /** Rows with answers (empty rows are skipped). */
  rows: number;
  created: number;
  /** Rows already stored: by an earlier import of the same content, or unchanged since they were exported. */
  repeated: number;
  emptyRows: number;
  dryRun: boolean;
  /** Rows without an id whose answers equal a stored response's: they are added, but probably twice. */
  likelyDuplicates: number;
  /** One warning per such row (the first ones, when there are very many). */
  warnings: CellError[];
}

const BATCH_ROWS = 500;

function isEmptyRow(cells: unknown[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));
}

async function* inBatches(rows: AsyncIterable<TableRow>, size: number): AsyncGenerator<TableRow[]> {
  let batch: TableRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Batches read and handed to the checks ahead of the one being finished: one per worker thread is enough to keep them busy. */
const BATCHES_AHEAD = 2;

/** A batch whose checks are running. */
interface InFlight {
  /** Findings so far (columns without a header); the checks' are added in file order. */
  found: CellError[];
  emptyRows: number;
  filled: number;
  verdicts: Promise<RowVerdict[]>;
}

/** Sets empty rows aside and starts the checks of the rest. */
function dispatch(batch: TableRow[], unheaded: UnheadedColumns, context: Parameters<typeof startChecks>[1]): InFlight {
  const found: CellError[] = [];
  const filled: TableRow[] = [];
  let emptyRows = 0;
  for (const row of batch) {
    found.push(...unheaded.check(row.cells));
    if (isEmptyRow(row.cells)) emptyRows++;
    else filled.push(row);
  }
  const verdicts = startChecks(filled, context);
  // Awaited in turn; a failure while an earlier batch is finished must not count as unhandled.
  verdicts.catch(() => {});
  return { found, emptyRows, filled: filled.length, verdicts };
}

/** Imports a file into a survey: all rows or none. */
export async function importResponses(db: Db, checkers: AnswerCheckers, name: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const survey = await loadQuestionnaire(db, name);
  const table = await openTable(bytes);
  if (table.headers.every((h) => h === "")) throw new AppError("unprocessable", phrase("imports.noHeader"));
  // Columns of derived variables (an export's recodes) are computed, never imported.
  const derived = (await listVariables(db, survey.surveyId)).flatMap((v) => [v.name, ...(typeof v.label === "string" ? [v.label] : Object.values(v.label ?? {}))]);
  const plan = planColumns(table.headers, new ColumnMatcher(survey.questionnaire.questions), [...(options.ignore ?? []), ...derived]);
  const unheaded = new UnheadedColumns(table.headers);
  const errors = new Findings();
  const warnings = new Findings();
  errors.add(plan.errors);

  // Every version, read once: the checks then need no database and can run in a worker thread.
  const versions = new Map<number, Awaited<ReturnType<typeof getSurveyVersion>>>();
  for (const version of await surveyVersionNumbers(db, survey.surveyId)) versions.set(version, await getSurveyVersion(db, name, version));
  const context = {
    survey: name,
    columns: plan.columns,
    checkers,
    references: new Map(survey.questionnaire.questions.map((q) => [q.key, new Set(q.references)])),
    ids: new RowIds(name),
    versions,
    currentVersion: survey.version,
    check: options.check,
  };
  const spool = options.dryRun ? null : await Spool.open();
  try {
    let rows = 0;
    let emptyRows = 0;
    let repeated = 0;
    // Batches in flight: the next ones are read and checked (in the worker threads) while this
    // thread hands out the ids of the current one and looks it up in the database.
    const batches = inBatches(table.rows, options.batchSize ?? BATCH_ROWS)[Symbol.asyncIterator]();
    const ahead: InFlight[] = [];
    const readAhead = async () => {
      while (ahead.length < BATCHES_AHEAD) {
        const next = await batches.next();
        if (next.done) return;
        ahead.push(dispatch(next.value, unheaded, context));
      }
    };
    try {
      await readAhead();
      while (ahead.length > 0) {
        const current = ahead.shift()!;
        await readAhead();
        const found = current.found;
        emptyRows += current.emptyRows;
        rows += current.filled;
        const checked = takeVerdicts(await current.verdicts, context, found);
        const fresh = await compareWithStored(db, survey.surveyId, checked, found, warnings);
        repeated += checked.length - fresh.length;
        errors.add(found);
        // Once any row is wrong nothing will be stored: the rest is only checked, to list every error.
        if (spool && errors.count === 0) await spool.write(fresh.map(({ row, explicit, ...response }) => response));
        options.onProgress?.("check", rows + emptyRows, table.expectedRows);
        // Let other requests run during a long import.
        await (options.pace ? options.pace() : new Promise((resolve) => setImmediate(resolve)));
      }
    } finally {
      // Stopped early (a throw): the file's reader is closed, as `for await` would close it.
      await batches.return?.(undefined);
    }
    options.onProgress?.("check", rows + emptyRows, rows + emptyRows);
    if (errors.count > 0) throw errors.failure(rows);

    const base = { survey: name, rows, emptyRows, dryRun: options.dryRun === true, likelyDuplicates: warnings.count, warnings: warnings.list() };
    if (!spool) return { ...base, created: rows - repeated, repeated };
    const total = spool.size;
    const stored = await insertResponses(db, survey.surveyId, spool.batches(1000), (done) => options.onProgress?.("store", done, total));
    if (options.actor !== undefined) {
      await recordAudit(db, { actor: options.actor, survey: survey.surveyId, action: "import", details: { rows, created: stored.created, repeated: repeated + stored.repeated } });
    }
    return { ...base, created: stored.created, repeated: repeated + stored.repeated };
  } finally {
    await spool?.remove();
  }
}

/**
 * Sorts a batch's checked rows by what is stored under their ids: repeats drop out, conflicts
 * and ids of other surveys become errors, and rows without an id of their own whose answers
 * equal a stored response's become warnings. Returns the rows to store.
 */
async function compareWithStored(db: Db, surveyId: number, checked: CheckedRow[], errors: CellError[], warnings: Findings): Promise<CheckedRow[]> {
  const existing = await findExisting(db, surveyId, checked);
  const fresh: CheckedRow[] = [];
  for (const response of checked) {
    const state = existing.get(response.id);
    if (state === "repeat") continue;
    if (state === "conflict") errors.push(rowError(response, "(id)", "conflict", phrase("imports.storedOtherwise", { id: response.id }), response.id));
    else if (state === "other_survey") errors.push(rowError(response, "(id)", "conflict", phrase("imports.idOfOtherSurvey", { id: response.id }), response.id));
    else if (state === "deleted") errors.push(rowError(response, "(id)", "deleted", phrase("imports.deletedRow", { id: response.id }), response.id));
    else fresh.push(response);
  }
  const lookalikes = await findLookalikes(
    db,
    surveyId,
    fresh.filter((r) => !r.explicit),
  );
  warnings.add(
    fresh
      .filter((r) => lookalikes.has(r.id))
      .map((r) => rowError(r, "(row)", "looks_like_duplicate", phrase("imports.looksLikeDuplicate", { id: lookalikes.get(r.id)! }), lookalikes.get(r.id)!)),
  );
  return fresh;
}
