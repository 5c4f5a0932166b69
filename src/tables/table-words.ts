import type { TableWords } from "../../i18n/catalogue/catalogue.js";
import type { Language } from "../../i18n/language.js";
import { words } from "../../i18n/words.js";

export type { TableWords };

/**
 * The header words of result tables in one language (the `table` section of the catalogue).
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the words
 */
export function tableWords(lang: Language): TableWords {
  return words(lang).table;
}
