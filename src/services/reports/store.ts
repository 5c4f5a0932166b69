import { and, asc, eq } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyReports } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { ReportDefinition } from "../../report/definition.js";
import type { SurveyAccess } from "../access/survey-access.js";
import { loadCatalog } from "../analysis/analysis-question.js";
import { checkStoredDefinition } from "./check-report.js";

/** A report as the API answers it. */
export interface StoredReport {
  id: number;
  revision: number;
  definition: ReportDefinition;
  /** The secret of its read-only address /r/{token} while it is shared, else null. */
  shareToken: string | null;
  updatedAt: string;
}

/** A line of the list of a survey's reports. */
export interface ReportSummary {
  id: number;
  revision: number;
  title: string;
  lang: string;
  analyses: number;
  shared: boolean;
  updatedAt: string;
}

type Row = typeof surveyReports.$inferSelect;

/** The API shape of a stored row. */
export function storedReport(row: Row): StoredReport {
  return { id: row.id, revision: row.revision, definition: row.definition as ReportDefinition, shareToken: row.shareToken, updatedAt: row.updatedAt.toISOString() };
}

/** The survey's reports, oldest first. */
export async function listReports(db: Db, survey: SurveyAccess): Promise<ReportSummary[]> {
  const rows = await db.select().from(surveyReports).where(eq(surveyReports.surveyId, survey.surveyId)).orderBy(asc(surveyReports.id));
  return rows.map((row) => {
    const d = row.definition as ReportDefinition;
    return {
      id: row.id,
      revision: row.revision,
      title: d.title,
      lang: d.lang,
      analyses: d.analyses.length,
      shared: row.shareToken !== null,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}

/** One report of the survey, or a 404 naming it. */
export async function readReport(db: Db, survey: SurveyAccess, id: number): Promise<StoredReport> {
  const [row] = await db
    .select()
    .from(surveyReports)
    .where(and(eq(surveyReports.surveyId, survey.surveyId), eq(surveyReports.id, id)));
  if (!row) throw new AppError("not_found", phrase("reports.notFound", { name: survey.name, id }));
  return storedReport(row);
}

/**
 * Stores a new report from a definition in the CLI's format (its title defaults to the
 * survey's; it may have no analyses yet), checked against the survey first.
 */
export async function createReport(db: Db, survey: SurveyAccess, input: unknown, userId: number | null): Promise<StoredReport> {
  const definition = checkStoredDefinition(input, await loadCatalog(db, survey.name));
  const [row] = await db.insert(surveyReports).values({ surveyId: survey.surveyId, definition, updatedBy: userId }).returning();
  return storedReport(row);
}

/** Deletes a report (its share link goes with it); 404 when the survey has no such report. */
export async function deleteReport(db: Db, survey: SurveyAccess, id: number): Promise<void> {
  const rows = await db
    .delete(surveyReports)
    .where(and(eq(surveyReports.surveyId, survey.surveyId), eq(surveyReports.id, id)))
    .returning({ id: surveyReports.id });
  if (rows.length === 0) throw new AppError("not_found", phrase("reports.notFound", { name: survey.name, id }));
}
