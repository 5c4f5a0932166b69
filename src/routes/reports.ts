import { createRoute, z } from "@hono/zod-openapi";
import type { Db } from "../db/client.js";
import type { HeavyJobs } from "../jobs/index.js";
import { attachmentHeader } from "../lib/attachment-header.js";
import { toWebStream } from "../lib/web-stream.js";
import { bodyLimit } from "../middleware/body-limit.js";
import { heavyJob } from "../middleware/heavy-job.js";
import { researcherAuth } from "../middleware/researcher-auth.js";
import { surveyAccess } from "../middleware/survey-access.js";
import { readBodyAsJson } from "../openapi/json-label.js";
import { routeApp } from "../openapi/route-app.js";
import { fileResponse, jsonBody, jsonResponse, MAX_INT4, problems, researcher, surveyParams } from "../openapi/schemas.js";
import { reportFiles, zipReport } from "../report/bundle.js";
import { storedDefinition } from "../report/definition.js";
import { reportHtml } from "../report/html.js";
import type { ChartRenderer } from "../report/run.js";
import { runStoredReport } from "../services/reports/run-stored.js";
import { saveReport } from "../services/reports/save-report.js";
import { shareReport, unshareReport } from "../services/reports/share-report.js";
import { createReport, deleteReport, listReports, readReport } from "../services/reports/store.js";
import { REPORT_PAGE_HEADERS } from "./shared-report.js";

/** A report definition is a list of analyses and some prose: 1 MiB is plenty. */
const REPORT_BODY_LIMIT = 1024 * 1024;

const reportParams = surveyParams.extend({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/)
    .transform(Number)
    .refine((n) => n <= MAX_INT4)
    .openapi({ param: { name: "id", in: "path" }, description: "The report's id", example: "1" }),
});

const definition = z.record(z.string(), z.unknown()).openapi({ description: "The report definition, in the format `npm run cli -- report` reads (src/report/definition.ts)" });
const stored = z
  .object({
    id: z.number().int().positive(),
    revision: z.number().int().positive().openapi({ description: "Counts saves; a PUT names the revision it was based on" }),
    definition,
    shareToken: z.string().nullable().openapi({ description: "While the report is shared, its read-only address is /r/{shareToken}" }),
    updatedAt: z.string(),
  })
  .openapi("StoredReport");
const summary = z.object({
  id: z.number().int().positive(),
  revision: z.number().int().positive(),
  title: z.string(),
  lang: z.string(),
  analyses: z.number().int().nonnegative(),
  shared: z.boolean(),
  updatedAt: z.string(),
});
const saveBody = z.object({
  definition: storedDefinition,
  revision: z.number().int().positive().max(MAX_INT4).openapi({ description: "The revision the builder loaded" }),
});
const share = z.object({ token: z.string(), path: z.string().openapi({ description: "The read-only address below the platform's root, e.g. r/3Jx…" }) });

const tags = ["reports"];

/**
 * Reports stored with a survey (issue 14): several per survey, each a definition in the CLI's
 * format, saved with revisions (409 on a stale PUT). Owners, editors and analysts write them;
 * viewers read them, their HTML page and bundle, and their share link's page.
 */
export function storedReportRoutes(db: Db, jobs: HeavyJobs) {
  const auth = researcherAuth(db);
  const render: ChartRenderer = (spec, png) => jobs.pool.run("renderChart", { spec, png });
  const at = (method: "get" | "post" | "put" | "delete", path: string) => ({ method, path, tags, security: researcher });
  const list = createRoute({
    ...at("get", "/{name}/reports"),
    summary: "The survey's stored reports",
    middleware: [auth, surveyAccess(db, "analyse")] as const,
    request: { params: surveyParams },
    responses: { 200: jsonResponse(z.object({ reports: z.array(summary) }), "Every report, oldest first"), ...problems(401, 404) },
  });
  const create = createRoute({
    ...at("post", "/{name}/reports"),
    summary: "Store a new report from a definition (it may have no analyses yet)",
    description: "The definition's questions and its texts' placeholders are checked against the survey: a 422 names each bad field and nothing is stored.",
    middleware: [auth, surveyAccess(db, "reports"), bodyLimit(REPORT_BODY_LIMIT), readBodyAsJson] as const,
    request: { params: surveyParams, body: jsonBody(storedDefinition, "The report definition") },
    responses: { 201: jsonResponse(stored, "Stored, at revision 1"), ...problems(400, 401, 404, 413, 422) },
  });
  const read = createRoute({
    ...at("get", "/{name}/reports/{id}"),
    summary: "One stored report",
    middleware: [auth, surveyAccess(db, "analyse")] as const,
    request: { params: reportParams },
    responses: { 200: jsonResponse(stored, "The report"), ...problems(400, 401, 404) },
  });
  const save = createRoute({
    ...at("put", "/{name}/reports/{id}"),
    summary: "Save a report's definition over the revision you loaded: a stale revision is a 409 and nothing is overwritten",
    middleware: [auth, surveyAccess(db, "reports"), bodyLimit(REPORT_BODY_LIMIT), readBodyAsJson] as const,
    request: { params: reportParams, body: jsonBody(saveBody, "The definition and the revision it is based on") },
    responses: { 200: jsonResponse(stored, "Saved: the new revision"), ...problems(400, 401, 404, 409, 413, 422) },
  });
  const remove = createRoute({
    ...at("delete", "/{name}/reports/{id}"),
    summary: "Delete a stored report and its share link",
    middleware: [auth, surveyAccess(db, "reports")] as const,
    request: { params: reportParams },
    responses: { 204: { description: "Deleted" }, ...problems(400, 401, 404) },
  });
  const html = createRoute({
    ...at("get", "/{name}/reports/{id}/html"),
    summary: "The whole report as one HTML page, computed now from the responses you may see",
    description: "Self-contained (charts inlined as PNG), under a CSP that runs no script; it may be framed by the platform's own pages only.",
    middleware: [auth, surveyAccess(db, "analyse"), heavyJob(jobs.gate)] as const,
    request: { params: reportParams },
    responses: { 200: fileResponse("The report page", ["text/html"]), ...problems(400, 401, 404, 422, 429) },
  });
  const bundle = createRoute({
    ...at("get", "/{name}/reports/{id}/bundle"),
    summary: "The report bundle as a zip: report.html, report.xlsx, charts as PNG, SVG and vega-lite, definition.json",
    middleware: [auth, surveyAccess(db, "analyse"), heavyJob(jobs.gate)] as const,
    request: { params: reportParams },
    responses: { 200: fileResponse("The report bundle (an attachment)", ["application/zip"]), ...problems(400, 401, 404, 422, 429) },
  });
  const shareOn = createRoute({
    ...at("post", "/{name}/reports/{id}/share"),
    summary: "Make (or answer) the report's read-only address, for signed-in members of the survey with viewer rights or more",
    middleware: [auth, surveyAccess(db, "reports")] as const,
    request: { params: reportParams },
    responses: { 200: jsonResponse(share, "The report's read-only address"), ...problems(400, 401, 404) },
  });
  const shareOff = createRoute({
    ...at("delete", "/{name}/reports/{id}/share"),
    summary: "End the report's read-only address",
    middleware: [auth, surveyAccess(db, "reports")] as const,
    request: { params: reportParams },
    responses: { 204: { description: "No longer shared" }, ...problems(400, 401, 404) },
  });
  return routeApp()
    .openapi(list, async (c) => c.json({ reports: await listReports(db, c.get("access")) }, 200))
    .openapi(create, async (c) => c.json(await createReport(db, c.get("access"), c.req.valid("json"), c.get("user").id), 201))
    .openapi(read, async (c) => c.json(await readReport(db, c.get("access"), c.req.valid("param").id), 200))
    .openapi(save, async (c) => c.json(await saveReport(db, c.get("access"), c.req.valid("param").id, c.req.valid("json"), c.get("user").id), 200))
    .openapi(remove, async (c) => {
      await deleteReport(db, c.get("access"), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(html, async (c) => {
      const report = await runStoredReport(db, c.get("access"), c.req.valid("param").id, render);
      return c.body(reportHtml(report), 200, REPORT_PAGE_HEADERS);
    })
    .openapi(bundle, async (c) => {
      const { name, id } = c.req.valid("param");
      const report = await runStoredReport(db, c.get("access"), id, render);
      const zip = zipReport(await reportFiles(report));
      return c.body(toWebStream(zip), 200, {
        "content-type": "application/zip",
        "content-disposition": attachmentHeader(`${name}-report-${id}.zip`, `${report.definition.title}.zip`),
      });
    })
    .openapi(shareOn, async (c) => {
      const token = await shareReport(db, c.get("access"), c.req.valid("param").id);
      return c.json({ token, path: `r/${token}` }, 200);
    })
    .openapi(shareOff, async (c) => {
      await unshareReport(db, c.get("access"), c.req.valid("param").id);
      return c.body(null, 204);
    });
}
