import { phrase } from "../../i18n/phrase.js";
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { zonedDayStart } from "../lib/time-zone.js";
import type { Db } from "../db/client.js";
import { deletedResponses, responses, surveys } from "../db/schema/index.js";
import { AppError, fieldError } from "../errors.js";
import { hashJson } from "../lib/canonical-hash.js";
import type { AnswerCheckers } from "./answer-checkers.js";
import { type Actor, recordAudit } from "./audit.js";
import type { CheckResult } from "../validation/answers.js";
import { claimInvitation, invitationRequired } from "./invitations.js";
import { closedLinkError, type Link } from "./links.js";
import { insertResponse } from "./response-batch.js";
import { submissionLink, submissionTarget, type SubmissionTarget } from "./submission-cache.js";
import { closedError, closedReason, isFull } from "./survey-life.js";
import { findSurvey } from "./surveys.js";

export interface Submission {
  id: string;
  data: Record<string, unknown>;
  complete?: boolean;
  version?: number;
  /** The code of the collection link the response came through. */
  link?: string;
  /** The single-use invitation code of that link (`?i=`), when the link hands them out. */
  invitation?: string;
}

export interface SubmitResult {
  id: string;
  version: number;
  complete: boolean;
  /** "created" → 201; "repeat" (same id and body again) and "updated" (a partial response continued) → 200. */
  outcome: "created" | "repeat" | "updated";
}

/**
 * Validates a submission against the questionnaire version it answers and stores it in
 * one transaction. The client's id makes retries safe: the same id and body again is a
 * repeat; a different body for a stored complete response is a conflict. A stored
 * partial response may be continued (saved again, or completed) under its id.
 */
export async function submitResponse(db: Db, checkers: AnswerCheckers, name: string, submission: Submission): Promise<SubmitResult> {
  const complete = submission.complete ?? true;
  const survey = await submissionTarget(db, name, submission.version);
  // The hash covers the body as sent (version as given, not as resolved), so a retry of a
  // version-less submission is still a repeat after a new version is published.
  // The link is part of the body (absent, it leaves the hash as it always was): the same id sent
  // again through another link is a conflict, not a repeat.
  const bodyHash = hashJson({
    data: submission.data,
    complete,
    version: submission.version ?? null,
    ...(submission.link === undefined ? {} : { link: submission.link }),
    ...(submission.invitation === undefined ? {} : { invitation: submission.invitation }),
  });
  let checked: Checked;
  try {
    checked = await checkSubmission(db, checkers, survey, submission, bodyHash, complete);
  } catch (error) {
    // The id of a deleted response is refused before anything else is said of the submission.
    await refuseDeleted(db, submission.id);
    throw error;
  }
  if (checked.kind === "repeat") return checked.result;
  const { result, link, invited } = checked;
  const fromLink = link ? { unit: link.unit, linkId: link.id } : {};
  const now = new Date();
  const row = {
    id: submission.id,
    surveyId: survey.surveyId,
    version: survey.version,
    data: result.data,
    notAsked: result.notAsked,
    complete,
    bodyHash,
    completedAt: complete ? now : null,
    ...fromLink,
  };
  // The common case, a new response with no cap or invitation to decide, is stored with whatever
  // else arrives at the same moment; anything else takes the transaction below.
  if (!invited && survey.life.maxResponses === null) {
    const outcome = await insertResponse(db, row);
    if (outcome === "inserted") return { id: submission.id, version: survey.version, complete, outcome: "created" };
    if (outcome === "deleted") throw new AppError("conflict", phrase("responses.deleted", { id: submission.id }));
  }

  return db.transaction(async (tx) => {
    if (invited && link && submission.invitation !== undefined) await claimInvitation(tx, link, submission.invitation, submission.id);
    if (survey.life.maxResponses !== null) {
      // One submission at a time decides whether the cap is reached: the survey row is the lock.
      await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, survey.surveyId)).for("update");
      const [known] = await tx.select({ id: responses.id }).from(responses).where(eq(responses.id, submission.id));
      if (!known && (await isFull(tx, survey.surveyId, survey.life))) throw closedError(name, "full", survey.life);
    }
    const inserted = await tx.insert(responses).values(row).onConflictDoNothing({ target: responses.id }).returning({ id: responses.id });
    if (inserted.length > 0) {
      // A deletion that committed while this submission was checked: its tombstone is visible now.
      await refuseDeleted(tx, submission.id);
      return { id: submission.id, version: survey.version, complete, outcome: "created" as const };
    }

    const [existing] = await tx
      .select({ surveyId: responses.surveyId, complete: responses.complete, bodyHash: responses.bodyHash, version: responses.version })
      .from(responses)
      .where(eq(responses.id, submission.id))
      .for("update");
    // Another survey's response: say only that the id is taken, nothing about that survey.
    if (existing.surveyId !== survey.surveyId) {
      throw new AppError("conflict", phrase("responses.idInUse", { id: submission.id }));
    }
    if (existing.bodyHash === bodyHash) {
      return { id: submission.id, version: existing.version, complete: existing.complete, outcome: "repeat" as const };
    }
    if (existing.complete) {
      throw new AppError("conflict", phrase("responses.differentAnswers", { id: submission.id }));
    }
    await tx
      .update(responses)
      .set({ version: survey.version, data: result.data, notAsked: result.notAsked, complete, bodyHash, updatedAt: now, completedAt: complete ? now : null, ...fromLink })
      .where(eq(responses.id, submission.id));
    return { id: submission.id, version: survey.version, complete, outcome: "updated" as const };
  });
}

type Checked = { kind: "repeat"; result: SubmitResult } | { kind: "store"; result: Extract<CheckResult, { ok: true }>; link: Link | null; invited: boolean };

/**
 * Everything decided before a submission is stored: whether the survey and the link take answers
 * (a stored response sent again is still a repeat once they are closed), whether an invitation
 * code is needed, and the answers' verdict.
 */
async function checkSubmission(db: Db, checkers: AnswerCheckers, survey: SubmissionTarget, submission: Submission, bodyHash: string, complete: boolean): Promise<Checked> {
  const closed = closedReason(survey.life, new Date());
  if (closed) {
    // Sent before closing and sent again (a phone that was offline): still a repeat.
    const repeat = await repeatOf(db, survey.surveyId, submission.id, bodyHash);
    if (repeat) return { kind: "repeat", result: repeat };
    throw closedError(survey.name, closed, survey.life);
  }
  const found = submission.link === undefined ? null : await submissionLink(db, survey.surveyId, submission.link);
  const link = found?.link ?? null;
  if (link?.closedAt) {
    // Sent through the link before it closed and sent again: still a repeat.
    const repeat = await repeatOf(db, survey.surveyId, submission.id, bodyHash);
    if (repeat) return { kind: "repeat", result: repeat };
    throw closedLinkError(link.code);
  }
  const invited = found?.invited === true;
  if (link && invited && submission.invitation === undefined) throw invitationRequired(link);

  const result = checkers.get(survey.hash, survey.json)(submission.data, { complete });
  if (!result.ok) {
    throw new AppError("unprocessable", phrase("responses.answersInvalid", { name: survey.name, version: survey.version, count: result.errors.length }), result.errors);
  }
  return { kind: "store", result, link, invited };
}

export interface ListOptions {
  limit: number;
  /** Opaque cursor from the previous page. */
  after?: string;
  complete?: boolean;
  version?: number;
  /** Only responses that came through a link of this unit. */
  unit?: string;
  /** Stored on or after this day (YYYY-MM-DD) in the survey's time zone. */
  fromDay?: string;
  /** Stored on or before this day (YYYY-MM-DD, inclusive) in the survey's time zone. */
  toDay?: string;
  /** The caller sees only this unit's responses (a member limited to one unit), whatever `unit` asks. */
  scope?: string | null;
}

/**
 * The WHERE clause of the responses a caller may see: one survey, and when the caller is limited
 * to a unit, only that unit's responses (whatever else they ask for).
 */
export function responseScope(surveyId: number, scope?: string | null): SQL {
  return scope === undefined || scope === null ? eq(responses.surveyId, surveyId) : and(eq(responses.surveyId, surveyId), eq(responses.unit, scope))!;
}

/**
 * One page of a survey's responses, newest first. Keyset paging (created_at, id) stays
 * fast on deep pages, where OFFSET would scan everything before the page.
 * `options.scope`: the caller's unit, only responses of that unit (null or absent: every response).
 */
export async function listResponses(db: Db, name: string, options: ListOptions) {
  // A new survey with nothing published yet lists its (no) responses too.
  const survey = await findSurvey(db, name);
  const conditions = [responseScope(survey.surveyId, options.scope)];
  if (options.complete !== undefined) conditions.push(eq(responses.complete, options.complete));
  if (options.version !== undefined) conditions.push(eq(responses.version, options.version));
  if (options.unit !== undefined) conditions.push(eq(responses.unit, options.unit));
  const from = options.fromDay ? zonedDayStart(options.fromDay, survey.life.timeZone) : null;
  const to = options.toDay ? zonedDayStart(options.toDay, survey.life.timeZone, true) : null;
  if (from) conditions.push(gte(responses.createdAt, from));
  if (to) conditions.push(lt(responses.createdAt, to));
  if (options.after) {
    const cursor = decodeCursor(options.after);
    conditions.push(or(lt(responses.createdAt, cursor.createdAt), and(eq(responses.createdAt, cursor.createdAt), lt(responses.id, cursor.id)))!);
  }
  const rows = await db
    .select({
      id: responses.id,
      version: responses.version,
      complete: responses.complete,
      unit: responses.unit,
      data: responses.data,
      createdAt: responses.createdAt,
      updatedAt: responses.updatedAt,
      completedAt: responses.completedAt,
    })
    .from(responses)
    .where(and(...conditions))
    .orderBy(desc(responses.createdAt), desc(responses.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    items: page,
    next: rows.length > options.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/**
 * Deletes one response of a survey and keeps its tombstone, so the id is refused if it is sent
 * again; the deletion is audited in the same transaction. A 404 for an unknown (or already deleted)
 * id, or one outside the caller's unit.
 */
export async function deleteResponse(db: Db, name: string, id: string, actor: Actor | null, scope?: string | null): Promise<void> {
  const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, name));
  if (!survey) throw new AppError("not_found", phrase("surveys.notFound", { name }));
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(responses)
      .where(and(responseScope(survey.id, scope), eq(responses.id, id)))
      .returning({ id: responses.id, unit: responses.unit, complete: responses.complete, version: responses.version });
    if (removed.length === 0) throw new AppError("not_found", phrase("responses.notFound", { name, id }));
    await tx.insert(deletedResponses).values({ responseId: id, surveyId: survey.id, deletedBy: actor?.userId ?? null });
    const [row] = removed;
    await recordAudit(tx, { actor, survey: survey.id, action: "response.delete", details: { id, unit: row.unit, complete: row.complete, version: row.version } });
  });
}

/** A 409 (`responses.deleted`) when this id was deleted: a deleted response is never stored again. */
async function refuseDeleted(db: Pick<Db, "select">, id: string): Promise<void> {
  const [tombstone] = await db.select({ id: deletedResponses.responseId }).from(deletedResponses).where(eq(deletedResponses.responseId, id));
  if (tombstone) throw new AppError("conflict", phrase("responses.deleted", { id }));
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const createdAt = new Date(iso);
    if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error("bad cursor");
    return { createdAt, id };
  } catch {
    throw new AppError("bad_request", phrase("responses.badCursor"), [fieldError("after", "bad_cursor", phrase("responses.badCursorField"))]);
  }
}

/** The stored response when this id and body came before, as a repeat; null otherwise. */
async function repeatOf(db: Db, surveyId: number, id: string, bodyHash: string): Promise<SubmitResult | null> {
  const [row] = await db
    .select({ surveyId: responses.surveyId, bodyHash: responses.bodyHash, version: responses.version, complete: responses.complete })
    .from(responses)
    .where(eq(responses.id, id));
  if (!row || row.surveyId !== surveyId || row.bodyHash !== bodyHash) return null;
  return { id, version: row.version, complete: row.complete, outcome: "repeat" };
}
