/** The shape of values the form computes itself (expression questions and columns, totals). */
import { phrase } from "../../i18n/phrase.js";
import { isPlainObject, issue, type Shape } from "./shape.js";

/** Deep enough for an expression that copies a matrix or a dynamic panel's value. */
const MAX_DEPTH = 8;

function isShallowJson(value: unknown, depth: number): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v) => isShallowJson(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((v) => isShallowJson(v, depth + 1));
  return false;
}

/**
 * Computed values are recomputed by the server's model, so what the client sent does not matter;
 * it only has to be plain JSON of bounded depth before the model sees it.
 */
export const computedShape: Shape = (value) => (isShallowJson(value, 0) ? null : issue("wrong_type", phrase("answers.notPlainJson")));
