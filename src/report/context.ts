import type { Db } from "../db/client.js";
import { own } from "../lib/own.js";
import type { Language } from "../services/analysis/requests.js";
import { findQuestion, loadCatalog, type SurveyCatalog } from "../services/analysis/analysis-question.js";

/** What the presentation needs of the questionnaire besides the result: texts in the chart's language. */
export interface PresentContext {
  lang: Language;
  survey: string;
  surveyTitle: string;
  /** The survey's IANA time zone: the report's dates are its wall-clock dates. */
  timeZone: string;
  /** A question's text; its name when the questionnaire has no such question. */
  questionTitle: (name: string) => string;
  /** A choice's text (the caller's short text if given); the value itself when unknown. */
  choiceLabel: (question: string, value: string) => string;
  /** The caller's short texts for choices, by question and value. */
  labels: Record<string, Record<string, string>>;
}

/**
 * The presentation context of a survey: its title and its questions' texts in `lang`,
 * read from the published versions (one query).
 *
 * @param db the database
 * @param survey the survey's name
 * @param lang the language of the texts
 * @returns the context
 */
export async function presentContext(db: Db, survey: string, lang: Language): Promise<PresentContext> {
  return contextOf(await loadCatalog(db, survey), lang);
}

/** The presentation context of a loaded catalog, with the caller's short texts for choices. */
export function contextOf(catalog: SurveyCatalog, lang: Language, labels: Record<string, Record<string, string>> = {}): PresentContext {
  const questions = new Map<string, ReturnType<typeof findQuestion> | null>();
  const question = (name: string) => {
    if (!questions.has(name)) {
      try {
        questions.set(name, findQuestion(catalog, name, lang, "question"));
      } catch {
        questions.set(name, null);
      }
    }
    return questions.get(name) ?? null;
  };
  return {
    lang,
    survey: catalog.name,
    surveyTitle: catalog.questionnaire.title[lang] || catalog.name,
    timeZone: catalog.timeZone,
    questionTitle: (name) => stripTitle(question(name)?.title ?? name),
    choiceLabel: (name, value) => own<string>(own(labels, name), value) ?? question(name)?.categories.find((c) => String(c.value) === value)?.label ?? value,
    labels,
  };
}

/** A question's text as a label: without a trailing question mark or colon. */
function stripTitle(title: string): string {
  return title.replace(/[？?：:]\s*$/, "").trim();
}
