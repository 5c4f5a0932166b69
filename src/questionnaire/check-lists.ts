/** Checks of item lists in a questionnaire: choices, rate values, matrix rows and columns. */
import { phrase } from "../../i18n/phrase.js";
import { worded, type Problem } from "./problem.js";
import { isJsonObject } from "./json.js";
import { collidesWithObject } from "./check-names.js";

/** A choice value as the respondent's data will carry it. */
export type ChoiceValue = string | number | boolean;

function isChoiceValue(value: unknown): value is ChoiceValue {
  return (typeof value === "string" && value !== "") || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

/**
 * Checks an item list (`choices`, `rateValues`, matrix `rows`/`columns`): every item is a scalar
 * or an object with a scalar `value`, and no value repeats, since a respondent's answer could not
 * tell two such items apart. Missing lists are fine.
 * @param where - location of the list's owner, e.g. `pages[0].elements[2] (q3)`.
 * @param options.keys - the values are keys of the answer (matrix rows), not values in it.
 */
export function checkItemList(list: unknown, where: string, property: string, problems: Problem[], options: { keys?: boolean } = {}): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    problems.push(worded(`${where}.${property}`, "bad_property", phrase("questionnaire.propertyNotArray", { property })));
    return;
  }
  const seen = new Set<ChoiceValue>();
  list.forEach((item, i) => {
    const place = `${where}.${property}[${i}]`;
    const value = isJsonObject(item) ? item.value : item;
    if (isJsonObject(item) && (item.showCommentArea === true || item.elements !== undefined)) {
      problems.push(worded(place, "unsupported_feature", phrase("questionnaire.choiceExtras")));
    }
    if (!isChoiceValue(value)) {
      problems.push(worded(place, "choice_without_value", phrase("questionnaire.choiceWithoutValue")));
      return;
    }
    if (options.keys && typeof value === "string" && collidesWithObject(value, "row")) {
      problems.push(worded(place, "bad_name", phrase("questionnaire.objectName", { name: value })));
    }
    if (seen.has(value)) {
      problems.push(worded(place, "duplicate_choice", phrase("questionnaire.duplicateChoice", { value: JSON.stringify(value) })));
    }
    seen.add(value);
  });
}
