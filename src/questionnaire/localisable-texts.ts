/**
 * Every text of a questionnaire JSON that SurveyJS shows per language, found through survey-core's
 * own class metadata (`Serializer`: the properties it marks localisable), so a new question type or
 * property needs no list here: titles, descriptions, choices, matrix rows and columns, column choices,
 * multiple-text items, validator messages, page and panel titles, completedHtml, the survey's title.
 * Paths follow text-paths.ts.
 */
import { Serializer } from "survey-core";
import type { Language } from "../../i18n/language.js";
import { SURVEY_LOCALE } from "../../i18n/language.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { pathKey } from "./text-paths.js";

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

const ELEMENT_LISTS = new Set(["elements", "questions", "templateElements"]);

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
  let unnamed = 0;
  const add = (path: string, owner: JsonObject | unknown[], key: string | number, bareValue?: unknown) => {
    // Two items with one key (a choice value twice) would share a path: the first keeps it.
    if (seen.has(path)) return;
    seen.add(path);
    out.push(textAt(path, owner, key, defaultLanguage, bareValue));
  };

  const visitObject = (object: JsonObject, className: string, path: string) => {
    for (const property of propertiesOf(object, className)) {
      const name = property.name;
      // A choice shows its value until it has a text of its own.
      const shownValue = name === "text" && isItemValueClass(className) ? object.value : undefined;
      if (!Object.hasOwn(object, name) && shownValue === undefined) continue;
      const value = object[name];
      if (property.isLocalizable) {
        if (NOT_WORDS.has(name)) continue;
        if (typeof value === "string" || isJsonObject(value) || value === undefined) add(`${path}/${name}`, object, name, shownValue);
        continue;
      }
      if (!Array.isArray(value)) continue;
      if (ELEMENT_LISTS.has(name)) {
        visitElements(value);
        continue;
      }
      if (name === "pages") {
        value.forEach((page) => {
          if (!isJsonObject(page)) return;
          visitObject(page, "page", typeof page.name === "string" && page.name !== "" ? `page:${pathKey(page.name)}` : `page#${unnamed++}`);
        });
        continue;
      }
      const itemClass = name === "validators" ? undefined : property.className;
      value.forEach((item, index) => {
        const cls = itemClass ?? (isJsonObject(item) && typeof item.type === "string" ? `${item.type}validator` : undefined);
        if (!cls || !Serializer.findClass(cls)) return;
        const key = itemKey(item, index);
        const itemPath = `${path}/${name}:${pathKey(key)}`;
        if (isJsonObject(item)) visitObject(item, cls, itemPath);
        else if (isItemValueClass(cls) && (typeof item === "string" || typeof item === "number")) add(`${itemPath}/text`, value, index, item);
      });
    }
  };

  const visitElements = (elements: unknown[]) => {
    for (const element of elements) {
      if (!isJsonObject(element) || typeof element.type !== "string" || !Serializer.findClass(element.type)) continue;
      const kind = element.type === "panel" ? "panel" : "question";
      const path = typeof element.name === "string" && element.name !== "" ? `${kind}:${pathKey(element.name)}` : `element#${unnamed++}`;
      visitObject(element, element.type, path);
    }
  };

  visitObject(json, "survey", "survey");
  return out;
}

function itemKey(item: unknown, index: number): string | number {
  if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") return String(item);
  if (isJsonObject(item)) {
    const v = item.value;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
    if (typeof item.name === "string" && item.name !== "") return item.name;
  }
  return index;
}

function isItemValueClass(className: string): boolean {
  return className === "itemvalue" || Serializer.isDescendantOf(className, "itemvalue");
}

/** A matrix column's properties depend on its cell type: a dropdown column has choices of its own. */
function propertiesOf(object: JsonObject, className: string) {
  const own = Serializer.getProperties(className);
  if (className !== "matrixdropdowncolumn") return own;
  const cellType = typeof object.cellType === "string" && object.cellType !== "default" ? object.cellType : "dropdown";
  const names = new Set(own.map((p) => p.name));
  const cell = Serializer.findClass(cellType) ? Serializer.getProperties(cellType).filter((p) => !names.has(p.name) && (p.name === "choices" || p.isLocalizable)) : [];
  return [...own, ...cell];
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
