import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins per login, whether or not an account has that login: counting only real
 * accounts would let the throttle tell which logins exist. A success deletes the row.
 */
export const signInFailures = pgTable("sign_in_failures", {
  login: text("login").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
});
