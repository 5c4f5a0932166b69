import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { fieldText } from "../lib/zod-language.js";
import { userText } from "../lib/user-text.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { listMembers, type Member, putMember, removeMember } from "../services/access/members.js";
import { ROLES } from "../services/access/permissions.js";
import { loginField } from "./users.js";

const role = z.enum(ROLES, { error: fieldText("members.roleRule") }).openapi({
  description:
    "owner: everything, members and deletion included; editor: questionnaire, collection points, responses; analyst: analysis, reports, raw exports; viewer: analysis results and reports",
});

const member = z
  .object({
    login: z.string(),
    name: z.string(),
    role,
    unit: z.string().nullable().openapi({ description: "The one unit whose responses the member sees, or null for all" }),
    addedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Member");

const memberChange = z
  .object({
    role,
    unit: userText(1, 100, "fields.unitText")
      .nullable()
      .optional()
      .openapi({ description: "Limit the member to one unit's responses (e.g. 朝阳区); null or absent: all", example: "朝阳区" }),
  })
  .strict();

const memberParams = surveyParams.extend({
  login: loginField.openapi({ param: { name: "login", in: "path" }, description: "The account's login" }),
});

const shown = (m: Member) => ({ ...m, addedAt: m.addedAt.toISOString() });

/** /api/surveys/{name}/members: who works on a survey, as what (owners and administrators). */
export function memberRoutes(db: Db) {
  const guard = [researcherAuth(db), surveyAccess(db, "manage")];
  const list = createRoute({
    method: "get",
    path: "/{name}/members",
    summary: "The survey's members with their roles and units",
    tags: ["members"],
    security: researcher,
    middleware: [...guard] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(z.object({ members: z.array(member) }), "The members, owners first"), ...problems(401, 404) },
  });
  const put = createRoute({
    method: "put",
    path: "/{name}/members/{login}",
    summary: "Make an account a member, or change its role and unit",
    tags: ["members"],
    security: researcher,
    middleware: [...guard, readBodyAsJson] as const,
    request: { params: memberParams, body: jsonBody(memberChange, "The role, and optionally one unit") },
    responses: { 200: jsonResponse(member, "The member as it is now"), ...problems(400, 401, 404, 409, 422) },
  });
  const remove = createRoute({
    method: "delete",
    path: "/{name}/members/{login}",
    summary: "Take an account off the survey",
    tags: ["members"],
    security: researcher,
    middleware: [...guard] as const,
    request: { params: memberParams },
    responses: { 204: { description: "Removed" }, ...problems(400, 401, 404, 409) },
  });
  return routeApp()
    .openapi(list, async (c) => c.json({ members: (await listMembers(db, c.get("access").surveyId)).map(shown) }, 200))
    .openapi(put, async (c) => {
      const body = c.req.valid("json");
      return c.json(shown(await putMember(db, c.get("access"), c.req.valid("param").login, { role: body.role, unit: body.unit ?? null })), 200);
    })
    .openapi(remove, async (c) => {
      await removeMember(db, c.get("access"), c.req.valid("param").login);
      return c.body(null, 204);
    });
}
