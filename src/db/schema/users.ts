import { boolean, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * A person who signs in to the workspace. `login` is stored normalised (trimmed, NFC, lower
 * case); only an argon2id hash of the password is kept. Accounts are disabled, never deleted,
 * so the audit trail keeps naming who did what.
 */
export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  login: text("login").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  admin: boolean("admin").notNull().default(false),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
