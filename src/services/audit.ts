/** The audit log: who published, closed, linked, exported, imported, deleted or changed an account, and when. */
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Catalogue } from "../../i18n/words.js";
import type { Db } from "../db/client.js";
import { auditEvents, surveys, users } from "../db/schema/index.js";

/** Every action the log records. */
export type AuditAction =
  | "survey.publish"
  | "survey.life"
  | "member.put"
  | "member.delete"
  | "token.create"
  | "token.revoke"
  | "user.create"
  | "user.update"
  | "link.create"
  | "link.change"
  | "export"
  | "import"
  | "response.delete"
  | "survey.create"
  | "draft.save"
  | "draft.publish";

// Every action has its words in the workspace's catalogue, and the catalogue names no other.
type Worded = keyof Catalogue["workspace"]["audit"]["actions"];
const everyActionWorded: [AuditAction] extends [Worded] ? ([Worded] extends [AuditAction] ? true : never) : never = true;
void everyActionWorded;

/**
 * Who acted: an account (`userId`, with its login as `label`), or a caller without one
 * (a legacy token: `userId` null, its label). `null` in place of an actor is the platform itself.
 */
export interface Actor {
  userId: number | null;
  label: string;
}

/** What an event says: plain JSON, never a password, a token or an answer. */
export type AuditDetails = Record<string, string | number | boolean | null | string[] | Record<string, string | number | boolean | null>>;

export interface AuditInput {
  actor: Actor | null;
  /** The survey's id, when the action concerns one. */
  survey?: number | null;
  action: AuditAction;
  details?: AuditDetails;
}

/** Keys that would carry a secret or an answer: a bug in the caller, refused before anything is written. */
const FORBIDDEN_KEYS = /^(password|passwordhash|hash|token|secret|data|answers?)$/i;

/**
 * Writes one event. Pass the transaction of the change itself, so the event exists exactly
 * when the change does.
 * @throws {Error} when `details` holds a key that names a secret or answers (`password`, `token`, `data`, …)
 * @example await recordAudit(tx, { actor, survey: surveyId, action: "response.delete", details: { id } });
 */
export async function recordAudit(db: Pick<Db, "insert">, input: AuditInput): Promise<void> {
  const details = input.details ?? {};
  const bad = Object.keys(details).find((key) => FORBIDDEN_KEYS.test(key));
  if (bad) throw new Error(`recordAudit: details of ${input.action} must not hold '${bad}'`);
  await db.insert(auditEvents).values({
    actorUserId: input.actor?.userId ?? null,
    actorLabel: input.actor && input.actor.userId === null ? input.actor.label : null,
    surveyId: input.survey ?? null,
    action: input.action,
    details,
  });
}

/** One event as the API shows it. */
export interface AuditEvent {
  id: number;
  at: Date;
  /** The account (its current name), a legacy token (`login` null, its label as name), or null for the platform. */
  actor: { login: string | null; name: string } | null;
  action: string;
  /** The survey's name, or null (not about a survey, or the survey is gone). */
  survey: string | null;
  details: Record<string, unknown>;
}

export interface AuditQuery {
  limit: number;
  /** Only events older than this one (the `next` of the previous page). */
  before?: number;
  /** One survey's events; absent: every event. */
  surveyId?: number;
}

/** A page of events, newest first; `next` is the `before` of the following page, or null on the last. */
export async function listAudit(db: Db, query: AuditQuery): Promise<{ events: AuditEvent[]; next: number | null }> {
  const where: SQL[] = [];
  if (query.surveyId !== undefined) where.push(eq(auditEvents.surveyId, query.surveyId));
  if (query.before !== undefined) where.push(lt(auditEvents.id, query.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      login: users.login,
      name: users.name,
      label: auditEvents.actorLabel,
      action: auditEvents.action,
      survey: surveys.name,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(surveys, eq(surveys.id, auditEvents.surveyId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const events = page.map((row) => ({
    id: Number(row.id),
    at: row.at,
    actor: row.login !== null ? { login: row.login, name: row.name ?? row.login } : row.label !== null ? { login: null, name: row.label } : null,
    action: row.action,
    survey: row.survey,
    details: row.details,
  }));
  return { events, next: rows.length > query.limit && page.length > 0 ? Number(page[page.length - 1].id) : null };
}
