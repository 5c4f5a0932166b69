/** Checking a batch of rows: the checks started (in a worker thread or here), then each row given its id in file order. */
import { phrase } from "../../../i18n/phrase.js";
import { fieldsToWordings } from "../../jobs/transfer-error.js";
import type { AnswerCheckers } from "../answer-checkers.js";
import type { CellError, PlannedColumn } from "./assemble.js";
import { rowError, type SurveyVersion } from "./check-row.js";
import { checkRows, type CheckRowsInput, type RowVerdict } from "./check-rows.js";
import type { TableRow } from "./read-table.js";
import { stableId } from "./stable-id.js";
import { sha256 } from "../../lib/canonical-hash.js";
import type { CheckedResponse } from "./stored-state.js";

/** A checked row: the response to store, its row number, and whether its id came from the file. */
export type CheckedRow = CheckedResponse & { row: number; explicit: boolean };

/**
 * The ids of a file's rows, as they are handed out. Held for the whole file (an id used twice
 * may be rows apart), so only short keys are kept: the id, and a hash of each distinct content.
 */
export class RowIds {
  private readonly explicit = new Map<string, number>();
  private readonly occurrences = new Map<string, number>();
  constructor(private readonly survey: string) {}

  /** The row's id, or the row that used its explicit id first; `content` is needed only without an explicit id. */
  take(row: number, explicitId: string | undefined, content: string | undefined): { id: string } | { first: number } {
    if (explicitId !== undefined) {
      const id = stableId(this.survey, explicitId, "", 0);
      const first = this.explicit.get(id);
      if (first !== undefined) return { first };
      this.explicit.set(id, row);
      return { id };
    }
    if (content === undefined) throw new Error("RowIds.take: a row without an id of its own needs its content");
    const key = sha256(content);
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    return { id: stableId(this.survey, undefined, content, occurrence) };
  }
}

/** Runs {@link checkRows} elsewhere (a worker thread); absent, it runs in this thread. */
export type RowChecker = (input: CheckRowsInput) => Promise<RowVerdict[]>;

export interface BatchContext {
  survey: string;
  columns: PlannedColumn[];
  checkers: AnswerCheckers;
  references: Map<string, Set<string>>;
  ids: RowIds;
  /** Every version of the survey by number. */
  versions: Map<number, SurveyVersion>;
  currentVersion: number;
  /** Where the rows are checked; in this thread when absent. */
  check?: RowChecker;
}

/**
 * Starts the checks of a batch (in the worker thread when there is one) and returns their
 * verdicts to come: the caller reads and hands out the next batch meanwhile.
 */
export async function startChecks(rows: readonly TableRow[], context: BatchContext): Promise<RowVerdict[]> {
  const input: CheckRowsInput = { rows: [...rows], columns: context.columns, references: context.references, versions: context.versions, currentVersion: context.currentVersion };
  // Without a worker the rows are checked here, before the first await; a throw becomes the rejection.
  return context.check ? context.check(input) : checkRows(input, context.checkers);
}

/**
 * A batch's verdicts, in file order: pushes what is wrong onto `errors` and returns the rows that
 * passed, each with its id (ids are handed out here, in order, whatever thread checked the rows).
 */
export function takeVerdicts(verdicts: readonly RowVerdict[], context: BatchContext, errors: CellError[]): CheckedRow[] {
  const checked: CheckedRow[] = [];
  for (const { row, errors: found, passed } of verdicts) {
    if (found.length > 0) errors.push(...fieldsToWordings(found));
    if (!passed) continue;
    const taken = context.ids.take(row, passed.explicitId, passed.content);
    if ("first" in taken) {
      errors.push(rowError({ row }, "(id)", "duplicate_id", phrase("imports.duplicateId", { id: passed.explicitId!, first: taken.first })));
      continue;
    }
    checked.push({ ...passed.response, id: taken.id, row, explicit: passed.explicitId !== undefined });
  }
  return checked;
}
