import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { surveyDrafts, surveys, surveyVersions } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { hashJson } from "../../lib/canonical-hash.js";
import { addOwner } from "../access/members.js";
import { allows } from "../access/permissions.js";
import { type Caller, findAccess } from "../access/survey-access.js";
import { type Actor, recordAudit } from "../audit.js";
import { surveysChanged } from "../survey-changes.js";
import { assertSurveyName } from "../surveys.js";
import { currentVersion } from "./current-version.js";
import { readShipped } from "./shipped.js";

/** Where a new survey's questionnaire starts. */
export type Start = { kind: "empty" } | { kind: "shipped"; questionnaire: string } | { kind: "copy"; survey: string };

export interface NewSurvey {
  name: string;
  from: Start;
  /** The questionnaire's title (default: the source's, or the survey's name when empty). */
  title?: string;
}

/** One page and no questions: the start of an empty survey, and every new survey's version 1. */
function emptyQuestionnaire(title: unknown): Record<string, unknown> {
  return { title, pages: [{ name: "page1", elements: [] }] };
}

async function startingJson(db: Db, caller: Caller, from: Start): Promise<Record<string, unknown> | undefined> {
  if (from.kind === "empty") return undefined;
  if (from.kind === "shipped") return readShipped(from.questionnaire);
  // A survey the caller may not read is one that does not exist, as everywhere else.
  const access = await findAccess(db, caller, from.survey);
  if (!access || !allows(access.role, "read")) throw new AppError("not_found", phrase("surveys.notFound", { name: from.survey }));
  return structuredClone((await currentVersion(db, access.surveyId)).json);
}

/**
 * Creates a survey in status draft (answerable by nobody) whose draft, revision 1, holds the
 * starting questionnaire; the caller becomes its owner. Every survey has a current version (the
 * survey list, the respondent route and the analysis all read one), so version 1 is the empty
 * questionnaire and the draft sits on top of it: the first publication of the draft is version 2,
 * and its diff lists every question as added.
 * @throws {AppError} 422 for a bad name or an unknown shipped questionnaire, 404 for a copy of a survey the caller cannot read, 409 for a name in use
 */
export async function createSurvey(db: Db, caller: Caller, input: NewSurvey, actor: Actor): Promise<{ name: string; revision: number }> {
  assertSurveyName(input.name);
  const start = await startingJson(db, caller, input.from);
  const title = input.title ?? start?.title ?? input.name;
  const json = start ? { ...start, title } : emptyQuestionnaire(title);
  const version = emptyQuestionnaire(title);
  await db.transaction(async (tx) => {
    const made = await tx.insert(surveys).values({ name: input.name, status: "draft" }).onConflictDoNothing().returning({ id: surveys.id });
    if (made.length === 0) throw new AppError("conflict", phrase("members.nameTaken", { name: input.name }));
    const surveyId = made[0].id;
    if (caller.userId !== null) await addOwner(tx, surveyId, caller.userId);
    await tx.insert(surveyVersions).values({ surveyId, version: 1, json: version, hash: hashJson(version) });
    const by = { updatedBy: actor.userId, updatedByLabel: actor.userId === null ? actor.label : null };
    await tx.insert(surveyDrafts).values({ surveyId, json, revision: 1, basedOn: 1, ...by });
    const source = input.from.kind === "shipped" ? input.from.questionnaire : input.from.kind === "copy" ? input.from.survey : null;
    await recordAudit(tx, { actor, survey: surveyId, action: "survey.create", details: { from: input.from.kind, source } });
  });
  surveysChanged();
  return { name: input.name, revision: 1 };
}
