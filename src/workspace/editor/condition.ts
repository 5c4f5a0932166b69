/**
 * The skip-logic conditions the form builds: one question and the answers that count,
 * `{q} = 'a'` or `{q} anyof ['a','b']`. Anything else stays a raw expression the user edits.
 */

/** A condition the builder can show: the question and the chosen values. */
export interface SimpleCondition {
  question: string;
  values: string[];
}

const quote = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/**
 * The expression of a condition; a multiple-choice question is always asked with `anyof`,
 * since its answer is a list; nothing chosen is no condition.
 */
export function conditionExpression(condition: SimpleCondition, multiple: boolean): string {
  const { question, values } = condition;
  if (question === "" || values.length === 0) return "";
  if (values.length === 1 && !multiple) return `{${question}} = ${quote(values[0])}`;
  return `{${question}} anyof [${values.map(quote).join(", ")}]`;
}

const STRING = String.raw`'((?:[^'\\]|\\.)*)'`;
const EQUALS = new RegExp(String.raw`^\{([^{}]+)\}\s*=\s*${STRING}$`);
const ANYOF = /^\{([^{}]+)\}\s+anyof\s+\[(.*)\]$/;

const unquote = (text: string) => text.replace(/\\(.)/g, "$1");

/** The builder's reading of an expression, or undefined when it is more than the builder says. */
export function readCondition(expression: string): SimpleCondition | undefined {
  const text = expression.trim();
  const equals = EQUALS.exec(text);
  if (equals) return { question: equals[1], values: [unquote(equals[2])] };
  const anyof = ANYOF.exec(text);
  if (!anyof) return undefined;
  const values: string[] = [];
  const items = new RegExp(String.raw`\s*${STRING}\s*(,|$)`, "y");
  let m: RegExpExecArray | null;
  let end = 0;
  while (end < anyof[2].length && (m = items.exec(anyof[2])) !== null) {
    values.push(unquote(m[1]));
    end = items.lastIndex;
  }
  return end === anyof[2].length ? { question: anyof[1], values } : undefined;
}
