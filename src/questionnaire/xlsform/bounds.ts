/**
 * A constraint that only bounds the answer (`. >= 0 and . <= 100`, `. <= date('2025-12-31')`) or
 * its length (`string-length(.) <= 300`) is a limit SurveyJS has a property or validator for,
 * which the platform's answer checker and exports know as limits; any other constraint is an
 * expression.
 */
import type { Expr } from "./expression.js";

/** Limits: numbers, or for a day ISO dates (`YYYY-MM-DD`). */
export interface Bounds<T extends number | string = number> {
  minValue?: T;
  maxValue?: T;
}

/** What a limit bounds: a number answer, the length of a text, or a date answer. */
export type Subject = "value" | "length" | "day";

function subjectExpr(subject: Subject, self: string): Expr {
  return subject === "length" ? { kind: "length", name: self, of: "text" } : { kind: "ref", name: self };
}

function isSubject(e: Expr, subject: Subject, self: string): boolean {
  return subject === "length" ? e.kind === "length" && e.of === "text" && e.name === self : e.kind === "ref" && e.name === self;
}

function limitOf(e: Expr, subject: Subject): number | string | undefined {
  if (subject === "day") return e.kind === "date" ? e.value : undefined;
  return e.kind === "literal" && typeof e.value === "number" ? e.value : undefined;
}

function bound(e: Expr, self: string, subject: Subject): Bounds<number | string> | undefined {
  if (e.kind !== "binary" || !isSubject(e.left, subject, self)) return undefined;
  const limit = limitOf(e.right, subject);
  if (limit === undefined) return undefined;
  if (e.op === ">=") return { minValue: limit };
  if (e.op === "<=") return { maxValue: limit };
  return undefined;
}

/** The limits a constraint on `self` sets, when that is all it does (days as ISO strings). */
export function boundsOf(e: Expr, self: string, subject: "day"): Bounds<string> | undefined;
export function boundsOf(e: Expr, self: string, subject?: "value" | "length"): Bounds | undefined;
export function boundsOf(e: Expr, self: string, subject: Subject = "value"): Bounds<number | string> | undefined {
  const one = bound(e, self, subject);
  if (one) return one;
  if (e.kind !== "binary" || e.op !== "and") return undefined;
  const low = bound(e.left, self, subject);
  const high = bound(e.right, self, subject);
  return low?.minValue !== undefined && high?.maxValue !== undefined ? { ...low, ...high } : undefined;
}

/** The constraint of limits, lower first: the form {@link boundsOf} reads back. */
export function boundsExpr(bounds: Bounds<number | string>, self: string, subject: Subject = "value"): Expr | undefined {
  const left = subjectExpr(subject, self);
  const limit = (v: number | string): Expr => (typeof v === "string" ? { kind: "date", value: v } : { kind: "literal", value: v });
  const parts: Expr[] = [];
  if (bounds.minValue !== undefined) parts.push({ kind: "binary", op: ">=", left, right: limit(bounds.minValue) });
  if (bounds.maxValue !== undefined) parts.push({ kind: "binary", op: "<=", left, right: limit(bounds.maxValue) });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { kind: "binary", op: "and", left: parts[0]!, right: parts[1]! };
}

/** Lengths are whole and not negative; a constraint with other numbers is kept as an expression. */
export function isLengthBounds(bounds: Bounds): boolean {
  return [bounds.minValue, bounds.maxValue].every((n) => n === undefined || (Number.isInteger(n) && n >= 0));
}
