/**
 * The platform's languages: Simplified Chinese (the default), Traditional Chinese and English.
 * One type for pages, server messages, analysis results, charts, tables, exports and reports.
 * This folder imports nothing, so `analysis/`, `src/` and the browser bundles can all use it.
 */

export const LANGUAGES = ["zh-Hans", "zh-Hant", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language nothing else chose. */
export const DEFAULT_LANGUAGE: Language = "zh-Hans";

/** The SurveyJS locale each language reads a questionnaire's texts from; "default" strings are Simplified Chinese, the fallback of all three. */
export const SURVEY_LOCALE: Record<Language, string> = { "zh-Hans": "zh-cn", "zh-Hant": "zh-tw", en: "en" };

/** The same in SurveyJS's spelling for the respondent page (`zh-cn` is its name for the default). */
export const PAGE_LOCALE: Record<Language, "zh-cn" | "zh-tw" | "en"> = { "zh-Hans": "zh-cn", "zh-Hant": "zh-tw", en: "en" };

/** The Intl locale each language writes dates, numbers and time-zone names in. */
export const INTL_LOCALE: Record<Language, string> = { "zh-Hans": "zh-CN", "zh-Hant": "zh-TW", en: "en-GB" };

/** True for one of the three language tags, spelled exactly. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
