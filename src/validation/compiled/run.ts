/** One submission checked against a compiled plan: plain JavaScript, no survey-core model. */
import { Helpers } from "survey-core";
import { phrase } from "../../../i18n/phrase.js";
import type { Translations } from "../../../i18n/phrase.js";
import { currentRequestLanguage } from "../../lib/request-language.js";
import { worded } from "../../questionnaire/problem.js";
import type { CheckResult } from "../answers.js";
import { checkShapes, inQuestionnaireOrder } from "../shape-pass.js";
import { isPlainObject, keySegment, quote } from "../shape.js";
import type { TopLevelKey } from "../top-level-keys.js";
import { addCalculatedValues, type CalculatedPlan } from "./calculated.js";
import { dropUncarried } from "./carry-forward.js";
import { addTotals, type TotalsPlan } from "./totals.js";
import { isEmptyValue, type ErrorSlot, type QuestionPlan } from "./plan.js";

/** Everything one questionnaire version compiles to. */
export interface Plan {
  keys: Map<string, TopLevelKey>;
  questions: QuestionPlan[];
  /** Calculated values written into the result. */
  calculated: CalculatedPlan[];
  /** The survey's `clearInvisibleValues` ("onComplete" or "none"). */
  clearInvisibleValues: string;
  /** Totals rows of matrices. */
  totals: TotalsPlan[];
}

/** Errors about what is still missing: a saved, unfinished response may have them (as model-errors.ts). */
const INCOMPLETENESS = new Set(["required", "otherempty", "requiredinallrowserror"]);

export function runPlan(plan: Plan, data: unknown, complete: boolean): CheckResult {
  if (!isPlainObject(data)) {
    return { ok: false, errors: [worded("(data)", "not_an_object", phrase("answers.notAnObject", { got: quote(data) }))] };
  }
  const { errors, accepted } = checkShapes(plan.keys, data);
  dropUncarried(plan.questions, accepted);
  const reader = currentRequestLanguage();
  // Expression questions read answers only (scope.ts), so one pass settles them as the model does.
  for (const question of plan.questions) {
    if (!question.compute) continue;
    const value = question.compute(accepted);
    if (Helpers.isValueEmpty(value)) delete accepted[question.key];
    else accepted[question.key] = value;
  }
  const visible = plan.questions.map((q) => q.shown.every((condition) => condition(accepted)));
  plan.questions.forEach((question, i) => {
    if (!visible[i] || !question.answers || errors.has(question.key)) return;
    const found = firstError(question, accepted, complete) ?? itemError(question, accepted, complete) ?? entryError(question, accepted[question.key], complete);
    if (!found) return;
    const wording = found.path ? phrase("answers.at", { at: question.key + found.path, message: say(found.error, reader) }) : say(found.error, reader);
    errors.set(question.key, worded(question.key, found.error.code, wording));
  });
  if (errors.size > 0) return { ok: false, errors: inQuestionnaireOrder(errors, plan.keys) };

  const stored = copyJson(accepted) as Record<string, unknown>;
  const notAsked: string[] = [];
  plan.questions.forEach((question, i) => {
    if (question.container) settleEntries(question, stored, complete, plan.clearInvisibleValues);
    if (visible[i] || !question.answers) return;
    notAsked.push(question.key);
    if (clears(question.clearIf, complete, plan.clearInvisibleValues)) {
      delete stored[question.key];
      delete stored[question.commentKey];
    }
  });
  addTotals(plan.totals, stored);
  addCalculatedValues(plan.calculated, stored);
  return { ok: true, data: stored, notAsked };
}

/**
 * The first error survey-core would report on a visible question, in its order: required, then
 * the question's own checks; validators only when those found nothing. A partial save drops
 * errors about what is missing, and every error of an empty question.
 */
function firstError(question: QuestionPlan, values: Record<string, unknown>, complete: boolean): Found | null {
  const error = ownError(question, values, complete);
  return error ? { error, path: "" } : null;
}

/** An error and where it sits inside the question's value (`.phone`), as model-errors.ts reports it. */
interface Found {
  error: ErrorSlot;
  path: string;
}

/**
 * The first error of a multiple-text question's items, in their order: survey-core validates each
 * item's editor against its key of the question's value, and model-errors.ts reads the question's
 * own errors before them.
 */
function itemError(question: QuestionPlan, values: Record<string, unknown>, complete: boolean): Found | null {
  if (!question.items) return null;
  const value = values[question.key];
  const inner = (isPlainObject(value) ? value : {}) as Record<string, unknown>;
  for (const item of question.items) {
    const error = ownError(item, inner, complete);
    if (error) return { error, path: keySegment(item.key) };
  }
  return null;
}

/**
 * The first error inside a dynamic panel's or a matrix's entries, in survey-core's order: entry by
 * entry, each visible question of the entry in turn (model-errors.ts reads them so).
 */
function entryError(question: QuestionPlan, value: unknown, complete: boolean): Found | null {
  if (!question.container) return null;
  for (const entry of question.container.entries(value)) {
    for (const inner of question.container.inner) {
      if (!inner.answers || !inner.shown.every((condition) => condition(entry.context))) continue;
      const error = ownError(inner, entry.values, complete);
      if (error) return { error, path: entry.path + keySegment(inner.key) };
    }
  }
  return null;
}

/**
 * A container's stored value as survey-core leaves it: the minimum of empty panels when none was
 * given, and inside each entry the answers of hidden questions cleared as the survey's policy says.
 */
function settleEntries(question: QuestionPlan, stored: Record<string, unknown>, complete: boolean, policy: string): void {
  const container = question.container;
  if (!container) return;
  if (container.stored && Object.hasOwn(stored, question.key)) {
    const value = container.stored(stored[question.key]);
    if (value === undefined) delete stored[question.key];
    else stored[question.key] = value;
  }
  // An empty list is no panel given: survey-core fills it to the minimum as it does a missing value.
  const given = stored[question.key];
  if (container.whenEmpty && (!Object.hasOwn(stored, question.key) || (Array.isArray(given) && given.length === 0))) stored[question.key] = container.whenEmpty();
  for (const entry of container.entries(stored[question.key])) {
    // Every condition is read before anything is cleared, as survey-core does.
    const hidden = container.inner.filter((inner) => inner.answers && !inner.shown.every((condition) => condition(entry.context)));
    for (const inner of hidden) {
      if (!clears(inner.clearIf, complete, policy)) continue;
      delete entry.values[inner.key];
      delete entry.values[inner.commentKey];
    }
  }
}

function ownError(question: QuestionPlan, values: Record<string, unknown>, complete: boolean): ErrorSlot | null {
  const value = values[question.key];
  const empty = isEmptyValue(value);
  const own: ErrorSlot[] = [];
  const required = typeof question.required === "boolean" ? question.required : question.required(values);
  if (required && empty) own.push(question.requiredError);
  for (const check of question.ownChecks) {
    const found = check(value, values);
    if (found) own.push(found);
  }
  const raised = own.length > 0 ? own : question.validators.flatMap((check) => check(value, values) ?? []);
  if (complete) return raised[0] ?? null;
  if (empty) return null;
  // model-errors.ts recognises the min-selected error by its English text, so an answer-count
  // validator saying the same words is dropped with it.
  const minSelected = question.minSelected?.texts.en;
  return raised.find((e) => !INCOMPLETENESS.has(e.type) && e.texts.en !== minSelected) ?? null;
}

/** The texts of an error as the model checker words them: English, and the reader's language when read. */
function say(error: ErrorSlot, reader: string | undefined): Translations {
  if (!reader || reader === "en") return { en: error.texts.en };
  return { en: error.texts.en, [reader]: error.texts[reader as keyof ErrorSlot["texts"]] };
}

/**
 * Whether a hidden question's value goes, as survey-core's `clearValueIfInvisible` decides: on
 * completion the survey's policy (or the question's own `clearIfInvisible`) applies; a partial
 * save clears only what a form set to clear on hiding would already have cleared.
 */
function clears(clearIf: string, complete: boolean, policy: string): boolean {
  const resolved = clearIf === "default" ? policy : clearIf;
  const reason = !complete ? "onHidden" : policy === "none" ? "none" : "onComplete";
  if (resolved === "none") return false;
  if (reason === "onHidden" && resolved === "onComplete") return false;
  return true;
}

/**
 * A deep copy of answers that passed their shapes (plain JSON by then), several times cheaper
 * than structuredClone: the caller may keep and change what it is given.
 */
function copyJson(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    // A plain assignment to "__proto__" would set the prototype instead of a key.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
