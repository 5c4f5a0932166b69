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

/** A multiple-text question's item (the parts used here; its editor is a text question of its own). */
interface TextItem {
  name: string;
  inputType: string;
  editor: Question & { inputId: string };
}

/** The number items of a multiple-text question (none for any other question). */
const numberItems = (question: Question): TextItem[] =>
  question.getType() === "multipletext" ? (question as unknown as { items: TextItem[] }).items.filter((item) => isNumberBox(item.editor)) : [];

/** Text that a number box keeps but that is no number. */
const isNotANumber = (value: unknown) => typeof value === "string" && value.trim() !== "" && !PLAIN_NUMBER.test(value.trim());

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
 * The number items of a multiple-text question are text questions of their own (their
 * editors), edited the same way; a refused item makes the question's error.
 */
export function keepTypedNumbers(survey: Model, notANumber: () => string): void {
  const adapt = (question: Question) => {
    if (!isNumberBox(question)) return;
    const editing = question as unknown as TextEditing;
    editing.shouldPreventNumberInput = () => false;
    editing.updateNumericValue = () => {};
    editing.correctValueType = (value) => (typeof value === "string" && PLAIN_NUMBER.test(value.trim()) ? Number(value.trim()) : value);
  };
  const plain = (input: HTMLInputElement | null) => {
    if (!input) return;
    input.type = "text";
    input.inputMode = "decimal";
  };
  const asTextBox = (question: Question, element: HTMLElement) => {
    adapt(question);
    if (isNumberBox(question)) plain(element.querySelector<HTMLInputElement>("input"));
    for (const item of numberItems(question)) {
      adapt(item.editor);
      plain(element.querySelector<HTMLInputElement>(`[id="${CSS.escape(item.editor.inputId)}"]`));
    }
  };
  for (const question of survey.getAllQuestions()) {
    adapt(question);
    for (const item of numberItems(question)) adapt(item.editor);
  }
  survey.onAfterRenderQuestion.add((_, { question, htmlElement }) => asTextBox(question, htmlElement));
  // Matrix cells are questions of their own, made and rendered apart from the others.
  survey.onMatrixCellCreated.add((_, { cellQuestion }) => adapt(cellQuestion));
  survey.onAfterRenderMatrixCell.add((_, { cellQuestion, htmlElement }) => asTextBox(cellQuestion, htmlElement));
  // Item editors of a multiple-text question come through here too, each as a question of its own.
  survey.onValidateQuestion.add((_, options) => {
    // Where the question's own validators refused it already (in the page's language), they said why.
    if (isNumberBox(options.question) && isNotANumber(options.value) && options.errors.length === 0) options.error = notANumber();
  });
}
