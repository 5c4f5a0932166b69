/**
 * New responses arriving together are stored together: the inserts that reach this process in
 * the same turn of its event loop go to the database as one multi-row statement in one
 * transaction, which costs one commit instead of one each. No request waits for others to
 * arrive: a batch is whatever is queued when the loop turns, often just one. Each caller is
 * answered only after the transaction holding its row has committed.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { queryRows } from "../db/rows.js";
import type { responses } from "../db/schema/index.js";

/** One row to insert, as `responses` takes it. */
export type NewResponse = typeof responses.$inferInsert & { id: string };

/**
 * What became of a row: `inserted` (committed); `exists` (a row of that id was already stored,
 * or an earlier row of the same batch had it: nothing was written for this one); `deleted`
 * (the id belongs to a deleted response: nothing was written).
 */
export type InsertOutcome = "inserted" | "exists" | "deleted";

interface Pending {
  row: NewResponse;
  resolve: (outcome: InsertOutcome) => void;
  reject: (error: unknown) => void;
}

/** Rows a statement takes at most: a statement of 500 answer sets is a few MB at the most. */
const MAX_BATCH = 500;

class Batcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  insert(row: NewResponse): Promise<InsertOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O callbacks of this turn: every request read in it joins the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    if (batch.length > 0) void this.write(batch);
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await insertRows(
        this.db,
        batch.map((p) => p.row),
      );
      batch.forEach((p, i) => p.resolve(outcomes[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One row's fault must not fail the others: each is tried alone and answered for itself.
      for (const pending of batch) {
        insertRows(this.db, [pending.row]).then(
          ([outcome]) => pending.resolve(outcome),
          (err) => pending.reject(err),
        );
      }
    }
  }
}

/**
 * Inserts the rows in one transaction; a row whose id turns out to be a deleted response's is
 * taken out again before commit. Two statements of one parameter each, written by hand: drizzle
 * building a ten-column multi-row insert cost more of a submission's CPU than anything else left.
 */
async function insertRows(db: Db, rows: NewResponse[]): Promise<InsertOutcome[]> {
  const values = rows.map((r) => ({
    id: r.id,
    survey_id: r.surveyId,
    version: r.version,
    data: r.data,
    not_asked: r.notAsked ?? [],
    complete: r.complete,
    body_hash: r.bodyHash,
    completed_at: r.completedAt ? r.completedAt.toISOString() : null,
    unit: r.unit ?? null,
    link_id: r.linkId ?? null,
  }));
  return db.transaction(async (tx) => {
    const inserted = await queryRows<{ id: string }>(
      tx as unknown as Db,
      sql`insert into responses (id, survey_id, version, data, not_asked, complete, body_hash, completed_at, unit, link_id)
          select v.id, v.survey_id, v.version, v.data, v.not_asked, v.complete, v.body_hash, v.completed_at, v.unit, v.link_id
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
            as v(id uuid, survey_id int, version int, data jsonb, not_asked text[], complete boolean, body_hash text, completed_at timestamptz, unit text, link_id int)
          on conflict (id) do nothing
          returning id::text as id`,
    );
    const ids = new Set(inserted.map((r) => r.id));
    let deleted = new Set<string>();
    if (ids.size > 0) {
      // A deletion that committed while these were checked: its tombstone is visible to this
      // statement (a new snapshot under read committed), and the row goes again.
      const removed = await queryRows<{ id: string }>(
        tx as unknown as Db,
        sql`delete from responses r using deleted_responses d
            where d.response_id = r.id and r.id = any(array(select jsonb_array_elements_text(${JSON.stringify([...ids])}::jsonb)::uuid))
            returning r.id::text as id`,
      );
      deleted = new Set(removed.map((t) => t.id));
    }
    // The first row of an id in the batch is the one inserted; a later one of the same id "exists".
    const seen = new Set<string>();
    return rows.map((row) => {
      const first = !seen.has(row.id);
      seen.add(row.id);
      if (first && deleted.has(row.id)) return "deleted";
      return first && ids.has(row.id) ? "inserted" : "exists";
    });
  });
}

const batchers = new WeakMap<Db, Batcher>();

/**
 * Inserts a new response (`on conflict (id) do nothing`) together with whatever others this
 * process is inserting at the same moment, and says what became of it once committed.
 */
export function insertResponse(db: Db, row: NewResponse): Promise<InsertOutcome> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new Batcher(db);
    batchers.set(db, batcher);
  }
  return batcher.insert(row);
}
