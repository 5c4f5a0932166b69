/** A question as the analysis sees it: its categories in one language, pooled over every version. */
import type { Db } from "../../db/client.js";
import { AppError, fieldError } from "../../errors.js";
import type { Language } from "../../../i18n/language.js";
import { findMerged } from "../../questionnaire/merge.js";
import type { Item, MergedQuestion, Questionnaire } from "../../questionnaire/question.js";
import { loadQuestionnaire } from "../questionnaires.js";
import { phrase } from "../../../i18n/phrase.js";
import type { SQL } from "drizzle-orm";
import type { VariableBody } from "../variables/definition.js";
import { derivedQuestion } from "../variables/derived-question.js";
import { listVariables } from "../variables/store.js";

/** A survey's merged questionnaire, as every analysis of it reads it. */
export interface SurveyCatalog {
  name: string;
  surveyId: number;
  currentVersion: number;
  /** Published versions, newest first. */
  versions: number[];
  questionnaire: Questionnaire;
  /** The survey's IANA time zone. */
  timeZone: string;
  /** The survey's derived variables, usable by name wherever a question is. */
  variables: VariableBody[];
}

/** One category of a choice question: the stored value and its label in the requested language. */
export interface Category {
  value: string | number | boolean;
  label: string;
  /** Offered only by older versions of the questionnaire. */
  retired?: true;
  /** Found in the data but offered by no version (e.g. a free-text value). */
  unlisted?: true;
}

/** How a question's answers can be analysed. */
export type QuestionKind = "single" | "multiple" | "numeric" | "other";

/** A question matched by name across the questionnaire's versions. */
export interface AnalysisQuestion {
  name: string;
  /** The data key (valueName || name) in each version that has the question. */
  keys: Map<number, string>;
  /** Published versions without the question: their respondents were never asked it. */
  absentFrom: number[];
  type: string;
  kind: QuestionKind;
  /** Numbers can be summed and averaged (number inputs, ratings, expressions). */
  numeric: boolean;
  title: string;
  /** Newest version's choices in order, then values only older versions offered. */
  categories: Category[];
  /** Index of the "other" item, which also takes values no version offers. */
  otherIndex: number | null;
  /** The most options one respondent can tick (multi-select), when the questionnaire caps it. */
  maxSelected: number | null;
  /** A derived variable: its answer text and its not-asked flag in SQL, in place of a stored answer. */
  expression?: { text: SQL; notAsked: SQL };
}

/** Every version of a survey, or a 404 naming it. */
export async function loadCatalog(db: Db, name: string): Promise<SurveyCatalog> {
  const loaded = await loadQuestionnaire(db, name);
  return {
    variables: await listVariables(db, loaded.surveyId),
    name,
    surveyId: loaded.surveyId,
    currentVersion: loaded.version,
    versions: loaded.questionnaire.versions,
    questionnaire: loaded.questionnaire,
    timeZone: loaded.timeZone,
  };
}

/**
 * A question by name (or data key), pooled over the versions that have it: type and title from
 * the newest such version, categories from all of them; else a derived variable of that name.
 * 422 naming the request field when neither exists.
 */
export function findQuestion(catalog: SurveyCatalog, name: string, lang: Language, field: string): AnalysisQuestion {
  const question = findMerged(catalog.questionnaire, name);
  if (question) return analysisQuestionOf(catalog, question, lang);
  const variable = catalog.variables.find((v) => v.name === name);
  if (variable) {
    // Checked when stored: its source is a question of the questionnaire.
    const source = findMerged(catalog.questionnaire, variable.from);
    if (source) return derivedQuestion(analysisQuestionOf(catalog, source, lang), variable, lang);
  }
  throw new AppError("unprocessable", phrase("analysis.noSuchQuestion", { survey: catalog.name, name }), [
    fieldError(field, "unknown_question", phrase("analysis.notAQuestionOf", { survey: catalog.name, name })),
  ]);
}

/** A merged question of the catalog as the analysis sees it. */
export function analysisQuestionOf(catalog: SurveyCatalog, question: MergedQuestion, lang: Language): AnalysisQuestion {
  const kind = kindOf(question);
  const categories = categoriesOf(question, lang);
  const other = question.kind === "single" || question.kind === "multi" ? question.items.findIndex((i) => i.special === "other") : -1;
  return {
    name: question.name,
    keys: question.keys,
    absentFrom: catalog.versions.filter((v) => !question.keys.has(v)),
    type: question.type,
    kind,
    numeric: kind === "numeric" || question.type === "rating" || question.kind === "computed",
    title: question.title[lang] || question.name,
    categories,
    otherIndex: other >= 0 ? other : null,
    maxSelected: question.kind === "multi" ? question.maxSelected : null,
  };
}

/** The identity of a category value: 1 and "1" are different answers, as in the stored JSON. */
export function categoryId(value: unknown): string {
  return JSON.stringify(value);
}

/** The metadata a result carries about each question it analyses. */
export function describeQuestion(q: AnalysisQuestion) {
  return { name: q.name, title: q.title, type: q.type, kind: q.kind, versions: [...q.keys.keys()].sort((a, b) => a - b) };
}

function kindOf(question: MergedQuestion): QuestionKind {
  switch (question.kind) {
    case "single":
    case "boolean":
      return "single";
    case "multi":
      return "multiple";
    case "list":
      return question.multiple ? "multiple" : "single";
    case "number":
      return "numeric";
    default:
      return "other";
  }
}

function categoriesOf(question: MergedQuestion, lang: Language): Category[] {
  const category = (item: Item): Category => (item.retired ? { value: item.value, label: item.texts[lang], retired: true } : { value: item.value, label: item.texts[lang] });
  switch (question.kind) {
    case "single":
    case "multi":
    case "ranking":
      return question.items.map(category);
    case "boolean":
      return [
        { value: question.valueTrue, label: question.labelTrue[lang] },
        { value: question.valueFalse, label: question.labelFalse[lang] },
      ];
    default:
      return [];
  }
}
