/** Checking a submitted answer set against the questionnaire version it answers. */
import type { PanelModelBase, Question, QuestionMatrixDropdownModelBase, QuestionSelectBase, SurveyModel } from "survey-core";
import { phrase } from "../../i18n/phrase.js";
import { currentRequestLanguage } from "../lib/request-language.js";
import { worded, type Problem } from "../questionnaire/problem.js";
import { checkQuestionnaire } from "../questionnaire/check.js";
import { createSurveyModel, MESSAGE_LOCALE } from "../questionnaire/survey-model.js";
import { compileTopLevelKeys, type TopLevelKey } from "./top-level-keys.js";
import { collectModelErrors, translateFindings } from "./model-errors.js";
import { dropUnusedEntries, isDynamic, settleDynamicContainers } from "./dynamic-containers.js";
import { isPlainObject, quote } from "./shape.js";
import { checkShapes, inQuestionnaireOrder } from "./shape-pass.js";

/** The verdict on one answer set: the data to store, or one error per offending question. */
export type CheckResult = { ok: true; data: Record<string, unknown>; notAsked: string[] } | { ok: false; errors: Problem[] };

/** Checks one submission; `complete: false` is a saved, unfinished response (nothing is "required" yet). */
export type AnswerChecker = (data: unknown, options: { complete: boolean }) => CheckResult;

/** Everything built once per questionnaire version. */
interface Prepared {
  model: SurveyModel;
  keys: Map<string, TopLevelKey>;
  questions: Question[];
  /** Top-level dynamic panels and matrices. */
  dynamic: Question[];
  /** Questions whose choices are carried forward from another question. */
  carryForward: Question[];
  /** Matrices with a totals row. */
  totalsMatrices: QuestionMatrixDropdownModelBase[];
  containers: PanelModelBase[];
}

function prepare(json: object): Prepared {
  const model = createSurveyModel(json);
  model.locale = MESSAGE_LOCALE;
  const questions = model.getAllQuestions(false, false, false) as Question[];
  const containers: PanelModelBase[] = [...model.pages, ...model.getAllPanels(false, false)] as PanelModelBase[];
  const dynamic = questions.filter(isDynamic);
  const totalsMatrices = questions.filter((q) => (q as QuestionMatrixDropdownModelBase).hasTotal === true) as QuestionMatrixDropdownModelBase[];
  const carryForward = questions.filter((q) => !!(q as QuestionSelectBase).choicesFromQuestion);
  return { model, keys: compileTopLevelKeys(model), questions, dynamic, carryForward, totalsMatrices, containers };
}

/**
 * The model checker: the reference for the compiled checker (validation/compiled/), and the
 * checker of every version the compiler does not cover. Builds the checker for one questionnaire
 * version, to be reused for every submission to it.
 * It runs in two steps: its own shape checks catch what survey-core lets through (unknown keys,
 * values outside the choices, too many choices, wrong JSON types), then one survey-core model,
 * built here once and refilled per call, runs the form's own validation (required, validators,
 * min/max, visibleIf/requiredIf, nested questions). On success the returned data is what the
 * model holds after the questionnaire's `clearInvisibleValues` rule and its expressions ran.
 * The checker never throws: any input, however malformed, gives `{ ok: false, errors }`.
 * @throws TypeError when the questionnaire itself fails {@link checkQuestionnaire}.
 * @example
 * const check = createAnswerChecker({ elements: [{ type: "text", name: "age", inputType: "number", isRequired: true }] });
 * check({ age: 30 }, { complete: true });   // { ok: true, data: { age: 30 } }
 * check({ age: "30" }, { complete: true }); // { ok: false, errors: [{ question: "age", code: "wrong_type", ... }] }
 */
export function createModelChecker(json: object): AnswerChecker {
  const problems = checkQuestionnaire(json);
  if (problems.length > 0) {
    throw new TypeError(`The questionnaire is not valid: ${problems.map((p) => `${p.question}: ${p.message}`).join("; ")}`);
  }
  let prepared = prepare(json);
  return (data, options) => {
    try {
      return check(prepared, data, options?.complete === true);
    } catch (error) {
      // A model that threw half-way may hold state from this input: never reuse it.
      prepared = prepare(json);
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, errors: [worded("(data)", "unprocessable", phrase("answers.uncheckable", { reason }))] };
    }
  };
}

function check(prepared: Prepared, data: unknown, complete: boolean): CheckResult {
  if (!isPlainObject(data)) {
    return { ok: false, errors: [worded("(data)", "not_an_object", phrase("answers.notAnObject", { got: quote(data) }))] };
  }
  const { errors, accepted } = checkShapes(prepared.keys, data);

  const { model } = prepared;
  // A reused model must reach the state a fresh one would. Setting `data` replaces every value
  // and reruns all conditions, but two kinds of state survive it: a carry-forward question's own
  // copy of its old value, which survey-core checks against the source's new choices before it
  // reads the new value, and then erases; and the panels and rows of dynamic containers, settled
  // below. (model.clear() or `data = {}` first would also do, at two to three times the cost.)
  for (const question of prepared.carryForward) question.updateValueFromSurvey(undefined, true);
  dropUnusedEntries(prepared.dynamic, accepted);
  // The model keeps references to what it is given and writes into them (expressions inside
  // panels): hand it a copy. Keys that failed their shape stay out, so survey-core never sees them.
  model.data = structuredClone(accepted);
  settleDynamicContainers(prepared.dynamic, accepted);
  // survey-core writes a totals row only when it sees the rows change, which a reused model may
  // not: write the current totals, as a fresh model would have.
  for (const matrix of prepared.totalsMatrices) matrix.onTotalValueChanged();
  model.validate(true, false);
  const findings = collectModelErrors(prepared.questions, prepared.containers, complete).filter((f) => !errors.has(f.key));
  // Read in the language of the request being answered, if any (a CLI import reads English).
  const reader = currentRequestLanguage();
  const texts = translateFindings(model, findings, MESSAGE_LOCALE, reader ? [reader] : []);
  findings.forEach((finding, i) => {
    if (errors.has(finding.key)) return;
    const wording = finding.path ? phrase("answers.at", { at: finding.key + finding.path, message: texts[i] }) : texts[i];
    errors.set(finding.key, worded(finding.key, finding.code, wording));
  });
  if (errors.size > 0) return { ok: false, errors: inQuestionnaireOrder(errors, prepared.keys) };

  clearInvisible(prepared, complete);
  return { ok: true, data: structuredClone(model.data) as Record<string, unknown>, notAsked: hiddenKeys(prepared) };
}

/**
 * The data keys of questions this respondent never saw because logic hid them (the question,
 * or its panel or page). Analysis counts these as "not asked", apart from "missing" (seen,
 * left unanswered). A key shared by several questions (valueName) is asked if any is visible.
 */
function hiddenKeys(prepared: Prepared): string[] {
  const visible = new Set<string>();
  const hidden = new Set<string>();
  for (const question of prepared.questions) {
    const key = question.getValueName();
    const entry = prepared.keys.get(key);
    if (!entry || entry.kind === "none") continue;
    if (question.isVisible && question.isParentVisible) visible.add(key);
    else hidden.add(key);
  }
  return [...hidden].filter((key) => !visible.has(key));
}

/**
 * Applies `clearInvisibleValues` as the form would have: on completion survey-core clears every
 * hidden question ("onComplete", "onHidden", "onHiddenContainer"; never "none"); a form with
 * "onHidden"/"onHiddenContainer" has already cleared them before any partial save. Per-question
 * `clearIfInvisible` settings are honoured by survey-core's own methods.
 */
function clearInvisible(prepared: Prepared, complete: boolean): void {
  // The same calls survey-core makes on completion (its clearInvisibleQuestionValues is private).
  const reason = !complete ? "onHidden" : prepared.model.clearInvisibleValues === "none" ? "none" : "onComplete";
  for (const question of prepared.questions) question.clearValueIfInvisible(reason);
}

/** The model checker under its earlier name (callers outside the server's cache still use it). */
export const createAnswerChecker = createModelChecker;
