import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { phrase } from "../../i18n/phrase.js";
import { AppError } from "../errors.js";
import { readSessionCookie } from "./session-cookie.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether the browser says the request came from one of our own pages. `Sec-Fetch-Site`
 * when sent (every current browser), else `Origin` against the host the request was sent
 * to; neither header means no browser sent it (curl, a script), which no other site can
 * make carry the user's cookie.
 */
export function fromSameOrigin(c: Context): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = c.req.header("origin");
  if (origin === undefined) return true;
  if (origin === "null") return false;
  const host = c.req.header("x-forwarded-host")?.split(",")[0].trim() || c.req.header("host") || new URL(c.req.url).host;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Refuses (403) a state-changing request from another site when it carries a session
 * cookie, and always on the sign-in and setup forms (login CSRF). Bearer-token calls
 * without a cookie pass untouched: a browser never adds a token on its own.
 *
 * @param formPaths the form endpoints checked even without a cookie
 */
export function sameOrigin(formPaths: readonly string[]) {
  const forms = new Set(formPaths);
  return createMiddleware(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (readSessionCookie(c) === undefined && !forms.has(c.req.path)) return next();
    if (!fromSameOrigin(c)) throw new AppError("forbidden", phrase("accounts.crossSite"));
    await next();
  });
}
