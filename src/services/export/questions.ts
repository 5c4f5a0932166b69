/**
 * What each question of a questionnaire version stores, read once from its survey-core model in
 * all three label languages: the common ground of the exports (variables, codebook) and imports
 * (matching columns and cell texts).
 */
import type {
  ItemValue, MatrixDropdownColumn, PanelModelBase, Question, QuestionBooleanModel, QuestionMatrixDropdownModelBase,
  QuestionMatrixModel, QuestionMultipleTextModel, QuestionRatingModel, QuestionSelectBase, QuestionTextModel, SurveyModel,
} from "survey-core";
import { createSurveyModel } from "../../validation/survey-model.js";
import { LABEL_LANGUAGES, SURVEY_LOCALE, type Texts } from "./labels.js";

export type Scalar = string | number | boolean;
export type SpecialItem = "other" | "none" | "refused" | "dontknow";

/** A choice, row or column: its stored value and its text in every language. */
export interface Item {
  value: Scalar;
  texts: Texts;
  special?: SpecialItem;
}

/** Where the "other, please specify" text is stored: `<key>-Comment`, or in place of the value. */
export type OtherText = "comment" | "value" | null;

/** How one cell of a matrixdropdown row is stored. */
export type CellSpec =
  | { kind: "single"; items: Item[]; otherText: OtherText }
  | { kind: "multi"; items: Item[] }
  | { kind: "boolean"; valueTrue: Scalar; valueFalse: Scalar; labelTrue: Texts; labelFalse: Texts }
  | { kind: "number" }
  | { kind: "text" };

export interface MatrixColumn {
  name: string;
  texts: Texts;
  cell: CellSpec;
}

interface Common {
  /** The data key (`valueName || name`). */
  key: string;
  name: string;
  /** survey-core type. */
  type: string;
  title: Texts;
  /** Title of the panel the question sits in, if it has one. */
  group?: Texts;
  /** visibleIf of the question, its panels and page: all must hold for it to be asked. */
  conditions: string[];
  /** The question or a container is `visible: false`: never asked. */
  hidden: boolean;
  /** `<key>-Comment` holds a free comment (the comment area, not "other"). */
  commentKey?: string;
}

/** What a question stores, by kind. */
export type QuestionSpec = Common &
  (
    | { kind: "single"; items: Item[]; measure: "nominal" | "ordinal"; otherText: OtherText }
    | { kind: "multi"; items: Item[]; otherText: OtherText; valuePropertyName?: string }
    | { kind: "ranking"; items: Item[] }
    /** Choices known only at run time (from a URL, another question's rows): values kept as text. */
    | { kind: "list"; multiple: boolean }
    | { kind: "boolean"; valueTrue: Scalar; valueFalse: Scalar; labelTrue: Texts; labelFalse: Texts }
    | { kind: "number" }
    | { kind: "date" }
    | { kind: "text" }
    | { kind: "matrix"; rows: Item[]; columns: Item[]; multiple: boolean }
    | { kind: "matrixdropdown"; rows: Item[]; columns: MatrixColumn[] }
    | { kind: "multipletext"; items: { name: string; texts: Texts; numeric: boolean }[] }
    /** Repeating structures (dynamic panels, dynamic matrices): kept whole, as JSON text. */
    | { kind: "json" }
    /** Expression results: numbers or text, whatever the formula gives. */
    | { kind: "computed" }
  );

const SELECT_TYPES = new Set(["radiogroup", "dropdown", "checkbox", "tagbox", "imagepicker", "ranking"]);

/**
 * Every answerable question of one questionnaire version, in questionnaire order, one entry per
 * data key (the first question wins when several share a `valueName`, as in the answer checks).
 */
export function readQuestions(json: object): QuestionSpec[] {
  const model = createSurveyModel(json);
  const hiddenNames = declaredHidden(json);
  const questions = model.getAllQuestions(false, false, false) as Question[];
  const specs: QuestionSpec[] = [];
  const seen = new Set<string>();
  for (const question of questions) {
    const type = question.getType();
    if (type === "html" || type === "image") continue;
    const key = question.getValueName();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    specs.push(specOf(question, model, hiddenNames));
  }
  return specs;
}

/** The same localisable thing read under each label language's locale. */
function texts(model: SurveyModel, read: () => string): Texts {
  const out = {} as Texts;
  const before = model.locale;
  for (const language of LABEL_LANGUAGES) {
    model.locale = SURVEY_LOCALE[language];
    out[language] = read();
  }
  model.locale = before;
  return out;
}

function itemsOf(model: SurveyModel, items: readonly ItemValue[]): Item[] {
  return items.map((item) => ({ value: item.value as Scalar, texts: texts(model, () => item.text) }));
}

/**
 * Names of elements the JSON declares `visible: false`. The model cannot tell: it sets `visible`
 * from `visibleIf` too, and with no answers most conditions are false.
 */
function declaredHidden(json: object): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    const element = value as Record<string, unknown>;
    if (element.visible === false && typeof element.name === "string") names.add(element.name);
    for (const key of ["pages", "elements", "questions"]) walk(element[key]);
  };
  walk(json);
  return names;
}

function common(question: Question, model: SurveyModel, hiddenNames: Set<string>): Common {
  const conditions: string[] = [];
  let hidden = hiddenNames.has(question.name);
  if (question.visibleIf) conditions.push(question.visibleIf);
  let group: Texts | undefined;
  // The parent chain ends with the page.
  for (let parent = question.parent as PanelModelBase | null; parent; parent = parent.parent as PanelModelBase | null) {
    if (parent.visibleIf) conditions.push(parent.visibleIf);
    if (hiddenNames.has(parent.name)) hidden = true;
    if (!group && !parent.isPage && parent.title) group = texts(model, () => parent.title);
  }
  const spec: Common = {
    key: question.getValueName(),
    name: question.name,
    type: question.getType(),
    title: texts(model, () => question.title),
    conditions,
    hidden,
  };
  if (group) spec.group = group;
  if (question.supportComment() && question.showCommentArea) spec.commentKey = spec.key + model.commentSuffix;
  return spec;
}

function specOf(question: Question, model: SurveyModel, hiddenNames: Set<string>): QuestionSpec {
  const base = common(question, model, hiddenNames);
  const type = base.type;
  if (SELECT_TYPES.has(type)) return selectSpec(base, question as QuestionSelectBase, model);
  switch (type) {
    case "text":
      return { ...base, kind: textKind(question as QuestionTextModel) };
    case "comment":
      return { ...base, kind: "text" };
    case "boolean":
      return { ...base, ...booleanOf(question as QuestionBooleanModel, model) };
    case "rating": {
      const items = itemsOf(model, (question as QuestionRatingModel).visibleRateValues);
      return { ...base, kind: "single", items, measure: "ordinal", otherText: null };
    }
    case "matrix": {
      const matrix = question as QuestionMatrixModel;
      return { ...base, kind: "matrix", rows: itemsOf(model, matrix.rows), columns: itemsOf(model, matrix.columns), multiple: matrix.cellType === "checkbox" };
    }
    case "matrixdropdown":
      return { ...base, kind: "matrixdropdown", ...matrixDropdownOf(question as QuestionMatrixDropdownModelBase, model) };
    case "multipletext": {
      const items = (question as QuestionMultipleTextModel).items.map((item) => ({
        name: item.name,
        texts: texts(model, () => item.title),
        numeric: textKind(item.editor) === "number",
      }));
      return { ...base, kind: "multipletext", items };
    }
    case "expression":
      return { ...base, kind: "computed" };
    default:
      return { ...base, kind: "json" };
  }
}

/** Numbers for number/range inputs and numeric masks, dates for date inputs, text otherwise. */
function textKind(text: QuestionTextModel): "number" | "date" | "text" {
  const masked = (text.inputType === "text" || text.inputType === "tel") && !!text.maskType && text.maskType !== "none";
  if (masked) {
    const saveMasked = (text.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue === true;
    return (text.maskType === "numeric" || text.maskType === "currency") && !saveMasked ? "number" : "text";
  }
  if (text.inputType === "number" || text.inputType === "range") return "number";
  return text.inputType === "date" ? "date" : "text";
}

function booleanOf(question: QuestionBooleanModel, model: SurveyModel) {
  return {
    kind: "boolean" as const,
    valueTrue: question.getValueTrue() as Scalar,
    valueFalse: question.getValueFalse() as Scalar,
    labelTrue: texts(model, () => question.labelTrue),
    labelFalse: texts(model, () => question.labelFalse),
  };
}

/** Choices as survey-core lists them, then the special items that are switched on. */
function choiceItems(question: QuestionSelectBase, model: SurveyModel, fallback?: readonly ItemValue[]): Item[] | null {
  let own: readonly ItemValue[] = question.choices;
  if (question.choicesFromQuestion) {
    const source = model.getQuestionByName(question.choicesFromQuestion) as QuestionSelectBase | null;
    if (!source || !SELECT_TYPES.has(source.getType())) return null;
    own = source.choices;
  } else if (question.choicesByUrl?.url) {
    return null;
  } else if (own.length === 0 && fallback) {
    own = fallback;
  } else if (own.length === 0) {
    // Generated choices (dropdown choicesMin..choicesMax).
    own = question.visibleChoices.filter((item) => !isSpecial(question, item));
  }
  const items = itemsOf(model, own);
  const specials: [boolean, ItemValue, SpecialItem][] = [
    [question.showOtherItem, question.otherItem, "other"],
    [question.showNoneItem, question.noneItem, "none"],
    [question.showRefuseItem, question.refuseItem, "refused"],
    [question.showDontKnowItem, question.dontKnowItem, "dontknow"],
  ];
  if (question.choicesFromQuestion) {
    const source = model.getQuestionByName(question.choicesFromQuestion) as QuestionSelectBase;
    if (question.choicesFromQuestionMode === "selected" && source.showOtherItem && !question.showOtherItem) {
      specials.push([true, source.otherItem, "other"]);
    }
  }
  for (const [on, item, special] of specials) {
    if (on && !items.some((i) => i.value === item.value)) items.push({ value: item.value as Scalar, texts: texts(model, () => item.text), special });
  }
  return items;
}

function isSpecial(question: QuestionSelectBase, item: ItemValue): boolean {
  return [question.otherItem, question.noneItem, question.refuseItem, question.dontKnowItem].some((s) => s.value === item.value);
}

function otherTextOf(question: QuestionSelectBase, storeAsComment: boolean): OtherText {
  if (!question.showOtherItem) return null;
  return storeAsComment ? "comment" : "value";
}

function selectSpec(base: Common, question: QuestionSelectBase, model: SurveyModel): QuestionSpec {
  const type = base.type;
  const multiple = type === "checkbox" || type === "tagbox" || (type === "imagepicker" && (question as { multiSelect?: boolean }).multiSelect === true);
  const items = choiceItems(question, model);
  const custom = (question as { allowCustomChoices?: boolean }).allowCustomChoices === true;
  if (!items || custom) return { ...base, kind: "list", multiple: multiple || type === "ranking" };
  // The "other" text of a select question is its comment, not a comment area.
  const otherText = otherTextOf(question, question.getStoreOthersAsComment());
  const commentKey = otherText === "comment" ? undefined : base.commentKey;
  const rest = { ...base, commentKey };
  if (type === "ranking") return { ...rest, kind: "ranking", items };
  if (multiple) {
    const valuePropertyName = (question as { valuePropertyName?: string }).valuePropertyName || undefined;
    return { ...rest, kind: "multi", items, otherText, valuePropertyName };
  }
  return { ...rest, kind: "single", items, measure: "nominal", otherText };
}

function matrixDropdownOf(matrix: QuestionMatrixDropdownModelBase, model: SurveyModel): { rows: Item[]; columns: MatrixColumn[] } {
  const columns: MatrixColumn[] = [];
  for (const column of matrix.columns as MatrixDropdownColumn[]) {
    const template = column.templateQuestion as Question;
    const cellType = template.getType();
    let cell: CellSpec;
    if (cellType === "dropdown" || cellType === "radiogroup" || cellType === "rating") {
      const select = template as QuestionSelectBase;
      const items = cellType === "rating"
        ? itemsOf(model, (template as QuestionRatingModel).visibleRateValues)
        : choiceItems(select, model, matrix.choices);
      const storeAsComment = !select.showCommentArea && matrix.storeOthersAsComment === true;
      cell = items ? { kind: "single", items, otherText: cellType === "rating" ? null : otherTextOf(select, storeAsComment) } : { kind: "text" };
    } else if (cellType === "checkbox" || cellType === "tagbox") {
      const items = choiceItems(template as QuestionSelectBase, model, matrix.choices);
      cell = items ? { kind: "multi", items } : { kind: "text" };
    } else if (cellType === "boolean") {
      cell = booleanOf(template as QuestionBooleanModel, model);
    } else if (cellType === "text") {
      cell = { kind: textKind(template as QuestionTextModel) === "number" ? "number" : "text" };
    } else {
      cell = { kind: "text" };
    }
    columns.push({ name: column.name, texts: texts(model, () => column.title), cell });
  }
  return { rows: itemsOf(model, matrix.rows), columns };
}
