/** Loading a survey's questionnaire model: the published versions from the database, merged by question name. */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { surveys, surveyVersions } from "../db/schema/index.js";
import { mergeVersions } from "../questionnaire/merge.js";
import type { Questionnaire } from "../questionnaire/question.js";
import { cachedVersion } from "../questionnaire/version-cache.js";
import { missingVersion } from "./surveys.js";

/** A survey with the merged model of the versions asked for. */
export interface LoadedQuestionnaire {
  name: string;
  surveyId: number;
  /** The newest version loaded: the current one, or the one asked for. */
  version: number;
  questionnaire: Questionnaire;
  /** The survey's IANA time zone, which its dates are read and shown in. */
  timeZone: string;
}

/**
 * Every published version of a survey merged (newest first), or only `version`; a 404 naming the
 * survey or the version when there is none (for a new survey: that nothing is published yet).
 * Its callers are members of the survey. One query.
 */
export async function loadQuestionnaire(db: Db, name: string, version?: number): Promise<LoadedQuestionnaire> {
  const rows = await db
    .select({ surveyId: surveys.id, timeZone: surveys.timeZone, version: surveyVersions.version, json: surveyVersions.json, hash: surveyVersions.hash })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(version === undefined ? eq(surveys.name, name) : and(eq(surveys.name, name), eq(surveyVersions.version, version)))
    .orderBy(desc(surveyVersions.version));
  if (rows.length === 0) throw await missingVersion(db, name, version);
  const questionnaire = mergeVersions(rows.map((r) => ({ version: r.version, questionnaire: cachedVersion(r.hash, r.json as object) })));
  return { name, surveyId: rows[0].surveyId, version: rows[0].version, questionnaire, timeZone: rows[0].timeZone };
}
