import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { sessions, tokens, users } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type Actor, recordAudit } from "../audit.js";
import { hashPassword } from "./passwords.js";

/** What the platform shows of an account: never its password hash. */
export interface User {
  id: number;
  login: string;
  name: string;
  admin: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

const shown = { id: users.id, login: users.login, name: users.name, admin: users.admin, disabledAt: users.disabledAt, createdAt: users.createdAt };

/** A login as stored and compared: trimmed, NFC, lower case (`Zhang.San` and `zhang.san` are one account). */
export function normaliseLogin(login: string): string {
  return login.trim().normalize("NFC").toLowerCase();
}

/** Letters (any script), digits, '.', '_', '-', '@'; 1–64 characters. */
export const LOGIN_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;

/**
 * Creates an account with an argon2id hash of its password; audited (login, name, admin — never
 * the password), naming `actor` (null: the platform, as the setup page and the CLI).
 * @throws {AppError} conflict when the login is taken
 */
export async function createUser(db: Db, input: { login: string; name: string; password: string; admin?: boolean }, actor: Actor | null = null): Promise<User> {
  const login = normaliseLogin(input.login);
  if (!LOGIN_PATTERN.test(login)) throw new Error(`createUser: '${input.login}' is not a valid login`);
  const passwordHash = await hashPassword(input.password);
  const rows = await db
    .insert(users)
    .values({ login, name: input.name.trim() || login, passwordHash, admin: input.admin ?? false })
    .onConflictDoNothing({ target: users.login })
    .returning(shown);
  if (rows.length === 0) throw new AppError("conflict", phrase("accounts.loginTaken", { login }));
  await recordAudit(db, { actor, action: "user.create", details: { login, name: rows[0].name, admin: rows[0].admin } });
  return rows[0];
}

/** Every account, in the order they were made. */
export function listUsers(db: Db): Promise<User[]> {
  return db.select(shown).from(users).orderBy(asc(users.id));
}

/** The account with this login, or undefined. */
export async function findUser(db: Db, login: string): Promise<User | undefined> {
  const [row] = await db
    .select(shown)
    .from(users)
    .where(eq(users.login, normaliseLogin(login)))
    .limit(1);
  return row;
}

/** Whether any account exists (none: the first start offers the setup link). */
export async function hasUsers(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n > 0;
}

/**
 * Changes an account's name or disables / re-enables it. Disabling ends every session of
 * the account and revokes its tokens in the same transaction, so nothing it held still
 * works on the next request; enabling again revives neither.
 * The change is audited (what changed), naming `actor`.
 * @throws {AppError} not_found for an unknown login
 */
export async function updateUser(db: Db, login: string, change: { name?: string; disabled?: boolean }, actor: Actor | null = null): Promise<User> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select(shown)
      .from(users)
      .where(eq(users.login, normaliseLogin(login)))
      .limit(1);
    if (!current) throw new AppError("not_found", phrase("accounts.noUser", { login: normaliseLogin(login) }));
    const set: Partial<typeof users.$inferInsert> = {};
    if (change.name?.trim()) set.name = change.name.trim();
    if (change.disabled === true && !current.disabledAt) set.disabledAt = new Date();
    if (change.disabled === false) set.disabledAt = null;
    const [row] = Object.keys(set).length > 0 ? await tx.update(users).set(set).where(eq(users.id, current.id)).returning(shown) : [current];
    if (change.disabled === true) {
      await tx.delete(sessions).where(eq(sessions.userId, current.id));
      await tx
        .update(tokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(tokens.userId, current.id), isNull(tokens.revokedAt)));
    }
    const changed: Record<string, string | boolean> = {};
    if (set.name !== undefined) changed.name = set.name;
    if (set.disabledAt !== undefined) changed.disabled = set.disabledAt !== null;
    if (Object.keys(changed).length > 0) await recordAudit(tx, { actor, action: "user.update", details: { login: current.login, changes: changed } });
    return row;
  });
}
