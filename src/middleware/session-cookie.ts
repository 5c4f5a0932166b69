import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/** The session cookie's name. */
export const SESSION_COOKIE = "dj_session";

/**
 * Whether the browser reached us over https: the URL's scheme, or the first
 * `X-Forwarded-Proto` of a TLS-terminating proxy in front (a client that fakes it only
 * makes its own cookie stricter).
 */
export function overHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  return (c.req.header("x-forwarded-proto") ?? "").split(",")[0].trim().toLowerCase() === "https";
}

/** The session secret the request carries, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}

/**
 * Sets the session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), Path=/, Secure over https; it lives as long as the session may.
 */
export function writeSessionCookie(c: Context, secret: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: "Lax", path: "/", secure: overHttps(c), expires: expiresAt });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Lax", path: "/", secure: overHttps(c) });
}
