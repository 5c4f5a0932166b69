/**
 * The compiled answer checker: a questionnaire version compiled once into plain functions that
 * decide each rule themselves, survey-core being used only to parse and run expressions. Its
 * verdicts are those of the model checker (createModelChecker, the reference), which checks every
 * version the compiler does not cover in full.
 */
import { checkQuestionnaire } from "../../questionnaire/check.js";
import { createSurveyModel, MESSAGE_LOCALE } from "../../questionnaire/survey-model.js";
import type { Question, QuestionMatrixDropdownModelBase, QuestionSelectBase, SurveyModel } from "survey-core";
import { phrase } from "../../../i18n/phrase.js";
import { worded } from "../../questionnaire/problem.js";
import { createModelChecker, type AnswerChecker } from "../answers.js";
import { compileTopLevelKeys } from "../top-level-keys.js";
import { planCalculatedValues } from "./calculated.js";
import { planContainer } from "./container.js";
import { planQuestion, type QuestionPlan } from "./plan.js";
import { planTotals } from "./totals.js";
import { runPlan, type Plan } from "./run.js";
import { outOfScope } from "./scope.js";

/** A checker for one version, and whether it is the compiled one or the model checker (and why). */
export type CompiledChecker = { checker: AnswerChecker; compiled: true } | { checker: AnswerChecker; compiled: false; because: string[] };

/**
 * Compiles a questionnaire version's answer checker, once, to be reused for every submission.
 * Where the questionnaire uses something the compiler does not implement exactly, `compiled` is
 * false, `because` names each such thing, and `checker` is the model checker.
 * @throws TypeError when the questionnaire itself fails {@link checkQuestionnaire}.
 * @example
 * const { checker, compiled } = compileAnswerChecker({ pages: [{ name: "p", elements: [{ type: "text", name: "age", inputType: "number", isRequired: true }] }] });
 * compiled; // true
 * checker({}, { complete: true }); // { ok: false, errors: [{ question: "age", code: "required", ... }] }
 */
export function compileAnswerChecker(json: object): CompiledChecker {
  const problems = checkQuestionnaire(json);
  if (problems.length > 0) {
    throw new TypeError(`The questionnaire is not valid: ${problems.map((p) => `${p.question}: ${p.message}`).join("; ")}`);
  }
  const because = outOfScope(json);
  if (because.length > 0) return { checker: createModelChecker(json), compiled: false, because };
  const plan = compilePlan(json);
  const checker: AnswerChecker = (data, options) => {
    try {
      return runPlan(plan, data, options?.complete === true);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [worded("(data)", "unprocessable", phrase("answers.uncheckable", { reason }))] };
    }
  };
  return { checker, compiled: true };
}

function compilePlan(json: object): Plan {
  // The model is read here once, for what survey-core resolves (defaults, texts); it is not kept.
  const model = createSurveyModel(json);
  model.locale = MESSAGE_LOCALE;
  const all = model.getAllQuestions(false, false, false) as Question[];
  const questions = all.map((q) => ({
    ...planQuestion(model, q),
    container: planContainer(model, q),
    carried: carriedOf(model, q as QuestionSelectBase),
  }));
  const totals = all.flatMap((q) => (isMatrix(q) ? (planTotals(q as QuestionMatrixDropdownModelBase) ?? []) : []));
  return { keys: compileTopLevelKeys(model), questions, calculated: planCalculatedValues(model), clearInvisibleValues: model.clearInvisibleValues, totals };
}

function carriedOf(model: SurveyModel, question: QuestionSelectBase): QuestionPlan["carried"] {
  const from = question.choicesFromQuestion;
  if (!from) return undefined;
  const source = model.getQuestionByName(from) as QuestionSelectBase;
  return { from: source.getValueName(), other: source.showOtherItem ? source.otherItem.value : undefined };
}

function isMatrix(question: Question): boolean {
  return question.getType() === "matrixdropdown" || question.getType() === "matrixdynamic";
}
