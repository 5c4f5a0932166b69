import { eq } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyDrafts, users } from "../../db/schema/index.js";
import { AppError, fieldError } from "../../errors.js";

/**
 * The 409 for a save or publish based on a revision that is no longer the stored one: it names
 * the stored revision and who saved it, so the editor can tell the user whose work is newer.
 */
export async function staleDraft(db: Db, survey: { surveyId: number; name: string }, revision: number): Promise<AppError> {
  const [row] = await db
    .select({ revision: surveyDrafts.revision, at: surveyDrafts.updatedAt, login: users.login, userName: users.name, label: surveyDrafts.updatedByLabel })
    .from(surveyDrafts)
    .leftJoin(users, eq(users.id, surveyDrafts.updatedBy))
    .where(eq(surveyDrafts.surveyId, survey.surveyId));
  const stored = row?.revision ?? 0;
  const field = fieldError("revision", "stale_revision", phrase("drafts.staleField", { stored }));
  if (!row) return new AppError("conflict", phrase("drafts.noDraftYet", { name: survey.name, revision }), [field]);
  const by = row.login !== null ? `${row.userName ?? row.login} (${row.login})` : (row.label ?? phrase("drafts.platform"));
  return new AppError("conflict", phrase("drafts.stale", { name: survey.name, revision, stored, by, at: row.at.toISOString() }), [field]);
}
