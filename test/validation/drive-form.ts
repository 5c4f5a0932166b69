/**
 * Fills a survey-core model the way a respondent's browser does: page by page, only visible
 * and enabled questions, values taken from each question's own visible choices, rows, columns and
 * validator ranges, through the same model methods the UI calls (renderedValue, clickItemHandler,
 * cellClick, addRow, addPanel, otherValue, comment, inputValue). What `survey.data` holds
 * afterwards is an answer set a real form can produce.
 */
import fc from "fast-check";
import type {
  ItemValue,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  RegexValidator,
  SurveyModel,
} from "survey-core";

/** The random decisions a respondent makes; backed by fast-check so failures shrink. */
export interface Chooser {
  /** A careful respondent answers everything, within the ranges the questions state; others skip and slip. */
  careful: boolean;
  int(min: number, max: number): number;
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** A Chooser drawing from fast-check's `fc.gen()` inside a property. */
export function chooserFrom(g: fc.GeneratorValue): Chooser {
  return {
    careful: g(fc.boolean),
    int: (min, max) => g(fc.integer, { min, max }),
    chance: (percent) => g(fc.integer, { min: 1, max: 100 }) <= percent,
    pick: (items) => items[g(fc.integer, { min: 0, max: items.length - 1 })],
  };
}

// The first entries of each pool are what a careful respondent types; the rest are slips.
const WORDS = ["第一党支部", "张三", "李四", "王小明", "城关镇机关党委", "加强学习", "党建引领基层治理创新实践", "无", "abc", "  "];
const CAREFUL_WORDS = 7;
// Strings for questions with a pattern: phone numbers, numbers and credit codes, then slips of each.
const PATTERNED = ["13800138000", "15912345678", "1812", "91110108MA01C2XJ3K", "12345", "1380013800a", "91110108MA01C2XJ3I"];
const EMAILS = ["zhangsan@example.cn", "party.office@gov.cn", "not-an-email", "李四@例子.中国"];

/** Draws from the careful prefix of a pool, or from all of it. */
function fromPool(pool: readonly string[], carefulCount: number, c: Chooser): string {
  return c.pick(c.careful ? pool.slice(0, carefulCount) : pool);
}

/** Whether this respondent answers a question: careful ones always do. */
function answers(c: Chooser, percent: number): boolean {
  return c.careful || c.chance(percent);
}

/** Answers the whole survey as a respondent going forward through the pages, then maybe goes back and changes an answer. */
export function driveForm(survey: SurveyModel, c: Chooser): void {
  for (const page of survey.pages) {
    if (!page.isVisible) continue;
    for (const question of page.questions) {
      if (question.isVisible && question.isParentVisible && !question.isReadOnly && answers(c, 88)) answer(question, c);
    }
  }
  // Going back and changing an earlier answer can hide questions answered since: their values stay in the data.
  if (c.chance(25)) {
    const visible = survey.getAllQuestions(true).filter((q) => !q.isReadOnly);
    if (visible.length > 0) answer(c.pick(visible), c);
  }
}

/** Gives one question an answer through the model's UI-facing API. */
export function answer(question: Question, c: Chooser): void {
  switch (question.getType()) {
    case "text":
      return answerText(question as QuestionTextModel, c);
    case "comment":
      (question as QuestionTextModel).value = pickText(question, c);
      return;
    case "boolean":
      (question as QuestionBooleanModel).booleanValue = c.chance(50);
      return;
    case "rating": {
      const rating = question as QuestionRatingModel;
      rating.setValueFromClick(c.pick(rating.visibleRateValues).value);
      return;
    }
    case "radiogroup":
    case "dropdown":
    case "imagepicker":
      return answerSingle(question as QuestionSelectBase, c);
    case "checkbox":
    case "tagbox":
      return answerMulti(question as QuestionCheckboxModel, c);
    case "ranking":
      return answerRanking(question as QuestionRankingModel, c);
    case "matrix":
      return answerMatrix(question as QuestionMatrixModel, c);
    case "matrixdropdown":
      return answerRows(question as QuestionMatrixDropdownModelBase, c);
    case "matrixdynamic": {
      const matrix = question as QuestionMatrixDynamicModel;
      const target = c.int(matrix.minRowCount, Math.min(matrix.maxRowCount, 3));
      while (matrix.rowCount < target) matrix.addRow();
      while (matrix.rowCount > target) matrix.removeRow(c.int(0, matrix.rowCount - 1), false);
      return answerRows(matrix, c);
    }
    case "multipletext":
      for (const item of (question as QuestionMultipleTextModel).items) if (answers(c, 80)) answer(item.editor, c);
      return;
    case "paneldynamic":
      return answerPanels(question as QuestionPanelDynamicModel, c);
    default:
      return; // html, image, expression: nothing to answer
  }
}

function pickText(question: Question, c: Chooser): string {
  const maxLength = Number((question as QuestionTextModel).getMaxLength());
  const text = !c.careful && c.chance(10) ? "很长的意见".repeat(c.int(5, 80)) : fromPool(WORDS, CAREFUL_WORDS, c);
  // The browser stops typing at maxlength.
  return maxLength > 0 ? text.slice(0, maxLength) : text;
}

function numberBounds(question: QuestionTextModel): [number, number] {
  let low = question.min !== undefined && question.min !== "" ? Number(question.min) : -5;
  let high = question.max !== undefined && question.max !== "" ? Number(question.max) : 500;
  for (const v of question.validators) {
    const range = v as unknown as { minValue?: number; maxValue?: number };
    if (typeof range.minValue === "number") low = Math.max(low, range.minValue);
    if (typeof range.maxValue === "number") high = Math.min(high, range.maxValue);
  }
  return [low, Math.max(low, high)];
}

function answerText(question: QuestionTextModel, c: Chooser): void {
  const inputType = question.inputType;
  if (inputType === "number" || inputType === "range") {
    const [low, high] = numberBounds(question);
    // Respondents also type numbers outside the range; the form then shows an error.
    const n = c.careful || c.chance(85) ? c.int(low, high) : c.int(low - 100, high + 100);
    question.inputValue = String(!c.careful && c.chance(15) ? n + 0.5 : n);
    return;
  }
  if (inputType === "date") {
    const year = c.careful ? c.int(1922, 2025) : c.int(1900, 2030);
    const date = `${year}-${String(c.int(1, 12)).padStart(2, "0")}-${String(c.int(1, 28)).padStart(2, "0")}`;
    question.inputValue = date;
    return;
  }
  if (inputType === "email") {
    question.inputValue = fromPool(EMAILS, 2, c);
    return;
  }
  const patterns = question.validators.filter((v) => v.getType() === "regexvalidator").map((v) => new RegExp((v as RegexValidator).regex));
  if (patterns.length > 0 && (c.careful || c.chance(80))) {
    // A careful respondent types what the pattern asks for (a credit code where one is asked, not a phone number).
    const fitting = PATTERNED.filter((text) => patterns.every((p) => p.test(text)));
    question.inputValue = c.pick(c.careful && fitting.length > 0 ? fitting : PATTERNED);
    return;
  }
  question.inputValue = pickText(question, c);
}

function enabledChoices(question: QuestionSelectBase): ItemValue[] {
  return question.visibleChoices.filter((item) => item.isEnabled);
}

function fillOtherAndComment(question: QuestionSelectBase, c: Chooser): void {
  if (question.isOtherSelected && answers(c, 80)) question.otherValue = fromPool(WORDS, CAREFUL_WORDS, c);
  if (question.showCommentArea && c.chance(50)) question.comment = fromPool(WORDS, CAREFUL_WORDS, c);
}

function answerSingle(question: QuestionSelectBase, c: Chooser): void {
  const choices = enabledChoices(question);
  if (choices.length === 0) return;
  question.renderedValue = c.pick(choices).value;
  fillOtherAndComment(question, c);
}

function answerMulti(question: QuestionCheckboxModel, c: Chooser): void {
  const clicks = c.careful ? c.int(2, 5) : c.int(0, 5);
  for (let i = 0; i < clicks; i++) {
    // Items disabled by maxSelectedChoices cannot be clicked; the list is read again after every click.
    const choices = enabledChoices(question);
    if (question.showSelectAllItem && question.selectAllItem.isEnabled && c.chance(10)) choices.push(question.selectAllItem);
    if (choices.length === 0) break;
    const item = c.pick(choices);
    question.clickItemHandler(item, !question.isItemSelected(item));
  }
  fillOtherAndComment(question, c);
}

function answerRanking(question: QuestionRankingModel, c: Chooser): void {
  const values = question.visibleChoices.map((item) => item.value);
  for (let i = values.length - 1; i > 0; i--) {
    const j = c.int(0, i);
    [values[i], values[j]] = [values[j], values[i]];
  }
  question.value = question.selectToRankEnabled ? values.slice(0, c.int(1, values.length)) : values;
}

function answerMatrix(question: QuestionMatrixModel, c: Chooser): void {
  for (const row of question.visibleRows) {
    if (!answers(c, 85)) continue;
    const columns = question.visibleColumns;
    if (columns.length > 0) row.cellClick(c.pick(columns));
  }
}

function answerRows(matrix: QuestionMatrixDropdownModelBase, c: Chooser): void {
  for (const row of matrix.visibleRows) {
    for (const cell of row.cells) {
      if (cell.question.isVisible && !cell.question.isReadOnly && answers(c, 75)) answer(cell.question, c);
    }
  }
}

function answerPanels(question: QuestionPanelDynamicModel, c: Chooser): void {
  const target = c.int(question.minPanelCount, Math.min(question.maxPanelCount, 3));
  while (question.panelCount < target) question.addPanel();
  while (question.panelCount > target) question.removePanel(question.panels[c.int(0, question.panelCount - 1)]);
  for (const panel of question.panels) {
    for (const inner of panel.questions) {
      if (inner.isVisible && !inner.isReadOnly && answers(c, 85)) answer(inner, c);
    }
  }
}
