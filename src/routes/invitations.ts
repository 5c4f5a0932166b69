import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { Db } from "../db/client.js";
import { quoteCsv, UTF8_BOM } from "../lib/csv.js";
import { fieldText } from "../lib/zod-language.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, queryChoice, queryParam, researcher } from "../openapi/schemas.js";
import { createInvitations, type Invitation, listInvitations, MAX_INVITATIONS } from "../services/invitations.js";
import { linkUrl } from "../services/links.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { linkParams, originOf, scopedLink } from "./links.js";

const countError = fieldText("links.invitationCount");

const invitation = z
  .object({
    code: z.string(),
    url: z.string().openapi({ description: "The address for this one respondent: /s/{name}?c={link}&i={code}" }),
    usedAt: z.string().nullable().openapi({ format: "date-time", description: "When a response first came with it, or null" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Invitation");

const listQuery = z.object({ format: queryParam(queryChoice(["json", "csv"], "json (default) or csv: code, url, used, for a mail merge").optional()) });

/** The address of one invitation: the link's, with the code. */
function invitationUrl(c: Context, name: string, link: string, code: string): string {
  return `${linkUrl(originOf(c), name, link)}&i=${encodeURIComponent(code)}`;
}

/**
 * /api/surveys/{name}/links/{code}/invitations: single-use codes for a link. Once a link has
 * any, a submission through it needs one (`"invitation"`), and each code carries one response.
 */
export function invitationRoutes(db: Db) {
  const auth = researcherAuth(db);
  const create = createRoute({
    method: "post",
    path: "/{name}/links/{code}/invitations",
    summary: "Make single-use invitation codes for a link (from then on it takes answers only with one)",
    tags: ["links"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "edit"), readBodyAsJson] as const,
    request: {
      params: linkParams,
      body: jsonBody(
        z.object({ count: z.number({ error: countError }).int({ error: countError }).min(1, { error: countError }).max(MAX_INVITATIONS, { error: countError }) }).strict(),
        "How many codes to make",
      ),
    },
    responses: { 201: jsonResponse(z.object({ invitations: z.array(invitation) }), "The new codes"), ...problems(400, 401, 404, 422) },
  });
  const list = createRoute({
    method: "get",
    path: "/{name}/links/{code}/invitations",
    summary: "A link's invitation codes, used or not (JSON, or CSV for a mail merge)",
    tags: ["links"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "links")] as const,
    request: { params: linkParams, query: listQuery },
    responses: {
      200: {
        description: "The codes",
        content: { "application/json": { schema: z.object({ invitations: z.array(invitation) }) }, "text/csv": { schema: { type: "string" as const } } },
      },
      ...problems(400, 401, 404),
    },
  });
  const shown = (c: Context, name: string, link: string, i: Invitation) => ({
    code: i.code,
    url: invitationUrl(c, name, link, i.code),
    usedAt: i.usedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  });
  return routeApp()
    .openapi(create, async (c) => {
      const { name, code } = c.req.valid("param");
      const link = await scopedLink(c, db, name, code);
      const made = await createInvitations(db, link, c.req.valid("json").count);
      return c.json({ invitations: made.map((i) => shown(c, name, link.code, i)) }, 201);
    })
    .openapi(list, async (c) => {
      const { name, code } = c.req.valid("param");
      const link = await scopedLink(c, db, name, code);
      const rows = (await listInvitations(db, link)).map((i) => shown(c, name, link.code, i));
      if (c.req.valid("query").format !== "csv") return c.json({ invitations: rows }, 200);
      // Codes and URLs are ours (letters, digits, URL characters): nothing a spreadsheet would run.
      const lines = [["code", "url", "used_at"], ...rows.map((r) => [r.code, r.url, r.usedAt ?? ""])].map((cells) => cells.map(quoteCsv).join(","));
      const csv = `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": attachmentHeader(`${name}-${link.code}-invitations.csv`, `${name}-${link.unit}-invitations.csv`),
      }) as never;
    });
}
