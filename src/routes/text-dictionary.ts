import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { fieldText } from "../lib/zod-language.js";
import { actorOf } from "../middleware/audit-actor.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { readDictionary, saveDictionary } from "../services/text/dictionary.js";

const MAX_TERM = 40;
const MAX_TERMS = 5000;

const term = z
  .string()
  .max(MAX_TERM, { error: fieldText("text.termTooLong", () => ({ max: MAX_TERM })) })
  .refine((t) => t.trim().length > 0, { error: fieldText("text.termEmpty") })
  .refine((t) => !/[\t\r\n\u2028\u2029]/.test(t), { error: fieldText("text.termLines") });

const dictionaryBody = z.strictObject({
  terms: z
    .array(term)
    .max(MAX_TERMS, { error: fieldText("text.tooManyTerms", () => ({ max: MAX_TERMS })) })
    .openapi({
      description: "Terms that must stay one word when open answers are segmented, e.g. 三会一课, 党建指导员 (Simplified or Traditional)",
      example: ["三会一课", "党建指导员"],
    }),
});

const dictionary = z.object({
  terms: z.array(z.string()),
  stored: z.boolean().openapi({ description: "False while the survey uses the shipped domain terms (nothing saved yet)" }),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

/** GET/PUT /api/surveys/{name}/text/dictionary: the survey's terms for segmenting open answers. */
export function textDictionaryRoutes(db: Db) {
  const auth = researcherAuth(db);
  const read = createRoute({
    method: "get",
    path: "/{name}/text/dictionary",
    summary: "The terms open answers are segmented with (the shipped domain terms until one is saved)",
    tags: ["text"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(dictionary, "The dictionary"), ...problems(401, 404) },
  });
  const save = createRoute({
    method: "put",
    path: "/{name}/text/dictionary",
    summary: "Replace the survey's segmentation dictionary (owners, editors and analysts)",
    description: "Terms are kept as written (trimmed), in order; a repetition (also in the other script or case) is kept once.",
    tags: ["text"],
    security: researcher,
    middleware: [auth, surveyAccess(db, "code"), bodyLimit(1024 * 1024), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(dictionaryBody, "The whole list of terms") },
    responses: { 200: jsonResponse(dictionary, "Saved: the dictionary as stored"), ...problems(400, 401, 404, 413, 422) },
  });
  return routeApp()
    .openapi(read, async (c) => c.json(await readDictionary(db, c.get("access").surveyId), 200))
    .openapi(save, async (c) => c.json(await saveDictionary(db, c.get("access").surveyId, c.req.valid("json").terms, actorOf(c.get("user"))), 200));
}
