import type { Language } from "../../../../i18n/language.js";
import { readVersion } from "../../../questionnaire/read-version.js";

/** A question the builder's "add an analysis" form offers. */
export interface OfferedQuestion {
  name: string;
  /** Its title in the report's language (its name when it has none). */
  title: string;
  /** single, multi, number, … as the questionnaire model says. */
  kind: string;
}

/**
 * The questions of a questionnaire version as the one questionnaire model reads them, with their
 * titles in `lang`. Loaded with survey-core on the first use of the form, in a chunk of its own.
 */
export function offeredQuestions(json: object, lang: Language): OfferedQuestion[] {
  return readVersion(json).questions.map((q) => ({ name: q.name, title: q.title[lang] || q.name, kind: q.kind }));
}
