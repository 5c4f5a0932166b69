/** Shapes of composite answers: objects keyed by name (rows, items, panel questions) and arrays of them. */
import { indexSegment, isEmptyAnswer, isPlainObject, issue, keySegment, quote, within, wrongType, type Issue, type Scalar, type Shape } from "./shape.js";

/** What an unknown key inside a composite answer is called in messages and codes. */
export type KeyKind = "question" | "row" | "column" | "item";

/**
 * An object whose keys must be known: each non-empty value is checked by its key's shape.
 * Keys are looked up in a Map, so "__proto__" or "constructor" are just unknown keys.
 */
export function objectShape(fields: ReadonlyMap<string, Shape>, kind: KeyKind, expected = "an object"): Shape {
  return (value) => {
    if (!isPlainObject(value)) return wrongType(expected, value);
    for (const key of Object.keys(value)) {
      const shape = fields.get(key);
      if (!shape) return issue(`unknown_${kind}`, `Unknown ${kind} ${quote(key)}.`, keySegment(key));
      const cell = value[key];
      if (isEmptyAnswer(cell)) continue;
      const found = within(keySegment(key), shape(cell));
      if (found) return found;
    }
    return null;
  };
}

/**
 * An array of answers (dynamic panels, dynamic matrix rows) no longer than the form lets a
 * respondent make it.
 */
export function arrayShape(item: Shape, maxLength: number, what: string): Shape {
  return (value) => {
    if (!Array.isArray(value)) return wrongType(`an array of ${what}s`, value);
    if (value.length > maxLength) return issue(`too_many_${what}s`, `At most ${maxLength} ${what}s are allowed, got ${value.length}.`);
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      // The form keeps a row or panel nobody filled in as `{}`, never as null.
      const found = isEmptyAnswer(entry) ? wrongType(`a ${what} object`, entry) : within(indexSegment(i), item(entry));
      if (found) return found;
    }
    return null;
  };
}

/** Single-choice matrix: `{ row: column }`, or `{ row: [columns] }` when `cellType` is "checkbox". */
export function matrixShape(rows: ReadonlySet<string>, columns: ReadonlySet<Scalar>, multi: boolean, exclusive: ReadonlySet<Scalar>): Shape {
  const cell: Shape = multi ? (value) => checkColumnList(value, columns, exclusive) : (value) => checkColumn(value, columns);
  const fields = new Map<string, Shape>([...rows].map((row) => [row, cell]));
  return objectShape(fields, "row", "an object of rows");
}

function checkColumn(value: unknown, columns: ReadonlySet<Scalar>): Issue | null {
  if (columns.has(value as Scalar)) return null;
  return issue("not_a_choice", `${quote(value)} is not one of the columns.`);
}

function checkColumnList(value: unknown, columns: ReadonlySet<Scalar>, exclusive: ReadonlySet<Scalar>): Issue | null {
  if (!Array.isArray(value)) return wrongType("an array of column values", value);
  const seen = new Set<unknown>();
  for (let i = 0; i < value.length; i++) {
    const found = within(indexSegment(i), checkColumn(value[i], columns));
    if (found) return found;
    if (seen.has(value[i])) return issue("duplicate_choice", `${quote(value[i])} is selected twice.`, indexSegment(i));
    seen.add(value[i]);
    if (exclusive.has(value[i] as Scalar) && value.length > 1) {
      return issue("exclusive_choice", `${quote(value[i])} cannot be selected together with other columns.`);
    }
  }
  return null;
}
