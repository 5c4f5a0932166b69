import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { phrase } from "../../i18n/phrase.js";
import { AppError } from "../errors.js";

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

const isSafe = (method: string) => SAFE_METHODS.has(method);

/** Throws 403 for a state-changing request that another site made the browser send. */
export function requireSameOrigin(c: Context) {
  if (!isSafe(c.req.method) && !fromSameOrigin(c)) throw new AppError("forbidden", phrase("accounts.crossSite"));
}

/**
 * Refuses (403) a state-changing request from another site on the given paths (the sign-in
 * and setup forms, the session calls: login CSRF). Researcher calls check the same when a
 * session cookie signs them in (`researcherAuth`); bearer-token calls need no check, as a
 * browser never adds a token on its own.
 *
 * @param paths the endpoints checked
 */
export function sameOrigin(paths: readonly string[]) {
  const checked = new Set(paths);
  return createMiddleware(async (c, next) => {
    if (checked.has(c.req.path)) requireSameOrigin(c);
    await next();
  });
}
