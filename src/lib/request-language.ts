import { AsyncLocalStorage } from "node:async_hooks";
import type { Language } from "../../i18n/language.js";

/**
 * The language of the request being handled, for code that has no Hono context: the request
 * schemas default an analysis's `lang` to it, so a body without `lang` is answered in the
 * reader's language while services stay free of HTTP. Undefined outside a request (CLI, tests).
 */
const storage = new AsyncLocalStorage<Language>();

/** Runs `work` (the rest of a request) with `lang` as its language. */
export function runInLanguage<T>(lang: Language, work: () => T): T {
  return storage.run(lang, work);
}

/** The current request's language, or undefined outside one. */
export function currentRequestLanguage(): Language | undefined {
  return storage.getStore();
}
