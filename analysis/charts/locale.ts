import type { ChartWords } from "../../i18n/catalogue/catalogue.js";
import { isLanguage, type Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";

export type { ChartWords };

/**
 * @deprecated Use `Language` from i18n/language.ts; kept while callers outside this library
 * (src/tables/write-csv.ts, tests) still spell it so.
 */
export type ChartLang = Language;

/**
 * The words of a chart in one language (the `chart` section of the catalogue).
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the word table
 * @throws {Error} on an unknown language
 * @example
 * chartWords("zh-Hant").weighting; // => "加權"
 */
export function chartWords(lang: Language): ChartWords {
  if (!isLanguage(lang)) throw new Error(`chartWords: unknown language ${String(lang)}`);
  return words(lang).chart;
}
