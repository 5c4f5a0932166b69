/**
 * A survey's life: draft, open or closed, a closing time and a response cap, and whether it takes
 * answers now; and the time zone its days and clocks are read in.
 */
import { count, eq } from "drizzle-orm";
import { phrase, type Phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { responses, surveys, surveyVersions } from "../db/schema/index.js";
import { AppError, fieldError } from "../errors.js";
import { type Actor, recordAudit } from "./audit.js";
import { surveysChanged } from "./survey-changes.js";
import { zonedMinute } from "../lib/time-zone.js";
import type { TraditionalStandard } from "../questionnaire/convert-chinese.js";

export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export interface SurveyLife {
  status: SurveyStatus;
  closesAt: Date | null;
  maxResponses: number | null;
  /** IANA zone of the survey's respondents (default Asia/Shanghai). */
  timeZone: string;
}

/** Why a survey takes no new answers. */
export type ClosedReason = "draft" | "closed" | "pastClosing" | "full";

/**
 * Why the survey takes no new answers at `now`, or null when it does. The cap is not judged
 * here: only a count of its responses can tell (see {@link isFull}).
 */
export function closedReason(life: SurveyLife, now: Date): Exclude<ClosedReason, "full"> | null {
  if (life.status === "draft") return "draft";
  if (life.status === "closed") return "closed";
  if (life.closesAt && life.closesAt.getTime() <= now.getTime()) return "pastClosing";
  return null;
}

/** True when the survey holds as many responses as its cap allows. */
export async function isFull(db: Pick<Db, "select">, surveyId: number, life: SurveyLife): Promise<boolean> {
  if (life.maxResponses === null) return false;
  const [row] = await db.select({ n: count() }).from(responses).where(eq(responses.surveyId, surveyId));
  return (row?.n ?? 0) >= life.maxResponses;
}

/** The sentence a refused submission gets, naming the reason. */
export function closedPhrase(name: string, reason: ClosedReason, life: SurveyLife): Phrase {
  switch (reason) {
    case "draft":
      return phrase("responses.surveyDraft", { name });
    case "closed":
      return phrase("responses.surveyClosed", { name });
    case "pastClosing":
      return phrase("responses.surveyPastClosing", { name, at: zonedMinute((life.closesAt ?? new Date()).getTime(), life.timeZone) });
    case "full":
      return phrase("responses.surveyFull", { name, max: life.maxResponses ?? 0 });
  }
}

/** The refusal of a submission to a survey that takes no new answers: 403, naming the reason. */
export function closedError(name: string, reason: ClosedReason, life: SurveyLife): AppError {
  return new AppError("forbidden", closedPhrase(name, reason, life));
}

/** The columns a survey's life is read from. */
export const lifeColumns = { status: surveys.status, closesAt: surveys.closesAt, maxResponses: surveys.maxResponses, timeZone: surveys.timeZone };

/** What PATCH /api/surveys/{name} sets: the life, and the survey's Traditional standard (its editors' OpenCC fill). */
export type SurveySettings = SurveyLife & { traditionalStandard: TraditionalStandard };

/** A survey's life and settings as stored, or a 404. */
export async function getSurveyLife(db: Db, name: string): Promise<SurveySettings & { name: string }> {
  const [row] = await db
    .select({ ...lifeColumns, traditionalStandard: surveys.traditionalStandard })
    .from(surveys)
    .where(eq(surveys.name, name));
  if (!row) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  return { name, ...row };
}

/**
 * Changes the status, closing time, cap, time zone or Traditional standard of a survey (each left as it is when absent;
 * null clears the closing time and the cap; the zone is checked by the caller). A change is audited with the life before and after, naming `actor`.
 * @throws {AppError} 409 naming `status` for opening a survey with nothing published yet
 */
export async function updateSurveyLife(db: Db, name: string, changes: Partial<SurveySettings>, actor: Actor | null = null): Promise<SurveySettings & { name: string }> {
  const set: Partial<SurveySettings> = {};
  if (changes.status !== undefined) set.status = changes.status;
  if (changes.closesAt !== undefined) set.closesAt = changes.closesAt;
  if (changes.maxResponses !== undefined) set.maxResponses = changes.maxResponses;
  if (changes.timeZone !== undefined) set.timeZone = changes.timeZone;
  if (changes.traditionalStandard !== undefined) set.traditionalStandard = changes.traditionalStandard;
  if (Object.keys(set).length > 0) {
    await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ id: surveys.id, ...lifeColumns, traditionalStandard: surveys.traditionalStandard })
        .from(surveys)
        .where(eq(surveys.name, name))
        .for("update");
      if (!before) throw new AppError("not_found", phrase("surveys.notFound", { name }));
      // A new survey has no respondent page until its draft is published: nothing to open yet.
      if (set.status === "open" && before.status !== "open") {
        const [published] = await tx.select({ n: count() }).from(surveyVersions).where(eq(surveyVersions.surveyId, before.id));
        if ((published?.n ?? 0) === 0) {
          throw new AppError("conflict", phrase("surveys.openUnpublished", { name }), [fieldError("status", "not_published", phrase("surveys.statusField"))]);
        }
      }
      await tx.update(surveys).set(set).where(eq(surveys.id, before.id));
      const after = { ...before, ...set };
      const shown = (life: SurveySettings) => ({
        status: life.status,
        closesAt: life.closesAt ? life.closesAt.toISOString() : null,
        maxResponses: life.maxResponses,
        timeZone: life.timeZone,
        traditionalStandard: life.traditionalStandard,
      });
      await recordAudit(tx, { actor, survey: before.id, action: "survey.life", details: { from: shown(before), to: shown(after) } });
    });
    surveysChanged();
  }
  return getSurveyLife(db, name);
}
