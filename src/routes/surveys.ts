import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { readJsonBody, tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { getSurveyVersion, listSurveys, publishSurvey } from "../services/surveys.js";

const QUESTIONNAIRE_LIMIT = 5 * 1024 * 1024;

const publishBody = z.object({
  name: z.string(),
  json: z.record(z.string(), z.unknown()),
});

/** /api/surveys: list and publish (researcher), read a version (public: respondents need it). */
export function surveyRoutes(db: Db) {
  const auth = researcherAuth(db);
  return new Hono()
    .get("/", auth, async (c) => c.json({ surveys: await listSurveys(db) }))
    .post("/", auth, bodyLimit({ maxSize: QUESTIONNAIRE_LIMIT, onError: tooLarge(QUESTIONNAIRE_LIMIT) }), async (c) => {
      const body = await readJsonBody(c, publishBody);
      const result = await publishSurvey(db, body.name, body.json);
      return c.json({ name: result.name, version: result.version, created: result.created }, result.created ? 201 : 200);
    })
    .get("/:name", async (c) => {
      const version = parseVersion(c.req.query("version"));
      const survey = await getSurveyVersion(db, c.req.param("name"), version);
      return c.json({ name: survey.name, version: survey.version, json: survey.json });
    });
}

/** `?version=N` as a positive integer, or undefined when absent. */
export function parseVersion(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) {
    throw new AppError("bad_request", "version must be a positive whole number.", [{ question: "version", message: `'${raw}' is not a version number` }]);
  }
  return Number(raw);
}
