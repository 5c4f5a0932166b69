import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { fieldText } from "../lib/zod-language.js";
import { administratorsOnly, researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems, queryParam, researcher, surveyParams } from "../openapi/schemas.js";
import { type AuditEvent, listAudit } from "../services/audit.js";

const outOfRange = fieldText("fields.outOfRange", (issue) => ({ input: String(issue.input) }));
const notACursor = fieldText("fields.notACursor", (issue) => ({ input: String(issue.input) }));

const auditQuery = z.object({
  limit: queryParam(
    z.coerce
      .number({ error: outOfRange })
      .int({ error: outOfRange })
      .min(1, { error: outOfRange })
      .max(500, { error: outOfRange })
      .default(50)
      .openapi({ description: "Events per page, 1 to 500" }),
  ),
  before: queryParam(
    z
      .string()
      .regex(/^[1-9][0-9]{0,15}$/, { error: notACursor })
      .transform(Number)
      .optional()
      .openapi({ description: "The `next` of the previous page: only older events" }),
  ),
});

const auditPage = z
  .object({
    events: z.array(
      z.object({
        id: z.number().int(),
        at: z.string().openapi({ format: "date-time" }),
        actor: z
          .object({ login: z.string().nullable(), name: z.string() })
          .nullable()
          .openapi({ description: "The account that acted; a legacy token has login null and its label as name; null is the platform itself" }),
        action: z.string().openapi({ example: "survey.publish" }),
        survey: z.string().nullable().openapi({ description: "The survey's name, or null" }),
        details: z.record(z.string(), z.unknown()).openapi({ description: "What the action was about; never passwords, tokens or answers" }),
      }),
    ),
    next: z.string().nullable().openapi({ description: "The `before` of the next page, or null on the last" }),
  })
  .openapi("AuditPage");

function shown(page: { events: AuditEvent[]; next: number | null }) {
  return { events: page.events.map((e) => ({ ...e, at: e.at.toISOString() })), next: page.next === null ? null : String(page.next) };
}

/** GET /api/surveys/{name}/audit (researcher): the survey's audit log, newest first. */
export function surveyAuditRoutes(db: Db) {
  const route = createRoute({
    method: "get",
    path: "/{name}/audit",
    summary: "The survey's audit log, newest first: publishing, life changes, links, exports, imports, deletions",
    tags: ["audit"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "manage")] as const,
    request: { params: surveyParams, query: auditQuery },
    responses: { 200: jsonResponse(auditPage, "One page of events"), ...problems(400, 401, 404) },
  });
  return routeApp().openapi(route, async (c) => {
    const query = c.req.valid("query");
    return c.json(shown(await listAudit(db, { limit: query.limit, before: query.before, surveyId: c.get("access").surveyId })), 200);
  });
}

/** GET /api/audit (administrators): every event, newest first. */
export function auditRoutes(db: Db) {
  const route = createRoute({
    method: "get",
    path: "/",
    summary: "The whole audit log, newest first (administrators only)",
    tags: ["audit"],
    security: researcher,
    middleware: [researcherAuth(db), administratorsOnly] as const,
    request: { query: auditQuery },
    responses: { 200: jsonResponse(auditPage, "One page of events"), ...problems(400, 401, 403) },
  });
  return routeApp().openapi(route, async (c) => {
    const query = c.req.valid("query");
    return c.json(shown(await listAudit(db, { limit: query.limit, before: query.before })), 200);
  });
}
