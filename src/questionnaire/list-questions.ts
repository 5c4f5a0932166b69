import { NO_ANSWER_TYPES } from "./element-types.js";
import { isJsonObject, rootElementLists, elementListOf, type JsonObject } from "./json.js";

/** One top-level data key of a questionnaire. */
export interface ListedQuestion {
  name: string;
  /** Where the answer lives in a response's data: `valueName` or `name`. */
  key: string;
  type: string;
  /** The raw title (plain string or `{ default, "zh-tw", en }`) when the JSON has one. */
  title?: unknown;
}

/**
 * Every answerable question of a questionnaire in page order: questions on pages and inside
 * panels, one entry per data key (the first question wins when several share a `valueName`).
 * Questions inside dynamic panels and matrices are part of their container's answer, so they are
 * not listed; html and image elements hold no answer. Expression questions are listed: their
 * computed values are stored with the response.
 * @example listQuestions({ elements: [{ type: "text", name: "age", title: "年龄" }] })
 *   // [{ name: "age", key: "age", type: "text", title: "年龄" }]
 */
export function listQuestions(json: object): ListedQuestion[] {
  return listQuestionElements(json).map(({ element, key }) => listed(element, key, element.type as string));
}

/** The same walk as {@link listQuestions}, giving each question's JSON element with its data key. */
export function listQuestionElements(json: object): { element: JsonObject; key: string }[] {
  const out: { element: JsonObject; key: string }[] = [];
  if (!isJsonObject(json)) return out;
  const seen = new Set<string>();
  const visit = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const element of items) {
      if (!isJsonObject(element) || typeof element.type !== "string") continue;
      if (element.type === "panel") {
        visit(elementListOf(element, "")?.items);
        continue;
      }
      if (NO_ANSWER_TYPES.has(element.type) || typeof element.name !== "string" || element.name === "") continue;
      const key = typeof element.valueName === "string" && element.valueName !== "" ? element.valueName : element.name;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ element, key });
    }
  };
  for (const list of rootElementLists(json)) visit(list.items);
  return out;
}

function listed(element: JsonObject, key: string, type: string): ListedQuestion {
  const entry: ListedQuestion = { name: element.name as string, key, type };
  if (element.title !== undefined) entry.title = element.title;
  return entry;
}
