/** One list of questions for an export spanning several versions of a questionnaire. */
import type { Item, QuestionSpec } from "./questions.js";

/**
 * Merges the questions of several versions, newest first: the newest definition of each data
 * key gives its kind, texts and position; choices, rows and columns that only older versions had
 * are appended, so answers given under any version keep their codes and labels. Questions only
 * older versions had follow the current ones.
 * @example mergeVersions([readQuestions(v2), readQuestions(v1)])
 */
export function mergeVersions(versions: readonly QuestionSpec[][]): QuestionSpec[] {
  const merged = new Map<string, QuestionSpec>();
  for (const specs of versions) {
    for (const spec of specs) {
      const newer = merged.get(spec.key);
      if (!newer) merged.set(spec.key, spec);
      else if (newer.kind === spec.kind) merged.set(spec.key, withOlderItems(newer, spec));
    }
  }
  return [...merged.values()];
}

function union(newer: Item[], older: Item[]): Item[] {
  const values = new Set(newer.map((i) => i.value));
  const added = older.filter((i) => !values.has(i.value));
  if (added.length === 0) return newer;
  // Specials stay last so that codes of ordinary choices stay stable.
  return [...newer.filter((i) => !i.special), ...added.filter((i) => !i.special), ...newer.filter((i) => i.special), ...added.filter((i) => i.special)];
}

function withOlderItems(newer: QuestionSpec, older: QuestionSpec): QuestionSpec {
  if ((newer.kind === "single" || newer.kind === "multi" || newer.kind === "ranking") && older.kind === newer.kind) {
    return { ...newer, items: union(newer.items, older.items) };
  }
  if (newer.kind === "matrix" && older.kind === "matrix") {
    return { ...newer, rows: union(newer.rows, older.rows), columns: union(newer.columns, older.columns) };
  }
  return newer;
}
