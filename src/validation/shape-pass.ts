/** The first step of every answer checker: each top-level key against the shape its question gives it. */
import { phrase } from "../../i18n/phrase.js";
import { worded, type Problem } from "../questionnaire/problem.js";
import type { TopLevelKey } from "./top-level-keys.js";
import { isEmptyAnswer, quote } from "./shape.js";

/** What the shape checks found: one error per offending key, and the keys that passed. */
export interface ShapePass {
  errors: Map<string, Problem>;
  /** The non-empty answers that fit their shape; computed values are left out (recomputed). */
  accepted: Record<string, unknown>;
}

/** Checks every key of a plain-object answer set against its question's shape. */
export function checkShapes(keys: ReadonlyMap<string, TopLevelKey>, data: Record<string, unknown>): ShapePass {
  const errors = new Map<string, Problem>();
  const accepted: Record<string, unknown> = {};
  for (const key of Object.keys(data)) {
    const value = data[key];
    const entry = keys.get(key);
    if (!entry || entry.kind === "none") {
      const reason = entry ? phrase("answers.noAnswerExpected", { key: quote(key) }) : phrase("answers.unknownQuestion", { key: quote(key) });
      errors.set(key, worded(key, entry ? "no_answer_expected" : "unknown_question", reason));
      continue;
    }
    // Empty answers are dropped; computed values are recomputed by the checker.
    if (isEmptyAnswer(value) || entry.kind === "computed") continue;
    const found = entry.shape(value);
    if (found) {
      errors.set(key, worded(key, found.code, found.path ? phrase("answers.at", { at: key + found.path, message: found.wording }) : found.wording));
    } else {
      accepted[key] = value;
    }
  }
  return { errors, accepted };
}

/** Errors in the order of the questionnaire; keys it does not know come last, in the order sent. */
export function inQuestionnaireOrder(errors: ReadonlyMap<string, Problem>, keys: ReadonlyMap<string, TopLevelKey>): Problem[] {
  const order = new Map([...keys.keys()].map((key, i) => [key, i]));
  const rank = (p: Problem): number => order.get(p.question) ?? order.size;
  return [...errors.values()].sort((a, b) => rank(a) - rank(b));
}
