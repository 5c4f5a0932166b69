/**
 * Dynamic panels and dynamic matrices keep their panel and row objects when a model's data is
 * replaced, and an empty value does not say how many empty entries the form showed. Both would
 * make a reused model's verdict depend on earlier submissions; settling them after the data is
 * set makes it depend on the data alone.
 */
import type { Question, QuestionMatrixDynamicModel, QuestionPanelDynamicModel } from "survey-core";

/**
 * Drops the panels and rows of every dynamic container that will receive no entries. Needed
 * before the data is set: survey-core keeps `minPanelCount` panels from the previous value and
 * writes their old answers back while the new data goes in. Containers that do receive entries
 * are rebuilt from them by survey-core itself, so they are left alone (dropping is not cheap).
 */
export function dropUnusedEntries(questions: readonly Question[], data: Record<string, unknown>): void {
  for (const question of questions) {
    if (hasEntries(data[question.getValueName()])) continue;
    if (question.getType() === "paneldynamic") (question as QuestionPanelDynamicModel).panelCount = 0;
    else if (question.getType() === "matrixdynamic") (question as QuestionMatrixDynamicModel).rowCount = 0;
  }
}

/**
 * Gives every dynamic panel or matrix that received no entries exactly the entries the form
 * cannot remove: `minPanelCount` / `minRowCount` fresh, empty ones. A respondent who deleted
 * every row sends nothing, and so does one who left the default empty rows untouched; the only
 * state both forms share is the minimum, and that is what gets validated. Going through zero
 * first drops panels kept from an earlier value, which would otherwise write their old answers
 * back. Dynamic questions inside panels are settled the same way. `given`: the data the model
 * was just handed (top-level questions are judged by it, not by what the model shows).
 */
export function settleDynamicContainers(questions: readonly Question[], given?: Record<string, unknown>): void {
  for (const question of questions) {
    // What was handed in, when known: a dynamic panel off the first page can come back from
    // `survey.data = ...` with as many empty panels as it had before, which would pass for entries.
    const entries = hasEntries(given ? given[question.getValueName()] : question.value);
    if (question.getType() === "paneldynamic") {
      const panels = question as QuestionPanelDynamicModel;
      if (!entries) {
        panels.panelCount = 0;
        panels.panelCount = Math.max(0, panels.minPanelCount);
      }
      for (const panel of panels.panels) settleDynamicContainers(panel.questions.filter(isDynamic));
    } else if (question.getType() === "matrixdynamic") {
      const matrix = question as QuestionMatrixDynamicModel;
      if (!entries) {
        matrix.rowCount = 0;
        matrix.rowCount = Math.max(0, matrix.minRowCount);
      }
    }
  }
}

/** Dynamic panels and matrices among the questions. */
export function isDynamic(question: Question): boolean {
  const type = question.getType();
  return type === "paneldynamic" || type === "matrixdynamic";
}

function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
