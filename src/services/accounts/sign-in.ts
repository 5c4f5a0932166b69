import { eq, sql } from "drizzle-orm";
import { phrase } from "../../../i18n/phrase.js";
import type { Db } from "../../db/client.js";
import { signInFailures, users } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { verifyNothing, verifyPassword } from "./passwords.js";
import { normaliseLogin, type User } from "./users.js";

/** Failures of one login allowed before each further try has to wait. */
export const FREE_FAILURES = 10;
/** The wait after the 10th failure; it doubles with every further failure… */
const FIRST_WAIT_S = 30;
/** …up to this. Never a permanent lock: the owner can always try again later. */
const LONGEST_WAIT_S = 15 * 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** A sign-in refused because the login failed too often lately: answer 429 with Retry-After. */
export class SignInThrottled extends AppError {
  constructor(readonly retryAfter: number) {
    super("too_many_requests", phrase("accounts.throttled", { seconds: retryAfter }));
  }
}

/** Seconds a login has to wait before its next try after `failures` failures (0: may try now). */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_WAIT_S * 2 ** (failures - FREE_FAILURES), LONGEST_WAIT_S);
}

/**
 * Checks a login and password. A wrong login, a wrong password and a disabled account all
 * fail alike (same error, same time spent), and each failure counts against the login;
 * after {@link FREE_FAILURES} failures every try waits, longer after each further failure,
 * without the password being checked.
 * @throws {SignInThrottled} while the login has to wait
 * @throws {AppError} unauthorized, with one generic message, when the sign-in fails
 */
export async function signIn(db: Db, loginInput: string, password: string, now = new Date()): Promise<User> {
  const login = normaliseLogin(loginInput).slice(0, 200);
  const [record] = await db.select().from(signInFailures).where(eq(signInFailures.login, login)).limit(1);
  if (record && now.getTime() - record.lastFailedAt.getTime() < FORGET_AFTER_MS) {
    const remaining = Math.ceil((record.lastFailedAt.getTime() + waitAfter(record.failures) * 1000 - now.getTime()) / 1000);
    if (remaining > 0) throw new SignInThrottled(remaining);
  }
  const [row] = await db.select().from(users).where(eq(users.login, login)).limit(1);
  const ok = row ? await verifyPassword(row.passwordHash, password) : await verifyNothing(password);
  if (!ok || !row || row.disabledAt) {
    await countFailure(db, login, now);
    throw new AppError("unauthorized", phrase("accounts.signInFailed"));
  }
  if (record) await db.delete(signInFailures).where(eq(signInFailures.login, login));
  return { id: row.id, login: row.login, name: row.name, admin: row.admin, disabledAt: row.disabledAt, createdAt: row.createdAt };
}

async function countFailure(db: Db, login: string, now: Date) {
  const forgotten = new Date(now.getTime() - FORGET_AFTER_MS).toISOString();
  await db
    .insert(signInFailures)
    .values({ login, failures: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: signInFailures.login,
      set: {
        failures: sql`case when ${signInFailures.lastFailedAt} < ${forgotten}::timestamptz then 1 else ${signInFailures.failures} + 1 end`,
        lastFailedAt: now,
      },
    });
}
