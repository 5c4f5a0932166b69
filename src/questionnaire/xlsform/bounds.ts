/**
 * A constraint that only bounds a number (`. >= 0 and . <= 100`) is SurveyJS's numeric validator,
 * which the platform's answer checker and exports know as limits; any other is an expression.
 */
import type { Expr } from "./expression.js";

export interface Bounds {
  minValue?: number;
  maxValue?: number;
}

function bound(e: Expr, self: string): Bounds | undefined {
  if (e.kind !== "binary" || e.left.kind !== "ref" || e.left.name !== self) return undefined;
  if (e.right.kind !== "literal" || typeof e.right.value !== "number") return undefined;
  if (e.op === ">=") return { minValue: e.right.value };
  if (e.op === "<=") return { maxValue: e.right.value };
  return undefined;
}

/** The limits a constraint on `self` sets, when that is all it does. */
export function boundsOf(e: Expr, self: string): Bounds | undefined {
  const one = bound(e, self);
  if (one) return one;
  if (e.kind !== "binary" || e.op !== "and") return undefined;
  const low = bound(e.left, self);
  const high = bound(e.right, self);
  return low?.minValue !== undefined && high?.maxValue !== undefined ? { ...low, ...high } : undefined;
}

/** The constraint of limits, lower first: the form {@link boundsOf} reads back. */
export function boundsExpr(bounds: Bounds, self: string): Expr | undefined {
  const ref: Expr = { kind: "ref", name: self };
  const parts: Expr[] = [];
  if (bounds.minValue !== undefined) parts.push({ kind: "binary", op: ">=", left: ref, right: { kind: "literal", value: bounds.minValue } });
  if (bounds.maxValue !== undefined) parts.push({ kind: "binary", op: "<=", left: ref, right: { kind: "literal", value: bounds.maxValue } });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { kind: "binary", op: "and", left: parts[0]!, right: parts[1]! };
}
