/**
 * What the database already holds for checked rows: under their ids (repeats, conflicts, another
 * survey's responses), and, for rows without an id of their own, stored responses with exactly
 * the same answers (probable duplicates).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** A response that passed the same checks as a web submission. */
export interface CheckedResponse {
  id: string;
  version: number;
  /** True when the row named its version (a version column): a stored response of another version is then not the same. */
  versionGiven?: boolean;
  /** The data as the checker returned it (what is stored). */
  data: Record<string, unknown>;
  /** Questions logic hid from this respondent, as the checker found them (stored as submitResponse stores them). */
  notAsked?: string[];
  complete: boolean;
  /** Hash of the body as submitted (as submitResponse computes it). */
  bodyHash: string;
}

export type StoredState = "repeat" | "conflict" | "other_survey" | "deleted";

/**
 * The state of each id already taken. A repeat is the same body as sent before (an earlier
 * import of the same file), or the same response as stored: the same answers and completion, and
 * the same version when the row names one. The second is how an export comes back: its rows
 * carry the stored answers, not the body the respondent's browser sent.
 */
export async function findExisting(db: Db, surveyId: number, items: readonly CheckedResponse[]): Promise<Map<string, StoredState>> {
  const found = new Map<string, StoredState>();
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    // Ids first, answers only for the ids already taken: most rows of an import are new, and a
    // batch's answers as one JSON text (a megabyte for a wide questionnaire) would be sent, and
    // left behind in this process's old generation, for nothing.
    const ids = JSON.stringify(chunk.map((r) => r.id));
    const taken = await queryRows<{ id: string; own: boolean }>(
      db,
      sql`select r.id::text as id, r.survey_id = ${surveyId} as own
          from responses r where r.id in (select x::uuid from jsonb_array_elements_text(${ids}::jsonb) as x)`,
    );
    const ours = new Set<string>();
    for (const row of taken) {
      if (row.own) ours.add(row.id);
      else found.set(row.id, "other_survey");
    }
    if (ours.size > 0) {
      const compared = chunk
        .filter((r) => ours.has(r.id))
        .map((r) => ({ id: r.id, hash: r.bodyHash, data: r.data, complete: r.complete, version: r.version, given: r.versionGiven === true }));
      const rows = await queryRows<{ id: string; same: boolean }>(
        db,
        sql`select r.id::text as id,
              (r.body_hash = v.hash or (r.data = v.data and r.complete = v.complete and (not v.given or r.version = v.version))) as same
            from jsonb_to_recordset(${JSON.stringify(compared)}::jsonb) as v(id uuid, hash text, data jsonb, complete boolean, version int, given boolean)
            join responses r on r.id = v.id`,
      );
      for (const row of rows) found.set(row.id, row.same ? "repeat" : "conflict");
    }
    // A deleted response's tombstone: its id is never stored again (as a web resend is refused).
    const tombstones = await queryRows<{ id: string }>(
      db,
      sql`select d.response_id::text as id from deleted_responses d where d.response_id in (select x::uuid from jsonb_array_elements_text(${ids}::jsonb) as x)`,
    );
    for (const row of tombstones) found.set(row.id, "deleted");
  }
  return found;
}

/**
 * For each item whose answers equal a stored response's of this survey, the id of one such
 * response (the earliest). One comparison of jsonb values in the database per call: the stored
 * answers never travel into this process.
 */
export async function findLookalikes(db: Db, surveyId: number, items: readonly CheckedResponse[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (items.length === 0) return found;
  const rows = await queryRows<{ id: string; stored: string }>(
    db,
    sql`select distinct on (v.id) v.id::text as id, r.id::text as stored
        from jsonb_to_recordset(${JSON.stringify(items.map((r) => ({ id: r.id, data: r.data })))}::jsonb) as v(id uuid, data jsonb)
        join responses r on r.survey_id = ${surveyId} and r.data = v.data and r.id <> v.id
        order by v.id, r.created_at, r.id`,
  );
  for (const row of rows) found.set(row.id, row.stored);
  return found;
}
