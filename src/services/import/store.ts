/** Storing many checked responses at once: all of them in one transaction, or none. */
import { sql } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { AppError, fieldError } from "../../errors.js";
import { findExisting, type CheckedResponse } from "./stored-state.js";

export { findExisting, type CheckedResponse } from "./stored-state.js";

/** Rows per INSERT statement. */
const INSERT_ROWS = 1000;

/**
 * Inserts the responses in one transaction, in multi-row statements; ids already stored with the
 * same body are repeats and add nothing. Should another body have arrived under one of the ids
 * since they were checked, the whole transaction is rolled back. The responses may come as
 * batches read one at a time (an import's spool), so that they are never all in memory.
 */
export async function insertResponses(
  db: Db,
  surveyId: number,
  items: readonly CheckedResponse[] | AsyncIterable<readonly CheckedResponse[]>,
  onProgress?: (done: number) => void,
) {
  const batches = Symbol.asyncIterator in items ? items : [items];
  return db.transaction(async (tx) => {
    let created = 0;
    let done = 0;
    const now = new Date();
    for await (const batch of batches) {
      for (let i = 0; i < batch.length; i += INSERT_ROWS) {
        const chunk = batch.slice(i, i + INSERT_ROWS);
        // One parameter per statement (the rows as JSON), not nine per row: building a
        // thousand-row statement parameter by parameter cost more than running it.
        const rows = chunk.map((r) => ({ id: r.id, version: r.version, data: r.data, not_asked: r.notAsked ?? [], complete: r.complete, body_hash: r.bodyHash }));
        const inserted = await queryRows<{ id: string }>(
          tx as unknown as Db,
          sql`insert into responses (id, survey_id, version, data, not_asked, complete, body_hash, completed_at)
              select v.id, ${surveyId}, v.version, v.data, v.not_asked, v.complete, v.body_hash, case when v.complete then ${now.toISOString()}::timestamptz end
              from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, version int, data jsonb, not_asked text[], complete boolean, body_hash text)
              on conflict (id) do nothing
              returning id::text as id`,
        );
        created += inserted.length;
        if (inserted.length < chunk.length) {
          const fresh = new Set(inserted.map((r) => r.id));
          const existing = await findExisting(
            tx as unknown as Db,
            surveyId,
            chunk.filter((r) => !fresh.has(r.id)),
          );
          const clashes = [...existing].filter(([, state]) => state !== "repeat");
          if (clashes.length > 0) {
            throw new AppError(
              "conflict",
              phrase("imports.raced", { count: clashes.length }),
              clashes.map(([id]) => fieldError("(id)", "conflict", phrase("imports.racedRow", { id }))),
            );
          }
        }
        done += chunk.length;
        onProgress?.(done);
      }
    }
    return { created, repeated: done - created };
  });
}
