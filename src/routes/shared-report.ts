import { Hono } from "hono";
import type { Db } from "../db/client.js";
import type { HeavyJobs } from "../jobs/index.js";
import { heavyJob } from "../middleware/heavy-job.js";
import { readSessionCookie } from "../middleware/session-cookie.js";
import { reportHtml } from "../report/html.js";
import { surveyAccess } from "../services/access/survey-access.js";
import { verifySession } from "../services/accounts/sessions.js";
import { runStoredReport } from "../services/reports/run-stored.js";
import { findSharedReport } from "../services/reports/share-report.js";
import { rootOf } from "./workspace.js";

/**
 * A report page runs no script and loads nothing: its styles are inline, its charts data URLs.
 * `sandbox` keeps it inert even where it is framed; `frame-ancestors 'self'` lets the report
 * builder preview it in an iframe and no other site frame it.
 */
export const REPORT_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  "sandbox",
].join("; ");

/** Headers of a report page: its own CSP, never cached (it is computed from the data of now). */
export const REPORT_PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": REPORT_PAGE_CSP,
  "x-frame-options": "SAMEORIGIN",
  "cache-control": "no-store",
};

/**
 * GET /r/{token}: a shared report's read-only page. The token only finds the report; the reader
 * must be signed in (else on to the sign-in page and back) and a member of its survey with any
 * role, and sees it over the responses their unit scope allows. Anyone else gets the same 404 as
 * for a token that never was.
 */
export function sharedReportRoutes(db: Db, jobs: HeavyJobs) {
  return new Hono().get("/r/:token", heavyJob(jobs.gate), async (c) => {
    const secret = readSessionCookie(c);
    const user = secret ? await verifySession(db, secret) : undefined;
    if (!user) return c.redirect(`${rootOf(c.req.path)}login?next=${encodeURIComponent(c.req.path.slice(1))}`, 303);
    const shared = await findSharedReport(db, c.req.param("token"));
    const access = await surveyAccess(db, { userId: user.id, admin: user.admin }, shared.survey, "analyse");
    const report = await runStoredReport(db, access, shared.id, (spec, png) => jobs.pool.run("renderChart", { spec, png }));
    return c.body(reportHtml(report), 200, REPORT_PAGE_HEADERS);
  });
}
