import { phrase } from "../../../i18n/phrase.js";
import { AppError, fieldError } from "../../errors.js";
import { findMerged } from "../../questionnaire/merge.js";
import { findQuestion, type AnalysisQuestion, type SurveyCatalog } from "../analysis/analysis-question.js";
import type { Language } from "../analysis/requests.js";

const COMMENT = "-Comment";

/** An open question as the keyword tables read it: the question, and where its texts are stored. */
export interface OpenQuestion {
  question: AnalysisQuestion;
  /** The stored texts of one answer: stand-ins whose `keys` are the data keys of each text, per version. */
  sources: AnalysisQuestion[];
  /** The data keys read, newest version's, for the result to name. */
  keys: string[];
}

/**
 * The open text of a question: a text or comment question's answer (and its comment area
 * when it has one), or the "other, please specify" text of a choice question, stored at
 * `{key}-Comment` — asked by the question's name or by `{name}-Comment`. Anything else is
 * a 422 naming `field`.
 *
 * @param catalog the survey's merged questionnaire
 * @param name the question the request names
 * @param lang the request's language (for the title)
 * @param field the request field that named it
 */
export function findOpenQuestion(catalog: SurveyCatalog, name: string, lang: Language, field: string): OpenQuestion {
  const commentOnly = findMerged(catalog.questionnaire, name) === undefined && name.endsWith(COMMENT);
  const baseName = commentOnly ? name.slice(0, -COMMENT.length) : name;
  const merged = findMerged(catalog.questionnaire, baseName);
  const question = findQuestion(catalog, baseName, lang, field);
  const hasOther = merged !== undefined && (merged.kind === "single" || merged.kind === "multi") && merged.otherText === "comment";
  const hasComment = merged?.commentKey !== undefined || hasOther;
  const sources: AnalysisQuestion[] = [];
  if (merged?.kind === "text" && !commentOnly) sources.push(question);
  if (hasComment) sources.push({ ...question, keys: new Map([...question.keys].map(([v, key]) => [v, `${key}${COMMENT}`])) });
  if (sources.length === 0) {
    const named = { name: question.name, type: question.type };
    throw new AppError("unprocessable", phrase("text.notOpenText", named), [fieldError(field, "not_open_text", phrase("text.notOpenTextField", named))]);
  }
  const newest = Math.max(...question.keys.keys());
  return { question, sources, keys: sources.map((s) => s.keys.get(newest) as string) };
}
