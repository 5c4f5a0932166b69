import { and, eq, sql } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyReports } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";
import type { SurveyAccess } from "../access/survey-access.js";
import { loadCatalog } from "../analysis/analysis-question.js";
import { checkStoredDefinition } from "./check-report.js";
import { readReport, type StoredReport, storedReport } from "./store.js";

/**
 * Saves a report's definition over revision `revision`, as drafts are saved: one statement
 * (`update … where revision = n`), so of two saves of one revision exactly one wins and the other
 * gets a 409 naming the stored revision; nothing is overwritten. The definition is checked first
 * (422 naming each bad field, nothing stored).
 */
export async function saveReport(db: Db, survey: SurveyAccess, id: number, save: { definition: unknown; revision: number }, userId: number | null): Promise<StoredReport> {
  const definition = checkStoredDefinition(save.definition, await loadCatalog(db, survey.name));
  const [row] = await db
    .update(surveyReports)
    .set({ definition, revision: sql`${surveyReports.revision} + 1`, updatedBy: userId, updatedAt: new Date() })
    .where(and(eq(surveyReports.surveyId, survey.surveyId), eq(surveyReports.id, id), eq(surveyReports.revision, save.revision)))
    .returning();
  if (row) return storedReport(row);
  const stored = await readReport(db, survey, id);
  throw new AppError("conflict", phrase("reports.stale", { id, revision: save.revision, stored: stored.revision }), [
    fieldError("revision", "stale_revision", phrase("reports.staleField", { stored: stored.revision })),
  ]);
}
