/** The work done once per start, however many processes then serve: migrations, `surveys/`, the demo, the setup code. */
import { type Database, openDatabase } from "../db/client.js";
import type { Env } from "../env.js";
import { loadDemoWithProgress } from "../cli/demo.js";
import { pglitePath } from "../lib/paths.js";
import { createSetupCode } from "../services/accounts/setup.js";
import { PLATFORM } from "../services/access/survey-access.js";
import { AnswerCheckers } from "../services/answer-checkers.js";
import { loadSurveyFiles } from "../services/survey-files.js";
import { listSurveys } from "../services/surveys.js";

/** The database pool's bounds a deployment may set. */
export function poolSettings(env: Env) {
  return { max: env.DATABASE_POOL_MAX, statementTimeoutMs: env.STATEMENT_TIMEOUT_MS };
}

export interface StartedDatabase {
  database: Database;
  /** The questionnaires of `surveys/`, as published now. */
  loaded: Awaited<ReturnType<typeof loadSurveyFiles>>;
  /** The first-start setup code, while no account exists. */
  setupCode: string | undefined;
  checkers: AnswerCheckers;
}

/**
 * Opens and migrates the database, publishes `surveys/`, loads the demo on the first start of a
 * new embedded database, and makes the setup code while no account exists.
 */
export async function startDatabase(env: Env): Promise<StartedDatabase> {
  const database = await openDatabase({ url: env.DATABASE_URL, dataDir: pglitePath(env.DATA_DIR), pool: poolSettings(env) });
  const firstStart = (await listSurveys(database.db, PLATFORM)).length === 0;
  const loaded = await loadSurveyFiles(database.db, env.SURVEYS_DIR);
  const checkers = new AnswerCheckers();
  // A new user's first start shows a real investigation at once. Only on a new embedded
  // database: a PostgreSQL server is somebody's real study (use `npm run cli -- demo load`).
  if (firstStart && database.kind === "pglite") await loadDemoWithProgress(database.db, checkers);
  // No account yet: a one-time link creates the first administrator (valid until used).
  const setupCode = await createSetupCode(database.db);
  return { database, loaded, setupCode, checkers };
}
