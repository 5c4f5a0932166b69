import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyDrafts } from "../../db/schema/index.js";
import { currentVersion } from "./current-version.js";

/** A survey's draft as the editor loads it. */
export interface Draft {
  name: string;
  /** 0 when nothing is saved yet: `json` is then the current version. */
  revision: number;
  json: Record<string, unknown>;
  /** Text paths OpenCC filled in and no person has confirmed. */
  converted: string[];
  /** The published version the draft started from. */
  basedOn: number;
}

/**
 * The saved draft of a survey, or — when none is saved — its current version as revision 0, so
 * the editor always has something to start from.
 */
export async function readDraft(db: Db, survey: { surveyId: number; name: string }): Promise<Draft> {
  const [row] = await db.select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.surveyId));
  if (row) return { name: survey.name, revision: row.revision, json: row.json as Record<string, unknown>, converted: row.converted, basedOn: row.basedOn };
  const current = await currentVersion(db, survey.surveyId);
  return { name: survey.name, revision: 0, json: current.json, converted: [], basedOn: current.version };
}
