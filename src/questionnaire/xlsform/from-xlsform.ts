/**
 * A spreadsheet questionnaire in the manner of XLSForm → SurveyJS JSON, or every problem with
 * its sheet, row, column and value, and nothing else: no half-made questionnaire. What comes out
 * has passed the platform's publishing check.
 */
import { phrase } from "../../../i18n/phrase.js";
import { checkQuestionnaire } from "../check.js";
import type { JsonObject } from "../json.js";
import type { Book, SheetProblem } from "./book.js";
import { readChoices } from "./read-choices.js";
import { readSettings } from "./read-settings.js";
import { readSurvey } from "./read-survey.js";

export type FromXlsForm = { ok: true; json: JsonObject } | { ok: false; problems: SheetProblem[] };

/** The name of the one page of a form without `style: pages` (SurveyJS Creator's first page name). */
export const SINGLE_PAGE = "page1";

/** With `style: pages`, each top-level group is a page; questions between groups share a page of their own. */
function pagesOf(elements: JsonObject[], asPages: boolean): JsonObject[] {
  if (!asPages) return [{ name: SINGLE_PAGE, elements }];
  const pages: JsonObject[] = [];
  let loose: JsonObject[] | undefined;
  for (const element of elements) {
    if (element.type === "panel") {
      const { type: _panel, ...page } = element;
      pages.push(page);
      loose = undefined;
    } else {
      if (!loose) {
        loose = [];
        pages.push({ name: `page${pages.length + 1}`, elements: loose });
      }
      loose.push(element);
    }
  }
  return pages;
}

/**
 * Converts the rows of a workbook.
 * @example fromXlsForm(book) // { ok: true, json: { pages: [{ name: "page1", elements: [...] }] } }
 */
export function fromXlsForm(book: Book): FromXlsForm {
  const problems: SheetProblem[] = [];
  const survey = book.get("survey");
  if (!survey) return { ok: false, problems: [{ sheet: "survey", code: "missing_sheet", wording: phrase("xlsform.noSheet", { sheet: "survey" }) }] };
  const settings = readSettings(book, problems);
  const lists = readChoices(book, settings.defaultLocale, problems);
  const { elements, rows } = readSurvey(survey, lists, settings.defaultLocale, problems);
  if (problems.length === 0 && elements.length === 0) problems.push({ sheet: survey.name, code: "no_questions", wording: phrase("xlsform.noQuestions") });
  if (problems.length > 0) return { ok: false, problems };
  const json: JsonObject = { ...(settings.title === undefined ? {} : { title: settings.title }), pages: pagesOf(elements, settings.pages) };
  for (const problem of checkQuestionnaire(json)) {
    const name = /\(([^)]+)\)/.exec(problem.question)?.[1];
    const row = name === undefined ? undefined : rows.get(name);
    problems.push({
      sheet: survey.name,
      ...(row === undefined ? {} : { row, column: "name", value: name }),
      code: problem.code,
      wording: phrase("xlsform.questionnaire", { reason: problem.wording ?? problem.message }),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, json };
}
