/**
 * The question bank: the questions of several questionnaires (the shipped ones, the surveys a
 * caller can read), found by title in any language or by name. A Simplified query finds a title
 * written only in Traditional characters and the reverse: the query is searched as typed and as
 * OpenCC converts it both ways.
 */
import { LANGUAGES, SURVEY_LOCALE, type Language } from "../../i18n/language.js";
import { chineseConverter } from "./convert-chinese.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { listQuestionElements } from "./list-questions.js";
import { localisableTexts } from "./localisable-texts.js";
import { pathKey } from "./text-paths.js";
import type { Texts } from "./texts.js";

/** Where a question of the bank comes from. */
export interface BankSource {
  kind: "shipped" | "survey";
  /** A shipped questionnaire's file name without `.json`, or a survey's name. */
  id: string;
  /** The questionnaire's title by language. */
  title: Texts;
}

export interface BankQuestionnaire {
  source: BankSource;
  json: unknown;
}

/** A question found in the bank. */
export interface BankQuestion {
  source: BankSource;
  name: string;
  type: string;
  /** The question's title by language (its name when it has none). */
  title: Texts;
  /** The question's whole JSON: choices, logic, validators and every translation, ready to insert. */
  element: JsonObject;
}

export interface SearchOptions {
  /** Search only the titles in this language (names are always searched). */
  language?: Language;
  /** At most this many results (default 50). */
  limit?: number;
}

const HAN = /\p{Script=Han}/u;

/**
 * The texts of a localisable JSON value by language, as the page shows them: a language without
 * its own text takes the default one, then any other, then `fallback`.
 * @example textsOfJson({ default: "层级", en: "Level" }) // { "zh-Hans": "层级", "zh-Hant": "层级", en: "Level" }
 */
export function textsOfJson(value: unknown, fallback = ""): Texts {
  const out = { "zh-Hans": "", "zh-Hant": "", en: "" } as Texts;
  const own = (v: unknown) => (typeof v === "string" ? v : "");
  for (const language of LANGUAGES) {
    if (typeof value === "string") out[language] = value;
    else if (isJsonObject(value)) out[language] = own(value[SURVEY_LOCALE[language]]) || own(value.default);
  }
  const any = LANGUAGES.map((language) => out[language]).find((text) => text !== "") ?? fallback;
  for (const language of LANGUAGES) if (out[language] === "") out[language] = any;
  return out;
}

/** The query as typed and in the other script, lower-cased: what a text must contain. */
function needlesOf(query: string): string[] {
  const typed = fold(query.trim());
  const needles = new Set([typed]);
  if (HAN.test(typed)) {
    for (const standard of ["tw", "hk"] as const) {
      needles.add(chineseConverter("to-traditional", standard)(typed));
      needles.add(chineseConverter("to-simplified", standard)(typed));
    }
  }
  return [...needles];
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/**
 * The questions whose name or title contains the query (case-insensitive; Chinese as typed or in
 * the other script), then those where only another of their texts does (a choice, the
 * description, a matrix row); each group in the bank's order, questions in page order. An empty
 * query lists every question, up to the limit.
 * @example searchQuestions(bank, "管理体制") // the reference study's main_problems: a choice reads 管理体制不够顺畅
 */
export function searchQuestions(bank: readonly BankQuestionnaire[], query: string, options: SearchOptions = {}): BankQuestion[] {
  const needles = needlesOf(query);
  const limit = options.limit ?? 50;
  const contains = (texts: readonly string[]) => needles.some((needle) => texts.some((text) => fold(text).includes(needle)));
  const inTitle: BankQuestion[] = [];
  const elsewhere: BankQuestion[] = [];
  for (const { source, json } of bank) {
    if (!isJsonObject(json)) continue;
    for (const { element } of listQuestionElements(json)) {
      const name = element.name as string;
      const title = textsOfJson(element.title, name);
      const languages = options.language ? [options.language] : LANGUAGES;
      const result = () => ({ source, name, type: element.type as string, title, element: structuredClone(element) });
      if (contains([name, ...languages.map((language) => title[language])])) {
        inTitle.push(result());
        if (inTitle.length >= limit) return inTitle;
        continue;
      }
      if (elsewhere.length >= limit) continue;
      // The question's other texts, read as the page reads them: in the survey's own default language.
      const texts = localisableTexts({ locale: json.locale, elements: [element] }).filter((t) => t.path !== `question:${pathKey(name)}/title`);
      const read = texts.flatMap((t) => languages.map((language) => t.read(language) ?? ""));
      if (contains(read)) elsewhere.push(result());
    }
  }
  return [...inTitle, ...elsewhere].slice(0, limit);
}
