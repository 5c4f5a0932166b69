/**
 * What a research group checks every morning while a study runs: arrivals per day in the survey's time zone,
 * complete against partial, by unit and by level, against the counts the links expect.
 * Counted inside the database (GROUP BY): a study's responses never travel into Node.
 */
import { and, eq, sql } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { collectionLinks, responses, surveys } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import { responseScope } from "./responses.js";

export interface Counts {
  complete: number;
  partial: number;
}

export interface Monitor {
  total: Counts;
  /** The survey's IANA time zone: the days below are its days. */
  timeZone: string;
  /** Every day (in the survey's zone) from the first arrival to the last, days without arrivals included. */
  days: (Counts & { date: string })[];
  /** Units of the links and of the responses; responses through no link under `unit: null`. */
  units: (Counts & { unit: string | null; level: string | null; expected: number | null })[];
  /** The units' figures summed by their links' level; units without a level under `level: null`. */
  levels: (Counts & { level: string | null; expected: number | null })[];
}

/** A response's day in the survey's zone (created_at is a timestamptz): the same on any session time zone. */
const dayIn = (timeZone: string) => sql<string>`to_char(${responses.createdAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
const completeCount = sql<number>`count(*) filter (where ${responses.complete})`.mapWith(Number);
const partialCount = sql<number>`count(*) filter (where not ${responses.complete})`.mapWith(Number);

/**
 * The monitor of a survey.
 * @param scope - the caller's unit: only that unit's responses and links (null or absent: all).
 */
export async function surveyMonitor(db: Db, name: string, scope?: string | null): Promise<Monitor> {
  const [survey] = await db.select({ id: surveys.id, timeZone: surveys.timeZone }).from(surveys).where(eq(surveys.name, name));
  if (!survey) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  const where = responseScope(survey.id, scope);
  const [dayRows, unitRows, linkRows] = await Promise.all([
    // Grouped and ordered by position: the zone is a bound parameter, and the same expression
    // written twice would hold two parameters, which PostgreSQL does not see as one expression.
    db
      .select({ date: dayIn(survey.timeZone), complete: completeCount, partial: partialCount })
      .from(responses)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db.select({ unit: responses.unit, complete: completeCount, partial: partialCount }).from(responses).where(where).groupBy(responses.unit),
    db
      .select({
        unit: collectionLinks.unit,
        // Links of one unit normally share a level; the first in sort order speaks for them otherwise.
        level: sql<string | null>`min(${collectionLinks.level})`,
        expected: sql<number | null>`sum(${collectionLinks.expected})`.mapWith((v) => (v === null ? null : Number(v))),
      })
      .from(collectionLinks)
      .where(scope === undefined || scope === null ? eq(collectionLinks.surveyId, survey.id) : and(eq(collectionLinks.surveyId, survey.id), eq(collectionLinks.unit, scope)))
      .groupBy(collectionLinks.unit),
  ]);

  const total = { complete: 0, partial: 0 };
  for (const row of dayRows) {
    total.complete += row.complete;
    total.partial += row.partial;
  }

  const units = new Map<string | null, Monitor["units"][number]>();
  for (const link of linkRows) units.set(link.unit, { unit: link.unit, level: link.level, expected: link.expected, complete: 0, partial: 0 });
  for (const row of unitRows) {
    const entry = units.get(row.unit) ?? { unit: row.unit, level: null, expected: null, complete: 0, partial: 0 };
    entry.complete = row.complete;
    entry.partial = row.partial;
    units.set(row.unit, entry);
  }
  const unitList = [...units.values()].sort(byName((u) => u.unit));

  const levels = new Map<string | null, Monitor["levels"][number]>();
  for (const unit of unitList) {
    const entry = levels.get(unit.level) ?? { level: unit.level, expected: null, complete: 0, partial: 0 };
    if (unit.expected !== null) entry.expected = (entry.expected ?? 0) + unit.expected;
    entry.complete += unit.complete;
    entry.partial += unit.partial;
    levels.set(unit.level, entry);
  }
  return { total, timeZone: survey.timeZone, days: withEmptyDays(dayRows), units: unitList, levels: [...levels.values()].sort(byName((l) => l.level)) };
}

/** Names in code-point order, null last: the same order on every database and locale. */
function byName<T>(key: (item: T) => string | null) {
  return (a: T, b: T) => {
    const [x, y] = [key(a), key(b)];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  };
}

/** The days between the first arrival and the last, those without arrivals as zeros (a chart's x axis). */
function withEmptyDays(rows: (Counts & { date: string })[]): (Counts & { date: string })[] {
  if (rows.length === 0) return [];
  const byDate = new Map(rows.map((r) => [r.date, r]));
  const out: (Counts & { date: string })[] = [];
  const last = rows[rows.length - 1].date;
  // Noon UTC of each date: adding a day never crosses into the wrong date.
  for (let at = new Date(`${rows[0].date}T12:00:00Z`); ; at = new Date(at.getTime() + 86_400_000)) {
    const date = at.toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? { date, complete: 0, partial: 0 });
    if (date >= last) break;
  }
  return out;
}
