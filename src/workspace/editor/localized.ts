/**
 * A questionnaire text in SurveyJS's spelling: a plain string (the default language, Simplified
 * Chinese) or `{ default, "zh-tw", en }`. The editor writes one language and keeps the others.
 */
import { LANGUAGES, type Language } from "../../../i18n/language.js";
import { isObject } from "./element-path.js";

/** The key of each language inside a localisable text. */
export const TEXT_KEY: Record<Language, string> = { "zh-Hans": "default", "zh-Hant": "zh-tw", en: "en" };

/** One language's text of a localisable value ("" when it has none of its own). */
export function textIn(value: unknown, lang: Language): string {
  if (typeof value === "string") return lang === "zh-Hans" ? value : "";
  if (!isObject(value)) return "";
  const own = value[TEXT_KEY[lang]] ?? (lang === "zh-Hans" ? value["zh-cn"] : undefined);
  return typeof own === "string" ? own : "";
}

/** Any language's text, the default first: what a label shows. */
export function anyText(value: unknown, lang: Language): string {
  const own = textIn(value, lang);
  if (own) return own;
  for (const other of LANGUAGES) {
    const text = textIn(value, other);
    if (text) return text;
  }
  return "";
}

/**
 * `value` with one language's text set (removed when empty); a text left in the default
 * language only becomes a plain string again, and none at all `undefined`.
 */
export function withText(value: unknown, lang: Language, text: string): unknown {
  const object: Record<string, unknown> = isObject(value) ? { ...value } : typeof value === "string" && value !== "" ? { default: value } : {};
  if (text === "") delete object[TEXT_KEY[lang]];
  else object[TEXT_KEY[lang]] = text;
  const keys = Object.keys(object);
  if (keys.length === 0) return undefined;
  if (keys.length === 1 && keys[0] === "default") return object.default;
  return object;
}

/** Sets (or deletes, when undefined) one property of an element. */
export function put(element: Record<string, unknown>, key: string, value: unknown) {
  if (value === undefined || value === "") delete element[key];
  else element[key] = value;
}
