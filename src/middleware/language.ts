import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { isLanguage, type Language } from "../../i18n/language.js";
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

/** The cookie that remembers the language a reader chose in a page (not HttpOnly: the workspace sets it). */
export const LANGUAGE_COOKIE = "dj_lang";

/** Remembers `lang` in this browser for a year (pages set it when asked with `?lang=`). */
export function rememberLanguage(c: Context, lang: Language) {
  if (getCookie(c, LANGUAGE_COOKIE) !== lang) setCookie(c, LANGUAGE_COOKIE, lang, { path: "/", sameSite: "Lax", maxAge: 365 * 24 * 3600 });
}

/**
 * Decides the request's language once (`?lang=`, the session, the `dj_lang` cookie,
 * `Accept-Language`, else Simplified Chinese) and sets `c.var.lang`; problem+json bodies and
 * analysis results use it.
 */
export function requestLanguage(): MiddlewareHandler {
  return async (c, next) => {
    const lang = negotiateLanguage({
      query: c.req.query("lang"),
      session: c.get("sessionLanguage"),
      cookie: cookieLanguage(c),
      acceptLanguage: c.req.header("accept-language"),
    });
    c.set("lang", lang);
    await runInLanguage(lang, next);
  };
}

function cookieLanguage(c: Context): Language | undefined {
  const value = getCookie(c, LANGUAGE_COOKIE);
  return isLanguage(value) ? value : undefined;
}
