/** The single-choice matrix's own check: `eachRowRequired`, as survey-core's QuestionMatrixModel decides it. */
import type { QuestionMatrixModel } from "survey-core";
import { isEmptyValue, type Check, type ErrorSlot } from "./plan.js";

/**
 * A RequiredInAllRowsError when any row has no answer (survey-core's checkErrorsAllRows); rows
 * carry no visibleIf in a compiled version (scope.ts), so every row is a visible row.
 */
export function eachRowRequiredCheck(matrix: QuestionMatrixModel, error: ErrorSlot): Check | undefined {
  if (!matrix.eachRowRequired) return undefined;
  const rows = matrix.rows.map((row) => String(row.value));
  return (value) => {
    const answers = (value ?? {}) as Record<string, unknown>;
    return rows.some((row) => isEmptyValue(answers[row])) ? error : null;
  };
}
