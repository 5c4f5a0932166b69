/** The `choices` sheet: lists of choices by list name, each choice with its labels. */
import { phrase } from "../../../i18n/phrase.js";
import type { JsonObject } from "../json.js";
import type { Book, SheetProblem } from "./book.js";
import { cell, localised, readColumns } from "./columns.js";

/** A SurveyJS choice: a bare value when its only label is the value itself, or none. */
export type Choice = string | JsonObject;

export interface ChoiceList {
  choices: Choice[];
  /** Where the list starts, for problems about it. */
  row: number;
}

/**
 * Reads every list. Columns other than list_name, name and label (choice filters, media) are
 * meaningful only with survey columns this reader refuses, so they are not read.
 */
export function readChoices(book: Book, defaultLocale: string, problems: SheetProblem[]): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  const sheet = book.get("choices");
  if (!sheet) return lists;
  const columns = readColumns(sheet, new Set(["list_name", "name"]), new Set(["label"]), defaultLocale, problems, () => true);
  const listColumn = columns.plain.get("list_name");
  if (!listColumn || !columns.plain.has("name")) {
    const column = listColumn ? "name" : "list_name";
    problems.push({ sheet: sheet.name, row: 1, column, code: "missing_column", wording: phrase("xlsform.noColumn", { sheet: sheet.name, column }) });
    return lists;
  }
  const seen = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const list = cell(cells, listColumn);
    const name = cell(cells, columns.plain.get("name"));
    const label = localised(cells, columns, "label");
    if (list === "" && name === "" && label === undefined) continue;
    if (name === "") {
      problems.push({ sheet: sheet.name, row, column: "name", code: "missing_name", wording: phrase("xlsform.choiceWithoutName") });
      continue;
    }
    if (list === "") {
      problems.push({ sheet: sheet.name, row, column: "list_name", value: name, code: "missing_list", wording: phrase("xlsform.choiceWithoutList") });
      continue;
    }
    const key = `${list}\u0000${name}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ sheet: sheet.name, row, column: "name", value: name, code: "duplicate_choice", wording: phrase("xlsform.duplicateChoice", { name, list, row: earlier }) });
      continue;
    }
    seen.set(key, row);
    const entry = lists.get(list) ?? { choices: [], row };
    entry.choices.push(label === undefined || label === name ? name : { value: name, text: label });
    lists.set(list, entry);
  }
  return lists;
}
