import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "../middleware/body-limit.js";
import type { Db } from "../db/client.js";
import { zonedDayStart } from "../lib/time-zone.js";
import { actorOf } from "../middleware/audit-actor.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { requireJsonBody } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, queryChoice, queryParam, researcher, surveyParams, versionNumber, versionQuery } from "../openapi/schemas.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { getResponse } from "../services/response-view.js";
import { deleteResponse, listResponses, submitResponse } from "../services/responses.js";
import { fieldText } from "../lib/zod-language.js";
import { ownRecord } from "../lib/own-record.js";

const outOfRange = fieldText("fields.outOfRange", (issue) => ({ input: String(issue.input) }));

/** A response of a long questionnaire with its comments is a few tens of KiB; 1 MiB is generous. */
export const RESPONSE_BODY_LIMIT = 1024 * 1024;

const submission = z.object({
  id: z.uuid({ error: fieldText("fields.responseId") }),
  data: ownRecord(z.unknown(), { error: fieldText("fields.responseData") }),
  complete: z.boolean().optional().openapi({ description: "false saves a partial response to continue later (default true)" }),
  version: versionNumber.optional().openapi({ description: "The questionnaire version answered (default: the current one)" }),
  link: z.string().max(100).optional().openapi({ description: "The code of the collection link the page was opened through (`?c=`): the response records its unit" }),
  invitation: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: "The single-use invitation code (`?i=`) of a link that hands them out: one response per code, continued under the same id" }),
});

const submitted = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  complete: z.boolean(),
  outcome: z.enum(["created", "repeat", "updated"]),
});

const storedResponse = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  complete: z.boolean(),
  unit: z.string().nullable().openapi({ description: "The unit of the collection link it came through, or null" }),
  data: z.unknown(),
  createdAt: z.string().openapi({ format: "date-time" }),
  updatedAt: z.string().openapi({ format: "date-time" }),
  completedAt: z.string().nullable().openapi({ format: "date-time" }),
});

const page = z.object({
  items: z.array(storedResponse),
  next: z.string().nullable().openapi({ description: "The `after` of the next page, or null on the last" }),
});

const oneResponse = storedResponse
  .extend({
    data: z.record(z.string(), z.unknown()).openapi({ description: "The answers as stored, keyed by data name" }),
    answers: z.array(
      z.object({
        name: z.string().openapi({ description: "The question's name" }),
        title: z.string().openapi({ description: "The question's title in the request's language" }),
        type: z.string().openapi({ description: "The SurveyJS question type", example: "radiogroup" }),
        value: z.unknown().openapi({ description: "The stored answer" }),
        text: z.string().openapi({ description: "The answer as a reader sees it: choice texts in the request's language" }),
      }),
    ),
  })
  .openapi("Response");

/** `from`/`to`: a day (`to` inclusive), checked here; the survey's time zone makes it instants. */
function surveyDay(description: string) {
  const notADay = fieldText("fields.notADay", (issue) => ({ input: String(issue.input) }));
  return queryParam(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return undefined;
        if (zonedDayStart(raw, "UTC")) return raw;
        ctx.addIssue({ code: "custom", message: notADay({ input: raw }) });
        return z.NEVER;
      })
      .openapi({ description, example: "2024-03-01" }),
  );
}

const responseParams = surveyParams.extend({
  id: z
    .uuid({ error: fieldText("fields.notAResponseId", (issue) => ({ input: String(issue.input) })) })
    .openapi({ param: { name: "id", in: "path" }, description: "The response's id" }),
});

const pageQuery = z.object({
  limit: queryParam(
    z.coerce
      .number({ error: outOfRange })
      .int({ error: outOfRange })
      .min(1, { error: outOfRange })
      .max(1000, { error: outOfRange })
      .default(100)
      .openapi({ description: "Responses per page, 1 to 1000" }),
  ),
  after: z.string().optional().openapi({ description: "The `next` cursor of the previous page" }),
  complete: queryParam(queryChoice(["true", "false"], "Only complete (true) or only partial (false) responses").optional()),
  version: versionQuery,
  unit: queryParam(z.string().max(100).optional().openapi({ description: "Only responses of this unit (exact name)", example: "朝阳区" })),
  from: surveyDay("Only responses stored on or after this day in the survey's time zone (YYYY-MM-DD)"),
  to: surveyDay("Only responses stored on or before this day in the survey's time zone (YYYY-MM-DD, inclusive)"),
});

/** /api/surveys/{name}/responses: submit (respondents) and page through (researchers). */
export function responseRoutes(db: Db, checkers: AnswerCheckers) {
  const submit = createRoute({
    method: "post",
    path: "/{name}/responses",
    summary: "Submit a response (respondents); safe to retry under the same id",
    tags: ["responses"],
    middleware: [bodyLimit(RESPONSE_BODY_LIMIT), requireJsonBody] as const,
    request: { params: surveyParams, body: jsonBody(submission, "The answers, under an id the client made") },
    responses: {
      200: jsonResponse(submitted, "The same id and body again, or a partial response continued"),
      201: jsonResponse(submitted, "Stored"),
      ...problems(400, 403, 404, 409, 413, 415, 422, 429),
    },
  });
  const list = createRoute({
    method: "get",
    path: "/{name}/responses",
    summary: "Page through stored responses, newest first",
    tags: ["responses"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "responses")] as const,
    request: { params: surveyParams, query: pageQuery },
    responses: { 200: jsonResponse(page, "One page"), ...problems(400, 401, 404) },
  });
  const one = createRoute({
    method: "get",
    path: "/{name}/responses/{id}",
    summary: "One response in full, with its questionnaire's titles and labelled answers in the request's language",
    tags: ["responses"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "responses")] as const,
    request: { params: responseParams },
    responses: { 200: jsonResponse(oneResponse, "The response"), ...problems(400, 401, 404) },
  });
  const remove = createRoute({
    method: "delete",
    path: "/{name}/responses/{id}",
    summary: "Delete a response; its id is refused (409) if it is sent again; audited",
    tags: ["responses"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "edit")] as const,
    request: { params: responseParams },
    responses: { 204: { description: "Deleted" }, ...problems(400, 401, 404) },
  });
  return routeApp()
    .openapi(submit, async (c) => {
      const result = await submitResponse(db, checkers, c.req.valid("param").name, c.req.valid("json"));
      return c.json(result, result.outcome === "created" ? 201 : 200);
    })
    .openapi(list, async (c) => {
      const query = c.req.valid("query");
      const result = await listResponses(db, c.req.valid("param").name, {
        limit: query.limit,
        after: query.after,
        complete: query.complete === undefined ? undefined : query.complete === "true",
        version: query.version,
        unit: query.unit,
        fromDay: query.from,
        toDay: query.to,
        scope: c.get("access").unit,
      });
      return c.json(result, 200);
    })
    .openapi(one, async (c) => {
      const { name, id } = c.req.valid("param");
      const view = await getResponse(db, name, id, c.get("lang"), c.get("access").unit);
      return c.json({ ...view, createdAt: view.createdAt.toISOString(), updatedAt: view.updatedAt.toISOString(), completedAt: view.completedAt?.toISOString() ?? null }, 200);
    })
    .openapi(remove, async (c) => {
      const { name, id } = c.req.valid("param");
      await deleteResponse(db, name, id, actorOf(c.get("user")), c.get("access").unit);
      return c.body(null, 204);
    });
}
