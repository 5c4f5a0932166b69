/** Checking a batch of rows: cells read, the web submission's checks run, each row given its id. */
import { phrase } from "../../../i18n/phrase.js";
import { canonicalJson, sha256 } from "../../lib/canonical-hash.js";
import type { AnswerCheckers } from "../answer-checkers.js";
import { assembleRow, type CellError, type PlannedColumn } from "./assemble.js";
import { checkRow, rowError, type SurveyVersion } from "./check-row.js";
import type { TableRow } from "./read-table.js";
import { stableId } from "./stable-id.js";
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

  /** The row's id, or the row that used its explicit id first. */
  take(row: number, explicitId: string | undefined, content: string): { id: string } | { first: number } {
    if (explicitId !== undefined) {
      const id = stableId(this.survey, explicitId, content, 0);
      const first = this.explicit.get(id);
      if (first !== undefined) return { first };
      this.explicit.set(id, row);
      return { id };
    }
    const key = sha256(content);
    const occurrence = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, occurrence + 1);
    return { id: stableId(this.survey, undefined, content, occurrence) };
  }
}

export interface BatchContext {
  survey: string;
  columns: PlannedColumn[];
  checkers: AnswerCheckers;
  references: Map<string, Set<string>>;
  ids: RowIds;
  versionOf: (version: number) => Promise<SurveyVersion | null>;
  currentVersion: number;
}

/** Checks each row; pushes what is wrong onto `errors` and returns the rows that passed. */
export async function checkBatch(rows: readonly TableRow[], context: BatchContext, errors: CellError[]): Promise<CheckedRow[]> {
  const checked: CheckedRow[] = [];
  for (const { row, cells } of rows) {
    const { assembled, errors: cellErrors } = assembleRow(row, cells, context.columns);
    errors.push(...cellErrors);
    const version = await context.versionOf(assembled.version ?? context.currentVersion);
    const failed = new Set(cellErrors.map((e) => e.question));
    const result = checkRow(assembled, version, context.checkers, failed, context.references);
    errors.push(...result.errors);
    if (!result.response) continue;
    const submitted = { data: assembled.data, complete: assembled.complete, version: assembled.version ?? null };
    const content = canonicalJson(submitted);
    const taken = context.ids.take(row, assembled.explicitId, content);
    if ("first" in taken) {
      errors.push(rowError(assembled, "(id)", "duplicate_id", phrase("imports.duplicateId", { id: assembled.explicitId!, first: taken.first })));
      continue;
    }
    checked.push({
      ...result.response,
      id: taken.id,
      versionGiven: assembled.version !== undefined,
      bodyHash: sha256(content),
      row,
      explicit: assembled.explicitId !== undefined,
    });
  }
  return checked;
}
