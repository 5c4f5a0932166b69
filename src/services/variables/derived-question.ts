/**
 * A derived variable as the analysis sees it: an `AnalysisQuestion` of kind single whose
 * answer is a SQL expression over its source question's stored answer (a CASE that maps
 * choices to groups, numbers to bins, a tick or a number to yes/no). Every analysis,
 * filter and weighting cell groups by that expression in the database, exactly as it
 * groups by a question's `->>` text; respondents not asked the source are not asked it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Language } from "../../../i18n/language.js";
import { words } from "../../../i18n/words.js";
import { categoryId, type AnalysisQuestion, type Category } from "../analysis/analysis-question.js";
import { answerJson, answerText, matchCategory, notAskedFlag, numericAnswer } from "../analysis/design.js";
import { labelIn, ruleOf, type VariableBody } from "./definition.js";

/** The type results give a derived variable where they give a question's SurveyJS type. */
export const DERIVED_TYPE = "derived";

/** The analysis question of a checked variable made from `source`. */
export function derivedQuestion(source: AnalysisQuestion, variable: VariableBody, lang: Language): AnalysisQuestion {
  const { categories, text } = ruleSql(source, variable, lang);
  return {
    name: variable.name,
    keys: source.keys,
    absentFrom: source.absentFrom,
    type: DERIVED_TYPE,
    kind: "single",
    numeric: false,
    title: labelIn(variable, lang),
    categories,
    otherIndex: null,
    maxSelected: null,
    expression: { text, notAsked: notAskedFlag(source) },
  };
}

function ruleSql(source: AnalysisQuestion, variable: VariableBody, lang: Language): { categories: Category[]; text: SQL } {
  const yesNo: Category[] = [
    { value: true, label: words(lang).choices.true },
    { value: false, label: words(lang).choices.false },
  ];
  switch (ruleOf(variable)) {
    case "groups": {
      const groups = Object.entries(variable.groups!);
      const branches = groups.map(([group, values]) => {
        // Compared as `->>` text, as a filter compares a single choice.
        const texts = values.map((v) => String(matchCategory(source, v)?.value ?? v));
        return sql`when ${answerText(source)} in (${sql.join(
          texts.map((t) => sql`${t}`),
          sql`, `,
        )}) then ${group}::text`;
      });
      return { categories: groups.map(([group]) => ({ value: group, label: group })), text: sql`(case ${sql.join(branches, sql` `)} end)` };
    }
    case "bins": {
      const value = numericAnswer(source);
      const branches = variable.bins!.map((bin) => {
        const lower = bin.min === undefined ? sql`true` : sql`${value} >= ${bin.min}::float8`;
        const upper = bin.max === undefined ? sql`true` : sql`${value} < ${bin.max}::float8`;
        return sql`when ${lower} and ${upper} then ${bin.label}::text`;
      });
      return { categories: variable.bins!.map((b) => ({ value: b.label, label: b.label })), text: sql`(case when ${value} is null then null ${sql.join(branches, sql` `)} end)` };
    }
    case "option": {
      const value = answerJson(source);
      const option = matchCategory(source, variable.option)?.value ?? variable.option!;
      // Unanswered (absent or no tick) is missing, as it is for the source question.
      const answered = sql`(jsonb_typeof(${value}) = 'array' and jsonb_array_length(${value}) > 0)`;
      return { categories: yesNo, text: sql`(case when not coalesce(${answered}, false) then null when ${value} @> ${categoryId([option])}::jsonb then 'true' else 'false' end)` };
    }
    case "equals": {
      if (source.numeric) {
        const value = numericAnswer(source);
        return { categories: yesNo, text: sql`(case when ${value} is null then null when ${value} = ${variable.equals as number}::float8 then 'true' else 'false' end)` };
      }
      const value = answerText(source);
      const choice = String(matchCategory(source, variable.equals)?.value ?? variable.equals);
      return { categories: yesNo, text: sql`(case when ${value} is null then null when ${value} = ${choice} then 'true' else 'false' end)` };
    }
  }
}
