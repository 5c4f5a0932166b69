import { randomBytes } from "node:crypto";
import { and, eq, isNull, or } from "drizzle-orm";
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
export async function createToken(db: Db, label: string, userId?: number): Promise<{ id: number; token: string }> {
  const cleaned = label.trim();
  if (!cleaned) throw new Error("createToken: a token needs a label (who or what it is for)");
  const token = PREFIX + randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(tokens)
    .values({ label: cleaned, hash: sha256(token), userId: userId ?? null })
    .returning({ id: tokens.id });
  return { id: row.id, token };
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

/** All tokens (labels and dates only: the texts are not kept). */
export async function listTokens(db: Db) {
  return db.select({ id: tokens.id, label: tokens.label, createdAt: tokens.createdAt, revokedAt: tokens.revokedAt }).from(tokens).orderBy(tokens.id);
}

/** Revokes a token by id; false when there is no such active token. */
export async function revokeToken(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .update(tokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(tokens.id, id), isNull(tokens.revokedAt)))
    .returning({ id: tokens.id });
  return rows.length > 0;
}
