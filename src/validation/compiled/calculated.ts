/**
 * A questionnaire's calculated values: survey-core keeps each as a variable and writes those
 * marked `includeIntoResult` into `survey.data`. Compiled only when nothing else reads them
 * (scope.ts), so they only add keys to the stored answers.
 */
import { ExpressionRunner, type SurveyModel } from "survey-core";

export interface CalculatedPlan {
  name: string;
  run: (values: Record<string, unknown>) => unknown;
}

/** The calculated values that reach the stored data, each expression parsed once. */
export function planCalculatedValues(model: SurveyModel): CalculatedPlan[] {
  return model.calculatedValues
    .filter((calculated) => calculated.includeIntoResult && !!calculated.name && !!calculated.expression)
    .map((calculated) => {
      const runner = new ExpressionRunner(calculated.expression);
      return { name: calculated.name, run: (values) => runner.runValues(values) as unknown };
    });
}

/**
 * Adds the calculated values to answers that are final: survey-core reruns them on every change,
 * the clearing of hidden questions included, and writes those that are not undefined
 * (setCalculatedValuesIntoResult).
 */
export function addCalculatedValues(calculated: readonly CalculatedPlan[], stored: Record<string, unknown>): void {
  for (const { name, run } of calculated) {
    const value = run(stored);
    if (value !== undefined) stored[name] = value;
  }
}
