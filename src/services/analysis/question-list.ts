/**
 * What a survey offers to analyse, for the workbench's pickers: every question pooled over the
 * versions (kind, title and categories in one language, through the same `findQuestion` every
 * analysis reads), the versions and their pooling, and the units the caller may see.
 */
import type { Db } from "../../db/client.js";
import { describeQuestion, findQuestion, loadCatalog, type Category, type QuestionKind } from "./analysis-question.js";
import type { Language } from "./requests.js";
import { unitQuestion } from "./unit.js";

/** One question as the pickers show it. */
export interface ListedAnalysisQuestion {
  name: string;
  title: string;
  type: string;
  kind: QuestionKind;
  /** Can be summed and averaged (ratio numerator and denominator, numeric summaries). */
  numeric: boolean;
  /** The versions that ask it. */
  versions: number[];
  categories: Category[];
}

export interface AnalysisQuestionList {
  survey: string;
  lang: Language;
  /** Published versions, newest first: an analysis pools them by question name. */
  versions: number[];
  questions: ListedAnalysisQuestion[];
  /** The collection units (a caller limited to one unit sees that one only). */
  units: string[];
}

/** The survey's analysable questions and units; 404 when there is no such survey. */
export async function listAnalysisQuestions(db: Db, name: string, lang: Language, scope: string | null): Promise<AnalysisQuestionList> {
  const catalog = await loadCatalog(db, name);
  const questions = catalog.questionnaire.questions.map((merged) => {
    const q = findQuestion(catalog, merged.name, lang, "question");
    return { ...describeQuestion(q), numeric: q.numeric, categories: q.categories };
  });
  const unit = await unitQuestion(db, catalog, lang, scope);
  return { survey: name, lang, versions: catalog.versions, questions, units: unit.categories.map((c) => String(c.value)) };
}
