/** Single-use invitation codes of a collection link: one response per code. */
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { phrase } from "../../i18n/phrase.js";
import type { Db } from "../db/client.js";
import { linkInvitations } from "../db/schema/index.js";
import { AppError, fieldError } from "../errors.js";
import { newLinkCode } from "./link-code.js";
import type { Link } from "./links.js";
import { surveysChanged } from "./survey-changes.js";

/** How many codes one call makes at most: a district's worth of invitations. */
export const MAX_INVITATIONS = 5000;

export interface Invitation {
  code: string;
  usedAt: Date | null;
  createdAt: Date;
}

/** Makes `count` new codes for the link; from now on it takes answers only with one. */
export async function createInvitations(db: Db, link: Link, count: number): Promise<Invitation[]> {
  const made: Invitation[] = [];
  // 50 random bits a code: a clash is all but impossible, and a clashing code is simply made again.
  while (made.length < count) {
    const want = Array.from({ length: Math.min(count - made.length, 1000) }, () => ({ linkId: link.id, code: newLinkCode() }));
    const rows = await db
      .insert(linkInvitations)
      .values(want)
      .onConflictDoNothing({ target: linkInvitations.code })
      .returning({ code: linkInvitations.code, usedAt: linkInvitations.usedAt, createdAt: linkInvitations.createdAt });
    made.push(...rows);
  }
  surveysChanged();
  return made;
}

/** The link's codes in the order they were made, used or not. */
export function listInvitations(db: Db, link: Link): Promise<Invitation[]> {
  return db
    .select({ code: linkInvitations.code, usedAt: linkInvitations.usedAt, createdAt: linkInvitations.createdAt })
    .from(linkInvitations)
    .where(eq(linkInvitations.linkId, link.id))
    .orderBy(linkInvitations.id);
}

/** Whether the link takes answers only with an invitation code (it has some). */
export async function needsInvitation(db: Pick<Db, "select">, link: Link): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(linkInvitations).where(eq(linkInvitations.linkId, link.id)).limit(1);
  return row !== undefined;
}

/** The refusal of a submission through an invitation-only link that sent no code. */
export function invitationRequired(link: Link): AppError {
  return new AppError("unprocessable", phrase("links.invitationRequired", { code: link.code }), [
    fieldError("invitation", "invitation_required", phrase("links.invitationRequiredField")),
  ]);
}

/**
 * Binds the code to the response inside the submission's transaction: a free code takes the
 * response id; the same response again (resumed, completed) keeps it; any other response is
 * refused. The row lock makes two first submissions with one code take turns.
 * @throws {AppError} 422 naming `invitation`: `unknown_invitation` or `invitation_used`
 */
export async function claimInvitation(tx: Db, link: Link, invitation: string, responseId: string): Promise<void> {
  const claimed = await tx
    .update(linkInvitations)
    .set({ responseId, usedAt: sql`coalesce(${linkInvitations.usedAt}, now())` })
    .where(and(eq(linkInvitations.linkId, link.id), eq(linkInvitations.code, invitation), or(isNull(linkInvitations.responseId), eq(linkInvitations.responseId, responseId))))
    .returning({ id: linkInvitations.id });
  if (claimed.length > 0) return;
  const [known] = await tx
    .select({ id: linkInvitations.id })
    .from(linkInvitations)
    .where(and(eq(linkInvitations.linkId, link.id), eq(linkInvitations.code, invitation)));
  if (!known) {
    throw new AppError("unprocessable", phrase("links.invitationUnknown", { invitation }), [
      fieldError("invitation", "unknown_invitation", phrase("links.invitationUnknownField")),
    ]);
  }
  throw new AppError("unprocessable", phrase("links.invitationUsed", { invitation }), [fieldError("invitation", "invitation_used", phrase("links.invitationUsedField"))]);
}
