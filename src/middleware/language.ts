import type { MiddlewareHandler } from "hono";
import type { Language } from "../../i18n/language.js";
import { negotiateLanguage } from "../../i18n/negotiate.js";
import { runInLanguage } from "../lib/request-language.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The language this request is answered in (set by `requestLanguage()`). */
    lang: Language;
    /**
     * The signed-in user's chosen language. Nothing sets it yet: the session middleware,
     * when there is one, sets it before `requestLanguage()` runs, and it then beats
     * `Accept-Language` (but not `?lang=`).
     */
    sessionLanguage: Language | undefined;
  }
}

/**
 * Decides the request's language once (`?lang=`, the session, `Accept-Language`, else
 * Simplified Chinese) and sets `c.var.lang`; problem+json bodies and analysis results use it.
 */
export function requestLanguage(): MiddlewareHandler {
  return async (c, next) => {
    const lang = negotiateLanguage({
      query: c.req.query("lang"),
      session: c.get("sessionLanguage"),
      acceptLanguage: c.req.header("accept-language"),
    });
    c.set("lang", lang);
    await runInLanguage(lang, next);
  };
}
