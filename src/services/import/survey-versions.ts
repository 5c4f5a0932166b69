import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyVersions } from "../../db/schema/index.js";

/** The numbers of a survey's published versions, oldest first. */
export async function surveyVersionNumbers(db: Db, surveyId: number): Promise<number[]> {
  const rows = await db.select({ version: surveyVersions.version }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(asc(surveyVersions.version));
  return rows.map((r) => r.version);
}
