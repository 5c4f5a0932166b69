/**
 * Limits into the constraint column, the form read-survey.ts reads back: a question's own limits
 * (`min`/`max` of a number or a date, `maxLength` of a text) without a message, a validator's with
 * or without one (see {@link validatorLimits} for which).
 */
import type { JsonObject } from "../json.js";
import { type Bounds, boundsExpr, isLengthBounds, type Subject } from "./bounds.js";
import { ISO_DAY } from "./expression.js";
import { printXlsForm } from "./xlsform-syntax.js";

const isDay = (v: unknown): v is string => typeof v === "string" && ISO_DAY.test(v);

/** The constraint of a question's own limits on a row of `type`, and the properties it says; undefined when it has none the column can say. */
export function propertyLimits(type: string, question: JsonObject, name: string): { constraint: string; said: string[] } | undefined {
  const { min, max, maxLength } = question;
  let bounds: Bounds<number | string>;
  let subject: Subject;
  if ((type === "integer" || type === "decimal") && (typeof min === "number" || typeof max === "number")) {
    bounds = { ...(typeof min === "number" ? { minValue: min } : {}), ...(typeof max === "number" ? { maxValue: max } : {}) };
    subject = "value";
  } else if (type === "date" && (isDay(min) || isDay(max))) {
    bounds = { ...(isDay(min) ? { minValue: min } : {}), ...(isDay(max) ? { maxValue: max } : {}) };
    subject = "day";
  } else if (type === "text" && typeof maxLength === "number" && maxLength > 0 && isLengthBounds({ maxValue: maxLength })) {
    bounds = { maxValue: maxLength };
    subject = "length";
  } else {
    return undefined;
  }
  const expr = boundsExpr(bounds, name, subject);
  if (!expr) return undefined;
  const said = subject === "length" ? ["maxLength"] : [...(bounds.minValue === undefined ? [] : ["min"]), ...(bounds.maxValue === undefined ? [] : ["max"])];
  return { constraint: printXlsForm(expr, { self: name }), said };
}

/**
 * The constraint of a numeric or text validator's limits (`kind`, its other properties `more`), or
 * undefined when the column cannot say it. Limits without a message read back as the question's
 * own: for a number the same check (code `invalid`), for a text not (`too_long`), so a text
 * validator needs its message or a minimum length.
 */
export function validatorLimits(kind: unknown, more: JsonObject, withMessage: boolean, name: string, type: string): string | undefined {
  const [low, high, subject] = kind === "numeric" ? ["minValue", "maxValue", "value"] : kind === "text" ? ["minLength", "maxLength", "length"] : [];
  const fits = kind === "numeric" ? type === "integer" || type === "decimal" : type === "text";
  if (!low || !high || !fits || !Object.keys(more).every((k) => k === low || k === high)) return undefined;
  const bounds = { minValue: more[low], maxValue: more[high] };
  if ([bounds.minValue, bounds.maxValue].some((n) => n !== undefined && typeof n !== "number")) return undefined;
  const numbers = bounds as Bounds;
  if (subject === "length" && (!isLengthBounds(numbers) || (!withMessage && numbers.minValue === undefined))) return undefined;
  const expr = boundsExpr(numbers, name, subject as Subject);
  return expr && printXlsForm(expr, { self: name });
}
