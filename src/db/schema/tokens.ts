import { integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/**
 * Researcher bearer tokens. Only the SHA-256 of a token is kept; the token itself is shown once.
 * A token with a `userId` acts as that user; one without (made before accounts existed) is
 * the legacy "token" principal with an administrator's reach.
 */
export const tokens = pgTable("tokens", {
  id: serial("id").primaryKey(),
  label: text("label").notNull(),
  hash: text("hash").notNull().unique(),
  userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
