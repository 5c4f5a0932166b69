import { z } from "@hono/zod-openapi";
import type { SentenceKey } from "../../i18n/phrase.js";
import { fieldText } from "./zod-language.js";

/** True when the text holds a NUL character or a UTF-16 surrogate that is not half of a pair. */
export function hasForbiddenCharacters(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for.
  return /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/**
 * Text a user typed (a unit's name, a label): any Unicode, trimmed, `min` to `max` characters
 * (code points), never a NUL or a lone surrogate; every refusal says `key`.
 */
export function userText(min: number, max: number, key: SentenceKey & ("fields.unitText" | "fields.labelText" | "members.tokenLabel")) {
  const error = fieldText(key);
  return z
    .string({ error })
    .refine((text) => !hasForbiddenCharacters(text), { error })
    .transform((text) => text.trim())
    .refine((text) => [...text].length >= min && [...text].length <= max, { error });
}
