import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "../middleware/body-limit.js";
import type { Db } from "../db/client.js";
import { actorOf } from "../middleware/audit-actor.js";
import { phrase } from "../../i18n/phrase.js";
import { AppError } from "../errors.js";
import { authenticate, hasCredentials, researcherAuth } from "../middleware/researcher-auth.js";
import { callerOf, surveyAccess } from "../middleware/survey-access.js";
import { allows, ROLES } from "../services/access/permissions.js";
import { findAccess, roleName } from "../services/access/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { MAX_INT4, jsonBody, jsonResponse, problems, researcher, surveyParams, versionQuery } from "../openapi/schemas.js";
import { SURVEY_STATUSES, updateSurveyLife } from "../services/survey-life.js";
import { canonicalTimeZone, isTimeZone } from "../lib/time-zone.js";
import { fieldText } from "../lib/zod-language.js";
import { TRADITIONAL_STANDARDS } from "../questionnaire/convert-chinese.js";
import { getSurveyVersion, isPublicVersion, listSurveys, missingVersion, publishSurvey } from "../services/surveys.js";

const QUESTIONNAIRE_LIMIT = 5 * 1024 * 1024;

const questionnaire = z.record(z.string(), z.unknown()).openapi({ description: "The questionnaire: SurveyJS JSON" });

const status = z.enum(SURVEY_STATUSES).openapi({ description: "draft: not answerable yet; open: taking answers; closed: no more answers" });

const publishBody = z.object({
  name: z.string().openapi({ example: "dangjian-innovation-2023" }),
  json: questionnaire,
  status: status.optional().openapi({ description: "A new survey's status (default open); an existing survey keeps its own" }),
});

const traditionalStandard = z
  .enum(TRADITIONAL_STANDARDS, { error: fieldText("fields.notOneOf", (i) => ({ input: String(i.input), values: [...TRADITIONAL_STANDARDS] })) })
  .openapi({ description: "The Traditional Chinese the survey's editors fill from Simplified (OpenCC): tw Taiwan, hk Hong Kong (default of a new survey: tw)" });

const life = z.object({
  name: z.string(),
  status,
  closesAt: z.string().nullable().openapi({ description: "When it stops taking answers (ISO 8601), or null" }),
  maxResponses: z.number().int().positive().nullable().openapi({ description: "How many responses it takes at most, or null" }),
  timeZone: z.string().openapi({ description: "The IANA time zone its days and times are read in (exports, monitor, day filters)" }),
  traditionalStandard,
});

const lifeChanges = z
  .object({
    status: status.optional(),
    closesAt: z.iso.datetime({ offset: true }).nullable().optional().openapi({ description: "ISO 8601 with an offset, or null to clear" }),
    maxResponses: z.number().int().positive().max(MAX_INT4).nullable().optional().openapi({ description: "A positive whole number, or null to clear" }),
    timeZone: z
      .string()
      .refine(isTimeZone, { error: fieldText("fields.timeZone", (issue) => ({ input: String(issue.input) })) })
      .transform(canonicalTimeZone)
      .optional()
      .openapi({ description: "An IANA time-zone name (default of a new survey: Asia/Shanghai)", example: "Asia/Urumqi" }),
    traditionalStandard: traditionalStandard.optional(),
  })
  .strict();

const published = z.object({ name: z.string(), version: z.number().int().positive(), created: z.boolean() });

const surveyList = z.object({
  surveys: z.array(
    z.object({
      name: z.string(),
      title: z.unknown().openapi({ description: "The questionnaire's title: a string, or texts by language" }),
      version: z
        .number()
        .int()
        .positive()
        .nullable()
        .openapi({ description: "The current version; null while a new survey has nothing published (its title is then its draft's)" }),
      status,
      closesAt: z.string().nullable(),
      maxResponses: z.number().int().positive().nullable(),
      timeZone: z.string(),
      traditionalStandard,
      role: z.enum(["admin", ...ROLES]).openapi({ description: "The caller's role on the survey (admin: an administrator)" }),
      unit: z.string().nullable().openapi({ description: "The one unit whose responses the caller sees, or null for all" }),
      responses: z.object({
        total: z.number().int(),
        complete: z.number().int(),
        partial: z.number().int(),
        today: z.number().int().openapi({ description: "Responses that arrived today (in the survey's time zone)" }),
      }),
      links: z.number().int().openapi({ description: "How many collection links the survey has" }),
    }),
  ),
});

const surveyVersion = z.object({ name: z.string(), version: z.number().int().positive(), json: questionnaire });

/** /api/surveys: list and publish (researcher), read a version (public: respondents need it). */
export function surveyRoutes(db: Db) {
  const auth = researcherAuth(db);
  const list = createRoute({
    method: "get",
    path: "/",
    summary: "The surveys you may read: name, title, current version, your role, response counts",
    tags: ["surveys"],
    security: researcher,
    middleware: [auth] as const,
    responses: { 200: jsonResponse(surveyList, "Every survey"), ...problems(401) },
  });
  const publish = createRoute({
    method: "post",
    path: "/",
    summary: "Create a survey, or publish a new version when the JSON changed",
    tags: ["surveys"],
    security: researcher,
    middleware: [auth, bodyLimit(QUESTIONNAIRE_LIMIT), readBodyAsJson] as const,
    request: { body: jsonBody(publishBody, "The survey's name and questionnaire") },
    responses: {
      200: jsonResponse(published, "The questionnaire is unchanged: the current version"),
      201: jsonResponse(published, "Created, or a new version published"),
      ...problems(400, 401, 403, 409, 413, 422),
    },
  });
  const read = createRoute({
    method: "get",
    path: "/{name}",
    summary: "A questionnaire version: public for the current version of an open survey, else for members",
    tags: ["surveys"],
    security: [{}, ...researcher],
    request: { params: surveyParams, query: z.object({ version: versionQuery }) },
    responses: { 200: jsonResponse(surveyVersion, "The questionnaire version"), ...problems(400, 401, 404) },
  });
  const patch = createRoute({
    method: "patch",
    path: "/{name}",
    summary: "Open, close or draft a survey; set or clear its closing time and response cap; set its time zone and its Traditional standard",
    description: "Opening a new survey whose draft was never published is a 409 naming `status`: it has no respondent page yet.",
    tags: ["surveys"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "edit"), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(lifeChanges, "What changes: status, closesAt, maxResponses, timeZone, traditionalStandard") },
    responses: { 200: jsonResponse(life, "The survey's life after the change"), ...problems(400, 401, 404, 409, 422) },
  });
  return routeApp()
    .openapi(list, async (c) => c.json({ surveys: await listSurveys(db, callerOf(c.get("user"))) }, 200))
    .openapi(publish, async (c) => {
      const body = c.req.valid("json");
      const user = c.get("user");
      // Publishing into an existing survey needs `edit` on it; a survey of someone else's is a name taken.
      const access = await findAccess(db, callerOf(user), body.name);
      if (access && !allows(access.role, "edit")) throw new AppError("forbidden", phrase("members.roleForbids", { name: body.name, role: roleName(access.role) }));
      const result = await publishSurvey(db, body.name, body.json, { status: body.status, owner: user.id ?? undefined, existing: access !== undefined, actor: actorOf(user) });
      return c.json({ name: result.name, version: result.version, created: result.created }, result.created ? 201 : 200);
    })
    .openapi(patch, async (c) => {
      const body = c.req.valid("json");
      const changes = {
        status: body.status,
        closesAt: body.closesAt === undefined ? undefined : body.closesAt === null ? null : new Date(body.closesAt),
        maxResponses: body.maxResponses,
        timeZone: body.timeZone,
        traditionalStandard: body.traditionalStandard,
      };
      const updated = await updateSurveyLife(db, c.req.valid("param").name, changes, actorOf(c.get("user")));
      return c.json({ ...updated, closesAt: updated.closesAt ? updated.closesAt.toISOString() : null }, 200);
    })
    .openapi(read, async (c) => {
      const { name } = c.req.valid("param");
      const version = c.req.valid("query").version;
      const survey = await getSurveyVersion(db, name, version).catch(async (err: unknown) => {
        // To a member, a new survey is one with nothing published yet; to anyone else it does not exist.
        if (!(err instanceof AppError && err.code === "not_found") || !hasCredentials(c)) throw err;
        const user = await authenticate(c, db);
        throw user && (await findAccess(db, callerOf(user), name)) ? await missingVersion(db, name, version) : err;
      });
      if (!(await isPublicVersion(db, survey))) {
        // Drafts, closed surveys and older versions are for members; to anyone else they do not exist.
        const user = hasCredentials(c) ? await authenticate(c, db) : undefined;
        if (!user || !(await findAccess(db, callerOf(user), name))) throw new AppError("not_found", phrase("surveys.notFound", { name }));
      }
      return c.json({ name: survey.name, version: survey.version, json: survey.json as Record<string, unknown> }, 200);
    });
}
