/**
 * The names survey-core itself cannot hold, found by trying them (issue 11). Everything else a
 * name can be, the platform keeps: its own maps are `Map`s or null-prototype objects.
 */
import { MatrixDropdownColumn, QuestionTextModel } from "survey-core";

/**
 * True for a name that is a property of every plain object, as written or lower-cased
 * (`toString`, `constructor`, `__proto__`, `CONSTRUCTOR`, ...). survey-core files questions by
 * name and by lower-cased name in plain objects, and a matrix row's cells likewise: such a
 * question breaks the model as it loads (`res.indexOf is not a function`), such a column or
 * detail question breaks the row, and `__proto__` loses its answers.
 * @example collidesWithObject("toString") // true
 */
export function collidesWithObject(name: string): boolean {
  return name in Object.prototype || name.toLowerCase() in Object.prototype;
}

/**
 * The name survey-core gives a question or matrix column written with `name`: it trims it and drops
 * braces, `|` and a leading `#`, so answers sent under the name as written would be unknown to the form.
 * @example keptName('a"{},\\b') // 'a",\\b'
 */
export function keptName(name: string, what: "question" | "column"): string {
  return what === "column" ? new MatrixDropdownColumn(name).name : new QuestionTextModel(name).name;
}
