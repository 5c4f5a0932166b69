/**
 * The server's questionnaire checks, run in the page on every edit (the same pure module the
 * publish step runs), their reasons said in the workspace's language, grouped by the element
 * they concern so the outline and the form can show them beside it.
 */
import type { Language } from "../../../i18n/language.js";
import { say } from "../../../i18n/phrase.js";
import { checkQuestionnaire } from "../../questionnaire/check.js";
import { type Json, pathKey, pathOfLocation } from "./element-path.js";

/** One problem as the page shows it. */
export interface ShownProblem {
  location: string;
  message: string;
}

/** Problems by the element path key they belong to (`""` for the questionnaire as a whole). */
export type ProblemsByElement = Map<string, ShownProblem[]>;

export function checkDraft(json: Json, lang: Language): ProblemsByElement {
  const out: ProblemsByElement = new Map();
  for (const problem of checkQuestionnaire(json)) {
    const key = pathKey(pathOfLocation(problem.question));
    const message = problem.wording ? say(lang, problem.wording) : problem.message;
    const list = out.get(key) ?? [];
    list.push({ location: problem.question, message });
    out.set(key, list);
  }
  return out;
}
