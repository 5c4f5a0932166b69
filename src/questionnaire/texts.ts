/**
 * A questionnaire's texts in every language, read through survey-core's own localisation. The JSON
 * side (every localisable text by a stable path, read and written in place) is localisable-texts.ts.
 */
import type { SurveyModel } from "survey-core";
import { LANGUAGES, SURVEY_LOCALE, type Language } from "../../i18n/language.js";

/** One text in every language (a missing translation falls back to the default text, as on the page). */
export type Texts = Record<Language, string>;

/**
 * The same localisable thing read under each language's locale of the model; a language without
 * its own text (nor a default) takes another language's.
 * @example textsIn(model, () => question.title) // { "zh-Hans": "层级", "zh-Hant": "層級", en: "Level" }
 */
export function textsIn(model: SurveyModel, read: () => string): Texts {
  const out = {} as Texts;
  const before = model.locale;
  for (const language of LANGUAGES) {
    model.locale = SURVEY_LOCALE[language];
    out[language] = read();
  }
  model.locale = before;
  // A text written in one language only (say English) still names the thing in the others.
  const any = LANGUAGES.map((language) => out[language]).find((text) => text !== "");
  if (any !== undefined) for (const language of LANGUAGES) if (out[language] === "") out[language] = any;
  return out;
}

/** The same string in every language, for words the platform supplies per language. */
export function textsOf(read: (language: Language) => string): Texts {
  return { "zh-Hans": read("zh-Hans"), "zh-Hant": read("zh-Hant"), en: read("en") };
}
