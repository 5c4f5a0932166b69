/** Resolving what a choice question accepts from its survey-core model, once per questionnaire version. */
import type { ItemValue, Question, QuestionSelectBase, SurveyModel } from "survey-core";
import { isScalar, type Scalar } from "./shape.js";
import type { ChoiceSpec } from "./shape-choice.js";

/** Overrides for matrix cells, whose template question does not carry the matrix's settings. */
export interface CellContext {
  /** The matrix's `choices`, used by cells whose column has none. */
  fallbackChoices: ItemValue[];
  /** The matrix passes its `storeOthersAsComment` to its cells. */
  storeOthersAsComment: boolean;
}

function valuesOf(items: readonly ItemValue[], into: Set<Scalar>): void {
  for (const item of items) if (isScalar(item.value)) into.add(item.value);
}

function isSelectBase(question: Question | null | undefined): question is QuestionSelectBase {
  return !!question && "choices" in question && "visibleChoices" in question;
}

/**
 * Every value the respondent's form could put into this question. It is a superset on purpose:
 * choices hidden by `choicesVisibleIf` are still accepted, because an answer given while a choice
 * was visible stays in the data when the choice is later hidden.
 * @param seen - questions already being resolved, to stop `choicesFromQuestion` cycles.
 */
export function choiceSpecOf(question: QuestionSelectBase, survey: SurveyModel, cell?: CellContext, seen = new Set<string>()): ChoiceSpec {
  const values = new Set<Scalar>();
  const exclusive = new Set<Scalar>();
  let anyScalar = !!question.choicesByUrl?.url;
  const own = question.choices.length === 0 && cell && !anyScalar ? cell.fallbackChoices : question.choices;
  valuesOf(own, values);
  // visibleChoices adds what survey-core generates (dropdown choicesMin..choicesMax).
  valuesOf(question.visibleChoices, values);
  for (const item of own) if (item.isExclusive && isScalar(item.value)) exclusive.add(item.value);

  if (question.choicesFromQuestion) {
    const source = survey.getQuestionByName(question.choicesFromQuestion);
    if (isSelectBase(source) && !seen.has(source.name)) {
      seen.add(question.name);
      const from = choiceSpecOf(source, survey, undefined, seen);
      anyScalar ||= from.anyScalar || from.freeText > 0;
      for (const value of from.values) if (!isSpecialValue(source, value)) values.add(value);
      // In "selected" mode an "other" answer in the source becomes an item valued like the source's other item.
      if (question.choicesFromQuestionMode === "selected" && !question.showOtherItem && source.showOtherItem) values.add(source.otherItem.value);
    } else {
      // Choices copied from a dynamic matrix or panel's rows, or from a sibling in a panel: data-dependent.
      anyScalar = true;
    }
  }

  const special: [boolean, ItemValue, boolean][] = [
    [question.showOtherItem, question.otherItem, false],
    [question.showNoneItem, question.noneItem, true],
    [question.showRefuseItem, question.refuseItem, true],
    [question.showDontKnowItem, question.dontKnowItem, true],
  ];
  for (const [on, item, isExclusive] of special) {
    if (!on || !isScalar(item.value)) continue;
    values.add(item.value);
    if (isExclusive) exclusive.add(item.value);
  }

  const storesOtherInValue = question.showOtherItem && !storesOthersAsComment(question, cell);
  const allowsCustom = (question as { allowCustomChoices?: boolean }).allowCustomChoices === true;
  const freeText = allowsCustom ? Number.POSITIVE_INFINITY : storesOtherInValue ? 1 : 0;
  return { values, exclusive, anyScalar, freeText };
}

/** Whether the "other" text goes to `<key>-Comment` (true) or replaces "other" in the value. */
export function storesOthersAsComment(question: QuestionSelectBase, cell?: CellContext): boolean {
  if (!cell) return question.getStoreOthersAsComment();
  return !question.showCommentArea && cell.storeOthersAsComment;
}

function isSpecialValue(question: QuestionSelectBase, value: Scalar): boolean {
  const items = [question.otherItem, question.noneItem, question.refuseItem, question.dontKnowItem];
  return items.some((item) => item.value === value) && !question.choices.some((c) => c.value === value);
}
