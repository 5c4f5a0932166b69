/**
 * What JSON.parse lets through and the platform cannot keep: an object with the same key twice
 * (JSON.parse keeps the last silently, so the body hashed and checked is not the one sent),
 * nesting deeper than any questionnaire or answer needs (the canonical hash and the answer checks
 * recurse, and thousands of levels overflow the stack), U+0000 in a string (PostgreSQL's jsonb
 * refuses it) and lone UTF-16 surrogates such as "\ud800" (not text; jsonb refuses them too).
 */

import { hasForbiddenCharacters } from "./user-text.js";

/** Deeper than any questionnaire (pages, panels, dynamic panels, matrices) or answer set nests. */
export const MAX_JSON_DEPTH = 64;

/** One thing wrong, and where: a path such as `data.q1[2]` (empty for the whole body). */
export type JsonTextProblem =
  | { kind: "duplicate_key"; at: string; key: string }
  | { kind: "too_deep"; at: string; max: number }
  | { kind: "nul_character"; at: string }
  | { kind: "lone_surrogate"; at: string };

interface Frame {
  /** Keys seen so far (objects), or null (arrays). */
  keys: Set<string> | null;
  /** The current element's index (arrays) or key (objects). */
  position: number | string;
}

/**
 * The first problem in a JSON text that JSON.parse has already accepted, or null. One pass over
 * the text, no recursion, so any depth is safe to look at.
 * @example findJsonTextProblem('{"a":1,"a":2}') // { kind: "duplicate_key", at: "", key: "a" }
 */
export function findJsonTextProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextProblem | null {
  const stack: Frame[] = [];
  let expectKey = false;
  const where = (extra?: number | string) => pathText([...stack.slice(0, -1).map((f) => f.position), ...(extra === undefined ? [] : [extra])]);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{" || ch === "[") {
      stack.push({ keys: ch === "{" ? new Set() : null, position: ch === "{" ? "" : 0 });
      if (stack.length > maxDepth) return { kind: "too_deep", at: where(), max: maxDepth };
      expectKey = ch === "{";
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      expectKey = false;
    } else if (ch === ",") {
      const top = stack[stack.length - 1];
      if (top.keys) expectKey = true;
      else top.position = (top.position as number) + 1;
    } else if (ch === ":") {
      expectKey = false;
    } else if (ch === '"') {
      const end = stringEnd(text, i);
      const raw = text.slice(i, end + 1);
      const top = stack[stack.length - 1];
      const isKey = !!top?.keys && expectKey;
      if (isKey || raw.includes("\\u")) {
        const value = JSON.parse(raw) as string;
        const at = isKey ? where(value) : top ? where(top.position) : "";
        if (hasForbiddenCharacters(value)) return { kind: value.includes("\u0000") ? "nul_character" : "lone_surrogate", at };
        if (isKey && top.keys) {
          if (top.keys.has(value)) return { kind: "duplicate_key", at: where(), key: value };
          top.keys.add(value);
          top.position = value;
        }
      }
      i = end;
    }
  }
  return null;
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    let backslashes = 0;
    for (let j = quote - 1; text[j] === "\\"; j--) backslashes++;
    if (backslashes % 2 === 0) return quote;
    i = quote + 1;
  }
}

/** `data.q1[2]`: keys joined with dots, indices in brackets. */
function pathText(path: (number | string)[]): string {
  let out = "";
  for (const segment of path) out += typeof segment === "number" ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  return out;
}
