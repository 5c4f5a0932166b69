/** The data keys a response may carry at its top level, and what each holds. */
import { settings, type Question, type QuestionMatrixDropdownModelBase, type SurveyModel } from "survey-core";
import { compileQuestion } from "./compile-question.js";
import { stringShape } from "./shape-scalar.js";
import type { Shape } from "./shape.js";

/** An answer to check, a value the model computes (dropped and recomputed), or a question that takes no answer. */
export type TopLevelKey = { kind: "answer"; shape: Shape } | { kind: "computed" } | { kind: "none" };

/**
 * Every top-level key of the questionnaire: question values (`valueName || name`), their
 * `-Comment` companions, expression values, matrix totals (`<key>-total`) and calculated values
 * marked `includeIntoResult`, all of which survey-core writes into `survey.data`.
 */
export function compileTopLevelKeys(survey: SurveyModel): Map<string, TopLevelKey> {
  const keys = new Map<string, TopLevelKey>();
  const env = { survey, commentSuffix: survey.commentSuffix };
  const setComputed = (key: string): void => {
    if (keys.get(key)?.kind !== "answer") keys.set(key, { kind: "computed" });
  };
  for (const question of survey.getAllQuestions(false, false, false) as Question[]) {
    const key = question.getValueName();
    const compiled = compileQuestion(question, env);
    if (compiled.kind === "none") {
      if (!keys.has(key)) keys.set(key, compiled);
    } else if (compiled.kind === "computed") {
      setComputed(key);
    } else {
      const earlier = keys.get(key);
      const shape = earlier?.kind === "answer" ? combine(earlier.shape, compiled.shape) : compiled.shape;
      keys.set(key, { kind: "answer", shape });
      if (compiled.hasComment) keys.set(key + env.commentSuffix, { kind: "answer", shape: stringShape });
    }
    if ((question.getType() === "matrixdropdown" || question.getType() === "matrixdynamic") && (question as QuestionMatrixDropdownModelBase).hasTotal) {
      setComputed(key + settings.matrix.totalsSuffix);
    }
  }
  for (const calculated of survey.calculatedValues) {
    if (calculated.includeIntoResult && calculated.name) setComputed(calculated.name);
  }
  return keys;
}

/** Questions sharing a valueName share the value: it must fit all of them. */
function combine(first: Shape, second: Shape): Shape {
  return (value) => first(value) ?? second(value);
}
