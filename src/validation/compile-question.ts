/**
 * Turns a survey-core question into the shape its answer must have. Compiled once per
 * questionnaire version from the model, so choices, rating scales, matrix columns and templates
 * are read the way survey-core resolves them (defaults, inherited settings, generated items).
 */
import { phrase } from "../../i18n/phrase.js";
import type {
  MatrixDropdownColumn,
  Question,
  QuestionBooleanModel,
  QuestionCheckboxModel,
  QuestionCommentModel,
  QuestionImagePickerModel,
  QuestionMatrixDropdownModelBase,
  QuestionMatrixDynamicModel,
  QuestionMatrixModel,
  QuestionMultipleTextModel,
  QuestionPanelDynamicModel,
  QuestionRankingModel,
  QuestionRatingModel,
  QuestionSelectBase,
  QuestionTextModel,
  SurveyModel,
} from "survey-core";
import { choiceSpecOf, storesOthersAsComment, type CellContext } from "./choice-spec.js";
import { issue, isScalar, type Scalar, type Shape } from "./shape.js";
import { booleanShape, boundedStringShape, ratingShape, stringShape, textShape } from "./shape-scalar.js";
import { multiChoiceShape, rankingShape, singleChoiceShape } from "./shape-choice.js";
import { arrayShape, matrixShape, objectShape } from "./shape-object.js";
import { computedShape } from "./shape-computed.js";
import { NO_ANSWER_TYPES } from "../questionnaire/element-types.js";

/** How one question appears in the data. */
export type Compiled =
  /** An answer of this shape; `hasComment`: `<key>-Comment` may hold a string next to it. */
  | { kind: "answer"; shape: Shape; hasComment: boolean }
  /** Computed by the form (expression): whatever arrives is replaced by the model's value. */
  | { kind: "computed" }
  /** Holds no answer (html, image). */
  | { kind: "none" };

export interface CompileEnv {
  survey: SurveyModel;
  commentSuffix: string;
}

const SELECT_TYPES = new Set(["radiogroup", "dropdown", "checkbox", "tagbox", "ranking", "imagepicker"]);

/** Compiles one question (a page/panel question, a dynamic panel's template question, or a matrix cell's template). */
export function compileQuestion(question: Question, env: CompileEnv, cell?: CellContext): Compiled {
  const type = question.getType();
  if (NO_ANSWER_TYPES.has(type)) return { kind: "none" };
  if (type === "expression") return { kind: "computed" };
  const shape = shapeOf(type, question, env, cell);
  return { kind: "answer", shape, hasComment: hasCommentKey(question, cell) };
}

/** `<key>-Comment` is written by a comment area, or by "other" when its text is stored apart. */
function hasCommentKey(question: Question, cell?: CellContext): boolean {
  if (question.supportComment() && question.showCommentArea) return true;
  const select = question as QuestionSelectBase;
  return SELECT_TYPES.has(question.getType()) && select.showOtherItem && storesOthersAsComment(select, cell);
}

function shapeOf(type: string, question: Question, env: CompileEnv, cell?: CellContext): Shape {
  switch (type) {
    case "text": {
      const text = question as QuestionTextModel;
      const saveMaskedValue = (text.maskSettings as { saveMaskedValue?: boolean } | undefined)?.saveMaskedValue === true;
      return textShape({ inputType: text.inputType, maskType: text.maskType ?? "none", saveMaskedValue, maxLength: Number(text.getMaxLength()) });
    }
    case "comment":
      return boundedStringShape(Number((question as QuestionCommentModel).getMaxLength()));
    case "boolean": {
      const bool = question as QuestionBooleanModel;
      return booleanShape(bool.getValueTrue(), bool.getValueFalse());
    }
    case "rating": {
      const values = new Set<Scalar>();
      for (const item of (question as QuestionRatingModel).visibleRateValues) if (isScalar(item.value)) values.add(item.value);
      return ratingShape(values);
    }
    case "radiogroup":
    case "dropdown":
      return singleChoiceShape(choiceSpecOf(question as QuestionSelectBase, env.survey, cell));
    case "imagepicker": {
      const picker = question as QuestionImagePickerModel;
      const spec = choiceSpecOf(picker, env.survey, cell);
      return picker.multiSelect ? multiChoiceShape(spec, { max: 0 }) : singleChoiceShape(spec);
    }
    case "checkbox":
    case "tagbox": {
      const box = question as QuestionCheckboxModel;
      const valuePropertyName = box.valuePropertyName || undefined;
      return multiChoiceShape(choiceSpecOf(box, env.survey, cell), { max: box.maxSelectedChoices, valuePropertyName });
    }
    case "ranking":
      return rankingOf(question as QuestionRankingModel, env, cell);
    case "matrix":
      return singleMatrixOf(question as QuestionMatrixModel);
    case "matrixdropdown": {
      const matrix = question as QuestionMatrixDropdownModelBase;
      const row = rowShapeOf(matrix, env);
      const rows = new Map<string, Shape>(matrix.rows.map((r) => [String(r.value), row]));
      return objectShape(rows, "row", phrase("types.rowsObject"));
    }
    case "matrixdynamic": {
      const matrix = question as QuestionMatrixDynamicModel;
      return arrayShape(rowShapeOf(matrix, env), matrix.maxRowCount, "row");
    }
    case "multipletext": {
      const items = new Map<string, Shape>();
      for (const item of (question as QuestionMultipleTextModel).items) {
        const compiled = compileQuestion(item.editor, env);
        if (compiled.kind === "answer") items.set(item.name, compiled.shape);
      }
      return objectShape(items, "item");
    }
    case "paneldynamic": {
      const panels = question as QuestionPanelDynamicModel;
      const panel = objectShape(compileFields(panels.template.questions, env), "question", phrase("types.panelObject"));
      return arrayShape(panel, panels.maxPanelCount, "panel");
    }
    default:
      return () => issue("unsupported_type", phrase("answers.unsupportedType", { type }));
  }
}

function rankingOf(ranking: QuestionRankingModel, env: CompileEnv, cell?: CellContext): Shape {
  const spec = choiceSpecOf(ranking, env.survey, cell);
  // The form ranks every visible choice unless the respondent picks which ones to rank; only a
  // fixed list tells us what "every" is.
  const fixed =
    !ranking.selectToRankEnabled && !spec.anyScalar && !ranking.choicesFromQuestion && !ranking.choicesVisibleIf && ranking.choices.every((c) => !c.visibleIf && !c.enableIf);
  const all = fixed ? new Set<Scalar>(ranking.choices.map((c) => c.value).filter(isScalar)) : undefined;
  return rankingShape(spec, all);
}

function singleMatrixOf(matrix: QuestionMatrixModel): Shape {
  const rows = new Set(matrix.rows.map((r) => String(r.value)));
  const columns = new Set<Scalar>();
  const exclusive = new Set<Scalar>();
  for (const column of matrix.columns) {
    if (!isScalar(column.value)) continue;
    columns.add(column.value);
    if (column.isExclusive) exclusive.add(column.value);
  }
  return matrixShape(rows, columns, matrix.cellType === "checkbox", exclusive);
}

/** A matrix row object: one key per column (plus its comment), and the detail panel's questions. */
function rowShapeOf(matrix: QuestionMatrixDropdownModelBase, env: CompileEnv): Shape {
  const cell: CellContext = { fallbackChoices: matrix.choices, storeOthersAsComment: matrix.storeOthersAsComment === true };
  const fields = new Map<string, Shape>();
  for (const column of matrix.columns as MatrixDropdownColumn[]) {
    addField(fields, column.name, compileQuestion(column.templateQuestion, env, cell), env);
  }
  if (matrix.detailPanelMode !== "none") {
    for (const [key, shape] of compileFields(matrix.detailPanel.questions, env)) fields.set(key, shape);
  }
  return objectShape(fields, "column", phrase("types.rowObject"));
}

/** The keys a set of questions writes into one object (a dynamic panel entry, a matrix row). */
export function compileFields(questions: readonly Question[], env: CompileEnv): Map<string, Shape> {
  const fields = new Map<string, Shape>();
  for (const question of questions) addField(fields, question.getValueName(), compileQuestion(question, env), env);
  return fields;
}

function addField(fields: Map<string, Shape>, key: string, compiled: Compiled, env: CompileEnv): void {
  if (compiled.kind === "none") return;
  if (compiled.kind === "computed") {
    if (!fields.has(key)) fields.set(key, computedShape);
    return;
  }
  const earlier = fields.get(key);
  // Questions sharing a valueName share the value: it must fit all of them.
  fields.set(key, earlier && earlier !== computedShape ? (value) => earlier(value) ?? compiled.shape(value) : compiled.shape);
  if (compiled.hasComment) fields.set(key + env.commentSuffix, stringShape);
}
