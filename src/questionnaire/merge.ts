/** One questionnaire from several of its versions, matched by question name. */
import type { Item, MergedQuestion, Questionnaire, QuestionnaireVersion, QuestionSpec } from "./question.js";

/**
 * Merges versions, newest first: the newest definition of each question (matched by name, or
 * by data key when it was renamed) gives its kind, texts and position; choices, rows and
 * columns that only older versions had are appended and marked `retired`, so answers given under
 * any version keep their codes and labels. Questions only older versions had follow the current
 * ones. An older definition of another kind adds nothing: its answers cannot be pooled.
 * @example mergeVersions([{ version: 2, questionnaire: readVersion(v2) }, { version: 1, questionnaire: readVersion(v1) }])
 */
export function mergeVersions(versions: readonly { version: number; questionnaire: QuestionnaireVersion }[]): Questionnaire {
  const merged: MergedQuestion[] = [];
  const byName = new Map<string, MergedQuestion>();
  const byKey = new Map<string, MergedQuestion>();
  for (const { version, questionnaire } of versions) {
    for (const spec of questionnaire.questions) {
      const newer = byName.get(spec.name) ?? byKey.get(spec.key);
      if (!newer) {
        const entry: MergedQuestion = { ...spec, keys: new Map([[version, spec.key]]) };
        merged.push(entry);
        byName.set(spec.name, entry);
        byKey.set(spec.key, entry);
        continue;
      }
      if (!newer.keys.has(version)) newer.keys.set(version, spec.key);
      if (newer.kind === spec.kind) Object.assign(newer, withOlderItems(newer, spec));
    }
  }
  const titled = versions.find((v) => !v.questionnaire.unreadable);
  return { title: titled?.questionnaire.title ?? { "zh-Hans": "", "zh-Hant": "", en: "" }, versions: versions.map((v) => v.version), questions: merged };
}

function union(newer: Item[], older: Item[]): Item[] {
  const values = new Set(newer.map((i) => i.value));
  const added = older.filter((i) => !values.has(i.value)).map((i) => ({ ...i, retired: true as const }));
  if (added.length === 0) return newer;
  // Specials stay last so that codes of ordinary choices stay stable.
  return [...newer.filter((i) => !i.special), ...added.filter((i) => !i.special), ...newer.filter((i) => i.special), ...added.filter((i) => i.special)];
}

function withOlderItems(newer: QuestionSpec, older: QuestionSpec): Partial<QuestionSpec> {
  if ((newer.kind === "single" || newer.kind === "multi" || newer.kind === "ranking") && older.kind === newer.kind) {
    return { items: union(newer.items, older.items) };
  }
  if (newer.kind === "matrix" && older.kind === "matrix") {
    return { rows: union(newer.rows, older.rows), columns: union(newer.columns, older.columns) };
  }
  return {};
}

/**
 * A question by name, or by data key when no question has that name; undefined when no version has it.
 * @example findMerged(questionnaire, "main_problems")?.kind // "multi"
 */
export function findMerged(questionnaire: Questionnaire, name: string): MergedQuestion | undefined {
  return questionnaire.questions.find((q) => q.name === name) ?? questionnaire.questions.find((q) => q.key === name);
}
