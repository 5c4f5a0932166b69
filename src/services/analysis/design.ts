import { phrase, say, withWording } from "../../../i18n/phrase.js";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { responses } from "../../db/schema/index.js";
import { AppError, fieldError, type FieldError } from "../../errors.js";
import type { Category } from "./analysis-question.js";
import type { DesignOptions, FilterSpec } from "./requests.js";
import { unitCondition } from "./unit.js";
import { categoryId, findQuestion, type AnalysisQuestion, type SurveyCatalog } from "./analysis-question.js";

/** A filter checked against the questionnaire, as the result echoes it; a unit filter echoes its units. */
export type ResolvedFilter = { question: string; in: Category["value"][]; labels: string[] } | { unit: string[]; labels: string[] };

/** The rows an analysis reads: one survey, complete unless asked otherwise, filtered. */
export interface Design {
  catalog: SurveyCatalog;
  where: SQL;
  filters: ResolvedFilter[];
  includePartial: boolean;
}

/**
 * The design of an analysis: the survey's rows, complete ones by default, that pass
 * every filter. Each filter names a choice question and the values to keep (for a
 * multi-select question: respondents who ticked any of them); a value that is not a
 * choice of any version is a 422 naming it.
 */
export function buildDesign(catalog: SurveyCatalog, options: DesignOptions): Design {
  const conditions: SQL[] = [eq(responses.surveyId, catalog.surveyId)];
  if (!options.includePartial) conditions.push(eq(responses.complete, true));
  const filters: ResolvedFilter[] = [];
  if (options.scope != null) {
    // Echoed like a unit filter, so results and their captions say whose responses they cover.
    filters.push({ unit: [options.scope], labels: [options.scope] });
    conditions.push(unitCondition([options.scope]));
  }
  const errors: FieldError[] = [];
  (options.filter ?? []).forEach((spec, i) => {
    if ("unit" in spec) {
      filters.push({ unit: spec.unit, labels: spec.unit });
      conditions.push(unitCondition(spec.unit));
      return;
    }
    const q = findQuestion(catalog, spec.question, options.lang, `filter.${i}.question`);
    const resolved = resolveFilter(q, spec, i, errors);
    if (!resolved) return;
    filters.push(resolved.echo);
    conditions.push(resolved.condition);
  });
  if (errors.length > 0) throw new AppError("unprocessable", phrase("analysis.filterMismatch"), errors);
  return { catalog, where: and(...conditions)!, filters, includePartial: options.includePartial };
}

function resolveFilter(q: AnalysisQuestion, spec: Extract<FilterSpec, { question: string }>, i: number, errors: FieldError[]) {
  if (q.kind !== "single" && q.kind !== "multiple") {
    errors.push(fieldError(`filter.${i}.question`, "not_a_choice_question", phrase("analysis.filterNotChoice", { name: q.name, type: q.type })));
    return null;
  }
  const chosen: Category[] = [];
  spec.in.forEach((value, j) => {
    const category = matchCategory(q, value);
    if (category) chosen.push(category);
    else {
      const why = phrase("analysis.notAChoiceOf", { value: String(value), name: q.name, offered: q.categories.map((c) => String(c.value)) });
      // No code here (yet): clients compare this entry as { question, message }.
      errors.push(withWording({ question: `filter.${i}.in.${j}`, message: say("en", why) }, why));
    }
  });
  if (chosen.length !== spec.in.length) return null;
  const condition =
    q.kind === "single"
      ? sql`${answerText(q)} in (${sql.join(
          chosen.map((c) => sql`${String(c.value)}`),
          sql`, `,
        )})`
      : sql`(${sql.join(
          chosen.map((c) => sql`${answerJson(q)} @> ${categoryId([c.value])}::jsonb`),
          sql` or `,
        )})`;
  return { condition, echo: { question: q.name, in: chosen.map((c) => c.value), labels: chosen.map((c) => c.label) } };
}

/** The category a request names: the same JSON value, or the same text (so "1" finds the rating 1). */
export function matchCategory(q: AnalysisQuestion, value: unknown): Category | undefined {
  const id = categoryId(value);
  return q.categories.find((c) => categoryId(c.value) === id) ?? q.categories.find((c) => String(c.value) === String(value));
}

/**
 * The data key of a question in SQL. Questions are matched by name across versions; when
 * a version stores the answer under another key (valueName), the key follows the version.
 */
function keyExpr(q: AnalysisQuestion): SQL {
  const keys = [...new Set(q.keys.values())];
  if (keys.length === 1) return sql`${keys[0]}::text`;
  const branches = [...q.keys].map(([version, key]) => sql`when ${responses.version} = ${version} then ${key}::text`);
  return sql`(case ${sql.join(branches, sql` `)} end)`;
}

/** The stored answer as jsonb (null when absent). */
export function answerJson(q: AnalysisQuestion): SQL {
  if (q.expression) return sql`to_jsonb(${q.expression.text})`;
  return sql`(${responses.data} -> ${keyExpr(q)})`;
}

/**
 * The stored answer as text (`->>`: a string's own text, a number's digits, an array's
 * JSON), null when absent. Per row this is the cheapest read of a jsonb value — turning
 * jsonb into JSON text (`::text`) costs about as much again as the scan — so choice
 * answers are grouped by it; `1` and `"1"` read alike, which no questionnaire offers both of.
 */
export function answerText(q: AnalysisQuestion): SQL {
  if (q.expression) return q.expression.text;
  return sql`(${responses.data} ->> ${keyExpr(q)})`;
}

/** A numeric answer as float8, null when absent or not a number. */
export function numericAnswer(q: AnalysisQuestion): SQL {
  // A derived variable holds categories, never numbers (requireNumeric refuses it first).
  if (q.expression) return sql`(null::float8)`;
  const value = answerJson(q);
  return sql`(case when jsonb_typeof(${value}) = 'number' then (${value})::float8 end)`;
}

/** Whether the question was hidden from the respondent (in `not_asked`), or absent from the version answered. */
export function notAskedFlag(q: AnalysisQuestion): SQL {
  if (q.expression) return q.expression.notAsked;
  const hidden = sql`${keyExpr(q)} = any(${responses.notAsked})`;
  if (q.absentFrom.length === 0) return sql`(${hidden})`;
  return sql`(${hidden} or ${responses.version} in (${sql.join(
    q.absentFrom.map((v) => sql`${v}`),
    sql`, `,
  )}))`;
}
