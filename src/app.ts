import { questionnaireRoutes, questionnaireXlsxRoutes } from "./routes/xlsform.js";
import { convertChineseRoutes } from "./routes/convert-chinese.js";
import { questionBankRoutes } from "./routes/question-bank.js";
import { OpenAPIHono } from "@hono/zod-openapi";
import { requestId } from "hono/request-id";
import type { Db, DatabaseKind } from "./db/client.js";
import { AppError, onError } from "./errors.js";
import { openApiDocument } from "./openapi/document.js";
import { checkResponses } from "./openapi/response-check.js";
import { validationHook } from "./openapi/validation-hook.js";
import { phrase } from "../i18n/phrase.js";
import { requestLanguage } from "./middleware/language.js";
import { sameOrigin } from "./middleware/same-origin.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { submitRateLimit, type SubmitRateLimit } from "./middleware/submit-rate-limit.js";
import { ACCOUNT_FORM_PATHS, accountPageRoutes } from "./routes/account-pages.js";
import { analysisRoutes } from "./routes/analysis.js";
import { textAnalysisRoutes } from "./routes/text-analysis.js";
import { textDictionaryRoutes } from "./routes/text-dictionary.js";
import { auditRoutes, surveyAuditRoutes } from "./routes/audit.js";
import { docsRoutes } from "./routes/docs.js";
import { draftRoutes, newSurveyRoutes, shippedRoutes } from "./routes/drafts.js";
import { exportRoutes } from "./routes/export.js";
import { healthRoutes } from "./routes/health.js";
import { importRoutes } from "./routes/import.js";
import { linkRoutes } from "./routes/links.js";
import { variableRoutes } from "./routes/variables.js";
import { liveAnalysisRoutes } from "./routes/analysis-live.js";
import { LiveResults } from "./services/analysis/live.js";
import { invitationRoutes } from "./routes/invitations.js";
import { memberRoutes } from "./routes/members.js";
import { monitorRoutes } from "./routes/monitor.js";
import { analysisQuestionRoutes } from "./routes/analysis-questions.js";
import { populationRoutes } from "./routes/populations.js";
import { pageRoutes } from "./routes/pages.js";
import { reportRoutes } from "./routes/report.js";
import { storedReportRoutes } from "./routes/reports.js";
import { sharedReportRoutes } from "./routes/shared-report.js";
import { responseRoutes } from "./routes/responses.js";
import { sessionRoutes } from "./routes/session.js";
import { surveyRoutes } from "./routes/surveys.js";
import { tokenRoutes } from "./routes/tokens.js";
import { userRoutes } from "./routes/users.js";
import { workspaceRoutes } from "./routes/workspace.js";
import { AnswerCheckers } from "./services/answer-checkers.js";
import { createHeavyJobs, type HeavyJobs } from "./jobs/index.js";

export interface AppDeps {
  db: Db;
  kind: DatabaseKind;
  /** Shared with start-up work (demo loading) so checkers are built once; made here if absent. */
  checkers?: AnswerCheckers;
  /**
   * Hold every response of a declared route to its declared status, content type and
   * JSON schema; a breach answers a logged 500. For tests: it reads JSON bodies twice.
   */
  checkResponses?: boolean;
  /** A per-client limit on submissions (SUBMIT_RATE_LIMIT); none when absent. */
  submitLimit?: SubmitRateLimit;
  /** Where reports, imports and exports run, and how many at once (HEAVY_JOBS); two at once when absent. */
  jobs?: HeavyJobs;
  /** Live analysis streams and their shared computations; made here (checking every 2.5 s) if absent. */
  live?: LiveResults;
}

/** Builds the whole HTTP app from its dependencies; tests hand in their own database. */
export function createApp({
  db,
  kind,
  checkers = new AnswerCheckers(),
  checkResponses: check = false,
  submitLimit,
  jobs = createHeavyJobs(2),
  live = new LiveResults(db),
}: AppDeps) {
  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.onError(onError);
  app.use(requestLanguage());
  app.notFound((c) => {
    throw new AppError("not_found", phrase("http.notFound", { method: c.req.method, path: c.req.path }));
  });
  // Every answer carries X-Request-Id; error bodies and 5xx log lines repeat it.
  app.use(requestId());
  app.use(securityHeaders());
  if (check) app.use(checkResponses(app.openAPIRegistry));
  // The sign-in forms and session calls must come from our own pages (researcher calls check in researcherAuth).
  app.use(sameOrigin([...ACCOUNT_FORM_PATHS, "/api/session"]));
  app.route("/", healthRoutes(kind));
  app.route("/", pageRoutes(db));
  app.route("/", accountPageRoutes(db));
  app.route("/", workspaceRoutes(db));
  app.route("/", sharedReportRoutes(db, jobs));
  app.route("/api/session", sessionRoutes(db));
  app.route("/api/users", userRoutes(db));
  app.route("/api/tokens", tokenRoutes(db));
  app.route("/api/surveys", newSurveyRoutes(db));
  app.route("/api/surveys", draftRoutes(db));
  app.route("/api/surveys", surveyRoutes(db));
  if (submitLimit) app.on("POST", "/api/surveys/:name/responses", submitRateLimit(submitLimit));
  // Reports and imports slow down while submissions arrive (src/jobs/pace.ts).
  app.on("POST", "/api/surveys/:name/responses", async (_c, next) => {
    jobs.pacer.noteForeground();
    await next();
  });
  app.route("/api/surveys", responseRoutes(db, checkers));
  app.route("/api/surveys", linkRoutes(db));
  app.route("/api/surveys", memberRoutes(db));
  app.route("/api/surveys", invitationRoutes(db));
  app.route("/api/surveys", exportRoutes(db, jobs));
  app.route("/api/surveys", importRoutes(db, checkers, jobs));
  app.route("/api/surveys", analysisQuestionRoutes(db));
  app.route("/api/surveys", analysisRoutes(db));
  app.route("/api/surveys", textAnalysisRoutes(db));
  app.route("/api/surveys", textDictionaryRoutes(db));
  app.route("/api/surveys", populationRoutes(db));
  app.route("/api/surveys", variableRoutes(db));
  app.route("/api/surveys", liveAnalysisRoutes(db, live));
  app.route("/api/surveys", reportRoutes(db, jobs));
  app.route("/api/surveys", storedReportRoutes(db, jobs));
  app.route("/api/surveys", monitorRoutes(db));
  app.route("/api/surveys", surveyAuditRoutes(db));
  app.route("/api/surveys", questionnaireXlsxRoutes(db));
  app.route("/api/questionnaires", questionnaireRoutes(db));
  app.route("/api/questionnaires", shippedRoutes(db));
  app.route("/api/questionnaires", convertChineseRoutes(db));
  app.route("/api/question-bank", questionBankRoutes(db));
  app.route("/api/audit", auditRoutes(db));
  app.route("/", docsRoutes(openApiDocument(app)));
  return app;
}
