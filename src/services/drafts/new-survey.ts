import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { eq } from "drizzle-orm";
import { surveyDrafts, surveys } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { TraditionalStandard } from "../../questionnaire/convert-chinese.js";
import { addOwner } from "../access/members.js";
import { allows } from "../access/permissions.js";
import { type Caller, findAccess } from "../access/survey-access.js";
import { type Actor, recordAudit } from "../audit.js";
import { surveysChanged } from "../survey-changes.js";
import { assertSurveyName } from "../surveys.js";
import { currentVersion } from "./current-version.js";
import { emptyQuestionnaire, readDraft } from "./read-draft.js";
import { readShipped } from "./shipped.js";

/** Where a new survey's questionnaire starts. */
export type Start = { kind: "empty" } | { kind: "shipped"; questionnaire: string } | { kind: "copy"; survey: string };

export interface NewSurvey {
  name: string;
  from: Start;
  /** The questionnaire's title (default: the source's, or the survey's name when empty). */
  title?: string;
}

interface Starting {
  json: Record<string, unknown>;
  /** A copy keeps the source survey's Traditional standard. */
  traditionalStandard?: TraditionalStandard;
}

async function startingJson(db: Db, caller: Caller, from: Start): Promise<Starting | undefined> {
  if (from.kind === "empty") return undefined;
  if (from.kind === "shipped") return { json: await readShipped(from.questionnaire) };
  // A survey the caller may not read is one that does not exist, as everywhere else.
  const access = await findAccess(db, caller, from.survey);
  if (!access || !allows(access.role, "read")) throw new AppError("not_found", phrase("surveys.notFound", { name: from.survey }));
  // Its current version; a survey with nothing published yet is copied from its draft.
  const source = (await currentVersion(db, access.surveyId)) ?? (await readDraft(db, { surveyId: access.surveyId, name: from.survey }));
  const [settings] = await db.select({ traditionalStandard: surveys.traditionalStandard }).from(surveys).where(eq(surveys.id, access.surveyId));
  return { json: structuredClone(source.json), traditionalStandard: settings?.traditionalStandard };
}

/**
 * Creates a survey in status draft (answerable by nobody) whose draft, revision 1, holds the
 * starting questionnaire; the caller becomes its owner. Nothing is published yet: the survey has
 * no respondent page and no version until its draft is published, as version 1, whose diff lists
 * every question as added.
 * @throws {AppError} 422 for a bad name or an unknown shipped questionnaire, 404 for a copy of a survey the caller cannot read, 409 for a name in use
 */
export async function createSurvey(db: Db, caller: Caller, input: NewSurvey, actor: Actor): Promise<{ name: string; revision: number }> {
  assertSurveyName(input.name);
  const start = await startingJson(db, caller, input.from);
  const title = input.title ?? start?.json.title ?? input.name;
  const json = start ? { ...start.json, title } : emptyQuestionnaire(title);
  await db.transaction(async (tx) => {
    const made = await tx
      .insert(surveys)
      .values({ name: input.name, status: "draft", ...(start?.traditionalStandard ? { traditionalStandard: start.traditionalStandard } : {}) })
      .onConflictDoNothing()
      .returning({ id: surveys.id });
    if (made.length === 0) throw new AppError("conflict", phrase("members.nameTaken", { name: input.name }));
    const surveyId = made[0].id;
    if (caller.userId !== null) await addOwner(tx, surveyId, caller.userId);
    const by = { updatedBy: actor.userId, updatedByLabel: actor.userId === null ? actor.label : null };
    await tx.insert(surveyDrafts).values({ surveyId, json, revision: 1, basedOn: null, ...by });
    const source = input.from.kind === "shipped" ? input.from.questionnaire : input.from.kind === "copy" ? input.from.survey : null;
    await recordAudit(tx, { actor, survey: surveyId, action: "survey.create", details: { from: input.from.kind, source } });
  });
  surveysChanged();
  return { name: input.name, revision: 1 };
}
