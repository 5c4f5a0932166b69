/**
 * SurveyJS's yes/no question in a sheet. XLSForm has no boolean type, so the writer gives it a
 * `select_one` of a list of its own, `boolean_<question>`, with the choices `true` and `false`
 * labelled by `labelTrue` and `labelFalse`: any XLSForm tool then shows it as two choices. The
 * reader takes a list back as a boolean only when both marks are there (the list's name is the
 * question's own `boolean_` name and its choices are exactly `true` and `false`), so a yes/no list of
 * an outside form stays a choice question with its own values.
 *
 * In ODK the answer is then the text 'true' or 'false', so comparisons with `true`/`false` are
 * written as comparisons with those texts, and read back as comparisons with the booleans.
 */
import type { JsonObject } from "../json.js";
import type { Expr } from "./expression.js";
import type { Choice } from "./read-choices.js";

/** The choice list of a boolean question. */
export const booleanList = (question: string) => `boolean_${question}`;

/** The choice values standing for the answers, in the order written. */
export const BOOLEAN_VALUES = ["true", "false"] as const;

/** A boolean's labels, when `choices` (of the list {@link booleanList} names) are its two answers. */
export function booleanOf(choices: readonly Choice[]): JsonObject | undefined {
  const byValue = new Map(choices.map((c) => (typeof c === "string" ? [c, undefined] : [String(c.value), c.text])));
  if (choices.length !== 2 || !BOOLEAN_VALUES.every((v) => byValue.has(v))) return undefined;
  const [labelTrue, labelFalse] = BOOLEAN_VALUES.map((v) => byValue.get(v));
  return { type: "boolean", ...(labelTrue === undefined ? {} : { labelTrue }), ...(labelFalse === undefined ? {} : { labelFalse }) };
}

/** `{b} = true` ⇄ `${b} = 'true'`: `toText` for the sheet, otherwise back to booleans. */
export function booleanComparisons(e: Expr, isBoolean: (name: string) => boolean, toText: boolean): Expr {
  const map = (x: Expr): Expr => {
    if (x.kind === "not") return { kind: "not", operand: map(x.operand) };
    if (x.kind !== "binary") return x;
    const left = map(x.left);
    const right = map(x.right);
    if ((x.op === "=" || x.op === "!=") && (literalFor(left, right) || literalFor(right, left))) {
      return { ...x, left: swap(left, toText), right: swap(right, toText) };
    }
    return { ...x, left, right };
  };
  const literalFor = (ref: Expr, other: Expr) =>
    ref.kind === "ref" && isBoolean(ref.name) && other.kind === "literal" && (toText ? typeof other.value === "boolean" : other.value === "true" || other.value === "false");
  return map(e);
}

function swap(e: Expr, toText: boolean): Expr {
  if (e.kind !== "literal") return e;
  if (toText && typeof e.value === "boolean") return { kind: "literal", value: String(e.value) };
  if (!toText && (e.value === "true" || e.value === "false")) return { kind: "literal", value: e.value === "true" };
  return e;
}
