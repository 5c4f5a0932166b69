import { Hono } from "hono";
import type { Context } from "hono";
import { isLanguage } from "../../i18n/language.js";
import type { Db } from "../db/client.js";
import { rememberLanguage } from "../middleware/language.js";
import { readSessionCookie } from "../middleware/session-cookie.js";
import { verifySession } from "../services/accounts/sessions.js";
import { renderWorkspacePage, workspaceBoot } from "../web/workspace-page.js";
import { workspaceAssets } from "../web/workspace-bundle.js";
import { pageHeaders } from "./pages.js";

/**
 * Stricter than the respondent page's: the workspace sets no inline style (Preact and vega
 * set styles through the CSSOM, which CSP allows), loads images only from here (QR codes).
 */
export const WORKSPACE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // The report builder previews a report's page (its own strict CSP, sandboxed) in an iframe.
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const headers = { ...pageHeaders, "content-security-policy": WORKSPACE_CSP, "cache-control": "no-store" };

/** `./` for `/`, `../../` for `/w/surveys/x`: the relative way back to the root. */
export function rootOf(path: string): string {
  const depth = path.split("/").length - 2;
  return depth > 0 ? "../".repeat(depth) : "./";
}

/** GET / and GET /w/...: the workspace for a signed-in account; else on to the sign-in page, and back here after it. */
export function workspaceRoutes(db: Db) {
  const page = async (c: Context) => {
    const lang = c.get("lang");
    if (isLanguage(c.req.query("lang"))) rememberLanguage(c, lang);
    const root = rootOf(c.req.path);
    const secret = readSessionCookie(c);
    const user = secret ? await verifySession(db, secret) : undefined;
    if (!user) {
      const next = c.req.path.startsWith("/w/") ? `?next=${encodeURIComponent(c.req.path.slice(1))}` : "";
      return c.redirect(`${root}login${next}`, 303);
    }
    const assets = await workspaceAssets();
    const boot = workspaceBoot(lang, root, { login: user.login, name: user.name, admin: user.admin });
    return c.body(renderWorkspacePage(boot, assets), 200, headers);
  };
  return new Hono().get("/", page).get("/w/*", page);
}
