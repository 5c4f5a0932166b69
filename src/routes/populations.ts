import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { fieldText } from "../lib/zod-language.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { population } from "../services/analysis/requests.js";
import { listPopulations, replacePopulations } from "../services/populations.js";
import { phrase, say } from "../../i18n/phrase.js";
import { parseLanguage } from "../lib/zod-language.js";

const frame = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: fieldText("fields.frameName") })
      .max(100, { error: fieldText("fields.frameName") })
      .openapi({ example: "宝鸡市社会组织类型" }),
    variable: z
      .string()
      .min(1, { error: fieldText("fields.nameAQuestion") })
      .max(200)
      .openapi({ description: "The question (or derived variable) whose categories the counts are of", example: "org_type" }),
    // The analysis schema is plain zod (src/services/analysis/requests.ts), which has no `.openapi` wherever it is
    // loaded before @hono/zod-openapi: its description stays in the frame's own.
    counts: population,
  })
  .openapi("PopulationFrame", { description: "A named population frame: `counts` gives the population count of each category of `variable`, by stored value" });

const frames = z
  .strictObject({
    populations: z
      .array(frame)
      .max(100)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((f, i) => {
          if (seen.has(f.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: say(parseLanguage(), phrase("fields.frameNameTwice", { name: f.name })) });
          seen.add(f.name);
        });
      }),
  })
  .openapi("PopulationFrames");

/**
 * /api/surveys/{name}/populations: population frames saved with the survey (researcher). Every
 * member who may analyse reads them; owners and analysts (those who may export, the analysis
 * roles beyond viewing) replace the list.
 */
export function populationRoutes(db: Db) {
  const list = createRoute({
    method: "get",
    path: "/{name}/populations",
    summary: "The survey's saved population frames, to weight an analysis to",
    tags: ["analysis"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(frames, "The frames in the order they were saved"), ...problems(400, 401, 404) },
  });
  const replace = createRoute({
    method: "put",
    path: "/{name}/populations",
    summary: "Replace the survey's population frames",
    tags: ["analysis"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "export"), bodyLimit(256 * 1024), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(frames, "Every frame of the survey: the list replaces the stored one") },
    responses: { 200: jsonResponse(frames, "The frames now stored"), ...problems(400, 401, 403, 404, 413, 422) },
  });
  return routeApp()
    .openapi(list, async (c) => c.json({ populations: await listPopulations(db, c.get("access").surveyId) }, 200))
    .openapi(replace, async (c) => c.json({ populations: await replacePopulations(db, c.get("access").surveyId, c.req.valid("json").populations) }, 200));
}
