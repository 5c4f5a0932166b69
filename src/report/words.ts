import type { ReportWords, TestName } from "../../i18n/catalogue/catalogue.js";
import type { Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";

export type { ReportWords, TestName };

/**
 * The report's words in one language (the `report` section of the catalogue).
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the word table
 */
export function reportWords(lang: Language): ReportWords {
  return words(lang).report;
}
