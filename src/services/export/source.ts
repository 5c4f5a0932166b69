/** Reading a survey's responses for an export: filters, keyset-paged batches, and one sizing pass. */
import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { responses } from "../../db/schema/index.js";
import { zonedDayStart } from "../../lib/time-zone.js";
import { phrase } from "../../../i18n/phrase.js";
import { AppError, fieldError } from "../../errors.js";
import type { QuestionSpec } from "../../questionnaire/question.js";
import type { Texts } from "../../questionnaire/texts.js";
import { loadQuestionnaire } from "../questionnaires.js";
import type { ExportRow } from "../dataset/variables.js";

/**
 * A `from`/`to` bound as asked: an instant, or a day (`YYYY-MM-DD`) that only the survey's time
 * zone turns into an instant, so it stays a day until the survey is read.
 */
export type DateBound = Date | string;

/**
 * Which responses an export holds. Dates compare with the time the response was first stored.
 * `ZonedFilter` is the same with its day bounds turned into instants.
 */
export interface ExportFilter<Bound = DateBound> {
  version?: number;
  /** true: complete only; false: partial only; undefined: both. */
  complete?: boolean;
  /** Stored at or after this instant (a day: from its start). */
  from?: Bound;
  /** Stored before this instant (a day: up to its end, inclusive). */
  to?: Bound;
  /** Only this unit's responses (a member limited to one unit). */
  unit?: string | null;
}

/** A filter whose bounds are instants. */
export type ZonedFilter = ExportFilter<Date>;

/** The filter with its day bounds read in the survey's time zone (`to` includes its whole day). */
export function zoneFilter(filter: ExportFilter, timeZone: string): ZonedFilter {
  const instant = (bound: DateBound | undefined, dayAfter: boolean) => (typeof bound === "string" ? (zonedDayStart(bound, timeZone, dayAfter) ?? undefined) : bound);
  return { ...filter, from: instant(filter.from, false), to: instant(filter.to, true) };
}

/** A fixed set of responses: those stored up to `last`, at most `count` (a .sav header declares the count). */
export interface Snapshot {
  count: number;
  last: Date | null;
}

/** The survey an export reads: its id, title and the questions of the versions it covers. */
export interface ExportSurvey {
  name: string;
  surveyId: number;
  /** The current version (or the filtered one). */
  version: number;
  title: Texts;
  specs: QuestionSpec[];
  /** The survey's IANA time zone. */
  timeZone: string;
}

/** Rows per database round trip: big enough to amortise it, small enough to keep memory flat. */
export const BATCH_SIZE = 2000;

/**
 * The survey and the questions of every version the export covers, newest first: a question that
 * older versions had and the current one dropped still gets its columns.
 */
export async function loadExportSurvey(db: Db, name: string, filter: ExportFilter): Promise<ExportSurvey> {
  const { surveyId, version, questionnaire, timeZone } = await loadQuestionnaire(db, name, filter.version);
  return { name, surveyId, version, title: questionnaire.title, specs: questionnaire.questions, timeZone };
}

function conditions(surveyId: number, filter: ZonedFilter): SQL[] {
  const where: SQL[] = [eq(responses.surveyId, surveyId)];
  if (filter.version !== undefined) where.push(eq(responses.version, filter.version));
  if (filter.complete !== undefined) where.push(eq(responses.complete, filter.complete));
  if (filter.from) where.push(gte(responses.createdAt, filter.from));
  if (filter.to) where.push(lt(responses.createdAt, filter.to));
  if (filter.unit != null) where.push(eq(responses.unit, filter.unit));
  return where;
}

/** How many responses the export will hold now, and when the newest of them was stored. */
export async function takeSnapshot(db: Db, surveyId: number, filter: ZonedFilter): Promise<Snapshot> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      // Milliseconds since 1970 (created_at keeps milliseconds), free of any time-zone setting.
      last: sql<string | null>`(round(extract(epoch from max(${responses.createdAt})) * 1000))::text`,
    })
    .from(responses)
    .where(and(...conditions(surveyId, filter)));
  return { count: row?.n ?? 0, last: row?.last ? new Date(Number(row.last)) : null };
}

/**
 * The responses in the order they arrived, `batchSize` at a time. Keyset paging on
 * (created_at, id) walks the survey's index, so each batch costs the same however deep it is and
 * only one batch is in memory at a time.
 */
export async function* readBatches(
  db: Db,
  surveyId: number,
  filter: ZonedFilter,
  batchSize = BATCH_SIZE,
  snapshot?: Snapshot,
  derived: SQL | null = null,
): AsyncGenerator<ExportRow[]> {
  let cursor: { createdAt: string; id: string } | null = null;
  let left = snapshot ? snapshot.count : Number.POSITIVE_INFINITY;
  if (snapshot && !snapshot.last) return;
  while (left > 0) {
    const where = conditions(surveyId, filter);
    // Responses stored after the snapshot are not part of this export.
    if (snapshot?.last) where.push(sql`${responses.createdAt} <= ${snapshot.last.toISOString()}::timestamptz`);
    if (cursor) where.push(sql`(${responses.createdAt}, ${responses.id}) > (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
    const rows: ExportRow[] = await db
      .select({
        id: responses.id,
        version: responses.version,
        complete: responses.complete,
        data: responses.data,
        notAsked: responses.notAsked,
        createdAt: responses.createdAt,
        completedAt: responses.completedAt,
        unit: responses.unit,
        ...(derived ? { derived: sql<(string | boolean | null)[]>`${derived}` } : {}),
      })
      .from(responses)
      .where(and(...where))
      .orderBy(asc(responses.createdAt), asc(responses.id))
      .limit(Math.min(batchSize, left));
    if (rows.length === 0) return;
    left -= rows.length;
    yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1];
    cursor = { createdAt: last.createdAt.toISOString(), id: last.id };
  }
}

/** What one pass over the data tells a .sav writer before its header: string widths, numeric decimals, expression types. */
export interface Probe {
  /** Longest text in bytes per path (JSON text for non-strings). */
  widths: number[];
  /** Whether every value at each path is a number (or absent). */
  numeric: boolean[];
  /** Most decimal places among the numbers at each path. */
  decimals: number[];
}

/**
 * Measures, in one aggregate query inside the database, what a .sav header must declare up
 * front: the byte width of each string variable and the decimals of each number.
 */
export async function probeData(db: Db, surveyId: number, filter: ZonedFilter, paths: { width: string[][]; decimals: string[][] }): Promise<Probe> {
  const selections: SQL[] = [];
  const pathLiteral = (path: string[]) => sql`${`{${path.map((p) => `"${p.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`}::text[]`;
  for (const path of paths.width) {
    const at = sql`${responses.data} #> ${pathLiteral(path)}`;
    selections.push(sql`coalesce(max(octet_length(${responses.data} #>> ${pathLiteral(path)})), 0)`);
    selections.push(sql`coalesce(bool_and(jsonb_typeof(${at}) = 'number' or ${at} is null or ${at} = 'null'::jsonb), true)`);
  }
  for (const path of paths.decimals) {
    const at = sql`${responses.data} #> ${pathLiteral(path)}`;
    selections.push(sql`coalesce(max(case when jsonb_typeof(${at}) = 'number' then scale((${at})::text::numeric) end), 0)`);
  }
  if (selections.length === 0) return { widths: [], numeric: [], decimals: [] };
  const query = sql`select ${sql.join(
    selections.map((s, i) => sql`${s} as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  )} from ${responses} where ${and(...conditions(surveyId, filter))}`;
  const result = await db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const row = rows[0] ?? {};
  const value = (i: number) => row[`c${i}`];
  const widths: number[] = [];
  const numeric: boolean[] = [];
  paths.width.forEach((_, i) => {
    widths.push(Number(value(2 * i)));
    numeric.push(value(2 * i + 1) === true || value(2 * i + 1) === "t");
  });
  const offset = 2 * paths.width.length;
  const decimals = paths.decimals.map((_, i) => Number(value(offset + i)));
  return { widths, numeric, decimals };
}

/**
 * Parses `from`/`to` values: a day (YYYY-MM-DD, kept as the text: it is read in the survey's time
 * zone, `to` including that whole day) or an ISO 8601 instant with its own offset.
 */
export function parseDateBound(raw: string | undefined, field: "from" | "to"): DateBound | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    // Any zone tells a real date from 2026-02-30; the survey's own zone is applied later.
    if (zonedDayStart(raw, "UTC")) return raw;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const instant = new Date(raw);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  throw new AppError("bad_request", phrase("exports.badTime", { field }), [fieldError(field, "bad_time", phrase("exports.notATime", { raw }))]);
}
