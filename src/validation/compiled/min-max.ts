/**
 * How a text question compares its value with its min and max, as survey-core's
 * QuestionTextModel.getCalculatedMinMax does: numbers as they are, dates as Date objects.
 */
import { settings } from "survey-core";

/** Turns a value or a bound into what `<` and `>` compare; a date input's into a Date (createDate in survey-core). */
export type Comparable = (value: unknown) => unknown;

const asIs: Comparable = (value) => value;

/**
 * A date-only ISO string is read as local midnight unless survey-core stores UTC dates, as its
 * createDate does; an invalid date compares false both ways, so it never raises a min/max error.
 */
const asDate: Comparable = (value) => {
  let text = value;
  if (!settings.storeUtcDates && typeof text === "string" && isIsoDateOnly(text)) text += "T00:00:00";
  return settings.onDateCreated(new Date(text as string), "question-text", value as string | number | Date | undefined);
};

function isIsoDateOnly(text: string): boolean {
  return text.indexOf("T") <= 0 && /\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(new Date(text).getTime());
}

/** The comparison of one input type: date and datetime-local inputs compare dates (isDateInputType). */
export function comparableOf(inputType: string): Comparable {
  return inputType === "date" || inputType === "datetime-local" ? asDate : asIs;
}
