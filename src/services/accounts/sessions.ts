import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { sessions, users } from "../../db/schema/index.js";
import { sha256 } from "../../lib/canonical-hash.js";
import type { User } from "./users.js";

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * Starts a session for a user; returns the cookie's secret, shown only now (the row's id
 * is its SHA-256, so the database alone cannot sign anybody in).
 */
export async function createSession(db: Db, userId: number, now = new Date()): Promise<{ secret: string; expiresAt: Date }> {
  const secret = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({ id: sha256(secret), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return { secret, expiresAt };
}

/**
 * The user a cookie secret signs in, or undefined when the session does not exist, has
 * been idle too long, has reached its absolute end, or its account is disabled.
 */
export async function verifySession(db: Db, secret: string, now = new Date()): Promise<User | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  const id = sha256(secret);
  const [row] = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, login: users.login, name: users.name, admin: users.admin, disabledAt: users.disabledAt, createdAt: users.createdAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return row.user;
}

/** Ends the session of a cookie secret (signing out); nothing happens for an unknown one. */
export async function deleteSession(db: Db, secret: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(secret)));
}

/** Deletes sessions past either end; called on sign-in, so the table does not grow forever. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))));
}
