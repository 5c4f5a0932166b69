import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { Database, Db } from "../../../src/db/client.js";
import { responses, surveys } from "../../../src/db/schema/index.js";
import { AnswerCheckers } from "../../../src/services/answer-checkers.js";
import { loadDemoData } from "../../../src/services/demo.js";
import { submitResponse } from "../../../src/services/responses.js";
import { loadSurveyFiles } from "../../../src/services/survey-files.js";
import { testApp } from "../../helpers/app.js";
import { openTestDatabase, researcherHeaders } from "../../helpers/database.js";

export const REFERENCE = "dangjian-innovation-2023";
export const BAOJI = { 社会团体: 793, 民办非企业单位: 750, 基金会: 6, 社会中介组织: 54, 城乡社区社会组织: 5 };

/** Loading the demo data through the submission path takes tens of seconds. */
export const DEMO_TIMEOUT = 600_000;

/**
 * A fresh test database with the shipped questionnaires published and, when asked,
 * the 1,812 demo responses loaded through the real submission path; plus the app and
 * a researcher's headers for route tests.
 */
export async function openAnalysisDatabase(options: { demo: boolean }) {
  const database: Database = await openTestDatabase();
  await loadSurveyFiles(database.db, fileURLToPath(new URL("../../../surveys", import.meta.url)));
  const checkers = new AnswerCheckers();
  if (options.demo) await loadDemoData(database.db, checkers);
  const app = testApp(database);
  const headers = await researcherHeaders(database);
  const post = async (survey: string, call: string, body: unknown, extra: Record<string, string> = headers) => {
    const res = await app.request(`/api/surveys/${survey}/analysis/${call}`, {
      method: "POST",
      headers: extra,
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get("content-type") ?? "", body: (await res.json()) as any };
  };
  return { database, db: database.db, checkers, app, headers, post };
}

/** Submits answers through the real path; returns the response ids. */
export async function submitAll(db: Db, checkers: AnswerCheckers, survey: string, answers: Record<string, unknown>[], version?: number) {
  const ids: string[] = [];
  for (const data of answers) {
    const id = crypto.randomUUID();
    await submitResponse(db, checkers, survey, { id, data, complete: true, ...(version ? { version } : {}) });
    ids.push(id);
  }
  return ids;
}

/** Every stored answer set of a survey (for computing expected figures in the test itself). */
export async function rawAnswers(db: Db, survey: string, options: { complete?: boolean } = { complete: true }) {
  const rows = await db
    .select({ data: responses.data, complete: responses.complete, version: responses.version, notAsked: responses.notAsked })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .where(eq(surveys.name, survey));
  return rows.filter((r) => options.complete === undefined || r.complete === options.complete);
}

/** Relative-and-absolute float comparison for figures computed two ways. */
export function near(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}
