import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyReports, surveys } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { SurveyAccess } from "../access/survey-access.js";
import { readReport } from "./store.js";

/**
 * Makes a report's read-only address (/r/{token}); sharing a shared report again keeps its
 * address. The token only finds the report: whoever opens it must still be signed in and a member
 * of the survey (any role, viewer included), so a leaked address shows nothing to strangers.
 *
 * @returns the token
 */
export async function shareReport(db: Db, survey: SurveyAccess, id: number): Promise<string> {
  const token = randomBytes(18).toString("base64url");
  await db
    .update(surveyReports)
    .set({ shareToken: token })
    .where(and(eq(surveyReports.surveyId, survey.surveyId), eq(surveyReports.id, id), isNull(surveyReports.shareToken)));
  const stored = await readReport(db, survey, id);
  return stored.shareToken ?? token;
}

/** Ends a report's read-only address; 404 when the survey has no such report. */
export async function unshareReport(db: Db, survey: SurveyAccess, id: number): Promise<void> {
  await readReport(db, survey, id);
  await db
    .update(surveyReports)
    .set({ shareToken: null })
    .where(and(eq(surveyReports.surveyId, survey.surveyId), eq(surveyReports.id, id)));
}

/** The survey and report a share token names, or a 404 when none does (any more). */
export async function findSharedReport(db: Db, token: string): Promise<{ survey: string; id: number }> {
  const [row] = await db
    .select({ survey: surveys.name, id: surveyReports.id })
    .from(surveyReports)
    .innerJoin(surveys, eq(surveys.id, surveyReports.surveyId))
    .where(eq(surveyReports.shareToken, token));
  if (!row) throw new AppError("not_found", phrase("reports.shareNotFound"));
  return row;
}
