/** Storing many checked responses at once: all of them in one transaction, or none. */
import { phrase } from "../../../i18n/phrase.js";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { deletedResponses, responses } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";

/** A response that passed the same checks as a web submission. */
export interface CheckedResponse {
  id: string;
  version: number;
  /** The data as the checker returned it (what is stored). */
  data: Record<string, unknown>;
  /** Questions logic hid from this respondent, as the checker found them (stored as submitResponse stores them). */
  notAsked?: string[];
  complete: boolean;
  /** Hash of the body as submitted (as submitResponse computes it), to tell repeats from conflicts. */
  bodyHash: string;
}

/**
 * What is stored under ids already taken: by this survey with the same or another body, or by
 * another survey; or the tombstone of a deleted response (never stored again).
 */
export async function findExisting(db: Db, surveyId: number, items: readonly CheckedResponse[]) {
  const found = new Map<string, "repeat" | "conflict" | "other_survey" | "deleted">();
  for (let i = 0; i < items.length; i += 1000) {
    const chunk = items.slice(i, i + 1000);
    const hashes = new Map(chunk.map((r) => [r.id, r.bodyHash]));
    const rows = await db
      .select({ id: responses.id, surveyId: responses.surveyId, bodyHash: responses.bodyHash })
      .from(responses)
      .where(
        inArray(
          responses.id,
          chunk.map((r) => r.id),
        ),
      );
    for (const row of rows) {
      found.set(row.id, row.surveyId !== surveyId ? "other_survey" : row.bodyHash === hashes.get(row.id) ? "repeat" : "conflict");
    }
    const tombstones = await db
      .select({ id: deletedResponses.responseId })
      .from(deletedResponses)
      .where(
        inArray(
          deletedResponses.responseId,
          chunk.map((r) => r.id),
        ),
      );
    for (const row of tombstones) found.set(row.id, "deleted");
  }
  return found;
}

/**
 * Inserts the responses in one transaction, chunk by chunk; ids already stored with the same body
 * are repeats and add nothing. Should another body have arrived under one of the ids since they
 * were checked, the whole transaction is rolled back.
 */
export async function insertResponses(db: Db, surveyId: number, items: readonly CheckedResponse[], onProgress?: (done: number) => void) {
  return db.transaction(async (tx) => {
    let created = 0;
    const now = new Date();
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      const inserted = await tx
        .insert(responses)
        .values(
          chunk.map((r) => ({
            id: r.id,
            surveyId,
            version: r.version,
            data: r.data,
            notAsked: r.notAsked ?? [],
            complete: r.complete,
            bodyHash: r.bodyHash,
            completedAt: r.complete ? now : null,
          })),
        )
        .onConflictDoNothing({ target: responses.id })
        .returning({ id: responses.id });
      created += inserted.length;
      if (inserted.length < chunk.length) {
        const fresh = new Set(inserted.map((r) => r.id));
        const clashes = [
          ...(await findExisting(
            tx as unknown as Db,
            surveyId,
            chunk.filter((r) => !fresh.has(r.id)),
          )),
        ].filter(([, state]) => state !== "repeat");
        if (clashes.length > 0) {
          throw new AppError(
            "conflict",
            phrase("imports.raced", { count: clashes.length }),
            clashes.map(([id]) => fieldError("(id)", "conflict", phrase("imports.racedRow", { id }))),
          );
        }
      }
      onProgress?.(Math.min(items.length, i + chunk.length));
    }
    return { created, repeated: items.length - created };
  });
}
