/**
 * SurveyJS expressions read into and printed from {@link Expr}. Reading goes through survey-core's
 * own parser, so what is read is exactly what the respondent's browser evaluates.
 */
import { BinaryOperand, ConditionsParser, Const, type Operand, UnaryOperand, Variable } from "survey-core";
import { type BinaryOp, type Expr, type ExpressionContext, numberText, operandText, plainQuoted, Unsupported } from "./expression.js";

/** survey-core's operator names of the binary operators the tree has. */
const BINARY: Record<string, BinaryOp> = {
  and: "and",
  or: "or",
  equal: "=",
  notequal: "!=",
  less: "<",
  lessorequal: "<=",
  greater: ">",
  greaterorequal: ">=",
  plus: "+",
  minus: "-",
  mul: "*",
  div: "/",
  mod: "%",
};

function variableName(op: Operand): string | undefined {
  return op instanceof Variable ? op.variable : undefined;
}

function constValue(op: Operand): string | number | boolean | undefined {
  if (!(op instanceof Const) || op instanceof Variable) return undefined;
  const value: unknown = op.correctValue;
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

function fromOperand(op: Operand, ctx: ExpressionContext): Expr {
  if (op instanceof Variable) {
    const name = op.variable;
    const length = /^(.+)\.length$/.exec(name);
    if (length && !length[1]!.includes(".")) {
      return { kind: "length", name: length[1]!, of: ctx.isMultiple?.(length[1]!) === false ? "text" : "choices" };
    }
    if (name.includes(".") || name.includes("[")) throw new Unsupported(`{${name}}`);
    return { kind: "ref", name };
  }
  if (op instanceof Const) {
    const value = constValue(op);
    if (value === undefined) throw new Unsupported(op.toString());
    return { kind: "literal", value };
  }
  if (op instanceof UnaryOperand) {
    const name = variableName(op.expression);
    if ((op.operator === "empty" || op.operator === "notempty") && name !== undefined && !name.includes(".")) {
      return { kind: "empty", name, negated: op.operator === "notempty" };
    }
    if (op.operator === "negate") return { kind: "not", operand: fromOperand(op.expression, ctx) };
    throw new Unsupported(op.operator);
  }
  if (op instanceof BinaryOperand) {
    const name = variableName(op.leftOperand);
    const right = constValue(op.rightOperand);
    if ((op.operator === "contains" || op.operator === "notcontains") && name !== undefined && !name.includes(".") && right !== undefined && typeof right !== "boolean") {
      const selected: Expr = { kind: "selected", name, value: String(right) };
      return op.operator === "contains" ? selected : { kind: "not", operand: selected };
    }
    const binary = BINARY[op.operator];
    if (!binary) throw new Unsupported(op.operator);
    const left = fromOperand(op.leftOperand, ctx);
    const rightExpr = fromOperand(op.rightOperand, ctx);
    if ((binary === "=" || binary === "!=") && left.kind === "ref" && rightExpr.kind === "literal" && rightExpr.value === "") {
      return { kind: "empty", name: left.name, negated: binary === "!=" };
    }
    return { kind: "binary", op: binary, left, right: rightExpr };
  }
  // Functions (iif, age, sumInArray, ...) and arrays have no XLSForm counterpart here.
  const name = (op as { functionName?: string }).functionName;
  throw new Unsupported(name ? `${name}()` : op.toString());
}

/** Reads a SurveyJS expression; throws {@link Unsupported} naming what has no counterpart. */
export function readSurveyJs(text: string, ctx: ExpressionContext = {}): Expr {
  const op = new ConditionsParser().parseExpression(text);
  if (!op) throw new Unsupported(text);
  return fromOperand(op, ctx);
}

/** Prints a tree as a SurveyJS expression. */
export function printSurveyJs(expr: Expr, ctx: ExpressionContext = {}): string {
  const print = (e: Expr): string => {
    switch (e.kind) {
      case "ref":
        return `{${e.name}}`;
      case "literal":
        return typeof e.value === "boolean" ? String(e.value) : typeof e.value === "number" ? numberText(e.value) : plainQuoted(e.value);
      case "not":
        return `!(${print(e.operand)})`;
      case "binary":
        return `${operandText(e.left, e.op, "left", print, true)} ${e.op} ${operandText(e.right, e.op, "right", print, true)}`;
      case "selected":
        return ctx.isMultiple?.(e.name) === false ? `{${e.name}} = ${plainQuoted(e.value)}` : `{${e.name}} contains ${plainQuoted(e.value)}`;
      case "length":
        return `{${e.name}.length}`;
      case "empty":
        return `{${e.name}} ${e.negated ? "notempty" : "empty"}`;
      case "date":
        // survey-core would compare it as text: only a date question's min/max say a day.
        throw new Unsupported(`date('${e.value}')`);
    }
  };
  return print(expr);
}
