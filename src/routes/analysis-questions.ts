import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonResponse, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { listAnalysisQuestions } from "../services/analysis/question-list.js";

const category = z.looseObject({ value: z.union([z.string(), z.number(), z.boolean()]), label: z.string() });

const questionList = z
  .object({
    survey: z.string(),
    lang: z.string(),
    versions: z.array(z.number().int()).openapi({ description: "Published versions, newest first; analyses pool them by question name" }),
    questions: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        type: z.string(),
        kind: z.enum(["single", "multiple", "numeric", "other"]),
        numeric: z.boolean(),
        versions: z.array(z.number().int()),
        categories: z.array(category),
      }),
    ),
    units: z.array(z.string()).openapi({ description: "Collection units; a caller limited to one unit sees only that one" }),
  })
  .openapi("AnalysisQuestions");

/** GET /api/surveys/{name}/analysis/questions: what the analysis calls can take, for pickers. */
export function analysisQuestionRoutes(db: Db) {
  const route = createRoute({
    method: "get",
    path: "/{name}/analysis/questions",
    summary: "The questions an analysis can take (kind, title and categories in the request's language), the versions pooled and the units",
    tags: ["analysis"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(questionList, "The survey's analysable questions"), ...problems(400, 401, 404) },
  });
  return routeApp().openapi(route, async (c) => c.json(await listAnalysisQuestions(db, c.req.valid("param").name, c.get("lang"), c.get("access").unit), 200));
}
