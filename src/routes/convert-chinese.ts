import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { fieldText } from "../lib/zod-language.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, jsonResponse, problems, researcher } from "../openapi/schemas.js";
import { fillSimplified, fillTraditional, TRADITIONAL_STANDARDS } from "../questionnaire/convert-chinese.js";
import { callerOf } from "../middleware/survey-access.js";
import { surveyStandard } from "../services/survey-standard.js";

const QUESTIONNAIRE_LIMIT = 5 * 1024 * 1024;
const DIRECTIONS = ["to-traditional", "to-simplified"] as const;

const questionnaire = z.record(z.string(), z.unknown()).openapi({ description: "The questionnaire: SurveyJS JSON" });
const oneOf = (values: readonly string[]) => fieldText("fields.notOneOf", (i) => ({ input: String(i.input), values: [...values] }));
const convertedList = z
  .array(z.string().max(10_000))
  .max(100_000)
  .openapi({ description: "Texts made by earlier conversions and not yet confirmed by a person: `<path>@<language>`, e.g. `question:level/title@zh-Hant`" });

const conversionBody = z.object({
  json: questionnaire,
  direction: z.enum(DIRECTIONS, { error: oneOf(DIRECTIONS) }).openapi({ description: "to-traditional: fill missing zh-Hant from zh-Hans; to-simplified: the reverse" }),
  standard: z
    .enum(TRADITIONAL_STANDARDS, { error: oneOf(TRADITIONAL_STANDARDS) })
    .optional()
    .openapi({
      description:
        "The Traditional standard: tw (Taiwan, with Taiwan's phrases: 软件 → 軟體; back to Simplified by characters only) or hk (Hong Kong). Absent: the standard of `survey`, else tw",
    }),
  survey: z.string().max(200).optional().openapi({ description: "The survey the questionnaire is a draft of (one you may read, else 404): its standard is the default" }),
  converted: convertedList.default([]),
});

const conversion = z.object({
  json: questionnaire,
  standard: z.enum(TRADITIONAL_STANDARDS).openapi({ description: "The standard the conversion followed" }),
  converted: convertedList,
  count: z.number().int().openapi({ description: "How many texts were written or changed" }),
});

/**
 * POST /api/questionnaires/convert-chinese (any signed-in researcher): fills the missing texts of
 * one Chinese script from the other with OpenCC. Nothing is stored: the editor keeps the list of
 * converted texts with its draft, and the standard is the survey's setting unless the call names one.
 */
export function convertChineseRoutes(db: Db) {
  const convert = createRoute({
    method: "post",
    path: "/convert-chinese",
    summary: "Fill every missing zh-Hant text from zh-Hans (or the reverse) with OpenCC, never overwriting a text a person wrote",
    tags: ["questionnaires"],
    security: researcher,
    middleware: [researcherAuth(db), bodyLimit(QUESTIONNAIRE_LIMIT), readBodyAsJson] as const,
    request: { body: jsonBody(conversionBody, "The questionnaire, the direction, the standard and the texts converted before") },
    responses: { 200: jsonResponse(conversion, "The questionnaire with the texts filled in, and the list of converted texts"), ...problems(400, 401, 404, 413, 422) },
  });
  return routeApp().openapi(convert, async (c) => {
    const { json, direction, converted, survey, ...asked } = c.req.valid("json");
    const standard = asked.standard ?? (survey === undefined ? "tw" : await surveyStandard(db, callerOf(c.get("user")), survey));
    const fill = direction === "to-traditional" ? fillTraditional : fillSimplified;
    return c.json({ ...fill(json, { standard, converted }), standard }, 200);
  });
}
