/** Shapes of single-value answers: text, comment, boolean, rating. */
import { phrase } from "../../i18n/phrase.js";
import { issue, isScalar, quote, wrongType, type Scalar, type Shape } from "./shape.js";

export const stringShape: Shape = (value) => (typeof value === "string" ? null : wrongType(phrase("types.string"), value));

/**
 * A string no longer than the input's `maxLength` (the browser stops typing there, and
 * survey-core does not check it). Lengths count UTF-16 units, as the browser does.
 */
export function boundedStringShape(maxLength: number): Shape {
  if (!(maxLength > 0)) return stringShape;
  return (value) => {
    if (typeof value !== "string") return wrongType(phrase("types.string"), value);
    if (value.length <= maxLength) return null;
    return issue("too_long", phrase("answers.tooLong", { max: maxLength, got: value.length }));
  };
}

export const numberShape: Shape = (value) => (typeof value === "number" && Number.isFinite(value) ? null : wrongType(phrase("types.number"), value));

/** Browsers' date inputs produce `YYYY-MM-DD`; the date must exist in the calendar. */
export const dateShape: Shape = (value) => {
  if (typeof value !== "string") return wrongType(phrase("types.dateString"), value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC maps years 0..99 to 1900..1999, so compare the year through the getter too.
    if (year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return null;
  }
  return issue("bad_date", phrase("answers.notADate", { got: quote(value) }));
};

/** How a text question stores its value, from its input type and input mask. */
export interface TextKind {
  inputType: string;
  maskType: string;
  saveMaskedValue: boolean;
  /** The input's effective `maxLength` (its own or the survey's `maxTextLength`); 0 or less = none. */
  maxLength: number;
}

/**
 * A text question's answer: numbers for number/range inputs and numeric/currency masks (the
 * form converts what was typed), a real date for date inputs, a string for everything else.
 */
export function textShape(kind: TextKind): Shape {
  // survey-core applies masks only to text and tel inputs.
  const masked = (kind.inputType === "text" || kind.inputType === "tel") && kind.maskType !== "none" && kind.maskType !== "";
  if (masked) {
    const numeric = (kind.maskType === "numeric" || kind.maskType === "currency") && !kind.saveMaskedValue;
    // A masked string is longer than what was typed (separators), so maxLength is not checked.
    return numeric ? numberShape : stringShape;
  }
  if (kind.inputType === "number" || kind.inputType === "range") return numberShape;
  if (kind.inputType === "date") return dateShape;
  return boundedStringShape(kind.maxLength);
}

/** A boolean question stores `valueTrue`/`valueFalse` when set, else true/false. */
export function booleanShape(valueTrue: unknown, valueFalse: unknown): Shape {
  return (value) => {
    if (value === valueTrue || value === valueFalse) return null;
    return issue("not_a_choice", phrase("answers.notBoolean", { yes: quote(valueTrue), no: quote(valueFalse), got: quote(value) }));
  };
}

/** A rating answer is one of the scale's values. */
export function ratingShape(values: ReadonlySet<Scalar>): Shape {
  return (value) => {
    if (!isScalar(value)) return wrongType(phrase("types.ratingValue"), value);
    if (values.has(value)) return null;
    return issue("not_a_choice", phrase("answers.notOnScale", { value: quote(value), scale: [...values].map(quote) }));
  };
}
