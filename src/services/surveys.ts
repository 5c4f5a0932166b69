import { and, count, desc, eq, max, sql } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { responses, surveys, surveyVersions } from "../db/schema/index.js";
import { AppError, fieldError } from "../errors.js";
import { hashJson } from "../lib/canonical-hash.js";
import { checkQuestionnaire } from "../questionnaire/check.js";
import { type Actor, recordAudit } from "./audit.js";
import type { SurveyLife, SurveyStatus } from "./survey-life.js";
import { findTypeChanges } from "./type-changes.js";

/** Survey names appear in URLs (/s/{name}) and file names: keep them plain. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;

export interface PublishResult {
  name: string;
  version: number;
  /** false when the JSON equals the current version and nothing was published. */
  created: boolean;
}

/**
 * Creates a survey, or publishes its JSON as a new version when it differs from the
 * current one. Refuses a version that changes the type of a question already answered.
 * A publication is audited, naming `options.actor` (absent: the platform itself, as at start-up).
 */
export async function publishSurvey(db: Db, name: string, json: unknown, options: { status?: SurveyStatus; actor?: Actor | null } = {}): Promise<PublishResult> {
  if (!NAME.test(name)) {
    throw new AppError("unprocessable", phrase("surveys.badName"), [fieldError("name", "bad_name", phrase("surveys.nameRule"))]);
  }
  const problems = checkQuestionnaire(json);
  if (problems.length > 0) {
    throw new AppError("unprocessable", phrase("surveys.questionnaireProblems", { name, count: problems.length }), problems);
  }
  const hash = hashJson(json);
  return db.transaction(async (tx) => {
    // A new survey starts as asked (open by default, as it always did); an existing one keeps its life.
    await tx
      .insert(surveys)
      .values({ name, status: options.status ?? "open" })
      .onConflictDoNothing();
    // Row lock: two publishes of one survey at once get consecutive version numbers.
    const [survey] = await tx.select().from(surveys).where(eq(surveys.name, name)).for("update");
    const previous = await tx
      .select({ version: surveyVersions.version, json: surveyVersions.json, hash: surveyVersions.hash })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, survey.id))
      .orderBy(desc(surveyVersions.version));
    const current = previous[0];
    if (current && current.hash === hash) return { name, version: current.version, created: false };

    for (const change of findTypeChanges(
      previous.map((p) => p.json as object),
      json as object,
    )) {
      const [answered] = await tx
        .select({ n: count() })
        .from(responses)
        .where(and(eq(responses.surveyId, survey.id), sql`${responses.data} ? ${change.key}`));
      if (answered.n > 0) {
        throw new AppError("conflict", phrase("surveys.typeChangeRefused", { key: change.key, answers: answered.n, from: change.from, to: change.to }), [
          fieldError(change.key, "type_change", phrase("surveys.typeChange", { from: change.from, to: change.to })),
        ]);
      }
    }
    const version = (current?.version ?? 0) + 1;
    await tx.insert(surveyVersions).values({ surveyId: survey.id, version, json, hash });
    await recordAudit(tx, { actor: options.actor ?? null, survey: survey.id, action: "survey.publish", details: { version, newSurvey: version === 1, status: survey.status } });
    return { name, version, created: true };
  });
}

/** A version of a survey (the current one when `version` is omitted), or a 404. */
export async function getSurveyVersion(db: Db, name: string, version?: number) {
  const rows = await db
    .select({
      surveyId: surveys.id,
      version: surveyVersions.version,
      json: surveyVersions.json,
      hash: surveyVersions.hash,
      status: surveys.status,
      closesAt: surveys.closesAt,
      maxResponses: surveys.maxResponses,
    })
    .from(surveys)
    .innerJoin(surveyVersions, eq(surveyVersions.surveyId, surveys.id))
    .where(version === undefined ? eq(surveys.name, name) : and(eq(surveys.name, name), eq(surveyVersions.version, version)))
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  if (rows.length === 0) {
    throw new AppError("not_found", version === undefined ? phrase("surveys.notFound", { name }) : phrase("surveys.noVersion", { name, version }));
  }
  const row = rows[0];
  const life: SurveyLife = { status: row.status, closesAt: row.closesAt, maxResponses: row.maxResponses };
  return { name, surveyId: row.surveyId, version: row.version, json: row.json as Record<string, unknown>, hash: row.hash, life };
}

/** Every survey with its title, current version and response counts. */
export async function listSurveys(db: Db) {
  const versions = db
    .select({ surveyId: surveyVersions.surveyId, current: max(surveyVersions.version).as("current") })
    .from(surveyVersions)
    .groupBy(surveyVersions.surveyId)
    .as("v");
  const counts = db
    .select({
      surveyId: responses.surveyId,
      total: count().as("total"),
      complete: sql<number>`count(*) filter (where ${responses.complete})`.mapWith(Number).as("complete"),
    })
    .from(responses)
    .groupBy(responses.surveyId)
    .as("c");
  const rows = await db
    .select({
      name: surveys.name,
      status: surveys.status,
      closesAt: surveys.closesAt,
      maxResponses: surveys.maxResponses,
      version: versions.current,
      json: surveyVersions.json,
      total: counts.total,
      complete: counts.complete,
    })
    .from(surveys)
    .innerJoin(versions, eq(versions.surveyId, surveys.id))
    .innerJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, versions.current)))
    .leftJoin(counts, eq(counts.surveyId, surveys.id))
    .orderBy(surveys.name);
  return rows.map((r) => ({
    name: r.name,
    title: (r.json as { title?: unknown }).title ?? r.name,
    version: Number(r.version),
    status: r.status,
    closesAt: r.closesAt ? r.closesAt.toISOString() : null,
    maxResponses: r.maxResponses,
    responses: { total: Number(r.total ?? 0), complete: Number(r.complete ?? 0), partial: Number(r.total ?? 0) - Number(r.complete ?? 0) },
  }));
}
