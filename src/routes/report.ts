import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "../middleware/body-limit.js";
import type { Db } from "../db/client.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { toWebStream } from "../lib/web-stream.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, jsonBody, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { reportFiles, zipReport } from "../report/bundle.js";
import { reportRequest } from "../report/definition.js";
import { runReport } from "../report/run.js";
import { loadQuestionnaire } from "../services/questionnaires.js";
import type { HeavyJobs } from "../jobs/index.js";
import { heavyJob } from "../middleware/heavy-job.js";

/** A report definition is a list of analyses: 1 MiB is plenty. */
const REPORT_BODY_LIMIT = 1024 * 1024;

/**
 * POST /api/surveys/{name}/report (researchers): runs a report definition
 * `{ title?, subtitle?, description?, lang?, labels?, analyses: [...] }` and answers the
 * bundle as a zip: report.html, report.xlsx, charts/NN-name.{png,svg,vl.json} and
 * definition.json — what `npm run cli -- report` writes into a folder.
 */
export function reportRoutes(db: Db, jobs: HeavyJobs) {
  const route = createRoute({
    method: "post",
    path: "/{name}/report",
    summary: "Run a report definition; answers the bundle (page, workbook, charts) as a zip",
    tags: ["report"],
    security: researcher,
    middleware: [researcherAuth(db), surveyAccess(db, "analyse"), heavyJob(jobs.gate), bodyLimit(REPORT_BODY_LIMIT), readBodyAsJson],
    request: { params: surveyParams, body: jsonBody(reportRequest, "The report definition: a title and a list of analyses, each with its own title") },
    responses: { 200: fileResponse("The report bundle (an attachment)", ["application/zip"]), ...problems(400, 401, 404, 413, 422, 429) },
  });
  return routeApp().openapi(route, async (c) => {
    const name = c.req.valid("param").name;
    const body = c.req.valid("json");
    const title = body.title ?? ((await loadQuestionnaire(db, name)).questionnaire.title[body.lang] || name);
    const report = await runReport(
      db,
      name,
      { ...body, title },
      { scope: c.get("access").unit, render: (spec, png) => jobs.pool.run("renderChart", { spec, png }), pace: jobs.pacer.start() },
    );
    const zip = zipReport(await reportFiles(report));
    return c.body(toWebStream(zip), 200, {
      "content-type": "application/zip",
      "content-disposition": attachmentHeader(`${name}-report.zip`, `${title}.zip`),
    });
  });
}
