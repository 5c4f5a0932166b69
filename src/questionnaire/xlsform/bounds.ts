/**
 * A constraint that only bounds the answer (`. >= 0 and . <= 100`) or its length
 * (`string-length(.) <= 300`) is a limit SurveyJS has a property or validator for, which the
 * platform's answer checker and exports know as limits; any other constraint is an expression.
 */
import type { Expr } from "./expression.js";

export interface Bounds {
  minValue?: number;
  maxValue?: number;
}

/** What a limit bounds: the answer itself (a number) or the length of its text. */
export type Subject = "value" | "length";

function subjectExpr(subject: Subject, self: string): Expr {
  return subject === "value" ? { kind: "ref", name: self } : { kind: "length", name: self, of: "text" };
}

function isSubject(e: Expr, subject: Subject, self: string): boolean {
  return subject === "value" ? e.kind === "ref" && e.name === self : e.kind === "length" && e.of === "text" && e.name === self;
}

function bound(e: Expr, self: string, subject: Subject): Bounds | undefined {
  if (e.kind !== "binary" || !isSubject(e.left, subject, self)) return undefined;
  if (e.right.kind !== "literal" || typeof e.right.value !== "number") return undefined;
  if (e.op === ">=") return { minValue: e.right.value };
  if (e.op === "<=") return { maxValue: e.right.value };
  return undefined;
}

/** The limits a constraint on `self` sets, when that is all it does. */
export function boundsOf(e: Expr, self: string, subject: Subject = "value"): Bounds | undefined {
  const one = bound(e, self, subject);
  if (one) return one;
  if (e.kind !== "binary" || e.op !== "and") return undefined;
  const low = bound(e.left, self, subject);
  const high = bound(e.right, self, subject);
  return low?.minValue !== undefined && high?.maxValue !== undefined ? { ...low, ...high } : undefined;
}

/** The constraint of limits, lower first: the form {@link boundsOf} reads back. */
export function boundsExpr(bounds: Bounds, self: string, subject: Subject = "value"): Expr | undefined {
  const left = subjectExpr(subject, self);
  const parts: Expr[] = [];
  if (bounds.minValue !== undefined) parts.push({ kind: "binary", op: ">=", left, right: { kind: "literal", value: bounds.minValue } });
  if (bounds.maxValue !== undefined) parts.push({ kind: "binary", op: "<=", left, right: { kind: "literal", value: bounds.maxValue } });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { kind: "binary", op: "and", left: parts[0]!, right: parts[1]! };
}

/** Lengths are whole and not negative; a constraint with other numbers is kept as an expression. */
export function isLengthBounds(bounds: Bounds): boolean {
  return [bounds.minValue, bounds.maxValue].every((n) => n === undefined || (Number.isInteger(n) && n >= 0));
}
