import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { readJsonBody, tooLarge } from "../lib/request-body.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
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
} from "../services/analysis/requests.js";

/** An analysis request is a few questions and population counts: 256 KiB is plenty. */
const ANALYSIS_BODY_LIMIT = 256 * 1024;

/**
 * /api/surveys/{name}/analysis/*: frequencies, crosstab, ratio and numeric summaries of
 * a survey's responses (researchers only). Each handler checks the body, has the
 * service compute the result, then writes it in the requested format.
 */
export function analysisRoutes(db: Db) {
  const guard = [researcherAuth(db), bodyLimit({ maxSize: ANALYSIS_BODY_LIMIT, onError: tooLarge(ANALYSIS_BODY_LIMIT) })] as const;
  return new Hono()
    .post("/:name/analysis/frequencies", ...guard, async (c) => {
      const body = await readJsonBody(c, frequenciesRequest);
      requireFormat(body.format);
      return writeAnalysis(c, body.format, await frequencyAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/crosstab", ...guard, async (c) => {
      const body = await readJsonBody(c, crosstabRequest);
      requireFormat(body.format);
      return writeAnalysis(c, body.format, await crosstabAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/ratio", ...guard, async (c) => {
      const body = await readJsonBody(c, ratioRequest);
      requireFormat(body.format);
      return writeAnalysis(c, body.format, await ratioAnalysis(db, c.req.param("name"), body));
    })
    .post("/:name/analysis/numeric", ...guard, async (c) => {
      const body = await readJsonBody(c, numericRequest);
      requireFormat(body.format);
      return writeAnalysis(c, body.format, await numericAnalysis(db, c.req.param("name"), body));
    });
}

/** The formats `writeAnalysis` can write so far. */
const AVAILABLE_FORMATS: ReadonlySet<AnalysisFormat> = new Set(["json"]);

/** 422 before any work when the format cannot be written yet. */
function requireFormat(format: AnalysisFormat): void {
  if (!AVAILABLE_FORMATS.has(format)) {
    throw new AppError("unprocessable", `format ${format} is not available yet; ask for json.`, [
      { question: "format", message: `format ${format} is not available yet` },
    ]);
  }
}

/** Writes a computed result in the requested format: the one place where chart and spreadsheet renderers plug in. */
function writeAnalysis(c: Context, format: AnalysisFormat, result: object) {
  requireFormat(format);
  return c.json(result);
}
