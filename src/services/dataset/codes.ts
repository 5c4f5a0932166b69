/** Numeric codes for choices, as statistics packages want them. */
import type { Texts } from "../../questionnaire/texts.js";
import type { Item, Scalar, SpecialItem } from "../../questionnaire/question.js";

/** A choice with the number it is coded as. */
export interface CodedItem {
  code: number;
  value: Scalar;
  texts: Texts;
  special?: SpecialItem;
}

const INTEGER = /^-?\d{1,9}$/;

/** Special items are coded in this order (the page lists "other" last): codes stay as the first exports gave them. */
const SPECIAL_CODE_ORDER: readonly SpecialItem[] = ["other", "none", "refused", "dontknow"];

/**
 * Codes for a list of choices: the values themselves when every ordinary choice is a distinct
 * whole number (rating 1–5, columns 1–5, "1".."9"), otherwise the positions 1, 2, …; the special
 * items (other, none, refused, don't know) follow the highest code.
 * @example codeItems([{ value: "北京", … }, { value: "南京", … }]).map((i) => i.code) // [1, 2]
 */
export function codeItems(items: readonly Item[]): CodedItem[] {
  const ordinary = items.filter((item) => !item.special);
  const asNumbers = ordinary.map((item) =>
    (typeof item.value === "number" && Number.isInteger(item.value)) || (typeof item.value === "string" && INTEGER.test(item.value)) ? Number(item.value) : NaN,
  );
  const useValues = asNumbers.every((n) => !Number.isNaN(n)) && new Set(asNumbers).size === asNumbers.length;
  const coded: CodedItem[] = ordinary.map((item, i) => ({ ...item, code: useValues ? asNumbers[i] : i + 1 }));
  let next = Math.max(0, ...coded.map((c) => c.code)) + 1;
  const specials = items.filter((item) => item.special).sort((a, b) => SPECIAL_CODE_ORDER.indexOf(a.special!) - SPECIAL_CODE_ORDER.indexOf(b.special!));
  for (const item of specials) coded.push({ ...item, code: next++ });
  return coded;
}

/** The code marking "not asked" for a set of codes: -1, or lower than every code in use. */
export function notAskedCodeFor(codes: readonly number[]): number {
  return Math.min(-1, Math.min(0, ...codes) - 1);
}
