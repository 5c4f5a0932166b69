import { eq } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyDrafts } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { diffQuestionnaires, type QuestionnaireDiff } from "../../questionnaire/diff.js";
import { type Actor, recordAudit } from "../audit.js";
import { surveysChanged } from "../survey-changes.js";
import { publishSurvey } from "../surveys.js";
import { currentVersion } from "./current-version.js";
import { staleDraft } from "./stale-draft.js";

/**
 * Publishes revision `revision` of a survey's draft as its next version and deletes the draft,
 * in one transaction: publication keeps every rule of `publishSurvey` (questionnaire problems are
 * a 422 naming the question, a type change of an answered question a 409 naming it), and on any
 * refusal the draft stays as it was. A draft equal to the current version publishes nothing and
 * answers that version. A new survey's first publication is its version 1. The draft row is locked first, so a save cannot slip in between.
 */
export async function publishDraft(
  db: Db,
  survey: { surveyId: number; name: string },
  revision: number,
  actor: Actor,
): Promise<{ name: string; version: number; created: boolean; diff: QuestionnaireDiff }> {
  const result = await db.transaction(async (tx) => {
    const [draft] = await tx.select().from(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.surveyId)).for("update");
    if (!draft) throw new AppError("conflict", phrase("drafts.noDraft", { name: survey.name }));
    if (draft.revision !== revision) throw await staleDraft(tx, survey, revision);
    const diff = diffQuestionnaires((await currentVersion(tx, survey.surveyId))?.json ?? {}, draft.json);
    const published = await publishSurvey(tx, survey.name, draft.json, { existing: true, actor });
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.surveyId, survey.surveyId));
    await recordAudit(tx, { actor, survey: survey.surveyId, action: "draft.publish", details: { revision, version: published.version, created: published.created } });
    return { name: survey.name, version: published.version, created: published.created, diff };
  });
  // publishSurvey counted its change inside our transaction: count again now that it is committed,
  // so no cache filled in between is trusted.
  surveysChanged();
  return result;
}
