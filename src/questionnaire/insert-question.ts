/**
 * Inserting a question (or a panel) from the question bank into a draft: renamed when its name is
 * taken, with its own logic following the new name, and the questions its logic names that the
 * draft does not have reported back, so the editor can warn before the draft is published.
 */
import { ConditionRunner } from "survey-core";
import { phrase } from "../../i18n/phrase.js";
import { elementListOf, isJsonObject, rootElementLists, type JsonObject } from "./json.js";
import { worded, type Problem } from "./problem.js";
import { renameInExpression } from "./expression-names.js";
import { questionRenamer } from "./rename-question.js";

export interface InsertOptions {
  /** The page to append to (default: the last page). */
  page?: string;
  /** The question or panel to insert after (on `page` when that is given too). */
  after?: string;
}

export type InsertResult =
  | {
      ok: true;
      json: JsonObject;
      /** The inserted element's name: its own, or `<name>_2`, `<name>_3` … when that was taken. */
      name: string;
      /** Every name changed, the element's own and those of questions inside an inserted panel. */
      renamed: { from: string; to: string }[];
      /** Names the inserted logic reads that are neither questions nor calculated values of the draft. */
      dangling: string[];
    }
  | { ok: false; problems: Problem[] };

/** Names in expressions that mean the current panel, row, item or choice, not a question. */
const CONTEXT = /^(panel|row|item|choice|parentpanel|rowvalue|composite)$/i;

function isExpressionProperty(name: string): boolean {
  return name.endsWith("If") || name.endsWith("Expression") || name === "expression";
}

/** Elements of a list and, through panels, the elements inside them (not a dynamic panel's template: its names are its own). */
function* elementsIn(items: unknown): Generator<JsonObject> {
  if (!Array.isArray(items)) return;
  for (const element of items) {
    if (!isJsonObject(element)) continue;
    yield element;
    if (element.type === "panel") yield* elementsIn(elementListOf(element, "")?.items);
  }
}

function* draftElements(json: JsonObject): Generator<JsonObject> {
  for (const list of rootElementLists(json)) yield* elementsIn(list.items);
}

/** Every JSON object inside a value, the value first. */
function* objectsIn(value: unknown): Generator<JsonObject> {
  if (Array.isArray(value)) for (const item of value) yield* objectsIn(item);
  else if (isJsonObject(value)) {
    yield value;
    for (const key of Object.keys(value)) yield* objectsIn(value[key]);
  }
}

function variablesOf(expression: string): string[] {
  try {
    const runner = new ConditionRunner(expression) as unknown as { getVariables(): string[] };
    return runner.getVariables();
  } catch {
    return [];
  }
}

/**
 * A copy of the draft with `element` inserted after `options.after`, else at the end of
 * `options.page`, else at the end of the last page.
 * @example insertQuestion({ pages: [{ name: "p", elements: [{ type: "text", name: "q" }] }] }, { type: "text", name: "q" }, {})
 *   // { ok: true, name: "q_2", renamed: [{ from: "q", to: "q_2" }], dangling: [], json: … }
 */
export function insertQuestion(draft: JsonObject, element: unknown, options: InsertOptions = {}): InsertResult {
  if (!isJsonObject(element) || typeof element.type !== "string" || typeof element.name !== "string" || element.name.trim() === "") {
    return { ok: false, problems: [worded("element", "not_an_element", phrase("bank.notAnElement"))] };
  }
  const json = structuredClone(draft);
  const inserted = structuredClone(element);

  const target = placeOf(json, options);
  if ("problem" in target) return { ok: false, problems: [target.problem] };

  const taken = new Set<string>();
  for (const existing of draftElements(json)) if (typeof existing.name === "string") taken.add(existing.name.toLowerCase());
  const renamed: { from: string; to: string }[] = [];
  for (const own of elementsIn([inserted])) {
    if (typeof own.name !== "string" || own.name === "") continue;
    const from = own.name;
    let to = from;
    for (let n = 2; taken.has(to.toLowerCase()); n++) to = `${from}_${n}`;
    taken.add(to.toLowerCase());
    if (to === from) continue;
    own.name = to;
    renamed.push({ from, to });
  }

  const expressions: string[] = [];
  for (const object of objectsIn(inserted)) {
    for (const key of Object.keys(object)) {
      const value = object[key];
      if (typeof value !== "string") continue;
      if (isExpressionProperty(key)) {
        let rewritten = value;
        for (const { from, to } of renamed) rewritten = renameInExpression(rewritten, questionRenamer(from, to));
        object[key] = rewritten;
        expressions.push(rewritten);
      } else if (key === "choicesFromQuestion" || key === "rowsFromQuestion" || key === "columnsFromQuestion") {
        const renamedTo = renamed.find((r) => r.from.toLowerCase() === value.toLowerCase())?.to;
        if (renamedTo) object[key] = renamedTo;
        expressions.push(`{${renamedTo ?? value}}`);
      }
    }
  }

  target.list.splice(target.index, 0, inserted);

  const known = new Set(taken);
  for (const existing of draftElements(json)) if (typeof existing.valueName === "string") known.add(existing.valueName.toLowerCase());
  if (Array.isArray(json.calculatedValues))
    for (const value of json.calculatedValues) if (isJsonObject(value) && typeof value.name === "string") known.add(value.name.toLowerCase());
  const dangling = new Map<string, string>();
  for (const expression of expressions) {
    for (const variable of variablesOf(expression)) {
      const base = variable
        .split(/[.[]/)[0]!
        .trim()
        .replace(/-comment$/i, "");
      if (base === "" || CONTEXT.test(base) || known.has(base.toLowerCase())) continue;
      if (!dangling.has(base.toLowerCase())) dangling.set(base.toLowerCase(), base);
    }
  }
  return { ok: true, json, name: inserted.name as string, renamed, dangling: [...dangling.values()] };
}

/** The element list and index the element goes to, or the problem with the options. */
function placeOf(json: JsonObject, options: InsertOptions): { list: unknown[]; index: number } | { problem: Problem } {
  let pages = Array.isArray(json.pages) ? json.pages.filter(isJsonObject) : [];
  if (options.page !== undefined) {
    pages = pages.filter((page) => page.name === options.page);
    if (pages.length === 0) return { problem: worded("page", "unknown_page", phrase("bank.noPage", { page: options.page })) };
  }
  if (options.after !== undefined) {
    const after = options.after.toLowerCase();
    const lists = options.page !== undefined ? pages.map((page) => elementListOf(page, "")?.items) : rootElementLists(json).map((list) => list.items);
    for (const items of lists) {
      const found = findIn(items, after);
      if (found) return found;
    }
    return { problem: worded("after", "unknown_element", phrase("bank.noElement", { name: options.after })) };
  }
  const page = pages.at(-1);
  if (page) return appendTo(page);
  if (Array.isArray(json.elements) || Array.isArray(json.questions)) return appendTo(json);
  const first: JsonObject = { name: "page1", elements: [] };
  json.pages = [first];
  return appendTo(first);
}

function appendTo(container: JsonObject): { list: unknown[]; index: number } {
  const existing = elementListOf(container, "")?.items;
  if (Array.isArray(existing)) return { list: existing, index: existing.length };
  const list: unknown[] = [];
  container.elements = list;
  return { list, index: 0 };
}

function findIn(items: unknown, name: string): { list: unknown[]; index: number } | undefined {
  if (!Array.isArray(items)) return undefined;
  for (let i = 0; i < items.length; i++) {
    const element = items[i];
    if (!isJsonObject(element)) continue;
    if (typeof element.name === "string" && element.name.toLowerCase() === name) return { list: items, index: i + 1 };
    if (element.type === "panel") {
      const inside = findIn(elementListOf(element, "")?.items, name);
      if (inside) return inside;
    }
  }
  return undefined;
}
