/** What a choice question accepts, as the answer checks want it: sets of values, from the questionnaire model's choices. */
import type { QuestionSelectBase, SurveyModel } from "survey-core";
import { choicesOf, type CellContext } from "../questionnaire/choices.js";
import type { ChoiceSpec } from "./shape-choice.js";

export { storesOthersAsComment, type CellContext } from "../questionnaire/choices.js";

/**
 * Every value the respondent's form could put into this question, once per questionnaire
 * version. A superset on purpose: choices hidden by `choicesVisibleIf` are still accepted.
 */
export function choiceSpecOf(question: QuestionSelectBase, survey: SurveyModel, cell?: CellContext): ChoiceSpec {
  const { items, anyValue, freeText } = choicesOf(question, survey, cell);
  return {
    values: new Set(items.map((i) => i.value)),
    exclusive: new Set(items.filter((i) => i.exclusive).map((i) => i.value)),
    anyScalar: anyValue,
    freeText,
  };
}
