/**
 * zod speaks the request's language: its own messages ("Invalid input: expected string") through
 * zod's locales, and the platform's field messages through the catalogue. Outside a request (a
 * report definition read by the CLI, a test calling a schema) it speaks English, as the CLI does.
 */
import { z } from "zod";
import type { Language } from "../../i18n/language.js";
import { phrase, say, type PhraseArgs, type SentenceKey } from "../../i18n/phrase.js";
import { currentRequestLanguage } from "./request-language.js";

const LOCALES: Record<Language, ReturnType<typeof z.locales.en>> = {
  "zh-Hans": z.locales.zhCN(),
  "zh-Hant": z.locales.zhTW(),
  en: z.locales.en(),
};

/** The language a schema being parsed now speaks. */
export function parseLanguage(): Language {
  return currentRequestLanguage() ?? "en";
}

z.config({ localeError: (issue) => LOCALES[parseLanguage()].localeError(issue) });

/**
 * A schema's own message, said when the issue arises, in the language of the request.
 * @example z.string().min(1, { error: fieldText("fields.nameAQuestion") })
 * @example z.number({ error: fieldText("fields.outOfRange", (issue) => ({ input: String(issue.input) })) })
 */
export function fieldText<K extends SentenceKey>(key: K, params?: (issue: { input?: unknown }) => PhraseArgs<K>[0]): (issue: { input?: unknown }) => string {
  return (issue) => say(parseLanguage(), params ? phrase(key, ...([params(issue)] as PhraseArgs<K>)) : phrase(key, ...([] as unknown as PhraseArgs<K>)));
}
