import { Hono } from "hono";
import { phrase } from "../i18n/phrase.js";
import type { Db, DatabaseKind } from "./db/client.js";
import { AppError, onError } from "./errors.js";
import { requestLanguage } from "./middleware/language.js";
import { analysisRoutes } from "./routes/analysis.js";
import { exportRoutes } from "./routes/export.js";
import { healthRoutes } from "./routes/health.js";
import { importRoutes } from "./routes/import.js";
import { pageRoutes } from "./routes/pages.js";
import { reportRoutes } from "./routes/report.js";
import { responseRoutes } from "./routes/responses.js";
import { surveyRoutes } from "./routes/surveys.js";
import { AnswerCheckers } from "./services/answer-checkers.js";

export interface AppDeps {
  db: Db;
  kind: DatabaseKind;
  /** Shared with start-up work (demo loading) so checkers are built once; made here if absent. */
  checkers?: AnswerCheckers;
}

/** Builds the whole HTTP app from its dependencies; tests hand in their own database. */
export function createApp({ db, kind, checkers = new AnswerCheckers() }: AppDeps) {
  const app = new Hono();
  app.onError(onError);
  app.use(requestLanguage());
  app.notFound((c) => {
    throw new AppError("not_found", phrase("http.notFound", { method: c.req.method, path: c.req.path }));
  });
  app.route("/", healthRoutes(kind));
  app.route("/", pageRoutes(db));
  app.route("/api/surveys", surveyRoutes(db));
  app.route("/api/surveys", responseRoutes(db, checkers));
  app.route("/api/surveys", exportRoutes(db));
  app.route("/api/surveys", importRoutes(db, checkers));
  app.route("/api/surveys", analysisRoutes(db));
  app.route("/api/surveys", reportRoutes(db));
  return app;
}
