import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../db/client.js";
import { readJsonBody, tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { CHART_FORMATS, checkPresentation } from "../report/chart-choice.js";
import { presentContext } from "../report/context.js";
import { baseMeta, type AnalysisOutput } from "../report/meta.js";
import { resultFileName, writeResult } from "../report/present.js";
import { crosstabAnalysis } from "../services/analysis/crosstab.js";
import { frequencyAnalysis } from "../services/analysis/frequencies.js";
import { numericAnalysis } from "../services/analysis/numeric.js";
import { ratioAnalysis } from "../services/analysis/ratio.js";
import {
  crosstabRequest,
  frequenciesRequest,
  numericRequest,
  ratioRequest,
  type AnalysisFormat,
  type ChartKind,
} from "../services/analysis/requests.js";

/** An analysis request is a few questions and population counts: 256 KiB is plenty. */
const ANALYSIS_BODY_LIMIT = 256 * 1024;

/**
 * /api/surveys/{name}/analysis/*: frequencies, crosstab, ratio and numeric summaries of
 * a survey's responses (researchers only). Each handler checks the body (format and
 * chart included, before any work), has the service compute the result, then writes it
 * in the requested format: json, vega-lite, svg, png, xlsx or csv.
 */
export function analysisRoutes(db: Db) {
  const guard = [researcherAuth(db), bodyLimit({ maxSize: ANALYSIS_BODY_LIMIT, onError: tooLarge(ANALYSIS_BODY_LIMIT) })] as const;
  return new Hono()
    .post("/:name/analysis/frequencies", ...guard, async (c) => {
      const body = await readJsonBody(c, frequenciesRequest);
      const chart = checkPresentation("frequencies", body);
      return writeAnalysis(c, db, body, chart, await frequencyAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/crosstab", ...guard, async (c) => {
      const body = await readJsonBody(c, crosstabRequest);
      const chart = checkPresentation("crosstab", body);
      return writeAnalysis(c, db, body, chart, await crosstabAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/ratio", ...guard, async (c) => {
      const body = await readJsonBody(c, ratioRequest);
      const chart = checkPresentation("ratio", body);
      return writeAnalysis(c, db, body, chart, await ratioAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/numeric", ...guard, async (c) => {
      const body = await readJsonBody(c, numericRequest);
      const chart = checkPresentation("numeric", body);
      // A drawn histogram needs its bins counted by the service.
      const request = CHART_FORMATS.has(body.format) ? { ...body, chart } : body;
      return writeAnalysis(c, db, body, chart, await numericAnalysis(db, c.req.param("name"), request));
    });
}

interface Presentation {
  format: AnalysisFormat;
  scale?: number;
  width?: number;
}

/** Writes a computed result in the requested format: JSON as computed, or through the presentation layer. */
async function writeAnalysis(c: Context, db: Db, request: Presentation, chart: ChartKind, result: AnalysisOutput) {
  if (request.format === "json") return c.json(result);
  const ctx = await presentContext(db, result.survey, result.lang);
  const written = await writeResult(result, request.format, { chart, ctx, png: { scale: request.scale, width: request.width } });
  const name = resultFileName(result);
  const title = baseMeta(result, ctx, {}).title;
  const body = typeof written.body === "string" ? written.body : new Uint8Array(written.body);
  return c.body(body, 200, {
    "content-type": written.contentType,
    "content-disposition": attachmentHeader(`${name}.${written.extension}`, `${title}.${written.extension}`),
  });
}
