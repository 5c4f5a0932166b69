import { Hono } from "hono";
import type { Context } from "hono";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { cachedVersion } from "../questionnaire/version-cache.js";
import { closedReason, isFull } from "../services/survey-life.js";
import { getSurveyVersion } from "../services/surveys.js";
import { verifySession } from "../services/accounts/sessions.js";
import { findAccess } from "../services/access/survey-access.js";
import { readSessionCookie } from "../middleware/session-cookie.js";
import { words } from "../../i18n/words.js";
import { zonedMinute } from "../lib/time-zone.js";
import { type Asset, respondentAssets } from "../web/bundle.js";
import { workspaceAssets } from "../web/workspace-bundle.js";
import { renderNotFoundPage, renderRespondentPage, renderUnavailablePage } from "../web/template.js";
import { phrase } from "../../i18n/phrase.js";

/**
 * Only this origin: the page must work with no internet. Inline styles are allowed
 * because SurveyJS sets style attributes; data: images are its icons and the CSS's SVGs.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'self'",
].join("; ");

/** Headers of every server-rendered page: strict CSP, no sniffing, no referrer, always revalidated. */
export const pageHeaders = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // The page embeds the current version: always revalidate.
  "cache-control": "no-cache",
};

/** Whether the browser's session belongs to a member of the survey (or an administrator). */
async function isMember(c: Context, db: Db, name: string): Promise<boolean> {
  const secret = readSessionCookie(c);
  const user = secret ? await verifySession(db, secret) : undefined;
  return user !== undefined && (await findAccess(db, { userId: user.id, admin: user.admin }, name)) !== undefined;
}

/** GET /s/{name}: the respondent page; GET /assets/{file}: the content-hashed scripts and styles of the respondent page and the workspace. */
export function pageRoutes(db: Db) {
  return new Hono()
    .get("/s/:name", async (c) => {
      let survey;
      try {
        survey = await getSurveyVersion(db, c.req.param("name"));
      } catch (err) {
        if (err instanceof AppError && err.code === "not_found") return c.body(renderNotFoundPage(), 404, pageHeaders);
        throw err;
      }
      const lang = c.get("lang");
      const reason = closedReason(survey.life, new Date()) ?? ((await isFull(db, survey.surveyId, survey.life)) ? "full" : null);
      // A draft's page is a preview for its members (signed in); to everyone else it is not open.
      const preview = reason === "draft" && (await isMember(c, db, survey.name));
      if (reason && !preview) {
        const page = words(lang).page.unavailable;
        const text = reason === "pastClosing" ? page.pastClosing(zonedMinute((survey.life.closesAt ?? new Date()).getTime(), survey.life.timeZone)) : page[reason];
        const title = cachedVersion(survey.hash, survey.json).title[lang] || survey.name;
        // A draft is not public yet; a closed survey's page exists and says so.
        return c.body(renderUnavailablePage(lang, title, text), reason === "draft" ? 403 : 200, pageHeaders);
      }
      const assets = await respondentAssets();
      const title = cachedVersion(survey.hash, survey.json).title["zh-Hans"];
      const html = renderRespondentPage({ name: survey.name, version: survey.version, json: survey.json }, assets, title, preview ? words(lang).page.preview : undefined);
      return c.body(html, 200, pageHeaders);
    })
    .get("/assets/:file", async (c) => {
      const file = c.req.param("file");
      const asset = await findAsset(file);
      if (!asset) throw new AppError("not_found", phrase("http.noAsset", { file }));
      return sendAsset(c, asset);
    });
}

/** The built file of that name, building only the bundle it would belong to. */
async function findAsset(file: string): Promise<Asset | undefined> {
  if (file.startsWith("workspace")) return (await workspaceAssets()).files.get(file);
  const { script, style } = await respondentAssets();
  return [script, style].find((a) => a.file === file);
}

/** A hashed asset never changes under its name: cache it for a year, in the best encoding the client takes. */
function sendAsset(c: Context, asset: Asset) {
  const accepted = c.req.header("accept-encoding") ?? "";
  const [encoding, body] = /\bbr\b/.test(accepted) ? ["br", asset.br] : /\bgzip\b/.test(accepted) ? ["gzip", asset.gzip] : [undefined, asset.identity];
  const headers: Record<string, string> = {
    "content-type": asset.contentType,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
  };
  if (encoding) headers["content-encoding"] = encoding;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}
