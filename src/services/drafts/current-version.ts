import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyVersions } from "../../db/schema/index.js";

/** The current (highest) published version of a survey; every survey has one (see new-survey.ts). */
export async function currentVersion(db: Db, surveyId: number): Promise<{ version: number; json: Record<string, unknown> }> {
  const [row] = await db
    .select({ version: surveyVersions.version, json: surveyVersions.json })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  if (!row) throw new Error(`currentVersion: survey ${surveyId} has no version`);
  return { version: row.version, json: row.json as Record<string, unknown> };
}
