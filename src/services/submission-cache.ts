/**
 * What a submission reads of its survey, kept per process so that a submission costs no extra
 * round trip: the survey's head (id, life, current version) and its link by code briefly, the
 * versions themselves (immutable: published once, never changed) for as long as they are used.
 *
 * Brief means {@link HEAD_TTL_MS}: a survey closed, a version published or a link closed by
 * another process (another server behind the same load balancer, a CLI on PostgreSQL) reaches
 * this one's submissions within that time. A change made in this process is seen at once: the
 * services that make such changes call `surveysChanged` (survey-changes.ts), and nothing brief
 * filled before it is trusted.
 */
import { and, eq, max, sql } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { surveys, surveyVersions } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import { needsInvitation } from "./invitations.js";
import { findLink, type Link } from "./links.js";
import type { SurveyLife } from "./survey-life.js";
import { surveyChangeCount } from "./survey-changes.js";

/** How long a survey's head and its links are trusted without reading them again. */
export const HEAD_TTL_MS = 1000;
/** Bounds on what one process keeps: far more than one process serves at once. */
const HEADS = 1000;
const VERSIONS = 200;
const LINKS = 10_000;

/** A version of a survey as a submission needs it. */
export interface SubmissionTarget {
  name: string;
  surveyId: number;
  version: number;
  json: Record<string, unknown>;
  hash: string;
  life: SurveyLife;
}

interface Head {
  surveyId: number;
  current: number;
  life: SurveyLife;
}

/** A link and whether it hands out invitation codes. */
export interface CachedLink {
  link: Link;
  invited: boolean;
}

interface Timed<T> {
  value: T;
  changes: number;
  at: number;
}

/** The caches of one database (a process may open several: tests do). */
class Caches {
  heads = new Map<string, Timed<Head>>();
  links = new Map<string, Timed<CachedLink>>();
  versions = new Map<string, { json: Record<string, unknown>; hash: string }>();
}
const byDatabase = new WeakMap<Db, Caches>();

function cachesOf(db: Db): Caches {
  let caches = byDatabase.get(db);
  if (!caches) {
    caches = new Caches();
    byDatabase.set(db, caches);
  }
  return caches;
}

function fresh<T>(entry: Timed<T> | undefined, now: number): T | undefined {
  return entry && entry.changes === surveyChangeCount() && now - entry.at < HEAD_TTL_MS ? entry.value : undefined;
}

/** Puts `value` last (most recent) and drops the oldest beyond `limit`. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}

/**
 * The version a submission answers (the current one when `version` is omitted), as
 * `getSurveyVersion` gives it, from the caches when they hold it.
 * @throws AppError 404 when the survey or that version does not exist
 */
export async function submissionTarget(db: Db, name: string, version?: number): Promise<SubmissionTarget> {
  const caches = cachesOf(db);
  const now = Date.now();
  let head = fresh(caches.heads.get(name), now);
  if (!head) {
    const [row] = await db
      .select({
        surveyId: surveys.id,
        status: surveys.status,
        closesAt: surveys.closesAt,
        maxResponses: surveys.maxResponses,
        timeZone: surveys.timeZone,
        current: sql<number | null>`(select ${max(surveyVersions.version)} from ${surveyVersions} where ${surveyVersions.surveyId} = ${surveys.id})`,
      })
      .from(surveys)
      .where(eq(surveys.name, name));
    if (!row || row.current === null) {
      throw new AppError("not_found", version === undefined ? phrase("surveys.notFound", { name }) : phrase("surveys.noVersion", { name, version }));
    }
    head = { surveyId: row.surveyId, current: Number(row.current), life: { status: row.status, closesAt: row.closesAt, maxResponses: row.maxResponses, timeZone: row.timeZone } };
    remember(caches.heads, name, { value: head, changes: surveyChangeCount(), at: now }, HEADS);
  }
  const wanted = version ?? head.current;
  const key = `${head.surveyId}:${wanted}`;
  let stored = caches.versions.get(key);
  if (!stored) {
    const [row] = await db
      .select({ json: surveyVersions.json, hash: surveyVersions.hash })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.surveyId, head.surveyId), eq(surveyVersions.version, wanted)));
    if (!row) throw new AppError("not_found", phrase("surveys.noVersion", { name, version: wanted }));
    stored = { json: row.json as Record<string, unknown>, hash: row.hash };
  }
  remember(caches.versions, key, stored, VERSIONS);
  return { name, surveyId: head.surveyId, version: wanted, json: stored.json, hash: stored.hash, life: head.life };
}

/**
 * A survey's link by its code, with whether it hands out invitation codes, from the cache when
 * it holds it. Unknown codes are not kept (anyone can send any code).
 * @throws AppError 422 naming `link` when the survey has no such link
 */
export async function submissionLink(db: Db, surveyId: number, code: string): Promise<CachedLink> {
  const caches = cachesOf(db);
  const now = Date.now();
  const key = `${surveyId}:${code}`;
  const known = fresh(caches.links.get(key), now);
  if (known) return known;
  const link = await findLink(db, surveyId, code);
  const value = { link, invited: await needsInvitation(db, link) };
  remember(caches.links, key, { value, changes: surveyChangeCount(), at: now }, LINKS);
  return value;
}
