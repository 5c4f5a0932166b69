import { and, count, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { collectionLinks, responses, surveyDrafts, surveyMembers, surveys, surveyVersions } from "../db/schema/index.js";
import type { Role } from "./access/permissions.js";
import type { Caller } from "./access/survey-access.js";
import { AppError, fieldError } from "../errors.js";
import { hashJson } from "../lib/canonical-hash.js";
import { checkQuestionnaire } from "../questionnaire/check.js";
import { type Actor, recordAudit } from "./audit.js";
import type { SurveyLife, SurveyStatus } from "./survey-life.js";
import { findTypeChanges } from "./type-changes.js";
import { addOwner } from "./access/members.js";
import { surveysChanged } from "./survey-changes.js";

/** Survey names appear in URLs (/s/{name}) and file names: keep them plain. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** A 422 naming the `name` field unless the name keeps to the rule every survey name keeps. */
export function assertSurveyName(name: string): void {
  if (!NAME.test(name)) {
    throw new AppError("unprocessable", phrase("surveys.badName"), [fieldError("name", "bad_name", phrase("surveys.nameRule"))]);
  }
}

export interface PublishResult {
  name: string;
  version: number;
  /** false when the JSON equals the current version and nothing was published. */
  created: boolean;
}

export interface PublishOptions {
  /** A new survey's status (default open). */
  status?: SurveyStatus;
  /** The account that creates the survey becomes its owner. */
  owner?: number;
  /**
   * Whether the caller may publish into an existing survey of this name (default true). When
   * false and the name is taken — even by a survey created a moment ago — the call is a 409.
   */
  existing?: boolean;
  /** Who publishes, named in the audit log (absent: the platform itself, as at start-up). */
  actor?: Actor | null;
}

/**
 * Creates a survey, or publishes its JSON as a new version when it differs from the
 * current one. Refuses a version that changes the type of a question already answered.
 * A publication is audited, naming `options.actor` (absent: the platform itself, as at start-up).
 */
export async function publishSurvey(db: Db, name: string, json: unknown, options: PublishOptions = {}): Promise<PublishResult> {
  assertSurveyName(name);
  const problems = checkQuestionnaire(json);
  if (problems.length > 0) {
    throw new AppError("unprocessable", phrase("surveys.questionnaireProblems", { name, count: problems.length }), problems);
  }
  const hash = hashJson(json);
  const published = await db.transaction(async (tx): Promise<PublishResult> => {
    // A new survey starts as asked (open by default, as it always did); an existing one keeps its life.
    const made = await tx
      .insert(surveys)
      .values({ name, status: options.status ?? "open" })
      .onConflictDoNothing()
      .returning({ id: surveys.id });
    if (made.length === 0 && options.existing === false) throw new AppError("conflict", phrase("members.nameTaken", { name }));
    if (made.length > 0 && options.owner !== undefined) await addOwner(tx, made[0].id, options.owner);
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
  if (published.created) surveysChanged();
  return published;
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
      timeZone: surveys.timeZone,
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
  const life: SurveyLife = { status: row.status, closesAt: row.closesAt, maxResponses: row.maxResponses, timeZone: row.timeZone };
  return { name, surveyId: row.surveyId, version: row.version, json: row.json as Record<string, unknown>, hash: row.hash, life };
}

/**
 * The 404 for a survey without the version asked for, said to a member (who knows the survey
 * exists): "nothing published yet" for a new survey, else no such survey or version.
 */
export async function missingVersion(db: Db, name: string, version?: number): Promise<AppError> {
  if (version !== undefined) return new AppError("not_found", phrase("surveys.noVersion", { name, version }));
  const [row] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, name));
  return new AppError("not_found", row ? phrase("surveys.notPublished", { name }) : phrase("surveys.notFound", { name }));
}

/** A survey's id and life, published or not, or a 404: for what reads the survey rather than a version of it. */
export async function findSurvey(db: Db, name: string): Promise<{ name: string; surveyId: number; life: SurveyLife }> {
  const [row] = await db
    .select({ surveyId: surveys.id, status: surveys.status, closesAt: surveys.closesAt, maxResponses: surveys.maxResponses, timeZone: surveys.timeZone })
    .from(surveys)
    .where(eq(surveys.name, name));
  if (!row) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  const { surveyId, ...life } = row;
  return { name, surveyId, life };
}

/** Whether anyone may read this version: the current version of an open survey (respondents need it). */
export async function isPublicVersion(db: Db, survey: { surveyId: number; version: number; life: SurveyLife }): Promise<boolean> {
  if (survey.life.status !== "open") return false;
  const [row] = await db
    .select({ current: max(surveyVersions.version) })
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, survey.surveyId));
  return Number(row?.current) === survey.version;
}

/**
 * The surveys a caller may read (an administrator: every survey), each with its title,
 * current version (null while a new survey has nothing published: its title is then its
 * draft's), its Traditional standard, the caller's role and unit, response counts (all and today,
 * in the survey's time zone; only the unit's responses for a member limited to one) and its number of links.
 */
export async function listSurveys(db: Db, caller: Caller, now = new Date()) {
  const everything = caller.admin || caller.userId === null;
  const versions = db
    .select({ surveyId: surveyVersions.surveyId, current: max(surveyVersions.version).as("current") })
    .from(surveyVersions)
    .groupBy(surveyVersions.surveyId)
    .as("v");
  const membership = everything
    ? undefined
    : db
        .select({ surveyId: surveyMembers.surveyId, role: surveyMembers.role, unit: surveyMembers.unit })
        .from(surveyMembers)
        .where(eq(surveyMembers.userId, caller.userId as number))
        .as("m");
  const base = db
    .select({
      id: surveys.id,
      name: surveys.name,
      status: surveys.status,
      closesAt: surveys.closesAt,
      maxResponses: surveys.maxResponses,
      timeZone: surveys.timeZone,
      traditionalStandard: surveys.traditionalStandard,
      version: versions.current,
      json: surveyVersions.json,
      draftJson: surveyDrafts.json,
      ...(membership ? { role: membership.role, unit: membership.unit } : {}),
    })
    .from(surveys)
    .leftJoin(versions, eq(versions.surveyId, surveys.id))
    .leftJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, versions.current)))
    // Only a survey with nothing published needs its draft: its title.
    .leftJoin(surveyDrafts, and(eq(surveyDrafts.surveyId, surveys.id), isNull(versions.current)));
  const rows = await (membership ? base.innerJoin(membership, eq(membership.surveyId, surveys.id)) : base).orderBy(surveys.name);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Counted per survey and unit, so a member limited to one unit gets that unit's figures.
  const counts = await db
    .select({
      surveyId: responses.surveyId,
      unit: responses.unit,
      total: count(),
      complete: sql<number>`count(*) filter (where ${responses.complete})`.mapWith(Number),
      // The start of today in each survey's own zone, worked out by the database's zone data.
      today:
        sql<number>`count(*) filter (where ${responses.createdAt} >= (date_trunc('day', ${now.toISOString()}::timestamptz at time zone ${surveys.timeZone}) at time zone ${surveys.timeZone}))`.mapWith(
          Number,
        ),
    })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .where(inArray(responses.surveyId, ids))
    .groupBy(responses.surveyId, responses.unit);
  const linkCounts = await db
    .select({ surveyId: collectionLinks.surveyId, n: count() })
    .from(collectionLinks)
    .where(inArray(collectionLinks.surveyId, ids))
    .groupBy(collectionLinks.surveyId);
  return rows.map((r) => {
    const role: Role | "admin" = (r as { role?: Role }).role ?? "admin";
    const unit = (r as { unit?: string | null }).unit ?? null;
    const mine = counts.filter((n) => n.surveyId === r.id && (unit === null || n.unit === unit));
    const total = mine.reduce((a, n) => a + Number(n.total), 0);
    const complete = mine.reduce((a, n) => a + n.complete, 0);
    const shown = (r.json ?? r.draftJson) as { title?: unknown } | null;
    return {
      name: r.name,
      title: shown?.title ?? r.name,
      version: r.version === null ? null : Number(r.version),
      status: r.status,
      closesAt: r.closesAt ? r.closesAt.toISOString() : null,
      maxResponses: r.maxResponses,
      timeZone: r.timeZone,
      traditionalStandard: r.traditionalStandard,
      role,
      unit,
      responses: { total, complete, partial: total - complete, today: mine.reduce((a, n) => a + n.today, 0) },
      links: Number(linkCounts.find((l) => l.surveyId === r.id)?.n ?? 0),
    };
  });
}
