import { createRoute, z } from "@hono/zod-openapi";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { AppError, fieldError, type FieldError } from "../errors.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { presentContext } from "../report/context.js";
import { writeKeywords } from "../report/keyword-present.js";
import { textRequest, type TextRequest } from "../services/text/keyword-request.js";
import { keywordAnalysis } from "../services/text/keywords.js";
import { vegaLiteSpec } from "./analysis-results.js";

const word = z.looseObject({ word: z.string(), display: z.string(), respondents: z.number(), share: z.number(), examples: z.array(z.string()) });

/** POST …/analysis/text, format json. */
export const textResult = z
  .looseObject({
    analysis: z.literal("text"),
    survey: z.string(),
    n: z.number(),
    missing: z.number(),
    notAsked: z.number(),
    words: z.array(word),
    phrases: z.array(word),
    groups: z
      .array(z.looseObject({ label: z.string(), n: z.number(), keywords: z.array(z.looseObject({ word: z.string(), g2: z.number(), p: z.number(), pHolm: z.number() })) }))
      .optional(),
  })
  .openapi("TextResult");

const FILE_TYPES = ["image/svg+xml", "image/png", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"];

/** POST /api/surveys/{name}/analysis/text: the keyword table of an open question. */
export function textAnalysisRoutes(db: Db) {
  const route = createRoute({
    method: "post",
    path: "/{name}/analysis/text",
    summary: "Keyword table of an open question: words and phrases by respondents, examples, and with `by` each group's over-represented words",
    tags: ["analysis", "text"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse"), bodyLimit(256 * 1024), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(textRequest, "The question, filter, by, weight, top, format and chart (bars or cloud)") },
    responses: {
      200: {
        description: "The result: JSON (format json), a vega-lite spec (format vega-lite), or a file (svg, png, xlsx, csv; an attachment)",
        content: {
          "application/json": { schema: z.union([textResult, vegaLiteSpec]) },
          ...Object.fromEntries(FILE_TYPES.map((t) => [t, { schema: { type: "string" as const, format: "binary" } }])),
        },
      },
      ...problems(400, 401, 404, 413, 422),
    },
  });
  return routeApp().openapi(route, async (c) => {
    const body = c.req.valid("json");
    checkTextPresentation(body);
    const { format, chart, scale, width, ...query } = body;
    const result = await keywordAnalysis(db, c.req.valid("param").name, { ...query, scope: c.get("access").unit });
    if (format === "json") return c.json(result, 200) as never;
    const ctx = await presentContext(db, result.survey, result.lang);
    const written = await writeKeywords(result, format, { chart: chart ?? "bars", ctx, png: { scale, width } });
    const name = `${result.survey}-${result.question.name}-text${chart === "cloud" ? "-cloud" : ""}`;
    const title = result.question.title;
    const bytes = typeof written.body === "string" ? written.body : new Uint8Array(written.body);
    return c.body(bytes, 200, {
      "content-type": written.contentType,
      "content-disposition": attachmentHeader(`${name}.${written.extension}`, `${title}.${written.extension}`),
    }) as never;
  });
}

/** PNG options only with format png, and not both at once: as the other analyses. */
function checkTextPresentation(request: TextRequest): void {
  const errors: FieldError[] = [];
  for (const field of ["scale", "width"] as const) {
    if (request[field] !== undefined && request.format !== "png") errors.push(fieldError(field, "png_only", phrase("report.pngOnly", { field, format: request.format })));
  }
  if (request.scale !== undefined && request.width !== undefined) errors.push(fieldError("width", "scale_or_width", phrase("report.scaleOrWidth")));
  if (errors.length > 0) throw new AppError("unprocessable", phrase("report.formatMismatch"), errors);
}
