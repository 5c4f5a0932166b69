/**
 * The names survey-core itself cannot hold, found by trying them (issue 11). Everything else a
 * name can be, the platform keeps: its own maps are `Map`s or null-prototype objects.
 */
import { MatrixDropdownColumn, QuestionTextModel } from "survey-core";

/**
 * True for a name survey-core cannot use as a key because every plain object has a property of
 * that name (`toString`, `constructor`, `__proto__`, ...). Tried in survey-core 2.5: a question so
 * named breaks the model as it loads (`res.indexOf is not a function`; questions are also filed by
 * lower-cased name, so `CONSTRUCTOR` too); a matrix column, a detail-panel or dynamic-panel
 * question, a matrix row or a multiple-text item so named throws as soon as it is answered
 * (`Cannot convert object to primitive value`), and `__proto__` silently loses the answer.
 * Choice values are compared, never used as keys: they may be anything.
 * @example collidesWithObject("toString", "item") // true
 */
export function collidesWithObject(name: string, what: "question" | "item" | "column" | "row"): boolean {
  return name in Object.prototype || (what === "question" && name.toLowerCase() in Object.prototype);
}

/**
 * The name survey-core gives a question or matrix column written with `name`: it trims it and drops
 * braces, `|` and a leading `#`, so answers sent under the name as written would be unknown to the form.
 * @example keptName('a"{},\\b') // 'a",\\b'
 */
export function keptName(name: string, what: "question" | "column"): string {
  return what === "column" ? new MatrixDropdownColumn(name).name : new QuestionTextModel(name).name;
}
