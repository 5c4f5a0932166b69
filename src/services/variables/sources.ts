/**
 * The questions a derived variable can be made from, as the one questionnaire model gives them
 * in one language: single-choice questions (groups, equals), multi-select questions (option) and
 * number questions (bins, equals), each with its choices. The variables page builds its form
 * from this, never from the SurveyJS JSON.
 */
import { analysisQuestionOf, type SurveyCatalog } from "../analysis/analysis-question.js";
import type { Language } from "../analysis/requests.js";

export interface VariableSource {
  name: string;
  title: string;
  kind: "single" | "multiple" | "numeric";
  categories: { value: string | number | boolean; label: string }[];
}

/** Every question of the survey (all versions pooled) that some rule takes, in questionnaire order. */
export function variableSources(catalog: SurveyCatalog, lang: Language): VariableSource[] {
  const sources: VariableSource[] = [];
  for (const merged of catalog.questionnaire.questions) {
    const q = analysisQuestionOf(catalog, merged, lang);
    const kind = q.numeric ? "numeric" : q.kind === "single" || q.kind === "multiple" ? q.kind : null;
    if (kind) sources.push({ name: q.name, title: q.title, kind, categories: q.categories.map((c) => ({ value: c.value, label: c.label })) });
  }
  return sources;
}
