import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { qrPng, qrSvg } from "../lib/qr-code.js";
import { userText } from "../lib/user-text.js";
import { fieldText } from "../lib/zod-language.js";
import { actorOf } from "../middleware/audit-actor.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { cachedVersion } from "../questionnaire/version-cache.js";
import { CODE_PATTERN } from "../services/link-code.js";
import { createLink, getLink, type Link, linkUrl, listLinks, openLinks, setLinkClosed } from "../services/links.js";
import { getSurveyVersion } from "../services/surveys.js";
import { renderLinkCards } from "../web/link-cards.js";

const newLink = z
  .object({
    unit: userText(1, 100, "fields.unitText").openapi({ description: "The unit the link is for (1–100 characters, trimmed)", example: "朝阳区" }),
    label: userText(0, 100, "fields.labelText").nullable().optional().openapi({ description: "A note on the card (who hands it out, which level)", example: "街道党工委" }),
    level: userText(0, 100, "fields.levelText")
      .nullable()
      .optional()
      .openapi({ description: "The unit's administrative level, for the monitor's figures by level", example: "区" }),
    expected: z.number().int().min(0).max(100_000_000).nullable().optional().openapi({ description: "How many responses the unit is expected to send" }),
  })
  .strict();

const linkChange = z.object({ closed: z.boolean().openapi({ description: "true closes the link; false opens it again" }) }).strict();

const link = z.object({
  code: z.string().openapi({ example: "k3m9q2xz7a" }),
  url: z.string().openapi({ description: "The address respondents open: /s/{name}?c={code} on this server" }),
  unit: z.string(),
  label: z.string().nullable(),
  level: z.string().nullable().openapi({ description: 'The unit\'s level ("区", "街道"), or null' }),
  expected: z.number().int().nullable(),
  closedAt: z.string().nullable().openapi({ format: "date-time", description: "When it was closed, or null while it is open" }),
  createdAt: z.string().openapi({ format: "date-time" }),
});

const linkList = z.object({ links: z.array(link.extend({ responses: z.number().int().openapi({ description: "Responses that came through the link" }) })) });

export const linkParams = surveyParams.extend({
  code: z
    .string()
    .regex(CODE_PATTERN, { error: fieldText("fields.linkCode") })
    .openapi({ param: { name: "code", in: "path" }, description: "The link's code" }),
});

/** Only what the sheet itself holds: an inline style and the QR codes inline; no script at all. */
const CARDS_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** Whether a member limited to one unit may see this unit's link. */
const inScope = (c: Context, unit: string) => c.get("access").unit === null || c.get("access").unit === unit;

/** A link of the survey the caller may see: another unit's link is as absent as an unknown one. */
export async function scopedLink(c: Context, db: Db, name: string, code: string): Promise<Link> {
  const row = await getLink(db, name, code);
  if (!inScope(c, row.unit)) throw new AppError("not_found", phrase("links.notFound", { name, code }));
  return row;
}

/** The origin links point at: the one the request came to. */
export const originOf = (c: Context) => new URL(c.req.url).origin;

function present(c: Context, name: string, row: Link) {
  return {
    code: row.code,
    url: linkUrl(originOf(c), name, row.code),
    unit: row.unit,
    label: row.label,
    level: row.level,
    expected: row.expected,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** /api/surveys/{name}/links (researcher): collection links per unit, their QR codes and a printable sheet of cards. */
export function linkRoutes(db: Db) {
  const auth = researcherAuth(db);
  const common = { tags: ["links"], security: researcher };
  const create = createRoute({
    ...common,
    method: "post",
    path: "/{name}/links",
    summary: "Make a collection link for a unit",
    middleware: [auth, surveyAccess(db, "edit"), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(newLink, "The unit, an optional label and expected count") },
    responses: { 201: jsonResponse(link, "The new link"), ...problems(400, 401, 404, 422) },
  });
  const list = createRoute({
    ...common,
    method: "get",
    path: "/{name}/links",
    summary: "The survey's collection links, newest first, with their response counts",
    middleware: [auth, surveyAccess(db, "links")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(linkList, "Every link"), ...problems(400, 401, 404) },
  });
  const cards = createRoute({
    ...common,
    method: "get",
    path: "/{name}/links/cards",
    summary: "A printable sheet of cards, one per open link, with the unit's name and the QR code",
    middleware: [auth, surveyAccess(db, "links")] as const,
    request: { params: surveyParams },
    responses: { 200: fileResponse("An HTML page to print", ["text/html"]), ...problems(400, 401, 404) },
  });
  const change = createRoute({
    ...common,
    method: "patch",
    path: "/{name}/links/{code}",
    summary: "Close a link or open it again",
    middleware: [auth, surveyAccess(db, "edit"), readBodyAsJson] as const,
    request: { params: linkParams, body: jsonBody(linkChange, "closed: true or false") },
    responses: { 200: jsonResponse(link, "The link after the change"), ...problems(400, 401, 404, 422) },
  });
  const png = createRoute({
    ...common,
    method: "get",
    path: "/{name}/links/{code}/qr.png",
    summary: "The link's QR code as PNG",
    middleware: [auth, surveyAccess(db, "links")] as const,
    request: { params: linkParams },
    responses: { 200: fileResponse("The QR code", ["image/png"]), ...problems(400, 401, 404) },
  });
  const svg = createRoute({
    ...common,
    method: "get",
    path: "/{name}/links/{code}/qr.svg",
    summary: "The link's QR code as SVG",
    middleware: [auth, surveyAccess(db, "links")] as const,
    request: { params: linkParams },
    responses: { 200: fileResponse("The QR code", ["image/svg+xml"]), ...problems(400, 401, 404) },
  });
  return routeApp()
    .openapi(create, async (c) => {
      const name = c.req.valid("param").name;
      const input = c.req.valid("json");
      const scope = c.get("access").unit;
      if (scope !== null && input.unit !== scope) throw new AppError("forbidden", phrase("members.outOfScope", { unit: scope }));
      // An empty level (after trimming) is no level.
      return c.json(present(c, name, await createLink(db, name, { ...input, level: input.level || null }, actorOf(c.get("user")))), 201);
    })
    .openapi(list, async (c) => {
      const name = c.req.valid("param").name;
      const rows = (await listLinks(db, name)).filter((row) => inScope(c, row.unit));
      return c.json({ links: rows.map((row) => ({ ...present(c, name, row), responses: row.responses })) }, 200);
    })
    .openapi(cards, async (c) => {
      const name = c.req.valid("param").name;
      const lang = c.get("lang");
      // A new survey with nothing published has its name for a title until it has one.
      const survey = await getSurveyVersion(db, name).catch(() => null);
      const title = (survey && cachedVersion(survey.hash, survey.json).title[lang]) || name;
      const rows = (await openLinks(db, name)).filter((row) => inScope(c, row.unit));
      const made = await Promise.all(
        rows.map(async (row) => {
          const url = linkUrl(originOf(c), name, row.code);
          return { unit: row.unit, label: row.label, expected: row.expected, url, qrSvg: await qrSvg(url) };
        }),
      );
      return c.body(renderLinkCards(lang, title, made), 200, CARDS_HEADERS);
    })
    .openapi(change, async (c) => {
      const { name, code } = c.req.valid("param");
      await scopedLink(c, db, name, code);
      return c.json(present(c, name, await setLinkClosed(db, name, code, c.req.valid("json").closed, actorOf(c.get("user")))), 200);
    })
    .openapi(png, async (c) => {
      const { name, code } = c.req.valid("param");
      const row = await scopedLink(c, db, name, code);
      const bytes = await qrPng(linkUrl(originOf(c), name, row.code));
      return c.body(new Uint8Array(bytes), 200, { "content-type": "image/png", "cache-control": "no-store" });
    })
    .openapi(svg, async (c) => {
      const { name, code } = c.req.valid("param");
      const row = await scopedLink(c, db, name, code);
      const text = await qrSvg(linkUrl(originOf(c), name, row.code));
      return c.body(text, 200, { "content-type": "image/svg+xml; charset=utf-8", "x-content-type-options": "nosniff", "cache-control": "no-store" });
    });
}
