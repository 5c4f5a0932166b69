import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { setupCodes } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { sha256 } from "../../lib/canonical-hash.js";
import { createUser, hasUsers, type User } from "./users.js";

/** The advisory lock key that serialises first-start setups. */
const SETUP_LOCK = 0x64_6a_73_01;

/**
 * A one-time code for the first-start setup link, made only while no account exists
 * (undefined otherwise). Only its hash is stored; it stays valid until used.
 */
export async function createSetupCode(db: Db): Promise<string | undefined> {
  if (await hasUsers(db)) return undefined;
  const code = randomBytes(24).toString("base64url");
  await db.insert(setupCodes).values({ hash: sha256(code) });
  return code;
}

/** Whether a setup link may be used now: its code is unused and still no account exists. */
export async function setupCodeUsable(db: Db, code: string): Promise<boolean> {
  if (!code || (await hasUsers(db))) return false;
  const [row] = await db
    .select({ hash: setupCodes.hash })
    .from(setupCodes)
    .where(and(eq(setupCodes.hash, sha256(code)), isNull(setupCodes.usedAt)))
    .limit(1);
  return row !== undefined;
}

/**
 * Uses a setup code to create the first administrator. The code is spent in the same
 * transaction (serialised by an advisory lock), and every other code with it: once an account
 * exists, no setup link works.
 * @throws {AppError} forbidden when the code is unknown or used, or an account exists
 */
export async function completeSetup(db: Db, code: string, account: { login: string; name: string; password: string }): Promise<User> {
  return db.transaction(async (tx) => {
    // Two setup links used at the same moment must not make two first administrators.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    const spent = await tx
      .update(setupCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(setupCodes.hash, sha256(code)), isNull(setupCodes.usedAt)))
      .returning({ hash: setupCodes.hash });
    if (spent.length === 0 || (await hasUsers(tx as unknown as Db))) throw new AppError("forbidden", phrase("accounts.setupInvalid"));
    await tx.update(setupCodes).set({ usedAt: new Date() }).where(isNull(setupCodes.usedAt));
    return createUser(tx as unknown as Db, { ...account, admin: true });
  });
}
