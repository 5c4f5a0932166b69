import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { readJsonBody, tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import type { AnswerCheckers } from "../services/answer-checkers.js";
import { listResponses, submitResponse } from "../services/responses.js";
import { parseVersion } from "./surveys.js";

/** A response of a long questionnaire with its comments is a few tens of KiB; 1 MiB is generous. */
export const RESPONSE_BODY_LIMIT = 1024 * 1024;

const submission = z.object({
  id: z.uuid({ message: "must be a UUID made by the client once per response" }),
  data: z.record(z.string(), z.unknown(), { message: "must be an object of answers keyed by question name" }),
  complete: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

/** /api/surveys/{name}/responses: submit (respondents) and page through (researchers). */
export function responseRoutes(db: Db, checkers: AnswerCheckers) {
  return new Hono()
    .post("/:name/responses", bodyLimit({ maxSize: RESPONSE_BODY_LIMIT, onError: tooLarge(RESPONSE_BODY_LIMIT) }), async (c) => {
      const body = await readJsonBody(c, submission);
      const result = await submitResponse(db, checkers, c.req.param("name"), body);
      return c.json(result, result.outcome === "created" ? 201 : 200);
    })
    .get("/:name/responses", researcherAuth(db), async (c) => {
      const limitRaw = c.req.query("limit") ?? "100";
      const limit = Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new AppError("bad_request", "limit must be a whole number from 1 to 1000.", [{ question: "limit", message: `'${limitRaw}' is out of range` }]);
      }
      const completeRaw = c.req.query("complete");
      if (completeRaw !== undefined && completeRaw !== "true" && completeRaw !== "false") {
        throw new AppError("bad_request", "complete must be true or false.", [{ question: "complete", message: `'${completeRaw}' is not true or false` }]);
      }
      const page = await listResponses(db, c.req.param("name"), {
        limit,
        after: c.req.query("after"),
        complete: completeRaw === undefined ? undefined : completeRaw === "true",
        version: parseVersion(c.req.query("version")),
      });
      return c.json(page);
    });
}
