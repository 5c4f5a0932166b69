import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../db/client.js";
import { tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { requireJsonBody } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, queryChoice, queryParam, researcher, surveyParams, versionNumber, versionQuery } from "../openapi/schemas.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { listResponses, submitResponse } from "../services/responses.js";
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

const page = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int().positive(),
      complete: z.boolean(),
      unit: z.string().nullable().openapi({ description: "The unit of the collection link it came through, or null" }),
      data: z.unknown(),
      createdAt: z.string().openapi({ format: "date-time" }),
      updatedAt: z.string().openapi({ format: "date-time" }),
      completedAt: z.string().nullable().openapi({ format: "date-time" }),
    }),
  ),
  next: z.string().nullable().openapi({ description: "The `after` of the next page, or null on the last" }),
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
});

/** /api/surveys/{name}/responses: submit (respondents) and page through (researchers). */
export function responseRoutes(db: Db, checkers: AnswerCheckers) {
  const submit = createRoute({
    method: "post",
    path: "/{name}/responses",
    summary: "Submit a response (respondents); safe to retry under the same id",
    tags: ["responses"],
    middleware: [bodyLimit({ maxSize: RESPONSE_BODY_LIMIT, onError: tooLarge(RESPONSE_BODY_LIMIT) }), requireJsonBody] as const,
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
        scope: c.get("access").unit,
      });
      return c.json(result, 200);
    });
}
