import { randomBytes } from "node:crypto";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tokens, users } from "../db/schema/index.js";
import { sha256 } from "../lib/canonical-hash.js";
import type { User } from "./accounts/users.js";

/** Token text: a fixed prefix makes a leaked token recognisable in logs and scanners. */
const PREFIX = "djs_";

/**
 * Creates a researcher token; returns the token text, which is never stored and shown only now.
 * @param userId the account the token acts for; without one it is a legacy token (see {@link tokenCaller})
 */
export async function createToken(db: Db, label: string, userId?: number): Promise<{ id: number; label: string; token: string; createdAt: Date }> {
  const cleaned = label.trim();
  if (!cleaned) throw new Error("createToken: a token needs a label (who or what it is for)");
  const token = PREFIX + randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(tokens)
    .values({ label: cleaned, hash: sha256(token), userId: userId ?? null })
    .returning({ id: tokens.id, label: tokens.label, createdAt: tokens.createdAt });
  return { ...row, token };
}

/** Whether the token is one of ours, not revoked, and its account (if any) not disabled. */
export async function verifyToken(db: Db, token: string): Promise<boolean> {
  return (await tokenCaller(db, token)) !== undefined;
}

/** Who a valid token acts for: its account, or none for a legacy token made without `--user`. */
export interface TokenCaller {
  tokenId: number;
  label: string;
  user: User | undefined;
}

/** The caller a token stands for, or undefined when it is unknown, revoked, or its account is disabled. */
export async function tokenCaller(db: Db, token: string): Promise<TokenCaller | undefined> {
  if (!token.startsWith(PREFIX)) return undefined;
  const [row] = await db
    .select({
      tokenId: tokens.id,
      label: tokens.label,
      user: { id: users.id, login: users.login, name: users.name, admin: users.admin, disabledAt: users.disabledAt, createdAt: users.createdAt },
    })
    .from(tokens)
    .leftJoin(users, eq(users.id, tokens.userId))
    .where(and(eq(tokens.hash, sha256(token)), isNull(tokens.revokedAt), or(isNull(tokens.userId), isNull(users.disabledAt))))
    .limit(1);
  if (!row) return undefined;
  return { tokenId: row.tokenId, label: row.label, user: row.user ?? undefined };
}

/** A token as lists show it: labels and dates, never the token (which is not kept). */
export interface TokenRow {
  id: number;
  label: string;
  user: { login: string; name: string } | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Tokens, newest first: one account's (`userId`), or every token when `userId` is undefined
 * (administrators and the CLI).
 */
export async function listTokens(db: Db, userId?: number): Promise<TokenRow[]> {
  const rows = await db
    .select({ id: tokens.id, label: tokens.label, login: users.login, name: users.name, createdAt: tokens.createdAt, revokedAt: tokens.revokedAt })
    .from(tokens)
    .leftJoin(users, eq(users.id, tokens.userId))
    .where(userId === undefined ? undefined : eq(tokens.userId, userId))
    .orderBy(desc(tokens.id));
  return rows.map(({ login, name, ...row }) => ({ ...row, user: login === null ? null : { login, name: name ?? login } }));
}

/**
 * Revokes an active token by id: any token, or only one of `userId`'s when it is given.
 * @returns the revoked token's label, or undefined when there is no such active token
 */
export async function revokeToken(db: Db, id: number, userId?: number): Promise<string | undefined> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.id, id), isNull(tokens.revokedAt), userId === undefined ? undefined : eq(tokens.userId, userId)))
    .returning({ label: tokens.label });
  return rows[0]?.label;
}
