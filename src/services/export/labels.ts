/** Label languages of exports and the questionnaire locales they read. */

/** The three languages questionnaires carry: Simplified, Traditional Chinese, English. */
export type LabelLanguage = "zh-Hans" | "zh-Hant" | "en";

/** What choice cells of a CSV/XLSX export show: texts in a language, or the stored values. */
export type LabelMode = LabelLanguage | "values";

export const LABEL_LANGUAGES: readonly LabelLanguage[] = ["zh-Hans", "zh-Hant", "en"];
export const LABEL_MODES: readonly LabelMode[] = [...LABEL_LANGUAGES, "values"];

/** The survey-core locale holding each language: "default" strings are Simplified Chinese. */
export const SURVEY_LOCALE: Record<LabelLanguage, string> = { "zh-Hans": "", "zh-Hant": "zh-tw", en: "en" };

/** One text in every label language (missing translations fall back to the default text). */
export type Texts = Record<LabelLanguage, string>;

/** The same string in every language. */
export function sameTexts(text: string): Texts {
  return { "zh-Hans": text, "zh-Hant": text, en: text };
}

/** The language labels are written in: "values" keeps Simplified Chinese for question texts. */
export function labelLanguageOf(mode: LabelMode): LabelLanguage {
  return mode === "values" ? "zh-Hans" : mode;
}
