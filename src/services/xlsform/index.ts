/**
 * Spreadsheet questionnaires (XLSForm) for the API: a workbook read into SurveyJS JSON or refused
 * with every problem, a survey's version or draft written as a workbook, and the blank template.
 */
import { readFileSync } from "node:fs";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { AppError, fieldError, type FieldError } from "../../errors.js";
import type { JsonObject } from "../../questionnaire/json.js";
import type { SheetProblem } from "../../questionnaire/xlsform/book.js";
import { fromXlsForm } from "../../questionnaire/xlsform/from-xlsform.js";
import { toXlsForm } from "../../questionnaire/xlsform/to-xlsform.js";
import { getSurveyVersion, missingVersion } from "../surveys.js";
import { readDraft } from "../drafts/read-draft.js";
import { readBook, writeBook } from "./workbook.js";

/** A sheet problem as the one error shape's field error, its place also in fields of its own. */
function fieldErrorOf(p: SheetProblem): FieldError & { sheet: string; row?: number; column?: string; value?: string } {
  const question = p.row === undefined || p.column === undefined ? p.sheet : `${p.sheet}!${p.column}:${p.row}`;
  return Object.assign(fieldError(question, p.code, p.wording), {
    sheet: p.sheet,
    ...(p.row === undefined ? {} : { row: p.row }),
    ...(p.column === undefined ? {} : { column: p.column }),
    ...(p.value === undefined ? {} : { value: p.value }),
  });
}

/** The SurveyJS JSON of an XLSForm workbook; 422 with every problem (sheet, row, column, value) otherwise. */
export async function questionnaireFromXlsx(bytes: Uint8Array): Promise<JsonObject> {
  const result = fromXlsForm(await readBook(bytes));
  if (result.ok) return result.json;
  throw new AppError("unprocessable", phrase("xlsform.failed", { count: result.problems.length }), result.problems.map(fieldErrorOf));
}

/** A survey's version (the current one unless `version`) as an XLSForm workbook, with a notes sheet of what it cannot say. */
export async function questionnaireXlsx(db: Db, name: string, version?: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; version: number }> {
  const survey = await getSurveyVersion(db, name, version).catch(async (err: unknown) => {
    throw err instanceof AppError && err.code === "not_found" ? await missingVersion(db, name, version) : err;
  });
  return { bytes: await writeBook(toXlsForm(survey.json as JsonObject).sheets), version: survey.version };
}

/** A survey's draft (what the editor holds, as last saved) as an XLSForm workbook, with its revision. */
export async function draftXlsx(db: Db, survey: { surveyId: number; name: string }): Promise<{ bytes: Uint8Array<ArrayBuffer>; revision: number }> {
  const draft = await readDraft(db, survey);
  return { bytes: await writeBook(toXlsForm(draft.json as JsonObject).sheets), revision: draft.revision };
}

const REFERENCE = new URL("../../../surveys/dangjian-innovation-2023.json", import.meta.url);

/** The blank template: the reference study's title and first page, as an example to overwrite. */
export async function templateXlsx(): Promise<Uint8Array<ArrayBuffer>> {
  const reference = JSON.parse(readFileSync(REFERENCE, "utf8")) as JsonObject;
  const first = (reference.pages as JsonObject[])[0]!;
  return writeBook(toXlsForm({ title: reference.title, pages: [first] }).sheets);
}
