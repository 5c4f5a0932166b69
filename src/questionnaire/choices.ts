/**
 * The one reading of what a choice question offers, from its survey-core model: its choices with
 * their texts, the generated ones, those copied from another question, and the special items.
 * Answer validation, exports, imports and analysis all take their choices from here.
 */
import type { ItemValue, Question, QuestionSelectBase, SurveyModel } from "survey-core";
import { words } from "../../i18n/words.js";
import type { Item, Scalar, SpecialItem } from "./question.js";
import { textsIn, textsOf } from "./texts.js";

/** Overrides for matrix cells, whose template question does not carry the matrix's settings. */
export interface CellContext {
  /** The matrix's `choices`, used by cells whose column has none. */
  fallbackChoices: readonly ItemValue[];
  /** The matrix passes its `storeOthersAsComment` to its cells. */
  storeOthersAsComment: boolean;
}

/** What a choice question offers. */
export interface Choices {
  /** Ordinary choices in the questionnaire's order, then the special items in the page's order. */
  items: Item[];
  /** False when the list comes from a URL or from answers (a dynamic matrix's rows): only known at run time. */
  known: boolean;
  /** The question may hold values outside `items` (unknown lists, or choices copied from a question with free text). */
  anyValue: boolean;
  /** How many values outside `items` a respondent can type: 0, 1 (other text stored as the value), or any (custom choices). */
  freeText: number;
}

/** True for a survey-core question that has choices (radiogroup, checkbox, dropdown, tagbox, imagepicker, ranking). */
export function isSelectBase(question: Question | null | undefined): question is QuestionSelectBase {
  return !!question && "choices" in question && "visibleChoices" in question;
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Choices and rating values as items, with their texts in every language. */
export function itemsOf(model: SurveyModel, items: readonly ItemValue[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    if (!isScalar(item.value)) continue;
    const entry: Item = { value: item.value, texts: textsIn(model, () => item.text) };
    if (item.isExclusive) entry.exclusive = true;
    out.push(entry);
  }
  return out;
}

function specialItems(question: QuestionSelectBase): [boolean, ItemValue, SpecialItem][] {
  // The order the page lists them in, after the ordinary choices.
  return [
    [question.showNoneItem, question.noneItem, "none"],
    [question.showRefuseItem, question.refuseItem, "refused"],
    [question.showDontKnowItem, question.dontKnowItem, "dontknow"],
    [question.showOtherItem, question.otherItem, "other"],
  ];
}

function specialItem(model: SurveyModel, item: ItemValue, special: SpecialItem): Item {
  // A special item's own default text is a button label ("填写其他答案"); tables want the short word.
  const worded = !!item.locText.getJson();
  const texts = worded ? textsIn(model, () => item.text) : textsOf((language) => words(language).choices[special]);
  const entry: Item = { value: item.value as Scalar, texts, special };
  if (special !== "other") entry.exclusive = true;
  return entry;
}

function isSpecialValue(question: QuestionSelectBase, value: Scalar): boolean {
  const items = [question.otherItem, question.noneItem, question.refuseItem, question.dontKnowItem];
  return items.some((item) => item.value === value) && !question.choices.some((c) => c.value === value);
}

/**
 * What a choice question offers. Choices hidden by `choicesVisibleIf` are included on purpose: an
 * answer given while a choice was visible stays in the data when the choice is later hidden.
 * @param cell - for a matrix cell, the matrix's settings the cell inherits.
 * @param seen - questions already being resolved, to stop `choicesFromQuestion` cycles.
 */
export function choicesOf(question: QuestionSelectBase, model: SurveyModel, cell?: CellContext, seen = new Set<string>()): Choices {
  const byUrl = !!question.choicesByUrl?.url;
  let known = !byUrl;
  let anyValue = byUrl;
  const own = question.choices.length === 0 && cell && !byUrl ? cell.fallbackChoices : question.choices;
  const items = itemsOf(model, own);
  const has = (value: unknown) => items.some((i) => i.value === value);
  const specials = specialItems(question);
  // Generated choices (dropdown choicesMin..choicesMax) appear only among the visible ones.
  const selectAll = (question as { selectAllItem?: ItemValue }).selectAllItem;
  const generated = question.visibleChoices.filter((v) => isScalar(v.value) && !has(v.value) && v !== selectAll && !specials.some(([, s]) => s.value === v.value));
  items.push(...itemsOf(model, generated));

  if (question.choicesFromQuestion) {
    const source = model.getQuestionByName(question.choicesFromQuestion);
    if (isSelectBase(source) && !seen.has(source.name)) {
      seen.add(question.name);
      const from = choicesOf(source, model, undefined, seen);
      known &&= from.known;
      anyValue ||= from.anyValue || from.freeText > 0;
      for (const item of from.items) {
        if (item.special && isSpecialValue(source, item.value)) continue;
        // A copied choice is an ordinary one here: exclusivity belongs to the source's own list.
        if (!has(item.value)) items.push({ value: item.value, texts: item.texts });
      }
      // In "selected" mode an "other" answer in the source becomes an item valued like the source's other item.
      if (question.choicesFromQuestionMode === "selected" && !question.showOtherItem && source.showOtherItem) {
        specials.push([true, source.otherItem, "other"]);
      }
    } else {
      // Choices copied from a dynamic matrix or panel's rows, or from a sibling in a panel: data-dependent.
      known = false;
      anyValue = true;
    }
  }
  for (const [on, item, special] of specials) {
    if (!on || !isScalar(item.value)) continue;
    const listed = items.find((i) => i.value === item.value);
    if (!listed) items.push(specialItem(model, item, special));
    else if (special !== "other") listed.exclusive = true;
  }
  const allowsCustom = (question as { allowCustomChoices?: boolean }).allowCustomChoices === true;
  const storesOtherInValue = question.showOtherItem && !storesOthersAsComment(question, cell);
  const freeText = allowsCustom ? Number.POSITIVE_INFINITY : storesOtherInValue ? 1 : 0;
  return { items, known: known && !allowsCustom, anyValue, freeText };
}

/** Whether the "other" text goes to `<key>-Comment` (true) or replaces "other" in the value. */
export function storesOthersAsComment(question: QuestionSelectBase, cell?: CellContext): boolean {
  if (!cell) return question.getStoreOthersAsComment();
  return !question.showCommentArea && cell.storeOthersAsComment;
}
