import { AppError, type FieldError } from "../../errors.js";
import { reportEntry, storedDefinition, withLanguage, type ReportDefinition } from "../../report/definition.js";
import { checkPlaceholders } from "../../report/placeholders.js";
import { zodProblem } from "../../lib/zod-problem.js";
import { phrase } from "../../../i18n/phrase.js";
import { findQuestion, type SurveyCatalog } from "../analysis/analysis-question.js";

/** Fields of an analysis entry that name a question (or a derived variable). */
const QUESTION_FIELDS = ["question", "row", "column", "numerator", "denominator", "by"] as const;

/**
 * A stored report's definition, checked against its survey before it is kept: its shape (a 422
 * naming every bad field), the questions its analyses and filters name, and its texts'
 * placeholders. The language ends up in `lang` alone. Nothing is computed: a report whose
 * analyses do not fit their questions (a ratio of choice questions) is refused when it is made.
 *
 * @param input the parsed JSON body
 * @param catalog the survey's questionnaire
 * @returns the definition to store
 * @throws {AppError} 422
 */
export function checkStoredDefinition(input: unknown, catalog: SurveyCatalog): ReportDefinition {
  const parsed = storedDefinition.safeParse(input);
  if (!parsed.success) throw zodProblem(parsed.error, { code: "unprocessable", detail: phrase("report.definitionInvalid"), root: "(definition)" });
  const definition = withLanguage({ ...parsed.data, title: parsed.data.title ?? (catalog.questionnaire.title[parsed.data.language ?? parsed.data.lang] || catalog.name) });
  const errors: FieldError[] = [];
  definition.analyses.forEach((entry, i) => {
    const named: [string, unknown][] = QUESTION_FIELDS.map((f) => [f, (entry as Record<string, unknown>)[f]]);
    const filters = entry.filter ?? [];
    filters.forEach((f, j) => {
      if ("question" in f) named.push([`filter.${j}.question`, f.question]);
    });
    for (const [field, name] of named) {
      if (typeof name !== "string") continue;
      try {
        findQuestion(catalog, name, definition.lang, `analyses.${i}.${field}`);
      } catch (error) {
        if (!(error instanceof AppError) || !error.errors) throw error;
        errors.push(...error.errors);
      }
    }
  });
  if (errors.length > 0) throw new AppError("unprocessable", phrase("report.definitionInvalid"), errors);
  checkPlaceholders(definition, catalog);
  return definition;
}

// Re-exported for the routes' OpenAPI schemas.
export { reportEntry };
