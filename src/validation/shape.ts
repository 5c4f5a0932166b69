/**
 * The building blocks of answer-shape checks: what survey-core's own validation lets through
 * (wrong JSON types, values outside the choices, unknown keys) is caught by small functions
 * compiled once per questionnaire version.
 */
import { phrase, say, type Phrase, type Wording } from "../../i18n/phrase.js";

/** One finding inside an answer: `path` is relative to the question's value (`[2].age`, `.row1.col`). */
export interface Issue {
  path: string;
  code: string;
  /** English, for direct callers; `wording` says it in any language. */
  message: string;
  wording: Wording;
}

/** Checks one non-empty value; null when it fits. */
export type Shape = (value: unknown) => Issue | null;

/** JSON scalars a choice-based answer may hold. */
export type Scalar = string | number | boolean;

/** null and undefined mean "no answer" at every level. */
export function isEmptyAnswer(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function issue(code: string, wording: Wording, path = ""): Issue {
  return { code, message: say("en", wording), path, wording };
}

/** Prefixes a nested finding with the segment that leads to it. */
export function within(segment: string, found: Issue | null): Issue | null {
  return found === null ? null : { ...found, path: segment + found.path };
}

/** `.age` for plain keys, `["a.b"]` when the key would be ambiguous in a dotted path. */
export function keySegment(key: string): string {
  return /^[^\s.[\]"'`]+$/u.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

export function indexSegment(index: number): string {
  return `[${index}]`;
}

export function isScalar(value: unknown): value is Scalar {
  return typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));
}

/** A JSON object: an object literal, not an array, class instance or null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** "a string", "an array", ... for messages. */
export function typeName(value: unknown): string {
  return say("en", typeWording(value));
}

/** What a value is ("a string", "字符串"), in any language. */
export function typeWording(value: unknown): Phrase {
  if (value === null) return phrase("types.null");
  if (Array.isArray(value)) return phrase("types.array");
  return phrase(`types.${typeof value}`);
}

/** A value quoted for a message, cut short so a huge input cannot make a huge error body. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = typeName(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function wrongType(expected: Wording, value: unknown): Issue {
  return issue("wrong_type", phrase("answers.wrongType", { expected, got: typeWording(value) }));
}
