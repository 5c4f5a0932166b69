/** Shapes of composite answers: objects keyed by name (rows, items, panel questions) and arrays of them. */
import { phrase, type Wording } from "../../i18n/phrase.js";
import { indexSegment, isEmptyAnswer, isPlainObject, issue, keySegment, quote, within, wrongType, type Issue, type Scalar, type Shape } from "./shape.js";

/** What an unknown key inside a composite answer is called in messages and codes. */
export type KeyKind = "question" | "row" | "column" | "item";

/**
 * An object whose keys must be known: each non-empty value is checked by its key's shape.
 * Keys are looked up in a Map, so "__proto__" or "constructor" are just unknown keys.
 */
export function objectShape(fields: ReadonlyMap<string, Shape>, kind: KeyKind, expected: Wording = phrase("types.object")): Shape {
  return (value) => {
    if (!isPlainObject(value)) return wrongType(expected, value);
    for (const key of Object.keys(value)) {
      const shape = fields.get(key);
      if (!shape) return issue(`unknown_${kind}`, phrase("answers.unknownKey", { kind: phrase(`keyKinds.${kind}`), key: quote(key) }), keySegment(key));
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
export function arrayShape(item: Shape, maxLength: number, what: "row" | "panel"): Shape {
  return (value) => {
    if (!Array.isArray(value)) return wrongType(phrase("types.entryArray", { kind: phrase(`keyKinds.${what}`) }), value);
    if (value.length > maxLength) return issue(`too_many_${what}s`, phrase("answers.tooManyEntries", { max: maxLength, kind: phrase(`keyKinds.${what}`), got: value.length }));
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      // The form keeps a row or panel nobody filled in as `{}`, never as null.
      const found = isEmptyAnswer(entry) ? wrongType(phrase("types.entryObject", { kind: phrase(`keyKinds.${what}`) }), entry) : within(indexSegment(i), item(entry));
      if (found) return found;
    }
    return null;
  };
}

/** Single-choice matrix: `{ row: column }`, or `{ row: [columns] }` when `cellType` is "checkbox". */
export function matrixShape(rows: ReadonlySet<string>, columns: ReadonlySet<Scalar>, multi: boolean, exclusive: ReadonlySet<Scalar>): Shape {
  const cell: Shape = multi ? (value) => checkColumnList(value, columns, exclusive) : (value) => checkColumn(value, columns);
  const fields = new Map<string, Shape>([...rows].map((row) => [row, cell]));
  return objectShape(fields, "row", phrase("types.rowsObject"));
}

function checkColumn(value: unknown, columns: ReadonlySet<Scalar>): Issue | null {
  if (columns.has(value as Scalar)) return null;
  return issue("not_a_choice", phrase("answers.notAColumn", { value: quote(value) }));
}

function checkColumnList(value: unknown, columns: ReadonlySet<Scalar>, exclusive: ReadonlySet<Scalar>): Issue | null {
  if (!Array.isArray(value)) return wrongType(phrase("types.columnArray"), value);
  const seen = new Set<unknown>();
  for (let i = 0; i < value.length; i++) {
    const found = within(indexSegment(i), checkColumn(value[i], columns));
    if (found) return found;
    if (seen.has(value[i])) return issue("duplicate_choice", phrase("answers.duplicateChoice", { value: quote(value[i]) }), indexSegment(i));
    seen.add(value[i]);
    if (exclusive.has(value[i] as Scalar) && value.length > 1) {
      return issue("exclusive_choice", phrase("answers.exclusiveColumn", { value: quote(value[i]) }));
    }
  }
  return null;
}
