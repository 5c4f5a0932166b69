/**
 * What publishing a draft changes, question by question, so an editor sees it before the new
 * version exists. Reads the JSON itself rather than a survey-core model: a draft may be half-made
 * and still deserves a diff. Questions are found by the same walk as everything else
 * (list-questions.ts), also inside dynamic panels; values are compared in `Map`s, so a choice
 * named `__proto__` or `toString` is an ordinary value.
 */
import { LANGUAGES, SURVEY_LOCALE, type Language } from "../../i18n/language.js";
import { elementListOf, isJsonObject, type JsonObject } from "./json.js";
import { listQuestionElements } from "./list-questions.js";
import type { Scalar } from "./question.js";

/** A question as the diff names it; `within` is the dynamic panel that holds it. */
export interface DiffQuestion {
  name: string;
  within?: string;
  type: string;
  /** The title in the default language (zh-Hans), or the name when it has none. */
  title: string;
}

export interface DiffRetitle {
  name: string;
  within?: string;
  language: Language;
  before: string | null;
  after: string | null;
}

export interface DiffTypeChange {
  name: string;
  within?: string;
  before: string;
  after: string;
}

export interface DiffChoices {
  name: string;
  within?: string;
  values: Scalar[];
}

export interface DiffLogic {
  name: string;
  within?: string;
  property: string;
  /** The property's JSON before and after; null where it is absent. */
  before: unknown;
  after: unknown;
}

/** A change of the survey's own title or description in one language. */
export interface DiffSurveyText {
  property: "title" | "description";
  language: Language;
  before: string | null;
  after: string | null;
}

/** A matrix row or column whose text changed in one language; `value` is the row's value, the column's value or name. */
export interface DiffItemRetitle {
  name: string;
  within?: string;
  value: Scalar;
  language: Language;
  before: string | null;
  after: string | null;
}

export interface QuestionnaireDiff {
  /** The survey's own title and description, per language. */
  surveyTexts: DiffSurveyText[];
  added: DiffQuestion[];
  removed: DiffQuestion[];
  retitled: DiffRetitle[];
  typeChanged: DiffTypeChange[];
  choicesAdded: DiffChoices[];
  choicesRemoved: DiffChoices[];
  logicChanged: DiffLogic[];
  /** Matrix rows (single and dropdown matrices) added and removed, by value. */
  rowsAdded: DiffChoices[];
  rowsRemoved: DiffChoices[];
  /** Matrix columns added and removed: a single matrix's by value, a dropdown or dynamic matrix's by name. */
  columnsAdded: DiffChoices[];
  columnsRemoved: DiffChoices[];
  rowsRetitled: DiffItemRetitle[];
  columnsRetitled: DiffItemRetitle[];
  /** Page names in order, when pages were added, removed or reordered. */
  pagesChanged?: { before: string[]; after: string[] };
}

/** Properties that decide who is asked what and which answers are taken. */
export const LOGIC_PROPERTIES = [
  "visibleIf",
  "enableIf",
  "requiredIf",
  "isRequired",
  "readOnly",
  "inputType",
  "min",
  "max",
  "maxLength",
  "minSelectedChoices",
  "maxSelectedChoices",
  "choicesVisibleIf",
  "choicesEnableIf",
  "choicesFromQuestion",
  "rateMin",
  "rateMax",
  "validators",
  "defaultValue",
  "setValueIf",
  "setValueExpression",
  "resetValueIf",
  "expression",
] as const;

/** survey-core's special items: the flag that shows one (with its older spelling) and the value it stores. */
const SPECIAL_ITEMS: [flags: string[], value: string][] = [
  [["showOtherItem", "hasOther"], "other"],
  [["showNoneItem", "hasNone"], "none"],
  [["showRefuseItem"], "refused"],
  [["showDontKnowItem"], "dontknow"],
];

interface Found {
  name: string;
  within?: string;
  element: JsonObject;
}

/** The survey's own texts the diff compares. */
const SURVEY_TEXTS = ["title", "description"] as const;

/** The matrices and the lists of theirs the diff compares; a single matrix's items are values, the others' columns are named. */
const MATRIX_LISTS: Record<string, { rows?: "value"; columns: "value" | "name" }> = {
  matrix: { rows: "value", columns: "value" },
  matrixdropdown: { rows: "value", columns: "name" },
  matrixdynamic: { columns: "name" },
};

/**
 * The changes from questionnaire `before` to `after`: the survey's title and description per
 * language, questions added and removed, titles changed per language, types changed, choices
 * added and removed, logic changed, matrix rows and columns added, removed and retitled, and
 * the page order. Questions are matched by name (inside a dynamic panel: by panel and name).
 * @example diffQuestionnaires({ elements: [] }, { elements: [{ type: "text", name: "age" }] }).added
 *   // [{ name: "age", type: "text", title: "age" }]
 */
export function diffQuestionnaires(before: unknown, after: unknown): QuestionnaireDiff {
  const old = questionsOf(before);
  const now = questionsOf(after);
  const diff: QuestionnaireDiff = {
    surveyTexts: [],
    added: [],
    removed: [],
    retitled: [],
    typeChanged: [],
    choicesAdded: [],
    choicesRemoved: [],
    logicChanged: [],
    rowsAdded: [],
    rowsRemoved: [],
    columnsAdded: [],
    columnsRemoved: [],
    rowsRetitled: [],
    columnsRetitled: [],
  };
  const rootBefore = isJsonObject(before) ? before : {};
  const rootAfter = isJsonObject(after) ? after : {};
  for (const property of SURVEY_TEXTS) {
    for (const language of LANGUAGES) {
      const was = textIn(rootBefore[property], language);
      const now = textIn(rootAfter[property], language);
      if (was !== now) diff.surveyTexts.push({ property, language, before: was, after: now });
    }
  }
  for (const [key, q] of now) if (!old.has(key)) diff.added.push(described(q));
  for (const [key, q] of old) if (!now.has(key)) diff.removed.push(described(q));
  for (const [key, a] of now) {
    const b = old.get(key);
    if (b) compareQuestion(b, a, diff);
  }
  const pagesBefore = pageNames(before);
  const pagesAfter = pageNames(after);
  if (JSON.stringify(pagesBefore) !== JSON.stringify(pagesAfter)) diff.pagesChanged = { before: pagesBefore, after: pagesAfter };
  return diff;
}

/** True when the diff holds no change at all. */
export function isEmptyDiff(diff: QuestionnaireDiff): boolean {
  const { pagesChanged, ...lists } = diff;
  return pagesChanged === undefined && Object.values(lists).every((list) => list.length === 0);
}

function questionsOf(json: unknown): Map<string, Found> {
  const out = new Map<string, Found>();
  if (!isJsonObject(json)) return out;
  const visit = (root: JsonObject, within: string | undefined): void => {
    for (const { element } of listQuestionElements(root)) {
      const name = element.name as string;
      const key = JSON.stringify([within ?? null, name]);
      if (out.has(key)) continue;
      out.set(key, within === undefined ? { name, element } : { name, within, element });
      // A dynamic panel's questions are one level deep in its answer: named within it.
      if (element.type === "paneldynamic" && within === undefined) {
        const template = elementListOf(element, "", "templateElements");
        if (template) visit({ elements: template.items }, name);
      }
    }
  };
  visit(json, undefined);
  return out;
}

function where(q: Found): { name: string; within?: string } {
  return q.within === undefined ? { name: q.name } : { name: q.name, within: q.within };
}

function described(q: Found): DiffQuestion {
  const type = typeof q.element.type === "string" ? q.element.type : "";
  return { ...where(q), type, title: textIn(q.element.title, "zh-Hans") ?? q.name };
}

function compareQuestion(b: Found, a: Found, diff: QuestionnaireDiff): void {
  for (const language of LANGUAGES) {
    const before = textIn(b.element.title, language);
    const after = textIn(a.element.title, language);
    if (before !== after) diff.retitled.push({ ...where(a), language, before, after });
  }
  if (b.element.type !== a.element.type) diff.typeChanged.push({ ...where(a), before: String(b.element.type), after: String(a.element.type) });
  const oldValues = choiceValues(b.element);
  const newValues = choiceValues(a.element);
  const added = [...newValues].filter((v) => !oldValues.has(v));
  const removed = [...oldValues].filter((v) => !newValues.has(v));
  if (added.length > 0) diff.choicesAdded.push({ ...where(a), values: added });
  if (removed.length > 0) diff.choicesRemoved.push({ ...where(a), values: removed });
  for (const property of LOGIC_PROPERTIES) {
    const before = Object.hasOwn(b.element, property) ? b.element[property] : null;
    const after = Object.hasOwn(a.element, property) ? a.element[property] : null;
    if (JSON.stringify(before) !== JSON.stringify(after)) diff.logicChanged.push({ ...where(a), property, before, after });
  }
  compareMatrix(b, a, diff);
}

/** A matrix's rows or columns by key, each with its text per language (a bare item shows its key). */
function matrixItems(element: JsonObject, list: "rows" | "columns"): Map<Scalar, Record<Language, string | null>> {
  const out = new Map<Scalar, Record<Language, string | null>>();
  const keyed = MATRIX_LISTS[String(element.type)]?.[list];
  const items = element[list];
  if (!keyed || !Array.isArray(items)) return out;
  for (const item of items) {
    const key = isJsonObject(item) ? item[keyed] : item;
    if ((typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") || out.has(key)) continue;
    const text = isJsonObject(item) ? item[keyed === "name" ? "title" : "text"] : undefined;
    const texts = {} as Record<Language, string | null>;
    for (const language of LANGUAGES) texts[language] = textIn(text, language) ?? (language === "zh-Hans" ? String(key) : null);
    out.set(key, texts);
  }
  return out;
}

function compareMatrix(b: Found, a: Found, diff: QuestionnaireDiff): void {
  for (const list of ["rows", "columns"] as const) {
    const old = matrixItems(b.element, list);
    const now = matrixItems(a.element, list);
    const added = [...now.keys()].filter((k) => !old.has(k));
    const removed = [...old.keys()].filter((k) => !now.has(k));
    if (added.length > 0) diff[`${list}Added`].push({ ...where(a), values: added });
    if (removed.length > 0) diff[`${list}Removed`].push({ ...where(a), values: removed });
    for (const [value, texts] of now) {
      const was = old.get(value);
      if (!was) continue;
      for (const language of LANGUAGES) {
        if (was[language] !== texts[language]) diff[`${list}Retitled`].push({ ...where(a), value, language, before: was[language], after: texts[language] });
      }
    }
  }
}

/**
 * A localisable JSON text in one language: a plain string is the default (Simplified Chinese)
 * text; an object holds `default` and SurveyJS locales. Null when that language has none of its own.
 */
function textIn(value: unknown, language: Language): string | null {
  if (typeof value === "string") return language === "zh-Hans" ? value : null;
  if (!isJsonObject(value)) return null;
  const own = value[SURVEY_LOCALE[language]];
  if (typeof own === "string") return own;
  const fallback = language === "zh-Hans" ? value.default : undefined;
  return typeof fallback === "string" ? fallback : null;
}

/** The values a question offers: its choices (rating values), then the special items it shows. A matrix's columns are compared as columns. */
function choiceValues(element: JsonObject): Set<Scalar> {
  const values = new Set<Scalar>();
  for (const property of element.type === "matrix" ? [] : ["choices", "rateValues"]) {
    const list = element[property];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const value = isJsonObject(item) ? item.value : item;
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") values.add(value);
    }
  }
  for (const [flags, value] of SPECIAL_ITEMS) if (flags.some((flag) => element[flag] === true)) values.add(value);
  return values;
}

function pageNames(json: unknown): string[] {
  if (!isJsonObject(json) || !Array.isArray(json.pages)) return [];
  return json.pages.map((page, i) => (isJsonObject(page) && typeof page.name === "string" ? page.name : `page${i + 1}`));
}
