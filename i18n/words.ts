import type { Catalogue } from "./catalogue/catalogue.js";
import { en } from "./catalogue/en.js";
import { zhHans } from "./catalogue/zh-Hans.js";
import { zhHant } from "./catalogue/zh-Hant.js";
import type { Language } from "./language.js";

/** The catalogues, one per language. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

/**
 * Everything the platform says, in one language.
 *
 * @param lang "zh-Hans", "zh-Hant" or "en"
 * @returns the catalogue
 * @throws {Error} on an unknown language
 * @example
 * words("zh-Hant").chart.weighting; // => "加權"
 */
export function words(lang: Language): Catalogue {
  const catalogue = CATALOGUES[lang];
  if (!catalogue) throw new Error(`words: unknown language ${String(lang)}`);
  return catalogue;
}

export type { Catalogue } from "./catalogue/catalogue.js";
