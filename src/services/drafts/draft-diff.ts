import type { Db } from "../../db/client.js";
import { diffQuestionnaires, type QuestionnaireDiff } from "../../questionnaire/diff.js";
import { currentVersion } from "./current-version.js";
import { readDraft } from "./read-draft.js";

/**
 * What publishing the draft would change against the current version (which may be newer than
 * the one the draft started from, when someone published meanwhile); against nothing for a new
 * survey, whose every question is then added. No draft: nothing changes.
 */
export async function draftDiff(db: Db, survey: { surveyId: number; name: string }): Promise<{ basedOn: number | null; diff: QuestionnaireDiff }> {
  const draft = await readDraft(db, survey);
  const current = await currentVersion(db, survey.surveyId);
  return { basedOn: draft.basedOn, diff: diffQuestionnaires(current?.json ?? {}, draft.json) };
}
