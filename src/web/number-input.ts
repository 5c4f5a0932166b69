import type { Model, Question } from "survey-core";

/** What a number box takes as a number: digits, one point, a sign; no exponent, no units. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The steps of SurveyJS's number box that edit what was typed (private in its typings). */
interface TextEditing {
  shouldPreventNumberInput: (event: KeyboardEvent) => boolean;
  updateNumericValue: (event: KeyboardEvent) => void;
  correctValueType: (value: unknown) => unknown;
}

const isNumberBox = (question: Question) => question.getType() === "text" && question.inputType === "number";

/**
 * Number boxes keep what was typed, and refuse what is no number saying why. SurveyJS and the
 * browser changed the text silently: SurveyJS drops the keys "e", "E" and "+", and "-" when
 * the minimum is 0 or more ("-3" became 3, so the minimum never refused it); it deletes a "-"
 * typed after the first character; it stores any text that is no number as empty, which
 * empties the box mid-word ("1e" went, so "1e3" became 3 or 13); and the browser's
 * `type="number"` box takes no other characters ("12人" became 12). Here every key goes in,
 * the box is a text box with a numeric keyboard (inputmode), a plain number is stored as that
 * number (so the question's validators and its minimum check it, in the page's language), and
 * other text is kept as typed and refused: by the question's validators where they refuse it,
 * else with `notANumber` as the question's error (never stored: the server takes numbers).
 */
export function keepTypedNumbers(survey: Model, notANumber: () => string): void {
  const adapt = (question: Question) => {
    if (!isNumberBox(question)) return;
    const editing = question as unknown as TextEditing;
    editing.shouldPreventNumberInput = () => false;
    editing.updateNumericValue = () => {};
    editing.correctValueType = (value) => (typeof value === "string" && PLAIN_NUMBER.test(value.trim()) ? Number(value.trim()) : value);
  };
  const asTextBox = (question: Question, element: HTMLElement) => {
    adapt(question);
    const input = isNumberBox(question) ? element.querySelector<HTMLInputElement>("input") : null;
    if (!input) return;
    input.type = "text";
    input.inputMode = "decimal";
  };
  for (const question of survey.getAllQuestions()) adapt(question);
  survey.onAfterRenderQuestion.add((_, { question, htmlElement }) => asTextBox(question, htmlElement));
  // Matrix cells are questions of their own, made and rendered apart from the others. (The
  // items of a multiple-text question are not yet: they keep SurveyJS's number box.)
  survey.onMatrixCellCreated.add((_, { cellQuestion }) => adapt(cellQuestion));
  survey.onAfterRenderMatrixCell.add((_, { cellQuestion, htmlElement }) => asTextBox(cellQuestion, htmlElement));
  survey.onValidateQuestion.add((_, options) => {
    if (!isNumberBox(options.question)) return;
    const value = options.value as unknown;
    if (typeof value !== "string" || value.trim() === "" || PLAIN_NUMBER.test(value.trim())) return;
    // Where the question's own validators refused it already (in the page's language), they said why.
    if (options.errors.length === 0) options.error = notANumber();
  });
}
