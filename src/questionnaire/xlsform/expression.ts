/**
 * The logic both XLSForm and SurveyJS can say, as one small tree: what one side's text is read
 * into and the other side's text is printed from. Anything outside it is refused by name.
 */

/** Binary operators, spelled as SurveyJS spells them. */
export type BinaryOp = "and" | "or" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%";

export type Expr =
  | { kind: "ref"; name: string }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "not"; operand: Expr }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr }
  /** `selected(${q}, 'a')` ⇄ `{q} contains 'a'` (or `{q} = 'a'` for a single choice). */
  | { kind: "selected"; name: string; value: string }
  /** `count-selected(${q})` / `string-length(${q})` ⇄ `{q.length}`. */
  | { kind: "length"; name: string; of: "choices" | "text" }
  /** `${q} = ''` / `${q} != ''` ⇄ `{q} empty` / `{q} notempty`. */
  | { kind: "empty"; name: string; negated: boolean }
  /** `date('2025-12-31')`, a day: SurveyJS says it only as a date question's `min`/`max` (bounds.ts). */
  | { kind: "date"; value: string };

/** The day of `date('YYYY-MM-DD')`, the spelling both XLSForm and SurveyJS's date inputs take. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A translation, or the construct that has no counterpart (named as written, e.g. `pulldata(`). */
export type Translation = { ok: true; text: string } | { ok: false; construct: string };

/** What a translation needs to know about the questionnaire. */
export interface ExpressionContext {
  /** The question a constraint belongs to: XLSForm's `.` is `{self}` in SurveyJS. */
  self?: string;
  /** Whether a question holds several choices (checkbox, select_multiple); others hold one value. */
  isMultiple?: (name: string) => boolean;
}

/** Binding strength, loosest first, the same on both sides (XPath and survey-core agree). */
export const PRECEDENCE: Record<BinaryOp, number> = {
  or: 1,
  and: 2,
  "=": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};

/** Thrown inside the readers to stop at the first construct without counterpart. */
export class Unsupported extends Error {
  constructor(readonly construct: string) {
    super(`unsupported: ${construct}`);
  }
}

/** How tightly a node binds when it is an operand: the tests (`empty`, SurveyJS `contains`) as comparisons. */
function levelOf(e: Expr, selectedIsComparison: boolean): number {
  if (e.kind === "binary") return PRECEDENCE[e.op];
  if (e.kind === "empty" || (e.kind === "selected" && selectedIsComparison)) return 3;
  return Number.POSITIVE_INFINITY;
}

/**
 * Prints a binary operand, in brackets when it binds looser than its parent, or equally on the
 * right (so `a - (b - c)` keeps its brackets and `a - b - c` needs none). A comparison inside a
 * comparison is always bracketed: survey-core puts `=` and `<` on one level, XPath does not.
 */
export function operandText(child: Expr, parent: BinaryOp, side: "left" | "right", print: (e: Expr) => string, selectedIsComparison = false): string {
  const text = print(child);
  const level = levelOf(child, selectedIsComparison);
  const mine = PRECEDENCE[parent];
  const comparisons = level >= 3 && level <= 4 && mine >= 3 && mine <= 4;
  const looser = comparisons || level < mine || (side === "right" && level === mine);
  return looser ? `(${text})` : text;
}

/** A string literal in whichever quote it does not contain; both → unsupported. */
export function quoted(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new Unsupported(`${value} (both quote marks)`);
}

/** A string literal for survey-core, whose grammar reads no string holding a quote mark of either kind. */
export function plainQuoted(value: string): string {
  if (/['"]/.test(value)) throw new Unsupported(value);
  return `'${value}'`;
}

/** A number as both languages write it (no exponent: XPath has none). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Unsupported(String(value));
  const text = String(value);
  if (/e/i.test(text)) throw new Unsupported(text);
  return text;
}

/** The tree with every question name passed through `rename`. */
export function renamed(e: Expr, rename: (name: string) => string): Expr {
  switch (e.kind) {
    case "ref":
    case "selected":
    case "length":
    case "empty":
      return { ...e, name: rename(e.name) };
    case "not":
      return { kind: "not", operand: renamed(e.operand, rename) };
    case "binary":
      return { ...e, left: renamed(e.left, rename), right: renamed(e.right, rename) };
    default:
      return e;
  }
}
