/**
 * Localisable SurveyJS texts as the text columns of a sheet: one column per language used, the
 * platform's three always, headed as the reader reads them back (`label::zh-Hans`, ...).
 */
import { HEADER_LANGUAGE, localeKey } from "./languages.js";

/** A text read into locale key → string, or undefined when it is not a text. */
export function textsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value === "string") return { default: value };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== "string" || localeKey(key === "default" ? "zh-Hans" : key) !== (key === "default" ? "default" : key)) return undefined;
    out[key] = text;
  }
  return out;
}

/** The header of a text column in one locale: `label::zh-Hans`, `label::fr`. */
export function textHeader(column: string, locale: string): string {
  return `${column}::${HEADER_LANGUAGE[locale] ?? locale}`;
}

/** The locale keys to give columns: the three of the platform first, then any other in use. */
export function localesOf(used: Iterable<string>): string[] {
  const out = ["default", "zh-tw", "en"];
  for (const key of used) if (!out.includes(key)) out.push(key);
  return out;
}
