/**
 * Dynamic panels and dropdown matrices (dynamic or with fixed rows): the entries survey-core
 * validates for a value, and the questions it checks in each, as the model checker sees them
 * after settleDynamicContainers (dynamic-containers.ts).
 */
import type { MatrixDropdownColumn, Question, QuestionMatrixDropdownModelBase, QuestionMatrixDynamicModel, QuestionPanelDynamicModel, SurveyModel } from "survey-core";
import { indexSegment, isPlainObject, keySegment } from "../shape.js";
import { isEmptyValue, planQuestion, type QuestionPlan } from "./plan.js";

/** One panel or row: where it sits in the value, its answers, and what its conditions read. */
export interface Entry {
  path: string;
  values: Record<string, unknown>;
  /** `{panel.x}` or `{row.x}` as survey-core offers them to a condition inside the entry. */
  context: Record<string, unknown>;
}

export interface ContainerPlan {
  /** The entries survey-core holds for a value: the ones given, or the form's minimum of empty ones. */
  entries: (value: unknown) => Entry[];
  /** What survey-core stores when no entry was given: `minPanelCount` empty panels (a dynamic matrix stores nothing). */
  whenEmpty?: () => Record<string, unknown>[];
  /** The template's questions or the columns, in survey-core's order. */
  inner: QuestionPlan[];
  /** A matrix's value as survey-core stores it (undefined: nothing stored); a dynamic panel's is stored as given. */
  stored?: (value: unknown) => unknown;
}

/** The container plan of a dynamic panel or a dropdown matrix; undefined for every other question. */
export function planContainer(model: SurveyModel, question: Question): ContainerPlan | undefined {
  switch (question.getType()) {
    case "paneldynamic": {
      const panels = question as QuestionPanelDynamicModel;
      const minimum = Math.max(0, panels.minPanelCount);
      const empties = () => Array.from({ length: minimum }, () => ({}));
      return {
        entries: (value) => listed(hasEntries(value) ? (value as Record<string, unknown>[]) : empties(), "panel"),
        whenEmpty: minimum > 0 ? empties : undefined,
        inner: (panels.template.questions as Question[]).map((q) => planQuestion(model, q)),
      };
    }
    case "matrixdynamic": {
      const matrix = question as QuestionMatrixDynamicModel;
      // A minimum of rows is out of scope (scope-containers.ts): a value without rows has none.
      return {
        entries: (value) => listed(hasEntries(value) ? (value as Record<string, unknown>[]) : [], "row"),
        inner: planColumns(model, matrix),
        stored: storedRows,
      };
    }
    case "matrixdropdown": {
      const matrix = question as QuestionMatrixDropdownModelBase;
      const rows = matrix.rows.map((row) => String(row.value));
      return {
        entries: (value) => {
          const given = (isPlainObject(value) ? value : {}) as Record<string, unknown>;
          return rows.map((name, i) => {
            const row = (isPlainObject(given[name]) ? given[name] : {}) as Record<string, unknown>;
            return { path: keySegment(name), values: row, context: { row, rowIndex: i, rowName: name } };
          });
        },
        inner: planColumns(model, matrix),
        stored: storedRowObject,
      };
    }
    default:
      return undefined;
  }
}

/** A matrix cell is its column's template question, its value under the column's name in the row. */
function planColumns(model: SurveyModel, matrix: QuestionMatrixDropdownModelBase): QuestionPlan[] {
  return (matrix.columns as MatrixDropdownColumn[]).map((column) => ({
    ...planQuestion(model, column.templateQuestion),
    key: column.name,
    commentKey: column.name + model.commentSuffix,
  }));
}

/**
 * survey-core writes a matrix's rows back from its cells, which drop an empty answer (a blank
 * text, an empty list, null), once one of them does: the row without it, and nothing at all
 * when no row keeps an answer. A value without such cells is stored as given.
 */
function storedRows(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  let changed = false;
  const rows = (value as Record<string, unknown>[]).map((row) => {
    const kept = withoutEmptyCells(row);
    if (kept !== row) changed = true;
    return kept;
  });
  if (!changed) return value;
  return rows.some((row) => Object.keys(row).length > 0) ? rows : undefined;
}

/** The same for a matrix with fixed rows, where a row that loses its last answer goes too (a row given empty stays). */
function storedRowObject(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  let changed = false;
  const rows: Record<string, unknown> = {};
  for (const [name, row] of Object.entries(value)) {
    const kept = withoutEmptyCells(row as Record<string, unknown>);
    if (kept !== row) changed = true;
    if (kept === row || Object.keys(kept).length > 0) rows[name] = kept;
  }
  if (!changed) return value;
  return Object.values(rows).some((row) => Object.keys(row as object).length > 0) ? rows : undefined;
}

/** The row itself when no cell is empty, else a copy without the empty ones. */
function withoutEmptyCells(row: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(row);
  if (!keys.some((key) => isEmptyValue(row[key]))) return row;
  return Object.fromEntries(keys.filter((key) => !isEmptyValue(row[key])).map((key) => [key, row[key]]));
}

function listed(entries: Record<string, unknown>[], kind: "panel" | "row"): Entry[] {
  return entries.map((values, i) => ({
    path: indexSegment(i),
    values,
    context: kind === "panel" ? { panel: values, panelIndex: i } : { row: values, rowIndex: i },
  }));
}

function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
