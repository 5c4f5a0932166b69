/**
 * Every text of a questionnaire JSON that SurveyJS shows per language, found through survey-core's
 * own class metadata (walk-properties.ts: the properties it marks localisable), so a new question type or
 * property needs no list here: titles, descriptions, choices, matrix rows and columns, column choices,
 * multiple-text items, validator messages, page and panel titles, completedHtml, the survey's title.
 * Paths follow text-paths.ts.
 */
import type { Language } from "../../i18n/language.js";
import { SURVEY_LOCALE } from "../../i18n/language.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { isItemValueClass, walkProperties } from "./walk-properties.js";

/** One localisable text, read and written in place. */
export interface LocalisableText {
  path: string;
  /** The text in a language: its own locale entry, or the default text when that language is the survey's default. */
  read(language: Language): string | undefined;
  /** The text of a language's own locale entry only (`zh-tw` for zh-Hant), not the default text. */
  readOwn(language: Language): string | undefined;
  /** Writes the text of a language into the questionnaire (turning a plain string or a bare choice into an object). */
  write(language: Language, text: string): void;
}

/** Localisable in survey-core but addresses, not words. */
const NOT_WORDS = new Set(["imageLink", "logo"]);

/** The language the survey's unlabelled ("default") texts are in; Simplified Chinese unless `locale` says otherwise. */
export function defaultLanguageOf(json: JsonObject): Language | undefined {
  const locale = typeof json.locale === "string" ? json.locale.toLowerCase() : "";
  if (locale === "" || locale === "zh-cn") return "zh-Hans";
  if (locale === "zh-tw") return "zh-Hant";
  if (locale === "en") return "en";
  return undefined;
}

/**
 * Every localisable text of the questionnaire, in the order survey-core lists properties, owners
 * in page order. The texts read and write `json` itself.
 * @example localisableTexts({ title: "调查", elements: [{ type: "text", name: "q", title: "年龄" }] }).map((t) => t.path)
 *   // ["survey/title", "question:q/title"]
 */
export function localisableTexts(json: JsonObject): LocalisableText[] {
  const out: LocalisableText[] = [];
  const defaultLanguage = defaultLanguageOf(json);
  const seen = new Set<string>();
  const add = (path: string, owner: JsonObject | unknown[], key: string | number, bareValue?: unknown) => {
    // Two items with one key (a choice value twice) would share a path: the first keeps it.
    if (seen.has(path)) return;
    seen.add(path);
    out.push(textAt(path, owner, key, defaultLanguage, bareValue));
  };
  walkProperties(json, {
    property({ object, className, path, property }) {
      if (!property.isLocalizable || NOT_WORDS.has(property.name)) return;
      const name = property.name;
      // A choice shows its value until it has a text of its own.
      const shownValue = name === "text" && isItemValueClass(className) ? object.value : undefined;
      if (!Object.hasOwn(object, name) && shownValue === undefined) return;
      const value = object[name];
      if (typeof value === "string" || isJsonObject(value) || value === undefined) add(`${path}/${name}`, object, name, shownValue);
    },
    bareItem(list, index, className, path) {
      const item = list[index];
      if (isItemValueClass(className) && (typeof item === "string" || typeof item === "number")) add(`${path}/text`, list, index, item);
    },
  });
  return out;
}

function textAt(path: string, owner: JsonObject | unknown[], key: string | number, defaultLanguage: Language | undefined, bareValue: unknown): LocalisableText {
  const inList = Array.isArray(owner);
  // A bare choice ("北京") shows its value as its text in every language.
  const current = (): unknown => {
    if (!inList) return (owner as JsonObject)[key as string];
    const item = owner[key as number];
    return isJsonObject(item) ? item.text : bareValue;
  };
  const read = (language: Language): string | undefined => {
    const value = current();
    if (typeof value === "string" || typeof value === "number") return language === defaultLanguage && value !== "" ? String(value) : undefined;
    if (value === undefined && language === defaultLanguage && (typeof bareValue === "string" || typeof bareValue === "number")) return String(bareValue);
    if (!isJsonObject(value)) return undefined;
    const own = value[SURVEY_LOCALE[language]];
    if (typeof own === "string" && own !== "") return own;
    const fallback = value.default;
    if (language !== defaultLanguage) return undefined;
    if (typeof fallback === "string" && fallback !== "") return fallback;
    return typeof bareValue === "string" || typeof bareValue === "number" ? String(bareValue) : undefined;
  };
  const readOwn = (language: Language): string | undefined => {
    const value = current();
    const own = isJsonObject(value) ? value[SURVEY_LOCALE[language]] : undefined;
    return typeof own === "string" && own !== "" ? own : undefined;
  };
  const write = (language: Language, text: string) => {
    const value = current();
    const texts: JsonObject = isJsonObject(value) ? value : {};
    // A plain-string text is the default one; a bare choice's value already shows as its default.
    if (typeof value === "string" && !inList) texts.default = value;
    const ownKey = SURVEY_LOCALE[language];
    texts[Object.hasOwn(texts, ownKey) || language !== defaultLanguage ? ownKey : "default"] = text;
    if (!inList) (owner as JsonObject)[key as string] = texts;
    else if (isJsonObject(owner[key as number])) (owner[key as number] as JsonObject).text = texts;
    else owner[key as number] = { value: bareValue, text: texts };
  };
  return { path, read, readOwn, write };
}
