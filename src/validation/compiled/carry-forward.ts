/**
 * A question offering the choices selected in another (`choicesFromQuestion`, mode "selected"):
 * survey-core drops its value when the value is not among them, without an error. The source's
 * "other" is always among them: survey-core keeps that value even when the source holds nothing.
 */
import type { QuestionPlan } from "./plan.js";

/** Drops each carried-forward answer whose value the source question does not hold. */
export function dropUncarried(questions: readonly QuestionPlan[], accepted: Record<string, unknown>): void {
  for (const question of questions) {
    const carried = question.carried;
    if (!carried || !Object.hasOwn(accepted, question.key)) continue;
    const value = accepted[question.key];
    if (carried.other !== undefined && value === carried.other) continue;
    const source = accepted[carried.from];
    if (!Array.isArray(source) || !source.includes(value)) delete accepted[question.key];
  }
}
