import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { surveyDrafts } from "../../db/schema/index.js";
import { checkQuestionnaire } from "../../questionnaire/check.js";
import type { Problem } from "../../questionnaire/problem.js";
import { type Actor, recordAudit } from "../audit.js";
import { currentVersion } from "./current-version.js";
import { staleDraft } from "./stale-draft.js";

export interface DraftSave {
  json: Record<string, unknown>;
  /** The revision the editor loaded: 0 when it started from the published version. */
  revision: number;
  converted?: string[];
}

/**
 * Saves a draft over revision `save.revision` and answers the new revision with the
 * questionnaire's problems, which do not stop the save: a draft may be half-made. A save based on
 * any other revision than the stored one is a 409 and changes nothing. The compare-and-set is one
 * statement (`update … where revision = n`, or an insert that a concurrent first save makes a
 * no-op), so of two saves of one revision exactly one wins, on PGlite and on PostgreSQL.
 */
export async function saveDraft(db: Db, survey: { surveyId: number; name: string }, save: DraftSave, actor: Actor): Promise<{ revision: number; problems: Problem[] }> {
  const by = { updatedBy: actor.userId, updatedByLabel: actor.userId === null ? actor.label : null, updatedAt: new Date() };
  const saved = await db.transaction(async (tx) => {
    let rows: { revision: number; basedOn: number | null }[];
    if (save.revision === 0) {
      const basedOn = (await currentVersion(tx, survey.surveyId))?.version ?? null;
      rows = await tx
        .insert(surveyDrafts)
        .values({ surveyId: survey.surveyId, json: save.json, revision: 1, basedOn, converted: save.converted ?? [], ...by })
        .onConflictDoNothing()
        .returning({ revision: surveyDrafts.revision, basedOn: surveyDrafts.basedOn });
    } else {
      rows = await tx
        .update(surveyDrafts)
        .set({ json: save.json, revision: sql`${surveyDrafts.revision} + 1`, ...(save.converted ? { converted: save.converted } : {}), ...by })
        .where(and(eq(surveyDrafts.surveyId, survey.surveyId), eq(surveyDrafts.revision, save.revision)))
        .returning({ revision: surveyDrafts.revision, basedOn: surveyDrafts.basedOn });
    }
    if (rows.length === 0) return undefined;
    await recordAudit(tx, { actor, survey: survey.surveyId, action: "draft.save", details: { revision: rows[0].revision, basedOn: rows[0].basedOn } });
    return rows[0].revision;
  });
  if (saved === undefined) throw await staleDraft(db, survey, save.revision);
  return { revision: saved, problems: checkQuestionnaire(save.json) };
}
