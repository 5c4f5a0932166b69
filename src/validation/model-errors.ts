/**
 * Reading survey-core's verdict after `survey.validate()`: the errors it put on every visible
 * question, including questions inside dynamic panels, matrix cells, detail panels and
 * multiple-text items, each traced back to the top-level data key that holds it.
 */
import type {
  IElement,
  PanelModel,
  PanelModelBase,
  Question,
  QuestionCheckboxModel,
  QuestionMatrixDropdownModelBase,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  SurveyError,
} from "survey-core";
import type { SurveyModel } from "survey-core";
import type { Language } from "../../i18n/language.js";
import type { Translations } from "../../i18n/phrase.js";
import { indexSegment, keySegment } from "./shape.js";

/** survey-core's locale of each language's texts (its own error texts and the questionnaire's). */
const MODEL_LOCALE = { "zh-Hans": "zh-cn", "zh-Hant": "zh-tw", en: "en" } as const;

/**
 * The texts of survey-core's errors in English (as read) and in the other `languages`:
 * survey-core words its own errors (zh-cn, zh-tw, en) and reads a validator's text from the
 * questionnaire's locales, both in the model's current locale, so the locale is switched while
 * the texts are read, then put back. A switch re-localises the whole model (tens of ms on a
 * large form), so callers ask only for the language someone will read.
 */
export function translateFindings(model: SurveyModel, findings: readonly ModelFinding[], restore: string, languages: readonly Language[]): Translations[] {
  const texts: ({ en: string } & Partial<Record<Language, string>>)[] = findings.map((f) => ({ en: f.message }));
  const others = languages.filter((lang) => lang !== "en");
  if (findings.length === 0 || others.length === 0) return texts;
  try {
    for (const lang of others) {
      model.locale = MODEL_LOCALE[lang];
      findings.forEach((f, i) => (texts[i][lang] = f.error.getText()));
    }
  } finally {
    model.locale = restore;
  }
  return texts;
}

/** One error survey-core reported: top-level `key`, `path` inside its value. */
export interface ModelFinding {
  key: string;
  path: string;
  code: string;
  message: string;
  /** survey-core's error, to read its text in other locales. */
  error: SurveyError;
}

/** survey-core error types → our codes. Its "custom" errors come from validators, min/max, email and min selected choices. */
const CODES: Record<string, string> = {
  required: "required",
  requireoneanswer: "required",
  requiredinallrowserror: "required",
  otherempty: "other_text_required",
  minrowcounterror: "too_few_rows",
  eachrowuniqueeerror: "duplicate_rows",
  keyduplicationerror: "duplicate_key",
  requirenumeric: "not_a_number",
  custom: "invalid",
};

/** Errors about what is still missing: a saved, unfinished response may have them. */
const INCOMPLETENESS = new Set(["required", "requireoneanswer", "requiredinallrowserror", "otherempty", "minrowcounterror"]);

type Push = (finding: ModelFinding) => void;

/**
 * Collects the blocking errors (warnings and info notes do not stop a form) of the given
 * top-level questions and containers. With `complete: false` only errors about values that were
 * given are kept: nothing about required, missing "other" text, too few rows or choices.
 */
export function collectModelErrors(questions: readonly Question[], containers: readonly PanelModelBase[], complete: boolean): ModelFinding[] {
  const found: ModelFinding[] = [];
  // A reused model keeps the errors of the previous submission on elements this validation did
  // not visit (hidden ones), so only visible elements are read.
  for (const question of questions) {
    if (!question.isVisible || !question.isParentVisible) continue;
    const key = question.getValueName();
    questionErrors(question, "", complete, (f) => found.push({ ...f, key }));
  }
  for (const container of containers) {
    if (!container.isVisible) continue;
    ownErrors(container.errors, null, container.name, "", complete, (f) => found.push(f));
  }
  return found;
}

function ownErrors(errors: readonly SurveyError[], question: Question | null, key: string, path: string, complete: boolean, push: Push): void {
  for (const error of errors) {
    if (!error.isError || !error.visible) continue;
    const type = error.getErrorType();
    if (!complete && (INCOMPLETENESS.has(type) || (question && (question.isEmpty() || isMinSelectedError(question, error))))) continue;
    push({ key, path, code: CODES[type] ?? "invalid", message: error.getText(), error });
  }
}

function questionErrors(question: Question, path: string, complete: boolean, push: Push): void {
  if (!question.isVisible) return;
  ownErrors(question.errors, question, "", path, complete, push);
  switch (question.getType()) {
    case "paneldynamic":
      (question as QuestionPanelDynamicModel).panels.forEach((panel, i) => elementErrors(panel.elements, path + indexSegment(i), complete, push));
      break;
    case "matrixdropdown":
    case "matrixdynamic":
      matrixErrors(question as QuestionMatrixDropdownModelBase, path, complete, push);
      break;
    case "multipletext":
      for (const item of (question as QuestionMultipleTextModel).items) {
        questionErrors(item.editor, path + keySegment(item.name), complete, push);
      }
      break;
  }
}

function elementErrors(elements: readonly IElement[], path: string, complete: boolean, push: Push): void {
  for (const element of elements) {
    if (!element.isVisible) continue;
    if (element.isPanel) {
      const panel = element as unknown as PanelModel;
      ownErrors(panel.errors, null, "", path, complete, push);
      elementErrors(panel.elements, path, complete, push);
    } else {
      const question = element as unknown as Question;
      questionErrors(question, path + keySegment(question.getValueName()), complete, push);
    }
  }
}

function matrixErrors(matrix: QuestionMatrixDropdownModelBase, path: string, complete: boolean, push: Push): void {
  const dynamic = matrix.getType() === "matrixdynamic";
  matrix.visibleRows.forEach((row, i) => {
    const rowPath = path + (dynamic ? indexSegment(i) : keySegment(String(row.rowName)));
    for (const cell of row.cells) questionErrors(cell.question, rowPath + keySegment(cell.column.name), complete, push);
    if (row.hasPanel && row.detailPanel) elementErrors(row.detailPanel.elements, rowPath, complete, push);
  });
}

/** minSelectedChoices is checked by survey-core as a "custom" error even on an empty question. */
function isMinSelectedError(question: Question, error: SurveyError): boolean {
  const box = question as QuestionCheckboxModel;
  return box.minSelectedChoices > 0 && error.getText() === box.getLocalizationFormatString("minSelectError", box.minSelectedChoices);
}
