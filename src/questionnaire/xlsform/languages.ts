/**
 * Language names of XLSForm headers (`label::zh-Hans`, `label::Chinese (zh)`, `label::English`)
 * as SurveyJS locale keys: Simplified Chinese is the questionnaire's `default` text, Traditional
 * `zh-tw`, as everywhere in the platform (i18n/language.ts); other languages keep the code
 * SurveyJS knows them by, and a language SurveyJS cannot show is refused.
 */
import { LANGUAGES, type Language, SURVEY_LOCALE } from "../../../i18n/language.js";

/** The locale key of a text in each platform language: the default text is Simplified Chinese. */
export const TEXT_KEY: Record<Language, string> = { "zh-Hans": "default", "zh-Hant": SURVEY_LOCALE["zh-Hant"], en: SURVEY_LOCALE.en };

/** The header each platform language is written under. */
export const HEADER_LANGUAGE: Record<string, string> = Object.fromEntries(LANGUAGES.map((l) => [TEXT_KEY[l], l]));

const ALIASES: Record<string, string> = {
  "zh-hans": "default",
  "zh-cn": "default",
  zh: "default",
  chinese: "default",
  "simplified chinese": "default",
  中文: "default",
  简体中文: "default",
  "zh-hant": "zh-tw",
  "zh-tw": "zh-tw",
  "zh-hk": "zh-tw",
  "traditional chinese": "zh-tw",
  繁體中文: "zh-tw",
  繁体中文: "zh-tw",
  en: "en",
  english: "en",
};

/** survey-core 2.5's own locales (fesm/i18n), by code and by English name. */
const SURVEY_LOCALES: Record<string, string> = {
  ar: "arabic",
  bg: "bulgarian",
  ca: "catalan",
  cs: "czech",
  cy: "welsh",
  da: "danish",
  de: "german",
  el: "greek",
  es: "spanish",
  et: "estonian",
  eu: "basque",
  fa: "persian",
  fi: "finnish",
  fil: "philippines",
  fr: "french",
  he: "hebrew",
  hi: "hindi",
  hr: "croatian",
  ht: "haitian-creole",
  hu: "hungarian",
  id: "indonesian",
  is: "icelandic",
  it: "italian",
  ja: "japanese",
  ka: "georgian",
  kk: "kazakh",
  ko: "korean",
  lt: "lithuanian",
  lv: "latvian",
  mk: "macedonian",
  mm: "burmese",
  ms: "malay",
  nl: "dutch",
  "nl-BE": "flemish",
  no: "norwegian",
  pl: "polish",
  pt: "portuguese",
  "pt-br": "portuguese-br",
  ro: "romanian",
  ru: "russian",
  sk: "slovak",
  sl: "slovenian",
  sr: "serbian",
  sv: "swedish",
  sw: "swahili",
  tel: "telugu",
  tg: "tajik",
  th: "thai",
  tr: "turkish",
  uk: "ukrainian",
  ur: "urdu",
  vi: "vietnamese",
};
const BY_CODE = new Map(Object.keys(SURVEY_LOCALES).map((code) => [code.toLowerCase(), code]));
const BY_NAME = new Map(Object.entries(SURVEY_LOCALES).map(([code, name]) => [name, code]));

/**
 * The SurveyJS locale key of an XLSForm language name, or undefined when SurveyJS cannot show it.
 * @example localeKey("Chinese (zh)") // "default"
 * @example localeKey("French (fr)") // "fr"
 */
export function localeKey(language: string): string | undefined {
  const text = language.trim().toLowerCase();
  const code = /\(([^)]+)\)\s*$/.exec(text)?.[1]?.trim();
  const name = text.replace(/\([^)]*\)\s*$/, "").trim();
  for (const candidate of [code, text, name]) {
    if (!candidate) continue;
    const key = ALIASES[candidate] ?? BY_CODE.get(candidate) ?? BY_NAME.get(candidate);
    if (key) return key;
  }
  return undefined;
}

/** A column header split at `::` (or `:`): `label::en` → { column: "label", language: "en" }. */
export function splitHeader(header: string): { column: string; language?: string } {
  // Older forms separate with one colon (`label:English`), as pyxform still reads them.
  const double = header.indexOf("::");
  const at = double >= 0 ? double : header.indexOf(":");
  if (at < 0) return { column: header.trim().toLowerCase() };
  return { column: header.slice(0, at).trim().toLowerCase(), language: header.slice(at + (double >= 0 ? 2 : 1)).trim() };
}
