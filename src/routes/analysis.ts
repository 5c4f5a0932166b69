import { createRoute, z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import { bodyLimit } from "../middleware/body-limit.js";
import type { Db } from "../db/client.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { jsonBody, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { CHART_FORMATS, checkPresentation, type AnalysisType } from "../report/chart-choice.js";
import { presentContext } from "../report/context.js";
import { baseMeta, type AnalysisOutput } from "../report/meta.js";
import { resultFileName, writeResult } from "../report/present.js";
import { crosstabAnalysis } from "../services/analysis/crosstab.js";
import { frequencyAnalysis } from "../services/analysis/frequencies.js";
import { numericAnalysis } from "../services/analysis/numeric.js";
import { ratioAnalysis } from "../services/analysis/ratio.js";
import { crosstabRequest, frequenciesRequest, numericRequest, ratioRequest, type AnalysisFormat, type ChartKind } from "../services/analysis/requests.js";
import { crosstabResult, frequenciesResult, numericResult, ratioResult, vegaLiteSpec } from "./analysis-results.js";

/** An analysis request is a few questions and population counts: 256 KiB is plenty. */
const ANALYSIS_BODY_LIMIT = 256 * 1024;

const FILE_TYPES = {
  "image/svg+xml": "format svg: the chart",
  "image/png": "format png: the chart",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "format xlsx: the table",
  "text/csv": "format csv: the table",
};

/** One analysis call: its request and its result in every format. */
function analysisRoute<T extends AnalysisType, Req extends z.ZodType, Res extends z.ZodType>(type: T, request: Req, result: Res, summary: string, guard: MiddlewareHandler[]) {
  return createRoute({
    method: "post",
    path: `/{name}/analysis/${type}` as `/{name}/analysis/${T}`,
    summary,
    tags: ["analysis"],
    security: researcher,
    middleware: guard,
    request: { params: surveyParams, body: jsonBody(request, `The ${type} request: questions, filter, weight and format`) },
    responses: {
      200: {
        description: "The result: JSON (format json), a vega-lite spec (format vega-lite), or a file (svg, png, xlsx, csv; an attachment)",
        content: {
          "application/json": { schema: z.union([result, vegaLiteSpec]) },
          ...Object.fromEntries(Object.entries(FILE_TYPES).map(([t, description]) => [t, { schema: { type: "string" as const, format: "binary", description } }])),
        },
      },
      ...problems(400, 401, 404, 413, 422),
    },
  });
}

function middleware(db: Db) {
  return [researcherAuth(db), surveyAccess(db, "analyse"), bodyLimit(ANALYSIS_BODY_LIMIT), readBodyAsJson];
}

/**
 * /api/surveys/{name}/analysis/*: frequencies, crosstab, ratio and numeric summaries of
 * a survey's responses (researchers only). The declared schema checks the body once
 * (format and chart included, before any work); the service computes the result from
 * that checked value; then it is written in the requested format: json, vega-lite, svg,
 * png, xlsx or csv.
 */
export function analysisRoutes(db: Db) {
  const guard = middleware(db);
  const frequencies = analysisRoute("frequencies", frequenciesRequest, frequenciesResult, "Frequency table of a choice question, with intervals", guard);
  const crosstab = analysisRoute("crosstab", crosstabRequest, crosstabResult, "Cross-tab of two questions: percentages, expected, residuals, tests", guard);
  const ratio = analysisRoute("ratio", ratioRequest, ratioResult, "Ratio of totals with standard error and interval, overall and per group", guard);
  const numeric = analysisRoute("numeric", numericRequest, numericResult, "Summary of a number question, overall or per group", guard);
  return routeApp()
    .openapi(frequencies, async (c) => {
      const body = c.req.valid("json");
      const chart = checkPresentation("frequencies", body);
      return writeAnalysis(c, db, body, chart, await frequencyAnalysis(db, c.req.valid("param").name, { ...body, scope: c.get("access").unit }));
    })
    .openapi(crosstab, async (c) => {
      const body = c.req.valid("json");
      const chart = checkPresentation("crosstab", body);
      return writeAnalysis(c, db, body, chart, await crosstabAnalysis(db, c.req.valid("param").name, { ...body, scope: c.get("access").unit }));
    })
    .openapi(ratio, async (c) => {
      const body = c.req.valid("json");
      const chart = checkPresentation("ratio", body);
      return writeAnalysis(c, db, body, chart, await ratioAnalysis(db, c.req.valid("param").name, { ...body, scope: c.get("access").unit }));
    })
    .openapi(numeric, async (c) => {
      const body = c.req.valid("json");
      const chart = checkPresentation("numeric", body);
      // A drawn histogram needs its bins counted by the service.
      const scoped = { ...body, scope: c.get("access").unit };
      const request = CHART_FORMATS.has(body.format) ? { ...scoped, chart } : scoped;
      return writeAnalysis(c, db, body, chart, await numericAnalysis(db, c.req.valid("param").name, request));
    });
}

interface Presentation {
  format: AnalysisFormat;
  scale?: number;
  width?: number;
}

/**
 * Writes a computed result in the requested format: JSON as computed, or through the
 * presentation layer. Typed as the route's declared JSON for the router: one response
 * type covers JSON and files alike, and the JSON is held to the declared schema at run
 * time when responses are checked (createApp's `checkResponses`).
 */
async function writeAnalysis(c: Context, db: Db, request: Presentation, chart: ChartKind, result: AnalysisOutput): Promise<Response & TypedResponse<never, 200, "json">> {
  if (request.format === "json") return c.json(result, 200) as never;
  const ctx = await presentContext(db, result.survey, result.lang);
  const written = await writeResult(result, request.format, { chart, ctx, png: { scale: request.scale, width: request.width } });
  const name = resultFileName(result);
  const title = baseMeta(result, ctx, {}).title;
  const body = typeof written.body === "string" ? written.body : new Uint8Array(written.body);
  return c.body(body, 200, {
    "content-type": written.contentType,
    "content-disposition": attachmentHeader(`${name}.${written.extension}`, `${title}.${written.extension}`),
  }) as never;
}
