import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyVersions } from "../../db/schema/index.js";

/**
 * The current (highest) published version of a survey, or null for a new survey whose first
 * version is still its draft (see new-survey.ts).
 */
export async function currentVersion(db: Db, surveyId: number): Promise<{ version: number; json: Record<string, unknown> } | null> {
  const [row] = await db
    .select({ version: surveyVersions.version, json: surveyVersions.json })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  return row ? { version: row.version, json: row.json as Record<string, unknown> } : null;
}
