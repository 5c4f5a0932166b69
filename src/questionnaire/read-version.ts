/**
 * The model of one questionnaire version, read once from its survey-core model in every
 * language: what each question stores, its texts, choices, rows, columns and visibility.
 */
import type {
  MatrixDropdownColumn,
  PanelModelBase,
  Question,
  QuestionBooleanModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  SurveyModel,
} from "survey-core";
import { choicesOf, itemsOf, storesOthersAsComment, type CellContext } from "./choices.js";
import { NO_ANSWER_TYPES } from "./element-types.js";
import type { CellSpec, Item, MatrixColumn, OtherText, QuestionCommon, QuestionSpec, QuestionnaireVersion, Scalar } from "./question.js";
import { createSurveyModel, UnreadableQuestionnaire } from "./survey-model.js";
import { textsIn, type Texts } from "./texts.js";

/**
 * One questionnaire version: its title and every answerable question in questionnaire order,
 * one entry per data key (the first question wins when several share a `valueName`, as in the
 * answer checks). Questions inside dynamic panels and matrices are part of their container's answer.
 * @example readVersion({ title: "调查", elements: [{ type: "text", name: "age", inputType: "number" }] }).questions[0].kind // "number"
 */
export function readVersion(json: object): QuestionnaireVersion {
  let model: SurveyModel;
  try {
    model = createSurveyModel(json);
  } catch (err) {
    // A version survey-core cannot read took no answers (none could be checked): it adds no
    // questions to the merge, so the survey's other versions stay usable.
    if (err instanceof UnreadableQuestionnaire) return { title: { "zh-Hans": "", "zh-Hant": "", en: "" }, questions: [], unreadable: true };
    throw err;
  }
  const hiddenNames = declaredHidden(json);
  const questions: QuestionSpec[] = [];
  const seen = new Set<string>();
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    if (NO_ANSWER_TYPES.has(question.getType())) continue;
    const key = question.getValueName();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    questions.push(specOf(question, model, hiddenNames));
  }
  return { title: textsIn(model, () => model.title), questions };
}

/** The questions of one version (see {@link readVersion}). */
export function readQuestions(json: object): QuestionSpec[] {
  return readVersion(json).questions;
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

function common(question: Question, model: SurveyModel, hiddenNames: Set<string>): QuestionCommon {
  const conditions: string[] = [];
  let hidden = hiddenNames.has(question.name);
  if (question.visibleIf) conditions.push(question.visibleIf);
  let group: Texts | undefined;
  // The parent chain ends with the page.
  for (let parent = question.parent as PanelModelBase | null; parent; parent = parent.parent as PanelModelBase | null) {
    if (parent.visibleIf) conditions.push(parent.visibleIf);
    if (hiddenNames.has(parent.name)) hidden = true;
    if (!group && !parent.isPage && parent.title) group = textsIn(model, () => parent.title);
  }
  const spec: QuestionCommon = {
    key: question.getValueName(),
    name: question.name,
    type: question.getType(),
    title: textsIn(model, () => question.title),
    conditions,
    hidden,
    references: referencedNames(question.toJSON()),
  };
  if (group) spec.group = group;
  if (question.supportComment() && question.showCommentArea) spec.commentKey = spec.key + model.commentSuffix;
  return spec;
}

/** Question types whose answers are picked from choices (rating has rate values instead). */
const SELECT_TYPES: ReadonlySet<string> = new Set(["radiogroup", "dropdown", "checkbox", "tagbox", "imagepicker", "ranking"]);

/** The answer names a question's JSON refers to in braces, lower-cased (SurveyJS names compare without case). */
function referencedNames(json: unknown): string[] {
  const names = new Set<string>();
  for (const match of JSON.stringify(json).matchAll(/\{([^{}.[\]]+)/g)) names.add(match[1].trim().toLowerCase());
  return [...names];
}

function specOf(question: Question, model: SurveyModel, hiddenNames: Set<string>): QuestionSpec {
  const base = common(question, model, hiddenNames);
  if (SELECT_TYPES.has(base.type)) return selectSpec(base, question as QuestionSelectBase, model);
  switch (base.type) {
    case "text":
      return { ...base, kind: textKind(question as QuestionTextModel) };
    case "comment":
      return { ...base, kind: "text" };
    case "boolean":
      return { ...base, ...booleanOf(question as QuestionBooleanModel, model) };
    case "rating":
      return { ...base, kind: "single", items: ratingItems(question as QuestionRatingModel, model), measure: "ordinal", otherText: null };
    case "matrix": {
      const matrix = question as QuestionMatrixModel;
      return { ...base, kind: "matrix", rows: itemsOf(model, matrix.rows), columns: itemsOf(model, matrix.columns), multiple: matrix.cellType === "checkbox" };
    }
    case "matrixdropdown":
      return { ...base, kind: "matrixdropdown", ...matrixDropdownOf(question as QuestionMatrixDropdownModelBase, model) };
    case "multipletext": {
      const items = (question as QuestionMultipleTextModel).items.map((item) => ({
        name: item.name,
        texts: textsIn(model, () => item.title),
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

function ratingItems(rating: QuestionRatingModel, model: SurveyModel): Item[] {
  return itemsOf(model, rating.visibleRateValues).map(({ value, texts }) => ({ value, texts }));
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
    labelTrue: textsIn(model, () => question.labelTrue),
    labelFalse: textsIn(model, () => question.labelFalse),
  };
}

function otherTextOf(question: QuestionSelectBase, storeAsComment: boolean): OtherText {
  if (!question.showOtherItem) return null;
  return storeAsComment ? "comment" : "value";
}

function selectSpec(base: QuestionCommon, question: QuestionSelectBase, model: SurveyModel): QuestionSpec {
  const type = base.type;
  const multiple = type === "checkbox" || type === "tagbox" || (type === "imagepicker" && (question as { multiSelect?: boolean }).multiSelect === true);
  const { items, known } = choicesOf(question, model);
  if (!known) return { ...base, kind: "list", multiple: multiple || type === "ranking" };
  // The "other" text of a select question is its comment, not a comment area.
  const otherText = otherTextOf(question, storesOthersAsComment(question));
  const commentKey = otherText === "comment" ? undefined : base.commentKey;
  const rest = { ...base, commentKey };
  if (type === "ranking") return { ...rest, kind: "ranking", items };
  if (multiple) {
    const valuePropertyName = (question as { valuePropertyName?: string }).valuePropertyName || undefined;
    const cap = (question as { maxSelectedChoices?: number }).maxSelectedChoices ?? 0;
    return { ...rest, kind: "multi", items, otherText, valuePropertyName, maxSelected: cap > 0 ? cap : null };
  }
  return { ...rest, kind: "single", items, measure: "nominal", otherText };
}

function matrixDropdownOf(matrix: QuestionMatrixDropdownModelBase, model: SurveyModel): { rows: Item[]; columns: MatrixColumn[] } {
  const columns: MatrixColumn[] = [];
  const context: CellContext = { fallbackChoices: matrix.choices, storeOthersAsComment: matrix.storeOthersAsComment === true };
  for (const column of matrix.columns as MatrixDropdownColumn[]) {
    const template = column.templateQuestion as Question;
    const cellType = template.getType();
    let cell: CellSpec;
    if (cellType === "rating") {
      cell = { kind: "single", items: ratingItems(template as QuestionRatingModel, model), otherText: null };
    } else if (cellType === "dropdown" || cellType === "radiogroup") {
      const select = template as QuestionSelectBase;
      const { items, known } = choicesOf(select, model, context);
      cell = known ? { kind: "single", items, otherText: otherTextOf(select, storesOthersAsComment(select, context)) } : { kind: "text" };
    } else if (cellType === "checkbox" || cellType === "tagbox") {
      const { items, known } = choicesOf(template as QuestionSelectBase, model, context);
      cell = known ? { kind: "multi", items } : { kind: "text" };
    } else if (cellType === "boolean") {
      cell = booleanOf(template as QuestionBooleanModel, model);
    } else if (cellType === "text") {
      cell = { kind: textKind(template as QuestionTextModel) === "number" ? "number" : "text" };
    } else {
      cell = { kind: "text" };
    }
    columns.push({ name: column.name, texts: textsIn(model, () => column.title), cell });
  }
  return { rows: itemsOf(model, matrix.rows), columns };
}
