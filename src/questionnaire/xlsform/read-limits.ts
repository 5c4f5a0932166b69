/** Limits read from a constraint: what write-limits.ts writes, back. */
import type { JsonObject } from "../json.js";
import { boundsOf, isLengthBounds } from "./bounds.js";
import type { Expr } from "./expression.js";

/**
 * A constraint on `name` that only sets limits: without a message, the question's own properties
 * (`min`/`max` of a number or a date, `maxLength` of a text); with one, the validator that carries
 * it (an object with a `type`), or for a date the limits' error texts. Undefined for any other
 * constraint. write-limits.ts writes each back the same way.
 */
export function readLimits(expr: Expr, name: string, base: string, message: string | JsonObject | undefined): JsonObject | undefined {
  const withMessage = message !== undefined;
  if (base === "date") {
    // SurveyJS has no date validator: a message is the min/max's own error text.
    const days = boundsOf(expr, name, "day");
    if (!days) return undefined;
    const out: JsonObject = {};
    if (days.minValue !== undefined) Object.assign(out, { min: days.minValue }, withMessage ? { minErrorText: message } : {});
    if (days.maxValue !== undefined) Object.assign(out, { max: days.maxValue }, withMessage ? { maxErrorText: message } : {});
    return out;
  }
  if (base === "integer" || base === "decimal") {
    const bounds = boundsOf(expr, name);
    if (!bounds) return undefined;
    if (withMessage) return { type: "numeric", ...bounds };
    return { ...(bounds.minValue === undefined ? {} : { min: bounds.minValue }), ...(bounds.maxValue === undefined ? {} : { max: bounds.maxValue }) };
  }
  if (base !== "text") return undefined;
  const lengths = boundsOf(expr, name, "length");
  if (!lengths || !isLengthBounds(lengths)) return undefined;
  if (!withMessage && lengths.minValue === undefined) return { maxLength: lengths.maxValue };
  return { type: "text", ...(lengths.minValue === undefined ? {} : { minLength: lengths.minValue }), ...(lengths.maxValue === undefined ? {} : { maxLength: lengths.maxValue }) };
}
