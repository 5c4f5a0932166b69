import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tokens } from "../db/schema/index.js";
import { sha256 } from "../lib/canonical-hash.js";

/** Token text: a fixed prefix makes a leaked token recognisable in logs and scanners. */
const PREFIX = "djs_";

/** Creates a researcher token; returns the token text, which is never stored and shown only now. */
export async function createToken(db: Db, label: string): Promise<{ id: number; token: string }> {
  const cleaned = label.trim();
  if (!cleaned) throw new Error("createToken: a token needs a label (who or what it is for)");
  const token = PREFIX + randomBytes(24).toString("base64url");
  const [row] = await db
    .insert(tokens)
    .values({ label: cleaned, hash: sha256(token) })
    .returning({ id: tokens.id });
  return { id: row.id, token };
}

/** Whether the token is one of ours and not revoked. */
export async function verifyToken(db: Db, token: string): Promise<boolean> {
  if (!token.startsWith(PREFIX)) return false;
  const rows = await db
    .select({ id: tokens.id })
    .from(tokens)
    .where(and(eq(tokens.hash, sha256(token)), isNull(tokens.revokedAt)))
    .limit(1);
  return rows.length > 0;
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
